/* The headline rule, proxies, conflicts and year-over-year. */
#include <stdio.h>
#include <string.h>

#include "lg_series.h"
#include "test.h"

static const char text[] = "一句话。";

static void fig(lg_figures *fs, const char *ind, const char *value, const char *unit, lg_scope scope, lg_role role,
		const char *period, size_t offset)
{
	lg_figure *f = lg_figures_push(fs);
	f->indicator = lg_vocab_find(t_vocab(), ind);
	ck_assert_int_ge(f->indicator, 0);
	ck_assert_int_eq(lg_dec_parse(value, strlen(value), &f->value), LG_OK);
	f->unit = unit;
	f->scope = scope;
	f->role = role;
	snprintf(f->period, sizeof f->period, "%s", period);
	f->offset = offset;
	f->text_start = 0;
	f->text_end = strlen(text);
}

static lg_report rep(const char *agency, int year)
{
	lg_report r;
	memset(&r, 0, sizeof r);
	snprintf(r.agency, sizeof r.agency, "%s", agency);
	r.year = year;
	return r;
}

static const lg_row *headline(const lg_series *s, const char *agency, int year)
{
	for (size_t i = 0; i < lg_series_count(s); i++) {
		const lg_row *r = lg_series_row(s, i);
		if (r->headline && r->year == year && strstr(r->agency, agency))
			return r;
	}
	return NULL;
}

static const char *val(const lg_row *r)
{
	static char buf[LG_DEC_FMTMAX];
	lg_dec_format(&r->value, buf);
	return buf;
}

START_TEST(headline_rule)
{
	int k = lg_vocab_find(t_vocab(), "罚款");
	lg_series *s = lg_series_new(t_vocab(), k, -1);
	lg_figures fs;
	lg_figures_init(&fs);
	/* campaign and bureau figures are larger, but the whole jurisdiction wins */
	fig(&fs, "罚款", "950.15", "万元", LG_SCOPE_CAMPAIGN, LG_ROLE_TOTAL, "", 10);
	fig(&fs, "罚款", "1278", "万元", LG_SCOPE_BUREAU, LG_ROLE_TOTAL, "", 20);
	fig(&fs, "罚款", "725.67", "万元", LG_SCOPE_ALL, LG_ROLE_TOTAL, "", 30);
	/* a part, even a larger one, never beats its total */
	fig(&fs, "罚款", "9999", "万元", LG_SCOPE_ALL, LG_ROLE_SUB, "", 40);
	lg_report r = rep("玉林市应急管理局", 2023);
	ck_assert_ptr_null(lg_series_add(s, &r, "a.txt", 0, text, &fs));
	lg_series_finish(s);
	const lg_row *h = headline(s, "玉林", 2023);
	ck_assert_ptr_nonnull(h);
	ck_assert_str_eq(val(h), "725.67");
	ck_assert_int_eq(h->scope, LG_SCOPE_ALL);
	/* one row per scope: 全辖区 (headline first), 本级, 专项 */
	ck_assert_uint_eq(lg_series_count(s), 3);
	ck_assert(lg_series_row(s, 0)->headline);
	ck_assert_int_eq(lg_series_row(s, 1)->scope, LG_SCOPE_BUREAU);
	lg_series_free(s);
	lg_figures_release(&fs);
}
END_TEST

START_TEST(larger_total_and_full_year)
{
	int k = lg_vocab_find(t_vocab(), "行政处罚");
	lg_series *s = lg_series_new(t_vocab(), k, -1);
	lg_figures fs;
	lg_figures_init(&fs);
	fig(&fs, "行政处罚", "6", "起", LG_SCOPE_ALL, LG_ROLE_TOTAL, "", 10);   /* 非现场执法案件6起 */
	fig(&fs, "行政处罚", "1404", "起", LG_SCOPE_ALL, LG_ROLE_TOTAL, "", 20);
	fig(&fs, "行政处罚", "274", "起", LG_SCOPE_ALL, LG_ROLE_TOTAL, "", 30);
	lg_report r = rep("嘉兴市应急管理局", 2024);
	lg_series_add(s, &r, "a.txt", 0, text, &fs);
	/* canonical unit first: 家 (accepted) loses to 起 */
	lg_figures_reset(&fs);
	fig(&fs, "行政处罚", "963", "家", LG_SCOPE_ALL, LG_ROLE_TOTAL, "1-10月", 10);
	fig(&fs, "行政处罚", "120", "起", LG_SCOPE_ALL, LG_ROLE_TOTAL, "1-10月", 20);
	r = rep("大足区应急管理局", 2021);
	lg_series_add(s, &r, "b.txt", 1, text, &fs);
	lg_series_finish(s);
	ck_assert_str_eq(val(headline(s, "嘉兴", 2024)), "1404");
	ck_assert_str_eq(val(headline(s, "大足", 2021)), "120");
	lg_series_free(s);
	lg_figures_release(&fs);
}
END_TEST

/* Of accepted units, the one the vocabulary lists first: the enterprises
 * inspected (372家) before the visits (46次), though fewer. */
START_TEST(accepted_units_in_vocabulary_order)
{
	int k = lg_vocab_find(t_vocab(), "检查企业");
	lg_series *s = lg_series_new(t_vocab(), k, -1);
	lg_figures fs;
	lg_figures_init(&fs);
	fig(&fs, "检查企业", "460", "次", LG_SCOPE_ALL, LG_ROLE_TOTAL, "", 10);
	fig(&fs, "检查企业", "372", "家", LG_SCOPE_ALL, LG_ROLE_TOTAL, "", 20);
	lg_report r = rep("某某县应急管理局", 2023);
	lg_series_add(s, &r, "a.txt", 0, text, &fs);
	lg_series_finish(s);
	ck_assert_str_eq(val(headline(s, "某某县", 2023)), "372");
	ck_assert_str_eq(headline(s, "某某县", 2023)->unit, "家");
	lg_series_free(s);
	lg_figures_release(&fs);
}
END_TEST

START_TEST(proxy_only_when_missing)
{
	int k = lg_vocab_find(t_vocab(), "罚款");
	lg_series *s = lg_series_new(t_vocab(), k, -1);
	lg_figures fs;
	lg_figures_init(&fs);
	fig(&fs, "罚没款", "2364.85", "万元", LG_SCOPE_ALL, LG_ROLE_TOTAL, "", 10);
	lg_report r = rep("嘉兴市应急管理局", 2024);
	lg_series_add(s, &r, "j.txt", 0, text, &fs);
	lg_figures_reset(&fs);
	fig(&fs, "罚没款", "3000", "万元", LG_SCOPE_ALL, LG_ROLE_TOTAL, "", 10);
	fig(&fs, "罚款", "2532.15", "万元", LG_SCOPE_ALL, LG_ROLE_TOTAL, "", 20);
	r = rep("洛阳市应急管理局", 2021);
	lg_series_add(s, &r, "l.txt", 1, text, &fs);
	lg_series_finish(s);
	const lg_row *h = headline(s, "嘉兴", 2024);
	ck_assert(h->proxy);
	ck_assert_str_eq(lg_vocab_get(t_vocab(), (size_t)h->indicator)->name, "罚没款");
	h = headline(s, "洛阳", 2021);
	ck_assert(!h->proxy);
	ck_assert_str_eq(val(h), "2532.15");
	/* the proxy row of an agency that has the figure itself is dropped */
	for (size_t i = 0; i < lg_series_count(s); i++)
		ck_assert(!(strstr(lg_series_row(s, i)->agency, "洛阳") && lg_series_row(s, i)->proxy));
	lg_series_free(s);
	lg_figures_release(&fs);
}
END_TEST

/* 罚没款1023.5万元,其中罚款986.2万元: the indicator itself, though a part of
 * its stand-in's total, is the figure; a stand-in of a wider scope than
 * any figure of the indicator itself is the headline, one of a narrower
 * scope is dropped. */
START_TEST(proxy_and_scope)
{
	int k = lg_vocab_find(t_vocab(), "罚款");
	lg_series *s = lg_series_new(t_vocab(), k, -1);
	lg_figures fs;
	lg_figures_init(&fs);
	fig(&fs, "罚没款", "1023.5", "万元", LG_SCOPE_ALL, LG_ROLE_TOTAL, "", 10);
	fig(&fs, "罚款", "986.2", "万元", LG_SCOPE_ALL, LG_ROLE_SUB, "", 20);
	fig(&fs, "罚款", "315.8", "万元", LG_SCOPE_BUREAU, LG_ROLE_TOTAL, "", 30);
	lg_report r = rep("甲市应急管理局", 2021);
	lg_series_add(s, &r, "a.txt", 0, text, &fs);
	lg_figures_reset(&fs);
	fig(&fs, "罚没款", "1000", "万元", LG_SCOPE_ALL, LG_ROLE_TOTAL, "", 10);
	fig(&fs, "罚款", "300", "万元", LG_SCOPE_BUREAU, LG_ROLE_TOTAL, "", 20);
	fig(&fs, "罚没款", "50", "万元", LG_SCOPE_TOWN, LG_ROLE_TOTAL, "", 30);
	r = rep("乙市应急管理局", 2022);
	lg_series_add(s, &r, "b.txt", 1, text, &fs);
	lg_series_finish(s);
	const lg_row *h = headline(s, "甲市", 2021);
	ck_assert(!h->proxy);
	ck_assert_str_eq(val(h), "986.2");
	h = headline(s, "乙市", 2022);
	ck_assert(h->proxy);
	ck_assert_str_eq(val(h), "1000");
	ck_assert_int_eq(h->scope, LG_SCOPE_ALL);
	size_t n = 0;
	for (size_t i = 0; i < lg_series_count(s); i++)
		if (strstr(lg_series_row(s, i)->agency, "乙市")) {
			n++;
			ck_assert_int_ne(lg_series_row(s, i)->scope, LG_SCOPE_TOWN);
		}
	ck_assert_uint_eq(n, 2);
	lg_series_free(s);
	lg_figures_release(&fs);
}
END_TEST

START_TEST(conflicts_and_agency_spelling)
{
	int k = lg_vocab_find(t_vocab(), "罚款");
	lg_series *s = lg_series_new(t_vocab(), k, -1);
	lg_figures fs;
	lg_figures_init(&fs);
	fig(&fs, "罚款", "100", "万元", LG_SCOPE_ALL, LG_ROLE_TOTAL, "", 10);
	lg_report r = rep("大足区应急管理局", 2021);
	ck_assert_ptr_null(lg_series_add(s, &r, "first.txt", 0, text, &fs));
	r = rep("重庆市大足区应急管理局", 2021);
	const char *other = lg_series_add(s, &r, "second.txt", 1, text, &fs);
	ck_assert_ptr_nonnull(other);
	ck_assert_str_eq(other, "first.txt");
	r = rep("重庆市大足区应急管理局", 2022);
	ck_assert_ptr_null(lg_series_add(s, &r, "third.txt", 2, text, &fs));
	lg_series_finish(s);
	ck_assert_uint_eq(lg_series_count(s), 2);
	/* one agency, shown by its longest name */
	ck_assert_str_eq(lg_series_row(s, 0)->agency, "重庆市大足区应急管理局");
	ck_assert_str_eq(lg_series_row(s, 1)->agency, "重庆市大足区应急管理局");
	lg_series_free(s);
	lg_figures_release(&fs);
}
END_TEST

START_TEST(year_over_year)
{
	int k = lg_vocab_find(t_vocab(), "罚款");
	lg_series *s = lg_series_new(t_vocab(), k, -1);
	lg_figures fs;
	lg_figures_init(&fs);
	static const struct {
		int year;
		const char *v, *period;
	} ys[] = { { 2019, "800", "" }, { 2020, "860", "" }, { 2021, "900", "1-10月" }, { 2023, "1000", "" }, { 2024, "950", "" } };
	for (size_t i = 0; i < sizeof ys / sizeof ys[0]; i++) {
		lg_figures_reset(&fs);
		fig(&fs, "罚款", ys[i].v, "万元", LG_SCOPE_ALL, LG_ROLE_TOTAL, ys[i].period, 10);
		lg_report r = rep("某市应急管理局", ys[i].year);
		lg_series_add(s, &r, "x.txt", i, text, &fs);
	}
	lg_series_finish(s);
	const lg_row *r2019 = headline(s, "某市", 2019), *r2020 = headline(s, "某市", 2020),
		     *r2021 = headline(s, "某市", 2021), *r2023 = headline(s, "某市", 2023),
		     *r2024 = headline(s, "某市", 2024);
	ck_assert(!r2019->has_yoy);
	ck_assert(r2020->has_yoy && r2020->has_yoy_pct);
	char buf[LG_DEC_FMTMAX];
	lg_dec_format(&r2020->yoy_abs, buf);
	ck_assert_str_eq(buf, "60");
	ck_assert_int_eq(r2020->yoy_pct, 750);
	ck_assert(!r2021->has_yoy); /* part of a year: not compared */
	ck_assert(!r2023->has_yoy); /* 2022 missing: a gap, not a zero */
	ck_assert(r2024->has_yoy);
	lg_dec_format(&r2024->yoy_abs, buf);
	ck_assert_str_eq(buf, "-50");
	ck_assert_int_eq(r2024->yoy_pct, -500);
	int lo, hi;
	ck_assert(lg_series_years(s, &lo, &hi));
	ck_assert_int_eq(lo, 2019);
	ck_assert_int_eq(hi, 2024);
	lg_series_free(s);
	lg_figures_release(&fs);
}
END_TEST

Suite *suite_series(void)
{
	Suite *s = suite_create("series");
	TCase *tc = tcase_create("series");
	tcase_add_test(tc, headline_rule);
	tcase_add_test(tc, larger_total_and_full_year);
	tcase_add_test(tc, accepted_units_in_vocabulary_order);
	tcase_add_test(tc, proxy_only_when_missing);
	tcase_add_test(tc, proxy_and_scope);
	tcase_add_test(tc, conflicts_and_agency_spelling);
	tcase_add_test(tc, year_over_year);
	suite_add_tcase(s, tc);
	return s;
}
