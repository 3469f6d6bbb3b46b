/* Reading: encodings (UTF-8 with and without BOM, UTF-16 with and without BOM, GB18030),
 * the clean-text normal form, offsets back into the original bytes, and
 * bad input (empty, binary, invalid, truncated, huge). */
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lg_read.h"
#include "test.h"

static const char sample[] = "全市共检查企业8778家次，罚款2532.15万元。\n";

/* Convert UTF-8 to another encoding with iconv. */
static size_t convert(const char *to, const char *in, char *out, size_t cap)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	ck_assert(cd != (iconv_t)-1);
	char *ip = (char *)in, *op = out;
	size_t il = strlen(in), ol = cap;
	ck_assert(iconv(cd, &ip, &il, &op, &ol) != (size_t)-1);
	iconv_close(cd);
	return cap - ol;
}

static void expect_clean(const void *bytes, size_t n, lg_encoding want_enc)
{
	lg_text t;
	lg_text_init(&t);
	lg_err err;
	ck_assert_int_eq(lg_read_bytes(&t, bytes, n, LG_ENC_AUTO, &err), LG_OK);
	ck_assert_str_eq(t.s, sample);
	ck_assert_int_eq(t.enc, want_enc);
	lg_text_release(&t);
}

/* The word in the clean text t maps back to the same bytes of orig. */
static void maps_back(const lg_text *t, const char *orig, const char *word)
{
	const char *p = strstr(t->s, word);
	ck_assert_msg(p != NULL, "%s not in the clean text", word);
	size_t off = lg_text_orig_offset(t, (size_t)(p - t->s));
	ck_assert_msg(memcmp(orig + off, word, strlen(word)) == 0, "%s does not map back", word);
}

START_TEST(utf8_plain_and_bom)
{
	expect_clean(sample, strlen(sample), LG_ENC_UTF8);
	char buf[256] = "\xEF\xBB\xBF";
	strcat(buf, sample);
	expect_clean(buf, strlen(buf), LG_ENC_UTF8_BOM);
}
END_TEST

START_TEST(utf16_with_bom)
{
	char buf[512];
	buf[0] = (char)0xFF;
	buf[1] = (char)0xFE;
	size_t n = convert("UTF-16LE", sample, buf + 2, sizeof buf - 2);
	expect_clean(buf, n + 2, LG_ENC_UTF16LE);
	buf[0] = (char)0xFE;
	buf[1] = (char)0xFF;
	n = convert("UTF-16BE", sample, buf + 2, sizeof buf - 2);
	expect_clean(buf, n + 2, LG_ENC_UTF16BE);
}
END_TEST

/* UTF-16 some exports write without a byte-order mark: told from binary
 * by its code units being text in one byte order (一 is U+4E00, a NUL
 * byte in either order) */
START_TEST(utf16_without_bom)
{
	static const char text[] = "一是全年检查企业1236家次，一起罚款312.6万元。\n";
	char buf[512];
	size_t n = convert("UTF-16LE", text, buf, sizeof buf);
	lg_text t;
	lg_text_init(&t);
	lg_err err;
	ck_assert_int_eq(lg_read_bytes(&t, buf, n, LG_ENC_AUTO, &err), LG_OK);
	ck_assert_int_eq(t.enc, LG_ENC_UTF16LE);
	ck_assert_ptr_nonnull(strstr(t.s, "1236家次"));
	n = convert("UTF-16BE", text, buf, sizeof buf);
	ck_assert_int_eq(lg_read_bytes(&t, buf, n, LG_ENC_AUTO, &err), LG_OK);
	ck_assert_int_eq(t.enc, LG_ENC_UTF16BE);
	ck_assert_ptr_nonnull(strstr(t.s, "312.6万元"));
	/* an odd length is no UTF-16 */
	ck_assert_int_eq(lg_read_bytes(&t, buf, n - 1, LG_ENC_AUTO, &err), LG_ERR_BINARY);
	lg_text_release(&t);
}
END_TEST

/* Page numbers on lines of their own are cut with the line end before
 * them, so the sentence a page break split reads on; offsets still map
 * to the original bytes; a bare number (a table cell) stays. */
START_TEST(page_numbers_cut)
{
	static const char text[] = "全年发生生产安全事故5起，死亡\n- 4 -\n4人。罚款\n第 5 页 共 10 页\n12万元。\n— 12 —\n行政处罚\n354\n";
	lg_text t;
	lg_text_init(&t);
	lg_err err;
	ck_assert_int_eq(lg_read_bytes(&t, text, strlen(text), LG_ENC_AUTO, &err), LG_OK);
	ck_assert_str_eq(t.s, "全年发生生产安全事故5起，死亡\n4人。罚款\n12万元。\n行政处罚\n354\n");
	maps_back(&t, text, "4人");
	maps_back(&t, text, "12万元");
	lg_text_release(&t);
}
END_TEST

START_TEST(gb18030_detected_and_offsets_map_back)
{
	char buf[512];
	size_t n = convert("GB18030", sample, buf, sizeof buf);
	expect_clean(buf, n, LG_ENC_GB18030);
	lg_text t;
	lg_text_init(&t);
	lg_err err;
	ck_assert_int_eq(lg_read_bytes(&t, buf, n, LG_ENC_AUTO, &err), LG_OK);
	/* "8778" in clean text -> in the GB18030 bytes (CJK = 2 bytes there) */
	maps_back(&t, buf, "8778");
	maps_back(&t, buf, "2532.15");
	lg_text_release(&t);
}
END_TEST

START_TEST(forced_encoding)
{
	char buf[512];
	size_t n = convert("GB18030", sample, buf, sizeof buf);
	lg_text t;
	lg_text_init(&t);
	lg_err err;
	ck_assert_int_eq(lg_read_bytes(&t, buf, n, LG_ENC_GB18030, &err), LG_OK);
	ck_assert_str_eq(t.s, sample);
	/* forcing UTF-8 on GB18030 bytes is an error with the offset */
	ck_assert_int_eq(lg_read_bytes(&t, buf, n, LG_ENC_UTF8, &err), LG_ERR_ENCODING);
	/* 全 is C8 AB in GB18030, which happens to be a valid UTF-8 pair */
	ck_assert_str_eq(err.msg, "invalid UTF-8 byte sequence at offset 2");
	lg_encoding e;
	ck_assert_int_eq(lg_encoding_parse("gbk", &e), LG_OK);
	ck_assert_int_eq(e, LG_ENC_GB18030);
	ck_assert_int_eq(lg_encoding_parse("latin1", &e), LG_ERR_SYNTAX);
	lg_text_release(&t);
}
END_TEST

START_TEST(normal_form)
{
	const char *in = "全市\r\n检查企业８７７８家次（含乡镇），罚款：１２.５万元；\r\n[bookmark: _GoBack]我局\xE3\x80\x80执法\xC2\xA0人员\xE2\x80\x8B" "36人\rEnd";
	lg_text t;
	lg_text_init(&t);
	lg_err err;
	ck_assert_int_eq(lg_read_bytes(&t, in, strlen(in), LG_ENC_AUTO, &err), LG_OK);
	ck_assert_str_eq(t.s, "全市\n检查企业8778家次(含乡镇)，罚款:12.5万元;\n我局 执法 人员36人\nEnd");
	/* offsets after the removed artefact still point at the original */
	maps_back(&t, in, "36人");
	maps_back(&t, in, "End");
	lg_text_release(&t);
}
END_TEST

/* Text from a PDF that spaces out every character of a line loses its
 * single spaces there (two or more stay); lines of words with a space here
 * and there, and a table row, keep theirs.  A span of the clean text ends
 * in the original where its last character does, not after what was cut
 * behind it. */
START_TEST(letter_spaced_lines)
{
	const char *in = "全 区 共 检 查 企 业 1 2 0 0 家 次 ， 罚 款 2 5 6 . 5 万 元 。\n"
			 "罚款 256.5 万元，大足区 120 36 起\n"
			 "法 治 政 府  建 设 报 告\n"
			 "报 告\n"
			 "罚款5万元[bookmark: _GoBack]，完\n";
	lg_text t;
	lg_text_init(&t);
	lg_err err;
	ck_assert_int_eq(lg_read_bytes(&t, in, strlen(in), LG_ENC_AUTO, &err), LG_OK);
	ck_assert_str_eq(t.s, "全区共检查企业1200家次，罚款256.5万元。\n"
			      "罚款 256.5 万元，大足区 120 36 起\n"
			      "法治政府  建设报告\n"
			      "报 告\n"
			      "罚款5万元，完\n");
	static const struct {
		const char *clean, *orig;
	} spans[] = { { "1200家次", "1 2 0 0 家 次" }, { "256.5万元", "2 5 6 . 5 万 元" }, { "款5万元", "款5万元" } };
	for (size_t i = 0; i < sizeof spans / sizeof spans[0]; i++) {
		const char *p = strstr(t.s, spans[i].clean);
		ck_assert_ptr_nonnull(p);
		size_t a = lg_text_orig_offset(&t, (size_t)(p - t.s));
		size_t e = lg_text_orig_end(&t, (size_t)(p - t.s) + strlen(spans[i].clean));
		ck_assert_msg(e - a == strlen(spans[i].orig) && memcmp(in + a, spans[i].orig, e - a) == 0, "%s: '%.*s'",
			      spans[i].clean, (int)(e - a), in + a);
	}
	lg_text_release(&t);
}
END_TEST

/* A table written one cell per line becomes rows of cells parted by
 * tabs (an empty line an empty cell; or, when empty lines part every two
 * cells, no cell); label-and-number stacks and lists stay as they are. */
START_TEST(cells_per_line_to_rows)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "统计表\n序号\n单位\n检查企业（家次）\n罚款（万元）\n1\n市本级\n703\n256.5\n2\n各县区\n8075\n1234\n合计\n\n"
		  "8778\n1490.5\n说明：数据来自执法系统。\n",
		  "统计表\n序号\t单位\t检查企业(家次)\t罚款(万元)\n1\t市本级\t703\t256.5\n2\t各县区\t8075\t1234\n合计\t\t"
		  "8778\t1490.5\n说明:数据来自执法系统。\n" },
		{ "指标\n\n2020年\n\n2021年\n\n检查企业(家次)\n\n1200\n\n1350\n\n罚款(万元)\n\n356\n\n412\n",
		  "指标\t2020年\t2021年\n\n检查企业(家次)\t1200\t1350\n\n罚款(万元)\t356\t412\n" },
		/* label / number stacks, and a list, are no grid */
		{ "检查企业（家次）\n1860\n罚款（万元）\n356.2\n执法人员（人）\n42\n立案（起）\n12\n",
		  "检查企业(家次)\n1860\n罚款(万元)\n356.2\n执法人员(人)\n42\n立案(起)\n12\n" },
		{ "一、总体情况\n1\n二、主要做法\n3\n三、存在问题\n5\n四、下一步打算\n7\n",
		  "一、总体情况\n1\n二、主要做法\n3\n三、存在问题\n5\n四、下一步打算\n7\n" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		lg_text t;
		lg_text_init(&t);
		lg_err err;
		ck_assert_int_eq(lg_read_bytes(&t, cases[i].in, strlen(cases[i].in), LG_ENC_AUTO, &err), LG_OK);
		ck_assert_str_eq(t.s, cases[i].want);
		/* the cells still map back to themselves */
		const char *p = strstr(t.s, "1490.5");
		if (p)
			ck_assert_int_eq(memcmp(cases[i].in + lg_text_orig_offset(&t, (size_t)(p - t.s)), "1490.5", 6), 0);
		lg_text_release(&t);
	}
}
END_TEST

/* A full-width comma between full-width digits, three after it, separates
 * thousands (１，２３４ is 1,234) in every encoding; anywhere else it is the
 * clause break it looks like. */
START_TEST(full_width_thousands)
{
	static const char *const enc[] = { "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE" };
	const char *in = "检查企业１，２３４家次，立案１，２起，２，３４５６人，罚款１，２３４，５６７．８元，共４，５６７";
	const char *want = "检查企业1,234家次，立案1，2起，2，3456人，罚款1,234,567.8元，共4,567";
	for (size_t e = 0; e < sizeof enc / sizeof enc[0]; e++) {
		char buf[512];
		size_t n = 0;
		if (e >= 2) { /* with a byte order mark */
			buf[0] = (char)(e == 2 ? 0xFF : 0xFE);
			buf[1] = (char)(e == 2 ? 0xFE : 0xFF);
			n = 2;
		}
		n += convert(enc[e], in, buf + n, sizeof buf - n);
		lg_text t;
		lg_text_init(&t);
		lg_err err;
		ck_assert_int_eq(lg_read_bytes(&t, buf, n, LG_ENC_AUTO, &err), LG_OK);
		ck_assert_msg(strcmp(t.s, want) == 0, "%s: %s", enc[e], t.s);
		/* the separator maps back to the comma it was */
		const char *p = strstr(t.s, "1,234");
		size_t off = lg_text_orig_offset(&t, (size_t)(p - t.s) + 1);
		char comma[8];
		size_t cl = convert(enc[e], "，", comma, sizeof comma);
		ck_assert_int_eq(memcmp(buf + off, comma, cl), 0);
		lg_text_release(&t);
	}
}
END_TEST

/* The UTF-8 clean-up passes over plain text in blocks of 16 bytes; a
 * character it must look at closely (normalised, a line end, invalid) is
 * put at every offset against the blocks and must come out as it does on
 * its own: the same text, or the same error at the same byte. */
START_TEST(blocks_agree_at_every_offset)
{
	static const char *const bg[] = { "检", "查", "企", "业", "、", "a", "罚", "款", "。", "7", "“", "人" };
	static const struct {
		const char *in, *out; /* out NULL: invalid UTF-8 at the character */
	} sp[] = {
		{ "\xE3\x80\x80", " " },  { "８", "8" },	   { "\xC2\xA0", " " },	{ "，", "，" },
		{ "\n", "\n" },	       { "\xED\x9F\xBF", "\xED\x9F\xBF" }, { "\xEC\xBF\xBF", "\xEC\xBF\xBF" },
		{ "\xE3\x80\x81", "、" }, { "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80" }, { "（", "(" },
		{ "\xED\xA0\x80", NULL }, { "\xE0\x80\x80", NULL }, { "\x80", NULL },
		{ "\xE4\xB8", NULL },      { "\xFF", NULL },		  { "\xE3\x80", NULL },
		/* line ends, and the full-width comma after a full-width digit:
		 * a thousands separator or not */
		{ "\r\n", "\n" }, { "\r", "\n" }, { "\r\r\n", "\n\n" }, { "\xE2\x80\xA8", "\n" },
		{ "１，２３４", "1,234" }, { "８，", "8，" }, { "，１，２３４，", "，1,234，" },
		{ "”‖…", "”‖…" }, { "—", "-" }, { "\xE2\x80\xA9", "\n" },
	};
	lg_text t;
	lg_text_init(&t);
	/* both block widths: 32 bytes (AVX2, where the CPU has it) and 16 */
	for (int wide = 1; wide >= 0; wide--) {
		lg_set_avx2(wide);
		for (size_t k = 0; k < sizeof sp / sizeof sp[0]; k++) {
			for (int off = 0; off < 40; off++) {
				char in[512], want[512];
				size_t ni = 0, nw = 0;
				in[ni++] = want[nw++] = 'A';
				for (int c = 0; c < off; c++) {
					const char *b = bg[(c * 7 + off) % 12];
					memcpy(in + ni, b, strlen(b)), ni += strlen(b);
					memcpy(want + nw, b, strlen(b)), nw += strlen(b);
				}
				size_t at = ni;
				memcpy(in + ni, sp[k].in, strlen(sp[k].in)), ni += strlen(sp[k].in);
				if (sp[k].out)
					memcpy(want + nw, sp[k].out, strlen(sp[k].out)), nw += strlen(sp[k].out);
				for (int c = 0; c < 30; c++) {
					const char *b = bg[(c * 5 + 3) % 12];
					memcpy(in + ni, b, strlen(b)), ni += strlen(b);
					memcpy(want + nw, b, strlen(b)), nw += strlen(b);
				}
				want[nw] = '\0';
				lg_err err;
				lg_status st = lg_read_bytes(&t, in, ni, LG_ENC_UTF8, &err);
				if (sp[k].out) {
					ck_assert_msg(st == LG_OK, "special %zu at %d: status %d", k, off, (int)st);
					ck_assert_str_eq(t.s, want);
				} else {
					ck_assert_msg(st == LG_ERR_ENCODING, "special %zu at %d: status %d", k, off, (int)st);
					ck_assert_uint_eq(err.offset, at);
				}
			}
		}
	}
	lg_set_avx2(true);
	lg_text_release(&t);
}
END_TEST

/* lg_find is memmem: every literal at every offset and length of a text
 * of Chinese and ASCII, both block widths, agrees with glibc's answer --
 * first and last bytes alike elsewhere, a match cut by the end, a match
 * across a block's edge. */
START_TEST(find_agrees_with_memmem)
{
	static const char *const bg[] = { "未", "发", "生", "事", "故", "其", "中", "a", "，", "7" };
	static const char *const lits[] = { "未发生", "其中", "事故", "a", "生事", "故故", "未发生事故，", "7a" };
	char text[400];
	size_t n = 0;
	for (int c = 0; n + 4 < sizeof text; c++) {
		const char *b = bg[(c * 7 + c / 3) % 10];
		memcpy(text + n, b, strlen(b)), n += strlen(b);
	}
	for (int wide = 1; wide >= 0; wide--) {
		lg_set_avx2(wide);
		for (size_t k = 0; k < sizeof lits / sizeof lits[0]; k++) {
			size_t len = strlen(lits[k]);
			for (size_t a = 0; a < 80; a++) {
				for (size_t m = 0; a + m <= n; m += 1 + m / 8) {
					const char *want = memmem(text + a, m, lits[k], len);
					const char *got = lg_find(text + a, m, lits[k], len);
					ck_assert_msg(got == want, "'%s' in [%zu, +%zu), wide %d: %td, want %td", lits[k], a, m,
						      wide, got ? got - text : -1, want ? want - text : -1);
				}
			}
		}
	}
	lg_set_avx2(true);
}
END_TEST

START_TEST(html_entities)
{
	const char *in = "全市&nbsp;检查企业8778家次&#65292;罚款&ldquo;2532.15&rdquo;万元&amp;。";
	lg_text t;
	lg_text_init(&t);
	lg_err err;
	ck_assert_int_eq(lg_read_bytes(&t, in, strlen(in), LG_ENC_AUTO, &err), LG_OK);
	ck_assert_str_eq(t.s, "全市 检查企业8778家次，罚款“2532.15”万元&。");
	const char *p = strstr(t.s, "2532.15");
	ck_assert_int_eq(memcmp(in + lg_text_orig_offset(&t, (size_t)(p - t.s)), "2532.15", 7), 0);
	/* a numeric reference gets the normal form of what it stands for: a
	 * full-width digit, an ideographic space, a carriage return */
	const char *in2 = "罚款&#65297;&#65298;&#12288;万元&#13;检查";
	ck_assert_int_eq(lg_read_bytes(&t, in2, strlen(in2), LG_ENC_AUTO, &err), LG_OK);
	ck_assert_str_eq(t.s, "罚款12 万元\n检查");
	lg_text_release(&t);
}
END_TEST

/* Many clean-up edits in one file (a scraped page full of &nbsp;, a PDF
 * wrapped inside numbers, Word bookmarks): every number still maps back to
 * its own bytes. */
START_TEST(many_edits_keep_offsets)
{
	lg_buf in = LG_BUF_INIT;
	for (int i = 0; i < 3000; i++)
		lg_buf_addf(&in, "[bookmark: _GoBack]第%d段&nbsp;罚款1%04d&ldquo;万元&rdquo;,检查企业并依法处理相关问题共计%d\n%d家次。\n", i,
			    i, i, i % 10);
	lg_text t;
	lg_text_init(&t);
	lg_err err;
	ck_assert_int_eq(lg_read_bytes(&t, in.s, in.len, LG_ENC_AUTO, &err), LG_OK);
	ck_assert_ptr_null(strstr(t.s, "&nbsp;"));
	ck_assert_ptr_null(strstr(t.s, "bookmark"));
	int seen = 0;
	for (const char *p = t.s; (p = strstr(p, "罚款")) != NULL; p += 6, seen++) {
		size_t o = lg_text_orig_offset(&t, (size_t)(p + 6 - t.s));
		char want[8];
		snprintf(want, sizeof want, "1%04d", seen);
		ck_assert_int_eq(memcmp(in.s + o, want, 5), 0);
	}
	ck_assert_int_eq(seen, 3000);
	/* the wrapped count was joined: "共计2999\n9家次" reads 29999家次 */
	ck_assert_ptr_nonnull(strstr(t.s, "共计29999家次"));
	const char *q = strstr(t.s, "共计29999家次") + strlen("共计");
	ck_assert_int_eq(memcmp(in.s + lg_text_orig_offset(&t, (size_t)(q - t.s)), "2999\n", 5), 0);
	lg_text_release(&t);
	lg_buf_release(&in);
}
END_TEST

/* A table's row ending in a number over a row starting with one: no
 * number wrapped across the line end (186.5 / 2 stay apart), while the
 * same digits in a long wrapped prose line are joined. */
START_TEST(table_rows_not_joined)
{
	lg_text t;
	lg_text_init(&t);
	lg_err err;
	const char *a = "1\t区应急管理局执法检查情况统计表内容\t412\t186.5\n2\t各镇\t1,074\t158.7\n";
	ck_assert_int_eq(lg_read_bytes(&t, a, strlen(a), LG_ENC_AUTO, &err), LG_OK);
	ck_assert_ptr_nonnull(strstr(t.s, "186.5\n2\t"));
	const char *b = "全年共检查企业并依法处理相关问题隐患共计检查企业2999\n9家次。\n";
	ck_assert_int_eq(lg_read_bytes(&t, b, strlen(b), LG_ENC_AUTO, &err), LG_OK);
	ck_assert_ptr_nonnull(strstr(t.s, "29999家次"));
	lg_text_release(&t);
}
END_TEST

/* One lg_text read again and again (as each worker does): a text whose
 * clean-up edits rebuilt the offset map, then texts with many anchors. */
START_TEST(text_reused_after_edits)
{
	lg_text t;
	lg_text_init(&t);
	lg_err err;
	const char *a = "x&amp;y&amp;z&amp;w";
	ck_assert_int_eq(lg_read_bytes(&t, a, strlen(a), LG_ENC_AUTO, &err), LG_OK);
	ck_assert_str_eq(t.s, "x&y&z&w");
	/* UTF-16: every character an anchor's worth of offset shift */
	lg_buf u = LG_BUF_INIT;
	lg_buf_add(&u, "\xff\xfe", 2);
	for (int i = 0; i < 200; i++)
		lg_buf_add(&u, "\x0d\xff\x30\x00\x0a\x00", 6); /* full-width -, '0', newline */
	ck_assert_int_eq(lg_read_bytes(&t, u.s, u.len, LG_ENC_AUTO, &err), LG_OK);
	const char *last0 = strrchr(t.s, '0');
	ck_assert_ptr_nonnull(last0);
	ck_assert_uint_eq(lg_text_orig_offset(&t, (size_t)(last0 - t.s)), u.len - 4); /* its two bytes, then a newline */
	ck_assert_int_eq(lg_read_bytes(&t, a, strlen(a), LG_ENC_AUTO, &err), LG_OK);
	ck_assert_str_eq(t.s, "x&y&z&w");
	lg_buf_release(&u);
	lg_text_release(&t);
}
END_TEST

START_TEST(empty_and_blank)
{
	lg_text t;
	lg_text_init(&t);
	lg_err err;
	ck_assert_int_eq(lg_read_bytes(&t, "", 0, LG_ENC_AUTO, &err), LG_ERR_EMPTY);
	ck_assert_str_eq(err.msg, "empty file");
	ck_assert_int_eq(lg_read_bytes(&t, "\xEF\xBB\xBF \r\n\n", 7, LG_ENC_AUTO, &err), LG_ERR_EMPTY);
	ck_assert_ptr_nonnull(strstr(err.msg, "no text"));
	lg_text_release(&t);
}
END_TEST

START_TEST(binary_refused)
{
	const char bin[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
	lg_text t;
	lg_text_init(&t);
	lg_err err;
	ck_assert_int_eq(lg_read_bytes(&t, bin, sizeof bin - 1, LG_ENC_AUTO, &err), LG_ERR_BINARY);
	ck_assert_str_eq(err.msg, "binary file (NUL byte at offset 8), skipped");
	lg_text_release(&t);
}
END_TEST

START_TEST(invalid_utf8_named_with_offset)
{
	/* plenty of valid UTF-8, then a stray byte: corrupt UTF-8, not GBK */
	char buf[512];
	snprintf(buf, sizeof buf, "%s%s\xFF" "%s", sample, sample, sample);
	lg_text t;
	lg_text_init(&t);
	lg_err err;
	ck_assert_int_eq(lg_read_bytes(&t, buf, strlen(buf), LG_ENC_AUTO, &err), LG_ERR_ENCODING);
	char want[128];
	snprintf(want, sizeof want, "invalid UTF-8 byte sequence at offset %zu", 2 * strlen(sample));
	ck_assert_str_eq(err.msg, want);
	/* bytes that are neither UTF-8 nor GB18030 */
	ck_assert_int_eq(lg_read_bytes(&t, "ab\x80\x80\x80", 5, LG_ENC_AUTO, &err), LG_ERR_ENCODING);
	ck_assert_str_eq(err.msg, "not valid UTF-8 or GB18030 text (invalid byte at offset 2)");
	lg_text_release(&t);
}
END_TEST

START_TEST(truncated_at_end)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s", sample);
	size_t n = strlen(buf);
	memcpy(buf + n, "\xE4\xB8", 2); /* the first two bytes of 中 */
	lg_text t;
	lg_text_init(&t);
	lg_err err;
	ck_assert_int_eq(lg_read_bytes(&t, buf, n + 2, LG_ENC_AUTO, &err), LG_OK);
	ck_assert_str_eq(t.s, sample);
	ck_assert_ptr_nonnull(strstr(t.warnings.s, "truncated multibyte character"));
	lg_text_release(&t);
}
END_TEST

/* 50 MB on one line: read, cleaned, and every byte accounted for. */
START_TEST(huge_single_line)
{
	size_t n = 50u << 20;
	char *big = malloc(n + 1);
	ck_assert_ptr_nonnull(big);
	static const char unit[] = "检查企业8778家次，罚款2532.15万元，";
	size_t ul = strlen(unit), k = 0;
	while (k + ul <= n) {
		memcpy(big + k, unit, ul);
		k += ul;
	}
	lg_text t;
	lg_text_init(&t);
	lg_err err;
	ck_assert_int_eq(lg_read_bytes(&t, big, k, LG_ENC_AUTO, &err), LG_OK);
	ck_assert_uint_eq(t.n, k);
	ck_assert_uint_eq(lg_text_orig_offset(&t, t.n - 5), k - 5);
	free(big);
	lg_text_release(&t);
}
END_TEST

START_TEST(files_and_errors)
{
	char *dir = t_tmpdir();
	char path[4200];
	snprintf(path, sizeof path, "%s/r.txt", dir);
	t_write(path, sample, strlen(sample));
	lg_text t;
	lg_text_init(&t);
	lg_err err;
	ck_assert_int_eq(lg_read_file(&t, path, LG_ENC_AUTO, &err), LG_OK);
	ck_assert_str_eq(t.s, sample);
	snprintf(path, sizeof path, "%s/missing.txt", dir);
	ck_assert_int_eq(lg_read_file(&t, path, LG_ENC_AUTO, &err), LG_ERR_IO);
	ck_assert_str_eq(err.msg, "cannot open: No such file or directory");
	ck_assert_int_eq(lg_read_file(&t, dir, LG_ENC_AUTO, &err), LG_ERR_IO);
	ck_assert_str_eq(err.msg, "is a directory");
	/* a file whose read fails (EIO), whoever we run as */
	ck_assert_int_eq(lg_read_file(&t, "/proc/self/mem", LG_ENC_AUTO, &err), LG_ERR_IO);
	ck_assert_ptr_nonnull(strstr(err.msg, "cannot read"));
	lg_text_release(&t);
	t_rmtree(dir);
	free(dir);
}
END_TEST

Suite *suite_read(void)
{
	Suite *s = suite_create("read");
	TCase *tc = tcase_create("encodings");
	tcase_add_test(tc, utf8_plain_and_bom);
	tcase_add_test(tc, find_agrees_with_memmem);
	tcase_add_test(tc, utf16_with_bom);
	tcase_add_test(tc, utf16_without_bom);
	tcase_add_test(tc, page_numbers_cut);
	tcase_add_test(tc, gb18030_detected_and_offsets_map_back);
	tcase_add_test(tc, forced_encoding);
	tcase_add_test(tc, normal_form);
	tcase_add_test(tc, letter_spaced_lines);
	tcase_add_test(tc, cells_per_line_to_rows);
	tcase_add_test(tc, full_width_thousands);
	tcase_add_test(tc, html_entities);
	tcase_add_test(tc, many_edits_keep_offsets);
	tcase_add_test(tc, text_reused_after_edits);
	tcase_add_test(tc, table_rows_not_joined);
	suite_add_tcase(s, tc);
	tc = tcase_create("bad input");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, empty_and_blank);
	tcase_add_test(tc, binary_refused);
	tcase_add_test(tc, invalid_utf8_named_with_offset);
	tcase_add_test(tc, truncated_at_end);
	tcase_add_test(tc, blocks_agree_at_every_offset);
	tcase_add_test(tc, huge_single_line);
	tcase_add_test(tc, files_and_errors);
	suite_add_tcase(s, tc);
	return s;
}
