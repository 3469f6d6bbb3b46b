/* vocab: owns the vocabulary file format (parse, extend/replace, validate)
 * and compiles every pattern once -- indicator triggers, exclusions and
 * contexts, the scope words (one combined pattern per bureau level), and
 * the language rules -- each with its first-character prefilter (lg_re). */
#include "lg_vocab.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lg_buf.h"
#include "lg_relit.h"
#include "lg_units.h"

extern const char lg_vocab_default_text[];
extern const size_t lg_vocab_default_len;

static const char *const levels[] = { "", "市", "区", "县", "省", "州", "盟", "旗", "师" };
#define NLEVELS (sizeof levels / sizeof levels[0])

static const char *const rule_keys[LG_RULE_COUNT] = {
	"plan", "comparison", "average", "legal", "waived", "change", "single_case", "legal_context", "multiyear", "sub", "plan_heading", "yoy",
	"yoy_base", "yoy_second", "change_to", "actual", "reached", "township", "part",
	"part_link", "yoy_ratio", "counts_other", "campaign_opens", "campaign_heading", "total_after",
};

static const char *const scope_names[LG_SCOPE_COUNT] = { "全辖区", "本级", "乡镇", "专项" };
static const char *const scope_ids[LG_SCOPE_COUNT] = { "all", "bureau", "town", "campaign" };
static const char *const group_names[] = { "all", "bureau", "town", "campaign", "period", "year", "multi" };

/* The period words: 1-10月, 截至11月(底), 截至11月30日, 上半年, 下半年,
 * 前三季度, 第四季度, 12月份; and 全年, the whole year again (上半年…，全年…). */
static const char period_pattern[] =
	"\\d{1,2}(?:\\s*(?:月份?)?\\s*[-~至到]\\s*\\d{1,2}\\s*月(?!\\d)|月份(?!\\s*[-~至到]))"
	"|截[至止]到?(?:(?:19|20)\\d\\d年)?\\d{1,2}月(?:\\d{1,2}日)?"
	"|[上下]半年|前三季度|前三个季度|第?[一二三四]季度|前[一二三四五六七八九十]{1,2}个月|全年";
static const char year_pattern[] = "(?<![0-9])(?:19|20)[0-9]{2}(?=年)";
static const char end_suffix[] = "(?:工作|活动|行动|案件|申请|措施|决定|人员|企业|单位|队伍|事项|机关|部门|机构)?等?$";

/* Where each `|`-joined piece of a pattern came from, so a PCRE2 error
 * names the line it is on. */
#define MAXSEG 32
#define LG_SEGS 5 /* pattern keys of an indicator with lines of their own */

typedef struct {
	size_t line[MAXSEG];
	size_t start[MAXSEG]; /* byte offset of the piece in the joined source */
	int n;
} seg_map;

typedef struct {
	char *src;
	char *origin;
	size_t line;
	seg_map seg;
} src_loc;

/* Which indicators' patterns can begin with a character: an index over
 * their first-character prefilters, so that a subject is looked up once
 * for all of them. */
typedef struct {
	uint8_t any[8192]; /* bit cp: some indicator's pattern can begin with cp */
	uint32_t *keys;    /* those code points, ascending */
	uint64_t *masks;   /* per key, sidx_nw words: the indicators it may begin */
	size_t nkeys;
	uint64_t *always;  /* the indicators with no prefilter */
} start_index;

struct lg_vocab {
	lg_indicator *ind;
	seg_map *segs; /* per indicator (LG_SEGS each): trigger, exclude, context, none, wider */
	size_t nind, capind;
	src_loc scope[LG_SCOPE_COUNT];
	int scope_rank[LG_SCOPE_COUNT];
	src_loc rule_src[LG_RULE_COUNT];
	lg_re *rule[LG_RULE_COUNT];
	char *rule_lead[LG_RULE_COUNT]; /* an anchored rule's leading word (\G开展…: 开展), or NULL */
	bool *related; /* [a * nind + b]: lg_vocab_related */
	bool *sums;    /* [whole * nind + part]: lg_vocab_sum_of */
	/* the scope words per bureau level; a level's pair is compiled when a
	 * report of that level first asks for it (ready[], under lazy_mu):
	 * most corpora hold reports of one or two levels */
	lg_re *context[NLEVELS];
	lg_re *context_anchored[NLEVELS]; /* the same, anchored at compile time for JIT */
	atomic_bool ready[NLEVELS];
	pthread_mutex_t lazy_mu;
	lg_re *campaign;
	int group[LG_CTX_COUNT];
	int *by_unit[LG_UNITS_MAX];
	size_t nby_unit[LG_UNITS_MAX];
	lg_re *any_rule; /* union of the subject rules: a prefilter */
	start_index sidx[2]; /* the indicators' triggers [0] and trigger ends [1] */
	size_t sidx_nw;      /* 64-bit words of an indicator set */
	uint32_t maxcap;
	bool no_jit;
	bool compiled;
};

lg_vocab *lg_vocab_new(void)
{
	lg_vocab *v = lg_xcalloc(1, sizeof *v);
	pthread_mutex_init(&v->lazy_mu, NULL);
	for (size_t i = 0; i < NLEVELS; i++)
		atomic_init(&v->ready[i], false);
	const char *nj = getenv("LGTREND_NO_JIT");
	v->no_jit = nj && *nj && strcmp(nj, "0") != 0;
	for (int s = 0; s < LG_SCOPE_COUNT; s++)
		v->scope_rank[s] = s + 1;
	return v;
}

static void free_list(char **l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(l[i]);
	free(l);
}

static void ind_release(lg_indicator *d)
{
	free(d->name);
	free(d->id);
	free(d->desc);
	free(d->unit);
	free_list(d->same, d->nsame);
	free_list(d->accept, d->naccept);
	free_list(d->alias, d->nalias);
	free(d->proxy);
	free_list(d->parts, d->nparts);
	free(d->trigger_src);
	free(d->exclude_src);
	free(d->context_src);
	free(d->none_src);
	free(d->wider_src);
	lg_re_free(d->wider);
	free_list(d->none_lit, d->nnone_lit);
	lg_re_free(d->none);
	lg_re_free(d->trigger);
	lg_re_free(d->trigger_end);
	lg_re_free(d->exclude);
	lg_re_free(d->context);
	free(d->origin);
	memset(d, 0, sizeof *d);
}

static void loc_release(src_loc *l)
{
	free(l->src);
	free(l->origin);
	memset(l, 0, sizeof *l);
}

static void clear_compiled(lg_vocab *v)
{
	for (size_t i = 0; i < NLEVELS; i++) {
		lg_re_free(v->context[i]);
		lg_re_free(v->context_anchored[i]);
		v->context[i] = v->context_anchored[i] = NULL;
		atomic_store(&v->ready[i], false);
	}
	for (int r = 0; r < LG_RULE_COUNT; r++) {
		lg_re_free(v->rule[r]);
		v->rule[r] = NULL;
		free(v->rule_lead[r]);
		v->rule_lead[r] = NULL;
	}
	lg_re_free(v->campaign);
	v->campaign = NULL;
	for (int u = 0; u < LG_UNITS_MAX; u++) {
		free(v->by_unit[u]);
		v->by_unit[u] = NULL;
		v->nby_unit[u] = 0;
	}
	lg_re_free(v->any_rule);
	v->any_rule = NULL;
	free(v->related);
	v->related = NULL;
	free(v->sums);
	v->sums = NULL;
	for (int k = 0; k < 2; k++) {
		free(v->sidx[k].keys);
		free(v->sidx[k].masks);
		free(v->sidx[k].always);
		memset(&v->sidx[k], 0, sizeof v->sidx[k]);
	}
	v->compiled = false;
}

static void clear_all(lg_vocab *v)
{
	clear_compiled(v);
	for (size_t i = 0; i < v->nind; i++)
		ind_release(&v->ind[i]);
	v->nind = 0;
	for (int s = 0; s < LG_SCOPE_COUNT; s++)
		loc_release(&v->scope[s]);
	for (int r = 0; r < LG_RULE_COUNT; r++)
		loc_release(&v->rule_src[r]);
}

void lg_vocab_free(lg_vocab *v)
{
	if (!v)
		return;
	clear_all(v);
	pthread_mutex_destroy(&v->lazy_mu);
	free(v->ind);
	free(v->segs);
	free(v);
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

/* Append an alternative to a pattern source. */
static void join_alt_at(char **dst, const char *val, seg_map *m, size_t line)
{
	if (m && m->n < MAXSEG) {
		m->line[m->n] = line;
		m->start[m->n] = *dst ? strlen(*dst) + 1 : 0;
		m->n++;
	}
	if (!*dst) {
		*dst = lg_xstrdup(val);
		return;
	}
	lg_buf b = LG_BUF_INIT;
	lg_buf_adds(&b, *dst);
	lg_buf_addc(&b, '|');
	lg_buf_adds(&b, val);
	free(*dst);
	*dst = lg_buf_detach(&b, NULL);
}

static void split_units(const char *val, char ***list, size_t *n)
{
	char *copy = lg_xstrdup(val);
	for (char *tok = strtok(copy, " \t,"); tok; tok = strtok(NULL, " \t,")) {
		*list = lg_xrealloc(*list, (*n + 1) * sizeof **list);
		(*list)[(*n)++] = lg_xstrdup(tok);
	}
	free(copy);
}

static bool valid_id(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '_' || *s == '-'))
			return false;
	return true;
}

static bool scope_lookup(const char *name, lg_scope *out)
{
	for (int s = 0; s < LG_SCOPE_COUNT; s++) {
		if (strcmp(name, scope_names[s]) == 0 || strcmp(name, scope_ids[s]) == 0) {
			*out = (lg_scope)s;
			return true;
		}
	}
	return false;
}

bool lg_scope_parse(const char *s, lg_scope *out)
{
	return scope_lookup(s, out);
}

const char *lg_scope_name(lg_scope s)
{
	return (unsigned)s < LG_SCOPE_COUNT ? scope_names[s] : "";
}

int lg_vocab_scope_rank(const lg_vocab *v, lg_scope s)
{
	return (unsigned)s < LG_SCOPE_COUNT ? v->scope_rank[s] : 99;
}

static lg_status check_indicator(const lg_indicator *d, lg_err *err)
{
	if (!d->id || !valid_id(d->id)) {
		lg_err_set(err, "%s:%zu: indicator %s: needs an `id` of lowercase ASCII letters, digits, _ or -",
			   d->origin, d->line, d->name);
		return LG_ERR_SYNTAX;
	}
	if (!d->unit) {
		lg_err_set(err, "%s:%zu: indicator %s: needs a `unit`", d->origin, d->line, d->name);
		return LG_ERR_SYNTAX;
	}
	if (!d->trigger_src) {
		lg_err_set(err, "%s:%zu: indicator %s: needs a `trigger`", d->origin, d->line, d->name);
		return LG_ERR_SYNTAX;
	}
	const char *units[64];
	size_t nu = 0;
	units[nu++] = d->unit;
	for (size_t i = 0; i < d->nsame && nu < 64; i++)
		units[nu++] = d->same[i];
	for (size_t i = 0; i < d->naccept && nu < 64; i++)
		units[nu++] = d->accept[i];
	for (size_t i = 0; i < nu; i++) {
		if (!lg_units_canonical(units[i])) {
			lg_err_set(err, "%s:%zu: indicator %s: unknown unit '%s'", d->origin, d->line, d->name, units[i]);
			return LG_ERR_SYNTAX;
		}
	}
	return LG_OK;
}

lg_status lg_vocab_parse(lg_vocab *v, const char *text, size_t n, const char *origin, lg_err *err)
{
	enum { NONE, IND, SCOPE, RULES, VOCAB } sect = NONE;
	lg_indicator *cur = NULL;
	lg_scope cur_scope = LG_SCOPE_ALL;
	bool any_section = false;
	lg_status ret = LG_OK;
	size_t lineno = 0;
	const char *p = text, *end = text + n;
	char *line = NULL;

	clear_compiled(v);
	if (n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		free(line);
		line = lg_xstrndup(p, len);
		p = nl ? nl + 1 : end;
		lineno++;
		if (memchr(line, '\0', len)) {
			lg_err_set(err, "%s:%zu: NUL byte in vocabulary", origin, lineno);
			ret = LG_ERR_SYNTAX;
			goto cleanup;
		}
		char *s = trim(line);
		if (!*s || *s == '#')
			continue;
		if (*s == '[') {
			char *close = strchr(s, ']');
			if (!close || close[1] != '\0') {
				lg_err_set(err, "%s:%zu: malformed section header (expected [indicator NAME], [scope NAME], [rules] or [vocab])",
					   origin, lineno);
				ret = LG_ERR_SYNTAX;
				goto cleanup;
			}
			*close = '\0';
			char *h = trim(s + 1);
			if (strncmp(h, "indicator", 9) == 0 && (h[9] == ' ' || h[9] == '\t')) {
				char *name = trim(h + 9);
				if (!*name) {
					lg_err_set(err, "%s:%zu: indicator section without a name", origin, lineno);
					ret = LG_ERR_SYNTAX;
					goto cleanup;
				}
				if (cur && (ret = check_indicator(cur, err)) != LG_OK)
					goto cleanup;
				int idx = -1;
				for (size_t i = 0; i < v->nind; i++)
					if (strcmp(v->ind[i].name, name) == 0)
						idx = (int)i;
				if (idx >= 0) {
					ind_release(&v->ind[idx]);
					cur = &v->ind[idx];
				} else {
					if (v->nind == v->capind) {
						v->capind = v->capind ? 2 * v->capind : 32;
						v->ind = lg_xrealloc(v->ind, v->capind * sizeof *v->ind);
						v->segs = lg_xrealloc(v->segs, v->capind * LG_SEGS * sizeof *v->segs);
					}
					cur = &v->ind[v->nind++];
					memset(cur, 0, sizeof *cur);
				}
				cur->name = lg_xstrdup(name);
				cur->origin = lg_xstrdup(origin);
				cur->line = lineno;
				memset(&v->segs[LG_SEGS * (size_t)(cur - v->ind)], 0, LG_SEGS * sizeof *v->segs);
				sect = IND;
			} else if (strncmp(h, "scope", 5) == 0 && (h[5] == ' ' || h[5] == '\t')) {
				char *name = trim(h + 5);
				if (!scope_lookup(name, &cur_scope)) {
					lg_err_set(err, "%s:%zu: unknown scope '%s' (use 全辖区, 本级, 乡镇 or 专项)", origin, lineno, name);
					ret = LG_ERR_SYNTAX;
					goto cleanup;
				}
				if (cur && (ret = check_indicator(cur, err)) != LG_OK)
					goto cleanup;
				cur = NULL;
				sect = SCOPE;
			} else if (strcmp(h, "rules") == 0) {
				if (cur && (ret = check_indicator(cur, err)) != LG_OK)
					goto cleanup;
				cur = NULL;
				sect = RULES;
			} else if (strcmp(h, "vocab") == 0) {
				if (any_section) {
					lg_err_set(err, "%s:%zu: [vocab] must come before every other section", origin, lineno);
					ret = LG_ERR_SYNTAX;
					goto cleanup;
				}
				sect = VOCAB;
			} else {
				lg_err_set(err, "%s:%zu: unknown section [%s]", origin, lineno, h);
				ret = LG_ERR_SYNTAX;
				goto cleanup;
			}
			any_section = true;
			continue;
		}
		char *eq = strchr(s, '=');
		if (!eq) {
			lg_err_set(err, "%s:%zu: expected `key = value`", origin, lineno);
			ret = LG_ERR_SYNTAX;
			goto cleanup;
		}
		*eq = '\0';
		char *key = trim(s), *val = trim(eq + 1);
		if (!*val) {
			lg_err_set(err, "%s:%zu: empty value for `%s`", origin, lineno, key);
			ret = LG_ERR_SYNTAX;
			goto cleanup;
		}
		if (sect == NONE) {
			lg_err_set(err, "%s:%zu: `%s` outside a section", origin, lineno, key);
			ret = LG_ERR_SYNTAX;
			goto cleanup;
		}
		if (sect == VOCAB) {
			if (strcmp(key, "mode") == 0 && strcmp(val, "replace") == 0) {
				clear_all(v);
			} else if (!(strcmp(key, "mode") == 0 && strcmp(val, "extend") == 0)) {
				lg_err_set(err, "%s:%zu: [vocab] takes `mode = replace` or `mode = extend`", origin, lineno);
				ret = LG_ERR_SYNTAX;
				goto cleanup;
			}
		} else if (sect == SCOPE) {
			if (strcmp(key, "words") == 0) {
				src_loc *l = &v->scope[cur_scope];
				if (!l->origin || strcmp(l->origin, origin) != 0 || !l->src) {
					loc_release(l);
					l->origin = lg_xstrdup(origin);
					l->line = lineno;
				}
				join_alt_at(&l->src, val, &l->seg, lineno);
			} else if (strcmp(key, "rank") == 0) {
				char *e;
				long r = strtol(val, &e, 10);
				if (*e || r < 0 || r > 99) {
					lg_err_set(err, "%s:%zu: rank must be an integer 0-99", origin, lineno);
					ret = LG_ERR_SYNTAX;
					goto cleanup;
				}
				v->scope_rank[cur_scope] = (int)r;
			} else {
				lg_err_set(err, "%s:%zu: unknown scope key `%s` (words, rank)", origin, lineno, key);
				ret = LG_ERR_SYNTAX;
				goto cleanup;
			}
		} else if (sect == RULES) {
			int r = -1;
			for (int k = 0; k < LG_RULE_COUNT; k++)
				if (strcmp(key, rule_keys[k]) == 0)
					r = k;
			if (r < 0) {
				lg_err_set(err, "%s:%zu: unknown rule `%s`", origin, lineno, key);
				ret = LG_ERR_SYNTAX;
				goto cleanup;
			}
			src_loc *l = &v->rule_src[r];
			if (!l->origin || strcmp(l->origin, origin) != 0) {
				loc_release(l);
				l->origin = lg_xstrdup(origin);
				l->line = lineno;
			}
			join_alt_at(&l->src, val, &l->seg, lineno);
		} else {
			if (strcmp(key, "id") == 0) {
				free(cur->id);
				cur->id = lg_xstrdup(val);
			} else if (strcmp(key, "desc") == 0) {
				free(cur->desc);
				cur->desc = lg_xstrdup(val);
			} else if (strcmp(key, "unit") == 0) {
				free(cur->unit);
				cur->unit = lg_xstrdup(val);
			} else if (strcmp(key, "same") == 0) {
				split_units(val, &cur->same, &cur->nsame);
			} else if (strcmp(key, "accept") == 0) {
				split_units(val, &cur->accept, &cur->naccept);
			} else if (strcmp(key, "alias") == 0) {
				split_units(val, &cur->alias, &cur->nalias);
			} else if (strcmp(key, "trigger") == 0) {
				join_alt_at(&cur->trigger_src, val, &v->segs[LG_SEGS * (size_t)(cur - v->ind)], lineno);
			} else if (strcmp(key, "exclude") == 0) {
				join_alt_at(&cur->exclude_src, val, &v->segs[LG_SEGS * (size_t)(cur - v->ind) + 1], lineno);
			} else if (strcmp(key, "context") == 0) {
				join_alt_at(&cur->context_src, val, &v->segs[LG_SEGS * (size_t)(cur - v->ind) + 2], lineno);
			} else if (strcmp(key, "none") == 0) {
				join_alt_at(&cur->none_src, val, &v->segs[LG_SEGS * (size_t)(cur - v->ind) + 3], lineno);
			} else if (strcmp(key, "wider") == 0) {
				join_alt_at(&cur->wider_src, val, &v->segs[LG_SEGS * (size_t)(cur - v->ind) + 4], lineno);
			} else if (strcmp(key, "proxy") == 0) {
				free(cur->proxy);
				cur->proxy = lg_xstrdup(val);
			} else if (strcmp(key, "parts") == 0) {
				split_units(val, &cur->parts, &cur->nparts);
			} else if (strcmp(key, "scope") == 0) {
				if (!scope_lookup(val, &cur->scope)) {
					lg_err_set(err, "%s:%zu: indicator %s: unknown scope '%s' (use 全辖区, 本级, 乡镇 or 专项)", origin,
						   lineno, cur->name, val);
					ret = LG_ERR_SYNTAX;
					goto cleanup;
				}
			} else if (strcmp(key, "priority") == 0) {
				char *e;
				long pr = strtol(val, &e, 10);
				if (*e || pr < -100 || pr > 100) {
					lg_err_set(err, "%s:%zu: priority must be an integer -100..100", origin, lineno);
					ret = LG_ERR_SYNTAX;
					goto cleanup;
				}
				cur->priority = (int)pr;
			} else {
				lg_err_set(err, "%s:%zu: indicator %s: unknown key `%s`", origin, lineno, cur->name, key);
				ret = LG_ERR_SYNTAX;
				goto cleanup;
			}
		}
	}
	if (cur)
		ret = check_indicator(cur, err);
cleanup:
	free(line);
	return ret;
}

lg_status lg_vocab_load_default(lg_vocab *v, lg_err *err)
{
	return lg_vocab_parse(v, lg_vocab_default_text, lg_vocab_default_len, "vocab.conf (built in)", err);
}

lg_status lg_vocab_load_file(lg_vocab *v, const char *path, lg_err *err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		lg_err_set(err, "%s: cannot open: %s", path, strerror(errno));
		return LG_ERR_IO;
	}
	lg_buf b = LG_BUF_INIT;
	char chunk[8192];
	size_t r;
	while ((r = fread(chunk, 1, sizeof chunk, f)) > 0)
		lg_buf_add(&b, chunk, r);
	bool bad = ferror(f);
	fclose(f);
	lg_status st;
	if (bad) {
		lg_err_set(err, "%s: cannot read", path);
		st = LG_ERR_IO;
	} else {
		st = lg_vocab_parse(v, b.s, b.len, path, err);
	}
	lg_buf_release(&b);
	return st;
}

/* pcre2_compile, an error named by the line of the piece it is in. */
static pcre2_code *compile_checked(const char *src, const char *what, const char *origin, size_t line,
				   const seg_map *seg, uint32_t extra, lg_status *st, lg_err *err)
{
	int ec;
	PCRE2_SIZE eo;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
				       PCRE2_UTF | PCRE2_UCP | PCRE2_DOTALL | extra, &ec, &eo, NULL);
	if (!re) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(ec, msg, sizeof msg);
		/* name the line of the piece the error is in, and the offset there */
		size_t at = (size_t)eo;
		if (seg) {
			for (int k = seg->n - 1; k >= 0; k--) {
				if (seg->start[k] <= at) {
					line = seg->line[k];
					at -= seg->start[k];
					break;
				}
			}
		}
		lg_err_set(err, "%s:%zu: %s: PCRE2 error at offset %zu: %s", origin ? origin : "?", line, what, at,
			   (const char *)msg);
		if (err)
			err->offset = line;
		*st = LG_ERR_PATTERN;
		return NULL;
	}
	return re;
}

static pcre2_code *compile_raw(const char *src, lg_vocab *v, const char *what, const char *origin,
				    size_t line, const seg_map *seg, uint32_t extra, lg_status *st, lg_err *err)
{
	pcre2_code *re = compile_checked(src, what, origin, line, seg, extra, st, err);
	if (!re)
		return NULL;
	uint32_t cap = 0;
	pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &cap);
	if (cap + 1 > v->maxcap)
		v->maxcap = cap + 1;
	return re;
}

/* Can a match of re begin with code point cp?  Exact, through PCRE2's
 * partial matching on the one-character subject. */
static bool can_begin(const pcre2_code *re, pcre2_match_data *md, unsigned cp)
{
	char u[4];
	size_t k;
	if (cp < 0x80) {
		u[0] = (char)cp;
		k = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		k = 2;
	} else {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		k = 3;
	}
	int rc = pcre2_match(re, (PCRE2_SPTR)u, k, 0, PCRE2_ANCHORED | PCRE2_PARTIAL_HARD, md, NULL);
	return rc >= 0 || rc == PCRE2_ERROR_PARTIAL;
}

enum { RE_PENDING, RE_JIT, RE_INTERP };

struct lg_re {
	pcre2_code *code;
	uint8_t *starts; /* bit cp of byte cp/8: cp can begin a match; NULL: no prefilter */
	bool anchored;
	/* every match begins where the search does (the pattern begins with
	 * ^, \G or .*, which PCRE2 reads as anchored) */
	bool begins_at_start;
	/* strings every match holds one of (lg_re_may_match), read from src
	 * on first use (most patterns are never asked); NULL: none known */
	char *src;
	uint32_t options;
	lg_relit *lits;
	_Atomic bool lits_read;
	/* RE_JIT: matched by pcre2_jit_match, without pcre2_match's checks;
	 * RE_PENDING: JIT-compiled on first use (re_ready), so that a run
	 * pays only for the patterns it matches (an export of 罚款 never
	 * asks most indicators' words) */
	_Atomic int state;
};

/* JIT compile re on its first use, once, whichever thread asks first; the
 * interpreter is the fallback. */
static int re_ready(lg_re *re)
{
	static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
	pthread_mutex_lock(&mu);
	int st = atomic_load_explicit(&re->state, memory_order_relaxed);
	if (st == RE_PENDING) {
		size_t size = 0;
		st = pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE | (re->anchored ? PCRE2_JIT_PARTIAL_HARD : 0)) == 0 &&
				     pcre2_pattern_info(re->code, PCRE2_INFO_JITSIZE, &size) == 0 && size > 0
			     ? RE_JIT
			     : RE_INTERP;
		atomic_store_explicit(&re->state, st, memory_order_release);
	}
	pthread_mutex_unlock(&mu);
	return st;
}

void lg_re_free(lg_re *r)
{
	if (!r)
		return;
	pcre2_code_free(r->code);
	free(r->starts);
	lg_relit_free(r->lits);
	free(r->src);
	free(r);
}

/* Constructs whose first character the prefilter cannot enumerate from
 * the pattern's text: code points written as escapes (\x{..}, octal
 * \2xx/\3xx), properties, word
 * boundaries and lookbehinds (which look before the first character),
 * caseless matching, verbs. */
static bool prefilter_unsafe(const char *src)
{
	static const char *const bad[] = { "\\x", "\\o", "\\N", "\\p", "\\P", "\\c", "\\b", "\\B", "\\G", "\\X",
					   "\\C", "\\R", "\\h", "\\H", "\\v", "\\V", "\\e", "\\0", "\\2", "\\3",
					   "(?<=", "(?i",
					   "(*", "(?C", "\\Q" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (strstr(src, bad[i]))
			return true;
	return false;
}

/* The first byte of code point cp (below U+10000) in UTF-8. */
static unsigned lead_byte(unsigned cp)
{
	return cp < 0x80 ? cp : cp < 0x800 ? 0xC0 | (cp >> 6) : 0xE0 | (cp >> 12);
}

/* The characters a match of r can begin with: each ASCII character, each
 * character the pattern spells, and the digits and spaces of other
 * scripts (\d and \s under UCP), kept when PCRE2 says a match can begin
 * with it.  No prefilter when the pattern can match the empty string or
 * begin with a character it does not spell (probed with a few unrelated
 * characters: a `.` or a negated class). */
static void build_starts(lg_re *r, const char *src)
{
	r->starts = NULL;
	if (prefilter_unsafe(src))
		return;
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(r->code, NULL);
	if (!md)
		return;
	/* what PCRE2 knows of a match's first byte spares most probes: a code
	 * point whose first byte no match begins with cannot begin one */
	uint8_t first[32];
	memset(first, 0xFF, sizeof first);
	uint32_t ftype = 0, funit = 0;
	const uint8_t *fmap = NULL;
	if (pcre2_pattern_info(r->code, PCRE2_INFO_FIRSTCODETYPE, &ftype) == 0 && ftype == 1 &&
	    pcre2_pattern_info(r->code, PCRE2_INFO_FIRSTCODEUNIT, &funit) == 0 && funit < 256) {
		memset(first, 0, sizeof first);
		first[funit >> 3] = (uint8_t)(1u << (funit & 7));
	} else if (ftype == 0 && pcre2_pattern_info(r->code, PCRE2_INFO_FIRSTBITMAP, &fmap) == 0 && fmap) {
		memcpy(first, fmap, sizeof first);
	}
#define MAY(cp) ((first[lead_byte(cp) >> 3] >> (lead_byte(cp) & 7)) & 1)
	static const unsigned probes[] = { 0x7684 /* 的 */, 0x9F98 /* 龘 */, 0x4E28 /* 丨 */, 0x3001 /* 、 */,
					   0x00E9 /* é */, 0xFF21 /* Ａ */, 0x0416 /* Ж */, 0x3042 /* あ */ };
	bool ok = pcre2_match(r->code, (PCRE2_SPTR) "", 0, 0, 0, md, NULL) < 0;
	for (size_t i = 0; ok && i < sizeof probes / sizeof probes[0]; i++)
		if (MAY(probes[i]) && can_begin(r->code, md, probes[i]))
			ok = false;
	uint8_t *bm = ok ? lg_xcalloc(8192, 1) : NULL;
	uint8_t *seen = ok ? lg_xcalloc(8192, 1) : NULL; /* each character is probed once */
#define SET(cp) (bm[(cp) >> 3] |= (uint8_t)(1u << ((cp) & 7)))
	for (unsigned c = 1; ok && c < 0x80; c++)
		if (MAY(c) && can_begin(r->code, md, c))
			SET(c);
	/* Unicode digits and spaces: Arabic-Indic, Devanagari, full-width;
	 * no-break and ideographic spaces, the general-punctuation spaces */
	static const unsigned ranges[][2] = { { 0x0660, 0x0669 }, { 0x06F0, 0x06F9 }, { 0x0966, 0x096F },
					      { 0xFF10, 0xFF19 }, { 0x00A0, 0x00A0 }, { 0x0085, 0x0085 },
					      { 0x1680, 0x1680 }, { 0x2000, 0x200A }, { 0x2028, 0x2029 },
					      { 0x202F, 0x202F }, { 0x205F, 0x205F }, { 0x3000, 0x3000 } };
	for (size_t k = 0; ok && k < sizeof ranges / sizeof ranges[0]; k++)
		for (unsigned c = ranges[k][0]; c <= ranges[k][1]; c++)
			if (MAY(c) && can_begin(r->code, md, c))
				SET(c);
	/* A character right after a literal one (outside a class, not
	 * escaped) cannot begin a match: the literal before it must match
	 * first (a quantifier or a | would stand between).  Those are not
	 * probed -- in a list of words (全市|全区|…) only the first characters
	 * are.  With a POSIX class ([:alpha:]) in the pattern all are. */
	bool posix = strstr(src, "[:") != NULL;
	bool in_class = false, prev_lit = false;
	for (const unsigned char *p = (const unsigned char *)src; ok && *p;) {
		unsigned cp;
		size_t len;
		if (*p < 0x80) {
			unsigned char c = *p++;
			if (c == '\\') {
				/* an escape: the character after it is its */
				if (*p >= 0xC0)
					while ((*++p & 0xC0) == 0x80)
						;
				else if (*p)
					p++;
				prev_lit = false;
			} else if (in_class) {
				if (c == ']')
					in_class = false;
				prev_lit = false;
			} else if (c == '[') {
				in_class = true;
				/* a ] first in the class is a character of it */
				if (*p == '^')
					p++;
				if (*p == ']')
					p++;
				prev_lit = false;
			} else {
				prev_lit = !strchr("|()?*+{}.^$:=!<>", c); /* (?: (?= (?! (?<name> too */
			}
			continue;
		}
		bool after_lit = prev_lit && !in_class && !posix;
		prev_lit = !in_class;
		if (*p >= 0xC0 && *p < 0xE0 && p[1]) {
			cp = ((unsigned)(*p & 0x1F) << 6) | (p[1] & 0x3F);
			len = 2;
		} else if (*p >= 0xE0 && *p < 0xF0 && p[1] && p[2]) {
			cp = ((unsigned)(*p & 0x0F) << 12) | ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
			len = 3;
		} else {
			ok = false; /* beyond the BMP, or not UTF-8: no prefilter */
			break;
		}
		p += len;
		if (after_lit)
			continue;
		if ((seen[cp >> 3] >> (cp & 7)) & 1)
			continue;
		seen[cp >> 3] |= (uint8_t)(1u << (cp & 7));
		if (MAY(cp) && can_begin(r->code, md, cp))
			SET(cp);
	}
#undef SET
#undef MAY
	free(seen);
	pcre2_match_data_free(md);
	if (!ok) {
		free(bm);
		return;
	}
	r->starts = bm;
}

static lg_re *compile_re_flags(const char *src, lg_vocab *v, const char *what, const char *origin, size_t line,
			       const seg_map *seg, uint32_t extra, lg_status *st, lg_err *err)
{
	pcre2_code *code = compile_raw(src, v, what, origin, line, seg, extra, st, err);
	if (!code)
		return NULL;
	lg_re *r = lg_xcalloc(1, sizeof *r);
	r->code = code;
	r->anchored = (extra & PCRE2_ANCHORED) != 0;
	/* JIT when available (on first use); the interpreter is what
	 * LGTREND_NO_JIT=1 asks for: valgrind cannot see into JIT code */
	atomic_init(&r->state, v->no_jit ? RE_INTERP : RE_PENDING);
	uint32_t all = 0;
	r->begins_at_start = pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS, &all) == 0 && (all & PCRE2_ANCHORED);
	if (!r->anchored) { /* the anchored context copies are matched raw, by group */
		build_starts(r, src);
		r->src = lg_xstrdup(src);
		r->options = PCRE2_UTF | PCRE2_UCP | PCRE2_DOTALL | extra;
	}
	atomic_init(&r->lits_read, false);
	return r;
}

/* The leading word of each top-level alternative of src: its characters
 * up to the first one with a meaning in a pattern (a character a
 * quantifier follows is left out).  False when an alternative has none. */
static bool leading_words(const char *src, char ***out, size_t *nout)
{
	const char *meta = "\\^$.[]|()?*+{}";
	const char *p = src;
	for (;;) {
		const char *e = p;
		while (*e && !strchr(meta, *e))
			e++;
		size_t len = (size_t)(e - p);
		if (len && (*e == '?' || *e == '*' || *e == '{')) {
			/* the quantifier takes the last character off */
			do
				len--;
			while (len && ((unsigned char)p[len] & 0xC0) == 0x80);
		}
		if (!len)
			return false;
		/* three characters are enough to find it by, and alternatives
		 * beginning alike (无行政复议, 无行政诉讼) share one search */
		size_t chars = 0, cut = 0;
		while (cut < len && chars < 3) {
			cut++;
			while (cut < len && ((unsigned char)p[cut] & 0xC0) == 0x80)
				cut++;
			chars++;
		}
		len = cut;
		*out = lg_xrealloc(*out, (*nout + 1) * sizeof **out);
		(*out)[(*nout)++] = lg_xstrndup(p, len);
		/* on to the next top-level | */
		int depth = 0;
		bool cls = false;
		for (; *e; e++) {
			if (*e == '\\' && e[1]) {
				e++;
			} else if (cls) {
				cls = *e != ']';
			} else if (*e == '[') {
				cls = true;
			} else if (*e == '(') {
				depth++;
			} else if (*e == ')') {
				depth--;
			} else if (*e == '|' && depth == 0) {
				break;
			}
		}
		if (!*e)
			return true;
		p = e + 1;
	}
}

static lg_re *compile_re(const char *src, lg_vocab *v, const char *what, const char *origin, size_t line,
			      const seg_map *seg, lg_status *st, lg_err *err)
{
	return compile_re_flags(src, v, what, origin, line, seg, 0, st, err);
}

/* The levels below a bureau's own: the counties and districts of a city
 * (县级 in a city's report is theirs, not the bureau's), the cities and
 * counties of a province; none below a district or a county (their towns
 * are the 乡镇 scope's). */
static const char *lower_levels(const char *level)
{
	static const struct {
		const char *level, *lower;
	} below[] = { { "省", "(?:市|州|盟|县|区|旗)" }, { "市", "(?:县|区|旗)" }, { "州", "(?:县|市|区)" },
		      { "盟", "(?:旗|市)" },	       { "师", "团" } };
	for (size_t k = 0; k < sizeof below / sizeof below[0]; k++)
		if (strcmp(level, below[k].level) == 0)
			return below[k].lower;
	return "(?!)"; /* unknown, or nothing below: the word cannot match */
}

/* src with {level} replaced by the bureau's level character and {lower}
 * by the levels below it. */
static char *expand_level(const char *src, const char *level)
{
	lg_buf b = LG_BUF_INIT;
	const char *p = src;
	for (;;) {
		const char *q = strchr(p, '{');
		if (!q)
			break;
		lg_buf_add(&b, p, (size_t)(q - p));
		if (strncmp(q, "{level}", 7) == 0) {
			lg_buf_adds(&b, *level ? level : "(?!)"); /* unknown level: the word cannot match */
			p = q + 7;
		} else if (strncmp(q, "{lower}", 7) == 0) {
			lg_buf_adds(&b, lower_levels(level));
			p = q + 7;
		} else {
			lg_buf_addc(&b, '{');
			p = q + 1;
		}
	}
	lg_buf_adds(&b, p);
	return lg_buf_detach(&b, NULL);
}

static void build_start_index(lg_vocab *v, start_index *x, bool at_end)
{
	size_t nw = v->sidx_nw ? v->sidx_nw : 1;
	x->always = lg_xcalloc(nw, sizeof *x->always);
	for (size_t i = 0; i < v->nind; i++) {
		const lg_re *re = at_end ? v->ind[i].trigger_end : v->ind[i].trigger;
		if (!re || !re->starts) {
			x->always[i / 64] |= 1ull << (i % 64);
			continue;
		}
		for (size_t b = 0; b < sizeof x->any; b++)
			x->any[b] |= re->starts[b];
	}
	for (size_t b = 0; b < sizeof x->any; b++)
		x->nkeys += (size_t)__builtin_popcount(x->any[b]);
	x->keys = lg_xcalloc(x->nkeys ? x->nkeys : 1, sizeof *x->keys);
	x->masks = lg_xcalloc((x->nkeys ? x->nkeys : 1) * nw, sizeof *x->masks);
	size_t k = 0;
	for (uint32_t cp = 0; cp < 0x10000; cp++) {
		if (!((x->any[cp >> 3] >> (cp & 7)) & 1))
			continue;
		x->keys[k] = cp;
		for (size_t i = 0; i < v->nind; i++) {
			const lg_re *re = at_end ? v->ind[i].trigger_end : v->ind[i].trigger;
			if (re && re->starts && ((re->starts[cp >> 3] >> (cp & 7)) & 1))
				x->masks[k * nw + i / 64] |= 1ull << (i % 64);
		}
		k++;
	}
}

void lg_vocab_units_of(const lg_vocab *v, const bool *want, bool *units)
{
	memset(units, 0, LG_UNITS_MAX * sizeof *units);
	/* the sums (parts) that hold a wanted indicator, and all their parts:
	 * a whole of one of them can become the sum (罚款 … 含没收违法所得) */
	bool *fam = lg_xcalloc(v->nind ? v->nind : 1, sizeof *fam);
	for (size_t x = 0; x < v->nind; x++) {
		const lg_indicator *d = &v->ind[x];
		bool holds = false;
		for (size_t k = 0; k < d->nparts; k++) {
			int pk = lg_vocab_find(v, d->parts[k]);
			holds = holds || (pk >= 0 && want[pk]);
		}
		if (!holds)
			continue;
		fam[x] = true;
		for (size_t k = 0; k < d->nparts; k++) {
			int pk = lg_vocab_find(v, d->parts[k]);
			if (pk >= 0)
				fam[pk] = true;
		}
	}
	for (size_t x = 0; x < v->nind; x++)
		if (want[x] || fam[x])
			for (int u = 0; u < LG_UNITS_MAX; u++)
				units[u] = units[u] || v->ind[x].accept_id[u];
	/* and every indicator that takes one of those units, in all its
	 * units: a part in brackets (不含…728个) is a part of the last figure
	 * that takes its unit, whichever indicator's (963家 of 行政处罚) */
	bool took[LG_UNITS_MAX];
	memcpy(took, units, sizeof took);
	for (size_t x = 0; x < v->nind; x++) {
		bool takes = false;
		for (int u = 0; u < LG_UNITS_MAX && !takes; u++)
			takes = took[u] && v->ind[x].accept_id[u];
		if (takes)
			for (int u = 0; u < LG_UNITS_MAX; u++)
				units[u] = units[u] || v->ind[x].accept_id[u];
	}
	free(fam);
}

size_t lg_vocab_set_words(const lg_vocab *v)
{
	return v->sidx_nw ? v->sidx_nw : 1;
}

void lg_vocab_may_begin_set(const lg_vocab *v, bool at_end, const uint32_t *cps, size_t n, uint64_t *set)
{
	const start_index *x = &v->sidx[at_end];
	size_t nw = lg_vocab_set_words(v);
	if (n == SIZE_MAX) {
		memset(set, 0xFF, nw * sizeof *set);
		return;
	}
	memcpy(set, x->always, nw * sizeof *set);
	for (size_t i = 0; i < n; i++) {
		uint32_t cp = cps[i];
		if (cp >= 0x10000) {
			memset(set, 0xFF, nw * sizeof *set);
			return;
		}
		if (!((x->any[cp >> 3] >> (cp & 7)) & 1))
			continue;
		size_t lo = 0, hi = x->nkeys;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (x->keys[mid] < cp)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t w = 0; w < nw; w++)
			set[w] |= x->masks[lo * nw + w];
	}
}

/* The scope words of bureau level lv as one pattern, with the period and
 * year words: context[lv] and its anchored copy. */
static lg_status compile_context(lg_vocab *v, size_t lv, lg_err *err)
{
	lg_status st = LG_OK;
	lg_buf b = LG_BUF_INIT;
	for (int s = 0; s < LG_SCOPE_COUNT; s++) {
		char *words = expand_level(v->scope[s].src ? v->scope[s].src : "(?!)", levels[lv]);
		lg_buf_addf(&b, "%s(?<%s>%s)", s ? "|" : "", group_names[s], words);
		free(words);
	}
	/* multi before year, so "2019年以来" is read as several years */
	lg_buf_addf(&b, "|(?<multi>%s)|(?<period>%s)|(?<year>%s)",
		    v->rule_src[LG_RULE_MULTIYEAR].src ? v->rule_src[LG_RULE_MULTIYEAR].src : "(?!)", period_pattern,
		    year_pattern);
	lg_re *c = compile_re(b.s, v, "scope words", "vocabulary", 0, NULL, &st, err);
	lg_re *a = c ? compile_re_flags(b.s, v, "scope words", "vocabulary", 0, NULL, PCRE2_ANCHORED, &st, err) : NULL;
	lg_buf_release(&b);
	if (!a) {
		lg_re_free(c);
		return st;
	}
	v->context[lv] = c;
	v->context_anchored[lv] = a;
	atomic_store_explicit(&v->ready[lv], true, memory_order_release);
	return LG_OK;
}

/* Level lv's scope words, compiled on first use (the vocabulary is shared
 * by the workers, so under its lock); the unknown level's when they do not
 * compile, which only running out of memory can make so. */
static size_t context_level(const lg_vocab *cv, const char *level)
{
	size_t lv = 0;
	for (size_t i = 0; i < NLEVELS; i++)
		if (strcmp(levels[i], level ? level : "") == 0)
			lv = i;
	if (atomic_load_explicit(&cv->ready[lv], memory_order_acquire))
		return lv;
	lg_vocab *v = (lg_vocab *)cv; /* a cache: what it holds never changes */
	pthread_mutex_lock(&v->lazy_mu);
	lg_err err;
	if (!atomic_load_explicit(&v->ready[lv], memory_order_relaxed) && compile_context(v, lv, &err) != LG_OK)
		lv = 0;
	pthread_mutex_unlock(&v->lazy_mu);
	return lv;
}

/* Is indicator part one of those whole is the sum of (its `parts`)? */
static bool sum_of(const lg_vocab *v, size_t whole, size_t part)
{
	return v->sums[whole * v->nind + part];
}

static bool related(const lg_vocab *v, size_t a, size_t b)
{
	if (a == b || sum_of(v, a, b) || sum_of(v, b, a))
		return true;
	const lg_indicator *da = &v->ind[a], *db = &v->ind[b];
	if ((da->proxy && strcmp(da->proxy, db->name) == 0) || (db->proxy && strcmp(db->proxy, da->name) == 0))
		return true;
	for (size_t k = 0; k < v->nind; k++)
		if (sum_of(v, k, a) && sum_of(v, k, b))
			return true;
	return false;
}

lg_status lg_vocab_compile(lg_vocab *v, lg_err *err)
{
	lg_status st = LG_OK;
	char what[256];
	clear_compiled(v);
	v->maxcap = 8;
	for (size_t i = 0; i < v->nind; i++) {
		lg_indicator *d = &v->ind[i];
		lg_re_free(d->trigger);
		lg_re_free(d->trigger_end);
		lg_re_free(d->exclude);
		lg_re_free(d->context);
		lg_re_free(d->wider);
		d->trigger = d->trigger_end = d->exclude = d->context = d->wider = NULL;
		snprintf(what, sizeof what, "indicator %s: trigger", d->name);
		const seg_map *sm = &v->segs[LG_SEGS * i];
		d->trigger = compile_re(d->trigger_src, v, what, d->origin, d->line, &sm[0], &st, err);
		if (!d->trigger)
			return st;
		lg_buf b = LG_BUF_INIT;
		lg_buf_addf(&b, "(?:%s)%s", d->trigger_src, end_suffix);
		d->trigger_end = compile_re(b.s, v, what, d->origin, d->line, NULL, &st, err);
		lg_buf_release(&b);
		if (!d->trigger_end)
			return st;
		if (d->exclude_src) {
			snprintf(what, sizeof what, "indicator %s: exclude", d->name);
			if (!(d->exclude = compile_re(d->exclude_src, v, what, d->origin, d->line, &sm[1], &st, err)))
				return st;
		}
		if (d->context_src) {
			snprintf(what, sizeof what, "indicator %s: context", d->name);
			if (!(d->context = compile_re(d->context_src, v, what, d->origin, d->line, &sm[2], &st, err)))
				return st;
		}
		if (d->wider_src) {
			snprintf(what, sizeof what, "indicator %s: wider", d->name);
			if (!(d->wider = compile_re(d->wider_src, v, what, d->origin, d->line, &sm[4], &st, err)))
				return st;
		}
		lg_re_free(d->none);
		d->none = NULL;
		free_list(d->none_lit, d->nnone_lit);
		d->none_lit = NULL;
		d->nnone_lit = 0;
		if (d->none_src) {
			snprintf(what, sizeof what, "indicator %s: none", d->name);
			if (!(d->none = compile_re_flags(d->none_src, v, what, d->origin, d->line, &sm[3], PCRE2_ANCHORED, &st, err)))
				return st;
			if (!leading_words(d->none_src, &d->none_lit, &d->nnone_lit)) {
				lg_err_set(err,
					   "%s:%zu: indicator %s: each alternative of `none` must begin with a word "
					   "(未发生…), not a pattern",
					   d->origin, sm[3].n ? sm[3].line[0] : d->line, d->name);
				return LG_ERR_SYNTAX;
			}
		}
		for (size_t j = 0; j < i; j++) {
			if (strcmp(v->ind[j].id, d->id) == 0) {
				lg_err_set(err, "%s:%zu: indicator %s: id '%s' is already used by %s", d->origin, d->line,
					   d->name, d->id, v->ind[j].name);
				return LG_ERR_SYNTAX;
			}
		}
	}
	/* acceptance by unit id, and the indicators of each unit */
	for (size_t i = 0; i < v->nind; i++) {
		lg_indicator *d = &v->ind[i];
		memset(d->accept_id, 0, sizeof d->accept_id);
		int id = lg_units_canon_id(d->unit);
		d->unit_id = id;
		if (id >= 0)
			d->accept_id[id] = 1;
		for (size_t k = 0; k < d->nsame; k++)
			if ((id = lg_units_canon_id(d->same[k])) >= 0)
				d->accept_id[id] = 1;
		for (size_t k = 0; k < d->naccept; k++)
			if ((id = lg_units_canon_id(d->accept[k])) >= 0 && !d->accept_id[id])
				d->accept_id[id] = 2;
		for (int u = 0; u < LG_UNITS_MAX; u++) {
			if (!d->accept_id[u])
				continue;
			v->by_unit[u] = lg_xrealloc(v->by_unit[u], (v->nby_unit[u] + 1) * sizeof *v->by_unit[u]);
			v->by_unit[u][v->nby_unit[u]++] = (int)i;
		}
	}
	for (size_t i = 0; i < v->nind; i++) {
		const lg_indicator *d = &v->ind[i];
		if (d->proxy && lg_vocab_find(v, d->proxy) < 0) {
			lg_err_set(err, "%s:%zu: indicator %s: proxy '%s' is not an indicator", d->origin, d->line,
				   d->name, d->proxy);
			return LG_ERR_SYNTAX;
		}
		for (size_t k = 0; k < d->nparts; k++)
			if (lg_vocab_find(v, d->parts[k]) < 0) {
				lg_err_set(err, "%s:%zu: indicator %s: part '%s' is not an indicator", d->origin, d->line,
					   d->name, d->parts[k]);
				return LG_ERR_SYNTAX;
			}
	}
	v->sums = lg_xcalloc(v->nind * v->nind, sizeof *v->sums);
	for (size_t w = 0; w < v->nind; w++)
		for (size_t k = 0; k < v->ind[w].nparts; k++)
			v->sums[w * v->nind + (size_t)lg_vocab_find(v, v->ind[w].parts[k])] = true;
	v->related = lg_xcalloc(v->nind * v->nind, sizeof *v->related);
	for (size_t a = 0; a < v->nind; a++)
		for (size_t b = 0; b < v->nind; b++)
			v->related[a * v->nind + b] = related(v, a, b);
	lg_buf anyr = LG_BUF_INIT;
	for (int r = 0; r < LG_RULE_COUNT; r++) {
		src_loc *l = &v->rule_src[r];
		snprintf(what, sizeof what, "rules: %s", rule_keys[r]);
		/* an absent rule never matches */
		v->rule[r] = compile_re(l->src ? l->src : "(?!)", v, what, l->origin, l->line, &l->seg, &st, err);
		if (!v->rule[r]) {
			lg_buf_release(&anyr);
			return st;
		}
		/* the one word an anchored rule begins with, to look for first */
		char **lw = NULL;
		size_t nlw = 0;
		if (l->src && strncmp(l->src, "\\G", 2) == 0 && leading_words(l->src + 2, &lw, &nlw) && nlw == 1) {
			v->rule_lead[r] = lw[0];
			nlw = 0;
		}
		free_list(lw, nlw);
		if (r <= LG_RULE_SINGLE_CASE)
			lg_buf_addf(&anyr, "%s(?:%s)", r ? "|" : "", l->src ? l->src : "(?!)");
	}
	v->any_rule = compile_re(anyr.s, v, "rules", "vocabulary", 0, NULL, &st, err);
	lg_buf_release(&anyr);
	if (!v->any_rule)
		return st;
	/* the unknown level now (it tells whether the words compile, and the
	 * groups' numbers); the others when first asked for */
	{
		/* report the first scope whose words do not compile */
		for (int s = 0; s < LG_SCOPE_COUNT; s++) {
			if (!v->scope[s].src)
				continue;
			char *words = expand_level(v->scope[s].src, "市");
			snprintf(what, sizeof what, "scope %s: words", scope_names[s]);
			pcre2_code *t = compile_checked(words, what, v->scope[s].origin, v->scope[s].line,
							&v->scope[s].seg, 0, &st, err);
			free(words);
			if (!t)
				return st;
			pcre2_code_free(t);
		}
		if ((st = compile_context(v, 0, err)) != LG_OK)
			return st;
	}
	v->campaign = compile_re(v->scope[LG_SCOPE_CAMPAIGN].src ? v->scope[LG_SCOPE_CAMPAIGN].src : "(?!)", v,
				 "scope 专项: words", v->scope[LG_SCOPE_CAMPAIGN].origin,
				 v->scope[LG_SCOPE_CAMPAIGN].line, &v->scope[LG_SCOPE_CAMPAIGN].seg, &st, err);
	if (!v->campaign)
		return st;
	for (int g = 0; g < LG_CTX_COUNT; g++)
		v->group[g] = pcre2_substring_number_from_name(v->context[0]->code, (PCRE2_SPTR)group_names[g]);
	v->sidx_nw = (v->nind + 63) / 64;
	build_start_index(v, &v->sidx[0], false);
	build_start_index(v, &v->sidx[1], true);
	v->compiled = true;
	return LG_OK;
}

int lg_vocab_context_group(const lg_vocab *v, lg_ctx_group g)
{
	return v->group[g];
}

size_t lg_vocab_count(const lg_vocab *v)
{
	return v->nind;
}

const lg_indicator *lg_vocab_get(const lg_vocab *v, size_t i)
{
	return i < v->nind ? &v->ind[i] : NULL;
}

int lg_vocab_find(const lg_vocab *v, const char *name)
{
	for (size_t i = 0; i < v->nind; i++)
		if (strcmp(v->ind[i].name, name) == 0 || (v->ind[i].id && strcmp(v->ind[i].id, name) == 0))
			return (int)i;
	for (size_t i = 0; i < v->nind; i++)
		for (size_t k = 0; k < v->ind[i].nalias; k++)
			if (strcmp(v->ind[i].alias[k], name) == 0)
				return (int)i;
	return -1;
}

bool lg_vocab_named_in(const lg_indicator *ind, const char *s, size_t n)
{
	if (lg_find(s, n, ind->name, strlen(ind->name)))
		return true;
	for (size_t k = 0; k < ind->nalias; k++)
		if (lg_find(s, n, ind->alias[k], strlen(ind->alias[k])))
			return true;
	return false;
}

bool lg_vocab_accepts_id(const lg_indicator *ind, int unit_id, const char *unit, const char **out_unit)
{
	if (unit_id < 0 || unit_id >= LG_UNITS_MAX || !ind->accept_id[unit_id])
		return false;
	*out_unit = ind->accept_id[unit_id] == 1 ? ind->unit : unit;
	return true;
}

bool lg_vocab_accepts(const lg_indicator *ind, const char *unit, const char **out_unit)
{
	int id = lg_units_canon_id(unit);
	return lg_vocab_accepts_id(ind, id, lg_units_canonical(unit) ? lg_units_canonical(unit) : unit, out_unit);
}

const lg_re *lg_vocab_any_rule(const lg_vocab *v)
{
	return v->any_rule;
}

const int *lg_vocab_by_unit(const lg_vocab *v, int unit_id, size_t *n)
{
	if (unit_id < 0 || unit_id >= LG_UNITS_MAX) {
		*n = 0;
		return NULL;
	}
	*n = v->nby_unit[unit_id];
	return v->by_unit[unit_id];
}

const lg_re *lg_vocab_rule(const lg_vocab *v, lg_rule r)
{
	return v->rule[r];
}

const char *lg_vocab_rule_lead(const lg_vocab *v, lg_rule r)
{
	return v->rule_lead[r];
}

bool lg_vocab_related(const lg_vocab *v, int a, int b)
{
	return v->related[(size_t)a * v->nind + (size_t)b];
}

bool lg_vocab_sum_of(const lg_vocab *v, int whole, int part)
{
	return sum_of(v, (size_t)whole, (size_t)part);
}

const lg_re *lg_vocab_context(const lg_vocab *v, const char *level)
{
	return v->context[context_level(v, level)];
}

const lg_re *lg_vocab_context_anchored(const lg_vocab *v, const char *level)
{
	return v->context_anchored[context_level(v, level)];
}

int lg_re_exec(const lg_re *re, pcre2_match_data *md, const char *s, size_t n, size_t start, uint32_t opts)
{
	int st = atomic_load_explicit(&re->state, memory_order_acquire);
	if (st == RE_PENDING)
		st = re_ready((lg_re *)re);
	if (st == RE_JIT)
		return pcre2_jit_match(re->code, (PCRE2_SPTR)s, n, start, opts, md, NULL);
	return pcre2_match(re->code, (PCRE2_SPTR)s, n, start, opts | PCRE2_NO_UTF_CHECK, md, NULL);
}

const lg_re *lg_vocab_campaign(const lg_vocab *v)
{
	return v->campaign;
}

pcre2_match_data *lg_vocab_match_data_new(const lg_vocab *v)
{
	pcre2_match_data *md = pcre2_match_data_create(v->maxcap + 2, NULL);
	if (!md) {
		fputs("lgtrend: out of memory\n", stderr);
		abort();
	}
	return md;
}

bool lg_re_search_unfiltered(const lg_re *re, pcre2_match_data *md, const char *s, size_t n, size_t start,
			     size_t *mstart, size_t *mend)
{
	int rc = lg_re_exec(re, md, s, n, start, 0);
	if (rc < 0)
		return false;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	if (mstart)
		*mstart = ov[0];
	if (mend)
		*mend = ov[1];
	return true;
}

size_t lg_re_skip(const lg_re *re, const char *s, size_t n, size_t from)
{
	const uint8_t *bm = re->starts;
	if (!bm)
		return from;
	/* PCRE2 decides anything the bitmap cannot (beyond the BMP, a cut
	 * character): stop there */
	size_t i = from;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		unsigned cp;
		size_t len;
		if (c < 0x80) {
			cp = c;
			len = 1;
		} else if (c >= 0xE0 && c < 0xF0 && i + 2 < n) {
			cp = ((unsigned)(c & 0x0F) << 12) | ((unsigned)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
			len = 3;
		} else if (c >= 0xC0 && c < 0xE0 && i + 1 < n) {
			cp = ((unsigned)(c & 0x1F) << 6) | (s[i + 1] & 0x3F);
			len = 2;
		} else {
			return i;
		}
		if ((bm[cp >> 3] >> (cp & 7)) & 1)
			return i;
		i += len;
	}
	return n;
}

bool lg_re_search(const lg_re *re, pcre2_match_data *md, const char *s, size_t n, size_t start,
		  size_t *mstart, size_t *mend)
{
	if (re->starts) {
		/* an anchored pattern (or one that begins with ^) is asked of
		 * its first character only */
		bool here = re->anchored || re->begins_at_start;
		size_t i = lg_re_skip(re, s, here && n - start > 4 ? start + 4 : n, start);
		if (i >= n || (here && i != start))
			return false;
		start = i;
	}
	return lg_re_search_unfiltered(re, md, s, n, start, mstart, mend);
}

const pcre2_code *lg_re_code(const lg_re *re)
{
	return re->code;
}

bool lg_re_may_begin(const lg_re *re, const uint32_t *cps, size_t n)
{
	const uint8_t *bm = re->starts;
	if (!bm)
		return true;
	for (size_t i = 0; i < n; i++)
		if (cps[i] >= 0x10000 || ((bm[cps[i] >> 3] >> (cps[i] & 7)) & 1))
			return true;
	return false;
}

const lg_relit *lg_re_literals(const lg_re *re)
{
	if (atomic_load_explicit(&re->lits_read, memory_order_acquire))
		return re->lits;
	static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
	pthread_mutex_lock(&mu);
	lg_re *w = (lg_re *)re; /* filled in once, under the lock: the vocabulary stays shareable */
	if (!atomic_load_explicit(&w->lits_read, memory_order_relaxed)) {
		w->lits = w->src ? lg_relit_new(w->src, w->options) : NULL;
		atomic_store_explicit(&w->lits_read, true, memory_order_release);
	}
	pthread_mutex_unlock(&mu);
	return re->lits;
}

bool lg_re_may_match(const lg_re *re, const char *s, size_t n)
{
	return lg_relit_may_match(lg_re_literals(re), s, n);
}

bool lg_re_filtered(const lg_re *re)
{
	return re->starts != NULL;
}
