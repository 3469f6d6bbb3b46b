/* extract: owns the reading of the language -- paragraphs, sections,
 * sentences, clauses; each quantity's subject (the words before it) or
 * noun phrase (the words after a count written before its noun); the
 * choice of indicator; scope, period, role, reported year-over-year; and
 * the reason for every number turned away.  One left-to-right pass. */
#include "lg_extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SUBJECT_MAX_CHARS 40
#define NP_MAX_CHARS 40
#define HEADING_MAX_BYTES 180
#define TEXT_CAP_BYTES 600
#define SUBJ_CPS_MAX 96
#define TEXT_SIDE_BYTES 240
#define LG_NONE_MAX 16

struct lg_extractor {
	const lg_vocab *v;
	pcre2_match_data *md;
	bool explain;
	lg_buf subj;   /* masked subject */
	lg_buf clause; /* masked clause */
	lg_buf np;     /* masked noun phrase */
	lg_buf partw;  /* masked words of a passed-over number (joined_to_part) */
	lg_buf incl;   /* cut_inclusion: the words of an aside that says what a figure includes */
	lg_buf brackets; /* bracket_end: the sentence's brackets read so far (br_event) */
	lg_buf opens;  /* bracket_end: of those, the indexes of the ones still open (size_t) */
	lg_buf qzs;    /* qizhong_before: the sentence's 其中 read so far (qz_seen pairs) */
	lg_buf spans;  /* read_year_spans: the sentence's spans of years */
	lg_buf joined; /* join_wrapped: the text with the lines a PDF wrapped joined */
	lg_buf cuts;   /* join_wrapped: where each newline taken out was, in joined (size_t) */
	lg_buf kept;   /* join_wrapped: newlines kept inside a sentence, beside a table row (size_t) */
	int grp[LG_CTX_COUNT];
	lg_cpset stop; /* the characters the main scan stops at */
	uint64_t *tset, *eset; /* per number: indicators whose trigger / trigger end may begin in its words */
	bool only_units;       /* read as figures only the numbers in units[] (export of some indicators) */
	bool units[LG_UNITS_MAX];
	/* the characters a quantity in one of units[] or a percentage must
	 * have (UTF-8): a sentence with none of them has no number to read */
	uint32_t keys[32]; /* each a character of one or three bytes, packed */
	size_t nkeys;
	lg_cpset stop_defer; /* while a sentence's numbers are not read: its ends, quotes, the keys */
	/* the same, for the AVX2 scan (skip_defer): the ASCII members and the
	 * three-byte ones, exactly */
	bool defer_wide;
	int ndascii, ndwide;
	uint8_t dascii[16];
	uint8_t dwide[24][3];
	/* the indicators' `none` words (全年未发生生产安全事故: a 0), by their
	 * leading words; on: read in this run (an export's units) */
	struct {
		const char *lit;
		size_t len;
		bool on; /* some indicator read in this run begins a `none` with it */
	} nlit[LG_NONE_MAX];
	int nnlit;
	struct {
		int lit; /* in nlit */
		int ind;
		bool on;
	} none[LG_NONE_MAX];
	int nnone;
};

void lg_figures_init(lg_figures *f)
{
	memset(f, 0, sizeof *f);
}

void lg_figures_release(lg_figures *f)
{
	free(f->v);
	memset(f, 0, sizeof *f);
}

void lg_figures_reset(lg_figures *f)
{
	f->n = 0;
}

lg_figure *lg_figures_push(lg_figures *f)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 64;
		f->v = lg_xrealloc(f->v, f->cap * sizeof *f->v);
	}
	lg_figure *g = &f->v[f->n++];
	memset(g, 0, sizeof *g);
	g->unit_id = -1; /* none until a unit is set (0 is a unit's id) */
	return g;
}

const char *lg_role_name(lg_role r)
{
	switch (r) {
	case LG_ROLE_TOTAL: return "total";
	case LG_ROLE_SUB: return "sub";
	default: return "excluded";
	}
}

lg_extractor *lg_extractor_new(const lg_vocab *v, bool explain)
{
	lg_extractor *x = lg_xcalloc(1, sizeof *x);
	x->v = v;
	x->md = lg_vocab_match_data_new(v);
	x->explain = explain;
	x->tset = lg_xcalloc(lg_vocab_set_words(v), sizeof *x->tset);
	x->eset = lg_xcalloc(lg_vocab_set_words(v), sizeof *x->eset);
	lg_buf_init(&x->subj);
	lg_buf_init(&x->clause);
	lg_buf_init(&x->np);
	lg_buf_init(&x->partw);
	for (int g = 0; g < LG_CTX_COUNT; g++)
		x->grp[g] = lg_vocab_context_group(v, (lg_ctx_group)g);
	/* digits, newline, sentence ends, “ 《, every numeral lead, 百 千 万 */
	static const char *const stops = "0123456789\n;!?.。“《";
	for (const char *p = stops; *p;) {
		unsigned cp;
		p += lg_utf8_decode(p, &cp);
		lg_cpset_add(&x->stop, cp);
	}
	for (unsigned cp = 0x3000; cp < 0xA000; cp++) {
		char u[3] = { (char)(0xE0 | cp >> 12), (char)(0x80 | ((cp >> 6) & 0x3F)), (char)(0x80 | (cp & 0x3F)) };
		if (lg_units_numeral_lead(u, 3, 0) || lg_units_round_lead(u, 3, 0) || lg_units_fin_lead(cp))
			lg_cpset_add(&x->stop, cp);
	}
	for (size_t i = 0; i < lg_vocab_count(v); i++) {
		const lg_indicator *d = lg_vocab_get(v, i);
		for (size_t k = 0; d->none && k < d->nnone_lit && x->nnone < LG_NONE_MAX; k++) {
			int l = 0;
			while (l < x->nnlit && strcmp(x->nlit[l].lit, d->none_lit[k]) != 0)
				l++;
			if (l == x->nnlit) {
				x->nlit[l].lit = d->none_lit[k];
				x->nlit[l].len = strlen(d->none_lit[k]);
				x->nlit[l].on = true;
				x->nnlit++;
			}
			/* alternatives of one indicator beginning alike are one
			 * entry: its whole `none` pattern is tried where they begin */
			int e = 0;
			while (e < x->nnone && !(x->none[e].lit == l && x->none[e].ind == (int)i))
				e++;
			if (e < x->nnone)
				continue;
			x->none[x->nnone].lit = l;
			x->none[x->nnone].ind = (int)i;
			x->none[x->nnone++].on = true;
		}
	}
	return x;
}

void lg_extractor_only_units(lg_extractor *x, const bool *units)
{
	x->only_units = units != NULL;
	x->nkeys = 0;
	for (int l = 0; l < x->nnlit; l++)
		x->nlit[l].on = false;
	for (int k = 0; k < x->nnone; k++) {
		int uid = lg_units_canon_id(lg_vocab_get(x->v, (size_t)x->none[k].ind)->unit);
		x->none[k].on = !units || (uid >= 0 && units[uid]);
		x->nlit[x->none[k].lit].on |= x->none[k].on;
	}
	if (!units)
		return;
	memcpy(x->units, units, sizeof x->units);
	/* a percentage is read whatever the units: a change stated in the text */
	bool keyed[LG_UNITS_MAX];
	memcpy(keyed, units, sizeof keyed);
	int pct = lg_units_canon_id("%"), times = lg_units_canon_id("倍");
	if (pct >= 0)
		keyed[pct] = true;
	if (times >= 0)
		keyed[times] = true; /* 同比增长1.2倍 */
	unsigned cps[32];
	size_t k = lg_units_key_chars(keyed, cps, 32);
	memset(&x->stop_defer, 0, sizeof x->stop_defer);
	for (const char *p = "\n;!?.。“《"; *p;) {
		unsigned cp;
		p += lg_utf8_decode(p, &cp);
		lg_cpset_add(&x->stop_defer, cp);
	}
	if (k == 32)
		return; /* more than it holds (nkeys 0): every number is read */
	for (size_t i = 0; i < k; i++) {
		unsigned cp = cps[i];
		if (cp >= 0x80 && (cp < 0x800 || cp >= 0x10000)) {
			x->nkeys = 0; /* not of one or three bytes: every number is read */
			return;
		}
		x->keys[x->nkeys++] = cp < 0x80 ? cp
					       : (0xE0u | (cp >> 12)) << 16 | (0x80u | ((cp >> 6) & 0x3F)) << 8 |
							 (0x80u | (cp & 0x3F));
		lg_cpset_add(&x->stop_defer, cp);
	}
	/* stop_defer's members, listed (all of one or of three bytes) */
	x->defer_wide = lg_avx2();
	x->ndascii = x->ndwide = 0;
	for (unsigned w = 0; w < 1024; w++) {
		for (uint64_t bits = x->stop_defer.w[w]; bits; bits &= bits - 1) {
			unsigned cp = w << 6 | (unsigned)__builtin_ctzll(bits);
			if (cp < 0x80 && x->ndascii < (int)sizeof x->dascii) {
				x->dascii[x->ndascii++] = (uint8_t)cp;
			} else if (cp >= 0x800 && x->ndwide < (int)(sizeof x->dwide / sizeof x->dwide[0])) {
				x->dwide[x->ndwide][0] = (uint8_t)(0xE0 | (cp >> 12));
				x->dwide[x->ndwide][1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
				x->dwide[x->ndwide++][2] = (uint8_t)(0x80 | (cp & 0x3F));
			} else {
				x->defer_wide = false;
			}
		}
	}
}

void lg_extractor_free(lg_extractor *x)
{
	if (!x)
		return;
	pcre2_match_data_free(x->md);
	free(x->tset);
	free(x->eset);
	lg_buf_release(&x->subj);
	lg_buf_release(&x->clause);
	lg_buf_release(&x->np);
	lg_buf_release(&x->partw);
	lg_buf_release(&x->incl);
	lg_buf_release(&x->opens);
	lg_buf_release(&x->brackets);
	lg_buf_release(&x->qzs);
	lg_buf_release(&x->spans);
	lg_buf_release(&x->joined);
	lg_buf_release(&x->cuts);
	lg_buf_release(&x->kept);
	free(x);
}

/* ---- small text helpers over clean UTF-8 ---- */

#define LIT(s) (s), (sizeof(s) - 1)

/* Where lit is next found at or after from (n: nowhere); lg_find. */
static size_t find_from(const char *s, size_t n, size_t from, const char *lit, size_t len)
{
	const char *p = from < n ? lg_find(s + from, n - from, lit, len) : NULL;
	return p ? (size_t)(p - s) : n;
}

/* Where the first ASCII digit at or after i is (n: none before n). */
static size_t digit_from(const char *s, size_t n, size_t i)
{
	while (i < n && !(s[i] >= '0' && s[i] <= '9'))
		i++;
	return i;
}

static inline bool at_lit(const char *s, size_t n, size_t i, const char *lit, size_t k)
{
	if (i + k > n)
		return false;
	/* one character (three bytes) by hand: a call to memcmp costs more
	 * than the comparison */
	if (k == 3)
		return s[i] == lit[0] && s[i + 1] == lit[1] && s[i + 2] == lit[2];
	return memcmp(s + i, lit, k) == 0;
}

static inline bool is_han(unsigned cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

static inline size_t cp_at(const char *s, size_t n, size_t i, unsigned *cp)
{
	if (i >= n) {
		*cp = 0;
		return 0;
	}
	return lg_utf8_decode(s + i, cp);
}

static bool is_cn_small(unsigned cp)
{
	switch (cp) {
	case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94:
	case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341:
		return true;
	default:
		return false;
	}
}

/* Length of a run of 一..十 starting at i. */
static size_t cn_run(const char *s, size_t n, size_t i)
{
	size_t j = i;
	unsigned cp;
	size_t k;
	while ((k = cp_at(s, n, j, &cp)) && is_cn_small(cp) && j - i < 9)
		j += k;
	return j - i;
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

typedef enum { MARK_NONE, MARK_TOP, MARK_SUB, MARK_INLINE } mark_kind;

/* A section marker at i: 一、 (一) 1. 1、 (1) 一是 第一, 首先 其次 最后.
 * *after gets the first byte after the marker. */
static mark_kind marker_at(const char *s, size_t n, size_t i, size_t *after)
{
	size_t r = cn_run(s, n, i);
	if (r) {
		if (at_lit(s, n, i + r, LIT("、"))) {
			*after = i + r + 3;
			return MARK_TOP;
		}
		if (at_lit(s, n, i + r, LIT("是"))) {
			*after = i + r + 3;
			return MARK_INLINE;
		}
	}
	if (i < n && s[i] == '(') {
		size_t r2 = cn_run(s, n, i + 1);
		size_t j = i + 1 + r2;
		if (!r2)
			while (j < n && s[j] >= '0' && s[j] <= '9' && j - i < 4)
				j++;
		if (j > i + 1 && j < n && s[j] == ')') {
			*after = j + 1;
			return MARK_SUB;
		}
	}
	if (i < n && s[i] >= '0' && s[i] <= '9') {
		size_t j = i;
		while (j < n && s[j] >= '0' && s[j] <= '9' && j - i < 3)
			j++;
		if (j < n && (s[j] == '.' || at_lit(s, n, j, LIT("、"))) && !(j + 1 < n && s[j + 1] >= '0' && s[j + 1] <= '9')) {
			*after = j + (s[j] == '.' ? 1 : 3);
			return MARK_SUB;
		}
	}
	if (at_lit(s, n, i, LIT("第"))) {
		size_t r3 = cn_run(s, n, i + 3);
		if (r3 && (at_lit(s, n, i + 3 + r3, LIT("，")) || at_lit(s, n, i + 3 + r3, LIT("、")) ||
			   (i + 3 + r3 < n && s[i + 3 + r3] == ','))) {
			*after = i + 3 + r3 + (s[i + 3 + r3] == ',' ? 1 : 3);
			return MARK_INLINE;
		}
	}
	if (at_lit(s, n, i, LIT("首先")) || at_lit(s, n, i, LIT("其次")) || at_lit(s, n, i, LIT("再次")) ||
	    at_lit(s, n, i, LIT("最后"))) {
		*after = i + 6;
		return MARK_INLINE;
	}
	return MARK_NONE;
}

static bool sentence_end_at(const char *s, size_t n, size_t i, size_t *len)
{
	unsigned char c = (unsigned char)s[i];
	if (c == ';' || c == '!' || c == '?') {
		*len = 1;
		return true;
	}
	/* an ASCII full stop used for 。: not in 2532.15, 1.深入, No.5 */
	if (c == '.' && i > 0 && !(s[i - 1] >= '0' && s[i - 1] <= '9') &&
	    !((s[i - 1] | 0x20) >= 'a' && (s[i - 1] | 0x20) <= 'z') && (i + 1 >= n || s[i + 1] < '0' || s[i + 1] > '9')) {
		*len = 1;
		return true;
	}
	if (c == 0xE3 && at_lit(s, n, i, LIT("。"))) {
		*len = 3;
		return true;
	}
	return false;
}

/* Does a sentence end at s[i]?  *len: the bytes of its mark.  Inline with
 * a one-byte test first: it is asked of nearly every character. */
static inline bool is_sentence_end(const char *s, size_t n, size_t i, size_t *len)
{
	unsigned char c = (unsigned char)s[i];
	if (c != ';' && c != '!' && c != '?' && c != '.' && c != 0xE3)
		return false;
	return sentence_end_at(s, n, i, len);
}

/* Does the word 全X name an area wider than the bureau's (of level)?  全国
 * anywhere; 全省 below a province; 全市 in a district's or a county's report
 * (the city it is in); 全州 below a prefecture (州); 全盟 in a banner's (旗)
 * or a city's under a league. */
static bool wider_area(const char *w, size_t n, const char *level)
{
	static const struct {
		const char *word, *below; /* the levels it is wider than */
	} wider[] = {
		{ "全国", NULL }, { "全省", "市区县州盟旗师" }, { "全市", "区县旗" }, { "全州", "市区县" }, { "全盟", "市旗" },
	};
	if (n != 6)
		return false;
	for (size_t k = 0; k < sizeof wider / sizeof wider[0]; k++) {
		if (memcmp(w, wider[k].word, 6) != 0)
			continue;
		if (!wider[k].below)
			return true;
		return level[0] && strstr(wider[k].below, level) != NULL;
	}
	return false;
}

/* A comma between digits (1,560) separates thousands: no clause break. */
static inline bool thousands_comma(const char *s, size_t n, size_t i)
{
	return s[i] == ',' && i > 0 && i + 1 < n && s[i - 1] >= '0' && s[i - 1] <= '9' && s[i + 1] >= '0' &&
	       s[i + 1] <= '9';
}

static bool is_clause_break(const char *s, size_t n, size_t i, size_t *len)
{
	unsigned char c = (unsigned char)s[i];
	if ((c == ',' && !thousands_comma(s, n, i)) || c == ':') {
		*len = 1;
		return true;
	}
	if (c == 0xEF && at_lit(s, n, i, LIT("，"))) {
		*len = 3;
		return true;
	}
	return false;
}

/* Is the newline at nl a paragraph break, or a line wrapped inside a
 * sentence (text copied out of a PDF)? */
/* Is the line at i 46 characters long or more? */
static bool long_line(const char *s, size_t n, size_t i)
{
	size_t chars = 0;
	for (; i < n && s[i] != '\n' && chars < 46; i++)
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	return chars >= 46;
}

static bool is_hard_break(const char *s, size_t n, size_t nl, size_t line_start)
{
	size_t e = nl;
	while (e > line_start && s[e - 1] == ' ')
		e--;
	if (e == line_start)
		return true;
	/* a short line (under 24 characters) ends its paragraph; 96 bytes
	 * or more are 24 characters or more, whatever they are */
	if (e - line_start < 96) {
		size_t chars = 0;
		for (size_t i = line_start; i < e && chars < 24; i++)
			if (((unsigned char)s[i] & 0xC0) != 0x80)
				chars++;
		if (chars < 24)
			return true;
	}
	unsigned char last = (unsigned char)s[e - 1];
	if (last == ';' || last == ':' || last == '!' || last == '?' || last == ')' || last == ']' || last == '|')
		return true;
	/* a heading: a line that opens with a marker, under 32 characters
	 * (128 bytes are more), no digit, no sentence end, not ending in a
	 * comma, over a line of 46 characters or more -- text a PDF wrapped
	 * (28 characters a line in an official document) has no such lines */
	size_t after;
	if (e - line_start < 128 && marker_at(s, e, line_start, &after) != MARK_NONE &&
	    !at_lit(s, e, e - 3, LIT("，")) && !at_lit(s, e, e - 3, LIT("、")) && last != ',' && long_line(s, n, nl + 1)) {
		size_t chars = 0;
		bool plain = true;
		for (size_t i = after; i < e && plain; i++) {
			plain = !(s[i] >= '0' && s[i] <= '9') && !at_lit(s, e, i, LIT("。"));
			chars += ((unsigned char)s[i] & 0xC0) != 0x80;
		}
		if (plain && chars < 32)
			return true;
	}
	if (e >= 3) {
		const char *p = s + e - 3;
		if (memcmp(p, "。", 3) == 0 || memcmp(p, "”", 3) == 0 || memcmp(p, "》", 3) == 0 ||
		    memcmp(p, "报告", 3) == 0 || (e >= 6 && (memcmp(s + e - 6, "报告", 6) == 0 ||
							     memcmp(s + e - 6, "总结", 6) == 0 ||
							     memcmp(s + e - 6, "情况", 6) == 0)))
			return true;
	}
	size_t j = nl + 1;
	if (j >= n || s[j] == '\n' || s[j] == ' ' || s[j] == '|' || s[line_start] == '|')
		return true;
	if (marker_at(s, n, j, &after) != MARK_NONE)
		return true;
	return false;
}

/* ---- per-file state ---- */

typedef struct {
	lg_extractor *x;
	const lg_vocab *v;
	const char *s;
	size_t n;
	const lg_text *t;
	const lg_report *rep;
	lg_figures *out;
	lg_buf *warn;
	const lg_re *ctx_re;
	const lg_re *ctx_anchored;
	/* join_wrapped: s is the joined text when lines were joined (ncuts
	 * > 0; a figure's positions go back to t->s at the end); kept: the
	 * newlines in s that do not end a sentence */
	const size_t *cuts, *kept;
	size_t ncuts, nkept;

	bool in_plan;
	size_t line_start;
	/* an export (lg_extractor_only_units): the sentence's numbers are not
	 * read until one of the keys turns up (no quantity in a wanted unit
	 * can be without one) -- then the scan goes back to its start */
	bool defer_nums;
	bool sect_campaign;
	/* the section's heading sentence, not yet asked whether it names a
	 * campaign (asked when a figure needs to know: sect_campaign_now) */
	bool heading_unasked;
	bool heading_scope_unasked; /* ... nor whose figures it gives (sect_scope_now) */
	int sect_scope;             /* the scope the heading opens with (（一）市本级执法情况), -1 none */
	/* sections a heading on a line of its own opens, for the paragraphs
	 * under it until a heading or item of its level or above: nested,
	 * each with its level (1 一、, 2 （一）, 3 1. (1)), the scope it names
	 * and whether it names a campaign (both inherited from the one
	 * around it) */
	int para_level;
	int sec_n;
	int sec_level[4], sec_scope[4];
	bool sec_campaign[4];
	size_t heading_s, heading_e;
	bool heading_pending;
	bool sent_has_count; /* a count or amount an indicator takes: no heading */
	size_t town_at;      /* clause openings (a township, a campaign): read up to here */
	bool town_pending;   /* ... where a clause starts, not yet asked about */

	size_t sent_start;
	size_t sent_line_start; /* where the physical line holding sent_start began */
	size_t br_read; /* bracket_end: the sentence's brackets are read up to here */
	size_t qz_read; /* qizhong_before: the sentence is searched for 其中 up to here */
	bool sent_figs_in_order; /* the sentence's figures are in the order of the text */
	size_t stmt_start;       /* where the sentence began, semicolons not counted */
	size_t stmt_fig_first;   /* the first figure since stmt_start */
	bool stmt_away;          /* a number since stmt_start was turned away as a figure (not as a wider area's) */
	size_t pstmt_start, pstmt_fig_first; /* the same of the statement before */
	bool pstmt_away;
	/* a 其中 opening the sentence: the sentence before (semicolons not
	 * counted) it refers to -- its words, its figures, and whether a
	 * number of it was turned away */
	size_t qz_prev_s, qz_prev_fig_first, qz_prev_fig_end;
	bool qz_prev_away;
	/* head_scope: the scope read for the statement at head_for (SIZE_MAX: none yet) */
	size_t head_for;
	int head_scope;
	bool head_wider;
	/* list_year: the sentence is searched for 分别 up to ly_read, the last
	 * found at ly_fb (SIZE_MAX: none); the span of years before the one
	 * at ly_span_for is ly_y1..ly_y2 */
	size_t ly_read, ly_fb, ly_span_for;
	int ly_y1, ly_y2;
	bool ly_spans_read;   /* read_year_spans: x->spans and ly_near are the sentence's */
	size_t ly_near[5];
	size_t sent_end;	/* 0 until computed */
	size_t ctx_scanned;
	size_t ctx_retry; /* the first place whose context word the last ctx_update's end cut short */
	int ctx_scope;
	size_t ctx_scope_at;
	size_t ctx_scope_end;
	bool ctx_wider; /* the latest scope word names a wider area (wider_area) */
	/* a scope word inside an item of a list (…、市级专项预案8个) is that
	 * item's: after the item the scope before it is back */
	bool ctx_item;
	size_t ctx_item_end;
	int item_scope;
	size_t item_scope_at, item_scope_end;
	bool item_wider;
	bool ctx_campaign;
	size_t ctx_campaign_end;
	bool ctx_multi;
	char ctx_period[32];
	int ctx_year;
	bool sent_qizhong;
	size_t qizhong_at;

	bool have_prev;
	size_t prev_end;
	size_t prev_subj_s, prev_subj_e;
	bool prev_paren;
	size_t sent_fig_first;
	size_t para_start, prev_para_start;
	/* the sentence's counts and amounts outside brackets, figures or not,
	 * in order: the items a 分别 list of changes is aligned with */
	size_t item_at[32];
	size_t item_ws[32], item_we[32]; /* an item_no_figure's words */
	int item_uid[32];                 /* each item's unit id */
	int item_xind[32];                /* the indicator of a figure turned away there, or -1 */
	size_t item_dropped_skip;         /* place + 1 of the latest item dropped from the window that
					     named no indicator or was passed over (and is no aside or
					     comparison), or 0 */
	int nitems;
	uint32_t item_skipped; /* bit i: item i names no indicator, or was passed over (item_no_figure) */
	uint32_t item_cmp;     /* bit i: item i is a figure turned away as a change or a base (同比减少2起) */
	uint32_t item_wide_bits;   /* bit i: item i is a figure turned away as a wider area's (全省) */
	/* noun phrases of counts written before their noun: scope words
	 * inside them belong to that noun, not to the sentence */
	size_t np_s[16], np_e[16];
	int nnp;
	/* a table: the unit its header names, and which column holds which year */
	bool in_table;
	int table_unit_id;
	const char *table_unit;
	int table_unit_shift; /* 元 in a 万元 column: -4 */
	/* a row of column labels (检查企业（家次） | 罚款（万元）) over rows of numbers */
	int table_ncols;      /* 0: none */
	size_t table_col_a[16], table_col_b[16];
	int table_col_uid[16];
	const char *table_col_unit[16];
	int table_col_shift[16];
	int table_value_rows; /* rows of numbers read under those labels */
	int table_col_scope[16]; /* the scope a column's label names (全市 | 其中：市本级), -1 none */
	bool table_scope_cols;   /* some column after the first names one */
	size_t row_s, row_e;  /* the table row being read */
	size_t table_fig_start;
	size_t nlit_next[LG_NONE_MAX]; /* where each `none` leading word is next found (n: nowhere) */
	size_t nlit_min;               /* the least of them */
	size_t flat_next;              /* where 持平 is next found (n: nowhere) */
	size_t row_nl;     /* the line end of the latest table row read */
	int table_chg_col; /* under a row of years, the column of changes (增幅); -1 none */
	int table_unit_col; /* the column of units (指标 | 单位 | 2022年), -1 none */
	int table_year_col[16];
	int table_nyears;
	/* a table written one cell per line (a word processor's text export):
	 * the label line, the unit line under it, the lone years above */
	size_t stk_next;          /* where the line after the last one seen starts */
	size_t stk_la, stk_lb;    /* the current label line; stk_lb == 0: none */
	int stk_uid, stk_shift;   /* its unit (from its brackets or a unit line), -1 none */
	const char *stk_unit;
	int stk_nvals;            /* numbers read under the current label */
	int stk_years[16];        /* lone year lines (2020年, 2021年): the columns */
	int stk_nyears;
	bool stk_year_last;       /* the previous line was a lone year */
	/* the last headline-candidate figure of the sentence: its indicator and words */
	int last_total_ind;
	size_t last_total_s, last_total_e;
	/* changes named before any figure of theirs (事故起数、死亡人数同比分别下降
	 * 18.2%、20%，全年发生事故9起，死亡8人): for the sentence's next total
	 * of each indicator */
	int npend;
	int pend_ind[8];
	/* "罚款总额较上年增长23%，达到456万元": the names of a change whose
	 * level follows it, and where the change ends (0: none) */
	size_t ahead_ns, ahead_ne, ahead_end, ahead_at; /* ... and where the level's number begins */
	long long pend_val[8];
	/* ... given after a 其中 (罚没款…，其中罚款812.3万元、没收…): itself a
	 * part of a sum, it is no whole the parts after it make a sum of */
	bool last_total_under_qz;
	/* the last number of the sentence that named an indicator, whatever
	 * its role: where a change (由A增加到B) started */
	int last_fig_ind;
	size_t last_fig_end;
	bool last_fig_plan;  /* ... and it was turned away as a plan */
	bool last_fig_delta; /* ... or as a change or a comparison base */
	bool last_fig_rough; /* ... or it was approximate (逾百万元) */
	bool last_fig_part;  /* ... or made a part by the part rule */
	bool part_listed;    /* ... joined by 、 to a part before it (a list of parts) */
	/* a number passed over (lg_extractor_only_units) whose own words may
	 * make it a part: asked only when a number is linked to it */
	bool part_maybe;
	size_t part_s, part_e, part_end; /* its words; its end */
	bool last_fig_excl;  /* ... or turned away by its indicator's own words (罚款标准, 罚款上限) */
	/* "事故起数、死亡人数分别为5起、4人": the names the numbers take in turn */
	size_t resp_s[8], resp_e[8];
	int resp_scope[8]; /* the scope a name is no more than (市级、镇街分别为…), -1 */
	bool resp_shared;  /* the names share the last one's indicator (shared_head) */
	size_t resp_w_s, resp_w_e; /* "市本级和各县区分别检查企业…": the words after 分别 */
	int resp_n, resp_k;
} fstate;

/* How many of the sorted positions v[0..n) are below j (or at it, when
 * at). */
static size_t count_below(const size_t *v, size_t n, size_t j, bool at)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] < j || (at && v[mid] == j))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A position in the text read (joined) back in the clean text: a start
 * goes past the newlines taken out before or at it, an end only past
 * those before it. */
static size_t clean_pos(const fstate *st, size_t j, bool end)
{
	return st->ncuts ? j + count_below(st->cuts, st->ncuts, j, !end) : j;
}

/* Does the newline at nl end the sentence?  join_wrapped asked each
 * newline once: every one left is a break, but for those kept beside a
 * table row. */
static bool nl_hard(const fstate *st, size_t nl)
{
	return count_below(st->kept, st->nkept, nl, true) == count_below(st->kept, st->nkept, nl, false);
}

/* Might the line s[a..b) be a table's row (cells apart by a tab, a bar
 * or two spaces)? */
static bool row_like(const char *s, size_t a, size_t b)
{
	return memchr(s + a, '\t', b - a) || memchr(s + a, '|', b - a) || lg_find(s + a, b - a, "  ", 2);
}

/* Text copied out of a PDF breaks lines inside sentences, and inside
 * words (移\n送司法机关): the text is read with those newlines taken out,
 * so that no word, and no rule, is cut by one.  A newline beside a line
 * that may be a table row stays (the table is read by lines), as a
 * sentence's.  Nothing to join: the clean text is read as it is. */
static void join_wrapped(fstate *st, const lg_text *t)
{
	lg_extractor *x = st->x;
	const char *s = t->s;
	size_t n = t->n;
	lg_buf_reset(&x->joined);
	lg_buf_reset(&x->cuts);
	lg_buf_reset(&x->kept);
	size_t line_start = 0, copied = 0;
	for (const char *p = memchr(s, '\n', n); p; p = memchr(s + line_start, '\n', n - line_start)) {
		size_t i = (size_t)(p - s);
		if (!is_hard_break(s, n, i, line_start)) {
			const char *q = i + 1 < n ? memchr(s + i + 1, '\n', n - i - 1) : NULL;
			size_t next_end = q ? (size_t)(q - s) : n;
			size_t at = x->joined.len + (i - copied);
			if (row_like(s, line_start, i) || row_like(s, i + 1, next_end)) {
				lg_buf_add(&x->kept, &at, sizeof at);
			} else {
				lg_buf_add(&x->joined, s + copied, i - copied);
				lg_buf_add(&x->cuts, &at, sizeof at);
				copied = i + 1;
			}
		}
		line_start = i + 1;
		if (line_start >= n)
			break;
	}
	st->kept = (const size_t *)(const void *)x->kept.s;
	st->nkept = x->kept.len / sizeof(size_t);
	if (!x->cuts.len)
		return;
	lg_buf_add(&x->joined, s + copied, n - copied);
	st->s = x->joined.s;
	st->n = x->joined.len;
	st->cuts = (const size_t *)(const void *)x->cuts.s;
	st->ncuts = x->cuts.len / sizeof(size_t);
}

/* How far after a campaign's name its scope still reaches in a sentence. */
#define CAMPAIGN_REACH_BYTES 240

static bool re_find(fstate *st, const lg_re *re, const char *s, size_t n, size_t *ms, size_t *me)
{
	if (!re || !n)
		return false;
	return lg_re_search(re, st->x->md, s, n, 0, ms, me);
}

static void detail_from(char *dst, size_t cap, const char *s, size_t a, size_t b)
{
	size_t len = b - a;
	if (len >= cap)
		len = cap - 1;
	/* do not cut a character */
	while (len && (((unsigned char)s[a + len]) & 0xC0) == 0x80)
		len--;
	memcpy(dst, s + a, len);
	dst[len] = '\0';
}

static bool rule_hit(fstate *st, lg_rule r, const lg_buf *text, char *detail, size_t cap)
{
	size_t ms, me;
	if (!re_find(st, lg_vocab_rule(st->v, r), text->s, text->len, &ms, &me))
		return false;
	if (detail)
		detail_from(detail, cap, text->s, ms, me);
	return true;
}

/* Copy s[a..b) into buf, masking 《book titles》 (names of laws and
 * documents are not subjects; the name of a form, ending in 书, is) and
 * dropping soft newlines. */
static void masked_copy(lg_buf *buf, const char *s, size_t a, size_t b)
{
	lg_buf_reset(buf);
	lg_buf_grow(buf, b - a);
	size_t i = a;
	while (i < b) {
		/* copy up to the next 《 or newline in one go */
		size_t j = i;
		while (j < b && s[j] != '\n' && !((unsigned char)s[j] == 0xE3 && at_lit(s, b, j, LIT("《"))))
			j++;
		lg_buf_add(buf, s + i, j - i);
		if (j >= b)
			break;
		if (s[j] == '\n') {
			i = j + 1;
			continue;
		}
		const char *close = lg_find(s + j, b - j, "》", 3);
		if (close && close - s >= (ptrdiff_t)j + 6 && memcmp(close - 3, "书", 3) == 0) {
			/* a form, not a law: 《责令限期整改指令书》 names what was
			 * issued */
			lg_buf_add(buf, s + j + 3, (size_t)(close - s) - j - 3);
			i = (size_t)(close - s) + 3;
			continue;
		}
		lg_buf_add(buf, "《》", 6);
		if (!close)
			break;
		i = (size_t)(close - s) + 3;
	}
}

static void compute_sent_end(fstate *st)
{
	if (st->sent_end)
		return;
	const char *s = st->s;
	size_t n = st->n;
	size_t i = st->sent_start;
	while (i < n) {
		size_t k;
		if (s[i] == '\n') {
			if (nl_hard(st, i))
				break;
			i++;
			continue;
		}
		if (is_sentence_end(s, n, i, &k)) {
			i += k;
			break;
		}
		i++;
	}
	st->sent_end = i;
}

/* The context words read from pos on: none yet (a sentence's start). */
static void ctx_reset(fstate *st, size_t pos)
{
	st->ctx_scanned = pos;
	st->ctx_retry = SIZE_MAX;
	st->ctx_scope = -1;
	st->ctx_scope_at = st->ctx_scope_end = 0;
	st->ctx_wider = st->ctx_item = st->ctx_campaign = st->ctx_multi = false;
	st->ctx_campaign_end = 0;
	st->ctx_period[0] = '\0';
	st->ctx_year = 0;
	st->nnp = 0;
}

static void begin_sentence(fstate *st, size_t pos)
{
	const char *s = st->s;
	size_t n = st->n;
	st->sent_start = pos;
	st->defer_nums = st->x->only_units && st->x->nkeys > 0;
	st->sent_line_start = st->line_start <= pos ? st->line_start : pos;
	st->sent_end = 0;
	/* the sentence's brackets, 其中 and 分别 are looked for when first
	 * asked (SIZE_MAX: not yet) */
	st->br_read = st->qz_read = st->ly_read = st->ly_span_for = SIZE_MAX;
	st->ly_spans_read = false;
	st->sent_figs_in_order = true;
	ctx_reset(st, pos);
	st->last_total_ind = -1;
	st->last_fig_ind = -1;
	st->last_fig_part = false;
	st->part_listed = false;
	st->part_maybe = false;
	st->last_fig_excl = false;
	st->resp_n = st->resp_k = 0;
	st->npend = 0;
	st->ahead_end = 0;
	/* "其中，对单位处罚36宗…；对个人处罚7宗…": the parts a 其中 opens
	 * run on after a semicolon */
	st->sent_qizhong = st->sent_qizhong && pos > 0 && s[pos - 1] == ';';
	/* "…发生生产安全事故18起…；死亡15人…": the words an indicator's
	 * context asks for may be before the semicolon */
	bool new_stmt = !(pos > 0 && s[pos - 1] == ';');
	if (new_stmt) {
		st->pstmt_start = st->stmt_start;
		st->pstmt_fig_first = st->stmt_fig_first;
		st->pstmt_away = st->stmt_away;
		st->stmt_start = pos;
		st->stmt_fig_first = st->out->n;
		st->stmt_away = false;
	}
	st->have_prev = false;
	st->sent_fig_first = st->out->n;
	st->nitems = 0;
	st->item_skipped = 0;
	st->item_dropped_skip = 0;
	st->item_wide_bits = 0;
	st->item_cmp = 0;
	st->sent_has_count = false;
	st->town_at = pos;
	st->town_pending = true;
	size_t i = skip_spaces(s, n, pos), after;
	mark_kind mk = marker_at(s, n, i, &after);
	if (mk == MARK_INLINE) {
		st->heading_pending = true;
		st->sect_campaign = false;
		st->heading_unasked = false;
		st->heading_scope_unasked = false;
		st->sect_scope = -1;
	}
	if (mk != MARK_NONE)
		i = skip_spaces(s, n, after);
	if (at_lit(s, n, i, LIT("其中"))) {
		st->sent_qizhong = true;
		st->qizhong_at = i;
		/* (after a semicolon, the statement so far) */
		st->qz_prev_s = new_stmt ? st->pstmt_start : st->stmt_start;
		st->qz_prev_fig_first = new_stmt ? st->pstmt_fig_first : st->stmt_fig_first;
		st->qz_prev_fig_end = st->out->n;
		st->qz_prev_away = new_stmt ? st->pstmt_away : st->stmt_away;
	}
}

static void none_figures(fstate *st, size_t end);

static void flat_figures(fstate *st, size_t end);

static void end_sentence(fstate *st, size_t end)
{
	none_figures(st, end);
	if (st->flat_next < end)
		flat_figures(st, end);
	if (st->heading_pending) {
		st->heading_pending = false;
		if (!st->sent_has_count && end > st->sent_start &&
		    end - st->sent_start <= HEADING_MAX_BYTES) {
			st->heading_unasked = true;
			st->heading_scope_unasked = true;
			st->heading_s = st->sent_start;
			st->heading_e = end;
		}
	}
}

/* After a campaign's name in a heading, at most eight characters and no
 * second theme after a comma (深化“三年行动”，严格规范执法 heads the
 * year's figures). */
static bool heading_rest_short(const char *s, size_t i, size_t he)
{
	size_t chars = 0;
	for (; i < he; i++) {
		if (s[i] == ',' || at_lit(s, he, i, LIT("，")) || at_lit(s, he, i, LIT("；")))
			return false;
		chars += ((unsigned char)s[i] & 0xC0) != 0x80 && s[i] != ' ' && s[i] != '.' && !at_lit(s, he, i, LIT("。"));
	}
	return chars <= 8;
}

/* Does the paragraph's heading name a campaign, and no second theme?
 * Asked once, when the first figure of the paragraph needs to know. */
static size_t after_marker(const char *s, size_t e, size_t i);
static bool unquoted_campaign(fstate *st, size_t i, size_t he);

static bool sect_campaign_now(fstate *st)
{
	if (st->heading_unasked) {
		st->heading_unasked = false;
		size_t ms, me;
		st->sect_campaign = (lg_re_search(lg_vocab_campaign(st->v), st->x->md, st->s, st->heading_e,
						  st->heading_s, &ms, &me) &&
				     heading_rest_short(st->s, me, st->heading_e)) ||
				    unquoted_campaign(st, after_marker(st->s, st->heading_e, st->heading_s), st->heading_e);
	}
	return st->sect_campaign;
}

/* After a match of the context words in st->x->md: the scope its group
 * names (LG_SCOPE_ALL, LG_SCOPE_BUREAU, LG_SCOPE_TOWN); -2 for a wider
 * area's (全省 in a city's report); -1 for none (a period, a year, a
 * campaign).  *ms..*me: the group's words. */
static int matched_scope(fstate *st, size_t *ms, size_t *me)
{
	pcre2_match_data *md = st->x->md;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	uint32_t novec = pcre2_get_ovector_count(md);
	for (int g = LG_CTX_ALL; g <= LG_CTX_TOWN; g++) {
		int gn = st->x->grp[g];
		if (gn <= 0 || (uint32_t)gn >= novec || ov[2 * gn] == PCRE2_UNSET)
			continue;
		*ms = ov[2 * gn];
		*me = ov[2 * gn + 1];
		if (g == LG_CTX_ALL)
			return wider_area(st->s + *ms, *me - *ms, st->rep->level) ? -2 : LG_SCOPE_ALL;
		return g == LG_CTX_BUREAU ? LG_SCOPE_BUREAU : LG_SCOPE_TOWN;
	}
	return -1;
}

/* Past the spaces and the section marker (一、 （一） 1.) at s[i]. */
static size_t after_marker(const char *s, size_t e, size_t i)
{
	size_t after;
	i = skip_spaces(s, e, i);
	return marker_at(s, e, i, &after) != MARK_NONE ? skip_spaces(s, e, after) : i;
}

/* The scope a heading s[hs..he) opens with, after its marker and a year:
 * （一）市本级执法情况 本级, （二）乡镇（街道）执法情况 乡镇, 全市… 全辖区; -1
 * for none, and for a heading in parts (区级统筹，镇街落实).  The bureau
 * named in a heading (市应急管理局…工作情况) is who reports, not a scope,
 * and a scope word later in it (推进乡镇综合行政执法改革) is a topic. */
static int heading_scope(fstate *st, size_t hs, size_t he)
{
	const char *s = st->s;
	size_t i = after_marker(s, he, hs);
	if (i + 7 <= he && s[i] >= '1' && s[i] <= '2' && memcmp(s + i + 4, "年", 3) == 0) {
		i += 7;
		if (at_lit(s, he, i, LIT("度")))
			i += 3;
	}
	/* a theme in parts (区级统筹，镇街落实) names no one scope */
	if (lg_find(s + i, he - i, "，", 3) || memchr(s + i, ',', he - i) || lg_find(s + i, he - i, "、", 3))
		return -1;
	size_t ms, me;
	if (i >= he || lg_re_exec(st->ctx_anchored, st->x->md, s, he, i, 0) < 0)
		return -1;
	int sc = matched_scope(st, &ms, &me);
	/* of the bureau: a level (市本级, 区级) or its offices (局机关), not its name */
	if (sc == LG_SCOPE_BUREAU && !(me - ms >= 6 && (memcmp(s + me - 3, "级", 3) == 0 || lg_find(s + ms, me - ms, "机关", 6))))
		return -1;
	return sc >= 0 ? sc : -1;
}

/* The scope the paragraph's heading sentence opens with, for the
 * paragraph's figures whose own words name none (heading_scope); asked
 * once, when the first figure of the paragraph needs to know. */
static int sect_scope_now(fstate *st)
{
	if (st->heading_scope_unasked) {
		st->heading_scope_unasked = false;
		st->sect_scope = heading_scope(st, st->heading_s, st->heading_e);
	}
	return st->sect_scope;
}

/* The year a heading names (2023年工作打算), 0 for none. */
static int heading_year(const char *s, size_t n)
{
	for (size_t i = 0; i + 7 <= n; i++) {
		if ((s[i] == '1' || s[i] == '2') && (i == 0 || s[i - 1] < '0' || s[i - 1] > '9')) {
			int y = 0, k;
			for (k = 0; k < 4 && s[i + k] >= '0' && s[i + k] <= '9'; k++)
				y = y * 10 + (s[i + k] - '0');
			if (k != 4 || memcmp(s + i + 4, "年", 3) != 0)
				continue;
			/* a date (2023年1月10日, under the signature) names no year's plans */
			size_t j = i + 7;
			while (j < n && s[j] == ' ')
				j++;
			size_t d = j;
			while (j < n && j - d < 2 && s[j] >= '0' && s[j] <= '9')
				j++;
			if (j > d && j + 3 <= n && memcmp(s + j, "月", 3) == 0)
				continue;
			return y;
		}
	}
	return 0;
}

/* A marker's level: 1 for 一、, 2 for （一）, 3 for (1) 1. 1、, 4 for 一是
 * 第一，; 0 for none. */
static int marker_level(const char *s, size_t n, size_t i)
{
	size_t after;
	switch (marker_at(s, n, i, &after)) {
	case MARK_TOP:
		return 1;
	case MARK_SUB:
		return s[i] == '(' && !(s[i + 1] >= '0' && s[i + 1] <= '9') ? 2 : 3;
	case MARK_INLINE:
		return 4;
	default:
		return 0;
	}
}

/* Does the heading s[hs..he) name a campaign and nothing else: “安全生产月”
 * 活动, 开展“百日攻坚”专项行动 -- a quoted name and at most eight characters
 * after it?  Then the paragraphs after the first under it are the
 * campaign's too.  A heading on a theme that mentions one (深化“三年行动”，
 * 严格执法) heads paragraphs of the year's figures (the first paragraph
 * reads it as a heading in the paragraph is read: sect_campaign_now). */
/* Is the heading text s[i..he) (after its marker) an unquoted campaign and
 * nothing else (the rule campaign_heading)? */
static bool unquoted_campaign(fstate *st, size_t i, size_t he)
{
	size_t ms, me;
	while (he > i && (st->s[he - 1] == ' ' || st->s[he - 1] == '\n'))
		he--;
	/* most headings hold none of the words the rule cannot match
	 * without (三年行动, 打非治违, …): a cheap test first */
	const lg_re *rule = lg_vocab_rule(st->v, LG_RULE_CAMPAIGN_HEADING);
	if (!lg_re_may_match(rule, st->s + i, he - i))
		return false;
	return lg_re_search(rule, st->x->md, st->s, he, i, &ms, &me) &&
	       ms == i;
}

static bool heading_campaign(fstate *st, size_t hs, size_t he)
{
	const char *s = st->s;
	size_t i = after_marker(s, he, hs);
	if (unquoted_campaign(st, i, he))
		return true;
	if (at_lit(s, he, i, LIT("开展")))
		i += 6;
	if (!at_lit(s, he, i, LIT("“")))
		return false;
	const char *close = lg_find(s + i, he - i, "”", 3);
	size_t ms, me;
	return close && heading_rest_short(s, (size_t)(close - s) + 3, he) &&
	       lg_re_search(lg_vocab_campaign(st->v), st->x->md, s, he, hs, &ms, &me) && heading_rest_short(s, me, he);
}

static int heading_scope(fstate *st, size_t hs, size_t he);

/* A paragraph at marker level lvl (0: none) begins: the sections of its
 * level and below end; when the paragraph before was only its heading,
 * that heading opens a section first -- and is this paragraph's heading
 * too, read as a heading in the paragraph is (returns true). */
static bool sections_at(fstate *st, size_t pos, int lvl)
{
	bool opened = false;
	size_t e = st->heading_e;
	while (e < pos && (st->s[e] == ' ' || st->s[e] == '\n'))
		e++;
	if (st->heading_unasked && e == pos && st->para_level > 0 && st->para_level < 4) {
		int hl = st->para_level;
		while (st->sec_n && st->sec_level[st->sec_n - 1] >= hl)
			st->sec_n--;
		int sc = heading_scope(st, st->heading_s, st->heading_e);
		bool camp = heading_campaign(st, st->heading_s, st->heading_e);
		if (st->sec_n) {
			if (sc < 0)
				sc = st->sec_scope[st->sec_n - 1];
			camp |= st->sec_campaign[st->sec_n - 1];
		}
		if (st->sec_n == 4)
			st->sec_n--;
		st->sec_level[st->sec_n] = hl;
		st->sec_scope[st->sec_n] = sc;
		st->sec_campaign[st->sec_n++] = camp;
		opened = true;
	}
	if (lvl > 0)
		while (st->sec_n && st->sec_level[st->sec_n - 1] >= lvl)
			st->sec_n--;
	st->para_level = lvl;
	return opened && lvl == 0;
}

static void start_paragraph(fstate *st, size_t pos)
{
	const char *s = st->s;
	size_t n = st->n;
	if (!sections_at(st, pos, marker_level(s, n, skip_spaces(s, n, pos)))) {
		st->sect_campaign = false;
		st->heading_unasked = false;
		st->heading_scope_unasked = false;
		st->sect_scope = -1;
	}
	st->heading_pending = true;
	st->prev_para_start = st->para_start;
	st->para_start = pos;
	size_t i = skip_spaces(s, n, pos), after = i;
	mark_kind mk = marker_at(s, n, i, &after);
	/* without a marker only a short line (under 30 characters: 120 bytes
	 * are more) is a heading */
	if (mk == MARK_NONE && !memchr(s + after, '\n', n - after < 120 ? n - after : 120)) {
		begin_sentence(st, pos);
		return;
	}
	/* the heading: up to the first full stop or line end, at most 60 chars */
	size_t e = after, chars = 0;
	while (e < n && s[e] != '\n' && chars < 60) {
		size_t k;
		if (is_sentence_end(s, n, e, &k))
			break;
		unsigned cp;
		e += cp_at(s, n, e, &cp);
		chars++;
	}
	if (mk == MARK_TOP || mk == MARK_SUB || (mk == MARK_NONE && e < n && s[e] == '\n' && chars < 30)) {
		size_t ms, me;
		bool plan = lg_re_search(lg_vocab_rule(st->v, LG_RULE_PLAN_HEADING), st->x->md, s, e, after, &ms, &me);
		int hy = heading_year(s + after, e - after);
		if (hy && st->rep->year && hy > st->rep->year)
			plan = true;
		if (mk == MARK_TOP)
			st->in_plan = plan;
		else if (plan)
			st->in_plan = true;
	}
	begin_sentence(st, pos);
}

/* A clause that begins with a township's name (龙水镇检查企业56家次, 其中龙水镇…)
 * is that township's: scope 乡镇 from there on, as a scope word there would
 * make it; one that begins with an unquoted campaign (开展…专项整治三年行动，
 * the rule campaign_opens) is the campaign's.  Each clause start of the
 * sentence up to `upto` -- the sentence start, after , ; : ) or ， -- is
 * asked once (the rules anchored there), in step with the scope words. */
static void clause_openings(fstate *st, size_t upto)
{
	const char *s = st->s;
	const char *camp_lead = lg_vocab_rule_lead(st->v, LG_RULE_CAMPAIGN_OPENS);
	size_t i = st->town_at;
	if (i >= upto)
		return;
	/* the rules read the whole sentence, wherever the reading stopped */
	compute_sent_end(st);
	size_t lim = st->sent_end > upto ? st->sent_end : upto;
	while (i < upto) {
		if (st->town_pending) {
			st->town_pending = false;
			while (i < upto && s[i] == ' ')
				i++;
			if (i >= upto) {
				st->town_pending = true;
				break;
			}
			size_t ms, me;
			if ((st->ctx_scope < 0 || i >= st->ctx_scope_at) &&
			    lg_re_search(lg_vocab_rule(st->v, LG_RULE_TOWNSHIP), st->x->md, s, lim, i, &ms, &me) && ms == i) {
				st->ctx_scope = LG_CTX_TOWN;
				st->ctx_scope_at = ms;
				st->ctx_scope_end = me;
				st->ctx_wider = false;
				st->ctx_item = false;
			} else if ((!camp_lead || at_lit(s, upto, i, camp_lead, strlen(camp_lead))) &&
				   lg_re_search(lg_vocab_rule(st->v, LG_RULE_CAMPAIGN_OPENS), st->x->md, s, lim, i, &ms, &me) &&
				   ms == i) {
				/* 开展…专项整治三年行动，: the campaign's figures follow */
				st->ctx_campaign = true;
				st->ctx_campaign_end = me;
			}
		}
		unsigned char c = (unsigned char)s[i];
		if ((c == ',' && !thousands_comma(s, upto, i)) || c == ';' || c == ':' || c == ')') {
			st->town_pending = true;
			i++;
		} else if (c == 0xEF && at_lit(s, upto, i, LIT("，"))) {
			st->town_pending = true;
			i += 3;
		} else {
			i++;
		}
	}
	st->town_at = i;
}

/* Is the word at ms inside an item of a list: is the nearest break before
 * it in its clause a 、 (总体预案1个、市级专项预案8个), or does it follow the
 * 等 that closes a list (《…》等市级专项预案8个): the counted noun's? */
static bool in_list_item(const fstate *st, size_t ms)
{
	const char *s = st->s;
	if (ms >= st->sent_start + 3 && at_lit(s, ms, ms - 3, LIT("等")))
		return true;
	size_t i = ms;
	while (i > st->sent_start) {
		size_t k = lg_utf8_prev_len(s + st->sent_start, s + i);
		i -= k;
		if (k == 3 && at_lit(s, ms, i, LIT("、")))
			return true;
		size_t bl;
		if (is_clause_break(s, ms, i, &bl) || s[i] == ';' || s[i] == '(' || s[i] == ')')
			return false;
	}
	return false;
}

/* The last n bytes of b dropped (a stack's pop), b kept NUL-terminated. */
static void buf_drop(lg_buf *b, size_t n)
{
	b->len -= n;
	b->s[b->len] = '\0';
}

/* A bracket of the sentence as bracket_end reads them: where it is, the
 * innermost bracket open just after it (SIZE_MAX: none; an opening one is
 * its own), and for an opening one where it closes (0: not known yet,
 * SIZE_MAX: not in the sentence; else just after the ")"). */
typedef struct {
	size_t at, open, close;
} br_event;

static br_event *br_at(lg_buf *b, size_t k)
{
	return (br_event *)(void *)(b->s + k * sizeof(br_event));
}

/* Just after the first ")" from me on in the sentence that closes no
 * bracket opened after me; 0 when there is none. */
static size_t close_after(fstate *st, size_t me)
{
	const char *s = st->s;
	compute_sent_end(st);
	int depth = 0;
	for (size_t j = me; j < st->sent_end; j++) {
		if (s[j] == '(')
			depth++;
		else if (s[j] == ')' && depth-- == 0)
			return j + 1;
	}
	return 0;
}

/* The sentence's brackets before at read into x->brackets, on from
 * where the last question left off -- once per sentence, however many
 * words ask, in whatever order (a run-on sentence of thousands of figures
 * is not read again for each).  Returns how many lie before at. */
static size_t brackets_before(fstate *st, size_t at)
{
	const char *s = st->s;
	lg_buf *ev = &st->x->brackets, *opens = &st->x->opens;
	if (st->br_read == SIZE_MAX) { /* the sentence's first question */
		st->br_read = st->sent_start;
		lg_buf_reset(ev);
		lg_buf_reset(opens);
	}
	for (size_t i = st->br_read; i < at; i++) {
		if (s[i] == '(') {
			size_t k = ev->len / sizeof(br_event);
			br_event e = { i, i, 0 };
			lg_buf_add(ev, &e, sizeof e);
			lg_buf_add(opens, &k, sizeof k);
		} else if (s[i] == ')') {
			/* it closes the innermost open one, if any */
			size_t k, top = SIZE_MAX;
			if (opens->len) {
				memcpy(&k, opens->s + opens->len - sizeof k, sizeof k);
				buf_drop(opens, sizeof k);
				br_at(ev, k)->close = i + 1;
			}
			if (opens->len) {
				memcpy(&k, opens->s + opens->len - sizeof k, sizeof k);
				top = br_at(ev, k)->at;
			}
			br_event e = { i, top, 0 };
			lg_buf_add(ev, &e, sizeof e);
		}
	}
	if (at > st->br_read)
		st->br_read = at;
	size_t lo = 0, hi = ev->len / sizeof(br_event);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (br_at(ev, mid)->at < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* "全市检查企业8778家次(其中市级703家次)，县区…": a scope word inside
 * brackets is the aside's; the scope before it comes back after them.
 * Where the brackets holding s[ms..me) close (just after the ")"), or 0
 * when the word is in no brackets of its sentence, or they do not close
 * in it. */
static size_t bracket_end(fstate *st, size_t ms, size_t me)
{
	lg_buf *ev = &st->x->brackets;
	/* the innermost bracket open at ms: the last one read before it says */
	size_t lo = brackets_before(st, ms);
	if (lo == 0 || br_at(ev, lo - 1)->open == SIZE_MAX)
		return 0; /* no bracket open before the word */
	size_t open = br_at(ev, lo - 1)->open, hi = lo;
	lo = 0;
	while (lo + 1 < hi) { /* the opening bracket's own entry */
		size_t mid = (lo + hi) / 2;
		if (br_at(ev, mid)->at <= open)
			lo = mid;
		else
			hi = mid;
	}
	br_event *o = br_at(ev, lo);
	if (!o->close) {
		/* still open where the reading stopped */
		size_t c = close_after(st, me);
		o->close = c ? c : SIZE_MAX;
	}
	return o->close == SIZE_MAX ? 0 : o->close;
}

/* Where the list item holding the word that ends at me ends: the next
 * 、, clause break or sentence end. */
static size_t list_item_end(fstate *st, size_t me)
{
	compute_sent_end(st);
	const char *s = st->s;
	size_t e = st->sent_end, k;
	unsigned cp;
	for (size_t i = me; i < e; i += cp_at(s, e, i, &cp))
		if (at_lit(s, e, i, LIT("、")) || is_clause_break(s, e, i, &k) || is_sentence_end(s, e, i, &k))
			return i;
	return e;
}

/* The list item that had a scope word of its own is over. */
static void item_scope_ends(fstate *st)
{
	st->ctx_item = false;
	st->ctx_scope = st->item_scope;
	st->ctx_scope_at = st->item_scope_at;
	st->ctx_scope_end = st->item_scope_end;
	st->ctx_wider = st->item_wider;
}

/* Scan the sentence up to `upto` for scope words, period, year, campaign
 * and multi-year words; incremental per sentence. */
static void ctx_update(fstate *st, size_t upto)
{
	if (upto <= st->ctx_scanned)
		return;
	const int *grp = st->x->grp;
	pcre2_match_data *md = st->x->md;
	bool filtered = lg_re_filtered(st->ctx_re);
	const char *s = st->s;
	/* a word the last call's end cut short is tried again: where an
	 * attempt reached that end (filtered), or the last 48 bytes */
	size_t from = st->ctx_scanned > st->sent_start + 48 ? st->ctx_scanned - 48 : st->sent_start;
	if (filtered)
		from = st->ctx_retry < st->ctx_scanned ? st->ctx_retry : st->ctx_scanned;
	size_t retry = SIZE_MAX;
	while (from < upto) {
		int rc;
		if (filtered) {
			/* try the pattern, anchored, only where a context word can
			 * begin -- and not inside a run of digits */
			for (;;) {
				from = lg_re_skip(st->ctx_re, s, upto, from);
				if (from < upto && s[from] >= '0' && s[from] <= '9' && from > st->sent_start &&
				    s[from - 1] >= '0' && s[from - 1] <= '9') {
					from++;
					continue;
				}
				break;
			}
			if (from >= upto)
				break;
			rc = lg_re_exec(st->ctx_anchored, md, s, upto, from, PCRE2_PARTIAL_HARD);
			if (rc == PCRE2_ERROR_PARTIAL) {
				/* undecided until more text: as it reads now, and
				 * again next time */
				if (retry == SIZE_MAX)
					retry = from;
				rc = lg_re_exec(st->ctx_anchored, md, s, upto, from, 0);
			}
			if (rc < 0) {
				unsigned char c = (unsigned char)s[from];
				from += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
				continue;
			}
		} else {
			rc = lg_re_exec(st->ctx_re, md, s, upto, from, 0);
			if (rc < 0)
				break;
		}
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		size_t ms = ov[0], me = ov[1];
		int which = -1;
		for (int g = 0; g < LG_CTX_COUNT; g++) {
			int gn = grp[g];
			if (gn > 0 && gn < rc && ov[2 * gn] != PCRE2_UNSET) {
				which = g;
				break;
			}
		}
		bool in_np = false;
		for (int k = 0; k < st->nnp; k++)
			if (ms >= st->np_s[k] && ms < st->np_e[k])
				in_np = true;
		/* the clause starts before the word first, in the text's order */
		clause_openings(st, ms);
		switch (which) {
		case LG_CTX_ALL:
		case LG_CTX_BUREAU:
		case LG_CTX_TOWN:
			/* a word read again (its end was cut last time) and
			 * read the same: nothing new */
			if (in_np || (which == st->ctx_scope && ms == st->ctx_scope_at && me == st->ctx_scope_end))
				break;
			if (st->ctx_item && ms >= st->ctx_item_end)
				item_scope_ends(st);
			if (st->ctx_scope < 0 || ms >= st->ctx_scope_at) {
				size_t be = 0;
				if (in_list_item(st, ms) || (be = bracket_end(st, ms, me)) != 0) {
					if (!st->ctx_item) {
						st->item_scope = st->ctx_scope;
						st->item_scope_at = st->ctx_scope_at;
						st->item_scope_end = st->ctx_scope_end;
						st->item_wider = st->ctx_wider;
					}
					st->ctx_item = true;
					st->ctx_item_end = be ? be : list_item_end(st, me);
				} else {
					st->ctx_item = false;
				}
				/* "全国应急管理系统": the system words right after 全国 are
				 * that wider area's, not this bureau's */
				bool of_wider = st->ctx_wider && which == LG_CTX_ALL && ms == st->ctx_scope_end;
				st->ctx_scope = which;
				st->ctx_scope_at = ms;
				st->ctx_scope_end = me;
				st->ctx_wider = of_wider || (which == LG_CTX_ALL && wider_area(s + ms, me - ms, st->rep->level));
			}
			break;
		case LG_CTX_CAMPAIGN:
			st->ctx_campaign = true;
			st->ctx_campaign_end = me;
			break;
		case LG_CTX_MULTI:
			/* "2021年以来" in the 2021 report is this year */
			if (!(me - ms >= 4 && st->rep->year && atoi(s + ms) == st->rep->year && s[ms] >= '0' && s[ms] <= '9'))
				st->ctx_multi = true;
			break;
		case LG_CTX_PERIOD: {
			/* normalise: "1-10月" / "截至11月" / 上半年 -> 1-6月 */
			const char *p = st->s + ms;
			size_t len = me - ms;
			int a = 0, b = 0;
			if (len == 6 && memcmp(p, "全年", 6) == 0) {
				st->ctx_period[0] = '\0'; /* the whole year again (the report's period) */
			} else if (len >= 3 && memcmp(p, "上半年", 9 <= len ? 9 : len) == 0) {
				snprintf(st->ctx_period, sizeof st->ctx_period, "1-6月");
			} else if (len >= 9 && memcmp(p, "下半年", 9) == 0) {
				snprintf(st->ctx_period, sizeof st->ctx_period, "7-12月");
			} else if (lg_find(p, len, "前三", 6)) {
				snprintf(st->ctx_period, sizeof st->ctx_period, "1-9月");
			} else if (lg_find(p, len, "季度", 6)) {
				/* 一季度, 第二季度, ... */
				static const char *const q[] = { "一", "1-3月", "二", "4-6月", "三", "7-9月", "四", "10-12月" };
				for (size_t k = 0; k < 8; k += 2)
					if (lg_find(p, len, q[k], 3))
						snprintf(st->ctx_period, sizeof st->ctx_period, "%s", q[k + 1]);
			} else if (len >= 7 && memcmp(p + len - 6, "月份", 6) == 0 && p[0] >= '0' && p[0] <= '9') {
				/* 12月份: that month */
				int mon = atoi(p);
				if (mon >= 1 && mon <= 12)
					snprintf(st->ctx_period, sizeof st->ctx_period, "%d月", mon);
			} else if (len >= 6 && memcmp(p, "截", 3) == 0) {
				/* 截至/截止/截止到 (2023年)11月底 or 11月30日: the months
				 * from January, 1-11月; 截至11月 or 11月15日 stay as written */
				const char *d = p + digit_from(p, len, 0);
				bool month_end = me + 3 <= st->n &&
						 (memcmp(st->s + me, "底", 3) == 0 || memcmp(st->s + me, "末", 3) == 0);
				int y;
				lg_meta_period_until(d, (size_t)(p + len - d), month_end, st->ctx_period, sizeof st->ctx_period,
						     &y);
				if (y)
					st->ctx_year = y; /* 截至2023年10月: that year */
			} else if (sscanf(p, "%d", &a) == 1) {
				const char *q = p;
				while (q < p + len && *q >= '0' && *q <= '9')
					q++;
				while (q < p + len && (*q < '0' || *q > '9'))
					q++;
				if (q < p + len && sscanf(q, "%d", &b) == 1 && a >= 1 && b <= 12 && a < b) {
					if (a == 1 && b == 12)
						st->ctx_period[0] = '\0';
					else
						snprintf(st->ctx_period, sizeof st->ctx_period, "%d-%d月", a, b);
				}
			}
			break;
		}
		case LG_CTX_YEAR: {
			int y = 0;
			for (size_t k = ms; k < me && k < ms + 4; k++)
				y = y * 10 + (st->s[k] - '0');
			/* 较2020年 / 比2020年 / 与2020年: a comparison, not the figure's year */
			bool cmp = ms >= 3 && (memcmp(st->s + ms - 3, "较", 3) == 0 || memcmp(st->s + ms - 3, "比", 3) == 0 ||
					       memcmp(st->s + ms - 3, "与", 3) == 0 || memcmp(st->s + ms - 3, "同", 3) == 0);
			if (!cmp)
				st->ctx_year = y;
			/* "连续三年超过300万元，2021年达到412.6万元": the report's
			 * year opening a clause after years together is that
			 * clause's */
			if (!cmp && st->ctx_multi && y == st->rep->year &&
			    (ms == st->sent_start || st->s[ms - 1] == ',' || st->s[ms - 1] == ';' ||
			     (ms >= 3 && (memcmp(st->s + ms - 3, "，", 3) == 0 || memcmp(st->s + ms - 3, "；", 3) == 0))))
				st->ctx_multi = false;
			break;
		}
		default:
			break;
		}
		from = me > ms ? me : ms + 1;
	}
	if (st->ctx_item && upto > st->ctx_item_end)
		item_scope_ends(st);
	clause_openings(st, upto);
	st->ctx_scanned = upto;
	st->ctx_retry = retry;
}

/* "市本级检查企业412家次，立案47起；罚款321.5万元", "全省…；立案5000起":
 * the scope the statement's first clause with a number in it sets holds
 * after its semicolons too, until a clause names its own.  Read afresh
 * from the statement's start, once per statement, when a figure after a
 * semicolon first finds no scope word of its clause (what was read last
 * is the previous clause's, which may be a part's: 全市…，其中市级…；立案…),
 * and the rest of the state put back.  (Not the period: "3月-6月期间，…；
 * 10月23日，…" -- a date names no period that ends the one before.) */
static void head_scope(fstate *st)
{
	if (st->ctx_scope >= 0 || st->sent_start == st->stmt_start)
		return;
	if (st->head_for != st->stmt_start) {
		const char *s = st->s;
		size_t end = st->sent_start - 1, d = digit_from(s, end, st->stmt_start);
		size_t bl;
		for (size_t k = d; k < end; k++) {
			if (s[k] == ';' || is_clause_break(s, end, k, &bl)) {
				end = k;
				break;
			}
		}
		int scope = -1;
		bool wider = false;
		if (d < end) {
			fstate saved = *st;
			ctx_reset(st, st->stmt_start);
			ctx_update(st, end);
			scope = st->ctx_scope;
			wider = st->ctx_wider;
			*st = saved;
		}
		st->head_for = st->stmt_start;
		st->head_scope = scope;
		st->head_wider = wider;
	}
	if (st->head_scope >= 0) {
		st->ctx_scope = st->head_scope;
		st->ctx_scope_at = st->ctx_scope_end = st->sent_start;
		st->ctx_wider = st->head_wider;
	}
}

/* The context words up to at, for a figure there. */
static void ctx_read(fstate *st, size_t at)
{
	ctx_update(st, at);
	head_scope(st);
}

/* Where a quantity's words start: back to a clause break, an unclosed
 * '(' (the quantity is inside brackets), the previous quantity (when
 * bounded), the sentence start, or SUBJECT_MAX_CHARS. */
static size_t words_start(fstate *st, size_t qs, bool bounded, bool *in_paren)
{
	const char *s = st->s;
	size_t lo = st->sent_start;
	if (bounded && st->have_prev && st->prev_end > lo && st->prev_end <= qs)
		lo = st->prev_end;
	size_t i = qs;
	int chars = 0;
	*in_paren = false;
	while (i > lo && chars < SUBJECT_MAX_CHARS) {
		size_t k = lg_utf8_prev_len(s + lo, s + i);
		const char *p = s + i - k;
		if (k == 1) {
			char c = p[0];
			/* "罚款金额:86.5万元", "执法检查(1,200家次)": with nothing between
			 * the number and the colon or bracket, the words go on before it */
			bool nothing_yet = chars == 0 || (i == qs);
			if ((c == ':' || c == '(') && nothing_yet) {
				i -= k;
				continue;
			}
			if ((c == ',' && !thousands_comma(s, st->n, i - 1)) || c == ':' || c == ';' || c == '!' || c == '?' ||
			    c == '\t' || c == '|')
				break;
			if (c == '(') {
				*in_paren = true;
				break;
			}
			if (c == ')') {
				size_t j = i - 1;
				int depth = 0;
				bool found = false;
				while (j > lo) {
					j--;
					if (s[j] == ')')
						depth++;
					else if (s[j] == '(') {
						if (depth == 0) {
							found = true;
							break;
						}
						depth--;
					}
				}
				if (!found)
					break;
				i = j;
				chars++;
				continue;
			}
		} else if (k == 3 && (memcmp(p, "，", 3) == 0 || memcmp(p, "。", 3) == 0)) {
			break;
		}
		i -= k;
		chars++;
	}
	return i;
}

/* Only joining words: 、 和 及 与 或 共 计 达 共计 */
/* Is s[i..] a year, 19xx年 or 20xx年 (7 bytes)? */
static bool year_at(const char *s, size_t n, size_t i)
{
	return i + 7 <= n && (memcmp(s + i, "19", 2) == 0 || memcmp(s + i, "20", 2) == 0) && s[i + 2] >= '0' &&
	       s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9' && memcmp(s + i + 4, "年", 3) == 0;
}

static bool blank_subject(const lg_buf *b)
{
	size_t i = 0;
	while (i < b->len) {
		if (b->s[i] == ' ') {
			i++;
			continue;
		}
		/* a year names when, not what: "2020年1200家次、2021年1350家次" */
		if (year_at(b->s, b->len, i)) {
			i += 7;
			continue;
		}
		/* "处罚金额:人民币486.52万元": the currency names no indicator */
		if (at_lit(b->s, b->len, i, LIT("人民币"))) {
			i += 9;
			continue;
		}
		/* "…罚款总额逐年递增，分别为320万元、…": the list's names are
		 * in the clause before */
		if (at_lit(b->s, b->len, i, LIT("分别"))) {
			i += 6;
			continue;
		}
		static const char *const joiners[] = { "、", "和", "及", "与", "或", "共", "计", "达", "为", "是" };
		bool hit = false;
		for (size_t j = 0; j < sizeof joiners / sizeof joiners[0] && !hit; j++)
			if (at_lit(b->s, b->len, i, joiners[j], 3)) {
				i += 3;
				hit = true;
			}
		if (!hit)
			return false;
	}
	return true;
}

/* Do the words of a part with no trigger of its own name a part of the
 * figure whose words are s[ps..pe)?  Yes when, after the 其中/包括 word,
 * they are at most three characters (其中市本级) or share two characters
 * in a row with that figure's words (其中对企业处罚 after 实施行政处罚);
 * not 包括简易程序案件 after 共立案, a kind of case that is not filed. */
static bool part_words(fstate *st, const lg_buf *subj, size_t ps, size_t pe)
{
	size_t ms = 0, me = 0;
	if (!re_find(st, lg_vocab_rule(st->v, LG_RULE_SUB), subj->s, subj->len, &ms, &me))
		me = 0;
	size_t chars = 0;
	for (size_t i = me; i < subj->len;) {
		unsigned cp;
		size_t k = cp_at(subj->s, subj->len, i, &cp);
		if (is_han(cp))
			chars++;
		i += k;
	}
	if (chars <= 3)
		return true;
	for (size_t i = me; i + 6 <= subj->len;) {
		unsigned c1, c2;
		size_t k = cp_at(subj->s, subj->len, i, &c1);
		if (k == 3 && is_han(c1) && cp_at(subj->s, subj->len, i + 3, &c2) == 3 && is_han(c2) &&
		    pe > ps && lg_find(st->s + ps, pe - ps, subj->s + i, 6))
			return true;
		i += k;
	}
	return false;
}

/* "企业及个人", "企业及其负责人", "企业和主要负责人": the persons a
 * penalty also reaches, no second noun phrase of a list. */
static bool person_after(const char *s, size_t n, size_t i)
{
	if (at_lit(s, n, i, LIT("其")))
		i += 3;
	return at_lit(s, n, i, LIT("个人")) || at_lit(s, n, i, LIT("负责人")) || at_lit(s, n, i, LIT("主要负责人")) ||
	       at_lit(s, n, i, LIT("法定代表人")) || at_lit(s, n, i, LIT("相关责任人")) || at_lit(s, n, i, LIT("责任人")) ||
	       at_lit(s, n, i, LIT("实际控制人"));
}

/* The noun phrase after a count: to a clause break, 、, 或, '(', a digit,
 * NP_MAX_CHARS, or 和, 及, 与 -- unless persons follow (person_after). */
static size_t np_end_at(fstate *st, size_t a)
{
	const char *s = st->s;
	size_t n = st->n;
	size_t i = a;
	int chars = 0;
	while (i < n && chars < NP_MAX_CHARS) {
		size_t k;
		unsigned char c = (unsigned char)s[i];
		if (c == '\n' || c == '(' || (c >= '0' && c <= '9'))
			break;
		if (is_clause_break(s, n, i, &k) || is_sentence_end(s, n, i, &k))
			break;
		if (at_lit(s, n, i, LIT("、")) || at_lit(s, n, i, LIT("或")) || at_lit(s, n, i, LIT("“")))
			break;
		if ((at_lit(s, n, i, LIT("和")) || at_lit(s, n, i, LIT("及")) || at_lit(s, n, i, LIT("与"))) &&
		    !person_after(s, n, i + 3))
			break;
		unsigned cp;
		i += cp_at(s, n, i, &cp);
		chars++;
	}
	return i;
}

/* "对46家企业、52名个人作出行政处罚": where the noun phrase after a count
 * ends at 、 and the next count of the list follows, the list's last noun
 * phrase (and what it is the object of) is read with the first's -- the
 * end of the list's words, or e. */
static size_t np_list_end(fstate *st, size_t e)
{
	const char *s = st->s;
	size_t n = st->n;
	for (int items = 0; items < 8 && at_lit(s, n, e, LIT("、")); items++) {
		size_t k = e + 3;
		if (k >= n || s[k] < '0' || s[k] > '9')
			break;
		while (k < n && ((s[k] >= '0' && s[k] <= '9') || s[k] == '.'))
			k++;
		unsigned cp;
		cp_at(s, n, k, &cp);
		size_t e2 = is_han(cp) ? np_end_at(st, k) : k;
		if (e2 == k)
			break;
		e = e2;
	}
	return e;
}

/* End of the last match of re in text (0 when none). */
static bool last_match(fstate *st, const lg_re *re, const lg_buf *text, size_t *end)
{
	size_t from = 0, ms, me;
	bool any = false;
	while (from <= text->len && lg_re_search(re, st->x->md, text->s, text->len, from, &ms, &me)) {
		any = true;
		*end = me;
		from = me > ms ? me : ms + 1;
		/* step to a character boundary */
		while (from < text->len && (((unsigned char)text->s[from]) & 0xC0) == 0x80)
			from++;
	}
	return any;
}

static void set_prev(fstate *st, size_t next_start, size_t ss, size_t se, bool paren)
{
	st->have_prev = true;
	st->prev_end = next_start;
	st->prev_subj_s = ss;
	st->prev_subj_e = se;
	st->prev_paren = paren;
}

static void fill_text_span(fstate *st, lg_figure *f)
{
	compute_sent_end(st);
	size_t a = st->sent_start, b = st->sent_end;
	if (b - a > TEXT_CAP_BYTES) {
		if (f->norm_start > a + TEXT_SIDE_BYTES)
			a = f->norm_start - TEXT_SIDE_BYTES;
		if (f->norm_end + TEXT_SIDE_BYTES < b)
			b = f->norm_end + TEXT_SIDE_BYTES;
		while (a < f->norm_start && (((unsigned char)st->s[a]) & 0xC0) == 0x80)
			a++;
		while (b > f->norm_end && b < st->n && (((unsigned char)st->s[b]) & 0xC0) == 0x80)
			b--;
	}
	/* no indentation or trailing blanks */
	for (;;) {
		if (a < f->norm_start && (st->s[a] == ' ' || st->s[a] == '\t' || st->s[a] == '\n'))
			a++;
		else if (a + 3 <= f->norm_start && memcmp(st->s + a, "\u3000", 3) == 0)
			a += 3;
		else
			break;
	}
	while (b > f->norm_end && (st->s[b - 1] == ' ' || st->s[b - 1] == '\t' || st->s[b - 1] == '\n'))
		b--;
	/* whatever the sentence state, the text holds the figure */
	if (a > f->norm_start)
		a = f->norm_start;
	if (b < f->norm_end)
		b = f->norm_end;
	f->text_start = a;
	f->text_end = b;
}

/* The sentence's latest total of indicator ind among its first `before`
 * figures (st->out->n: all), or NULL. */
static lg_figure *sentence_total(const fstate *st, int ind, size_t before)
{
	for (size_t i = before; i > st->sent_fig_first; i--) {
		lg_figure *f = &st->out->v[i - 1];
		if (f->indicator == ind && f->role == LG_ROLE_TOTAL)
			return f;
	}
	return NULL;
}

/* The scope of the sentence's latest total of st->last_total_ind
 * (LG_SCOPE_ALL when there is none in the sentence). */
static lg_scope last_total_scope(const fstate *st)
{
	const lg_figure *f = sentence_total(st, st->last_total_ind, st->out->n);
	return f ? f->scope : LG_SCOPE_ALL;
}

/* The scope of a figure of indicator ind (-1: none) at q, as the words
 * read so far (ctx_update) set it. */
static lg_scope scope_now(fstate *st, const lg_qty *q, int ind)
{
	if (sect_campaign_now(st) || (st->sec_n && st->sec_campaign[st->sec_n - 1]) ||
	    (st->ctx_campaign && q->start - st->ctx_campaign_end <= CAMPAIGN_REACH_BYTES))
		return LG_SCOPE_CAMPAIGN;
	if (st->ctx_scope >= 0)
		return (lg_scope)st->ctx_scope;
	/* a heading's scope; one of the whole area (（二）全市执法情况) leaves
	 * an indicator its own default (the bureau's staff: 本级) */
	int sect = sect_scope_now(st);
	if (sect < 0 && st->sec_n)
		sect = st->sec_scope[st->sec_n - 1];
	if (sect >= 0 && !(sect == LG_SCOPE_ALL && ind >= 0))
		return (lg_scope)sect;
	if (ind >= 0)
		return lg_vocab_get(st->v, (size_t)ind)->scope;
	return LG_SCOPE_ALL;
}


/* How far back in its sentence a number looks for the figure it is a
 * part of, a change of, the whole of: 8 KB, far more than any real
 * sentence, so that a run-on "sentence" of thousands of figures (a text
 * without full stops) is not gone through again for each of them.  Past
 * it -- with the sentence's figures in the order of the text, as they
 * nearly always are -- the search stops (an extraction and an export,
 * which reads fewer figures, stop at the same place). */
#define LOOKBACK_BYTES 8192

static bool beyond_lookback(const fstate *st, const lg_figure *f, size_t at)
{
	return st->sent_figs_in_order && f->norm_start + LOOKBACK_BYTES < at;
}

typedef struct {
	size_t at, bracket_end; /* a 其中, and where the brackets holding it close (0: none) */
} qz_seen;

/* Where the last 其中 of the sentence before cs is, not counting one in
 * brackets that close before cs (…(其中市级703家次)，…: an aside);
 * SIZE_MAX: none. */
static size_t qizhong_before(fstate *st, size_t cs)
{
	lg_buf *qzs = &st->x->qzs;
	if (cs < st->qz_read) { /* the sentence's first question (or one before the last) */
		st->qz_read = st->sent_start;
		lg_buf_reset(qzs);
	}
	/* each 其中 is found once per sentence, however many clauses ask */
	for (size_t p = st->qz_read; (p = find_from(st->s, cs, p, "其中", 6)) < cs; p += 6) {
		qz_seen q = { p, bracket_end(st, p, p + 6) };
		lg_buf_add(qzs, &q, sizeof q);
	}
	if (cs > st->qz_read + 5)
		st->qz_read = cs - 5; /* a 其中 that runs past cs is found next time */
	/* the latest not in brackets closed before cs; one in brackets closed
	 * before cs is so for every later cs too, and is dropped */
	while (qzs->len) {
		qz_seen q;
		memcpy(&q, qzs->s + qzs->len - sizeof q, sizeof q);
		if (!q.bracket_end || q.bracket_end > cs)
			return q.at;
		buf_drop(qzs, sizeof q);
	}
	return SIZE_MAX;
}

/* A part a 其中 earlier in the sentence (before the clause at cs) opened
 * and the clauses after it go on listing: a figure of the indicator of the
 * whole before the 其中 (其中危险化学品经营许可证核发865件，非煤矿山安全生产
 * 许可证延续12件); or of a sum's part, when a scope word after the 其中
 * names a scope other than the whole's (罚没款1,036.8万元，其中区局本级处罚
 * 案件96起，罚款金额412万元).  A figure with no such whole before the 其中
 * is its own (其中龙水镇检查企业210家次,罚款12.5万元: 12.5 is the town's). */
static bool part_after_qizhong(fstate *st, const lg_qty *q, int ind, size_t cs)
{
	if (st->out->n == st->sent_fig_first)
		return false;
	size_t qz = qizhong_before(st, cs);
	if (qz == SIZE_MAX)
		return false;
	for (size_t i = st->out->n; i > st->sent_fig_first; i--) {
		const lg_figure *f = &st->out->v[i - 1];
		if (beyond_lookback(st, f, cs))
			break;
		if (f->norm_start >= qz || f->role != LG_ROLE_TOTAL || f->aside || f->indicator < 0)
			continue;
		if (f->indicator == ind)
			return true;
		if (lg_vocab_sum_of(st->v, f->indicator, ind))
			return st->ctx_scope >= 0 && st->ctx_scope_at >= qz && f->scope != scope_now(st, q, ind);
	}
	return false;
}

static lg_figure *emit(fstate *st, const lg_qty *q, int ind, const char *unit, lg_role role, const char *reason,
		       const char *detail)
{
	lg_figure *f = lg_figures_push(st->out);
	f->norm_start = q->num_start;
	if (st->out->n >= st->sent_fig_first + 2 && st->out->v[st->out->n - 2].norm_start > f->norm_start)
		st->sent_figs_in_order = false;
	f->norm_end = q->end;
	f->offset = lg_text_orig_offset(st->t, clean_pos(st, q->num_start, false));
	size_t oe = lg_text_orig_end(st->t, clean_pos(st, q->end, true));
	f->length = oe > f->offset ? oe - f->offset : 0;
	f->indicator = ind;
	f->value = q->value;
	f->unit = unit;
	if (unit == q->unit)
		f->unit_id = q->unit_id;
	else if (ind >= 0 && unit == lg_vocab_get(st->v, (size_t)ind)->unit)
		f->unit_id = lg_vocab_get(st->v, (size_t)ind)->unit_id;
	else
		f->unit_id = unit ? lg_units_canon_id(unit) : -1;
	f->approx = q->approx;
	f->role = role;
	f->reason = reason;
	if (detail)
		lg_copy(f->detail, sizeof f->detail, detail);
	if (q->paren_end) {
		/* "2415.1675(含...)万元" is written 2415.1675万元 */
		char a[40], b[24];
		detail_from(a, sizeof a, st->s, q->start, q->paren_start);
		detail_from(b, sizeof b, st->s, q->paren_end, q->end);
		snprintf(f->raw, sizeof f->raw, "%s%s", a, b);
	} else {
		detail_from(f->raw, sizeof f->raw, st->s, q->start, q->end);
	}
	f->scope = scope_now(st, q, ind);
	lg_copy(f->period, sizeof f->period, st->ctx_period[0] ? st->ctx_period : st->rep->period);
	fill_text_span(st, f);
	return f;
}

static const char *find_sign_word(const lg_buf *b, int *sign)
{
	static const char *const down[] = { "下降", "减少", "降低", "降", "减" };
	static const char *const up[] = { "上升", "增长", "增加", "提高", "增", "涨" };
	const char *best = NULL;
	for (size_t i = 0; i < sizeof down / sizeof down[0]; i++) {
		const char *p = strstr(b->s, down[i]);
		if (p && (!best || p > best)) {
			best = p;
			*sign = -1;
		}
	}
	for (size_t i = 0; i < sizeof up / sizeof up[0]; i++) {
		const char *p = strstr(b->s, up[i]);
		if (p && (!best || p > best)) {
			best = p;
			*sign = 1;
		}
	}
	return best;
}

/* The year a comparison names: 较2021年, 比2021年, 与2021年; 0 when none. */
static int base_year(const lg_buf *b)
{
	static const char *const w[] = { "较", "比", "与" };
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
		for (const char *p = strstr(b->s, w[i]); p; p = strstr(p + 3, w[i])) {
			const char *y = p + 3;
			if ((size_t)(b->s + b->len - y) >= 7 && (y[0] == '1' || y[0] == '2') && y[1] >= '0' && y[1] <= '9' &&
			    y[2] >= '0' && y[2] <= '9' && y[3] >= '0' && y[3] <= '9' && memcmp(y + 4, "年", 3) == 0)
				return atoi(y);
		}
	}
	return 0;
}

/* A change measured against a named year is year over year only when that
 * is the year before the report's (较2019年 in a 2021 report is not). */
static bool base_is_last_year(const fstate *st, const lg_buf *b)
{
	int y = base_year(b);
	return !y || (st->rep->year && y == st->rep->year - 1);
}

/* A percentage in hundredths, held to ±10^12 % (a longer number is no
 * change a report states, and must not overflow what is done with it). */
static long long pct_hundredths(const lg_dec *v)
{
	double d = lg_dec_to_double(v) * 100.0;
	if (!(d > -1e14))
		d = -1e14;
	else if (d > 1e14)
		d = 1e14;
	return (long long)(d < 0 ? d - 0.5 : d + 0.5);
}

/* The number at num_start (the sentence's latest item), with the words
 * ws..we, names no indicator, or was passed over unread
 * (lg_extractor_only_units): it stands between the figures before it and a
 * change after it (handle_yoy) -- the change is that number's -- whether a
 * full reading would have made it a figure or not; unless its words make
 * it part of the comparison (同比减少2起、下降40%: see stands_between). */
static void item_no_figure(fstate *st, size_t num_start, size_t ws, size_t we)
{
	if (st->nitems && st->item_at[st->nitems - 1] == num_start) {
		st->item_skipped |= 1u << (st->nitems - 1);
		st->item_ws[st->nitems - 1] = ws;
		st->item_we[st->nitems - 1] = we;
	}
}

/* The number at num_start (the sentence's latest item) was turned away as
 * a change or a comparison base (事故起数减少2起): part of the comparison,
 * no item a 分别 list of changes is aligned with. */
static void item_of_comparison(fstate *st, size_t num_start)
{
	if (st->nitems && st->item_at[st->nitems - 1] == num_start)
		st->item_cmp |= 1u << (st->nitems - 1);
}

/* Record a count or amount of the sentence: a list item, unless it turns
 * out to be inside brackets (in_brackets, asked only when a list of
 * changes needs the items). */
static bool item_compares(fstate *st, int k);
static bool in_brackets(fstate *st, size_t at);

static void add_item(fstate *st, size_t at, int unit_id)
{
	const int cap = (int)(sizeof st->item_at / sizeof st->item_at[0]);
	if (st->nitems == cap) {
		/* a sentence of more numbers than that: the latest are the
		 * ones a list of changes after them is aligned with (and a
		 * full reading and an export, which passes some over, keep
		 * the same latest ones); the one dropped, if no figure, still
		 * keeps a change after it from the figures before it */
		if ((st->item_skipped & 1) && !in_brackets(st, st->item_at[0]) && !item_compares(st, 0))
			st->item_dropped_skip = st->item_at[0] + 1;
		memmove(st->item_at, st->item_at + 1, (size_t)(cap - 1) * sizeof st->item_at[0]);
		memmove(st->item_ws, st->item_ws + 1, (size_t)(cap - 1) * sizeof st->item_ws[0]);
		memmove(st->item_we, st->item_we + 1, (size_t)(cap - 1) * sizeof st->item_we[0]);
		memmove(st->item_uid, st->item_uid + 1, (size_t)(cap - 1) * sizeof st->item_uid[0]);
		memmove(st->item_xind, st->item_xind + 1, (size_t)(cap - 1) * sizeof st->item_xind[0]);
		st->item_skipped >>= 1;
		st->item_cmp >>= 1;
		st->item_wide_bits >>= 1;
		st->nitems--;
	}
	st->item_uid[st->nitems] = unit_id;
	st->item_xind[st->nitems] = -1;
	st->item_at[st->nitems++] = at;
}

/* Is item k part of a comparison: a figure turned away as a change or a
 * base, or a number naming no indicator whose words compare
 * (stands_between)? */
static bool stands_between(fstate *st, int k);

static bool item_compares(fstate *st, int k)
{
	return ((st->item_cmp >> k) & 1) || (((st->item_skipped >> k) & 1) && !stands_between(st, k));
}

/* Is s[at] inside brackets opened in its sentence ((含高速2起1人): an
 * aside, not an item of a list)? */
static bool in_brackets(fstate *st, size_t at)
{
	if (at <= st->sent_start)
		return false;
	/* the last bracket before it opens one */
	size_t k = brackets_before(st, at);
	return k > 0 && br_at(&st->x->brackets, k - 1)->open == br_at(&st->x->brackets, k - 1)->at;
}

/* Split the names s[a..e) at 、 和 及 与 (事故起数、死亡人数): their spans
 * into ns/ne, at most max; returns how many. */
static size_t split_names(const char *s, size_t a, size_t e, size_t *ns, size_t *ne, size_t max)
{
	size_t k = 0, from = a;
	for (size_t i = a; i < e && k < max;) {
		if (at_lit(s, e, i, LIT("、")) || at_lit(s, e, i, LIT("和")) || at_lit(s, e, i, LIT("及")) ||
		    at_lit(s, e, i, LIT("与"))) {
			/* none before the first: "…下降14.8%、死亡人数下降13.6%" */
			if (i > a) {
				ns[k] = from;
				ne[k++] = i;
			}
			from = i += 3;
			continue;
		}
		unsigned cp;
		i += cp_at(s, e, i, &cp);
	}
	if (k < max && from < e) {
		ns[k] = from;
		ne[k++] = e;
	}
	return k;
}

/* The indicator that words (a table label, a name in a list) name: its
 * trigger is in them and its exclusions are not, and it takes the unit
 * uid (when uid >= 0); the highest priority, the first of equals.  -1:
 * none.  *unit_out: the unit it reports the figure in. */
static int indicator_named(fstate *st, const lg_buf *words, int uid, const char *unit, const char **unit_out)
{
	int best = -1, best_pri = 0;
	*unit_out = NULL;
	for (size_t i = 0; i < lg_vocab_count(st->v); i++) {
		const lg_indicator *d = lg_vocab_get(st->v, i);
		const char *u = d->unit;
		if (uid >= 0 && !lg_vocab_accepts_id(d, uid, unit, &u))
			continue;
		if ((best >= 0 && d->priority <= best_pri) || !re_find(st, d->trigger, words->s, words->len, NULL, NULL))
			continue;
		if (d->exclude && re_find(st, d->exclude, words->s, words->len, NULL, NULL))
			continue;
		best = (int)i;
		best_pri = d->priority;
		*unit_out = u;
	}
	return best;
}

/* A sentence of changes with no figure of its own names what changed:
 * "全年发生生产安全事故7起,造成6人死亡。事故起数和死亡人数分别比上年下降
 * 22.2%和25%." -- each name (split at 、和及与) is matched to its
 * indicator, and the change goes to that indicator's latest total in this
 * paragraph or the one before.  The same when the names come after the
 * figures in their own sentence (…38起，死亡35人，受伤21人，…，事故起数和死亡人数
 * 同比分别下降17.4%、12.5%).  Returns false, and gives nothing, unless every
 * name names an indicator. */
static bool yoy_by_name(fstate *st, size_t a, size_t b, const long long *vals, size_t nv, bool ahead, size_t after)
{
	const char *s = st->s;
	const char *fb = lg_find(s + a, b - a, "分别", 6);
	size_t ns[8], ne[8], k = split_names(s, a, fb ? (size_t)(fb - s) : b, ns, ne, 8);
	if (k != nv)
		return false;
	/* every name must name an indicator (the vocabulary decides, not
	 * which figures happen to be there) */
	int ind[8];
	lg_buf *nb = &st->x->np;
	for (size_t i = 0; i < k; i++) {
		masked_copy(nb, s, ns[i], ne[i]);
		const char *u;
		if ((ind[i] = indicator_named(st, nb, -1, NULL, &u)) < 0)
			return false;
	}
	if (!ahead && after) {
		/* "事故起数、死亡人数同比分别下降18.2%和12.5%，全年共发生事故45起、
		 * 死亡38人": the sentence opens with the changes (no number
		 * before them) and names each indicator again after them, with
		 * no change after (与上年相比，罚款金额增长12.3%，处罚案件数下降
		 * 5.2%) -- the changes are of the figures to come */
		compute_sent_end(st);
		ahead = digit_from(s, a, st->sent_start) == a && after < st->sent_end && !memchr(s + after, '%', st->sent_end - after);
		for (size_t k2 = 0; k2 < k && ahead; k2++)
			ahead = lg_re_search(lg_vocab_get(st->v, (size_t)ind[k2])->trigger, st->x->md, s, st->sent_end, after,
					     NULL, NULL);
	}
	for (size_t i = 0; i < k; i++) {
		bool found = false;
		for (size_t f = st->out->n; f > 0 && !found && !ahead; f--) {
			lg_figure *g = &st->out->v[f - 1];
			/* this paragraph or the one before, at most 1,500 bytes back */
			if (g->norm_start < st->prev_para_start || g->norm_start + 1500 < a)
				break;
			if (g->indicator == ind[i] && g->role == LG_ROLE_TOTAL && !g->aside) {
				if (!g->has_yoy) {
					g->has_yoy = true;
					g->yoy_hundredths = vals[i];
				}
				found = true;
			}
		}
		if (!found && st->npend < 8) {
			st->pend_ind[st->npend] = ind[i];
			st->pend_val[st->npend++] = vals[i];
		}
	}
	return true;
}

/* 持平 after a comparison with last year: unchanged.  Right after a figure
 * (检查企业1356家次，同比持平; 5起与上年持平) that figure's change is 0; after
 * names (事故起数同比持平, 同比事故起数持平, 事故起数、死亡人数与上年持平) each
 * named indicator's latest total is unchanged (by the names, as
 * yoy_by_name).  基本持平, 大致持平 are not exact and give nothing. */
static void flat_figures(fstate *st, size_t end)
{
	const char *s = st->s;
	for (; st->flat_next < end; st->flat_next = find_from(s, st->n, st->flat_next + 6, "持平", 6)) {
		size_t p = st->flat_next;
		if (p < st->sent_start || st->out->n == 0)
			continue;
		/* the clause before it */
		size_t cs = p;
		while (cs > st->sent_start && s[cs - 1] != ',' && s[cs - 1] != ';' && s[cs - 1] != ':' &&
		       !(cs >= st->sent_start + 3 && memcmp(s + cs - 3, "，", 3) == 0))
			cs -= lg_utf8_prev_len(s + st->sent_start, s + cs);
		lg_buf *b = &st->x->partw;
		masked_copy(b, s, cs, p);
		size_t ms, me;
		if (!re_find(st, lg_vocab_rule(st->v, LG_RULE_YOY_BASE), b->s, b->len, &ms, &me) ||
		    !base_is_last_year(st, b))
			continue;
		if (me == b->len) {
			/* the comparison right after a figure (commas between) */
			size_t at = cs + ms;
			for (size_t i = st->out->n; i > st->sent_fig_first; i--) {
				lg_figure *f = &st->out->v[i - 1];
				size_t k = f->norm_end;
				while (k < at && (s[k] == ',' || s[k] == ' '))
					k++;
				if (at_lit(s, at, k, LIT("，")))
					k += 3;
				if (k == at && f->role != LG_ROLE_EXCLUDED && !f->has_yoy) {
					f->has_yoy = true;
					f->yoy_hundredths = 0;
				}
				if (f->norm_end <= at)
					break;
			}
		}
		/* the names after the comparison (同比事故起数) or before it
		 * (事故起数同比), no number among them */
		size_t a = ms == 0 ? cs + me : cs, e = ms == 0 ? p : cs + ms;
		bool digit = false;
		for (size_t i = a; i < e && !digit; i++)
			digit = s[i] >= '0' && s[i] <= '9';
		if ((ms != 0 && me != b->len) || e <= a || digit)
			continue;
		size_t ns[8], ne[8], k = split_names(s, a, e, ns, ne, 8);
		long long zero[8] = { 0 };
		if (k)
			yoy_by_name(st, a, e, zero, k, false, 0);
	}
}

/* Where the words b end in a change's verb (…下降, …增长了, …增长幅度为:
 * the rule yoy_second on a suffix of at most five characters), the start
 * of the longest such suffix; SIZE_MAX when they do not. */
static size_t verb_suffix(fstate *st, const lg_buf *b)
{
	const lg_re *re = lg_vocab_rule(st->v, LG_RULE_YOY_SECOND);
	size_t found = SIZE_MAX, p = b->len;
	for (int k = 0; k < 5 && p > 0; k++) {
		p -= lg_utf8_prev_len(b->s, b->s + p);
		if (re_find(st, re, b->s + p, b->len - p, NULL, NULL))
			found = p;
	}
	return found;
}

/* Does item k (an item_no_figure) stand between the figures before it and
 * a change after it?  Not when its words make it part of the comparison:
 * the change itself (同比减少2起、下降40%) or the base (较2021年的98起增长28.6%). */
static bool stands_between(fstate *st, int k)
{
	lg_buf *w = &st->x->partw;
	masked_copy(w, st->s, st->item_ws[k], st->item_we[k]);
	return !rule_hit(st, LG_RULE_CHANGE, w, NULL, 0) && !rule_hit(st, LG_RULE_COMPARISON, w, NULL, 0) &&
	       !rule_hit(st, LG_RULE_YOY_BASE, w, NULL, 0);
}

static bool is_times(const lg_qty *q)
{
	return q->kind == LG_UK_OTHER && strcmp(q->unit, "倍") == 0;
}

/* q's value as a change in percent: a multiple (增长1.2倍) in percent, a
 * ratio to last year's level (是上年的2.3倍, 为去年同期的85%) less 100. */
static bool change_pct(lg_qty *q, bool ratio)
{
	if (is_times(q) && lg_dec_shift(&q->value, 2) != LG_OK)
		return false;
	q->kind = LG_UK_PERCENT;
	if (!ratio)
		return true;
	lg_dec hundred, change;
	lg_dec_from_u64(&hundred, 100);
	if (lg_dec_sub(&q->value, &hundred, &change) != LG_OK)
		return false;
	q->value = change;
	return true;
}

/* A percentage right after 同比下降 / 较上年增长 ...: attach it (or each of
 * a 分别 list) to the figures before it in the sentence.  ratio: q is
 * already the change a ratio to last year's level (是上年的2.3倍) makes,
 * and the words before it matched the yoy_ratio rule at names_at.
 * Returns the end of the consumed list. */
/* "增长23%，达到456万元": after the change at j, a clause whose words
 * before its number are the rule reached's -- the level the change
 * reached: where that number begins, or 0. */
static size_t level_follows(fstate *st, size_t j)
{
	const char *s = st->s;
	size_t n = st->n;
	if (j < n && s[j] == ',')
		j++;
	else if (at_lit(s, n, j, LIT("，")))
		j += 3;
	else
		return 0;
	/* the words: a few characters, up to the number */
	size_t k = j, we;
	for (int chars = 0; k < n && chars < 8 && !lg_units_can_start(s, n, k); chars++) {
		unsigned cp;
		size_t len = cp_at(s, n, k, &cp);
		if (!len || (!is_han(cp) && cp != ' '))
			return 0;
		k += len;
	}
	for (we = k; we > j && s[we - 1] == ' '; we--)
		;
	if (we == j || k >= n || !lg_units_can_start(s, n, k))
		return 0;
	masked_copy(&st->x->np, s, j, we);
	return rule_hit(st, LG_RULE_REACHED, &st->x->np, NULL, 0) ? k : 0;
}

static size_t handle_yoy(fstate *st, const lg_qty *q, bool ratio, size_t names_at)
{
	bool paren;
	size_t ss = words_start(st, q->start, true, &paren);
	lg_buf *b = &st->x->subj;
	/* "同比增长 12.5%": a space before the number is no word */
	size_t we = q->start;
	while (we > ss && st->s[we - 1] == ' ')
		we--;
	masked_copy(b, st->s, ss, we);
	int sign = 1;
	/* where the names of what changed end, when the words begin with
	 * some ("死亡人数同比下降16.7%"); ss: none */
	size_t names_end = ss, names_start = ss;
	bool named_only = false; /* only names can place this change */
	size_t ms, me;
	if (ratio) {
		names_end = names_at;
	} else if (re_find(st, lg_vocab_rule(st->v, LG_RULE_YOY), b->s, b->len, &ms, &me)) {
		if (!base_is_last_year(st, b))
			return q->end;
		names_end = we - (b->len - ms);
	} else if (!rule_hit(st, LG_RULE_YOY_SECOND, b, NULL, 0)) {
		/* "同比事故起数持平，死亡人数下降16.7%": names, then the change,
		 * the comparison earlier in the sentence */
		size_t vs = verb_suffix(st, b);
		if (vs == SIZE_MAX || vs == 0)
			return q->end;
		lg_buf *cl = &st->x->clause;
		masked_copy(cl, st->s, st->sent_start, q->start);
		if (!rule_hit(st, LG_RULE_YOY_BASE, cl, NULL, 0) || !base_is_last_year(st, cl))
			return q->end;
		names_end = we - (b->len - vs);
		named_only = true;
		/* "与去年同期相比起数下降33.3%": the comparison opens the words,
		 * the names follow it */
		if (re_find(st, lg_vocab_rule(st->v, LG_RULE_YOY_BASE), b->s, vs, &ms, &me) && ms == 0 && me < vs)
			names_start = ss + me;
	} else {
		/* "同比减少2起、下降40%": the same comparison, its second change */
		bool p2;
		size_t cs = words_start(st, q->start, false, &p2);
		lg_buf *cl = &st->x->clause;
		masked_copy(cl, st->s, cs, ss);
		if (!rule_hit(st, LG_RULE_YOY_BASE, cl, NULL, 0)) {
			/* "与上年相比增加312家次，增长7.3%": the comparison is
			 * in an earlier clause of the sentence */
			masked_copy(cl, st->s, st->sent_start, ss);
			if (!rule_hit(st, LG_RULE_YOY_BASE, cl, NULL, 0))
				return q->end;
		}
		if (!base_is_last_year(st, cl))
			return q->end;
	}
	if (!ratio)
		find_sign_word(b, &sign);
	bool dist = strstr(b->s, "分别") != NULL;
	long long vals[8];
	size_t nv = 0;
	vals[nv++] = sign * pct_hundredths(&q->value);
	size_t j = q->end;
	while (dist && nv < 8) {
		size_t k = j;
		if (at_lit(st->s, st->n, k, LIT("、")) || at_lit(st->s, st->n, k, LIT("和")) ||
		    at_lit(st->s, st->n, k, LIT("及")) || at_lit(st->s, st->n, k, LIT("与")))
			k += 3;
		else if (k < st->n && st->s[k] == ',')
			k += 1;
		else
			break;
		while (k < st->n && (st->s[k] == ' ' || st->s[k] == '\n'))
			k++;
		lg_qty q2;
		if (!lg_units_can_start(st->s, st->n, k) || !lg_units_scan(st->s, st->n, st->sent_start, k, &q2) ||
		    q2.st || q2.range)
			break;
		/* a list of changes, or of ratios (分别是上年的1.2倍和1.5倍) */
		if ((q2.kind != LG_UK_PERCENT && !is_times(&q2)) || !change_pct(&q2, ratio))
			break;
		vals[nv++] = sign * pct_hundredths(&q2.value);
		j = q2.end;
	}
	/* changes that name what changed go by the names (every name must
	 * name an indicator) */
	size_t level_at = !ratio && nv == 1 && !named_only ? level_follows(st, j) : 0;
	if (names_end > names_start && yoy_by_name(st, names_start, names_end, vals, nv, level_at != 0, j)) {
		if (level_at) {
			st->ahead_ns = names_start;
			st->ahead_ne = names_end;
			st->ahead_end = j;
			st->ahead_at = level_at;
		}
		return j;
	}
	if (named_only)
		return j;
	/* the sentence's headline-candidate figures before the phrase, the
	 * latest 64 of them (more than the items below): in a sentence of
	 * more, the first ones are no longer among the items a change is
	 * aligned with, and an export, which reads fewer figures, keeps the
	 * same latest ones */
	size_t cand[64], m = 0;
	for (size_t i = st->out->n; i > st->sent_fig_first && m < 64; i--) {
		const lg_figure *f = &st->out->v[i - 1];
		/* an aside is no candidate, by its words or by the brackets the
		 * items below are left out for (the same in an export, which
		 * passes some of them over) */
		if (f->role != LG_ROLE_EXCLUDED && !f->aside && f->norm_start < q->start && !in_brackets(st, f->norm_start))
			cand[64 - ++m] = i - 1;
	}
	const size_t *idx = cand + 64 - m; /* in the sentence's order */
	/* the items before the phrase, asides in brackets left out; a change
	 * is never given to a figure before a number that names no indicator
	 * (or was passed over, and might have been a figure): it is that
	 * number's */
	size_t items[32];
	size_t ni = 0, skipped = st->item_dropped_skip; /* the last such item's place + 1, or 0 */
	int cmp_last = -1; /* the last item of the comparison itself */
	for (int k = 0; k < st->nitems && st->item_at[k] < q->start; k++) {
		if (in_brackets(st, st->item_at[k]))
			continue;
		/* "事故起数减少2起,死亡人数减少3人,分别下降28.6%、37.5%": the
		 * counts of the comparison are no items; the changes go to
		 * the figures before them */
		if (item_compares(st, k)) {
			cmp_last = k;
			continue;
		}
		items[ni++] = st->item_at[k];
		if ((st->item_skipped >> k) & 1)
			skipped = st->item_at[k] + 1;
	}
	if (!m)
		return j;
	/* the items before the phrase: "8.6万家次，…2.3万项，…1.12万次，…4.57亿元，
	 * 同比分别增长12.3%、8.6%、5.2%、15.7%" -- the second is no figure,
	 * and still takes the second change */
	if (dist && nv > 1 && ni >= nv) {
		for (size_t i = 0; i < nv; i++) {
			size_t at = items[ni - nv + i];
			for (size_t k = 0; k < m; k++) {
				lg_figure *f = &st->out->v[idx[k]];
				if (f->norm_start == at) {
					f->has_yoy = true;
					f->yoy_hundredths = vals[i];
				}
			}
		}
	} else if (dist && nv > 1) {
		/* more changes than counts before them: which is whose is not
		 * known (and an export, which reads fewer figures, would align
		 * them otherwise) -- none is given */
	} else {
		lg_figure *f = &st->out->v[idx[m - 1]];
		/* "发生事故5起，死亡5人，事故起数减少2起，下降28.6%": after a
		 * count of the comparison, the change is of the latest figure
		 * in that count's unit, or of none -- whatever stands between
		 * (the count says whose change it is) */
		if (cmp_last >= 0 && st->item_at[cmp_last] > f->norm_start) {
			skipped = 0;
			f = NULL;
			for (int k = cmp_last - 1; k >= 0 && !f; k--) {
				if (st->item_uid[k] != st->item_uid[cmp_last] || item_compares(st, k) ||
				    in_brackets(st, st->item_at[k]))
					continue;
				for (size_t i = 0; i < m && !f; i++)
					if (st->out->v[idx[i]].norm_start == st->item_at[k])
						f = &st->out->v[idx[i]];
				if (!f)
					break;
			}
			if (!f)
				return j;
		}
		/* "检查企业326家，全市罚款1865.3万元，同比上升12.4%" (in a
		 * district's report): after a figure of another indicator
		 * turned away, the change is that figure's, no one's here (an
		 * export of f's indicator passes that figure over) */
		for (int k = 0; k < st->nitems && st->item_at[k] < q->start; k++)
			if (st->item_at[k] > f->norm_start && st->item_xind[k] >= 0 && st->item_xind[k] != f->indicator &&
			    !in_brackets(st, st->item_at[k]) && !item_compares(st, k) && skipped <= st->item_at[k])
				skipped = st->item_at[k] + 1;
		if (!f->has_yoy && (!skipped || skipped - 1 < f->norm_start)) {
			f->has_yoy = true;
			f->yoy_hundredths = vals[0];
		}
	}
	return j;
}

/* A percentage or a multiple (增长1.2倍: +120%) that may be a change from
 * last year; a ratio to last year's level (是上年的2.3倍, 为去年同期的85%) is
 * the ratio less one.  Returns the end of what was read. */
static size_t yoy_quantity(fstate *st, const lg_qty *q)
{
	lg_qty p = *q;
	/* a ratio's words end in 的: only then are they read for one */
	size_t we = q->start, ms = 0, me;
	while (we > st->sent_start && st->s[we - 1] == ' ')
		we--;
	bool ratio = false;
	lg_buf *b = &st->x->subj;
	if (we >= st->sent_start + 3 && memcmp(st->s + we - 3, "的", 3) == 0) {
		bool paren;
		size_t ss = words_start(st, q->start, true, &paren);
		if (we < ss)
			we = ss;
		masked_copy(b, st->s, ss, we);
		ratio = re_find(st, lg_vocab_rule(st->v, LG_RULE_YOY_RATIO), b->s, b->len, &ms, &me);
	}
	if (!change_pct(&p, ratio))
		return q->end;
	return handle_yoy(st, &p, ratio, ratio ? we - (b->len - ms) : 0);
}

/* A number of another indicator, or of none, in a unit the sentence's last
 * total's indicator cannot take breaks the link to that total -- as the
 * number does when an export of that indicator passes it over (a full
 * extraction and an export must read the same). */
static void break_total_link(fstate *st, const lg_qty *q, int ind)
{
	const char *u;
	if (st->last_total_ind >= 0 && ind != st->last_total_ind &&
	    !lg_vocab_accepts_id(lg_vocab_get(st->v, (size_t)st->last_total_ind), q->unit_id, q->unit, &u))
		st->last_total_ind = -1;
}

/* The rules on a figure's words, in the order they are tried; the first
 * that matches gives the reason. */
static const struct {
	lg_rule rule;
	const char *reason;
} subject_rules[] = {
	{ LG_RULE_WAIVED, "waived, exempted or not imposed" },
	{ LG_RULE_PLAN, "a plan, a target or a quota" },
	{ LG_RULE_COMPARISON, "a comparison base (another period)" },
	{ LG_RULE_AVERAGE, "an average or a rate" },
	{ LG_RULE_LEGAL, "an amount in a legal provision" },
	{ LG_RULE_CHANGE, "a change, not a level" },
	{ LG_RULE_SINGLE_CASE, "one case, not the year's figure" },
};

/* "共对87家企业及个人进行了行政处罚，处以罚款312.5万元": 处以 in a sentence
 * that sums up (共, 累计, 合计, 共计, 总计 before the words) is the sum, no
 * single case's.  why: the single-case words found. */
static bool sums_up(fstate *st, const char *why, size_t upto)
{
	if (strncmp(why, "处以", 6) != 0 || upto <= st->sent_start)
		return false;
	const char *s = st->s;
	for (size_t p = st->sent_start; (p = find_from(s, upto, p, "共", 3)) < upto; p += 3) {
		bool after_word = p >= st->sent_start + 3 && (memcmp(s + p - 3, "公", 3) == 0 || memcmp(s + p - 3, "中", 3) == 0);
		bool before_word = at_lit(s, upto, p + 3, LIT("同")) || at_lit(s, upto, p + 3, LIT("享")) ||
				   at_lit(s, upto, p + 3, LIT("建")) || at_lit(s, upto, p + 3, LIT("治"));
		if (!after_word && !before_word)
			return true;
	}
	return find_from(s, upto, st->sent_start, "累计", 6) < upto || find_from(s, upto, st->sent_start, "合计", 6) < upto ||
	       find_from(s, upto, st->sent_start, "总计", 6) < upto;
}

/* "对主要负责人实施处罚15人次": a count of times over persons or firms
 * (人次, 家次, 户次) adds up many, whatever words single one out. */
static bool times_counted(const lg_qty *q)
{
	return q->unit && (strcmp(q->unit, "人次") == 0 || strcmp(q->unit, "家次") == 0 || strcmp(q->unit, "户次") == 0);
}

/* The first subject rule that turns the words away (LG_RULE_COUNT: none);
 * *reason its reason. */
static lg_rule subject_rule(fstate *st, const lg_buf *subj, char *why, size_t cap, const char **reason)
{
	for (size_t i = 0; i < sizeof subject_rules / sizeof subject_rules[0]; i++) {
		if (rule_hit(st, subject_rules[i].rule, subj, why, cap)) {
			*reason = subject_rules[i].reason;
			return subject_rules[i].rule;
		}
	}
	return LG_RULE_COUNT;
}

/* Do the indicator's own exclusions rule the number out?  Its words, or
 * for a count written before its noun, that noun phrase. */
static bool own_exclusion(fstate *st, const lg_indicator *d, const lg_buf *subj, bool from_subj)
{
	return d->exclude && (re_find(st, d->exclude, subj->s, subj->len, NULL, NULL) ||
			      (!from_subj && re_find(st, d->exclude, st->x->np.s, st->x->np.len, NULL, NULL)));
}

/* The code points of b into cps (at most SUBJ_CPS_MAX); SIZE_MAX when b
 * is longer, and then lg_vocab_may_begin_set says "maybe" and the search decides. */
static size_t decode_cps(const lg_buf *b, uint32_t *cps)
{
	size_t n = 0;
	for (size_t i = 0; i < b->len; n++) {
		if (n == SUBJ_CPS_MAX)
			return SIZE_MAX;
		unsigned u;
		i += cp_at(b->s, b->len, i, &u);
		cps[n] = u;
	}
	return n;
}

static inline bool in_set(const uint64_t *set, int i)
{
	return (set[i / 64] >> (i % 64)) & 1;
}

/* Do the words at s[a..b) begin with a change to a new level (增加到,
 * 下降至: the change_to rule)?  *end: where they end. */
static bool change_words(fstate *st, size_t a, size_t b, size_t *end)
{
	size_t ms, me;
	if (b <= a || !lg_re_search(lg_vocab_rule(st->v, LG_RULE_CHANGE_TO), st->x->md, st->s + a, b - a, 0, &ms, &me))
		return false;
	if (end)
		*end = a + me;
	return true;
}

/* Is s[a..b) empty but for a year and 的 (增加到2022年的185万元)? */
static bool only_year_between(const char *s, size_t a, size_t b)
{
	while (a < b && s[a] == ' ')
		a++;
	if (year_at(s, b, a))
		a += 7;
	if (b - a >= 3 && memcmp(s + a, "的", 3) == 0)
		a += 3;
	while (a < b && s[a] == ' ')
		a++;
	return a == b;
}

/* The scope the words s[a..b) are no more than (市级, 市本级, 镇街, 全市): the
 * scope words anchored at a reach b; -1 when they name more, or a wider
 * area. */
static int name_scope(fstate *st, size_t a, size_t b)
{
	const char *s = st->s;
	while (a < b && s[a] == ' ')
		a++;
	size_t ms, me;
	if (a >= b || lg_re_exec(st->ctx_anchored, st->x->md, s, b, a, 0) < 0)
		return -1;
	int sc = matched_scope(st, &ms, &me);
	return sc >= 0 && me == b ? sc : -1;
}

/* The scope of the first name of a list before 分别, which may begin
 * with the clause's lead-in (全年市本级和各县区分别…, 2021年市级、县级…):
 * name_scope of the name, or of its end after at most six characters. */
static int first_name_scope(fstate *st, size_t a, size_t b)
{
	int sc = name_scope(st, a, b);
	unsigned cp;
	for (int chars = 0; sc < 0 && chars < 6 && a < b; chars++) {
		a += cp_at(st->s, b, a, &cp);
		sc = name_scope(st, a, b);
	}
	return sc;
}

/* Do the words s[a..b) end in 分别为 (分别是, 分别达到, 分别有)?  Then the
 * names before it, split at 、 和 及 与 (from its clause, or the clause
 * before when its own holds nothing else), are what the numbers after it
 * count, in turn: st->resp_*.  At least two names. */
static bool respectively(fstate *st, size_t a, size_t b)
{
	const char *s = st->s;
	static const char *const tails[] = { "分别为", "分别是", "分别达到", "分别达", "分别有", "分别" };
	size_t p = 0;
	while (b > a && s[b - 1] == ' ')
		b--;
	/* every tail ends in one of these: the cheap test first */
	if (b - a < 6)
		return false;
	bool tail_end = memcmp(s + b - 3, "为", 3) == 0 || memcmp(s + b - 3, "是", 3) == 0 ||
			memcmp(s + b - 3, "到", 3) == 0 || memcmp(s + b - 3, "达", 3) == 0 ||
			memcmp(s + b - 3, "有", 3) == 0 || memcmp(s + b - 3, "别", 3) == 0;
	size_t fb = 0; /* where 分别 (E5 88 86 E5 88 AB) is in the last ten characters */
	for (size_t i = b - a > 30 ? b - 30 : a; !tail_end && i + 6 <= b && !fb; i++)
		if ((unsigned char)s[i] == 0xE5 && memcmp(s + i, "分别", 6) == 0)
			fb = i;
	if (!tail_end && !fb)
		return false;
	for (size_t t = 0; tail_end && t < sizeof tails / sizeof tails[0] && !p; t++) {
		size_t k = strlen(tails[t]);
		if (b - a >= k && memcmp(s + b - k, tails[t], k) == 0)
			p = b - k;
	}
	st->resp_w_s = st->resp_w_e = 0;
	if (!p) {
		/* "市本级和各县区分别检查企业703家次、8075家次": 分别, then at
		 * most eight characters of what they did -- when every name
		 * is a scope */
		if (!fb || fb == a)
			return false;
		size_t w = fb + 6, chars = 0;
		for (size_t i = w; i < b; i++) {
			if (s[i] == ',' || s[i] == ';' || s[i] == ':' || (unsigned char)s[i] < 0x80)
				return false;
			chars += ((unsigned char)s[i] & 0xC0) != 0x80;
		}
		if (!chars || chars > 8)
			return false;
		bool paren;
		size_t cs = words_start(st, fb, false, &paren);
		size_t ns[8], ne[8];
		int n = (int)split_names(s, cs, fb, ns, ne, 8), sc[8];
		if (n < 2)
			return false;
		for (int k = 0; k < n; k++)
			if ((sc[k] = k ? name_scope(st, ns[k], ne[k]) : first_name_scope(st, ns[k], ne[k])) < 0)
				return false;
		memcpy(st->resp_s, ns, (size_t)n * sizeof ns[0]);
		memcpy(st->resp_e, ne, (size_t)n * sizeof ne[0]);
		memcpy(st->resp_scope, sc, (size_t)n * sizeof sc[0]);
		st->resp_n = n;
		st->resp_shared = false;
		st->resp_w_s = w;
		st->resp_w_e = b;
		return true;
	}
	bool paren;
	size_t cs = words_start(st, p, false, &paren);
	size_t c = cs;
	while (c < p && (s[c] == ' ' || s[c] == ','))
		c++;
	if (c == p && cs > st->sent_start) {
		/* "实现“双下降”,分别为": the names are in the clause before */
		size_t k = cs - lg_utf8_prev_len(s + st->sent_start, s + cs);
		p = k;
		cs = words_start(st, k, false, &paren);
	}
	int n = (int)split_names(s, cs, p, st->resp_s, st->resp_e, 8);
	st->resp_n = n >= 2 ? n : 0;
	st->resp_shared = false;
	for (int k = 0; k < st->resp_n; k++)
		st->resp_scope[k] = k ? name_scope(st, st->resp_s[k], st->resp_e[k])
				      : first_name_scope(st, st->resp_s[k], st->resp_e[k]);
	return n >= 2;
}

/* "市级、县级罚款分别为1278万元和1254万元": names that are only scopes but
 * the last, whose words after its scope name the indicator they share.
 * The scope of the last name (its scope word, or the whole area) in
 * *last_scope; the indicator for a number in unit uid, or -1. */
static int shared_head(fstate *st, int uid, const char *unit, const char **unit_out, int *last_scope)
{
	int n = st->resp_n;
	lg_buf *nb = &st->x->np;
	if (n >= 2 && st->resp_w_e > st->resp_w_s) {
		/* the words after 分别 name it; every name is a scope */
		*last_scope = st->resp_scope[n - 1];
		masked_copy(nb, st->s, st->resp_w_s, st->resp_w_e);
		return indicator_named(st, nb, uid, unit, unit_out);
	}
	if (n < 2 || st->resp_scope[n - 1] >= 0)
		return -1;
	for (int k = 0; k < n - 1; k++)
		if (st->resp_scope[k] < 0)
			return -1;
	size_t a = st->resp_s[n - 1], b = st->resp_e[n - 1], ms, me;
	*last_scope = LG_SCOPE_ALL;
	if (lg_re_exec(st->ctx_anchored, st->x->md, st->s, b, a, 0) >= 0) {
		int sc = matched_scope(st, &ms, &me);
		if (sc >= 0)
			*last_scope = sc;
	}
	masked_copy(nb, st->s, a, b);
	return indicator_named(st, nb, uid, unit, unit_out);
}

/* The sentence's last total of indicator ind before a part becomes a
 * figure of indicator px, if px takes the unit. */
static void relabel_whole(fstate *st, int ind, int px, int unit_id, const char *unit)
{
	const char *u;
	if (px < 0 || !lg_vocab_accepts_id(lg_vocab_get(st->v, (size_t)px), unit_id, unit, &u))
		return;
	lg_figure *w = sentence_total(st, ind, st->out->n);
	if (w) {
		w->indicator = px;
		w->unit = u;
		st->last_total_ind = px;
	}
}

/* "处罚金额256.8万元，其中罚款251.3万元": the part names the indicator
 * (罚款) and the whole only by a looser word (处罚), so the whole holds
 * more than the indicator -- it is the indicator's stand-in (罚没款), if
 * the vocabulary gives one that takes the unit. */
static void whole_is_proxy(fstate *st, const lg_indicator *d, int ind, const lg_buf *part_words, int unit_id,
			   const char *unit)
{
	if (!d->proxy || !strstr(part_words->s, d->name))
		return;
	size_t nl = strlen(d->name);
	if (st->last_total_e > st->last_total_s &&
	    lg_find(st->s + st->last_total_s, st->last_total_e - st->last_total_s, d->name, nl))
		return;
	relabel_whole(st, ind, lg_vocab_find(st->v, d->proxy), unit_id, unit);
}

/* "全年共办理各类行政执法案件235件，其中行政处罚案件218件": the whole's
 * words name a wider class than indicator ind (its `wider` words), the
 * part's -- of the same scope -- name ind itself (its name or an alias,
 * not only a trigger: 对企业处罚60起 is a kind of penalty by whom it
 * fell on, of a whole that may be all of them): the whole is not ind's
 * and the part is ind's total.  f: the part, just emitted; returns it
 * (the array may have moved). */
static lg_figure *whole_is_wider(fstate *st, const lg_indicator *d, int ind, const lg_buf *part_words, lg_figure *f)
{
	size_t ms, me;
	if (!d->wider || st->last_total_e <= st->last_total_s || !lg_vocab_named_in(d, part_words->s, part_words->len) ||
	    re_find(st, d->wider, part_words->s, part_words->len, &ms, &me) ||
	    !lg_re_search(d->wider, st->x->md, st->s, st->last_total_e, st->last_total_s, &ms, &me))
		return f;
	size_t at = (size_t)(f - st->out->v);
	lg_figure *w = sentence_total(st, ind, at);
	if (!w || w->scope != f->scope)
		return f;
	if (st->x->explain) {
		w->role = LG_ROLE_EXCLUDED;
		w->reason = "a wider class than the indicator, a part of which names it";
		detail_from(w->detail, sizeof w->detail, st->s, ms, me);
	} else {
		memmove(w, w + 1, (size_t)(st->out->v + st->out->n - (w + 1)) * sizeof *w);
		st->out->n--;
		at--;
	}
	f = &st->out->v[at];
	f->role = LG_ROLE_TOTAL;
	f->reason = NULL;
	f->detail[0] = '\0';
	return f;
}

/* "罚款金额365万元(含没收违法所得5万元)": a part of another indicator
 * (part) inside a whole named as one indicator (ind) -- when the
 * vocabulary has an indicator that is the sum of both (罚没款: parts =
 * 罚款 没收违法所得), the whole is that one. */
static void whole_of_parts(fstate *st, int ind, int part, int unit_id, const char *unit)
{
	for (size_t x = 0; x < lg_vocab_count(st->v); x++) {
		if (lg_vocab_sum_of(st->v, (int)x, ind) && lg_vocab_sum_of(st->v, (int)x, part)) {
			relabel_whole(st, ind, (int)x, unit_id, unit);
			return;
		}
	}
}

/* Are the words from..at the part_link rule's? */
static bool linked_words(fstate *st, size_t from, size_t at)
{
	return from < at && at - from <= 40 &&
	       lg_re_search(lg_vocab_rule(st->v, LG_RULE_PART_LINK), st->x->md, st->s, at, from, NULL, NULL);
}

/* "道路交通事故5起、死亡4人", "实施“一案双罚”38起，处罚金额67.8万元": a
 * number whose words from the figure of a part (the part rule's) are only
 * the part_link rule's is of that part too. */
static bool joined_to_part(fstate *st, size_t at)
{
	size_t from = st->last_fig_part ? st->last_fig_end : st->part_end;
	bool listed = st->part_listed;
	st->part_listed = false;
	if (!st->last_fig_part && !st->part_maybe)
		return false;
	/* "其中简易程序案件16件、一般程序案件36件，罚款共计86.4万元": the
	 * amount after a list of parts is the whole's, not the last part's */
	bool dun = at_lit(st->s, st->n, from, LIT("、"));
	if ((listed && !dun) || !linked_words(st, from, at))
		return false;
	if (!st->last_fig_part) {
		lg_buf *w = &st->x->partw;
		masked_copy(w, st->s, st->part_s, st->part_e);
		if (!rule_hit(st, LG_RULE_PART, w, NULL, 0))
			return false;
	}
	st->part_listed = dun;
	return true;
}

static bool cell_unit(fstate *st, size_t a, size_t b, int *uid, const char **unit, int *shift, lg_unit_kind *kind);

/* A bare number after a label that names its unit in brackets, outside a
 * table: 罚款（万元）：236, 检查企业（家次） 1,204, 罚款金额（万元）为236.  *out: the number read in
 * that unit. */
static bool label_unit(fstate *st, const lg_qty *q, lg_qty *out)
{
	const char *s = st->s;
	size_t i = q->start, lo = st->line_start > st->sent_start ? st->line_start : st->sent_start;
	while (i > lo && s[i - 1] == ' ')
		i--;
	if (i > lo && s[i - 1] == ':')
		i--;
	else if (i >= lo + 3 && (memcmp(s + i - 3, "为", 3) == 0 || memcmp(s + i - 3, "达", 3) == 0 ||
				 memcmp(s + i - 3, "是", 3) == 0))
		i -= 3; /* 罚款金额（万元）为236 */
	while (i > lo && s[i - 1] == ' ')
		i--;
	if (i <= lo || s[i - 1] != ')')
		return false;
	size_t close = i - 1, open = close;
	while (open > lo && close - open < 24 && s[open] != '(')
		open--;
	if (s[open] != '(' || open == lo)
		return false;
	int uid, shift;
	const char *unit;
	lg_unit_kind kind;
	if (!cell_unit(st, open, close + 1, &uid, &unit, &shift, &kind))
		return false;
	*out = *q;
	out->unit_id = uid;
	out->unit = unit;
	out->unit_text = "";
	out->kind = kind;
	if (shift)
		lg_dec_shift(&out->value, shift); /* （元） or （亿元）: in 万元 */
	return true;
}

/* "其中：危化企业320家次，非煤矿山86家次，工贸企业950家次": the next kind
 * of a list of parts -- the sentence's latest figure is a part of ind, in
 * the same unit, with nothing but a comma and q's words between. */
static bool next_in_list(fstate *st, const lg_qty *q, int ind, const char *unit)
{
	if (st->out->n <= st->sent_fig_first)
		return false;
	const lg_figure *p = &st->out->v[st->out->n - 1];
	if (p->role != LG_ROLE_SUB || p->indicator != ind || p->aside || strcmp(p->unit, unit) != 0)
		return false;
	size_t k = p->norm_end;
	if (k < st->n && st->s[k] == ',')
		k++;
	else if (at_lit(st->s, st->n, k, LIT("，")) || at_lit(st->s, st->n, k, LIT("、")))
		k += 3;
	else
		return false;
	/* the kind's name: no more than ten characters, no number */
	size_t chars = 0;
	for (size_t i = k; i < q->start; i++) {
		unsigned char c = (unsigned char)st->s[i];
		if (c >= '0' && c <= '9')
			return false;
		chars += (c & 0xC0) != 0x80;
	}
	return chars >= 1 && chars <= 10;
}

/* How many characters s[a..b) has when all are han (a kind's short
 * name: 危化企业, 安全管理人员), else -1. */
static int han_chars(const char *s, size_t a, size_t b)
{
	int chars = 0;
	for (size_t i = a; i < b; chars++) {
		unsigned cp;
		i += cp_at(s, b, i, &cp);
		if (!is_han(cp))
			return -1;
	}
	return chars;
}

/* The han character just before byte i (0: none). */
static unsigned han_before(const char *s, size_t i)
{
	if (i < 3)
		return 0;
	unsigned cp;
	lg_utf8_decode(s + i - 3, &cp);
	return is_han(cp) ? cp : 0;
}

/* Do two kinds' names end in the same head noun: the same character, or
 * both a person (企业主要负责人, 安全管理人员)? */
static bool same_head(unsigned a, unsigned b)
{
	static const unsigned person[] = {0x4EBA /* 人 */, 0x5458 /* 员 */, 0x8005 /* 者 */, 0x5DE5 /* 工 */};
	if (!a || !b)
		return false;
	if (a == b)
		return true;
	bool pa = false, pb = false;
	for (size_t k = 0; k < sizeof person / sizeof person[0]; k++) {
		pa |= a == person[k];
		pb |= b == person[k];
	}
	return pa && pb;
}

/* "培训企业主要负责人1200人次、安全管理人员2000人次", "检查危化企业120家
 * 次、烟花爆竹企业80家次": the next kind of a list joined by 、 -- right
 * after the sentence's latest figure, a name of at most ten characters
 * with no number, ending in the same head noun as the words before that
 * figure, in the same unit -- counts what that figure counts.  Its
 * indicator, or -1. */
static int kind_in_list(fstate *st, const lg_qty *q, const char **unit_out)
{
	if (st->out->n <= st->sent_fig_first)
		return -1;
	const lg_figure *f = &st->out->v[st->out->n - 1];
	const char *s = st->s;
	size_t k = f->norm_end;
	if (f->indicator < 0 || f->role == LG_ROLE_EXCLUDED || f->aside || !at_lit(s, st->n, k, LIT("、")))
		return -1;
	const char *u;
	if (!lg_vocab_accepts_id(lg_vocab_get(st->v, (size_t)f->indicator), q->unit_id, q->unit, &u) ||
	    strcmp(f->unit, u) != 0)
		return -1;
	int chars = han_chars(s, k + 3, q->start);
	if (chars < 2 || chars > 10 || !same_head(han_before(s, f->norm_start), han_before(s, q->start)))
		return -1;
	*unit_out = u;
	return f->indicator;
}

/* Can a number of indicator w be the whole of a part of ind: w related
 * to ind, or the words before the 其中 at p naming ind too (*named: that
 * answer, -1 until asked)? */
static bool whole_of(fstate *st, int w, int ind, size_t p, int *named)
{
	if (lg_vocab_related(st->v, w, ind))
		return true;
	if (*named < 0)
		*named = lg_re_search(lg_vocab_get(st->v, (size_t)ind)->trigger, st->x->md, st->s, p, st->sent_start, NULL, NULL);
	return *named > 0;
}

/* How far back before a 其中 opening a sentence a whole it is a part of may be. */
#define QZ_REACH_BYTES 300

/* whole_given for a 其中 that opens the sentence: the sentence before
 * holds the whole when it gave a figure that can be it (related to ind,
 * or its words name ind) or has no digit at all (the whole is out of
 * sight): 1; -1 when it turned a number of an indicator away (a plan's;
 * not a wider area's: 全省…。其中，我市…); else 0, ind's total ("…罚没款
 * 386.52万元。其中，…责令停产整顿企业6家": no whole of 责令停产停业 was
 * given; "我局现有干部职工86人。其中，执法人员52人").  Further back, within
 * QZ_REACH_BYTES: in lines of a list (no 。 ends them) a figure related to
 * ind ("全年共检查企业：1,356家次\n立案：56起\n罚款：86.5万元\n其中：市本级
 * 检查企业320家次"); in the paragraph's prose, a figure of ind itself
 * ("全市共检查企业8778家次。立案1124起，罚款2532万元。其中，市级检查企业
 * 703家次"). */
static int whole_before_sentence(fstate *st, int ind)
{
	const lg_indicator *d = lg_vocab_get(st->v, (size_t)ind);
	const char *u;
	size_t at = st->qizhong_at;
	size_t far = at > QZ_REACH_BYTES ? at - QZ_REACH_BYTES : 0;
	size_t list_from = far; /* after the last 。 before the sentence before */
	for (size_t k = st->qz_prev_s; k > far + 2; k--) {
		if (at_lit(st->s, st->n, k - 3, LIT("。"))) {
			list_from = k;
			break;
		}
	}
	size_t para_from = far > st->para_start ? far : st->para_start;
	int named = -1;
	for (size_t i = st->qz_prev_fig_end; i > 0; i--) {
		const lg_figure *f = &st->out->v[i - 1];
		bool before = i <= st->qz_prev_fig_first, in_list = f->norm_start >= list_from;
		if (before && !in_list && f->norm_start < para_from)
			break;
		if (f->role == LG_ROLE_EXCLUDED || f->indicator < 0 ||
		    !(f->indicator == ind || lg_vocab_accepts_id(d, f->unit_id, NULL, &u)))
			continue;
		if (before && !in_list && f->indicator != ind)
			continue;
		if (lg_vocab_related(st->v, f->indicator, ind))
			return 1;
		if (before)
			continue;
		if (named < 0)
			named = lg_re_search(d->trigger, st->x->md, st->s, at, st->qz_prev_s, NULL, NULL);
		if (named)
			return 1;
	}
	if (st->qz_prev_away)
		return -1;
	return digit_from(st->s, at, st->qz_prev_s) < at ? 0 : 1;
}

/* Is there a whole for a part of indicator ind (a 其中 or 含 before the
 * clause at cs) to be part of: the latest count or amount before the 其中
 * in the sentence in a unit ind takes, of ind or an indicator related to
 * it, or of any indicator when the words before the 其中 name ind too
 * (对21起行政处罚案件进行了法制审核，…其中6起重大行政处罚案件)?  1: a figure;
 * -1: a number turned away (of cases reviewed, of a plan; not a wider
 * area's: 全省…，其中我市…); 0: none -- "我局共有干部职工86人，其中执法
 * 人员52人": the staff are no figure, and the officers are their
 * indicator's total; "立案96起，其中结案90起": the cases closed are all the
 * year's, no part of the cases filed.  A 其中 opening the sentence refers
 * to the sentence before (whole_before_sentence). */
static int whole_given(fstate *st, size_t cs, int ind)
{
	if (st->sent_qizhong)
		return whole_before_sentence(st, ind);
	const lg_indicator *d = lg_vocab_get(st->v, (size_t)ind);
	const char *u;
	size_t p = qizhong_before(st, cs);
	if (p == SIZE_MAX)
		p = cs;
	int named = -1; /* do the words before the 其中 name ind (asked once, when needed) */
	size_t fig_at = 0, away_at = 0; /* place + 1 of the latest of each */
	/* the latest figure before p that can be the whole: with the
	 * sentence's figures in the order of the text (as they nearly always
	 * are), the first such from the end -- a run-on sentence of thousands
	 * of figures is not gone through again for each part */
	size_t nf = st->out->n - st->sent_fig_first;
	for (size_t k = 0; k < nf; k++) {
		const lg_figure *f = &st->out->v[st->sent_figs_in_order ? st->out->n - 1 - k : st->sent_fig_first + k];
		if (beyond_lookback(st, f, cs))
			break;
		/* (a figure of ind itself is in a unit ind takes) */
		if (f->norm_start < p && f->role != LG_ROLE_EXCLUDED && f->indicator >= 0 &&
		    (f->indicator == ind || lg_vocab_accepts_id(d, f->unit_id, NULL, &u)) &&
		    whole_of(st, f->indicator, ind, p, &named)) {
			fig_at = f->norm_start + 1;
			if (st->sent_figs_in_order)
				break;
		}
	}
	for (int k = 0; k < st->nitems && st->item_at[k] < p; k++)
		if (st->item_xind[k] >= 0 && !((st->item_wide_bits >> k) & 1) &&
		    lg_vocab_accepts_id(d, st->item_uid[k], NULL, &u) && whole_of(st, st->item_xind[k], ind, p, &named))
			away_at = st->item_at[k] + 1;
	return away_at > fig_at ? -1 : fig_at ? 1 : 0;
}

/* "检查生产经营单位1320家，其中危化企业86家": right after the whole (only
 * a comma between), 其中 and a kind's short name (at most eight
 * characters, no number, no list) open a part of the whole, whatever
 * the name -- f the sentence's latest figure, in the same unit. */
static bool adjacent_part(fstate *st, const lg_figure *f, const lg_qty *q, const char *unit)
{
	if (f != &st->out->v[st->out->n - 1] || f->aside || strcmp(f->unit, unit) != 0)
		return false;
	const char *s = st->s;
	size_t n = st->n, k = f->norm_end;
	if (k < n && s[k] == ',')
		k++;
	else if (at_lit(s, n, k, LIT("，")))
		k += 3;
	if (!at_lit(s, n, k, LIT("其中")))
		return false;
	k += 6;
	if (k < n && (s[k] == ':' || s[k] == ','))
		k++;
	else if (at_lit(s, n, k, LIT("，")))
		k += 3;
	int chars = han_chars(s, k, q->start);
	return chars >= 1 && chars <= 8;
}

typedef struct {
	size_t end; /* where the span's words end */
	int y1, y2;
} year_span_at;

/* The spans of years the sentence names (2018年至2021年, 2019-2021年), in
 * the order of the text, and where each 近两年, 近三年… first ends: read
 * once per sentence, when a list first asks. */
static void read_year_spans(fstate *st)
{
	const char *s = st->s;
	size_t n = st->n, a = st->sent_start;
	compute_sent_end(st);
	size_t e = st->sent_end;
	lg_buf *spans = &st->x->spans;
	lg_buf_reset(spans);
	for (size_t i = a; i + 7 <= e; i++) {
		if (!year_at(s, n, i))
			continue;
		size_t j = i + 7;
		if (at_lit(s, n, j, LIT("至")) || at_lit(s, n, j, LIT("到")))
			j += 3;
		else if (j < n && (s[j] == '-' || s[j] == '~'))
			j++;
		else
			continue;
		if (j + 4 <= n && (s[j] == '1' || s[j] == '2') && j + 7 <= e && year_at(s, n, j)) {
			year_span_at y = { j + 7, atoi(s + i), atoi(s + j) };
			lg_buf_add(spans, &y, sizeof y);
		}
	}
	static const char *const cn[] = { "两", "二", "三", "四", "五" };
	for (size_t k = 0; k < 5; k++) {
		char w[16];
		snprintf(w, sizeof w, "近%s年", cn[k]);
		const char *p = lg_find(s + a, e - a, w, strlen(w));
		st->ly_near[k] = p ? (size_t)(p - s) + strlen(w) : SIZE_MAX;
	}
	st->ly_spans_read = true;
}

/* The span of years the sentence names before lb (its 分别): the first
 * written out whole before it, else 近三年 and the like (the report's year
 * and the ones before); 0, 0 when none. */
static void year_span(fstate *st, size_t lb, int *y1, int *y2)
{
	if (!st->ly_spans_read)
		read_year_spans(st);
	*y1 = *y2 = 0;
	const lg_buf *spans = &st->x->spans;
	for (size_t k = 0; k < spans->len / sizeof(year_span_at); k++) {
		year_span_at y;
		memcpy(&y, spans->s + k * sizeof y, sizeof y);
		if (y.end <= lb) {
			*y1 = y.y1;
			*y2 = y.y2;
			return;
		}
	}
	for (size_t k = 0; k < 5; k++)
		if (st->ly_near[k] <= lb && st->rep->year) {
			*y2 = st->rep->year;
			*y1 = *y2 - (k == 0 ? 1 : (int)k);
			return;
		}
}

/* The year of a number in a list after 分别 whose sentence spans years
 * (2018年至2021年…分别为320万元、410万元、560万元、620万元; 近三年…分别为
 * …): the list has as many numbers as the span has years, the k-th is
 * the k-th year's.  0 when it is not such a list. */
static int list_year(fstate *st, const lg_qty *q)
{
	const char *s = st->s;
	size_t n = st->n, a = st->sent_start;
	/* the last 分别 before the number: the sentence is searched once,
	 * however many numbers ask */
	if (q->start < st->ly_read) { /* the sentence's first question (or one before the last) */
		st->ly_read = a;
		st->ly_fb = SIZE_MAX;
	}
	for (const char *p = s + st->ly_read; (p = lg_find(p, (size_t)(s + q->start - p), "分别", 6)) != NULL; p += 6)
		st->ly_fb = (size_t)(p - s);
	if (q->start > st->ly_read + 5)
		st->ly_read = q->start - 5; /* a 分别 that runs past the number is found next time */
	if (st->ly_fb == SIZE_MAX)
		return 0;
	size_t lb = st->ly_fb;
	if (st->ly_span_for != lb) {
		st->ly_span_for = lb;
		year_span(st, lb, &st->ly_y1, &st->ly_y2);
	}
	int y1 = st->ly_y1, y2 = st->ly_y2;
	if (!y2 || y2 < y1 || y2 - y1 > 9)
		return 0;
	/* the numbers of the list: after 分别(为|是|:), joined by 、 , ， 和 及 */
	size_t i = lb + 6;
	if (at_lit(s, n, i, LIT("为")) || at_lit(s, n, i, LIT("是")))
		i += 3;
	else if (i < n && s[i] == ':')
		i++;
	int k = 0, at = -1;
	for (;;) {
		i = skip_spaces(s, n, i);
		lg_qty q2;
		if (!lg_units_can_start(s, n, i) || !lg_units_scan(s, n, a, i, &q2) || q2.st || q2.range ||
		    q2.unit_id != q->unit_id)
			break;
		if (q2.start == q->start)
			at = k;
		if (++k > y2 - y1 + 1)
			return 0; /* more numbers than years: not a list of years */
		i = q2.end;
		if (at_lit(s, n, i, LIT("、")) || at_lit(s, n, i, LIT("和")) || at_lit(s, n, i, LIT("及")) ||
		    at_lit(s, n, i, LIT("，")))
			i += 3;
		else if (i < n && s[i] == ',')
			i++;
		else
			break;
	}
	return at >= 0 && k == y2 - y1 + 1 ? y1 + at : 0;
}

/* "整改一般隐患1.18万项、重大隐患35项": do the words at ws follow the
 * sentence's latest figure, its latest total, with only a 、 between? */
static bool listed_after_total(const fstate *st, size_t ws)
{
	if (st->out->n <= st->sent_fig_first)
		return false;
	const lg_figure *f = &st->out->v[st->out->n - 1];
	return f->role == LG_ROLE_TOTAL && f->indicator == st->last_total_ind && !f->aside &&
	       (ws == f->norm_end || ws == f->norm_end + 3) &&
	       at_lit(st->s, st->n, f->norm_end, LIT("、"));
}

/* "罚款（含没收违法所得）463.2万元", "罚款（不含没收违法所得）…": an aside
 * right before the number that says what the figure includes or leaves
 * out names no indicator of its own -- it is cut from the words (into
 * x->incl, without its 含) and the return says which: 1 includes, -1
 * leaves out, 0 none. */
static int cut_inclusion(fstate *st, lg_buf *subj)
{
	lg_buf *incl = &st->x->incl;
	size_t n = subj->len;
	while (n && subj->s[n - 1] == ' ')
		n--;
	if (!n || subj->s[n - 1] != ')')
		return 0;
	const char *open = memrchr(subj->s, '(', n);
	if (!open)
		return 0;
	size_t a = (size_t)(open - subj->s) + 1, w = a;
	int kind = 0;
	static const char *const ins[] = { "含", "包括", "包含" }, *const outs[] = { "不含", "不包括", "未含" };
	for (size_t k = 0; k < 3 && !kind; k++) {
		size_t l = strlen(outs[k]);
		if (at_lit(subj->s, n, a, outs[k], l)) {
			kind = -1;
			w = a + l;
		}
	}
	for (size_t k = 0; k < 3 && !kind; k++) {
		size_t l = strlen(ins[k]);
		if (at_lit(subj->s, n, a, ins[k], l)) {
			kind = 1;
			w = a + l;
		}
	}
	if (!kind || w >= n - 1)
		return 0;
	for (size_t i = a; i < n - 1; i++)
		if ((subj->s[i] >= '0' && subj->s[i] <= '9') || subj->s[i] == '(')
			return 0; /* an amount of its own, or brackets inside: a part, read as one */
	lg_buf_reset(incl);
	lg_buf_add(incl, subj->s + w, n - 1 - w);
	subj->len = (size_t)(open - subj->s);
	subj->s[subj->len] = '\0';
	return kind;
}

static size_t handle_quantity(fstate *st, const lg_qty *q)
{
	lg_extractor *x = st->x;
	const lg_vocab *v = st->v;
	const char *s = st->s;
	size_t n = st->n;

	if (q->st != LG_OK) {
		lg_buf_addf(st->warn, "byte offset %zu: number too long to keep exactly, skipped\n",
			    lg_text_orig_offset(st->t, clean_pos(st, q->num_start, false)));
		set_prev(st, q->end, q->start, q->start, false);
		return q->end;
	}
	if ((q->kind == LG_UK_PERCENT || is_times(q)) && !q->range) {
		size_t e = yoy_quantity(st, q);
		set_prev(st, e, q->start, q->start, false);
		return e;
	}
	lg_qty money;
	if (q->kind == LG_UK_NONE && q->has_mult && !q->range && !q->chinese) {
		/* "罚款312.6万", "罚没款1.2亿": a bare 万/亿 after a number is read
		 * as 元 -- only a money indicator named in the words can take it */
		money = *q;
		money.kind = LG_UK_MONEY;
		money.unit = "万元";
		money.unit_text = "";
		money.unit_id = lg_units_canon_id("万元");
		if (lg_dec_shift(&money.value, -4) == LG_OK)
			q = &money;
	}
	lg_qty labelled;
	if (q->kind == LG_UK_NONE && !q->has_mult && !q->range && !q->chinese && label_unit(st, q, &labelled))
		q = &labelled;
	if (q->range || (q->kind != LG_UK_MONEY && q->kind != LG_UK_COUNT)) {
		/* a year (由2021年的120万元) is part of the words of the number
		 * after it, not a number that ends them */
		if (!(q->kind == LG_UK_TIME && q->end == q->num_start + 7 && year_at(s, n, q->num_start)))
			set_prev(st, q->end, q->start, q->start, false);
		return q->end;
	}

	/* indicators that take this unit */
	size_t nc;
	const int *cand = lg_vocab_by_unit(v, q->unit_id, &nc);
	if (!nc) {
		/* no figure, but "培训执法人员12期600人次": the next count may share its words */
		bool p0;
		size_t s0 = words_start(st, q->start, true, &p0);
		add_item(st, q->num_start, q->unit_id);
		set_prev(st, q->end, s0, q->start, p0);
		return q->end;
	}

	/* subject: the words before the number */
	bool in_paren;
	size_t ss = words_start(st, q->start, true, &in_paren);
	add_item(st, q->num_start, q->unit_id);
	/* a sentence with a count or amount an indicator takes is no heading
	 * (whether it becomes a figure or not) */
	st->sent_has_count = true;
	lg_buf *subj = &x->subj;
	masked_copy(subj, s, ss, q->start);
	/* the words of a count after 、 in a list start with it: to the rules
	 * and triggers that read words from their start (^整改$), "、整改" is
	 * 整改 (发现隐患3400项、整改3200项) */
	if (subj->len >= 3 && memcmp(subj->s, "、", 3) == 0) {
		memmove(subj->s, subj->s + 3, subj->len - 3 + 1);
		subj->len -= 3;
	}
	int inclusion = cut_inclusion(st, subj);
	size_t subj_s = ss, subj_e = q->start;
	bool borrowed = false; /* the words are another count's, or the clause before's */
	int resp_name = -1;    /* the 分别 name the words are */
	/* "…一般程序案件41件，共计64件": a sum word alone, right after a count
	 * (a comma between) */
	bool list_total = false;
	if (st->have_prev && st->prev_end <= ss && !in_paren) {
		size_t k = st->prev_end;
		while (k < ss && (s[k] == ' ' || s[k] == ','))
			k++;
		if (at_lit(s, ss, k, LIT("，")))
			k += 3;
		list_total = k == ss && rule_hit(st, LG_RULE_TOTAL_AFTER, subj, NULL, 0);
	}
	if (st->resp_k < st->resp_n && blank_subject(subj) && st->have_prev && st->prev_end >= ss) {
		/* "事故起数、死亡人数分别为5起、4人": the next name */
		resp_name = st->resp_k;
		subj_s = st->resp_s[st->resp_k];
		subj_e = st->resp_e[st->resp_k++];
		masked_copy(subj, s, subj_s, subj_e);
	} else if (respectively(st, ss, q->start)) {
		resp_name = 0;
		subj_s = st->resp_s[0];
		subj_e = st->resp_e[0];
		st->resp_k = 1;
		masked_copy(subj, s, subj_s, subj_e);
	} else if (blank_subject(subj) && st->have_prev && st->prev_end >= ss) {
		/* "8起8人", "252支6600多人": the second count shares the words */
		borrowed = true;
		subj_s = st->prev_subj_s;
		subj_e = st->prev_subj_e;
		in_paren = in_paren || st->prev_paren;
		masked_copy(subj, s, subj_s, subj_e);
	} else if (st->ahead_end && st->have_prev && st->prev_end == st->ahead_end && st->ahead_at == q->start) {
		/* "罚款总额较上年增长23%，达到456万元": the level the change
		 * reached, named before the change */
		borrowed = true;
		subj_s = st->ahead_ns;
		subj_e = st->ahead_ne;
		masked_copy(subj, s, subj_s, subj_e);
		st->ahead_end = 0;
	} else if (ss > st->sent_start && (!st->have_prev || st->prev_end < ss) &&
		   (list_total || blank_subject(subj) || (subj->len >= 6 && memcmp(subj->s, "涉及", 6) == 0) ||
		    rule_hit(st, LG_RULE_REACHED, subj, NULL, 0))) {
		/* "罚款总额创历史新高,达1,268万元": nothing but 达 in the clause,
		 * or 涉及 pointing back, or the level reached (全年罚款较上年大幅
		 * 增长，达到1,200万元), or a sum word alone (the rule
		 * total_after: …，合计1205项): the words are in the clause before */
		bool p2;
		size_t k = ss - lg_utf8_prev_len(s + st->sent_start, s + ss);
		size_t ss2 = words_start(st, k, false, &p2);
		if (ss2 < k) {
			borrowed = true;
			subj_s = ss2;
			subj_e = q->start;
			masked_copy(subj, s, subj_s, subj_e);
		}
	}

	/* a count written before its noun: "36宗违法行为", "12起行政处罚案件进行了审核" */
	size_t after = q->end;
	unsigned cp;
	if (at_lit(s, n, after, LIT("的")))
		after += 3;
	cp_at(s, n, after, &cp);
	bool pre = is_han(cp) && !at_lit(s, n, after, LIT("等")) && !at_lit(s, n, after, LIT("余")) &&
		   !at_lit(s, n, after, LIT("多"));
	/* "1.2万元以下的简易程序案件": a noun follows, whatever comes after it;
	 * "罚款金额在10万元以上的5起案件": a bound that qualifies what follows */
	bool noun_follows = pre || (q->trailing_yishang && at_lit(s, n, q->end, LIT("的")));
	size_t npe = pre ? np_end_at(st, after) : q->end;
	size_t npe0 = npe; /* where the noun phrase after the count ends */
	if (pre && npe < n && s[npe] >= '0' && s[npe] <= '9') {
		/* "执法35次罚款3.25万元": the words run into the next number, whose
		 * subject they are */
		pre = false;
		npe = q->end;
	}
	/* The words before a count written before its noun do not name what
	 * is counted when they end in 对 (the count is the object of what
	 * follows: 对12起案件进行审核) or 等 (they list its members: A、B等六个
	 * 方面); a Chinese numeral before a noun is read the same way. */
	bool ends_deng = subj->len >= 3 && memcmp(subj->s + subj->len - 3, "等", 3) == 0;
	/* ... but not a count of cases, firms or people above one (立案查处
	 * 十二起违法案件 is filed cases, as 立案查处12起违法案件 is; 一起 is
	 * "a case", 三个方面 a list) */
	bool cn_object = q->chinese;
	if (cn_object) {
		static const char *const counted[] = { "起", "件", "家", "家次", "户", "户次", "人", "人次" };
		lg_dec two;
		lg_dec_from_u64(&two, 2);
		for (size_t k = 0; k < sizeof counted / sizeof counted[0] && cn_object; k++)
			if (strcmp(q->unit, counted[k]) == 0 && lg_dec_cmp(&q->value, &two) >= 0)
				cn_object = false;
	}
	bool object = pre && (cn_object || ends_deng ||
			      (subj->len >= 3 && memcmp(subj->s + subj->len - 3, "对", 3) == 0) ||
			      (subj->len >= 9 && lg_find(subj->s + subj->len - 9, 9, "对", 3)));
	/* "6支市级专职救援队伍和26支...": the noun phrase of a count that is
	 * joined to the next count keeps its scope words to itself */
	if (pre && st->nnp < 16 &&
	    (at_lit(s, n, npe, LIT("和")) || at_lit(s, n, npe, LIT("及")) || at_lit(s, n, npe, LIT("与")) ||
	     at_lit(s, n, npe, LIT("、")) || at_lit(s, n, npe, LIT("或")))) {
		st->np_s[st->nnp] = after;
		st->np_e[st->nnp++] = npe;
	}
	if (x->only_units && (q->unit_id < 0 || !x->units[q->unit_id])) {
		/* no figure anyone asked for can be in this unit: keep only what
		 * the numbers after it read -- its words (shared by a count after
		 * it), its place in a list -- and let it break the links to the
		 * figures before it (a part, a change), as a figure of another
		 * indicator would */
		st->last_total_ind = -1;
		st->last_fig_ind = -1;
		st->last_fig_plan = st->last_fig_delta = st->last_fig_excl = st->last_fig_rough = false;
		/* "较大事故1起、死亡3人": a count joined by 、 to a part is of
		 * that part too -- whether this one is a part, its words say */
		st->last_fig_part = joined_to_part(st, q->start);
		if (st->last_fig_part)
			st->last_fig_end = q->end;
		st->part_maybe = !st->last_fig_part;
		st->part_s = subj_s;
		st->part_e = subj_e;
		st->part_end = q->end;
		item_no_figure(st, q->num_start, subj_s, subj_e);
		set_prev(st, pre ? npe : q->end, subj_s, subj_e, in_paren);
		return q->paren_end ? q->paren_start + 1 : q->end;
	}
	/* the clause, for 其中/含 */
	bool cl_paren;
	size_t cs = words_start(st, q->start, false, &cl_paren);
	masked_copy(&x->clause, s, cs, q->start);
	/* "开展综合检查8个批次", "12个乡镇的120家企业": the noun after the count
	 * is what it counts, whatever the words before it name */
	char counts_other[48] = "";
	bool np_read = noun_follows && npe0 > after;
	if (np_read) {
		masked_copy(&x->np, s, after, npe0);
		rule_hit(st, LG_RULE_COUNTS_OTHER, &x->np, counts_other, sizeof counts_other);
	}
	if (pre && !(np_read && npe == npe0))
		masked_copy(&x->np, s, after, npe);
	else if (!pre)
		lg_buf_reset(&x->np);

	int best = -1;
	const char *best_unit = NULL;
	int best_pri = 0;
	bool best_subj = false, best_excl = false;
	size_t best_dist = 0;
	/* "共收到12件行政复议申请，4件行政诉讼案件": words borrowed from
	 * elsewhere give way to the noun after the count */
	bool np_first = pre && borrowed;
	/* the subject's and noun phrase's characters, decoded once for every
	 * candidate's first-character test */
	uint32_t cps[SUBJ_CPS_MAX];
	lg_vocab_may_begin_set(v, false, cps, decode_cps(subj, cps), x->tset);
	if (pre)
		lg_vocab_may_begin_set(v, true, cps, decode_cps(&x->np, cps), x->eset);
	bool np_listed = false;
read_candidates:
	for (size_t c = 0; c < nc; c++) {
		const lg_indicator *d = lg_vocab_get(v, (size_t)cand[c]);
		const char *cu;
		lg_vocab_accepts_id(d, q->unit_id, q->unit, &cu);
		bool from_subj = false;
		size_t dist = 0, me = 0;
		if (np_first && in_set(x->eset, cand[c]) && re_find(st, d->trigger_end, x->np.s, x->np.len, NULL, NULL)) {
			from_subj = false;
		} else if (!object && in_set(x->tset, cand[c]) && last_match(st, d->trigger, subj, &me)) {
			from_subj = true;
			dist = subj->len - me;
		} else if (pre && !np_first && in_set(x->eset, cand[c]) &&
			   re_find(st, d->trigger_end, x->np.s, x->np.len, NULL, NULL)) {
			from_subj = false;
		} else {
			continue;
		}
		if (d->context) {
			compute_sent_end(st);
			size_t ms2, me2;
			if (!lg_re_search(d->context, x->md, s, st->sent_end, st->stmt_start, &ms2, &me2))
				continue;
		}
		/* an indicator its own words exclude gives way to any other
		 * (办理行政复议案件: not 行政处罚, so 行政复议) */
		bool excl = own_exclusion(st, d, subj, from_subj);
		bool better = best < 0 || (best_excl && !excl) ||
			      (best_excl == excl &&
			       (d->priority > best_pri ||
				(d->priority == best_pri && (np_first ? !from_subj && best_subj : from_subj && !best_subj)) ||
				(d->priority == best_pri && from_subj == best_subj && dist < best_dist)));
		if (better) {
			best = cand[c];
			best_unit = cu;
			best_pri = d->priority;
			best_subj = from_subj;
			best_dist = dist;
			best_excl = excl;
		}
	}
	if (best >= 0 && best_subj && inclusion > 0) {
		/* "罚款（含没收违法所得）463.2万元": the sum the vocabulary has of
		 * the two (罚没款), if one takes the unit */
		const char *u;
		int part = indicator_named(st, &x->incl, q->unit_id, q->unit, &u);
		for (size_t k = 0; part >= 0 && part != best && k < lg_vocab_count(v); k++) {
			if (lg_vocab_sum_of(v, (int)k, best) && lg_vocab_sum_of(v, (int)k, part) &&
			    lg_vocab_accepts_id(lg_vocab_get(v, k), q->unit_id, q->unit, &u)) {
				best = (int)k;
				best_unit = u;
				break;
			}
		}
	}
	if (best < 0 && pre && !np_listed && npe == npe0) {
		/* "对46家企业、52名个人作出行政处罚": nothing named the count; the
		 * list's last noun phrase may */
		size_t le = np_list_end(st, npe);
		if (le > npe) {
			masked_copy(&x->np, s, after, le);
			lg_vocab_may_begin_set(v, true, cps, decode_cps(&x->np, cps), x->eset);
			np_listed = true;
			goto read_candidates;
		}
	}

	int excl_of = best; /* the candidate best_excl was found for */
	lg_role role = LG_ROLE_TOTAL;
	const char *reason = NULL;
	lg_rule by_rule = LG_RULE_COUNT; /* the subject rule that turned it away */
	char detail[96] = "";
	/* 其中/含/包括 before the number mark a part -- unless a list closed by
	 * 等 comes between: "包括A、B、C等252支" is the total of the list */
	int whole = 0; /* whole_given's answer, when asked */
	bool sub_clause = !ends_deng && (rule_hit(st, LG_RULE_SUB, &x->clause, detail, sizeof detail) ||
					 (in_paren && rule_hit(st, LG_RULE_SUB, subj, detail, sizeof detail)));


	/* "全年共检查企业5600家次，市级、镇街分别为1200家次、4400家次": a name
	 * that is only a scope takes the whole's indicator, a part of it in
	 * that scope */
	int part_scope = -1;
	bool by_kind = false; /* the next kind of a list (kind_in_list) */
	int ly = 0;           /* the year of a list's number (list_year) */
	int name_scope_of = -1; /* the scope a 分别 name gives a total (shared_head) */
	if (best < 0 && resp_name >= 0 && st->resp_scope[resp_name] >= 0 && st->last_total_ind >= 0 &&
	    !st->resp_shared) {
		const char *u;
		if (lg_vocab_accepts_id(lg_vocab_get(v, (size_t)st->last_total_ind), q->unit_id, q->unit, &u)) {
			best = st->last_total_ind;
			best_unit = u;
			part_scope = st->resp_scope[resp_name];
		}
	}
	if (resp_name >= 0 && ((st->last_total_ind < 0 || st->resp_shared) ? best < 0 || resp_name == st->resp_n - 1
									     : best < 0)) {
		/* "市级、县级罚款分别为1278万元和1254万元": each name's scope, the
		 * indicator the last one names -- also after a total the
		 * numbers cannot be parts of (检查企业5家次，市本级和各县区分别
		 * 立案12起、85起) */
		const char *u;
		int last_sc;
		int h = shared_head(st, q->unit_id, q->unit, &u, &last_sc);
		if (h >= 0 && (best < 0 || best == h)) {
			best = h;
			best_unit = u;
			name_scope_of = resp_name == st->resp_n - 1 ? last_sc : st->resp_scope[resp_name];
			st->resp_shared = true;
		}
	}
	if (best < 0) {
		/* "罚款由120万元增加到185万元": where the change ended, of the
		 * same indicator as where it started; "计划检查企业1200家次，
		 * 实际检查1356家次": what was done, of the plan's indicator */
		const char *u;
		size_t me;
		if (st->last_fig_ind >= 0 && st->last_fig_end <= q->start && !st->last_fig_excl &&
		    lg_vocab_accepts_id(lg_vocab_get(v, (size_t)st->last_fig_ind), q->unit_id, q->unit, &u) &&
		    ((change_words(st, st->last_fig_end, q->start, &me) && only_year_between(st->s, me, q->start)) ||
		     (st->last_fig_plan && rule_hit(st, LG_RULE_ACTUAL, subj, NULL, 0)) ||
		     ((st->last_fig_delta || st->last_fig_rough) && rule_hit(st, LG_RULE_REACHED, subj, NULL, 0)))) {
			best = st->last_fig_ind;
			best_unit = u;
		}
	}
	if (best < 0) {
		/* "(含高速4起4人)", "其中对企业处罚245起": a part of a figure
		 * just given in the sentence */
		if ((in_paren && sub_clause) ||
		    (!in_paren && (sub_clause || st->sent_qizhong || qizhong_before(st, cs) != SIZE_MAX))) {
			for (size_t i = st->out->n; i > st->sent_fig_first; i--) {
				const lg_figure *f = &st->out->v[i - 1];
				const char *u;
				if (beyond_lookback(st, f, q->start))
					break;
				/* "作出行政处罚124宗，其中警告35宗，罚款89宗": a total
				 * the 其中 itself opened (no whole of its own) is one
				 * kind of the list, the next its sibling, not its part */
				if (!in_paren && f->indicator == st->last_total_ind && st->last_total_under_qz &&
				    qizhong_before(st, cs) < f->norm_start)
					break;
				if (f->role == LG_ROLE_TOTAL && f->indicator >= 0 &&
				    lg_vocab_accepts_id(lg_vocab_get(v, (size_t)f->indicator), q->unit_id, q->unit, &u) &&
				    (in_paren || (f->indicator == st->last_total_ind &&
						  (part_words(st, subj, st->last_total_s, st->last_total_e) ||
						   next_in_list(st, q, f->indicator, u) || adjacent_part(st, f, q, u))))) {
					best = f->indicator;
					best_unit = u;
					break;
				}
			}
		}
		/* "办理行政处罚案件123件,简易程序案件36件": one kind of the
		 * cases just given (the part rule); "实施行政处罚168起，罚款
		 * 413.65万元，其中简易程序处罚45起，普通程序处罚123起": of the
		 * sentence's latest total in the same unit, past one in another
		 * (or a link the figures between broke) */
		const char *u;
		if (best < 0 && !in_paren) {
			/* the whole first (cheap), then the words (a pattern) */
			int ind = st->last_total_ind;
			if (ind < 0 || !lg_vocab_accepts_id(lg_vocab_get(v, (size_t)ind), q->unit_id, q->unit, &u)) {
				ind = -1;
				for (size_t i = st->out->n; i > st->sent_fig_first && ind < 0; i--) {
					const lg_figure *f = &st->out->v[i - 1];
					if (beyond_lookback(st, f, q->start))
						break;
					if (f->role == LG_ROLE_TOTAL && f->indicator >= 0 && !f->aside &&
					    lg_vocab_accepts_id(lg_vocab_get(v, (size_t)f->indicator), q->unit_id, q->unit, &u) &&
					    strcmp(f->unit, u) == 0)
						ind = f->indicator;
				}
			}
			if (ind >= 0 && rule_hit(st, LG_RULE_PART, subj, NULL, 0) &&
			    !own_exclusion(st, lg_vocab_get(v, (size_t)ind), subj, true)) {
				best = ind;
				best_unit = u;
			}
		}
		if (best < 0 && !in_paren && (best = kind_in_list(st, q, &u)) >= 0) {
			best_unit = u;
			by_kind = true;
		}
		if (best < 0) {
			item_no_figure(st, q->num_start, subj_s, subj_e);
			break_total_link(st, q, -1);
			if (x->explain) {
				ctx_read(st, q->start);
				lg_figure *f = emit(st, q, -1, q->unit, LG_ROLE_EXCLUDED, "no indicator trigger in its words", NULL);
				detail_from(f->detail, sizeof f->detail, subj->s, 0, subj->len);
			}
			set_prev(st, pre ? npe : q->end, subj_s, subj_e, in_paren);
			/* the aside between number and unit is read, as where a
			 * number is a figure or passed over */
			return q->paren_end ? q->paren_start + 1 : q->end;
		}
	}
	/* "整改隐患5210项，其中重大隐患12项": a part named by the same noun as
	 * the total before it is a part of that total's indicator */
	if ((sub_clause || st->sent_qizhong || listed_after_total(st, subj_s)) && best_subj && st->last_total_ind >= 0 &&
	    best != st->last_total_ind) {
		const char *u;
		const lg_indicator *prev = lg_vocab_get(v, (size_t)st->last_total_ind);
		size_t me = 0;
		if (lg_vocab_accepts_id(prev, q->unit_id, q->unit, &u) && last_match(st, lg_vocab_get(v, (size_t)best)->trigger, subj, &me)) {
			size_t ms = 0, from = 0, e2;
			/* the words of the best trigger's last match */
			while (lg_re_search(lg_vocab_get(v, (size_t)best)->trigger, x->md, subj->s, subj->len, from, &ms, &e2) &&
			       e2 < me)
				from = e2 > ms ? e2 : ms + 1;
			if (e2 == me && me > ms && lg_find(s + st->last_total_s, st->last_total_e - st->last_total_s,
							 subj->s + ms, me - ms)) {
				best = st->last_total_ind;
				best_unit = u;
			}
		}
	}
	const lg_indicator *d = lg_vocab_get(v, (size_t)best);
	st->last_fig_ind = best;
	/* "道路交通事故5起、死亡4人": a count joined by 、 to a part the part
	 * rule made is of that part too */
	bool by_link = joined_to_part(st, q->start);
	st->last_fig_end = q->end;
	if (best != excl_of)
		best_excl = own_exclusion(st, d, subj, best_subj);
	/* scope, period, year words before the number: read only for figures */
	ctx_read(st, q->start);

	/* the language rules, in order; the first that applies decides */
	char why[96] = "";
	bool by_part = false;
	bool wider = false; /* turned away as a wider area's */
	bool rules = re_find(st, lg_vocab_any_rule(v), subj->s, subj->len, NULL, NULL);
	if (st->in_plan) {
		role = LG_ROLE_EXCLUDED;
		reason = "in a section of plans";
	} else if (q->trailing_yishang && noun_follows) {
		role = LG_ROLE_EXCLUDED;
		reason = "a threshold (以上/以下 + noun), not a figure";
	} else if (q->trailing_yishang &&
		   lg_re_search(lg_vocab_rule(v, LG_RULE_LEGAL_CONTEXT), x->md, s, q->start, st->sent_start, NULL, NULL)) {
		role = LG_ROLE_EXCLUDED;
		reason = "a bound in a penalty provision";
	} else if (rules && (by_rule = subject_rule(st, subj, why, sizeof why, &reason)) != LG_RULE_COUNT &&
		   !(by_rule == LG_RULE_SINGLE_CASE && (sums_up(st, why, subj_s) || times_counted(q)))) {
		role = LG_ROLE_EXCLUDED;
	} else if (x->clause.len > subj->len && !times_counted(q) &&
		   rule_hit(st, LG_RULE_SINGLE_CASE, &x->clause, why, sizeof why)) {
		/* "罚款最高的一起案件罚款50万元": the clause singles out one
		 * case before another number ends the words */
		role = LG_ROLE_EXCLUDED;
		reason = "one case, not the year's figure";
		by_rule = LG_RULE_SINGLE_CASE;
	} else if (counts_other[0] && best_subj) {
		/* "开展综合检查8个批次": the noun after the count is what it counts */
		snprintf(why, sizeof why, "%s", counts_other);
		role = LG_ROLE_EXCLUDED;
		reason = "counts the noun after it, not what the words before name";
		by_rule = LG_RULE_COUNTS_OTHER;
	} else if (!best_subj && rule_hit(st, LG_RULE_WAIVED, &x->np, why, sizeof why)) {
		/* "对12家企业作出不予处罚决定": the noun phrase that names it
		 * says it was not imposed */
		role = LG_ROLE_EXCLUDED;
		reason = "waived, exempted or not imposed";
		by_rule = LG_RULE_WAIVED;
	} else if (best_excl) {
		size_t ms, me;
		if (re_find(st, d->exclude, subj->s, subj->len, &ms, &me))
			detail_from(why, sizeof why, subj->s, ms, me);
		else if (re_find(st, d->exclude, x->np.s, x->np.len, &ms, &me))
			detail_from(why, sizeof why, x->np.s, ms, me);
		role = LG_ROLE_EXCLUDED;
		reason = "excluded by the indicator's words";
	} else if (st->ctx_multi && (ly = list_year(st, q)) != st->rep->year) {
		role = LG_ROLE_EXCLUDED;
		reason = ly ? "refers to another year" : "several years together";
		if (ly)
			snprintf(why, sizeof why, "%d年", ly);
	} else if (st->ctx_wider) {
		role = LG_ROLE_EXCLUDED;
		reason = "a figure of a wider area (全国, 全省, 全市 in a county)";
		wider = true;
	} else if (st->ctx_year && st->rep->year && st->ctx_year != st->rep->year) {
		role = LG_ROLE_EXCLUDED;
		reason = "refers to another year";
		snprintf(why, sizeof why, "%d年", st->ctx_year);
	} else if (change_words(st, q->end, q->end + 30 < n ? q->end + 30 : n, NULL)) {
		role = LG_ROLE_EXCLUDED;
		reason = "where a change started (由…增加到…)";
	} else if (by_kind) {
		role = LG_ROLE_SUB;
		reason = "the next kind of a list, a part of what the list counts";
	} else if (by_link || rule_hit(st, LG_RULE_PART, subj, why, sizeof why)) {
		role = LG_ROLE_SUB;
		reason = "one kind of the indicator's cases, a part of its total";
		by_part = true;
	} else if ((((sub_clause || st->sent_qizhong) &&
		     !(st->last_total_ind >= 0 && best != st->last_total_ind && lg_vocab_sum_of(v, st->last_total_ind, best) &&
		       scope_now(st, q, best) == last_total_scope(st))) ||
		    (!in_paren && part_after_qizhong(st, q, best, cs))) &&
		   (whole = whole_given(st, cs, best)) != 0) {
		/* a part of a figure already given, whatever its scope:
		 * "其中,市级检查企业703家次" is part of the city's 8778 -- but
		 * a part of a sum (罚没款586万元,其中罚款571万元) is the whole
		 * of its own indicator, where the scope is the whole's (not
		 * 罚没款1,036.8万元，其中区局本级…罚款412万元); a part of a
		 * figure turned away is turned away (对12起行政处罚案件进行了
		 * 法制审核，…其中6起重大行政处罚案件…) */
		role = whole > 0 ? LG_ROLE_SUB : LG_ROLE_EXCLUDED;
		reason = whole > 0 ? "a part of a figure already given" : "a part of a figure turned away";
		if (!sub_clause)
			snprintf(why, sizeof why, "其中");
		else
			snprintf(why, sizeof why, "%s", detail);
	}

	if (part_scope >= 0 && role == LG_ROLE_TOTAL) {
		role = LG_ROLE_SUB;
		reason = "a part of a figure already given";
		snprintf(why, sizeof why, "分别");
	}
	st->last_fig_plan = by_rule == LG_RULE_PLAN;
	st->last_fig_part = by_part;
	if (!by_part)
		st->part_listed = false;
	else if (!by_link && st->have_prev && st->prev_end == ss && at_lit(s, n, ss, LIT("、")))
		/* "适用简易程序12起、一般程序56起": the second kind of a list,
		 * whatever the first became */
		st->part_listed = true;
	st->part_maybe = false;
	/* "罚款标准由2万元提高到5万元": where the change ends is no figure either */
	st->last_fig_excl = best_excl;
	st->last_fig_delta = by_rule == LG_RULE_CHANGE || by_rule == LG_RULE_COMPARISON;
	/* "罚款金额逾百万元，达到128万元": the exact level after a rough one */
	st->last_fig_rough = q->approx != LG_APPROX_NONE;
	if (st->last_fig_delta)
		item_of_comparison(st, q->num_start);
	else if (role == LG_ROLE_EXCLUDED && st->nitems && st->item_at[st->nitems - 1] == q->num_start) {
		st->item_xind[st->nitems - 1] = best;
		if (wider)
			st->item_wide_bits |= 1u << (st->nitems - 1);
		else
			st->stmt_away = true;
	}
	if (list_total && role == LG_ROLE_SUB && best >= 0) {
		/* "简易程序案件23件、一般程序案件41件，共计64件": the total of
		 * the figures of the indicator just listed in the unit, which
		 * are its parts */
		bool listed = false;
		for (size_t i = st->out->n; i > st->sent_fig_first; i--) {
			lg_figure *f = &st->out->v[i - 1];
			if (f->role == LG_ROLE_EXCLUDED)
				continue; /* (written by --explain only) */
			if (f->indicator != best || !f->unit || strcmp(f->unit, best_unit) != 0 || f->aside)
				break;
			if (f->role == LG_ROLE_TOTAL)
				f->reason = "one of a list its total follows (共计, 合计)";
			f->role = LG_ROLE_SUB;
			listed = true;
		}
		if (listed) {
			role = LG_ROLE_TOTAL;
			reason = NULL;
			why[0] = '\0';
		}
	}
	if (role != LG_ROLE_EXCLUDED || x->explain) {
		lg_figure *f = emit(st, q, best, best_unit, role, reason, why);
		f->aside = in_paren;
		if (part_scope >= 0)
			f->scope = (lg_scope)part_scope;
		else if (name_scope_of >= 0)
			f->scope = (lg_scope)name_scope_of;
		if (role == LG_ROLE_TOTAL) {
			for (int k = 0; k < st->npend && !in_paren; k++) {
				if (st->pend_ind[k] == best) {
					f->has_yoy = true;
					f->yoy_hundredths = st->pend_val[k];
					st->pend_ind[k] = -1;
				}
			}
			st->last_total_ind = best;
			st->last_total_s = subj_s;
			st->last_total_e = subj_e;
			st->last_total_under_qz = sub_clause || st->sent_qizhong;
		} else if (role == LG_ROLE_SUB && best == st->last_total_ind) {
			whole_is_proxy(st, d, best, subj, q->unit_id, q->unit);
			if (best == st->last_total_ind && (f = whole_is_wider(st, d, best, subj, f))->role == LG_ROLE_TOTAL) {
				role = LG_ROLE_TOTAL;
				st->last_total_s = subj_s;
				st->last_total_e = subj_e;
			}
		} else if (role == LG_ROLE_SUB && st->last_total_ind >= 0 && !st->last_total_under_qz) {
			whole_of_parts(st, st->last_total_ind, best, q->unit_id, q->unit);
		}
	}
	if (role != LG_ROLE_TOTAL)
		break_total_link(st, q, best);
	set_prev(st, pre ? npe : q->end, subj_s, subj_e, in_paren);
	/* the aside between number and unit may hold figures of its own */
	return q->paren_end ? q->paren_start + 1 : q->end;
}

/* The 0 of indicator ind when its `none` words match at `at` (the
 * pattern is anchored there) in the sentence ending at end; true when one
 * was given. */
static bool none_figure(fstate *st, int ind, size_t at, size_t end)
{
	lg_extractor *x = st->x;
	const lg_indicator *d = lg_vocab_get(st->v, (size_t)ind);
	size_t ms, me;
	if (st->in_plan || !lg_re_search(d->none, x->md, st->s, end, at, &ms, &me))
		return false;
	for (size_t i = st->sent_fig_first; i < st->out->n; i++)
		if (st->out->v[i].indicator == ind && st->out->v[i].role != LG_ROLE_EXCLUDED)
			return false;
	/* the context words from the sentence's start to the none words,
	 * read afresh: the scan has read on to where the sentence's last
	 * figure was (a full extraction and an export read different
	 * numbers), and the state is put back after */
	fstate saved = *st;
	ctx_reset(st, st->sent_start);
	ctx_update(st, ms);
	bool ok = !st->ctx_multi && !st->ctx_wider && !(st->ctx_year && st->rep->year && st->ctx_year != st->rep->year);
	if (ok) {
		bool p;
		size_t ws = words_start(st, ms, false, &p);
		lg_buf *w = &x->clause;
		masked_copy(w, st->s, ws, ms);
		const char *why;
		ok = subject_rule(st, w, NULL, 0, &why) == LG_RULE_COUNT;
	}
	if (ok) {
		lg_qty z;
		memset(&z, 0, sizeof z);
		z.start = z.num_start = ms;
		z.end = me;
		z.unit = d->unit;
		z.unit_id = -1;
		lg_dec_parse("0", 1, &z.value);
		emit(st, &z, ind, d->unit, LG_ROLE_TOTAL, NULL, NULL);
	}
	*st = saved;
	return ok;
}

/* "全年未发生生产安全事故": words of an indicator's `none` in the sentence
 * ending at end say none happened -- a 0 for the year, unless the sentence
 * gives a figure of it, or its words are of a plan, another year, several
 * years, a wider area, a comparison. */
static void none_figures(fstate *st, size_t end)
{
	if (st->nlit_min >= end)
		return;
	lg_extractor *x = st->x;
	int done[LG_NONE_MAX], ndone = 0; /* the indicators that have had their 0 here */
	size_t min = st->n;
	for (int l = 0; l < x->nnlit; l++) {
		size_t at = st->nlit_next[l];
		for (; at < end; at = find_from(st->s, st->n, at + x->nlit[l].len, x->nlit[l].lit,
						  x->nlit[l].len)) {
			for (int k = 0; k < x->nnone && at >= st->sent_start; k++) {
				int ind = x->none[k].ind, j = 0;
				while (j < ndone && done[j] != ind)
					j++;
				if (x->none[k].lit == l && x->none[k].on && j == ndone && none_figure(st, ind, at, end))
					done[ndone++] = ind;
			}
		}
		st->nlit_next[l] = at;
		if (at < min)
			min = at;
	}
	st->nlit_min = min;
}

/* ---- tables ---- */

typedef struct {
	size_t a, b; /* cell span, trimmed */
} cell;

/* Split a line into cells at TAB, '|' or runs of two or more spaces.
 * Returns the number of cells (at most max). */
static int split_cells(const char *s, size_t ls, size_t le, cell *c, int max)
{
	int n = 0;
	size_t i = ls, start = ls;
	while (i <= le && n < max) {
		bool sep = i == le || s[i] == '\t' || s[i] == '|' || (s[i] == ' ' && i + 1 < le && s[i + 1] == ' ');
		if (!sep) {
			i++;
			continue;
		}
		size_t a = start, b = i;
		while (a < b && s[a] == ' ')
			a++;
		while (b > a && s[b - 1] == ' ')
			b--;
		if (b > a)
			c[n++] = (cell){ a, b };
		while (i < le && (s[i] == '\t' || s[i] == '|' || s[i] == ' '))
			i++;
		if (i == le)
			break;
		start = i;
	}
	return n;
}

/* A cell that is a number, maybe with a unit: "354", "1,268", "86.5万元". */
static bool numeric_cell(fstate *st, const cell *c, lg_qty *q)
{
	if (!lg_units_can_start(st->s, c->b, c->a) || !lg_units_scan(st->s, c->b, c->a, c->a, q))
		return false;
	return q->end == c->b && q->st == LG_OK && !q->range && q->start == c->a &&
	       (q->kind == LG_UK_NONE || q->kind == LG_UK_COUNT || q->kind == LG_UK_MONEY);
}

static int cell_year(fstate *st, const cell *c)
{
	const char *p = st->s + c->a;
	size_t len = c->b - c->a;
	if (len < 4 || !(p[0] == '1' || p[0] == '2'))
		return 0;
	for (int k = 0; k < 4; k++)
		if (p[k] < '0' || p[k] > '9')
			return 0;
	if (len > 4 && !(len >= 7 && memcmp(p + 4, "年", 3) == 0))
		return 0;
	int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
	return y >= 1990 && y <= 2100 ? y : 0;
}

/* The unit a header names: （单位：万元）, (件), 金额（万元）. */
/* Is t[0..len) a unit alone (万元, 家次)?  Its id, spelling, kind, and the
 * power of ten one of it is of the canonical unit (元: -4). */
static bool unit_alone(const char *t, size_t len, int *uid, const char **unit, int *shift, lg_unit_kind *kind)
{
	char one[32];
	/* a number with its unit is no unit alone (354件) */
	if (len == 0 || len + 1 > sizeof one || (t[0] >= '0' && t[0] <= '9') || t[0] == '.' || t[0] == ',')
		return false;
	one[0] = '1';
	memcpy(one + 1, t, len);
	lg_qty q;
	if (!lg_units_scan(one, len + 1, 0, 0, &q) || q.unit_id < 0 || q.end != len + 1)
		return false;
	*uid = q.unit_id;
	*unit = q.unit;
	if (kind)
		*kind = q.kind;
	*shift = (q.value.nd == 1 && q.value.d[0] == '1') ? q.value.exp : 0;
	return true;
}

static bool cell_unit(fstate *st, size_t a, size_t b, int *uid, const char **unit, int *shift, lg_unit_kind *kind)
{
	for (size_t i = a; i + 1 < b; i++) {
		if (st->s[i] != '(' && !(st->s[i] == ':' && i >= a + 6 && memcmp(st->s + i - 6, "单位", 6) == 0))
			continue;
		size_t j = i + 1;
		if (j + 6 <= b && memcmp(st->s + j, "单位", 6) == 0)
			j += 6;
		if (j < b && st->s[j] == ':')
			j++;
		const char *close = memchr(st->s + j, ')', b - j);
		size_t e = close ? (size_t)(close - st->s) : b;
		if (unit_alone(st->s + j, e - j, uid, unit, shift, kind))
			return true;
	}
	/* 检查次数, 死亡人数, 案件数: the counting word before 数 */
	if (b - a >= 6 && memcmp(st->s + b - 3, "数", 3) == 0) {
		static const char *const w[] = { "次", "人", "件", "起", "家", "个", "份", "场", "项" };
		for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
			if (memcmp(st->s + b - 6, w[i], 3) == 0 && unit_alone(w[i], 3, uid, unit, shift, kind))
				return true;
		}
	}
	return false;
}

/* A column label over the units of the rows: 单位, 计量单位. */
static bool unit_label(const char *s, const cell *c)
{
	size_t len = c->b - c->a;
	return (len == 6 && memcmp(s + c->a, "单位", 6) == 0) || (len == 12 && memcmp(s + c->a, "计量单位", 12) == 0);
}

static void header_unit(fstate *st, size_t a, size_t b)
{
	cell_unit(st, a, b, &st->table_unit_id, &st->table_unit, &st->table_unit_shift, NULL);
}

/* "| --- | :---: |": the rule under a Markdown header */
static bool rule_row(const char *s, const cell *c, int nc)
{
	for (int k = 0; k < nc; k++)
		for (size_t i = c[k].a; i < c[k].b; i++)
			if (s[i] != '-' && s[i] != ':' && s[i] != ' ' && s[i] != '=')
				return false;
	return true;
}

/* A column label for the change between the years beside it: 增幅, 同比,
 * 增减(%), 增长率, 变化. */
static bool change_label(const char *s, const cell *c)
{
	static const char *const w[] = { "增幅", "增减", "同比", "增长", "变化", "升降", "比上年", "较上年", "降幅" };
	size_t len = c->b - c->a;
	if (len > 30)
		return false;
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
		if (lg_find(s + c->a, len, w[i], strlen(w[i])))
			return true;
	return false;
}

/* A row label that stands for the whole: 合计, 总计, 全年, 全市. */
static bool total_label(const char *s, const cell *c)
{
	static const char *const w[] = { "合计", "总计", "总数", "全年", "全市", "全区", "全县", "全省", "全旗" };
	size_t len = c->b - c->a;
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
		if (len == strlen(w[i]) && memcmp(s + c->a, w[i], len) == 0)
			return true;
	return false;
}

/* The figure in a table cell: the indicator its label [la, lb) names, in the
 * cell's unit, else the label's or column's (uid, unit, shift), else the
 * table's.  Returns true when a figure was emitted. */
static bool table_cell(fstate *st, size_t la, size_t lb, lg_qty q, int cuid, const char *cunit, int cshift)
{
	lg_buf *lab = &st->x->subj;
	masked_copy(lab, st->s, la, lb);
	int uid = q.unit_id;
	const char *unit = q.unit;
	int shift = 0;
	if (uid < 0 && cuid >= 0) {
		uid = cuid;
		unit = cunit;
		shift = cshift;
	} else if (uid < 0 && st->in_table && st->table_unit_id >= 0) {
		uid = st->table_unit_id;
		unit = st->table_unit;
		shift = st->table_unit_shift;
	}
	const char *best_unit = NULL;
	int best = indicator_named(st, lab, uid, unit, &best_unit);
	const char *why;
	if (best < 0 || st->in_plan || subject_rule(st, lab, NULL, 0, &why) != LG_RULE_COUNT)
		return false;
	const lg_indicator *d = lg_vocab_get(st->v, (size_t)best);
	if (uid < 0)
		best_unit = d->unit;
	else if (q.kind == LG_UK_NONE && shift)
		lg_dec_shift(&q.value, shift); /* a bare number under a 元 or 亿元 header, in 万元 */
	compute_sent_end(st);
	lg_figure *f = emit(st, &q, best, best_unit, LG_ROLE_TOTAL, NULL, NULL);
	/* a table figure's text is its row */
	if (st->row_s <= f->norm_start && f->norm_end <= st->row_e) {
		f->text_start = st->row_s;
		f->text_end = st->row_e;
	}
	/* a disclosure report's tables count the bureau's own decisions */
	f->scope = st->rep->disclosure ? LG_SCOPE_BUREAU : LG_SCOPE_ALL;
	st->sent_has_count = true;
	return true;
}

/* A row of numbers under a row of column labels: each cell from `from` on
 * is read under its column's label.  A row labelled as the whole (合计, the
 * report's year) is read as it is.  An unlabelled one is read when it is the
 * only one: a second means the table lists several things (by township, by
 * month) with no total marked, so what the first gave is taken back. */
static void table_value_row(fstate *st, const cell *c, int nc, int from, bool labelled)
{
	if (st->table_ncols != nc)
		return;
	if (!labelled && ++st->table_value_rows > 1) {
		if (st->table_value_rows == 2)
			st->out->n = st->table_fig_start;
		return;
	}
	if (!labelled)
		st->table_fig_start = st->out->n;
	for (int k = from; k < nc; k++) {
		lg_qty q;
		if (numeric_cell(st, &c[k], &q))
			table_cell(st, st->table_col_a[k], st->table_col_b[k], q, st->table_col_uid[k], st->table_col_unit[k],
				   st->table_col_shift[k]);
	}
}

/* 指标 | 2021年 | 2022年 | 增幅 over 罚款 | 860.5 | 1,012.3 | 17.6%: the
 * change column's percentage is the figure's change on the year before,
 * when the table has a column for that year too. */
static void table_change(fstate *st, const cell *c, int nc, lg_figure *f)
{
	int k = st->table_chg_col;
	bool prev = false;
	for (int j = 0; j < st->table_nyears; j++)
		prev |= st->rep->year && st->table_year_col[j] == st->rep->year - 1;
	if (k < 0 || k >= nc || !prev || f->has_yoy)
		return;
	size_t a = c[k].a;
	int sign = 1;
	if (st->s[a] == '-' || st->s[a] == '+') {
		sign = st->s[a] == '-' ? -1 : 1;
		a++;
	}
	lg_qty q;
	if (a < c[k].b && lg_units_can_start(st->s, c[k].b, a) && lg_units_scan(st->s, c[k].b, a, a, &q) &&
	    q.kind == LG_UK_PERCENT && q.st == LG_OK && q.start == a && q.end == c[k].b && !q.range) {
		f->has_yoy = true;
		f->yoy_hundredths = sign * pct_hundredths(&q.value);
	}
}

/* The scope a table row's label names: 本级 (区应急管理局, 局本级), 乡镇
 * (各镇街), 全辖区 (全区); *named_town for one township by name (龙水镇);
 * -1 for none. */
static int label_scope(fstate *st, const cell *lab, bool *named_town)
{
	pcre2_match_data *md = st->x->md;
	size_t ms, me;
	*named_town = false;
	if (lg_re_search(lg_vocab_rule(st->v, LG_RULE_TOWNSHIP), md, st->s, lab->b, lab->a, &ms, &me) && ms == lab->a) {
		*named_town = true;
		return LG_SCOPE_TOWN;
	}
	if (!lg_re_search(st->ctx_re, md, st->s, lab->b, lab->a, &ms, &me))
		return -1;
	return matched_scope(st, &ms, &me);
}

/* A row of a table whose columns name the indicators and whose rows name
 * who did it (序号 | 执法主体 | 检查企业（家次）| 罚款（万元）, then 1 | 区应急管理局
 * | 412 | 186.5 and 合计 | | 1,486 | 345.2): a row number first is skipped,
 * the numbers are read under the columns they end aligned with (an empty
 * cell is no cell), and the row's label says whose: the whole (合计, 全区,
 * the report's year), the bureau's or the townships' (a total of that
 * scope), one township or one kind (a part).  Returns true when the row
 * was read so. */
static bool entity_row(fstate *st, const cell *c, int nc)
{
	lg_qty q;
	int L = 0;
	if (st->table_ncols < 3 || st->table_nyears || nc < 2)
		return false;
	if (nc >= 3 && numeric_cell(st, &c[0], &q) && q.kind == LG_UK_NONE && !numeric_cell(st, &c[1], &q))
		L = 1;
	if (numeric_cell(st, &c[L], &q))
		return false;
	int first = L + 1, nnum = nc - first;
	if (nnum < 1 || st->table_ncols - nnum < 1 + L)
		return false;
	for (int k = first; k < nc; k++)
		if (!numeric_cell(st, &c[k], &q))
			return false;
	/* a label naming an indicator is the other kind of table */
	lg_buf *lab = &st->x->subj;
	masked_copy(lab, st->s, c[L].a, c[L].b);
	const char *u;
	if (indicator_named(st, lab, -1, NULL, &u) >= 0)
		return false;
	int scope = -1;
	bool part = false; /* one kind, one township */
	int y = cell_year(st, &c[L]);
	if (y) {
		if (y != st->rep->year)
			return true;
	} else if (!total_label(st->s, &c[L])) {
		scope = label_scope(st, &c[L], &part);
		if (scope == -2)
			return true; /* 全省 in a city's table: a wider area's */
		if (scope < 0) {
			/* 乡镇 | 检查企业（家次） over 甲镇 | 120: the rows are townships */
			cell head = { st->table_col_a[L], st->table_col_b[L] };
			bool town;
			if (label_scope(st, &head, &town) == LG_SCOPE_TOWN)
				scope = LG_SCOPE_TOWN;
			part = true;
		}
	}
	for (int k = first; k < nc; k++) {
		int col = st->table_ncols - (nc - k);
		numeric_cell(st, &c[k], &q);
		if (!table_cell(st, st->table_col_a[col], st->table_col_b[col], q, st->table_col_uid[col],
				st->table_col_unit[col], st->table_col_shift[col]))
			continue;
		lg_figure *f = &st->out->v[st->out->n - 1];
		if (scope >= 0)
			f->scope = (lg_scope)scope;
		if (part) {
			f->role = LG_ROLE_SUB;
			f->reason = "a part of the table's total (a row of one kind or place)";
		}
	}
	return true;
}

/* Is s[a..b) a short line that may be a table cell: at most 20
 * characters, no sentence punctuation, no heading marker? */
static bool cell_line(const fstate *st, size_t a, size_t b)
{
	const unsigned char *s = (const unsigned char *)st->s;
	if (b - a > 80)
		return false;
	size_t chars = 0;
	for (size_t i = a; i < b; i++) {
		unsigned char c = s[i];
		if (c == ',' || c == ';' || c == '!' || c == '?')
			return false;
		/* ， ； (EF BC 8C, EF BC 9B) and 。 (E3 80 82) */
		if ((c == 0xEF && i + 2 < b && s[i + 1] == 0xBC && (s[i + 2] == 0x8C || s[i + 2] == 0x9B)) ||
		    (c == 0xE3 && i + 2 < b && s[i + 1] == 0x80 && s[i + 2] == 0x82))
			return false;
		chars += (c & 0xC0) != 0x80;
	}
	size_t after;
	return chars <= 20 && marker_at(st->s, b, a, &after) == MARK_NONE;
}

/* Forget the one-cell-per-line table being read (its label and years). */
static void stk_reset(fstate *st)
{
	st->stk_lb = 0;
	st->stk_nyears = 0;
	st->stk_year_last = false;
}

/* A table written one cell per line, as a word processor's text export
 * writes it: 检查企业（家次） / 1860, or 罚款 / 万元 / 356.2, maybe under lone
 * year lines (2020年 / 2021年) that say which number is this report's.
 * The line [ls, le) is read into the state; returns true when it was a
 * number under a label, read here (figure or not). */
static bool stacked_line(fstate *st, size_t ls, size_t le)
{
	const char *s = st->s;
	size_t a = ls, b = le;
	while (a < b && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\r'))
		b--;
	/* a line seen in between (a long one, read as prose) ends the table */
	bool fresh = st->stk_next == 0 || st->stk_next > ls;
	for (size_t i = st->stk_next; !fresh && i < ls; i++)
		fresh = s[i] != '\n' && s[i] != ' ' && s[i] != '\r';
	st->stk_next = le + 1;
	if (fresh)
		stk_reset(st);
	if (a == b)
		return false; /* a blank line between cells */
	if (!cell_line(st, a, b)) {
		stk_reset(st);
		st->stk_next = 0;
		return false;
	}
	cell c = { a, b };
	lg_qty q;
	int y = cell_year(st, &c);
	if (y) {
		if (!st->stk_year_last)
			st->stk_nyears = 0;
		if (st->stk_nyears < 16)
			st->stk_years[st->stk_nyears++] = y;
		st->stk_year_last = true;
		st->stk_lb = 0;
		return false;
	}
	st->stk_year_last = false;
	int uid, shift;
	const char *unit;
	if (st->stk_lb && !st->stk_nvals && st->stk_uid < 0 && unit_alone(s + a, b - a, &uid, &unit, &shift, NULL)) {
		st->stk_uid = uid;
		st->stk_unit = unit;
		st->stk_shift = shift;
		return false;
	}
	if (!numeric_cell(st, &c, &q)) {
		/* a label: what the numbers under it count */
		st->stk_la = a;
		st->stk_lb = b;
		st->stk_nvals = 0;
		st->stk_uid = -1;
		st->stk_unit = NULL;
		st->stk_shift = 0;
		cell_unit(st, a, b, &st->stk_uid, &st->stk_unit, &st->stk_shift, NULL);
		return false;
	}
	if (!st->stk_lb)
		return false;
	int k = st->stk_nvals++;
	/* under years, the column of the report's year; else the first
	 * number only (a second may be anything: 本级, a change) */
	if (st->stk_nyears ? (k >= st->stk_nyears || st->stk_years[k] != st->rep->year) : k > 0)
		return true;
	/* a number without a unit of its own or of its label is no cell
	 * of a table (a page number under a heading) -- except in the
	 * tables of a disclosure report (本年处理决定数量 | 行政处罚 | 354) */
	if (q.unit_id < 0 && st->stk_uid < 0 && !st->rep->disclosure)
		return true;
	st->row_s = st->stk_la;
	st->row_e = b;
	st->in_table = false; /* a lone number: no table with separators goes on here */
	table_cell(st, st->stk_la, st->stk_lb, q, st->stk_uid, st->stk_unit, st->stk_shift);
	return true;
}

/* One line of a table: a label cell naming an indicator and a number.
 * Returns true when the line was a table row (figure or not). */
static bool table_row(fstate *st, size_t ls, size_t le)
{
	const char *s = st->s;
	bool has_sep = memchr(s + ls, '\t', le - ls) || memchr(s + ls, '|', le - ls);
	if (!has_sep && stacked_line(st, ls, le))
		return true;
	if (!has_sep) {
		/* columns aligned with spaces: short, no sentence punctuation */
		if (le - ls > 120 || !lg_find(s + ls, le - ls, "  ", 2) || lg_find(s + ls, le - ls, "，", 3) ||
		    lg_find(s + ls, le - ls, "。", 3))
			return false;
	}
	cell c[16];
	int nc = split_cells(s, ls, le, c, 16);
	st->row_s = ls;
	st->row_e = le;
	if (nc < 2) {
		st->in_table = false;
		return false;
	}
	if (!st->in_table) {
		st->in_table = true;
		st->table_unit_id = -1;
		st->table_unit = NULL;
		st->table_unit_shift = 0;
		st->table_nyears = 0;
		st->table_ncols = 0;
		st->table_unit_col = -1;
		st->table_scope_cols = false;
	}
	if (rule_row(s, c, nc))
		return true;
	/* a header row: years as columns, or a unit */
	lg_qty q;
	int nyears = 0, nnum = 0, nchange = 0, unit_col = -1;
	for (int k = 1; k < nc; k++) {
		if (cell_year(st, &c[k]))
			nyears++;
		else if (unit_label(s, &c[k]) && unit_col < 0)
			unit_col = k;
		else if (change_label(s, &c[k]))
			nchange++;
		if (numeric_cell(st, &c[k], &q))
			nnum++;
	}
	/* 2021 | 2022 | 2023 across the top: a row of years, not of values
	 * (and maybe a column of changes: 2021年 | 2022年 | 增幅, and one of
	 * units: 指标 | 单位 | 2022年 | 2021年) */
	if (nyears >= 2 && nyears + nchange + (unit_col > 0) == nc - 1 && !numeric_cell(st, &c[0], &q)) {
		st->table_nyears = 0;
		st->table_chg_col = -1;
		st->table_unit_col = unit_col;
		for (int k = 0; k < nc && st->table_nyears < 16; k++) {
			st->table_year_col[st->table_nyears++] = cell_year(st, &c[k]);
			if (k > 0 && k != unit_col && !st->table_year_col[k] && st->table_chg_col < 0)
				st->table_chg_col = k;
		}
		return true;
	}
	if (nnum == 0) {
		/* labels over the columns below, each maybe with its unit */
		bool col_units = false;
		st->table_ncols = nc;
		st->table_value_rows = 0;
		st->table_unit_col = unit_col;
		st->table_scope_cols = false;
		for (int k = 0; k < nc; k++) {
			bool town;
			st->table_col_scope[k] = k > 0 ? label_scope(st, &c[k], &town) : -1;
			st->table_scope_cols |= st->table_col_scope[k] >= 0;
			st->table_col_a[k] = c[k].a;
			st->table_col_b[k] = c[k].b;
			st->table_col_uid[k] = -1;
			st->table_col_unit[k] = NULL;
			st->table_col_shift[k] = 0;
			col_units |= cell_unit(st, c[k].a, c[k].b, &st->table_col_uid[k], &st->table_col_unit[k],
					       &st->table_col_shift[k], NULL);
		}
		/* （单位：万元） for the whole table */
		if (!col_units)
			header_unit(st, ls, le);
		return true;
	}
	if (entity_row(st, c, nc))
		return true;
	/* a row of numbers only, under column labels */
	if (numeric_cell(st, &c[0], &q)) {
		if (nnum == nc - 1)
			table_value_row(st, c, nc, 0, false);
		return true;
	}
	/* a row for a year (2022年 | 1256 | 356.7): this report's year only */
	int ry = cell_year(st, &c[0]);
	if (ry) {
		if (ry == st->rep->year)
			table_value_row(st, c, nc, 1, true);
		return true;
	}
	/* 合计 | 1256 | 356.7 under column labels: the total row */
	if (st->table_ncols == nc && nc >= 3 && total_label(s, &c[0])) {
		table_value_row(st, c, nc, 1, true);
		return true;
	}
	/* 项目 | 全市 | 其中：市本级 over 罚款（万元）| 1,025.6 | 186.3: each
	 * column of a scope read in it (a wider area's, 全省, is not) */
	if (!st->table_nyears && st->table_scope_cols && st->table_ncols == nc) {
		int luid = -1, lshift = 0;
		const char *lunit = NULL;
		cell_unit(st, c[0].a, c[0].b, &luid, &lunit, &lshift, NULL);
		for (int k = 1; k < nc; k++)
			if (st->table_col_scope[k] >= 0 && numeric_cell(st, &c[k], &q) &&
			    table_cell(st, c[0].a, c[0].b, q, luid, lunit, lshift))
				st->out->v[st->out->n - 1].scope = (lg_scope)st->table_col_scope[k];
		return true;
	}
	int col = 1;
	if (st->table_nyears) {
		col = -1;
		for (int k = 0; k < st->table_nyears && k < nc; k++)
			if (st->table_year_col[k] == st->rep->year)
				col = k;
		if (col < 0)
			return true; /* no column for this report's year: do not guess */
	} else if (col == st->table_unit_col) {
		col = 2; /* 指标 | 单位 | 数量 */
	}
	if (col >= nc || !numeric_cell(st, &c[col], &q))
		return true;
	/* the row's label names the indicator, and maybe the unit */
	int luid = -1, lshift = 0;
	const char *lunit = NULL;
	if (cell_unit(st, c[0].a, c[0].b, &luid, &lunit, &lshift, NULL)) {
		/* 罚款（万元） */
	} else if (st->table_unit_col > 0 && st->table_unit_col < nc &&
		   unit_alone(s + c[st->table_unit_col].a, c[st->table_unit_col].b - c[st->table_unit_col].a, &luid, &lunit,
			      &lshift, NULL)) {
		/* 罚款 | 万元 | 345.2 */
	} else if (st->table_ncols == nc) {
		/* 项目 | 金额（单位：元） over 罚款 | 1250000: the column's unit */
		luid = st->table_col_uid[col];
		lunit = st->table_col_unit[col];
		lshift = st->table_col_shift[col];
	}
	if (table_cell(st, c[0].a, c[0].b, q, luid, lunit, lshift) && st->table_nyears)
		table_change(st, c, nc, &st->out->v[st->out->n - 1]);
	return true;
}

/* The first byte at or after s[i] the main scan must look at: a digit, a
 * numeral or round number's lead (lg_units_numeral_lead, lg_units_round_lead),
 * a newline, a sentence end (; ! ? . 。),
 * an opening “ or 《.  Everything else -- most of a report -- is skipped
 * here, in a loop of its own whose state stays in registers. */
static inline size_t skip_plain(const lg_cpset *stop, const char *s0, size_t n, size_t i)
{
	const unsigned char *s = (const unsigned char *)s0;
	while (i < n) {
		unsigned c = s[i];
		if (c >= 0xE0 && c < 0xF0 && i + 2 < n) {
			unsigned cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
			if (lg_cpset_has(stop, cp))
				return i;
			i += 3;
		} else if (c < 0x80) {
			if (lg_cpset_has(stop, c))
				return i;
			i++;
		} else {
			i += c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		}
	}
	return n;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
/* stop_defer's members from s[i], 32 bytes at a time while 34 remain, by
 * their bytes: the first (*found), else where the scalar scan goes on. */
__attribute__((target("avx2"))) static size_t skip_defer_avx2(const lg_extractor *x, const unsigned char *s,
								size_t n, size_t i, bool *found)
{
	while (i + 34 <= n) {
		__m256i v0 = _mm256_loadu_si256((const __m256i *)(s + i));
		__m256i v1 = _mm256_loadu_si256((const __m256i *)(s + i + 1));
		__m256i v2 = _mm256_loadu_si256((const __m256i *)(s + i + 2));
		__m256i m = _mm256_setzero_si256();
		for (int k = 0; k < x->ndascii; k++)
			m = _mm256_or_si256(m, _mm256_cmpeq_epi8(v0, _mm256_set1_epi8((char)x->dascii[k])));
		for (int k = 0; k < x->ndwide; k++) {
			__m256i a = _mm256_cmpeq_epi8(v0, _mm256_set1_epi8((char)x->dwide[k][0]));
			__m256i b = _mm256_cmpeq_epi8(v1, _mm256_set1_epi8((char)x->dwide[k][1]));
			__m256i c = _mm256_cmpeq_epi8(v2, _mm256_set1_epi8((char)x->dwide[k][2]));
			m = _mm256_or_si256(m, _mm256_and_si256(a, _mm256_and_si256(b, c)));
		}
		unsigned mask = (unsigned)_mm256_movemask_epi8(m);
		if (mask) {
			*found = true;
			return i + (unsigned)__builtin_ctz(mask);
		}
		i += 32;
	}
	*found = false;
	return i;
}
#endif

/* skip_plain over stop_defer: with AVX2, by its members' bytes (a member
 * begins a character, and any run of bytes equal to one is one), else the
 * bitmap; the same position either way. */
static inline size_t skip_defer(const lg_extractor *x, const char *s, size_t n, size_t i)
{
#if defined(__x86_64__) && defined(__GNUC__)
	if (x->defer_wide) {
		bool found;
		i = skip_defer_avx2(x, (const unsigned char *)s, n, i, &found);
		if (found)
			return i;
	}
#endif
	return skip_plain(&x->stop_defer, s, n, i);
}

/* A quoted name or slogan (“2023行动”, “三项制度”, “万人助万企”) or a
 * title in 《》 at s[i], closed on its line within 96 (240) bytes: the
 * index after its closing mark -- the main scan passes over it whole --
 * else 0. */
static size_t quoted_end(const char *s, size_t n, size_t i)
{
	const char *mark;
	size_t reach;
	if (at_lit(s, n, i, LIT("“")))
		mark = "”", reach = 96;
	else if (at_lit(s, n, i, LIT("《")))
		mark = "》", reach = 240;
	else
		return 0;
	size_t lim = i + reach < n ? i + reach : n;
	const char *close = lg_find3(s + i + 3, lim - i - 3, mark);
	const char *nl = memchr(s + i, '\n', lim - i);
	return close && (!nl || nl > close) ? (size_t)(close - s) + 3 : 0;
}

/* Is the character at p one of the keys (lg_extractor_only_units)? */
static inline bool at_key(const lg_extractor *x, const char *p, size_t avail)
{
	const unsigned char *u = (const unsigned char *)p;
	uint32_t w = u[0] < 0x80 ? u[0] : avail >= 3 ? (uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2] : 0;
	for (size_t j = 0; j < x->nkeys; j++)
		if (x->keys[j] == w)
			return true;
	return false;
}

/* The sentence's numbers must be read after all: the scan goes back to its
 * start, where it was (line_start too), reading them this time. */
static void read_deferred(fstate *st, size_t *i)
{
	st->defer_nums = false;
	*i = st->sent_start;
	st->line_start = st->sent_line_start;
}

/* Does the sentence hold a number the main scan would read, from its start
 * to end?  (Any character it stops at but the sentence's end: a digit in a
 * quoted name says yes, which only costs a second reading.) */
static bool sentence_has_number(fstate *st, size_t end)
{
	return skip_plain(&st->x->stop, st->s, end, st->sent_start) < end;
}

/* Might a number read on across the line end at nl (12\n万元)?  When what
 * comes before it could be part of one. */
static bool number_at_line_end(fstate *st, size_t nl)
{
	if (nl <= st->sent_start)
		return false;
	const char *s = st->s;
	size_t k = lg_utf8_prev_len(s + st->sent_start, s + nl);
	unsigned cp;
	lg_utf8_decode(s + nl - k, &cp);
	return lg_units_reads_on(cp);
}

void lg_extract(lg_extractor *x, const lg_text *t, const lg_report *rep, lg_figures *out, lg_buf *warn)
{
	lg_figures_reset(out);
	fstate st;
	memset(&st, 0, sizeof st);
	st.sect_scope = -1;
	st.head_for = SIZE_MAX;
	st.x = x;
	st.v = x->v;
	st.s = t->s;
	st.n = t->n;
	st.t = t;
	st.rep = rep;
	st.out = out;
	st.warn = warn;
	st.ctx_re = lg_vocab_context(x->v, rep->level);
	st.ctx_anchored = lg_vocab_context_anchored(x->v, rep->level);
	join_wrapped(&st, t);
	const char *s = st.s;
	size_t n = st.n;

	st.nlit_min = n;
	st.flat_next = find_from(s, n, 0, "持平", 6);
	for (int l = 0; l < x->nnlit; l++) {
		st.nlit_next[l] = x->nlit[l].on ? find_from(s, n, 0, x->nlit[l].lit, x->nlit[l].len) : n;
		if (st.nlit_next[l] < st.nlit_min)
			st.nlit_min = st.nlit_next[l];
	}
	start_paragraph(&st, 0);
	size_t i = 0;
	{
		const char *nl = memchr(s, '\n', n);
		size_t le = nl ? (size_t)(nl - s) : n;
		if (table_row(&st, 0, le)) {
			i = st.row_nl = le;
			st.defer_nums = false; /* the row is read: nothing to go back to */
		}
	}
scan:
	while ((i = st.defer_nums ? skip_defer(x, s, n, i) : skip_plain(&x->stop, s, n, i)) < n) {
		unsigned char c = (unsigned char)s[i];
		size_t k;
		if (c == '\n') {
			/* a number may read on across a line end; a heading must
			 * know whether it holds a count */
			if (st.defer_nums &&
			    (number_at_line_end(&st, i) ||
			     (st.heading_pending && i - st.sent_start <= HEADING_MAX_BYTES && sentence_has_number(&st, i)))) {
				read_deferred(&st, &i);
				continue;
			}
			/* a table row ends its paragraph, whatever its last cell */
			if ((i == st.row_nl && i > 0) || nl_hard(&st, i)) {
				end_sentence(&st, i);
				st.line_start = i + 1;
				start_paragraph(&st, i + 1);
				const char *nl = memchr(s + i + 1, '\n', n - i - 1);
				size_t le = nl ? (size_t)(nl - s) : n;
				if (table_row(&st, i + 1, le)) {
					/* a table row is read as a whole (nothing to go
					 * back to) */
					i = st.row_nl = le;
					st.defer_nums = false;
					continue;
				}
			} else {
				st.line_start = i + 1;
			}
			i++;
			continue;
		}
		if (is_sentence_end(s, n, i, &k)) {
			/* a heading must know whether it holds a count */
			if (st.defer_nums && st.heading_pending && i + k - st.sent_start <= HEADING_MAX_BYTES &&
			    sentence_has_number(&st, i)) {
				read_deferred(&st, &i);
				continue;
			}
			end_sentence(&st, i + k);
			i += k;
			begin_sentence(&st, i);
			continue;
		}
		if (c >= 0xE2) {
			size_t e = quoted_end(s, n, i);
			if (e) {
				i = e;
				continue;
			}
		}
		if (st.defer_nums && at_key(x, s + i, n - i)) {
			read_deferred(&st, &i);
			continue;
		}
		/* a number begins with a digit, a numeral (一..十) or a round
		 * number's 百 千 万 (E4..E9 here: skip_plain stopped at one) */
		if (((c >= '0' && c <= '9') || (c >= 0xE4 && c <= 0xE9)) && lg_units_can_start(s, n, i)) {
			lg_qty q;
			if (lg_units_scan(s, n, st.sent_start, i, &q)) {
				size_t e = handle_quantity(&st, &q);
				i = e > i ? e : i + 1;
				continue;
			}
		}
		if (c < 0x80)
			i++;
		else {
			unsigned cp;
			i += lg_utf8_decode(s + i, &cp);
		}
	}
	if (st.defer_nums && st.heading_pending && n - st.sent_start <= HEADING_MAX_BYTES && sentence_has_number(&st, n)) {
		read_deferred(&st, &i);
		goto scan;
	}
	end_sentence(&st, n);
	/* the figures' places in the clean text the caller has */
	for (size_t k = 0; st.ncuts && k < out->n; k++) {
		lg_figure *f = &out->v[k];
		f->norm_start = clean_pos(&st, f->norm_start, false);
		f->norm_end = clean_pos(&st, f->norm_end, true);
		f->text_start = clean_pos(&st, f->text_start, false);
		f->text_end = clean_pos(&st, f->text_end, true);
	}
}
