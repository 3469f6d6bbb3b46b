/* Agency, year and period from the text: tests/cases/meta.txt, the
 * manifest override, and the agency grouping key. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lg_meta.h"
#include "lg_read.h"
#include "test.h"

static void check_block(const char *input, const char *want, size_t line, int *failures)
{
	char agency[256] = "", year[32] = "", period[64] = "";
	sscanf(want, "%255s %31s %63s", agency, year, period);
	lg_text t;
	lg_text_init(&t);
	lg_err err;
	ck_assert_int_eq(lg_read_bytes(&t, input, strlen(input), LG_ENC_AUTO, &err), LG_OK);
	lg_report r;
	lg_meta_detect(t_meta(), t.s, t.n, &r);
	char gy[32];
	snprintf(gy, sizeof gy, "%d", r.year);
	const char *ga = r.agency[0] ? r.agency : "-";
	if (!r.year)
		snprintf(gy, sizeof gy, "-");
	if (strcmp(ga, agency) || strcmp(gy, year) || strcmp(r.period, period)) {
		(*failures)++;
		fprintf(stderr, "meta.txt:%zu: want '%s %s %s', got '%s %s %s'\n", line, agency, year, period, ga, gy,
			r.period);
	}
	lg_text_release(&t);
}

START_TEST(meta_file)
{
	lg_buf b = LG_BUF_INIT, input = LG_BUF_INIT;
	ck_assert(t_slurp(t_path("tests/cases/meta.txt"), &b));
	int failures = 0, cases = 0;
	size_t lineno = 0, start = 0;
	char *p = b.s;
	while (p && *p) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		lineno++;
		if (p[0] == '>') {
			if (!input.len)
				start = lineno;
			else
				lg_buf_addc(&input, '\n');
			lg_buf_adds(&input, p[1] == ' ' ? p + 2 : p + 1);
		} else if (p[0] == '=') {
			check_block(input.s, p + 2, start, &failures);
			cases++;
			lg_buf_reset(&input);
		}
		p = nl ? nl + 1 : NULL;
	}
	lg_buf_release(&b);
	lg_buf_release(&input);
	ck_assert_int_ge(cases, 10);
	ck_assert_msg(failures == 0, "%d of %d meta cases failed", failures, cases);
}
END_TEST

START_TEST(region_and_level)
{
	const char *s = "重庆市大足区应急管理局\n2021年法治政府建设情况报告\n";
	lg_report r;
	lg_meta_detect(t_meta(), s, strlen(s), &r);
	ck_assert_str_eq(r.region, "大足区");
	ck_assert_str_eq(r.level, "区");
	ck_assert_str_eq(r.agency_from, "title");
	char key[192];
	lg_meta_agency_key("重庆市大足区应急管理局", key, sizeof key);
	ck_assert_str_eq(key, "大足区应急管理局");
	lg_meta_agency_key("大足区应急管理局", key, sizeof key);
	ck_assert_str_eq(key, "大足区应急管理局");
	lg_meta_agency_key("嘉兴市应急管理局", key, sizeof key);
	ck_assert_str_eq(key, "嘉兴市应急管理局");
	/* a zone named after its city keeps the city: two cities' 工业园区
	 * are different bureaus */
	lg_meta_agency_key("苏州工业园区应急管理局", key, sizeof key);
	ck_assert_str_eq(key, "苏州工业园区应急管理局");
	const char *z = "苏州工业园区应急管理局2021年法治政府建设年度报告\n";
	lg_meta_detect(t_meta(), z, strlen(z), &r);
	ck_assert_str_eq(r.region, "苏州工业园区");
	/* short lines all through: the title ends where a line opens a list
	 * (如下：) or ends a sentence; the signature is found in the body */
	const char *b = "关于报送2022年度法治政府建设情况的报告\n市委依法治市办：\n现将我局2022年度法治政府建设情况报告如下：\n"
			"全市检查企业100家次。\n\n绍兴市柯桥区应急管理局\n2023年1月12日\n";
	lg_meta_detect(t_meta(), b, strlen(b), &r);
	ck_assert_str_eq(r.agency, "绍兴市柯桥区应急管理局");
	ck_assert_str_eq(r.agency_from, "body");
	ck_assert_int_eq(r.year, 2022);
}
END_TEST

START_TEST(manifest_override)
{
	lg_report r;
	memset(&r, 0, sizeof r);
	r.year = 2019;
	lg_meta_override(&r, "洛阳市应急管理局", 2021, "1-10月");
	ck_assert_str_eq(r.agency, "洛阳市应急管理局");
	ck_assert_str_eq(r.region, "洛阳市");
	ck_assert_str_eq(r.level, "市");
	ck_assert_int_eq(r.year, 2021);
	ck_assert_str_eq(r.period, "1-10月");
	ck_assert_str_eq(r.agency_from, "manifest");
	lg_meta_override(&r, NULL, 0, NULL);
	ck_assert_int_eq(r.year, 2021);
}
END_TEST

Suite *suite_meta(void)
{
	Suite *s = suite_create("meta");
	TCase *tc = tcase_create("meta");
	tcase_add_test(tc, meta_file);
	tcase_add_test(tc, region_and_level);
	tcase_add_test(tc, manifest_override);
	suite_add_tcase(s, tc);
	return s;
}
