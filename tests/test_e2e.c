/* End to end: the lgtrend binary ($LGTREND_BIN) on fixtures, outputs
 * compared with tests/golden byte for byte, every exit code pinned, every
 * class of bad input named in its message. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test.h"

static lg_buf out, err;

static int run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int run(const char *fmt, ...)
{
	char cmd[8192];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	lg_buf_reset(&out);
	lg_buf_reset(&err);
	return t_run(cmd, &out, &err);
}

static void golden_file(const char *name, const char *got, size_t n)
{
	char rel[256];
	snprintf(rel, sizeof rel, "tests/golden/%s", name);
	const char *path = t_path(rel);
	if (getenv("LGTREND_UPDATE_GOLDEN")) {
		t_write(path, got, n);
		return;
	}
	lg_buf want = LG_BUF_INIT;
	ck_assert_msg(t_slurp(path, &want), "missing %s (LGTREND_UPDATE_GOLDEN=1 writes it)", path);
	ck_assert_msg(want.len == n && memcmp(want.s, got, n) == 0, "%s differs from the golden file", path);
	lg_buf_release(&want);
}

static void golden_path(const char *name, const char *path)
{
	lg_buf b = LG_BUF_INIT;
	ck_assert_msg(t_slurp(path, &b), "no output %s", path);
	golden_file(name, b.s, b.len);
	lg_buf_release(&b);
}

static bool exists(const char *dir, const char *name)
{
	char p[4400];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	struct stat sb;
	return stat(p, &sb) == 0;
}

static void put(const char *dir, const char *name, const char *data, size_t n)
{
	char p[4400];
	snprintf(p, sizeof p, "%s/%s", dir, name);
	t_write(p, data, n);
}

static void setup(void)
{
	lg_buf_init(&out);
	lg_buf_init(&err);
}

static void teardown(void)
{
	lg_buf_release(&out);
	lg_buf_release(&err);
}

static void has(const lg_buf *b, const char *want, int line)
{
	if (strstr(b->s, want))
		return;
	fprintf(stderr, "test_e2e.c:%d: missing '%s' in:\n%.3000s\n", line, want, b->s);
	ck_abort_msg("line %d: missing '%.200s'", line, want);
}
#define HAS(b_, w_) has(&(b_), (w_), __LINE__)

/* ---- outputs against golden files ---- */

START_TEST(extract_seeds_golden)
{
	ck_assert_int_eq(run("$LGTREND extract -j 1 seeds"), 0);
	golden_file("extract.csv", out.s, out.len);
	HAS(out, "source,offset,length,agency,region,year,period,indicator,indicator_id,scope,value,unit,approx,");
	ck_assert_uint_eq(err.len, 0);
}
END_TEST

START_TEST(jobs_do_not_change_output)
{
	ck_assert_int_eq(run("$LGTREND extract -j 1 seeds"), 0);
	lg_buf one = LG_BUF_INIT;
	lg_buf_add(&one, out.s, out.len);
	ck_assert_int_eq(run("$LGTREND extract -j 2 seeds"), 0);
	ck_assert(one.len == out.len && memcmp(one.s, out.s, one.len) == 0);
	ck_assert_int_eq(run("$LGTREND extract -j 4 seeds seeds/kaiping-2019.txt"), 0);
	ck_assert_int_eq(run("$LGTREND extract -j 4 seeds"), 0);
	ck_assert(one.len == out.len && memcmp(one.s, out.s, one.len) == 0);
	lg_buf_release(&one);
}
END_TEST

START_TEST(extract_formats)
{
	ck_assert_int_eq(run("$LGTREND extract --format jsonl seeds/luoyang-2021.txt"), 0);
	HAS(out, "{\"source\":\"seeds/luoyang-2021.txt\",\"offset\":");
	HAS(out, "\"indicator\":\"罚款\",\"indicator_id\":\"fines\",\"scope\":\"全辖区\",\"value\":2532.15,");
	ck_assert_int_eq(run("$LGTREND extract --format tsv --indicator fines seeds/luoyang-2021.txt"), 0);
	HAS(out, "seeds/luoyang-2021.txt\t3404\t13\t洛阳市应急管理局\t洛阳市\t2021\t\t罚款\tfines\t全辖区\t2532.15\t万元\t0");
	ck_assert_int_eq(run("$LGTREND extract --explain seeds/jiaxing-2024.txt"), 0);
	HAS(out, ",reason,detail\n");
	HAS(out, "罚款,fines,全辖区,47.26,万元,1,ceiling,excluded,,近47.26万元,");
	HAS(out, "\"waived, exempted or not imposed\",免除\n");
}
END_TEST

START_TEST(export_golden)
{
	char *dir = t_tmpdir();
	ck_assert_int_eq(run("$LGTREND export --indicator 罚款 --out-dir '%s' --no-render seeds", dir), 0);
	char p[4400];
	snprintf(p, sizeof p, "%s/罚款.csv", dir);
	golden_path("罚款.csv", p);
	snprintf(p, sizeof p, "%s/罚款.wide.csv", dir);
	golden_path("罚款.wide.csv", p);
	snprintf(p, sizeof p, "%s/罚款.gp", dir);
	golden_path("罚款.gp", p);
	ck_assert(!exists(dir, "罚款.png"));
	/* by id or alias: the same figures, files named as asked for */
	ck_assert_int_eq(run("$LGTREND export --indicator inspections --out-dir '%s' --no-render seeds", dir), 0);
	snprintf(p, sizeof p, "%s/inspections.csv", dir);
	golden_path("检查企业.csv", p);
	ck_assert(exists(dir, "inspections.gp"));
	ck_assert(!exists(dir, "检查企业.csv"));
	ck_assert_int_eq(run("$LGTREND export --indicator 执法检查 --out-dir '%s' --no-render seeds", dir), 0);
	snprintf(p, sizeof p, "%s/执法检查.csv", dir);
	golden_path("检查企业.csv", p);
	ck_assert_int_eq(run("$LGTREND export --indicator 罚款 --excel --out-dir '%s/x' --no-render seeds", dir), 0);
	snprintf(p, sizeof p, "%s/x/罚款.csv", dir);
	golden_path("罚款.excel.csv", p);
	ck_assert_int_eq(run("$LGTREND export --indicator 罚款 --encoding gbk --out-dir '%s/g' --no-render seeds", dir), 0);
	snprintf(p, sizeof p, "%s/g/罚款.csv", dir);
	lg_buf b = LG_BUF_INIT;
	ck_assert(t_slurp(p, &b));
	ck_assert_ptr_nonnull(memmem(b.s, b.len, "\xc2\xe5\xd1\xf4\xca\xd0", 6)); /* 洛阳市 in GBK */
	lg_buf_release(&b);
	t_rmtree(dir);
	free(dir);
}
END_TEST

/* The headline job with no arguments, in a fresh directory holding seeds/. */
START_TEST(export_defaults_to_seeds_and_plots)
{
	char *dir = t_tmpdir();
	char cmd[4400];
	snprintf(cmd, sizeof cmd, "cp -r seeds '%s/'", dir);
	ck_assert_int_eq(system(cmd), 0);
	int rc = run("cd '%s' && $LGTREND export --indicator 罚款", dir);
	ck_assert_int_eq(rc, 0);
	char plots[4400];
	snprintf(plots, sizeof plots, "%s/plots", dir);
	ck_assert(exists(plots, "罚款.csv"));
	ck_assert(exists(plots, "罚款.wide.csv"));
	ck_assert(exists(plots, "罚款.gp"));
	if (access("/usr/bin/gnuplot", X_OK) == 0)
		ck_assert(exists(plots, "罚款.png"));
	lg_buf csv = LG_BUF_INIT;
	char p[4400];
	snprintf(p, sizeof p, "%s/罚款.csv", plots);
	ck_assert(t_slurp(p, &csv));
	HAS(csv, "罚款,洛阳市应急管理局,2021,,全辖区,1,2532.15,万元,");
	HAS(csv, "罚款,开平市应急管理局,2019,,全辖区,1,7.37,万元,");
	HAS(csv, "罚款,玉林市应急管理局,2023,,全辖区,1,725.67,万元,");
	HAS(csv, "罚款,重庆市大足区应急管理局,2021,1-10月,全辖区,1,2415.1675,万元,");
	HAS(csv, "罚款,嘉兴市应急管理局,2024,,全辖区,1,2364.85,万元,0,,罚没款,");
	lg_buf_release(&csv);
	/* nothing temporary left behind; inputs untouched */
	snprintf(cmd, sizeof cmd, "ls -A '%s' | grep -q tmp-", plots);
	ck_assert_int_ne(system(cmd), 0);
	snprintf(cmd, sizeof cmd, "cmp -s '%s/seeds/luoyang-2021.txt' seeds/luoyang-2021.txt", dir);
	ck_assert_int_eq(system(cmd), 0);
	t_rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(export_all_and_index)
{
	char *dir = t_tmpdir();
	ck_assert_int_eq(run("$LGTREND export --all --out-dir '%s' --no-render seeds", dir), 0);
	lg_buf b = LG_BUF_INIT;
	char p[4400];
	snprintf(p, sizeof p, "%s/index.csv", dir);
	ck_assert(t_slurp(p, &b));
	HAS(b, "indicator,id,unit,agencies,years,rows,files\n");
	HAS(b, "罚款,fines,万元,5,2019-2024,");
	ck_assert(exists(dir, "检查企业.csv"));
	ck_assert(exists(dir, "生产安全事故.csv"));
	ck_assert(!exists(dir, "行政复议.csv")); /* no data, no file */
	lg_buf_release(&b);
	t_rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(info_and_indicators)
{
	ck_assert_int_eq(run("$LGTREND info --format csv seeds/luoyang-2021.txt"), 0);
	HAS(out, "source,agency,region,level,year,period,encoding,figures,agency_from,year_from,status,warnings\n");
	HAS(out, "seeds/luoyang-2021.txt,洛阳市应急管理局,洛阳市,市,2021,,UTF-8,");
	ck_assert_int_eq(run("$LGTREND info seeds/dazu-2021.txt"), 0);
	HAS(out, "  agency:   重庆市大足区应急管理局  [from title]\n");
	ck_assert_int_eq(run("$LGTREND indicators --format csv"), 0);
	HAS(out, "罚款,fines,万元,,,罚没款,");
	ck_assert_int_eq(run("$LGTREND indicators"), 0);
	HAS(out, "检查企业");
}
END_TEST

/* ---- exit codes ---- */

START_TEST(exit_0_help_and_version)
{
	ck_assert_int_eq(run("$LGTREND --help"), 0);
	HAS(out, "Exit status:");
	HAS(out, "  5  gnuplot failed");
	ck_assert_int_eq(run("$LGTREND export --help"), 0);
	HAS(out, "Usage: lgtrend export --indicator NAME");
	ck_assert_int_eq(run("$LGTREND extract --version"), 0);
	HAS(out, "lgtrend 0.1.0");
	ck_assert_int_eq(run("$LGTREND --version"), 0);
}
END_TEST

START_TEST(exit_2_usage)
{
	ck_assert_int_eq(run("$LGTREND"), 2);
	HAS(err, "lgtrend: no command given");
	ck_assert_int_eq(run("$LGTREND frobnicate"), 2);
	HAS(err, "lgtrend: 'frobnicate' is not a command");
	ck_assert_int_eq(run("$LGTREND extract --bogus seeds"), 2);
	HAS(err, "Try 'lgtrend extract --help' for more information.");
	ck_assert_int_eq(run("$LGTREND export seeds"), 2);
	HAS(err, "which indicator?");
	ck_assert_int_eq(run("$LGTREND export --indicator 罚金总额 seeds"), 2);
	HAS(err, "lgtrend: unknown indicator '罚金总额' (see 'lgtrend indicators')");
	ck_assert_int_eq(run("$LGTREND extract -j zero seeds"), 2);
	ck_assert_int_eq(run("$LGTREND export --indicator 罚款 --years 2024-2019 seeds"), 2);
	ck_assert_int_eq(run("$LGTREND extract --input-encoding latin1 seeds"), 2);
}
END_TEST

/* Some inputs bad, the rest processed: exit 1 and a summary. */
START_TEST(exit_1_partial_and_bad_inputs)
{
	char *dir = t_tmpdir();
	char cmd[4400];
	snprintf(cmd, sizeof cmd, "cp seeds/kaiping-2019.txt '%s/good.txt'", dir);
	ck_assert_int_eq(system(cmd), 0);
	put(dir, "empty.txt", "", 0);
	put(dir, "binary.txt", "PK\x03\x04\0\0\x14\0", 8);
	put(dir, "bad.txt", "\x80\x80\x80 abc", 7);
	ck_assert_int_eq(run("$LGTREND extract -q '%s'", dir), 1);
	char want[4600];
	snprintf(want, sizeof want, "lgtrend: '%s/empty.txt': empty file\n", dir);
	HAS(err, want);
	snprintf(want, sizeof want, "lgtrend: '%s/binary.txt': binary file (NUL byte at offset 4), skipped\n", dir);
	HAS(err, want);
	snprintf(want, sizeof want, "lgtrend: '%s/bad.txt': not valid UTF-8 or GB18030 text (invalid byte at offset 0)\n", dir);
	HAS(err, want);
	HAS(err, "lgtrend: 3 of 4 inputs failed; 1 processed, 4 figures\n");
	HAS(out, "开平市应急管理局"); /* the good file still came through */
	/* a path that does not exist, next to a good one */
	ck_assert_int_eq(run("$LGTREND extract seeds/kaiping-2019.txt '%s/nope.txt'", dir), 1);
	snprintf(want, sizeof want, "lgtrend: '%s/nope.txt': No such file or directory\n", dir);
	HAS(err, want);
	t_rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(unreadable_directory)
{
	char *dir = t_tmpdir();
	char cmd[4400];
	snprintf(cmd, sizeof cmd, "cp seeds/kaiping-2019.txt '%s/good.txt' && ln -s loop '%s/loop' && mkdir '%s/locked' && "
		 "cp seeds/luoyang-2021.txt '%s/locked/in.txt' && chmod 000 '%s/locked'",
		 dir, dir, dir, dir, dir);
	ck_assert_int_eq(system(cmd), 0);
	ck_assert_int_eq(run("$LGTREND extract '%s'", dir), 1);
	char want[4600];
	snprintf(want, sizeof want, "lgtrend: '%s/loop': cannot stat: Too many levels of symbolic links\n", dir);
	HAS(err, want);
	if (geteuid() != 0) {
		snprintf(want, sizeof want, "lgtrend: '%s/locked': cannot read directory: Permission denied\n", dir);
		HAS(err, want);
	}
	HAS(out, "开平市应急管理局");
	t_rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(exit_3_nothing_or_bad_data)
{
	char *dir = t_tmpdir();
	put(dir, "empty.txt", "", 0);
	ck_assert_int_eq(run("$LGTREND extract '%s'", dir), 3);
	ck_assert_int_eq(run("$LGTREND export --indicator 罚款 --out-dir '%s/o' '%s'", dir, dir), 3);
	mkdir(strcat(strcpy((char[4400]){ 0 }, dir), "/none"), 0755);
	ck_assert_int_eq(run("$LGTREND extract '%s/none'", dir), 3);
	HAS(err, "lgtrend: no report files (*.txt) found in the input\n");
	const char bad[] = "[indicator 罚款]\nid = fines\nunit = 万元\ntrigger = 罚(款\n";
	put(dir, "bad.conf", bad, sizeof bad - 1);
	ck_assert_int_eq(run("$LGTREND extract --vocab '%s/bad.conf' seeds", dir), 3);
	char want[4600];
	snprintf(want, sizeof want,
		 "lgtrend: vocabulary: %s/bad.conf:4: indicator 罚款: trigger: PCRE2 error at offset 7: missing closing parenthesis\n",
		 dir);
	HAS(err, want);
	const char badm[] = "name,year\nx.txt,2021\n";
	put(dir, "m.csv", badm, sizeof badm - 1);
	ck_assert_int_eq(run("$LGTREND extract --manifest '%s/m.csv' seeds", dir), 3);
	HAS(err, "the header must name a `file` column");
	t_rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(exit_4_output)
{
	ck_assert_int_eq(run("$LGTREND export --indicator 罚款 --out-dir /dev/null/plots seeds"), 4);
	HAS(err, "lgtrend: '/dev/null/plots': cannot create the output directory: Not a directory\n");
	ck_assert_int_eq(run("$LGTREND extract -o /nonexistent-dir/x.csv seeds"), 4);
	HAS(err, "lgtrend: '/nonexistent-dir/x.csv': cannot create");
	ck_assert_int_eq(run("$LGTREND extract -o seeds/kaiping-2019.txt seeds/kaiping-2019.txt"), 4);
	HAS(err, "is one of the inputs; refusing to overwrite it");
}
END_TEST

/* gnuplot that fails: exit 5, and the CSV and script are still there. */
START_TEST(exit_5_render)
{
	char *dir = t_tmpdir();
	char bin[4400];
	snprintf(bin, sizeof bin, "%s/bin", dir);
	mkdir(bin, 0755);
	const char fake[] = "#!/bin/sh\necho 'line 3: unknown or broken font' >&2\nexit 1\n";
	put(bin, "gnuplot", fake, sizeof fake - 1);
	char p[4400];
	snprintf(p, sizeof p, "%s/gnuplot", bin);
	chmod(p, 0755);
	ck_assert_int_eq(run("PATH='%s':/usr/bin:/bin $LGTREND export --indicator 罚款 --out-dir '%s/o' seeds", bin, dir), 5);
	HAS(err, "gnuplot failed (exit 1): line 3: unknown or broken font");
	snprintf(p, sizeof p, "%s/o", dir);
	ck_assert(exists(p, "罚款.csv"));
	ck_assert(exists(p, "罚款.gp"));
	ck_assert(!exists(p, "罚款.png"));
	/* no gnuplot at all: the script, a hint, and success */
	snprintf(p, sizeof p, "%s/empty", dir);
	mkdir(p, 0755);
	ck_assert_int_eq(run("PATH='%s' $LGTREND export --indicator 罚款 --out-dir '%s/o2' seeds", p, dir), 0);
	HAS(err, "gnuplot not found; scripts written, charts not rendered");
	snprintf(p, sizeof p, "%s/o2", dir);
	ck_assert(exists(p, "罚款.gp"));
	t_rmtree(dir);
	free(dir);
}
END_TEST

/* ---- reports in other encodings, without metadata, twice ---- */

START_TEST(encodings_give_the_same_figures)
{
	char *dir = t_tmpdir();
	char cmd[8800];
	snprintf(cmd, sizeof cmd,
		 "iconv -f UTF-8 -t GB18030 seeds/luoyang-2021.txt > '%s/gbk.txt' && "
		 "{ printf '\\377\\376'; iconv -f UTF-8 -t UTF-16LE seeds/luoyang-2021.txt; } > '%s/u16.txt' && "
		 "sed 's/$/\\r/' seeds/luoyang-2021.txt > '%s/crlf.txt'",
		 dir, dir, dir);
	ck_assert_int_eq(system(cmd), 0);
	ck_assert_int_eq(run("$LGTREND info --format csv '%s'", dir), 0);
	HAS(out, "/gbk.txt,洛阳市应急管理局,洛阳市,市,2021,,GB18030,");
	HAS(out, "/u16.txt,洛阳市应急管理局,洛阳市,市,2021,,UTF-16LE,");
	HAS(out, "/crlf.txt,洛阳市应急管理局,洛阳市,市,2021,,UTF-8,");
	/* the same values from each, and offsets into each file's own bytes */
	ck_assert_int_eq(run("$LGTREND extract --format tsv --indicator 罚款 '%s/gbk.txt'", dir), 0);
	HAS(out, "\t罚款\tfines\t全辖区\t2532.15\t万元\t");
	ck_assert_int_eq(run("$LGTREND extract --format tsv --indicator 罚款 --encoding gbk '%s/gbk.txt' | cut -f2 | sed -n 2p | "
			     "xargs -I{} dd if='%s/gbk.txt' bs=1 skip={} count=7 2>/dev/null",
			     dir, dir),
			 0);
	ck_assert_str_eq(out.s, "2532.15");
	ck_assert_int_eq(run("$LGTREND extract --format tsv --indicator 罚款 '%s/u16.txt'", dir), 0);
	HAS(out, "\t罚款\tfines\t全辖区\t2532.15\t万元\t");
	t_rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(unknown_agency_and_manifest)
{
	char *dir = t_tmpdir();
	const char r[] = "工作报告\n全县共检查企业500家次，罚款86.5万元。\n";
	put(dir, "anon.txt", r, sizeof r - 1);
	ck_assert_int_eq(run("$LGTREND extract '%s/anon.txt'", dir), 0);
	char want[4600];
	snprintf(want, sizeof want, "lgtrend: '%s/anon.txt': warning: no agency found in the text (give one in a manifest)\n", dir);
	HAS(err, want);
	HAS(out, ",,,,,罚款,fines,全辖区,86.5,万元,"); /* still extracted, agency and year empty */
	ck_assert_int_eq(run("$LGTREND export --indicator 罚款 --no-render --out-dir '%s/o' '%s/anon.txt'", dir, dir), 0);
	HAS(err, "1 report(s) without agency or year are left out of the series");
	const char m[] = "file,agency,year\nanon.txt,\"某县应急管理局\",2022\n";
	put(dir, "m.csv", m, sizeof m - 1);
	ck_assert_int_eq(run("$LGTREND export --indicator 罚款 --no-render --manifest '%s/m.csv' --out-dir '%s/o' '%s/anon.txt'",
			     dir, dir, dir),
			 0);
	lg_buf b = LG_BUF_INIT;
	char p[4400];
	snprintf(p, sizeof p, "%s/o/罚款.csv", dir);
	ck_assert(t_slurp(p, &b));
	HAS(b, "罚款,某县应急管理局,2022,,全辖区,1,86.5,万元,");
	lg_buf_release(&b);
	t_rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(two_reports_same_agency_year)
{
	char *dir = t_tmpdir();
	char cmd[4400];
	snprintf(cmd, sizeof cmd, "cp seeds/luoyang-2021.txt '%s/a.txt' && cp seeds/luoyang-2021.txt '%s/b.txt'", dir, dir);
	ck_assert_int_eq(system(cmd), 0);
	ck_assert_int_eq(run("$LGTREND export --indicator 罚款 --no-render --out-dir '%s/o' '%s'", dir, dir), 0);
	char want[4600];
	snprintf(want, sizeof want,
		 "lgtrend: '%s/b.txt': warning: conflict: 洛阳市应急管理局 2021 is already reported by '%s/a.txt'; this file is not used\n",
		 dir, dir);
	HAS(err, want);
	t_rmtree(dir);
	free(dir);
}
END_TEST

/* More agencies than --top: the chart keeps those with the most years of
 * data, then the largest latest figure, and says how many it leaves out;
 * the CSV files keep every agency. */
START_TEST(crowded_chart_keeps_top)
{
	char *dir = t_tmpdir();
	static const struct {
		const char *place;
		int year;
		const char *fine;
	} r[] = {
		{ "甲市", 2021, "10" }, { "甲市", 2022, "12" }, { "乙市", 2022, "900" }, { "丙市", 2022, "50" },
		{ "丁市", 2022, "70" }, { "丁市", 2023, "75" },
	};
	for (size_t i = 0; i < sizeof r / sizeof r[0]; i++) {
		char name[32], text[256];
		snprintf(name, sizeof name, "r%zu.txt", i);
		snprintf(text, sizeof text, "%s应急管理局%d年法治政府建设工作报告\n全市共罚款%s万元。\n", r[i].place, r[i].year,
			 r[i].fine);
		put(dir, name, text, strlen(text));
	}
	ck_assert_int_eq(run("$LGTREND export -q --indicator 罚款 --top 3 --no-render --out-dir '%s/o' '%s'", dir, dir), 0);
	char p[4400];
	snprintf(p, sizeof p, "%s/o/罚款.gp", dir);
	lg_buf gp = LG_BUF_INIT;
	ck_assert(t_slurp(p, &gp));
	/* 甲 and 丁 have two years each; of the one-year agencies 乙 (900) is
	 * the largest; 丙 is left out */
	ck_assert_ptr_nonnull(strstr(gp.s, "title '甲市应急管理局'"));
	ck_assert_ptr_nonnull(strstr(gp.s, "title '丁市应急管理局'"));
	ck_assert_ptr_nonnull(strstr(gp.s, "title '乙市应急管理局'"));
	ck_assert_ptr_null(strstr(gp.s, "丙市"));
	ck_assert_ptr_nonnull(strstr(gp.s, "图中3个机构（共4个"));
	snprintf(p, sizeof p, "%s/o/罚款.wide.csv", dir);
	lg_buf wide = LG_BUF_INIT;
	ck_assert(t_slurp(p, &wide));
	ck_assert_ptr_nonnull(strstr(wide.s, "丙市应急管理局"));
	/* a bar chart keeps the largest of its year */
	ck_assert_int_eq(run("$LGTREND export -q --indicator 罚款 --chart bar --year 2022 --top 2 --no-render --out-dir '%s/o' '%s'", dir, dir), 0);
	snprintf(p, sizeof p, "%s/o/罚款.bar.gp", dir);
	ck_assert(t_slurp(p, &gp));
	ck_assert_ptr_nonnull(strstr(gp.s, "'乙市应急管理局' 0, '丁市应急管理局' 1)"));
	ck_assert_int_eq(run("$LGTREND export --indicator 罚款 --top 0 '%s'", dir), 2);
	HAS(err, "--top takes a number of agencies from 1 to 200, not '0'");
	lg_buf_release(&gp);
	lg_buf_release(&wide);
	t_rmtree(dir);
	free(dir);
}
END_TEST

/* A report whose agency (from a manifest) and text try to run commands in
 * gnuplot: the chart renders, nothing runs, the name shows literally. */
START_TEST(injection_nothing_runs)
{
	if (access("/usr/bin/gnuplot", X_OK) != 0 && system("command -v gnuplot >/dev/null") != 0)
		return;
	char *dir = t_tmpdir();
	char r[1024];
	snprintf(r, sizeof r, "`touch %s/PWNED0`应急管理局2021年报告\n全市共检查企业500家次,罚款86.5万元。\n", dir);
	put(dir, "evil.txt", r, strlen(r));
	char m[2048];
	snprintf(m, sizeof m,
		 "file,agency,year\nevil.txt,\"`touch %s/PWNED1` \"\"; system(\"\"touch %s/PWNED2\"\") '; set output '|touch %s/PWNED3'\n二行\",2021\n",
		 dir, dir, dir);
	put(dir, "m.csv", m, strlen(m));
	ck_assert_int_eq(run("cd '%s' && $LGTREND export --indicator 罚款 --manifest m.csv evil.txt", dir), 0);
	for (int i = 0; i < 4; i++) {
		char name[32];
		snprintf(name, sizeof name, "PWNED%d", i);
		ck_assert_msg(!exists(dir, name), "%s was created", name);
	}
	char plots[4400];
	snprintf(plots, sizeof plots, "%s/plots", dir);
	ck_assert(exists(plots, "罚款.png"));
	lg_buf gp = LG_BUF_INIT;
	char p[4400];
	snprintf(p, sizeof p, "%s/罚款.gp", plots);
	ck_assert(t_slurp(p, &gp));
	HAS(gp, "title '`touch ");
	HAS(gp, ") ''; set output ''|touch ");
	lg_buf_release(&gp);
	t_rmtree(dir);
	free(dir);
}
END_TEST

/* A 50 MB report on one line: every copy's figures, in bounded time (a
 * quadratic scan would outlast the suite's timeout). */
START_TEST(huge_one_line_report)
{
	char *dir = t_tmpdir();
	lg_buf seed = LG_BUF_INIT, big = LG_BUF_INIT;
	ck_assert(t_slurp(t_path("seeds/luoyang-2021.txt"), &seed));
	size_t copies = 0;
	while (big.len < (50u << 20)) {
		for (size_t i = 0; i < seed.len; i++)
			if (seed.s[i] != '\n')
				lg_buf_addc(&big, seed.s[i]);
		copies++;
	}
	put(dir, "big.txt", big.s, big.len);
	ck_assert_int_eq(run("$LGTREND extract -q --format tsv seeds/luoyang-2021.txt | wc -l"), 0);
	long per_copy = atol(out.s) - 1;
	ck_assert_int_gt(per_copy, 10);
	ck_assert_int_eq(run("$LGTREND extract -q --format tsv '%s/big.txt' | wc -l", dir), 0);
	ck_assert_int_eq(atol(out.s), per_copy * (long)copies + 1);
	lg_buf_release(&seed);
	lg_buf_release(&big);
	t_rmtree(dir);
	free(dir);
}
END_TEST

Suite *suite_e2e(void)
{
	Suite *s = suite_create("e2e");
	TCase *tc = tcase_create("outputs");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, extract_seeds_golden);
	tcase_add_test(tc, jobs_do_not_change_output);
	tcase_add_test(tc, extract_formats);
	tcase_add_test(tc, export_golden);
	tcase_add_test(tc, export_defaults_to_seeds_and_plots);
	tcase_add_test(tc, export_all_and_index);
	tcase_add_test(tc, info_and_indicators);
	suite_add_tcase(s, tc);
	tc = tcase_create("exit codes");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, exit_0_help_and_version);
	tcase_add_test(tc, exit_2_usage);
	tcase_add_test(tc, exit_1_partial_and_bad_inputs);
	tcase_add_test(tc, unreadable_directory);
	tcase_add_test(tc, exit_3_nothing_or_bad_data);
	tcase_add_test(tc, exit_4_output);
	tcase_add_test(tc, exit_5_render);
	suite_add_tcase(s, tc);
	tc = tcase_create("inputs");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, encodings_give_the_same_figures);
	tcase_add_test(tc, unknown_agency_and_manifest);
	tcase_add_test(tc, two_reports_same_agency_year);
	tcase_add_test(tc, crowded_chart_keeps_top);
	tcase_add_test(tc, injection_nothing_runs);
	tcase_add_test(tc, huge_one_line_report);
	suite_add_tcase(s, tc);
	return s;
}
