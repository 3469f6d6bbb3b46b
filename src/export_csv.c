/* export_csv: owns CSV/TSV cell quoting (libcsv's writer), Excel safety,
 * GB18030 output, and the long and wide tables of an indicator. */
#include "lg_csv.h"

#include <csv.h>

#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "lg_vocab.h"

struct lg_csv {
	FILE *fp;
	lg_csv_opts o;
	lg_buf row;
	lg_buf tmp;
	bool first_cell;
	bool bom_done;
	bool io_error;
	iconv_t cd;
};

lg_csv *lg_csv_new(FILE *fp, const lg_csv_opts *o)
{
	lg_csv *c = lg_xcalloc(1, sizeof *c);
	c->fp = fp;
	c->o = *o;
	if (!c->o.delim)
		c->o.delim = ',';
	lg_buf_init(&c->row);
	lg_buf_init(&c->tmp);
	c->first_cell = true;
	c->cd = (iconv_t)-1;
	if (c->o.gbk)
		c->cd = iconv_open("GB18030", "UTF-8");
	return c;
}

void lg_csv_free(lg_csv *c)
{
	if (!c)
		return;
	lg_buf_release(&c->row);
	lg_buf_release(&c->tmp);
	if (c->cd != (iconv_t)-1)
		iconv_close(c->cd);
	free(c);
}

lg_buf *lg_csv_buffer(lg_csv *c)
{
	return &c->row;
}

/* Does a cell need quotes: a delimiter, quote or line break in it, or a
 * space at either end?  16 bytes at a time where SSE2 is (a cell is often
 * a whole sentence). */
static bool needs_quotes(const char *s, size_t n, char delim)
{
	if (n && (s[0] == ' ' || s[n - 1] == ' '))
		return true;
	size_t i = 0;
#ifdef __SSE2__
	const __m128i d = _mm_set1_epi8(delim), q = _mm_set1_epi8('"'), nl = _mm_set1_epi8('\n'),
		      cr = _mm_set1_epi8('\r');
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, q)),
					   _mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, cr)));
		if (_mm_movemask_epi8(hit))
			return true;
	}
#endif
	for (; i < n; i++)
		if (s[i] == delim || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			return true;
	return false;
}

void lg_csv_quote(lg_buf *b, const char *s, size_t n, char delim, bool excel)
{
	bool guard = excel && n && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
	if (delim == '\t') {
		/* TSV: no quoting; tabs and line breaks inside a cell become spaces */
		if (guard)
			lg_buf_addc(b, '\'');
		for (size_t i = 0; i < n; i++) {
			char ch = s[i];
			lg_buf_addc(b, (ch == '\t' || ch == '\n' || ch == '\r') ? ' ' : ch);
		}
		return;
	}
	if (!guard && !needs_quotes(s, n, delim)) {
		lg_buf_add(b, s, n);
		return;
	}
	if (!guard && !memchr(s, '"', n)) {
		/* no quote inside to double: the cell between quotes, as
		 * libcsv's writer would write it */
		lg_buf_grow(b, n + 2);
		b->s[b->len++] = '"';
		memcpy(b->s + b->len, s, n);
		b->len += n;
		b->s[b->len++] = '"';
		b->s[b->len] = '\0';
		return;
	}
	/* libcsv's writer, in one pass: a quoted cell is at most twice its
	 * length plus the two quotes */
	const char *src = s;
	size_t sn = n;
	char *tmp = NULL;
	if (guard) {
		tmp = lg_xmalloc(n + 1);
		tmp[0] = '\'';
		memcpy(tmp + 1, s, n);
		src = tmp;
		sn = n + 1;
	}
	lg_buf_grow(b, 2 * sn + 2);
	b->len += csv_write2(b->s + b->len, 2 * sn + 2, src, sn, CSV_QUOTE);
	b->s[b->len] = '\0';
	free(tmp);
}

static void sep(lg_csv *c)
{
	if (!c->first_cell)
		lg_buf_addc(&c->row, c->o.delim);
	c->first_cell = false;
}

void lg_csv_textn(lg_csv *c, const char *s, size_t n)
{
	sep(c);
	lg_csv_quote(&c->row, s, n, c->o.delim, c->o.excel);
}

void lg_csv_text(lg_csv *c, const char *s)
{
	lg_csv_textn(c, s ? s : "", s ? strlen(s) : 0);
}

void lg_csv_num(lg_csv *c, const char *s)
{
	sep(c);
	lg_buf_adds(&c->row, s);
}

void lg_csv_int(lg_csv *c, long long v)
{
	sep(c);
	/* a row has several, and printf is slow for this */
	char buf[24];
	if (v < 0)
		lg_buf_addc(&c->row, '-');
	lg_buf_add(&c->row, buf, lg_utoa(v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v, buf));
}

void lg_csv_dec(lg_csv *c, const lg_dec *v)
{
	char buf[LG_DEC_FMTMAX];
	lg_dec_format(v, buf);
	lg_csv_num(c, buf);
}

void lg_csv_hundredths(lg_csv *c, long long h)
{
	char buf[48];
	lg_dec_format_hundredths(h, buf, sizeof buf);
	lg_csv_num(c, buf);
}

static void write_out(lg_csv *c, const char *s, size_t n)
{
	if (c->cd == (iconv_t)-1) {
		if (n && fwrite(s, 1, n, c->fp) != n)
			c->io_error = true;
		return;
	}
	lg_buf_reset(&c->tmp);
	lg_buf_grow(&c->tmp, 2 * n + 16);
	char *in = (char *)s, *out = c->tmp.s;
	size_t il = n, ol = c->tmp.cap - 1;
	while (il) {
		if (iconv(c->cd, &in, &il, &out, &ol) == (size_t)-1) {
			/* GB18030 covers Unicode; only a broken input gets here */
			in++;
			il--;
			if (ol) {
				*out++ = '?';
				ol--;
			}
		}
	}
	size_t wn = (size_t)(out - c->tmp.s);
	if (wn && fwrite(c->tmp.s, 1, wn, c->fp) != wn)
		c->io_error = true;
}

void lg_csv_endrow(lg_csv *c)
{
	if (c->o.crlf)
		lg_buf_addc(&c->row, '\r');
	lg_buf_addc(&c->row, '\n');
	c->first_cell = true;
	if (c->fp && c->row.len >= 1 << 16)
		lg_csv_flush(c);
}

lg_status lg_csv_flush(lg_csv *c)
{
	if (!c->fp)
		return LG_OK; /* a buffer-only writer: the caller takes lg_csv_buffer */
	if (!c->bom_done) {
		c->bom_done = true;
		if (c->o.excel && !c->o.gbk && fwrite("\xEF\xBB\xBF", 1, 3, c->fp) != 3)
			c->io_error = true;
	}
	write_out(c, c->row.s, c->row.len);
	lg_buf_reset(&c->row);
	if (fflush(c->fp) != 0 || ferror(c->fp))
		c->io_error = true;
	return c->io_error ? LG_ERR_IO : LG_OK;
}

static const char *basis_name(const lg_series *s, const lg_row *r)
{
	const lg_indicator *d = lg_vocab_get(lg_series_vocab(s), (size_t)r->indicator);
	return d ? d->name : "";
}

lg_status lg_csv_write_long(const lg_series *s, FILE *fp, const lg_csv_opts *o)
{
	static const char *const head[] = {
		"indicator", "agency", "year", "period", "scope", "headline", "value", "unit", "approx", "approx_kind",
		"basis", "yoy_abs", "yoy_pct", "reported_yoy_pct", "source", "offset", "text",
	};
	lg_csv *c = lg_csv_new(fp, o);
	const lg_indicator *ind = lg_vocab_get(lg_series_vocab(s), (size_t)lg_series_indicator(s));
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		lg_csv_text(c, head[i]);
	lg_csv_endrow(c);
	for (size_t i = 0; i < lg_series_count(s); i++) {
		const lg_row *r = lg_series_row(s, i);
		lg_csv_text(c, ind->name);
		lg_csv_text(c, r->agency);
		lg_csv_int(c, r->year);
		lg_csv_text(c, r->period);
		lg_csv_text(c, lg_scope_name(r->scope));
		lg_csv_int(c, r->headline);
		lg_csv_dec(c, &r->value);
		lg_csv_text(c, r->unit);
		lg_csv_int(c, r->approx != LG_APPROX_NONE);
		lg_csv_text(c, lg_approx_name(r->approx));
		lg_csv_text(c, basis_name(s, r));
		if (r->has_yoy)
			lg_csv_dec(c, &r->yoy_abs);
		else
			lg_csv_num(c, "");
		if (r->has_yoy_pct)
			lg_csv_hundredths(c, r->yoy_pct);
		else
			lg_csv_num(c, "");
		if (r->has_reported_yoy)
			lg_csv_hundredths(c, r->reported_yoy);
		else
			lg_csv_num(c, "");
		lg_csv_text(c, r->source);
		lg_csv_int(c, (long long)r->offset);
		lg_csv_text(c, r->text);
		lg_csv_endrow(c);
	}
	lg_status st = lg_csv_flush(c);
	lg_csv_free(c);
	return st;
}

lg_status lg_csv_write_wide(const lg_series *s, FILE *fp, const lg_csv_opts *o, int ylo, int yhi)
{
	lg_csv *c = lg_csv_new(fp, o);
	const lg_indicator *ind = lg_vocab_get(lg_series_vocab(s), (size_t)lg_series_indicator(s));
	char name[64];
	lg_csv_text(c, "indicator");
	lg_csv_text(c, "agency");
	lg_csv_text(c, "unit");
	for (int y = ylo; y <= yhi; y++) {
		snprintf(name, sizeof name, "%d", y);
		lg_csv_text(c, name);
	}
	for (int y = ylo + 1; y <= yhi; y++) {
		snprintf(name, sizeof name, "yoy_pct_%d", y);
		lg_csv_text(c, name);
	}
	lg_csv_text(c, "notes");
	lg_csv_endrow(c);
	size_t n = lg_series_count(s);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		const lg_row *first = lg_series_row(s, i);
		while (j < n && strcmp(lg_series_row(s, j)->key, first->key) == 0)
			j++;
		/* the headline of each year */
		const lg_row *by_year[256] = { 0 };
		for (size_t k = i; k < j; k++) {
			const lg_row *r = lg_series_row(s, k);
			if (r->headline && r->year >= ylo && r->year <= yhi && r->year - ylo < 256)
				by_year[r->year - ylo] = r;
		}
		bool any = false;
		for (int y = ylo; y <= yhi; y++)
			any = any || by_year[y - ylo];
		if (any) {
			lg_buf notes = LG_BUF_INIT;
			lg_csv_text(c, ind->name);
			lg_csv_text(c, first->agency);
			lg_csv_text(c, ind->unit);
			for (int y = ylo; y <= yhi; y++) {
				const lg_row *r = by_year[y - ylo];
				if (!r) {
					lg_csv_num(c, "");
					continue;
				}
				lg_csv_dec(c, &r->value);
				if (r->approx || r->period[0] || r->proxy || strcmp(r->unit, ind->unit) != 0 ||
				    r->scope != LG_SCOPE_ALL) {
					lg_buf_addf(&notes, "%s%d:", notes.len ? "; " : "", y);
					if (r->approx)
						lg_buf_addf(&notes, " %s", r->approx == LG_APPROX_FLOOR ? "至少" : r->approx == LG_APPROX_CEIL ? "不超过" : "约");
					if (r->period[0])
						lg_buf_addf(&notes, " %s", r->period);
					if (r->proxy)
						lg_buf_addf(&notes, " 按%s", basis_name(s, r));
					if (strcmp(r->unit, ind->unit) != 0)
						lg_buf_addf(&notes, " 单位%s", r->unit);
					if (r->scope != LG_SCOPE_ALL)
						lg_buf_addf(&notes, " %s", lg_scope_name(r->scope));
				}
			}
			for (int y = ylo + 1; y <= yhi; y++) {
				const lg_row *r = by_year[y - ylo];
				const lg_row *p = by_year[y - 1 - ylo];
				/* only the same series: the same scope, unit and basis, full years */
				if (r && p && r->has_yoy_pct && p->scope == r->scope && !r->period[0] && !p->period[0])
					lg_csv_hundredths(c, r->yoy_pct);
				else
					lg_csv_num(c, "");
			}
			lg_csv_text(c, notes.s);
			lg_csv_endrow(c);
			lg_buf_release(&notes);
		}
		i = j;
	}
	lg_status st = lg_csv_flush(c);
	lg_csv_free(c);
	return st;
}
