/* relit: the literal strings read from a pattern, and that they never turn
 * away a subject the pattern matches. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lg_relit.h"
#include "lg_vocab.h"
#include "test.h"

/* The set as its strings sorted and joined by spaces; "-" for none. */
static void joined(const lg_relit *l, char *out, size_t cap)
{
	size_t n = lg_relit_count(l);
	if (!n) {
		snprintf(out, cap, "-");
		return;
	}
	char words[32][64];
	for (size_t i = 0; i < n && i < 32; i++) {
		size_t len;
		const char *s = lg_relit_get(l, i, &len);
		snprintf(words[i], sizeof words[i], "%.*s", (int)len, s);
	}
	qsort(words, n, sizeof words[0], (int (*)(const void *, const void *))strcmp);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strncat(out, " ", cap - strlen(out) - 1);
		strncat(out, words[i], cap - strlen(out) - 1);
	}
}

static const uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_DOTALL;

static const struct {
	const char *pat, *want;
} sets[] = {
	{ "罚款", "罚款" },
	{ "[罚处]款", "处款 罚款" },
	{ "百日(?:攻坚)?行动", "百日攻坚行动 百日行动" },
	{ "罚款?", "罚 罚款" },
	{ "(?=罚款)处罚", "处罚" },
	{ "(?<!不予)处罚", "处罚" },
	{ "\\d+万元", "万元" },
	{ "罚款|.*处罚", "处罚 罚款" },
	{ "(罚款)+", "罚款" },
	{ "罚{2}", "罚" },
	{ "罚{0,2}款", "款" },
	{ "[^罚]款", "款" },
	{ "a\\.b", "a.b" },
	{ "(?<n>罚)款", "罚款" },
	{ "(?P<n>罚)款", "罚款" },
	{ "[]罚]款", "]款 罚款" },
	{ "[[:alpha:]]罚", "罚" },
	{ "(?:全|各)[市区]", "全区 全市 各区 各市" },
	/* the longest shortest string wins: 三年行动 and 大检查 (9 bytes) over
	 * 深入开展, 开展 (6) */
	{ "\\G(?:深入|扎实)?开展[^，]{0,16}?(?:三年行动|大检查)$", "三年行动 大检查" },
	{ "\\b(?>罚没|罚款)\\B", "罚款 罚没" },
	/* nothing every match must hold */
	{ "罚款|\\d+", "-" },
	{ "(?:罚款)?", "-" },
	{ "罚*", "-" },
	{ "", "-" },
	{ "$", "-" },
	{ "(?=罚款)", "-" },
	{ "(?:a1|a2|a3|a4|a5|a6|a7|a8|a9|b1|b2|b3|b4|b5|b6|b7|b8)", "-" },
	/* what it does not read gives no set, never a wrong one */
	{ "(?i)fine", "-" },
	{ "\\Q罚款\\E", "-" },
	{ "罚{", "-" },
	{ "罚{,2}款", "-" },
	{ "(?#罚)款", "-" },
	{ "(*UTF)罚款", "-" },
	{ "\\x{7F5A}款", "-" },
	{ "(罚)\\1款", "-" },
	{ "(?(1)罚|款)", "-" },
	{ "(?P=n)罚", "-" },
	{ "罚]", "-" },
	{ "(罚款", "-" },
};

START_TEST(derived_sets)
{
	for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
		lg_relit *l = lg_relit_new(sets[i].pat, opts);
		char got[512];
		joined(l, got, sizeof got);
		ck_assert_msg(strcmp(got, sets[i].want) == 0, "%s: got '%s', want '%s'", sets[i].pat, got, sets[i].want);
		lg_relit_free(l);
	}
	/* caseless or extended matching: no set */
	ck_assert_ptr_null(lg_relit_new("罚款", opts | PCRE2_CASELESS));
	ck_assert_ptr_null(lg_relit_new("罚款", opts | PCRE2_EXTENDED));
	lg_relit *anchored = lg_relit_new("罚款", opts | PCRE2_ANCHORED);
	ck_assert_ptr_nonnull(anchored);
	lg_relit_free(anchored);
}
END_TEST

START_TEST(may_match_scans)
{
	lg_relit *l = lg_relit_new("三年行动|打非治违|a", opts);
	ck_assert_ptr_nonnull(l);
	ck_assert(lg_relit_may_match(l, "扎实开展安全生产专项整治三年行动", strlen("扎实开展安全生产专项整治三年行动")));
	ck_assert(lg_relit_may_match(l, "打非治违", strlen("打非治违")));
	ck_assert(lg_relit_may_match(l, "xa", 2));
	ck_assert(!lg_relit_may_match(l, "三是扎实开展专项整治", strlen("三是扎实开展专项整治")));
	/* only the bytes given: 三年行动 cut short is not there */
	ck_assert(!lg_relit_may_match(l, "三年行动", strlen("三年行动") - 1));
	ck_assert(!lg_relit_may_match(l, "", 0));
	lg_relit_free(l);
	/* no set: anything may match */
	ck_assert(lg_relit_may_match(NULL, "", 0));
}
END_TEST

/* Every match of a pattern lies in a subject the set lets through: for
 * the patterns above and subjects made of their own characters. */
START_TEST(never_turns_away_a_match)
{
	static const char *const extra[] = { "1", "2", "，", "。", "的", "a", "b", "]" };
	unsigned seed = 12345;
	pcre2_match_data *md = pcre2_match_data_create(32, NULL);
	long matched = 0;
	for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
		int ec;
		PCRE2_SIZE eo;
		pcre2_code *re = pcre2_compile((PCRE2_SPTR)sets[i].pat, PCRE2_ZERO_TERMINATED, opts, &ec, &eo, NULL);
		if (!re)
			continue; /* (罚款, 罚] and the like */
		lg_relit *l = lg_relit_new(sets[i].pat, opts);
		/* the pattern's own characters (not its syntax) and a few more */
		char alpha[64][5];
		size_t na = 0;
		for (const unsigned char *p = (const unsigned char *)sets[i].pat; *p && na < 56;) {
			size_t k = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
			if (k > 1 || !strchr("\\()[]{}?*+|.^$", *p)) {
				memcpy(alpha[na], p, k);
				alpha[na++][k] = '\0';
			}
			p += k;
		}
		for (size_t k = 0; k < sizeof extra / sizeof extra[0]; k++)
			snprintf(alpha[na++], sizeof alpha[0], "%s", extra[k]);
		for (int t = 0; t < 4000; t++) {
			char s[128] = "";
			seed = seed * 1103515245u + 12345u;
			int len = (int)((seed >> 16) % 12);
			for (int c = 0; c < len; c++) {
				seed = seed * 1103515245u + 12345u;
				strcat(s, alpha[(seed >> 16) % na]);
			}
			if (pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL) >= 0) {
				matched++;
				ck_assert_msg(lg_relit_may_match(l, s, strlen(s)), "%s matches '%s'", sets[i].pat, s);
			}
		}
		lg_relit_free(l);
		pcre2_code_free(re);
	}
	pcre2_match_data_free(md);
	ck_assert_int_gt(matched, 10000); /* the subjects did match, often */
}
END_TEST

/* The same for every pattern of the built-in vocabulary, on each sentence
 * of the seed reports: a match in a sentence means the sentence may
 * match. */
START_TEST(vocabulary_patterns_on_seeds)
{
	const lg_vocab *v = t_vocab();
	pcre2_match_data *md = lg_vocab_match_data_new(v);
	const lg_re *res[256];
	size_t nre = 0, filtered = 0;
	for (int r = 0; r < LG_RULE_COUNT; r++)
		res[nre++] = lg_vocab_rule(v, (lg_rule)r);
	for (size_t i = 0; i < lg_vocab_count(v) && nre + 3 < 256; i++) {
		const lg_indicator *d = lg_vocab_get(v, i);
		res[nre++] = d->trigger;
		if (d->exclude)
			res[nre++] = d->exclude;
		if (d->context)
			res[nre++] = d->context;
	}
	for (size_t k = 0; k < nre; k++)
		filtered += lg_re_literals(res[k]) != NULL;
	ck_assert_uint_gt(filtered, nre / 2);
	static const char *const seeds[] = { "seeds/dazu-2021.txt", "seeds/jiaxing-2024.txt", "seeds/kaiping-2019.txt",
					     "seeds/luoyang-2021.txt", "seeds/yulin-2023.txt" };
	long tried = 0, found = 0;
	for (size_t f = 0; f < sizeof seeds / sizeof seeds[0]; f++) {
		lg_buf b = LG_BUF_INIT;
		if (!t_slurp(t_path(seeds[f]), &b)) {
			lg_buf_release(&b);
			continue;
		}
		tried++;
		const char *p = b.s, *end = b.s + b.len;
		while (p < end) {
			const char *e = strstr(p, "。");
			e = e ? e + 3 : end;
			/* from the sentence's start and each clause's (rules anchored
			 * by \G begin there) */
			for (const char *c = p; c && c < e;) {
				for (size_t k = 0; k < nre; k++) {
					size_t ms, me;
					if (lg_re_search_unfiltered(res[k], md, c, (size_t)(e - c), 0, &ms, &me)) {
						found++;
						ck_assert_msg(lg_re_may_match(res[k], c, (size_t)(e - c)),
							      "pattern %zu in '%.*s'", k, (int)(e - c), c);
					}
				}
				c = memmem(c, (size_t)(e - c), "，", 3);
				c = c ? c + 3 : NULL;
			}
			p = e;
		}
		lg_buf_release(&b);
	}
	pcre2_match_data_free(md);
	ck_assert_int_eq(tried, 5);
	ck_assert_int_gt(found, 1000);
}
END_TEST

Suite *suite_relit(void)
{
	Suite *s = suite_create("relit");
	TCase *tc = tcase_create("relit");
	tcase_add_test(tc, derived_sets);
	tcase_add_test(tc, may_match_scans);
	tcase_add_test(tc, never_turns_away_a_match);
	tcase_add_test(tc, vocabulary_patterns_on_seeds);
	suite_add_tcase(s, tc);
	return s;
}
