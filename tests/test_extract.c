/* Extraction: every block of tests/cases/extract-*.txt, plus a few
 * properties (offsets point at the number in the original bytes). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lg_extract.h"
#include "lg_meta.h"
#include "lg_read.h"
#include "test.h"

typedef struct {
	char ind[64], value[64], unit[32], approx[16], scope[32], role[16], period[32], yoy[32];
} want;

static void run_case(const char *file, size_t line, const char *input, int year, const char *level, want *w,
		     size_t nw, bool none, int *failures, int *cases)
{
	lg_text t;
	lg_text_init(&t);
	lg_err err;
	(*cases)++;
	if (lg_read_bytes(&t, input, strlen(input), LG_ENC_AUTO, &err) != LG_OK) {
		fprintf(stderr, "%s:%zu: cannot read the case: %s\n", file, line, err.msg);
		(*failures)++;
		lg_text_release(&t);
		return;
	}
	lg_report rep;
	memset(&rep, 0, sizeof rep);
	snprintf(rep.agency, sizeof rep.agency, "测试%s应急管理局", level);
	snprintf(rep.level, sizeof rep.level, "%s", level);
	rep.year = year;
	lg_extractor *x = lg_extractor_new(t_vocab(), false);
	lg_figures figs;
	lg_figures_init(&figs);
	lg_buf warn = LG_BUF_INIT;
	lg_extract(x, &t, &rep, &figs, &warn);
	lg_buf got = LG_BUF_INIT, exp = LG_BUF_INIT;
	for (size_t i = 0; i < figs.n; i++) {
		const lg_figure *f = &figs.v[i];
		char num[LG_DEC_FMTMAX], yoy[48] = "";
		lg_dec_format(&f->value, num);
		if (f->has_yoy)
			lg_dec_format_hundredths(f->yoy_hundredths, yoy, sizeof yoy);
		lg_buf_addf(&got, "  %s %s %s %s %s%s%s%s%s%s%s\n", lg_vocab_get(t_vocab(), (size_t)f->indicator)->name, num,
			    f->unit, f->approx ? lg_approx_name(f->approx) : "-", lg_scope_name(f->scope),
			    f->role == LG_ROLE_SUB ? " role=sub" : "", f->period[0] ? " period=" : "", f->period,
			    yoy[0] ? " yoy=" : "", yoy, "");
	}
	for (size_t i = 0; i < nw; i++)
		lg_buf_addf(&exp, "  %s %s %s %s %s%s%s%s%s%s\n", w[i].ind, w[i].value, w[i].unit, w[i].approx, w[i].scope,
			    w[i].role[0] ? " role=" : "", w[i].role, w[i].period[0] ? " period=" : "", w[i].period,
			    w[i].yoy[0] ? "" : "");
	/* compare field by field (yoy only when the case names one; yoy=none: no yoy) */
	bool ok = figs.n == nw;
	for (size_t i = 0; ok && i < nw; i++) {
		const lg_figure *f = &figs.v[i];
		char num[LG_DEC_FMTMAX];
		lg_dec_format(&f->value, num);
		const char *name = lg_vocab_get(t_vocab(), (size_t)f->indicator)->name;
		const char *ap = f->approx ? lg_approx_name(f->approx) : "-";
		bool sub = f->role == LG_ROLE_SUB;
		ok = !strcmp(name, w[i].ind) && !strcmp(num, w[i].value) && !strcmp(f->unit, w[i].unit) &&
		     !strcmp(ap, w[i].approx) && !strcmp(lg_scope_name(f->scope), w[i].scope) &&
		     sub == !strcmp(w[i].role, "sub") && !strcmp(f->period, w[i].period);
		if (ok && !strcmp(w[i].yoy, "none")) {
			ok = !f->has_yoy;
		} else if (ok && w[i].yoy[0]) {
			char yoy[48] = "";
			if (f->has_yoy)
				lg_dec_format_hundredths(f->yoy_hundredths, yoy, sizeof yoy);
			ok = !strcmp(yoy, w[i].yoy);
		}
	}
	(void)none;
	/* --explain adds the numbers turned away and changes nothing else */
	lg_extractor *xe = lg_extractor_new(t_vocab(), true);
	lg_figures ef;
	lg_figures_init(&ef);
	lg_extract(xe, &t, &rep, &ef, &warn);
	size_t k = 0;
	bool same = true;
	for (size_t i = 0; i < ef.n && same; i++) {
		const lg_figure *e = &ef.v[i];
		if (e->role == LG_ROLE_EXCLUDED)
			continue;
		const lg_figure *f = k < figs.n ? &figs.v[k++] : NULL;
		same = f && f->norm_start == e->norm_start && f->indicator == e->indicator && f->scope == e->scope &&
		       f->role == e->role && lg_dec_cmp(&f->value, &e->value) == 0 && strcmp(f->unit, e->unit) == 0 &&
		       f->has_yoy == e->has_yoy && (!f->has_yoy || f->yoy_hundredths == e->yoy_hundredths) &&
		       strcmp(f->period, e->period) == 0;
	}
	if (!same || k != figs.n) {
		ok = false;
		fprintf(stderr, "%s:%zu: --explain reads the case otherwise\n", file, line);
	}
	lg_figures_release(&ef);
	lg_extractor_free(xe);
	if (!ok) {
		(*failures)++;
		fprintf(stderr, "%s:%zu: case failed\n  input: %s\n want:\n%s got:\n%s", file, line, input,
			nw ? exp.s : "  none\n", figs.n ? got.s : "  none\n");
	}
	lg_buf_release(&got);
	lg_buf_release(&exp);
	lg_buf_release(&warn);
	lg_figures_release(&figs);
	lg_extractor_free(x);
	lg_text_release(&t);
}

static int parse_want(const char *line, want *w)
{
	memset(w, 0, sizeof *w);
	char rest[512] = "";
	int n = sscanf(line, "%63s %63s %31s %15s %31s %511[^\n]", w->ind, w->value, w->unit, w->approx, w->scope, rest);
	if (n < 5)
		return 0;
	for (char *tok = strtok(rest, " "); tok; tok = strtok(NULL, " ")) {
		if (!strncmp(tok, "role=", 5))
			snprintf(w->role, sizeof w->role, "%s", tok + 5);
		else if (!strncmp(tok, "period=", 7))
			snprintf(w->period, sizeof w->period, "%s", tok + 7);
		else if (!strncmp(tok, "yoy=", 4))
			snprintf(w->yoy, sizeof w->yoy, "%s", tok + 4);
		else
			return 0;
	}
	return 1;
}

/* Run one case file; returns the number of cases.  A case is its `>`
 * lines and the expectations after them; the next `>` after expectations,
 * or the end of the file, runs it.  @year/@level are sticky. */
static int run_file(const char *path, int *failures)
{
	lg_buf b = LG_BUF_INIT;
	ck_assert_msg(t_slurp(path, &b), "cannot read %s", path);
	int cases = 0, year = 2021;
	char level[16] = "市";
	lg_buf input = LG_BUF_INIT;
	want w[64];
	size_t nw = 0, lineno = 0, case_line = 0;
	bool none = false;
	char *p = b.s;
	while (p) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		char *line = p;
		p = nl ? nl + 1 : NULL;
		lineno++;
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (line[0] == '>') {
			if (nw || none) {
				run_case(path, case_line, input.s, year, level, w, nw, none, failures, &cases);
				lg_buf_reset(&input);
				nw = 0;
				none = false;
			}
			if (!input.len)
				case_line = lineno;
			else
				lg_buf_addc(&input, '\n');
			const char *txt = line + 1;
			if (*txt == ' ')
				txt++;
			lg_buf_adds(&input, txt);
		} else if (line[0] == '@') {
			/* a directive after expectations closes the case first */
			if (nw || none) {
				run_case(path, case_line, input.s, year, level, w, nw, none, failures, &cases);
				lg_buf_reset(&input);
				nw = 0;
				none = false;
			}
			if (!strncmp(line, "@year ", 6))
				year = atoi(line + 6);
			else if (!strncmp(line, "@level ", 7))
				snprintf(level, sizeof level, "%s", line + 7);
			else
				ck_abort_msg("%s:%zu: unknown directive '%s'", path, lineno, line);
		} else if (!strcmp(line, "none")) {
			none = true;
		} else {
			ck_assert_msg(nw < 64, "%s:%zu: too many expected figures", path, lineno);
			ck_assert_msg(parse_want(line, &w[nw]), "%s:%zu: cannot parse expectation '%s'", path, lineno, line);
			nw++;
		}
	}
	if (nw || none)
		run_case(path, case_line, input.s, year, level, w, nw, none, failures, &cases);
	else
		ck_assert_msg(input.len == 0, "%s: the last case has no expectations", path);
	lg_buf_release(&input);
	lg_buf_release(&b);
	return cases;
}

START_TEST(cases_from_files)
{
	DIR *d = opendir(t_path("tests/cases"));
	ck_assert_msg(d != NULL, "no tests/cases directory");
	struct dirent *e;
	int failures = 0, cases = 0;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, "extract-", 8) != 0)
			continue;
		char path[4200];
		snprintf(path, sizeof path, "%s", t_path("tests/cases"));
		strcat(path, "/");
		strcat(path, e->d_name);
		cases += run_file(path, &failures);
	}
	closedir(d);
	fprintf(stderr, "extract cases: %d run, %d failed\n", cases, failures);
	ck_assert_int_ge(cases, 150);
	ck_assert_msg(failures == 0, "%d of %d extraction cases failed (details above)", failures, cases);
}
END_TEST

/* One text run through the extractor. */
typedef struct {
	lg_text t;
	lg_extractor *x;
	lg_figures figs;
	lg_buf warn;
	lg_vocab *own; /* run_mine: the built-in vocabulary and the user's file */
} run;

/* year < 0: the report's metadata from its text */
static void run_with(run *r, const lg_vocab *v, const char *s, int year, bool explain)
{
	r->own = NULL;
	lg_text_init(&r->t);
	lg_err err;
	ck_assert_int_eq(lg_read_bytes(&r->t, s, strlen(s), LG_ENC_AUTO, &err), LG_OK);
	lg_report rep;
	memset(&rep, 0, sizeof rep);
	rep.year = year;
	if (year < 0)
		lg_meta_detect(t_meta(), r->t.s, r->t.n, &rep);
	r->x = lg_extractor_new(v, explain);
	lg_figures_init(&r->figs);
	lg_buf_init(&r->warn);
	lg_extract(r->x, &r->t, &rep, &r->figs, &r->warn);
}

static void run_text(run *r, const char *s, int year, bool explain)
{
	run_with(r, t_vocab(), s, year, explain);
}

/* With the built-in vocabulary extended by a user's file, mine. */
static void run_mine(run *r, const char *mine, const char *s, int year)
{
	lg_vocab *v = lg_vocab_new();
	lg_err err;
	ck_assert_int_eq(lg_vocab_load_default(v, &err), LG_OK);
	ck_assert_int_eq(lg_vocab_parse(v, mine, strlen(mine), "mine.conf", &err), LG_OK);
	ck_assert_int_eq(lg_vocab_compile(v, &err), LG_OK);
	run_with(r, v, s, year, false);
	r->own = v;
}

static void run_release(run *r)
{
	lg_buf_release(&r->warn);
	lg_figures_release(&r->figs);
	lg_extractor_free(r->x);
	lg_text_release(&r->t);
	lg_vocab_free(r->own);
}

/* An export reads figures only in the units its indicator can take
 * (lg_extractor_only_units); the figures of that indicator, its stand-in
 * and its sums must be the very ones a full extraction gives: the seeds
 * and every extraction case, for every indicator. */
static void same_figures(const lg_figures *a, const lg_figures *b, const bool *wanted, const char *what, int ind)
{
	size_t i = 0, j = 0;
	for (;;) {
		while (i < a->n && (a->v[i].indicator < 0 || !wanted[a->v[i].indicator]))
			i++;
		while (j < b->n && (b->v[j].indicator < 0 || !wanted[b->v[j].indicator]))
			j++;
		if (i == a->n || j == b->n)
			break;
		const lg_figure *f = &a->v[i], *g = &b->v[j];
		char fv[LG_DEC_FMTMAX], gv[LG_DEC_FMTMAX];
		lg_dec_format(&f->value, fv);
		lg_dec_format(&g->value, gv);
		ck_assert_msg(f->norm_start == g->norm_start && f->indicator == g->indicator && strcmp(fv, gv) == 0 &&
				      f->role == g->role && f->scope == g->scope && f->has_yoy == g->has_yoy &&
				      (!f->has_yoy || f->yoy_hundredths == g->yoy_hundredths) && strcmp(f->period, g->period) == 0,
			      "%s, indicator %d: figure at %zu (%s) differs from the full extraction's at %zu (%s)", what, ind,
			      g->norm_start, gv, f->norm_start, fv);
		i++;
		j++;
	}
	ck_assert_msg(i == a->n && j == b->n, "%s, indicator %d: %zu vs %zu figures", what, ind, a->n, b->n);
}

/* Every indicator's export reading of the text t (the report rep), with
 * and without the scan's AVX2 path, against the full extraction. */
static void units_agree_on(const char *what, const lg_text *t, const lg_report *rep)
{
	const lg_vocab *v = t_vocab();
	lg_extractor *xf = lg_extractor_new(v, false);
	lg_figures full;
	lg_figures_init(&full);
	lg_buf warn = LG_BUF_INIT;
	lg_extract(xf, t, rep, &full, &warn);
	for (size_t k = 0; k < lg_vocab_count(v); k++) {
		bool wanted[256] = { false }, units[LG_UNITS_MAX];
		ck_assert_uint_le(lg_vocab_count(v), 256);
		wanted[k] = true;
		const lg_indicator *d = lg_vocab_get(v, k);
		if (d->proxy)
			wanted[lg_vocab_find(v, d->proxy)] = true;
		lg_vocab_units_of(v, wanted, units);
		/* the scan's AVX2 path (where the CPU has it) and the other */
		for (int wide = 1; wide >= 0; wide--) {
			lg_set_avx2(wide);
			lg_extractor *xp = lg_extractor_new(v, false);
			lg_extractor_only_units(xp, units);
			lg_figures part;
			lg_figures_init(&part);
			lg_extract(xp, t, rep, &part, &warn);
			same_figures(&full, &part, wanted, what, (int)k);
			lg_figures_release(&part);
			lg_extractor_free(xp);
		}
		lg_set_avx2(true);
	}
	lg_buf_release(&warn);
	lg_figures_release(&full);
	lg_extractor_free(xf);
}

static void only_units_agree(const char *what, const char *text)
{
	lg_text t;
	lg_text_init(&t);
	lg_err err;
	ck_assert_int_eq(lg_read_bytes(&t, text, strlen(text), LG_ENC_AUTO, &err), LG_OK);
	lg_report rep;
	memset(&rep, 0, sizeof rep);
	rep.year = 2021;
	units_agree_on(what, &t, &rep);
	lg_text_release(&t);
}

START_TEST(only_units_keep_the_figures)
{
	static const char *const files[] = { "seeds/dazu-2021.txt", "seeds/jiaxing-2024.txt", "seeds/kaiping-2019.txt",
					     "seeds/luoyang-2021.txt", "seeds/yulin-2023.txt",
					     "tests/cases/extract-language.txt", "tests/cases/extract-seeds.txt" };
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		lg_buf b = LG_BUF_INIT;
		ck_assert(t_slurp(t_path(files[i]), &b));
		/* a case file: its inputs, one paragraph each */
		lg_buf text = LG_BUF_INIT;
		bool cases = strstr(files[i], "cases/") != NULL;
		for (char *p = b.s; p && *p;) {
			char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			if (!cases)
				lg_buf_add(&text, p, len), lg_buf_addc(&text, '\n');
			else if (len > 2 && p[0] == '>')
				lg_buf_add(&text, p + 2, len - 2), lg_buf_addc(&text, '\n');
			p = nl ? nl + 1 : NULL;
		}
		lg_buf_addc(&text, '\0');
		only_units_agree(files[i], text.s);
		lg_buf_release(&text);
		lg_buf_release(&b);
	}
}
END_TEST

/* A user's scope words with a positive lookbehind: the context prefilter
 * cannot judge them, so it steps aside and the word still matches. */
START_TEST(user_scope_with_lookbehind)
{
	run r;
	run_mine(&r, "[scope 乡镇]\nrank = 3\nwords = (?<=试点)乡镇\n", "试点乡镇检查企业20家次。", 2021);
	ck_assert(!lg_re_filtered(lg_vocab_context(r.own, "")));
	ck_assert_uint_eq(r.figs.n, 1);
	ck_assert_int_eq(r.figs.v[0].scope, LG_SCOPE_TOWN);
	run_release(&r);
}
END_TEST

/* A user's own campaign_heading rule, for campaigns whose names end in
 * words the built-in one does not know: its headings are tried (the
 * screen before the rule is read from the rule itself). */
START_TEST(user_campaign_heading_rule)
{
	run r;
	run_mine(&r, "[rules]\ncampaign_heading = \\G(?:扎实|深入)?开展(?:安全生产|消防安全)月(?:活动)?$\n",
		 "（四）扎实开展安全生产月活动\n"
		 "全市共检查企业120家次，罚款30万元。\n"
		 "（五）全年执法总体情况\n"
		 "全年全市共检查企业8600家次。\n",
		 2021);
	ck_assert_uint_eq(r.figs.n, 3);
	ck_assert_int_eq(r.figs.v[0].scope, LG_SCOPE_CAMPAIGN);
	ck_assert_int_eq(r.figs.v[1].scope, LG_SCOPE_CAMPAIGN);
	ck_assert_int_eq(r.figs.v[2].scope, LG_SCOPE_ALL);
	run_release(&r);
}
END_TEST

/* The offset of a figure points at its number in the original bytes,
 * whatever the encoding. */
START_TEST(offsets_point_into_original_bytes)
{
	const char *utf8 = "\xEF\xBB\xBF全市共检查企业８７７８家次，罚款2532.15万元。";
	run r;
	run_text(&r, utf8, 2021, false);
	ck_assert_uint_eq(r.figs.n, 2);
	/* full-width digits: 4 chars x 3 bytes */
	ck_assert_int_eq(memcmp(utf8 + r.figs.v[0].offset, "８７７８", 12), 0);
	ck_assert_int_eq(memcmp(utf8 + r.figs.v[1].offset, "2532.15", 7), 0);
	ck_assert_uint_eq(r.figs.v[1].length, strlen("2532.15万元"));
	run_release(&r);
}
END_TEST

/* A figure's sentence is the whole sentence, across hard-wrapped lines,
 * from wherever on its line it begins, without indentation. */
START_TEST(sentence_spans_wrapped_lines)
{
	const char *s = "德阳市应急管理局2020年法治政府建设工作情况报告\n"
			"    2020年，市应急管理局认真贯彻落实市委、市政府关于法治政府建设的决策部署，依法\n"
			"履行安全生产综合监管职责，全市安全生产形势持续稳定向好。全年全市应急管理系统共\n"
			"检查企业6,125家次，立案查处安全生产违法行为312起，行政罚\n"
			"款金额共计1,023.\n"
			"65万元。\n"
			"    全市发生生产安全事故41起。\n";
	run r;
	run_text(&r, s, 2020, false);
	ck_assert_uint_eq(r.figs.n, 4);
	const char *head = "全年全市应急管理系统共\n检查企业", *tail = "65万元。";
	for (size_t i = 0; i < 3; i++) {
		const char *a = r.t.s + r.figs.v[i].text_start, *b = r.t.s + r.figs.v[i].text_end;
		ck_assert_int_eq(memcmp(a, head, strlen(head)), 0);
		ck_assert_int_eq(memcmp(b - strlen(tail), tail, strlen(tail)), 0);
	}
	ck_assert_int_eq(memcmp(r.t.s + r.figs.v[3].text_start, "全市发生", strlen("全市发生")), 0);
	/* the lines are read joined (行政罚款, 1,023.65), but a figure's
	 * place is in the bytes as they are, its line ends in it */
	const char *fine = "1,023.\n65万元";
	ck_assert_int_eq(memcmp(s + r.figs.v[2].offset, fine, strlen(fine)), 0);
	ck_assert_uint_eq(r.figs.v[2].length, strlen(fine));
	ck_assert_int_eq(memcmp(s + r.figs.v[3].offset, "41起", strlen("41起")), 0);
	ck_assert_uint_eq(r.figs.v[3].norm_end - r.figs.v[3].norm_start, strlen("41起"));
	run_release(&r);
}
END_TEST

/* The disclosure table of 行政处罚 354 and 行政强制 12, under a 政府信息公开
 * annual report's title (k == 0) or another report's (k == 1): how many
 * figures each reads, and the scope of those it reads. */
static void disclosure_table(const char *table, size_t n_disclosure, size_t n_other)
{
	const char *titles[] = { "某某市应急管理局2022年政府信息公开工作年度报告\n",
				 "某某市应急管理局2022年法治政府建设工作报告\n" };
	char doc[512];
	for (int k = 0; k < 2; k++) {
		snprintf(doc, sizeof doc, "%s%s", titles[k], table);
		run r;
		run_text(&r, doc, -1, false);
		ck_assert_uint_eq(r.figs.n, k == 0 ? n_disclosure : n_other);
		for (size_t i = 0; i < r.figs.n; i++) {
			ck_assert_str_eq(lg_vocab_get(t_vocab(), (size_t)r.figs.v[i].indicator)->name,
					 i == 0 ? "行政处罚" : "行政强制");
			ck_assert_int_eq(r.figs.v[i].scope, k == 0 ? LG_SCOPE_BUREAU : LG_SCOPE_ALL);
		}
		run_release(&r);
	}
}

/* The tables of a 政府信息公开 annual report count the bureau's own
 * decisions (本级); the same table in another report, the whole area's. */
START_TEST(disclosure_tables_are_the_bureaus_own)
{
	disclosure_table("信息内容\t本年处理决定数量\n行政处罚\t354\n行政强制\t12\n", 2, 2);
}
END_TEST

/* The same table written one cell per line (a word processor's text
 * export): read in a disclosure report, whose tables need no unit; in
 * another report a bare number under a label is no cell (a page number). */
START_TEST(disclosure_tables_one_cell_per_line)
{
	disclosure_table("\n信息内容\n本年处理决定数量\n行政处罚\n354\n行政强制\n12\n", 2, 0);
}
END_TEST

/* What the fuzzer found (fuzz/regressions/extract/): every figure's offset
 * is inside the original bytes and its text holds the figure; an export of
 * each indicator reads the same figures of it as the full extraction. */
START_TEST(fuzz_regressions_keep_invariants)
{
	DIR *d = opendir(t_path("fuzz/regressions/extract"));
	ck_assert_msg(d != NULL, "no fuzz/regressions/extract directory");
	struct dirent *e;
	int files = 0;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char path[4200];
		snprintf(path, sizeof path, "%s/%s", t_path("fuzz/regressions/extract"), e->d_name);
		lg_buf b = LG_BUF_INIT;
		ck_assert(t_slurp(path, &b));
		lg_text t;
		lg_text_init(&t);
		lg_err err;
		if (lg_read_bytes(&t, b.s, b.len, LG_ENC_AUTO, &err) == LG_OK) {
			lg_report rep;
			lg_meta_detect(t_meta(), t.s, t.n, &rep);
			if (!rep.year)
				rep.year = 2021;
			lg_extractor *x = lg_extractor_new(t_vocab(), true);
			lg_figures figs;
			lg_figures_init(&figs);
			lg_buf warn = LG_BUF_INIT;
			lg_extract(x, &t, &rep, &figs, &warn);
			for (size_t i = 0; i < figs.n; i++) {
				const lg_figure *f = &figs.v[i];
				ck_assert_msg(f->offset + f->length <= t.orig_size, "%s: figure %zu offset", e->d_name, i);
				ck_assert_msg(f->text_start <= f->norm_start && f->norm_end <= f->text_end && f->text_end <= t.n,
					      "%s: figure %zu text [%zu,%zu) does not hold [%zu,%zu)", e->d_name, i,
					      f->text_start, f->text_end, f->norm_start, f->norm_end);
			}
			units_agree_on(e->d_name, &t, &rep);
			lg_buf_release(&warn);
			lg_figures_release(&figs);
			lg_extractor_free(x);
		}
		lg_text_release(&t);
		lg_buf_release(&b);
		files++;
	}
	closedir(d);
	ck_assert_int_ge(files, 1);
}
END_TEST

/* --explain keeps the numbers turned away, each with its reason. */
START_TEST(explain_gives_reasons)
{
	run r;
	run_text(&r, "全市累计作出轻微违法行为不罚案件43起,免除罚款近47.26万元。", 2024, true);
	ck_assert_uint_eq(r.figs.n, 2);
	ck_assert_int_eq(r.figs.v[1].role, LG_ROLE_EXCLUDED);
	ck_assert_str_eq(lg_vocab_get(t_vocab(), (size_t)r.figs.v[1].indicator)->name, "罚款");
	ck_assert_ptr_nonnull(strstr(r.figs.v[1].reason, "waived"));
	ck_assert_str_eq(r.figs.v[1].detail, "免除");
	run_release(&r);
}
END_TEST

/* A 40-digit number is kept exactly or refused with a warning, never
 * silently truncated. */
START_TEST(long_numbers_exact_or_warned)
{
	run r;
	run_text(&r, "罚款1234567890123456789012345678901234567890万元。罚款1.123456789012345678901234567890万元。", 0,
		 false);
	ck_assert_uint_eq(r.figs.n, 2);
	char num[LG_DEC_FMTMAX];
	lg_dec_format(&r.figs.v[0].value, num);
	ck_assert_str_eq(num, "1234567890123456789012345678901234567890");
	lg_dec_format(&r.figs.v[1].value, num);
	ck_assert_str_eq(num, "1.12345678901234567890123456789");
	run_release(&r);
}
END_TEST

Suite *suite_extract(void)
{
	Suite *s = suite_create("extract");
	TCase *tc = tcase_create("cases");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, cases_from_files);
	suite_add_tcase(s, tc);
	tc = tcase_create("properties");
	tcase_add_test(tc, offsets_point_into_original_bytes);
	tcase_add_test(tc, sentence_spans_wrapped_lines);
	tcase_add_test(tc, disclosure_tables_are_the_bureaus_own);
	tcase_add_test(tc, disclosure_tables_one_cell_per_line);
	tcase_add_test(tc, fuzz_regressions_keep_invariants);
	tcase_add_test(tc, only_units_keep_the_figures);
	tcase_add_test(tc, explain_gives_reasons);
	tcase_add_test(tc, long_numbers_exact_or_warned);
	tcase_add_test(tc, user_scope_with_lookbehind);
	tcase_add_test(tc, user_campaign_heading_rule);
	suite_add_tcase(s, tc);
	return s;
}
