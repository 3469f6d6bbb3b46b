/* The vocabulary as data: the built-in file, extending and replacing it,
 * and clear errors for a broken one. */
#include <stdio.h>
#include <string.h>

#include "lg_vocab.h"
#include "test.h"

static const char *const required[] = {
	"检查企业", "立案", "行政处罚", "罚款", "罚没款", "责令停产停业", "行政拘留", "移送司法",
	"生产安全事故", "事故死亡", "隐患排查", "隐患整改", "行政许可", "执法人员", "宣传资料", "培训人次",
	"应急预案", "应急演练", "救援队伍", "自然灾害", "行政复议", "行政诉讼",
};

START_TEST(builtin_has_the_indicators)
{
	const lg_vocab *v = t_vocab();
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
		ck_assert_msg(lg_vocab_find(v, required[i]) >= 0, "missing %s", required[i]);
	int k = lg_vocab_find(v, "fines");
	ck_assert_int_eq(k, lg_vocab_find(v, "罚款"));
	const lg_indicator *d = lg_vocab_get(v, (size_t)k);
	ck_assert_str_eq(d->unit, "万元");
	ck_assert_str_eq(d->proxy, "罚没款");
	ck_assert_int_eq(lg_vocab_find(v, "nonesuch"), -1);
}
END_TEST

START_TEST(units_accepted)
{
	const lg_vocab *v = t_vocab();
	const lg_indicator *d = lg_vocab_get(v, (size_t)lg_vocab_find(v, "行政许可"));
	const char *u;
	ck_assert(lg_vocab_accepts(d, "项", &u));
	ck_assert_str_eq(u, "件"); /* a `same` unit is reported as the canonical one */
	ck_assert(lg_vocab_accepts(d, "家次", &u));
	ck_assert_str_eq(u, "家次"); /* an `accept` unit is kept */
	ck_assert(!lg_vocab_accepts(d, "万元", &u));
	d = lg_vocab_get(v, (size_t)lg_vocab_find(v, "立案"));
	ck_assert(lg_vocab_accepts(d, "起", &u)); /* 宗 arrives as 起 */
}
END_TEST

START_TEST(extend_and_replace)
{
	lg_vocab *v = lg_vocab_new();
	lg_err err;
	ck_assert_int_eq(lg_vocab_load_default(v, &err), LG_OK);
	size_t before = lg_vocab_count(v);
	const char *extra = "[indicator 警示教育]\nid = warning_education\nunit = 次\nsame = 人次\ntrigger = 警示教育\n\n"
			    "[indicator 罚款]\nid = fines\nunit = 万元\ntrigger = 罚金\n";
	ck_assert_int_eq(lg_vocab_parse(v, extra, strlen(extra), "mine.conf", &err), LG_OK);
	ck_assert_int_eq(lg_vocab_compile(v, &err), LG_OK);
	ck_assert_uint_eq(lg_vocab_count(v), before + 1); /* 罚款 replaced, 警示教育 added */
	const lg_indicator *d = lg_vocab_get(v, (size_t)lg_vocab_find(v, "罚款"));
	ck_assert_str_eq(d->trigger_src, "罚金");
	ck_assert_ptr_null(d->proxy);
	const char *only = "[vocab]\nmode = replace\n[indicator 约谈]\nid = interviews\nunit = 次\ntrigger = 约谈\n";
	ck_assert_int_eq(lg_vocab_parse(v, only, strlen(only), "only.conf", &err), LG_OK);
	ck_assert_int_eq(lg_vocab_compile(v, &err), LG_OK);
	ck_assert_uint_eq(lg_vocab_count(v), 1);
	lg_vocab_free(v);
}
END_TEST

static void expect_error(const char *text, lg_status st, const char *msg)
{
	lg_vocab *v = lg_vocab_new();
	lg_err err = { "", 0 };
	lg_status got = lg_vocab_parse(v, text, strlen(text), "bad.conf", &err);
	if (got == LG_OK)
		got = lg_vocab_compile(v, &err);
	ck_assert_int_eq(got, st);
	ck_assert_msg(strcmp(err.msg, msg) == 0, "want '%s', got '%s'", msg, err.msg);
	lg_vocab_free(v);
}

START_TEST(broken_vocabularies)
{
	expect_error("[indicator 罚款]\nid = fines\nunit = 万元\ntrigger = 罚(款\n", LG_ERR_PATTERN,
		     "bad.conf:4: indicator 罚款: trigger: PCRE2 error at offset 7: missing closing parenthesis");
	expect_error("[indicator 罚款]\nid = fines\nunit = 万元\ntrigger = 罚款\ntrigger = 罚金\nexclude = 免除\nexclude = (?<x\n",
		     LG_ERR_PATTERN, "bad.conf:7: indicator 罚款: exclude: PCRE2 error at offset 4: syntax error in subpattern name (missing terminator?)");
	expect_error("[indicator 罚款]\nid = fines\nunit = 万元\ntrigger = 罚款\nfoo = bar\n", LG_ERR_SYNTAX,
		     "bad.conf:5: indicator 罚款: unknown key `foo`");
	expect_error("[indicator 罚款]\nid = fines\nunit = 斤\ntrigger = 罚款\n", LG_ERR_SYNTAX,
		     "bad.conf:1: indicator 罚款: unknown unit '斤'");
	expect_error("[indicator 罚款]\nunit = 万元\ntrigger = 罚款\n", LG_ERR_SYNTAX,
		     "bad.conf:1: indicator 罚款: needs an `id` of lowercase ASCII letters, digits, _ or -");
	expect_error("[indicator 罚款\n", LG_ERR_SYNTAX,
		     "bad.conf:1: malformed section header (expected [indicator NAME], [scope NAME], [rules] or [vocab])");
	expect_error("just words\n", LG_ERR_SYNTAX, "bad.conf:1: expected `key = value`");
	expect_error("[indicator 罚款]\nid = fines\nunit = 万元\ntrigger = 罚款\nscope = 全国\n", LG_ERR_SYNTAX,
		     "bad.conf:5: indicator 罚款: unknown scope '全国' (use 全辖区, 本级, 乡镇 or 专项)");
	expect_error("[scope 全国]\n", LG_ERR_SYNTAX, "bad.conf:1: unknown scope '全国' (use 全辖区, 本级, 乡镇 or 专项)");
	expect_error("[rules]\nplan = (?<\n", LG_ERR_PATTERN,
		     "bad.conf:2: rules: plan: PCRE2 error at offset 3: subpattern name expected");
	expect_error("[indicator a]\nid = x\nunit = 件\ntrigger = a\n[indicator b]\nid = x\nunit = 件\ntrigger = b\n",
		     LG_ERR_SYNTAX, "bad.conf:5: indicator b: id 'x' is already used by a");
}
END_TEST

START_TEST(scopes_parse)
{
	lg_scope sc;
	ck_assert(lg_scope_parse("本级", &sc));
	ck_assert_int_eq(sc, LG_SCOPE_BUREAU);
	ck_assert(lg_scope_parse("campaign", &sc));
	ck_assert_int_eq(sc, LG_SCOPE_CAMPAIGN);
	ck_assert(!lg_scope_parse("全国", &sc));
	ck_assert_int_lt(lg_vocab_scope_rank(t_vocab(), LG_SCOPE_ALL), lg_vocab_scope_rank(t_vocab(), LG_SCOPE_BUREAU));
}
END_TEST

Suite *suite_vocab(void)
{
	Suite *s = suite_create("vocab");
	TCase *tc = tcase_create("vocab");
	tcase_add_test(tc, builtin_has_the_indicators);
	tcase_add_test(tc, units_accepted);
	tcase_add_test(tc, extend_and_replace);
	tcase_add_test(tc, broken_vocabularies);
	tcase_add_test(tc, scopes_parse);
	suite_add_tcase(s, tc);
	return s;
}
