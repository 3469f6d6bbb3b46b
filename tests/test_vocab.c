/* The vocabulary as data: the built-in file, extending and replacing it,
 * and clear errors for a broken one. */
#include <stdio.h>
#include <string.h>

#include "lg_read.h"
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

/* A rule anchored with \G is looked for by its leading word first: the
 * word comes from the pattern (data), none when it has none. */
START_TEST(anchored_rule_leading_word)
{
	ck_assert_str_eq(lg_vocab_rule_lead(t_vocab(), LG_RULE_CAMPAIGN_OPENS), "开展");
	ck_assert_ptr_null(lg_vocab_rule_lead(t_vocab(), LG_RULE_TOWNSHIP));
	ck_assert_ptr_null(lg_vocab_rule_lead(t_vocab(), LG_RULE_PLAN));
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
	expect_error("[indicator 罚没款]\nid = fc\nunit = 万元\ntrigger = 罚没\nparts = 罚款 没收\n", LG_ERR_SYNTAX,
		     "bad.conf:1: indicator 罚没款: part '罚款' is not an indicator");
	/* a `none` alternative must begin with a word (it is looked for first) */
	expect_error("[indicator 事故]\nid = acc\nunit = 起\ntrigger = 事故\nnone = 未发生事故|(无|没有)事故\n",
		     LG_ERR_SYNTAX,
		     "bad.conf:5: indicator 事故: each alternative of `none` must begin with a word (未发生…), not a pattern");
	expect_error("[indicator 事故]\nid = acc\nunit = 起\ntrigger = 事故\nnone = 未发生(事故\n", LG_ERR_PATTERN,
		     "bad.conf:5: indicator 事故: none: PCRE2 error at offset 16: missing closing parenthesis");
	/* the error names the `wider` line, not the section's */
	expect_error("[indicator 处罚]\nid = pen\nunit = 起\ntrigger = 处罚\n\nwider = 各类案件\nwider = (执法案件\n",
		     LG_ERR_PATTERN, "bad.conf:7: indicator 处罚: wider: PCRE2 error at offset 13: missing closing parenthesis");
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

/* Every match the prefiltered search finds is the one PCRE2 alone finds:
 * walk all matches of re in s with both and compare the spans. */
static void agree(const lg_re *re, pcre2_match_data *md, const char *s, size_t n, const char *what)
{
	size_t from = 0;
	for (;;) {
		size_t a1 = 0, b1 = 0, a2 = 0, b2 = 0;
		bool f1 = lg_re_search(re, md, s, n, from, &a1, &b1);
		bool f2 = lg_re_search_unfiltered(re, md, s, n, from, &a2, &b2);
		ck_assert_msg(f1 == f2 && a1 == a2 && b1 == b2, "%s: from %zu in '%.*s': filtered %d [%zu,%zu), PCRE2 %d [%zu,%zu)",
			      what, from, (int)n, s, f1, a1, b1, f2, a2, b2);
		if (!f1)
			return;
		from = b1 > a1 ? b1 : a1 + 1;
		while (from < n && ((unsigned char)s[from] & 0xC0) == 0x80)
			from++;
		if (from > n)
			return;
	}
}

static void agree_all(const lg_vocab *v, pcre2_match_data *md, const char *s, size_t n)
{
	for (size_t i = 0; i < lg_vocab_count(v); i++) {
		const lg_indicator *d = lg_vocab_get(v, i);
		agree(d->trigger, md, s, n, d->name);
		agree(d->trigger_end, md, s, n, d->name);
		if (d->exclude)
			agree(d->exclude, md, s, n, d->name);
		if (d->context)
			agree(d->context, md, s, n, d->name);
	}
	for (int r = 0; r < LG_RULE_COUNT; r++)
		agree(lg_vocab_rule(v, (lg_rule)r), md, s, n, "rule");
	agree(lg_vocab_any_rule(v), md, s, n, "rules");
	agree(lg_vocab_campaign(v), md, s, n, "campaign");
	agree(lg_vocab_context(v, "市"), md, s, n, "context");
}

START_TEST(prefilter_agrees_with_pcre2)
{
	const lg_vocab *v = t_vocab();
	pcre2_match_data *md = lg_vocab_match_data_new(v);
	/* the triggers must be prefiltered, or the test proves nothing */
	size_t filtered = 0;
	for (size_t i = 0; i < lg_vocab_count(v); i++)
		filtered += lg_re_filtered(lg_vocab_get(v, i)->trigger);
	ck_assert_uint_ge(filtered * 10, lg_vocab_count(v) * 9);
	ck_assert(lg_re_filtered(lg_vocab_context(v, "市")) && lg_re_filtered(lg_vocab_campaign(v)));
	static const char *const seeds[] = { "seeds/dazu-2021.txt", "seeds/jiaxing-2024.txt", "seeds/kaiping-2019.txt",
					     "seeds/luoyang-2021.txt", "seeds/yulin-2023.txt" };
	lg_buf b = LG_BUF_INIT;
	for (size_t k = 0; k < sizeof seeds / sizeof seeds[0]; k++) {
		ck_assert(t_slurp(t_path(seeds[k]), &b));
		/* line by line, as the extractor searches sentences */
		for (size_t i = 0; i < b.len;) {
			const char *nl = memchr(b.s + i, '\n', b.len - i);
			size_t e = nl ? (size_t)(nl - b.s) : b.len;
			agree_all(v, md, b.s + i, e - i);
			i = e + 1;
		}
	}
	lg_buf_release(&b);
	pcre2_match_data_free(md);
}
END_TEST

/* Patterns the prefilter cannot enumerate are left unfiltered, and those
 * it can are still exact: lookbehinds, word boundaries, caseless, `.`,
 * negated classes, empty matches, \d and \s under UCP. */
START_TEST(prefilter_odd_patterns)
{
	static const struct {
		const char *pat;
		int filtered; /* 1 must be, 0 must not be */
	} cases[] = {
		{ "(?<=全市)检查", 0 }, { "\\b罚款", 0 }, { "(?i)fine", 0 }, { ".罚款", 0 }, { "[^的]罚款", 0 },
		{ "罚款?", 1 }, { "(?:罚款)?", 0 }, { "(?!罚没)罚", 1 }, { "\\d+起", 1 }, { "\\s*罚款", 1 },
		{ "\\s+罚款", 1 }, { "[罚处]款", 1 }, { "(?<!不予)处罚", 1 }, { "\\x{7F5A}款", 0 }, { "$", 0 },
		{ "检查(?=企业)", 1 }, { "(?:全|各)[市区县]", 1 }, { "\\351罚", 0 },
		/* a character after a literal one is not probed: after a group's
		 * opening, a class, an escape, a quantifier it must be */
		{ "(?:罚款)处", 1 }, { "(?<n>罚)款", 1 }, { "[款罚]没", 1 }, { "[]罚]款", 1 }, { "处?罚款", 1 },
		{ "处{0,2}罚", 1 }, { "\\s罚", 1 }, { "没收|罚没", 1 }, { "(?=罚)罚款", 1 },
		/* begins where the search does (^, \\G, .*): asked of that character only */
		{ "^罚款", 1 }, { "^(共计|合计|共)(为|达)?$", 1 }, { "^罚|没收", 1 }, { ".*罚款", 0 },
	};
	static const char *const texts[] = {
		"全市检查企业120家，罚款30万元，不予处罚5起。", "罚没款12万元；处款", "fine FINE Fine",
		"共计 罚款 3 起\u3000罚款", "\u0663\u0664起 和 ３起 与 12起", "的罚款 了罚款", "各区、全县检查",
		"", "罚", "罚款处 款没 罚没 ]款 处处罚 没收罚没",
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char conf[512];
		snprintf(conf, sizeof conf, "[vocab]\nmode = replace\n[indicator 试验]\nid = probe\nunit = 次\ntrigger = %s\n",
			 cases[i].pat);
		lg_vocab *v = lg_vocab_new();
		lg_err err;
		ck_assert_int_eq(lg_vocab_parse(v, conf, strlen(conf), "probe.conf", &err), LG_OK);
		ck_assert_msg(lg_vocab_compile(v, &err) == LG_OK, "%s: %s", cases[i].pat, err.msg);
		const lg_re *re = lg_vocab_get(v, 0)->trigger;
		ck_assert_msg(lg_re_filtered(re) == (cases[i].filtered != 0), "%s: filtered %d", cases[i].pat,
			      lg_re_filtered(re));
		pcre2_match_data *md = lg_vocab_match_data_new(v);
		for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
			for (size_t from = 0; from <= strlen(texts[k]); from++) {
				if (((unsigned char)texts[k][from] & 0xC0) == 0x80)
					continue;
				size_t a1 = 0, b1 = 0, a2 = 0, b2 = 0;
				bool f1 = lg_re_search(re, md, texts[k], strlen(texts[k]), from, &a1, &b1);
				bool f2 = lg_re_search_unfiltered(re, md, texts[k], strlen(texts[k]), from, &a2, &b2);
				ck_assert_msg(f1 == f2 && a1 == a2 && b1 == b2, "%s in '%s' from %zu", cases[i].pat, texts[k],
					      from);
			}
		pcre2_match_data_free(md);
		lg_vocab_free(v);
	}
}
END_TEST

/* The set of indicators that may begin in a subject, looked up once, is
 * lg_re_may_begin of each: windows of every seed line for the built-in
 * vocabulary, and a vocabulary of 70 indicators (two words of a set) with
 * unfiltered patterns and a character beyond U+FFFF. */
static void set_agrees(const lg_vocab *v, const uint32_t *cps, size_t n)
{
	uint64_t set[4] = { 0 }, eset[4] = { 0 };
	ck_assert_uint_le(lg_vocab_set_words(v), 4);
	lg_vocab_may_begin_set(v, false, cps, n, set);
	lg_vocab_may_begin_set(v, true, cps, n, eset);
	for (size_t i = 0; i < lg_vocab_count(v); i++) {
		const lg_indicator *d = lg_vocab_get(v, i);
		ck_assert_msg(((set[i / 64] >> (i % 64)) & 1) == lg_re_may_begin(d->trigger, cps, n), "%s, %zu cps", d->name, n);
		ck_assert_msg(((eset[i / 64] >> (i % 64)) & 1) == lg_re_may_begin(d->trigger_end, cps, n), "%s end", d->name);
	}
}

static void set_agrees_text(const lg_vocab *v, const char *s, size_t n)
{
	uint32_t cps[512];
	size_t nc = 0;
	for (size_t i = 0; i < n && nc < 512;) {
		unsigned u;
		i += lg_utf8_decode(s + i, &u);
		cps[nc++] = u;
	}
	for (size_t a = 0; a < nc; a += 3)
		set_agrees(v, cps + a, nc - a < 12 ? nc - a : 12);
}

START_TEST(indicator_sets_agree)
{
	const lg_vocab *v = t_vocab();
	lg_buf b = LG_BUF_INIT;
	ck_assert(t_slurp(t_path("seeds/dazu-2021.txt"), &b));
	for (size_t i = 0; i < b.len;) {
		const char *nl = memchr(b.s + i, '\n', b.len - i);
		size_t e = nl ? (size_t)(nl - b.s) : b.len;
		set_agrees_text(v, b.s + i, e - i);
		i = e + 1;
	}
	lg_buf_release(&b);

	lg_buf conf = LG_BUF_INIT;
	lg_buf_adds(&conf, "[vocab]\nmode = replace\n");
	static const char *const trig[] = { "罚款", "(?<=全市)检查", "检查|执法", "[立结]案", "\\d+起", "培训", "事故" };
	for (int i = 0; i < 70; i++) {
		char sec[160];
		snprintf(sec, sizeof sec, "[indicator 试验%d]\nid = p%d\nunit = 次\ntrigger = %s\n", i, i, trig[i % 7]);
		lg_buf_adds(&conf, sec);
	}
	lg_vocab *w = lg_vocab_new();
	lg_err err;
	ck_assert_int_eq(lg_vocab_parse(w, conf.s, conf.len, "probe.conf", &err), LG_OK);
	ck_assert_msg(lg_vocab_compile(w, &err) == LG_OK, "%s", err.msg);
	ck_assert_uint_eq(lg_vocab_set_words(w), 2);
	static const char *const texts[] = { "全市检查企业120家，罚款30万元", "立案5起，结案4起", "培训😀人员", "无关的话", "" };
	for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
		set_agrees_text(w, texts[k], strlen(texts[k]));
	lg_vocab_free(w);
	lg_buf_release(&conf);
}
END_TEST

Suite *suite_vocab(void)
{
	Suite *s = suite_create("vocab");
	TCase *tc = tcase_create("vocab");
	tcase_add_test(tc, builtin_has_the_indicators);
	tcase_add_test(tc, units_accepted);
	tcase_add_test(tc, anchored_rule_leading_word);
	tcase_add_test(tc, extend_and_replace);
	tcase_add_test(tc, broken_vocabularies);
	tcase_add_test(tc, scopes_parse);
	tcase_add_test(tc, prefilter_agrees_with_pcre2);
	tcase_add_test(tc, prefilter_odd_patterns);
	tcase_add_test(tc, indicator_sets_agree);
	suite_add_tcase(s, tc);
	return s;
}
