/* Exact decimals: parse, print, scale, compare, subtract, percentages --
 * never through a double, never through the locale. */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "lg_dec.h"
#include "test.h"

static const char *fmt(const lg_dec *v)
{
	static char buf[LG_DEC_FMTMAX];
	lg_dec_format(v, buf);
	return buf;
}

static lg_dec P(const char *s)
{
	lg_dec v;
	ck_assert_int_eq(lg_dec_parse(s, strlen(s), &v), LG_OK);
	return v;
}

START_TEST(roundtrip_is_exact)
{
	static const char *const cases[] = { "2415.1675", "2532.15", "0.0737", "7.37", "100000", "0", "1988.2406",
					     "0.000001", "123456789012345678901234567890" };
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		lg_dec v = P(cases[i]);
		ck_assert_str_eq(fmt(&v), cases[i]);
	}
	lg_dec v = P("002415.16750");
	ck_assert_str_eq(fmt(&v), "2415.1675");
}
END_TEST

/* lg_utoa and lg_copy stand in for snprintf on every figure */
START_TEST(utoa_and_copy)
{
	char b[24];
	static const unsigned long long v[] = { 0, 7, 10, 2021, 18446744073709551615ull };
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		char want[24];
		snprintf(want, sizeof want, "%llu", v[i]);
		ck_assert_uint_eq(lg_utoa(v[i], b), strlen(want));
		ck_assert_str_eq(b, want);
	}
	char d[8];
	lg_copy(d, sizeof d, "1-10月");
	ck_assert_str_eq(d, "1-10月");
	lg_copy(d, sizeof d, "abcdefghij");
	ck_assert_str_eq(d, "abcdefg");
	lg_copy(d, 1, "x");
	ck_assert_str_eq(d, "");
}
END_TEST

START_TEST(scaling_moves_the_point)
{
	lg_dec v = P("2532.15");
	ck_assert_int_eq(lg_dec_shift(&v, 4), LG_OK);
	ck_assert_str_eq(fmt(&v), "25321500");
	v = P("1000");
	lg_dec_shift(&v, -4);
	ck_assert_str_eq(fmt(&v), "0.1");
	v = P("1.3");
	lg_dec_shift(&v, 4);
	ck_assert_str_eq(fmt(&v), "13000");
	v = P("16.4");
	lg_dec_shift(&v, 8); /* cn2an once made this 1639999999 */
	ck_assert_str_eq(fmt(&v), "1640000000");
}
END_TEST

START_TEST(long_numbers)
{
	lg_dec v = P("1234567890123456789012345678901234567890");
	ck_assert_str_eq(fmt(&v), "1234567890123456789012345678901234567890");
	v = P("0.123456789012345678901234567890");
	ck_assert_str_eq(fmt(&v), "0.12345678901234567890123456789");
	char big[200];
	memset(big, '7', 150);
	ck_assert_int_eq(lg_dec_parse(big, 150, &v), LG_ERR_RANGE);
	ck_assert_int_eq(lg_dec_parse("1.2.3", 5, &v), LG_ERR_SYNTAX);
	ck_assert_int_eq(lg_dec_parse("", 0, &v), LG_ERR_SYNTAX);
}
END_TEST

START_TEST(compare_and_subtract)
{
	lg_dec a = P("2532.15"), b = P("2415.1675"), d;
	ck_assert_int_gt(lg_dec_cmp(&a, &b), 0);
	ck_assert_int_lt(lg_dec_cmp(&b, &a), 0);
	ck_assert_int_eq(lg_dec_cmp(&a, &a), 0);
	ck_assert_int_eq(lg_dec_sub(&a, &b, &d), LG_OK);
	ck_assert_str_eq(fmt(&d), "116.9825");
	ck_assert_int_eq(lg_dec_sub(&b, &a, &d), LG_OK);
	ck_assert_str_eq(fmt(&d), "-116.9825");
	ck_assert_int_lt(lg_dec_cmp(&d, &a), 0);
	lg_dec z = P("0");
	ck_assert(lg_dec_is_zero(&z));
	ck_assert_int_eq(lg_dec_sub(&a, &a, &d), LG_OK);
	ck_assert(lg_dec_is_zero(&d));
	lg_dec x = P("100"), y = P("0.01");
	lg_dec_sub(&x, &y, &d);
	ck_assert_str_eq(fmt(&d), "99.99");
}
END_TEST

START_TEST(percent_change)
{
	lg_dec prev = P("800"), cur = P("860");
	long long h;
	ck_assert(lg_dec_pct_change(&prev, &cur, &h));
	ck_assert_int_eq(h, 750);
	char buf[32];
	lg_dec_format_hundredths(h, buf, sizeof buf);
	ck_assert_str_eq(buf, "7.50");
	ck_assert(lg_dec_pct_change(&cur, &prev, &h));
	lg_dec_format_hundredths(h, buf, sizeof buf);
	ck_assert_str_eq(buf, "-6.98");
	lg_dec zero = P("0");
	ck_assert(!lg_dec_pct_change(&zero, &cur, &h));
	lg_dec_format_hundredths(-5, buf, sizeof buf);
	ck_assert_str_eq(buf, "-0.05");
}
END_TEST

/* A comma-decimal locale changes nothing. */
START_TEST(locale_independent)
{
	const char *old = setlocale(LC_ALL, NULL);
	char saved[64];
	snprintf(saved, sizeof saved, "%s", old ? old : "C");
	if (!setlocale(LC_ALL, "de_DE.UTF-8") && !setlocale(LC_ALL, "de_DE.utf8") && !setlocale(LC_ALL, "fr_FR.UTF-8"))
		setlocale(LC_NUMERIC, "C"); /* not installed: the test still runs the code */
	lg_dec v = P("2532.15");
	ck_assert_str_eq(fmt(&v), "2532.15");
	long long h;
	lg_dec prev = P("2000");
	ck_assert(lg_dec_pct_change(&prev, &v, &h));
	char buf[32];
	lg_dec_format_hundredths(h, buf, sizeof buf);
	ck_assert_str_eq(buf, "26.61");
	setlocale(LC_ALL, saved);
}
END_TEST

Suite *suite_dec(void)
{
	Suite *s = suite_create("dec");
	TCase *tc = tcase_create("dec");
	tcase_add_test(tc, roundtrip_is_exact);
	tcase_add_test(tc, utoa_and_copy);
	tcase_add_test(tc, scaling_moves_the_point);
	tcase_add_test(tc, long_numbers);
	tcase_add_test(tc, compare_and_subtract);
	tcase_add_test(tc, percent_change);
	tcase_add_test(tc, locale_independent);
	suite_add_tcase(s, tc);
	return s;
}
