/* lg_vocab: the controlled indicator vocabulary, the scope words and the
 * language rules, loaded from data (data/vocab.conf, compiled in as the
 * default; --vocab FILE extends or replaces it) and compiled once.
 *
 * Ownership: lg_vocab_new returns a vocabulary the caller frees with
 * lg_vocab_free.  After lg_vocab_compile succeeds it is read-only and may
 * be shared by any number of threads; each thread needs its own match data
 * (lg_vocab_match_data_new, freed with pcre2_match_data_free).
 * Every pattern is compiled once with PCRE2_UTF | PCRE2_UCP | PCRE2_DOTALL
 * and JIT-compiled when the platform supports it, and carries the set of
 * characters a match can begin with, worked out with PCRE2's partial
 * matching, so that a search over text holding none of them costs no
 * PCRE2 call (lg_re_search gives the same answers as pcre2_match).
 */
#ifndef LG_VOCAB_H
#define LG_VOCAB_H

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lg_common.h"
#include "lg_relit.h"

/* A compiled pattern with its prefilter: the characters a match can begin
 * with (lg_re_search skips to the first of them, or answers "no match"
 * without calling PCRE2).  Owned by the vocabulary. */
typedef struct lg_re lg_re;
void lg_re_free(lg_re *r);

typedef enum {
	LG_SCOPE_ALL = 0, /* 全辖区: the whole jurisdiction */
	LG_SCOPE_BUREAU,  /* 本级: the bureau itself */
	LG_SCOPE_TOWN,    /* 乡镇: township pilots, streets */
	LG_SCOPE_CAMPAIGN,/* 专项: a named campaign */
	LG_SCOPE_COUNT
} lg_scope;

typedef struct {
	char *name;       /* canonical Chinese name, e.g. 罚款 */
	char *id;         /* ASCII id, e.g. fines */
	char *desc;
	char *unit;       /* canonical unit */
	char **same;      /* units reported as `unit` */
	size_t nsame;
	char **accept;    /* units accepted and kept as written */
	size_t naccept;
	char **alias;     /* other names --indicator accepts */
	size_t nalias;
	char *proxy;      /* name of a stand-in indicator for export, or NULL */
	char **parts;     /* names of the indicators this one is the sum of (罚没款: 罚款 没收违法所得) */
	size_t nparts;
	int priority;
	lg_scope scope;   /* when the sentence names none (default 全辖区) */
	char *trigger_src, *exclude_src, *context_src;
	lg_re *trigger;     /* anywhere in the subject */
	lg_re *trigger_end; /* ending a noun phrase (after a count) */
	lg_re *exclude;     /* NULL when none */
	lg_re *context;     /* NULL when none */
	/* `wider`: words naming a wider class that a trigger also takes
	 * (各类行政执法案件 for 行政处罚): such a whole is not the indicator
	 * when a part of it names the indicator (其中行政处罚案件218件) */
	char *wider_src;
	lg_re *wider;       /* NULL when none */
	/* `none`: words saying none happened in the year (全年未发生生产安全事故),
	 * a 0 for it; none_lit: each alternative's leading word (at most
	 * three characters), searched for before the pattern is tried */
	char *none_src;
	lg_re *none;        /* NULL when none */
	char **none_lit;
	size_t nnone_lit;
	/* by canonical unit id: 0 not accepted, 1 reported as `unit`, 2 kept */
	unsigned char accept_id[128];
	int unit_id;             /* `unit`'s id (lg_units_canon_id), -1 none */
	char *origin;            /* file the entry came from */
	size_t line;             /* its line there */
} lg_indicator;

typedef enum {
	LG_RULE_PLAN = 0,
	LG_RULE_COMPARISON,
	LG_RULE_AVERAGE,
	LG_RULE_LEGAL,
	LG_RULE_WAIVED,
	LG_RULE_CHANGE,
	LG_RULE_SINGLE_CASE,
	LG_RULE_LEGAL_CONTEXT,
	LG_RULE_MULTIYEAR,
	LG_RULE_SUB,
	LG_RULE_PLAN_HEADING,
	LG_RULE_YOY,
	LG_RULE_YOY_BASE,
	LG_RULE_YOY_SECOND,
	LG_RULE_CHANGE_TO,
	LG_RULE_ACTUAL,
	LG_RULE_REACHED,
	LG_RULE_TOWNSHIP,
	LG_RULE_PART,
	LG_RULE_PART_LINK,
	LG_RULE_YOY_RATIO,
	LG_RULE_COUNTS_OTHER,
	LG_RULE_CAMPAIGN_OPENS,
	LG_RULE_CAMPAIGN_HEADING,
	LG_RULE_TOTAL_AFTER,
	LG_RULE_COUNT
} lg_rule;

typedef struct lg_vocab lg_vocab;

lg_vocab *lg_vocab_new(void);
void lg_vocab_free(lg_vocab *v);

/* Add the built-in vocabulary (data/vocab.conf as compiled in). */
lg_status lg_vocab_load_default(lg_vocab *v, lg_err *err);
/* Parse vocabulary text; sections replace same-named ones already loaded.
 * origin names the text in messages ("vocab.conf:12: ..."). */
lg_status lg_vocab_parse(lg_vocab *v, const char *text, size_t n, const char *origin, lg_err *err);
lg_status lg_vocab_load_file(lg_vocab *v, const char *path, lg_err *err);
/* Compile every pattern.  A bad pattern is reported as
 * "FILE:LINE: indicator 罚款: trigger: PCRE2 error at offset N: message". */
lg_status lg_vocab_compile(lg_vocab *v, lg_err *err);

size_t lg_vocab_count(const lg_vocab *v);
const lg_indicator *lg_vocab_get(const lg_vocab *v, size_t i);
/* Index of the indicator named (Chinese name, id or alias), or -1. */
int lg_vocab_find(const lg_vocab *v, const char *name);
/* Do s[0..n) hold the indicator's name or one of its aliases? */
bool lg_vocab_named_in(const lg_indicator *ind, const char *s, size_t n);

/* Does indicator i accept a figure in this canonical unit?  *out_unit is
 * set to the unit to report (the indicator's unit for a `same` unit). */
bool lg_vocab_accepts(const lg_indicator *ind, const char *unit, const char **out_unit);

/* The same by unit id (lg_qty.unit_id): the fast path. */
bool lg_vocab_accepts_id(const lg_indicator *ind, int unit_id, const char *unit, const char **out_unit);
/* Indices of the indicators that accept unit_id, in vocabulary order. */
const int *lg_vocab_by_unit(const lg_vocab *v, int unit_id, size_t *n);

/* A prefilter: the union of the subject rules (plan ... change).  No
 * match there means no single rule matches. */
const lg_re *lg_vocab_any_rule(const lg_vocab *v);

const lg_re *lg_vocab_rule(const lg_vocab *v, lg_rule r);
/* The word a rule anchored with \G begins with, when it has one (at most
 * three characters: 开展 for campaign_opens), to look for before trying
 * the rule; NULL when it has none. */
const char *lg_vocab_rule_lead(const lg_vocab *v, lg_rule r);
/* Are indicators a and b one's part of the other: the same, one the sum
 * of the other (罚没款 and 罚款), two parts of one sum (罚款 and 没收违法
 * 所得), or one the other's stand-in (proxy)?  Worked out when compiled. */
bool lg_vocab_related(const lg_vocab *v, int a, int b);
/* Is indicator part one of those indicator whole is the sum of (its
 * `parts`: 罚款 of 罚没款)?  Worked out when compiled. */
bool lg_vocab_sum_of(const lg_vocab *v, int whole, int part);
/* The combined context pattern for a bureau level character ("市", "区",
 * ...; "" when unknown).  Named groups: all, bureau, town, campaign,
 * period, year, multi (the multiyear rule).  All levels are compiled by
 * lg_vocab_compile. */
const lg_re *lg_vocab_context(const lg_vocab *v, const char *level);
/* The same pattern compiled anchored (JIT needs anchoring at compile time). */
const lg_re *lg_vocab_context_anchored(const lg_vocab *v, const char *level);
const lg_re *lg_vocab_campaign(const lg_vocab *v);
/* Group numbers of the combined context pattern. */
typedef enum {
	LG_CTX_ALL = 0, LG_CTX_BUREAU, LG_CTX_TOWN, LG_CTX_CAMPAIGN, LG_CTX_PERIOD, LG_CTX_YEAR, LG_CTX_MULTI,
	LG_CTX_COUNT
} lg_ctx_group;
int lg_vocab_context_group(const lg_vocab *v, lg_ctx_group g);
int lg_vocab_scope_rank(const lg_vocab *v, lg_scope s);
const char *lg_scope_name(lg_scope s);
/* Parse "全辖区", "本级", "乡镇", "专项" (or all, bureau, town, campaign). */
bool lg_scope_parse(const char *s, lg_scope *out);

pcre2_match_data *lg_vocab_match_data_new(const lg_vocab *v);

/* Find a match of re in s[0..n) beginning at or after start; returns true
 * and the span when found.  Same answer as pcre2_match, but a subject in
 * which no character can begin a match costs no PCRE2 call. */
bool lg_re_search(const lg_re *re, pcre2_match_data *md, const char *s, size_t n, size_t start,
		  size_t *mstart, size_t *mend);

/* The same without the prefilter (tests check the two agree). */
bool lg_re_search_unfiltered(const lg_re *re, pcre2_match_data *md, const char *s, size_t n, size_t start,
			     size_t *mstart, size_t *mend);
/* Can a match of re begin with any of the code points cps[0..n)?  True
 * whenever re has no prefilter.  For many patterns over one subject:
 * decode the subject once, ask each pattern. */
bool lg_re_may_begin(const lg_re *re, const uint32_t *cps, size_t n);
/* The units (units[LG_UNITS_MAX]) in which a figure of the indicators
 * marked in want[] (per vocabulary index) can be, or a figure that can
 * become one of theirs: theirs, and those of every sum (parts) that holds
 * one of them and of its other parts. */
void lg_vocab_units_of(const lg_vocab *v, const bool *want, bool *units);
/* For all indicators at once: the set (bit i of word i/64, over
 * lg_vocab_set_words words) of those whose trigger (at_end: trigger ending
 * a noun phrase) may begin with one of cps[0..n) -- lg_re_may_begin of
 * each; n == SIZE_MAX: all of them. */
size_t lg_vocab_set_words(const lg_vocab *v);
void lg_vocab_may_begin_set(const lg_vocab *v, bool at_end, const uint32_t *cps, size_t n, uint64_t *set);
/* The first position at or after from where a match of re can begin
 * (n: none before n); from itself when re has no prefilter. */
size_t lg_re_skip(const lg_re *re, const char *s, size_t n, size_t from);
/* The compiled pattern, for matching by hand (named groups). */
const pcre2_code *lg_re_code(const lg_re *re);
/* pcre2_match of re on s[0..n) (valid UTF-8) from start with opts
 * (PCRE2_PARTIAL_HARD, ...): pcre2_jit_match where re was JIT-compiled,
 * which skips pcre2_match's checks.  Returns pcre2_match's code. */
int lg_re_exec(const lg_re *re, pcre2_match_data *md, const char *s, size_t n, size_t start, uint32_t opts);
/* Does re have a first-character prefilter (false: any character can
 * begin a match, or the pattern is one the prefilter cannot judge)? */
bool lg_re_filtered(const lg_re *re);
/* False only when no match of re can lie within s[0..n): every match
 * holds one of a few literal strings worked out from the pattern when it
 * compiled (lg_relit), and none of them is there.  True when the pattern
 * gives no such strings.  For short subjects tried often (a section
 * heading against a rule); a search of a long text has the prefilter. */
bool lg_re_may_match(const lg_re *re, const char *s, size_t n);
const lg_relit *lg_re_literals(const lg_re *re);

#endif
