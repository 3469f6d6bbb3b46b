/* CSV cells through libcsv: quoting, Excel safety, GB18030, round trips. */
#include <csv.h>
#include <iconv.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lg_csv.h"
#include "test.h"

static char *write_cells(const lg_csv_opts *o, const char *const *cells, size_t n, const bool *numeric, size_t *len)
{
	char *buf = NULL;
	size_t sz = 0;
	FILE *f = open_memstream(&buf, &sz);
	lg_csv *c = lg_csv_new(f, o);
	for (size_t i = 0; i < n; i++) {
		if (numeric && numeric[i])
			lg_csv_num(c, cells[i]);
		else
			lg_csv_text(c, cells[i]);
	}
	lg_csv_endrow(c);
	ck_assert_int_eq(lg_csv_flush(c), LG_OK);
	lg_csv_free(c);
	fclose(f);
	*len = sz;
	return buf;
}

START_TEST(quoting_rfc4180)
{
	lg_csv_opts o = { ',', false, false, false };
	const char *cells[] = { "plain", "a,b", "say \"hi\"", "two\nlines", " pad", "罚款" };
	size_t n;
	char *out = write_cells(&o, cells, 6, NULL, &n);
	ck_assert_str_eq(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" pad\",罚款\n");
	free(out);
	o.crlf = true;
	out = write_cells(&o, cells, 1, NULL, &n);
	ck_assert_str_eq(out, "plain\r\n");
	free(out);
}
END_TEST

START_TEST(excel_mode)
{
	lg_csv_opts o = { ',', false, true, false };
	const char *cells[] = { "=HYPERLINK(\"x\")", "+1", "-3", "@SUM(A1)", "-3", "正文" };
	bool numeric[] = { 0, 0, 0, 0, 1, 0 };
	size_t n;
	char *out = write_cells(&o, cells, 6, numeric, &n);
	/* OWASP: an apostrophe in front, and the cell quoted */
	ck_assert_str_eq(out, "\xEF\xBB\xBF\"'=HYPERLINK(\"\"x\"\")\",\"'+1\",\"'-3\",\"'@SUM(A1)\",-3,正文\n");
	free(out);
}
END_TEST

START_TEST(gbk_output)
{
	lg_csv_opts o = { ',', false, false, true };
	const char *cells[] = { "嘉兴市应急管理局", "2364.85" };
	size_t n;
	char *out = write_cells(&o, cells, 2, NULL, &n);
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	char back[256], *ip = out, *op = back;
	size_t il = n, ol = sizeof back - 1;
	ck_assert(iconv(cd, &ip, &il, &op, &ol) != (size_t)-1);
	*op = '\0';
	iconv_close(cd);
	ck_assert_str_eq(back, "嘉兴市应急管理局,2364.85\n");
	ck_assert_uint_ne(n, strlen(back)); /* it really is another encoding */
	free(out);
}
END_TEST

typedef struct {
	char cells[16][256];
	int n;
	int rows;
} parsed;

static void on_field(void *s, size_t len, void *data)
{
	parsed *p = data;
	if (p->n < 16) {
		snprintf(p->cells[p->n], sizeof p->cells[0], "%.*s", (int)len, (const char *)s);
		p->n++;
	}
}

static void on_row(int c, void *data)
{
	(void)c;
	((parsed *)data)->rows++;
}

START_TEST(round_trip_with_libcsv)
{
	const char *cells[] = { "a,b", "q\"uote", "multi\r\nline", "全市累计罚没款2364.85万元,移交公安部门行政拘留87人", "" };
	lg_csv_opts o = { ',', false, false, false };
	size_t n;
	char *out = write_cells(&o, cells, 5, NULL, &n);
	struct csv_parser cp;
	ck_assert_int_eq(csv_init(&cp, CSV_STRICT), 0);
	parsed p;
	memset(&p, 0, sizeof p);
	ck_assert_uint_eq(csv_parse(&cp, out, n, on_field, on_row, &p), n);
	csv_fini(&cp, on_field, on_row, &p);
	csv_free(&cp);
	ck_assert_int_eq(p.rows, 1);
	ck_assert_int_eq(p.n, 5);
	for (int i = 0; i < 5; i++)
		ck_assert_str_eq(p.cells[i], cells[i]);
	free(out);
}
END_TEST

START_TEST(numbers_ignore_locale)
{
	char saved[64];
	const char *cur = setlocale(LC_ALL, NULL);
	snprintf(saved, sizeof saved, "%s", cur ? cur : "C");
	setlocale(LC_ALL, "de_DE.UTF-8");
	lg_dec v;
	lg_dec_parse("2532.15", 7, &v);
	char *buf = NULL;
	size_t sz = 0;
	FILE *f = open_memstream(&buf, &sz);
	lg_csv_opts o = { ',', false, false, false };
	lg_csv *c = lg_csv_new(f, &o);
	lg_csv_dec(c, &v);
	lg_csv_hundredths(c, -920);
	lg_csv_endrow(c);
	lg_csv_flush(c);
	lg_csv_free(c);
	fclose(f);
	ck_assert_str_eq(buf, "2532.15,-9.20\n");
	free(buf);
	setlocale(LC_ALL, saved);
}
END_TEST

Suite *suite_csv(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("csv");
	tcase_add_test(tc, quoting_rfc4180);
	tcase_add_test(tc, excel_mode);
	tcase_add_test(tc, gbk_output);
	tcase_add_test(tc, round_trip_with_libcsv);
	tcase_add_test(tc, numbers_ignore_locale);
	suite_add_tcase(s, tc);
	return s;
}
