/* Numbers and units: tests/cases/numbers.txt, Chinese numerals, and the
 * tokenizer's edges. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lg_units.h"
#include "test.h"

START_TEST(numbers_file)
{
	lg_buf b = LG_BUF_INIT;
	ck_assert(t_slurp(t_path("tests/cases/numbers.txt"), &b));
	int cases = 0, failures = 0;
	char *save;
	for (char *line = strtok_r(b.s, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#' || !line[0])
			continue;
		char *arrow = strstr(line, " => ");
		ck_assert_msg(arrow != NULL, "bad line: %s", line);
		*arrow = '\0';
		const char *text = line, *want = arrow + 4;
		cases++;
		/* the quantity's number is its first digit or numeral */
		size_t n = strlen(text), i = 0;
		while (i < n && !lg_units_can_start(text, n, i))
			i++;
		lg_qty q;
		bool ok = i < n && lg_units_scan(text, n, 0, i, &q) && q.st == LG_OK && q.kind != LG_UK_NONE;
		char got[LG_DEC_FMTMAX + 64];
		if (!ok) {
			snprintf(got, sizeof got, "none");
		} else {
			char num[LG_DEC_FMTMAX];
			lg_dec_format(&q.value, num);
			snprintf(got, sizeof got, "%s %s %s", num, q.unit, q.approx ? lg_approx_name(q.approx) : "-");
		}
		if (strcmp(got, want) != 0) {
			failures++;
			fprintf(stderr, "numbers.txt: '%s': want '%s', got '%s'\n", text, want, got);
		}
	}
	lg_buf_release(&b);
	ck_assert_int_ge(cases, 50);
	ck_assert_msg(failures == 0, "%d of %d number cases failed", failures, cases);
}
END_TEST

/* What a quantity may still read across a line end after (12\n万元,
 * 3千\n元, 10余\n人) -- and not after a unit or a word. */
START_TEST(reads_on_across_a_line_end)
{
	static const unsigned yes[] = { '0', '9', ',', '.', 0x4E07 /* 万 */, 0x5343 /* 千 */, 0x4E8C /* 二 */,
					0x96F6 /* 零 */, 0x4F59 /* 余 */, 0x591A /* 多 */ };
	static const unsigned no[] = { 'a', ';', 0x5BB6 /* 家 */, 0x5143 /* 元 */, 0x4EBA /* 人 */, 0xFF0C /* ， */,
				       0x3002 /* 。 */ };
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		ck_assert_msg(lg_units_reads_on(yes[i]), "U+%04X", yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		ck_assert_msg(!lg_units_reads_on(no[i]), "U+%04X", no[i]);
}
END_TEST

START_TEST(chinese_numerals)
{
	static const struct {
		const char *s;
		unsigned long long v;
	} ok[] = {
		{ "一", 1 },       { "两", 2 },          { "十", 10 },          { "十二", 12 },
		{ "二十", 20 },    { "一百零五", 105 },  { "三千", 3000 },      { "一万二千", 12000 },
		{ "二〇二一", 2021 }, { "一亿", 100000000 }, { "三千五百", 3500 }, { "九十九", 99 },
		{ "一千零八十六", 1086 }, { "二零二一", 2021 }, { "一万零五百", 10500 }, { "三千零五十", 3050 },
		{ "壹佰贰拾伍万", 1250000 }, { "叁万伍仟", 35000 }, { "贰拾", 20 }, { "壹仟零伍拾", 1050 },
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		unsigned long long v = 0;
		ck_assert_msg(lg_units_parse_cn(ok[i].s, strlen(ok[i].s), &v), "%s", ok[i].s);
		ck_assert_msg(v == ok[i].v, "%s: %llu", ok[i].s, v);
	}
	unsigned long long v;
	ck_assert(!lg_units_parse_cn("一是", strlen("一是"), &v));
}
END_TEST

/* The extractor's cheap numeral tests agree with the numeral parser: an
 * ideograph begins a numeral (plain, or of an amount written in full)
 * exactly when it reads as 1..10 on its own. */
START_TEST(numeral_lead_agrees_with_parser)
{
	for (unsigned cp = 0x3000; cp <= 0x9FFF; cp++) {
		char u[4] = { (char)(0xE0 | (cp >> 12)), (char)(0x80 | ((cp >> 6) & 0x3F)), (char)(0x80 | (cp & 0x3F)), 0 };
		unsigned long long v = 0;
		bool numeral = lg_units_parse_cn(u, 3, &v) && v >= 1 && v <= 10;
		ck_assert_msg((lg_units_numeral_lead(u, 3, 0) || lg_units_fin_lead(cp)) == numeral, "U+%04X", cp);
		ck_assert_msg(!(lg_units_numeral_lead(u, 3, 0) && lg_units_fin_lead(cp)), "U+%04X", cp);
	}
}
END_TEST

START_TEST(unit_after_brackets)
{
	const char *s = "2415.1675(含区公安交巡警支队罚款1988.2406万元)万元";
	lg_qty q;
	ck_assert(lg_units_scan(s, strlen(s), 0, 0, &q));
	ck_assert_int_eq(q.kind, LG_UK_MONEY);
	char num[LG_DEC_FMTMAX];
	lg_dec_format(&q.value, num);
	ck_assert_str_eq(num, "2415.1675");
	ck_assert_uint_gt(q.paren_end, q.paren_start);
	ck_assert_uint_eq(q.end, strlen(s));
}
END_TEST

START_TEST(ranges_and_codes)
{
	const char *s = "1-10月";
	lg_qty q;
	ck_assert(lg_units_scan(s, strlen(s), 0, 0, &q));
	ck_assert(q.range);
	/* a number glued to letters is a code, not a quantity */
	const char *g = "G20峰会";
	ck_assert(!lg_units_can_start(g, strlen(g), 1));
	/* 第一 is an ordinal */
	const char *o = "第一次";
	ck_assert(!lg_units_can_start(o, strlen(o), 3));
	/* a thousands separator needs exactly three digits after it */
	const char *t = "12,3456人";
	ck_assert(lg_units_scan(t, strlen(t), 0, 0, &q));
	char num[LG_DEC_FMTMAX];
	lg_dec_format(&q.value, num);
	ck_assert_str_eq(num, "12");
	ck_assert_int_eq(q.kind, LG_UK_NONE);
}
END_TEST

Suite *suite_units(void)
{
	Suite *s = suite_create("units");
	TCase *tc = tcase_create("units");
	tcase_add_test(tc, numbers_file);
	tcase_add_test(tc, chinese_numerals);
	tcase_add_test(tc, reads_on_across_a_line_end);
	tcase_add_test(tc, numeral_lead_agrees_with_parser);
	tcase_add_test(tc, unit_after_brackets);
	tcase_add_test(tc, ranges_and_codes);
	suite_add_tcase(s, tc);
	return s;
}
