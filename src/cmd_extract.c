/* cmd_extract: `lgtrend extract` -- one row per figure, as CSV, TSV or JSON
 * lines, in input order whatever the number of threads. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "lg_atomic.h"
#include "lg_csv.h"
#include "lg_extract.h"

static const char usage[] =
	"Usage: lgtrend extract [OPTION]... [PATH]...\n"
	"Print every figure found in the reports: one row per number that belongs to\n"
	"an indicator, with its scope, period, approximation and place in the source.\n"
	"PATHs are files or directories (read recursively, *.txt); default ./seeds.\n"
	"\n"
	"  -f, --format FMT         csv (default), tsv or jsonl\n"
	"  -o, --output FILE        write to FILE (atomically) instead of stdout\n"
	"      --indicator NAME     only this indicator (Chinese name or id; repeatable)\n"
	"      --explain            also list numbers turned away, with the reason\n"
	"      --encoding E         same as --input-encoding\n"
	"      --crlf               CRLF line ends\n"
	"      --excel              UTF-8 BOM and formula-safe text cells, for Excel\n"
	"%s"
	"\n"
	"Columns: source,offset,length,agency,region,year,period,indicator,indicator_id,\n"
	"scope,value,unit,approx,approx_kind,role,reported_yoy_pct,raw,text\n"
	"(and reason,detail with --explain).  offset/length: bytes of the number in the\n"
	"original file.  value: exact, in unit (money always in 万元).\n"
	"\n"
	"%s";

static const char *const columns[] = {
	"source", "offset", "length", "agency", "region", "year", "period", "indicator", "indicator_id", "scope",
	"value", "unit", "approx", "approx_kind", "role", "reported_yoy_pct", "raw", "text",
};

typedef enum { FMT_CSV, FMT_TSV, FMT_JSONL } out_format;

typedef struct {
	lg_session *s;
	out_format fmt;
	lg_csv_opts copts;
	bool *want; /* per indicator, NULL = all */
	FILE *out;
	lg_csv *csv;
	size_t failed, processed, figures;
	bool write_error;
} xctx;

typedef struct {
	lg_outcome o;
	lg_buf rows;
	size_t nfig;
} xres;

static void json_str(lg_buf *b, const char *s, size_t n)
{
	lg_buf_addc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			lg_buf_addc(b, '\\');
			lg_buf_addc(b, (char)c);
		} else if (c == '\n') {
			lg_buf_adds(b, "\\n");
		} else if (c == '\r') {
			lg_buf_adds(b, "\\r");
		} else if (c == '\t') {
			lg_buf_adds(b, "\\t");
		} else if (c < 0x20 || c == 0x7F) {
			lg_buf_addf(b, "\\u%04x", c);
		} else {
			lg_buf_addc(b, (char)c);
		}
	}
	lg_buf_addc(b, '"');
}

/* The sentence, without the newlines of wrapped lines. */
static void sentence(lg_buf *tmp, const lg_text *t, const lg_figure *f)
{
	lg_buf_reset(tmp);
	size_t i = f->text_start;
	while (i < f->text_end) {
		const char *nl = memchr(t->s + i, '\n', f->text_end - i);
		size_t j = nl ? (size_t)(nl - t->s) : f->text_end;
		lg_buf_add(tmp, t->s + i, j - i);
		i = j + 1;
	}
}

static void *job(void *vctx, lg_worker *w, size_t index, const char *path, const lg_file *f)
{
	(void)w;
	(void)index;
	xctx *c = vctx;
	xres *r = lg_xcalloc(1, sizeof *r);
	lg_buf_init(&r->rows);
	if (!lg_outcome_set(&r->o, f))
		return r;
	const lg_report *rep = &f->report;
	const lg_vocab *v = c->s->vocab;
	char yearbuf[16] = "";
	if (rep->year)
		snprintf(yearbuf, sizeof yearbuf, "%d", rep->year);
	lg_buf tmp = LG_BUF_INIT;
	char num[LG_DEC_FMTMAX], off[32], len[32], yoy[48];
	lg_csv *csv = NULL;
	if (c->fmt != FMT_JSONL) {
		csv = lg_csv_new(NULL, &c->copts);
	}
	for (size_t i = 0; i < f->figures->n; i++) {
		const lg_figure *g = &f->figures->v[i];
		if (c->want && (g->indicator < 0 || !c->want[g->indicator]))
			continue;
		const lg_indicator *d = g->indicator >= 0 ? lg_vocab_get(v, (size_t)g->indicator) : NULL;
		lg_dec_format(&g->value, num);
		lg_utoa(g->offset, off);
		lg_utoa(g->length, len);
		yoy[0] = '\0';
		if (g->has_yoy)
			lg_dec_format_hundredths(g->yoy_hundredths, yoy, sizeof yoy);
		sentence(&tmp, f->text, g);
		const char *cells[] = {
			path, off, len, rep->agency, rep->region, yearbuf, g->period, d ? d->name : "", d ? d->id : "",
			lg_scope_name(g->scope), num, g->unit, g->approx ? "1" : "0", lg_approx_name(g->approx),
			lg_role_name(g->role), yoy, g->raw, tmp.s, g->reason ? g->reason : "", g->detail,
		};
		static const bool numeric[] = { 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0 };
		size_t ncells = c->s->explain ? 20 : 18;
		if (c->fmt == FMT_JSONL) {
			lg_buf_addc(&r->rows, '{');
			static const char *const extra[] = { "reason", "detail" };
			for (size_t k = 0; k < ncells; k++) {
				if (k)
					lg_buf_addc(&r->rows, ',');
				json_str(&r->rows, k < 18 ? columns[k] : extra[k - 18],
					 strlen(k < 18 ? columns[k] : extra[k - 18]));
				lg_buf_addc(&r->rows, ':');
				if (numeric[k] && cells[k][0])
					lg_buf_adds(&r->rows, cells[k]);
				else if (numeric[k])
					lg_buf_adds(&r->rows, "null");
				else
					json_str(&r->rows, cells[k], strlen(cells[k]));
			}
			lg_buf_adds(&r->rows, "}\n");
		} else {
			for (size_t k = 0; k < ncells; k++) {
				if (numeric[k])
					lg_csv_num(csv, cells[k]);
				else
					lg_csv_text(csv, cells[k]);
			}
			lg_csv_endrow(csv);
		}
		r->nfig++;
	}
	if (csv) {
		lg_buf *b = lg_csv_buffer(csv);
		lg_buf_add(&r->rows, b->s, b->len);
		lg_csv_free(csv);
	}
	lg_buf_release(&tmp);
	return r;
}

static void consume(void *vctx, size_t index, const char *path, void *vres)
{
	(void)index;
	xctx *c = vctx;
	xres *r = vres;
	if (lg_outcome_report(&r->o, path, lg_session_verbose(c->s), &c->failed, &c->processed)) {
		c->figures += r->nfig;
		if (r->rows.len && !c->write_error) {
			if (fwrite(r->rows.s, 1, r->rows.len, c->out) != r->rows.len)
				c->write_error = true;
		}
	}
	lg_buf_release(&r->rows);
	lg_outcome_release(&r->o);
	free(r);
}

int cmd_extract(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "crlf", no_argument, NULL, OPT_CRLF },
		{ "encoding", required_argument, NULL, OPT_INPUT_ENCODING },
		{ "excel", no_argument, NULL, OPT_EXCEL },
		{ "explain", no_argument, NULL, OPT_EXPLAIN },
		{ "format", required_argument, NULL, 'f' },
		{ "indicator", required_argument, NULL, OPT_INDICATOR },
		{ "output", required_argument, NULL, 'o' },
		LG_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	lg_session s;
	lg_session_init(&s, "extract", usage, argv);
	xctx c;
	memset(&c, 0, sizeof c);
	c.s = &s;
	c.fmt = FMT_CSV;
	c.copts.delim = ',';
	const char *output = NULL;
	char *indicators[64];
	int nind = 0;
	int opt, ret = LG_EXIT_OK;
	optind = 1;
	while ((opt = getopt_long(argc, argv, ":f:o:j:qh", longopts, NULL)) != -1) {
		int code, h = lg_session_option(&s, opt, optarg, &code);
		if (h == LG_OPT_EXIT)
			return code;
		if (h == LG_OPT_MINE)
			continue;
		switch (opt) {
		case 'f': {
			static const char *const formats[] = { "csv", "tsv", "jsonl", "json", NULL };
			int k = lg_choice("extract", "format", optarg, formats);
			if (k < 0)
				return LG_EXIT_USAGE;
			c.fmt = k == 3 ? FMT_JSONL : (out_format)k;
			break;
		}
		case 'o':
			output = optarg;
			break;
		case OPT_INDICATOR:
			if (nind < 64)
				indicators[nind++] = optarg;
			break;
		case OPT_EXPLAIN:
			s.explain = true;
			break;
		case OPT_CRLF:
			c.copts.crlf = true;
			break;
		case OPT_EXCEL:
			c.copts.excel = true;
			break;
		default:
			return lg_usage_error(s.cmd, "unknown option");
		}
	}
	if (c.fmt == FMT_TSV)
		c.copts.delim = '\t';
	ret = lg_session_open(&s, argv + optind, argc - optind, true);
	if (ret != LG_EXIT_OK)
		goto cleanup;
	if (nind) {
		c.want = lg_xcalloc(lg_vocab_count(s.vocab), sizeof *c.want);
		for (int i = 0; i < nind; i++) {
			int k = lg_vocab_find(s.vocab, indicators[i]);
			if (k < 0) {
				ret = lg_usage_error("extract", "unknown indicator '%s' (see 'lgtrend indicators')", indicators[i]);
				goto cleanup;
			}
			c.want[k] = true;
		}
	}
	lg_atomic at;
	memset(&at, 0, sizeof at);
	lg_err err;
	if (output && strcmp(output, "-") != 0) {
		for (int i = 0; i < s.npaths; i++) {
			if (strcmp(s.paths[i], output) == 0) {
				lg_say(output, "is one of the inputs; refusing to overwrite it");
				ret = LG_EXIT_OUTPUT;
				goto cleanup;
			}
		}
		lg_atomic_init();
		if (lg_atomic_open(&at, output, &err) != LG_OK) {
			lg_say(output, "%s", err.msg);
			ret = LG_EXIT_OUTPUT;
			goto cleanup;
		}
		c.out = at.fp;
	} else {
		c.out = stdout;
	}
	/* rows arrive a file's worth at a time: write them in large blocks
	 * (a terminal keeps its line buffering) */
	static char outbuf[1 << 18]; /* glibc ignores the size without a buffer */
	if (!isatty(fileno(c.out)))
		setvbuf(c.out, outbuf, _IOFBF, sizeof outbuf);
	/* header */
	if (c.fmt != FMT_JSONL) {
		lg_csv *h = lg_csv_new(c.out, &c.copts);
		for (size_t k = 0; k < sizeof columns / sizeof columns[0]; k++)
			lg_csv_text(h, columns[k]);
		if (s.explain) {
			lg_csv_text(h, "reason");
			lg_csv_text(h, "detail");
		}
		lg_csv_endrow(h);
		if (lg_csv_flush(h) != LG_OK)
			c.write_error = true;
		lg_csv_free(h);
	}
	size_t nfiles = lg_session_run(&s, job, consume, &c);
	if (fflush(c.out) != 0 || ferror(c.out))
		c.write_error = true;
	if (output && strcmp(output, "-") != 0) {
		if (c.write_error || !nfiles) {
			/* nothing to show for it: leave any earlier output as it was */
			lg_atomic_abort(&at);
		} else if (lg_atomic_commit(&at, &err) != LG_OK) {
			lg_say(output, "%s", err.msg);
			c.write_error = true;
		}
	}
	if (c.write_error) {
		lg_say(output ? output : "stdout", "write error; output incomplete");
		ret = LG_EXIT_OUTPUT;
	} else if (!nfiles) {
		ret = LG_EXIT_DATA;
	} else if (c.failed || lg_session_problems(&s)) {
		lg_say(NULL, "%zu of %zu inputs failed; %zu processed, %zu figures", c.failed + lg_session_problems(&s),
		       nfiles + lg_session_problems(&s), c.processed, c.figures);
		ret = c.processed ? LG_EXIT_PARTIAL : LG_EXIT_DATA;
	}
cleanup:
	free(c.want);
	lg_session_close(&s);
	return ret;
}
