/* gnuplot scripts: golden files byte for byte (no gnuplot needed), quoting of
 * untrusted text, and -- when gnuplot is installed -- a real render whose
 * PNG is checked and which runs nothing from the report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lg_gnuplot.h"
#include "test.h"

static const char text[] = "一句话。";

static void add(lg_series *s, const char *agency, int year, const char *ind, const char *value, lg_approx ap,
		const char *period, size_t idx)
{
	lg_figures fs;
	lg_figures_init(&fs);
	lg_figure *f = lg_figures_push(&fs);
	f->indicator = lg_vocab_find(t_vocab(), ind);
	lg_dec_parse(value, strlen(value), &f->value);
	f->unit = "万元";
	f->approx = ap;
	snprintf(f->period, sizeof f->period, "%s", period);
	f->text_end = strlen(text);
	lg_report r;
	memset(&r, 0, sizeof r);
	snprintf(r.agency, sizeof r.agency, "%s", agency);
	r.year = year;
	lg_series_add(s, &r, "synthetic.txt", idx, text, &fs);
	lg_figures_release(&fs);
}

static lg_series *synthetic(const char *hostile)
{
	lg_series *s = lg_series_new(t_vocab(), lg_vocab_find(t_vocab(), "罚款"), -1);
	add(s, "甲市应急管理局", 2019, "罚款", "100", LG_APPROX_NONE, "", 0);
	add(s, "甲市应急管理局", 2020, "罚款", "120.5", LG_APPROX_NONE, "", 1);
	add(s, "甲市应急管理局", 2022, "罚款", "90", LG_APPROX_FLOOR, "", 2);
	add(s, "乙区应急管理局", 2021, "罚款", "2415.1675", LG_APPROX_NONE, "1-10月", 3);
	add(s, "丙县应急管理局", 2024, "罚没款", "2364.85", LG_APPROX_NONE, "", 4);
	if (hostile)
		add(s, hostile, 2023, "罚款", "7", LG_APPROX_NONE, "", 5);
	lg_series_finish(s);
	return s;
}

static char *script(const lg_series *s, lg_chart chart, int ylo, int yhi)
{
	lg_gp_opts o;
	memset(&o, 0, sizeof o);
	o.chart = chart;
	o.ylo = ylo;
	o.yhi = yhi;
	o.terminal = "png";
	o.image = chart == LG_CHART_BAR ? "罚款.bar.png" : chart == LG_CHART_YOY ? "罚款.yoy.png" : "罚款.png";
	o.version = "test";
	char *buf = NULL;
	size_t sz = 0;
	FILE *f = open_memstream(&buf, &sz);
	lg_err err;
	lg_status st = lg_gp_write(s, f, &o, &err);
	fclose(f);
	ck_assert_msg(st == LG_OK, "%s", err.msg);
	return buf;
}

static void golden(const char *name, const char *got)
{
	char rel[256];
	snprintf(rel, sizeof rel, "tests/golden/%s", name);
	const char *path = t_path(rel);
	if (getenv("LGTREND_UPDATE_GOLDEN")) {
		t_write(path, got, strlen(got));
		return;
	}
	lg_buf want = LG_BUF_INIT;
	ck_assert_msg(t_slurp(path, &want), "missing golden file %s (LGTREND_UPDATE_GOLDEN=1 writes it)", path);
	ck_assert_msg(strcmp(want.s, got) == 0, "%s differs from the golden file; got:\n%s", path, got);
	lg_buf_release(&want);
}

START_TEST(golden_scripts)
{
	lg_series *s = synthetic(NULL);
	char *line = script(s, LG_CHART_LINE, 2019, 2024);
	golden("synthetic.line.gp", line);
	/* the details that bite: utf8, integer year ticks, no BOM, NaN gaps */
	ck_assert_ptr_nonnull(strstr(line, "set encoding utf8\n"));
	ck_assert_ptr_nonnull(strstr(line, "set xtics 2019,1,2024\n"));
	ck_assert_ptr_nonnull(strstr(line, "2021 NaN 0 2415.1675 2 NaN 0\n"));
	ck_assert_int_ne((unsigned char)line[0], 0xEF);
	char *bar = script(s, LG_CHART_BAR, 2019, 2024);
	golden("synthetic.bar.gp", bar);
	char *yoy = script(s, LG_CHART_YOY, 2019, 2024);
	golden("synthetic.yoy.gp", yoy);
	ck_assert_ptr_nonnull(strstr(yoy, "\n2020 NaN 0 NaN 0 20.50 0\n"));
	free(line);
	free(bar);
	free(yoy);
	lg_series_free(s);
}
END_TEST

START_TEST(quoting)
{
	lg_buf b = LG_BUF_INIT;
	lg_gp_quote(&b, "a'b`c`\"d\"\n$(x)\\");
	ck_assert_str_eq(b.s, "'a''b`c`\"d\" $(x)\\'");
	lg_buf_release(&b);
}
END_TEST

static bool png_size(const char *path, unsigned *w, unsigned *h, long *bytes)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	unsigned char hd[24];
	bool ok = fread(hd, 1, 24, f) == 24 && memcmp(hd, "\x89PNG\r\n\x1a\n", 8) == 0 && memcmp(hd + 12, "IHDR", 4) == 0;
	fseek(f, 0, SEEK_END);
	*bytes = ftell(f);
	fclose(f);
	if (ok) {
		*w = (unsigned)hd[16] << 24 | (unsigned)hd[17] << 16 | (unsigned)hd[18] << 8 | hd[19];
		*h = (unsigned)hd[20] << 24 | (unsigned)hd[21] << 16 | (unsigned)hd[22] << 8 | hd[23];
	}
	return ok;
}

/* Render a series whose agency name is hostile; nothing may run. */
START_TEST(render_and_nothing_runs)
{
	if (!lg_gp_available()) {
		fprintf(stderr, "gnuplot not installed: render test skipped\n");
		return;
	}
	char *dir = t_tmpdir();
	char hostile[2048], marker1[512], marker2[512], marker3[512];
	snprintf(marker1, sizeof marker1, "%s/PWNED1", dir);
	snprintf(marker2, sizeof marker2, "%s/PWNED2", dir);
	snprintf(marker3, sizeof marker3, "%s/PWNED3", dir);
	snprintf(hostile, sizeof hostile,
		 "`touch %s`\"; system(\"touch %s\") ' ; set output '|touch %s' \n<x>_局", marker1, marker2, marker3);
	lg_series *s = synthetic(hostile);
	char *line = script(s, LG_CHART_LINE, 2019, 2024);
	char path[4200];
	snprintf(path, sizeof path, "%s/罚款.gp", dir);
	t_write(path, line, strlen(line));
	lg_err err;
	lg_buf warns = LG_BUF_INIT;
	lg_status st = lg_gp_render(dir, "罚款.gp", "罚款.png", &warns, &err);
	ck_assert_msg(st == LG_OK, "render failed: %s", err.msg);
	struct stat sb;
	ck_assert_msg(stat(marker1, &sb) != 0, "a backquote ran");
	ck_assert_msg(stat(marker2, &sb) != 0, "system() ran");
	ck_assert_msg(stat(marker3, &sb) != 0, "a pipe ran");
	/* the name went in as one literal string */
	ck_assert_ptr_nonnull(strstr(line, "title '`touch "));
	ck_assert_ptr_nonnull(strstr(line, "'' ; set output ''|touch "));
	unsigned w = 0, h = 0;
	long bytes = 0;
	snprintf(path, sizeof path, "%s/罚款.png", dir);
	ck_assert(png_size(path, &w, &h, &bytes));
	ck_assert_uint_eq(w, 1280);
	ck_assert_uint_eq(h, 720);
	ck_assert_int_gt(bytes, 10000);
	/* no temporary file left behind */
	char cmd[4400];
	snprintf(cmd, sizeof cmd, "ls -A '%s' | grep -c tmp- >/dev/null", dir);
	ck_assert_int_ne(system(cmd), 0);
	free(line);
	lg_buf_release(&warns);
	lg_series_free(s);
	t_rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(empty_chart_refused)
{
	lg_series *s = lg_series_new(t_vocab(), lg_vocab_find(t_vocab(), "罚款"), -1);
	lg_series_finish(s);
	lg_gp_opts o;
	memset(&o, 0, sizeof o);
	o.terminal = "png";
	o.image = "x.png";
	o.version = "test";
	o.ylo = 2019;
	o.yhi = 2024;
	char *buf = NULL;
	size_t sz = 0;
	FILE *f = open_memstream(&buf, &sz);
	lg_err err;
	ck_assert_int_eq(lg_gp_write(s, f, &o, &err), LG_ERR_EMPTY);
	fclose(f);
	ck_assert_uint_eq(sz, 0);
	free(buf);
	lg_series_free(s);
}
END_TEST

Suite *suite_gnuplot(void)
{
	Suite *s = suite_create("gnuplot");
	TCase *tc = tcase_create("gnuplot");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, golden_scripts);
	tcase_add_test(tc, quoting);
	tcase_add_test(tc, render_and_nothing_runs);
	tcase_add_test(tc, empty_chart_refused);
	suite_add_tcase(s, tc);
	return s;
}
