/* series: owns the headline rule and year-over-year arithmetic for one
 * indicator; keeps only the best figure per (agency, year, scope). */
#include "lg_series.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct lg_series {
	const lg_vocab *v;
	int indicator;
	int proxy; /* vocabulary index of the proxy, or -1 */
	int scope_filter;
	lg_row *rows;
	size_t n, cap;
	/* which file gave each (agency, year): for conflicts */
	struct owner {
		char *key;
		int year;
		size_t file_index;
		char *source;
	} *owners;
	size_t nown, capown;
	/* open addressing: slot holds index + 1, 0 = empty */
	size_t *rowtab, rowtab_cap;
	size_t *owntab, owntab_cap;
	bool finished;
};

static size_t hash_key(const char *key, int year, int scope)
{
	size_t h = 1469598103934665603ULL;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	h = (h ^ (size_t)year) * 1099511628211ULL;
	h = (h ^ (size_t)(scope + 7)) * 1099511628211ULL;
	return h;
}

/* Rebuild a table for n entries; key_of(i) gives entry i's hash. */
static void rehash(size_t **tab, size_t *cap, size_t n, size_t (*hash_of)(const lg_series *, size_t),
		   const lg_series *s)
{
	size_t c = 64;
	while (c < 2 * n + 2)
		c *= 2;
	free(*tab);
	*tab = lg_xcalloc(c, sizeof **tab);
	*cap = c;
	for (size_t i = 0; i < n; i++) {
		size_t h = hash_of(s, i) & (c - 1);
		while ((*tab)[h])
			h = (h + 1) & (c - 1);
		(*tab)[h] = i + 1;
	}
}

static size_t row_hash(const lg_series *s, size_t i)
{
	return hash_key(s->rows[i].key, s->rows[i].year, (int)s->rows[i].scope);
}

static size_t owner_hash(const lg_series *s, size_t i)
{
	return hash_key(s->owners[i].key, s->owners[i].year, -1);
}

lg_series *lg_series_new(const lg_vocab *v, int indicator, int scope_filter)
{
	lg_series *s = lg_xcalloc(1, sizeof *s);
	s->v = v;
	s->indicator = indicator;
	s->scope_filter = scope_filter;
	s->proxy = -1;
	const lg_indicator *d = lg_vocab_get(v, (size_t)indicator);
	if (d && d->proxy)
		s->proxy = lg_vocab_find(v, d->proxy);
	return s;
}

static void row_release(lg_row *r)
{
	free(r->agency);
	free(r->key);
	free(r->source);
	free(r->text);
}

void lg_series_free(lg_series *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		row_release(&s->rows[i]);
	free(s->rows);
	for (size_t i = 0; i < s->nown; i++) {
		free(s->owners[i].key);
		free(s->owners[i].source);
	}
	free(s->owners);
	free(s->rowtab);
	free(s->owntab);
	free(s);
}

/* How much a figure in unit u says what indicator d counts: 0 in its own
 * unit, else 1 + the unit's place in its `accept` list (检查企业: 家 before
 * 次, enterprises before visits). */
static int unit_rank(const lg_indicator *d, const char *u)
{
	if (strcmp(u, d->unit) == 0)
		return 0;
	for (size_t i = 0; i < d->naccept; i++)
		if (strcmp(u, d->accept[i]) == 0)
			return 1 + (int)i;
	return 1 + (int)d->naccept;
}

int lg_series_compare(const lg_vocab *v, const lg_row *a, const lg_row *b)
{
	int ra = lg_vocab_scope_rank(v, a->scope), rb = lg_vocab_scope_rank(v, b->scope);
	if (ra != rb)
		return ra < rb ? -1 : 1;
	/* the indicator itself, even as a part of its stand-in's total
	 * (罚没款…，其中罚款986.2万元), before the stand-in */
	if (a->proxy != b->proxy)
		return a->proxy ? 1 : -1;
	if (a->role != b->role)
		return a->role == LG_ROLE_TOTAL ? -1 : 1;
	if (a->unit_rank != b->unit_rank)
		return a->unit_rank < b->unit_rank ? -1 : 1;
	int c = lg_dec_cmp(&a->value, &b->value);
	if (c)
		return c > 0 ? -1 : 1;
	bool fa = a->period[0] == '\0', fb = b->period[0] == '\0';
	if (fa != fb)
		return fa ? -1 : 1;
	if (a->file_index != b->file_index)
		return a->file_index < b->file_index ? -1 : 1;
	if (a->offset != b->offset)
		return a->offset < b->offset ? -1 : 1;
	return 0;
}

static struct owner *find_owner(lg_series *s, const char *key, int year)
{
	if (!s->owntab_cap)
		return NULL;
	size_t h = hash_key(key, year, -1) & (s->owntab_cap - 1);
	while (s->owntab[h]) {
		struct owner *o = &s->owners[s->owntab[h] - 1];
		if (o->year == year && strcmp(o->key, key) == 0)
			return o;
		h = (h + 1) & (s->owntab_cap - 1);
	}
	return NULL;
}

static lg_row *find_row(lg_series *s, const char *key, int year, lg_scope scope)
{
	if (!s->rowtab_cap)
		return NULL;
	size_t h = hash_key(key, year, (int)scope) & (s->rowtab_cap - 1);
	while (s->rowtab[h]) {
		lg_row *r = &s->rows[s->rowtab[h] - 1];
		if (r->year == year && r->scope == scope && strcmp(r->key, key) == 0)
			return r;
		h = (h + 1) & (s->rowtab_cap - 1);
	}
	return NULL;
}

static void index_insert(size_t *tab, size_t cap, size_t hash, size_t idx)
{
	size_t h = hash & (cap - 1);
	while (tab[h])
		h = (h + 1) & (cap - 1);
	tab[h] = idx + 1;
}

static char *text_copy(const char *t, size_t a, size_t b)
{
	/* the sentence without soft newlines */
	char *out = lg_xmalloc(b - a + 1);
	size_t k = 0;
	for (size_t i = a; i < b; i++)
		if (t[i] != '\n')
			out[k++] = t[i];
	out[k] = '\0';
	return out;
}

const char *lg_series_add(lg_series *s, const lg_report *rep, const char *source, size_t file_index,
			  const char *t, const lg_figures *figs)
{
	if (!rep->agency[0] || !rep->year)
		return NULL;
	char key[192];
	lg_meta_agency_key(rep->agency, key, sizeof key);
	struct owner *o = find_owner(s, key, rep->year);
	if (o && o->file_index != file_index)
		return o->source;
	if (!o) {
		if (s->nown == s->capown) {
			s->capown = s->capown ? 2 * s->capown : 64;
			s->owners = lg_xrealloc(s->owners, s->capown * sizeof *s->owners);
		}
		o = &s->owners[s->nown++];
		o->key = lg_xstrdup(key);
		o->year = rep->year;
		o->file_index = file_index;
		o->source = lg_xstrdup(source);
		if (2 * s->nown + 2 > s->owntab_cap)
			rehash(&s->owntab, &s->owntab_cap, s->nown, owner_hash, s);
		else
			index_insert(s->owntab, s->owntab_cap, owner_hash(s, s->nown - 1), s->nown - 1);
	}
	const lg_indicator *ind = lg_vocab_get(s->v, (size_t)s->indicator);
	for (size_t i = 0; i < figs->n; i++) {
		const lg_figure *f = &figs->v[i];
		if (f->role == LG_ROLE_EXCLUDED)
			continue;
		bool direct = f->indicator == s->indicator;
		bool proxy = s->proxy >= 0 && f->indicator == s->proxy;
		if (!direct && !proxy)
			continue;
		if (s->scope_filter >= 0 && (int)f->scope != s->scope_filter)
			continue;
		lg_row cand;
		memset(&cand, 0, sizeof cand);
		cand.year = rep->year;
		cand.scope = f->scope;
		cand.proxy = proxy;
		cand.indicator = f->indicator;
		cand.role = f->role;
		cand.value = f->value;
		cand.unit_rank = unit_rank(proxy ? ind : lg_vocab_get(s->v, (size_t)f->indicator), f->unit);
		cand.file_index = file_index;
		cand.offset = f->offset;
		snprintf(cand.period, sizeof cand.period, "%s", f->period);
		lg_row *cur = find_row(s, key, rep->year, f->scope);
		if (cur && lg_series_compare(s->v, &cand, cur) >= 0)
			continue;
		if (!cur) {
			if (s->n == s->cap) {
				s->cap = s->cap ? 2 * s->cap : 64;
				s->rows = lg_xrealloc(s->rows, s->cap * sizeof *s->rows);
			}
			cur = &s->rows[s->n++];
			memset(cur, 0, sizeof *cur);
			cur->agency = lg_xstrdup(rep->agency);
			cur->key = lg_xstrdup(key);
			cur->year = rep->year;
			cur->scope = f->scope;
			if (2 * s->n + 2 > s->rowtab_cap)
				rehash(&s->rowtab, &s->rowtab_cap, s->n, row_hash, s);
			else
				index_insert(s->rowtab, s->rowtab_cap, row_hash(s, s->n - 1), s->n - 1);
		} else {
			free(cur->source);
			free(cur->text);
			/* keep the longest spelling of the agency */
			if (strlen(rep->agency) > strlen(cur->agency)) {
				free(cur->agency);
				cur->agency = lg_xstrdup(rep->agency);
			}
		}
		char *agency = cur->agency, *k = cur->key;
		*cur = cand;
		cur->agency = agency;
		cur->key = k;
		snprintf(cur->unit, sizeof cur->unit, "%s", f->unit);
		cur->approx = f->approx;
		cur->has_reported_yoy = f->has_yoy;
		cur->reported_yoy = f->yoy_hundredths;
		cur->source = lg_xstrdup(source);
		cur->text = text_copy(t, f->text_start, f->text_end);
	}
	return NULL;
}

static const lg_vocab *sort_vocab;
static char *const *sort_keys;

static int cmp_key_ids(const void *pa, const void *pb)
{
	return strcmp(sort_keys[*(const size_t *)pa], sort_keys[*(const size_t *)pb]);
}

/* Each row's key_rank: its key's place among the series' keys in strcmp
 * order -- each distinct key compared once, not at every comparison of
 * a sort of all rows. */
static void rank_keys(lg_series *s)
{
	size_t cap = 16;
	while (cap < 2 * s->n)
		cap *= 2;
	size_t *tab = lg_xcalloc(cap, sizeof *tab); /* key id + 1 */
	char **keys = lg_xmalloc((s->n + 1) * sizeof *keys);
	size_t nk = 0;
	for (size_t i = 0; i < s->n; i++) {
		size_t h = hash_key(s->rows[i].key, 0, 0) & (cap - 1);
		while (tab[h] && strcmp(keys[tab[h] - 1], s->rows[i].key) != 0)
			h = (h + 1) & (cap - 1);
		if (!tab[h]) {
			keys[nk] = s->rows[i].key;
			tab[h] = ++nk;
		}
		s->rows[i].key_rank = tab[h] - 1; /* the id, for now */
	}
	size_t *order = lg_xmalloc((nk + 1) * sizeof *order), *rank = lg_xmalloc((nk + 1) * sizeof *rank);
	for (size_t k = 0; k < nk; k++)
		order[k] = k;
	sort_keys = keys;
	qsort(order, nk, sizeof *order, cmp_key_ids);
	for (size_t k = 0; k < nk; k++)
		rank[order[k]] = k;
	for (size_t i = 0; i < s->n; i++)
		s->rows[i].key_rank = rank[s->rows[i].key_rank];
	free(order);
	free(rank);
	free(keys);
	free(tab);
}

static int cmp_rows(const void *pa, const void *pb)
{
	const lg_row *a = pa, *b = pb;
	if (a->key_rank != b->key_rank)
		return a->key_rank < b->key_rank ? -1 : 1;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->headline != b->headline)
		return a->headline ? -1 : 1;
	int ra = lg_vocab_scope_rank(sort_vocab, a->scope), rb = lg_vocab_scope_rank(sort_vocab, b->scope);
	return (ra > rb) - (ra < rb);
}

void lg_series_finish(lg_series *s)
{
	if (s->finished)
		return;
	s->finished = true;
	free(s->rowtab);
	s->rowtab = NULL;
	s->rowtab_cap = 0;
	sort_vocab = s->v;
	rank_keys(s);
	if (s->n)
		qsort(s->rows, s->n, sizeof *s->rows, cmp_rows);
	/* per agency: one display name (the longest spelling) */
	for (size_t i = 0; i < s->n;) {
		size_t j = i, longest = i;
		while (j < s->n && s->rows[j].key_rank == s->rows[i].key_rank) {
			if (strlen(s->rows[j].agency) > strlen(s->rows[longest].agency))
				longest = j;
			j++;
		}
		for (size_t k = i; k < j; k++) {
			if (k != longest && strcmp(s->rows[k].agency, s->rows[longest].agency) != 0) {
				free(s->rows[k].agency);
				s->rows[k].agency = lg_xstrdup(s->rows[longest].agency);
			}
		}
		i = j;
	}
	/* per (agency, year): a stand-in row stays only where it is of a wider
	 * scope than every row of the indicator itself (全市罚没款 over 市本级罚款:
	 * the city's figure, marked as a stand-in); then mark the headline */
	size_t w = 0;
	for (size_t i = 0; i < s->n;) {
		size_t j = i;
		int direct_rank = INT_MAX;
		while (j < s->n && s->rows[j].year == s->rows[i].year && s->rows[j].key_rank == s->rows[i].key_rank) {
			int r = lg_vocab_scope_rank(s->v, s->rows[j].scope);
			if (!s->rows[j].proxy && r < direct_rank)
				direct_rank = r;
			j++;
		}
		size_t first = w;
		for (size_t k = i; k < j; k++) {
			if (s->rows[k].proxy && lg_vocab_scope_rank(s->v, s->rows[k].scope) >= direct_rank)
				row_release(&s->rows[k]);
			else
				s->rows[w++] = s->rows[k];
		}
		size_t best = first;
		for (size_t k = first + 1; k < w; k++)
			if (lg_series_compare(s->v, &s->rows[k], &s->rows[best]) < 0)
				best = k;
		if (w > first) {
			/* the headline first, the others in scope order as they
			 * are (cmp_rows' order, with no sort again) */
			lg_row h = s->rows[best];
			h.headline = true;
			memmove(&s->rows[first + 1], &s->rows[first], (best - first) * sizeof *s->rows);
			s->rows[first] = h;
		}
		i = j;
	}
	s->n = w;
	/* year over year: same agency, scope, unit and basis, consecutive full
	 * years; rows of one agency are adjacent and sorted by year */
	for (size_t i = 0; i < s->n; i++) {
		lg_row *r = &s->rows[i];
		if (r->period[0])
			continue;
		for (size_t j = i; j > 0; j--) {
			const lg_row *p = &s->rows[j - 1];
			if (p->key_rank != r->key_rank || p->year < r->year - 1)
				break;
			if (p->year != r->year - 1 || p->scope != r->scope || p->period[0] ||
			    strcmp(p->unit, r->unit) != 0 || p->proxy != r->proxy)
				continue;
			if (lg_dec_sub(&r->value, &p->value, &r->yoy_abs) == LG_OK)
				r->has_yoy = true;
			r->has_yoy_pct = lg_dec_pct_change(&p->value, &r->value, &r->yoy_pct);
			break;
		}
	}
}

size_t lg_series_count(const lg_series *s)
{
	return s->n;
}

const lg_row *lg_series_row(const lg_series *s, size_t i)
{
	return i < s->n ? &s->rows[i] : NULL;
}

int lg_series_indicator(const lg_series *s)
{
	return s->indicator;
}

const lg_vocab *lg_series_vocab(const lg_series *s)
{
	return s->v;
}

bool lg_series_years(const lg_series *s, int *lo, int *hi)
{
	bool any = false;
	for (size_t i = 0; i < s->n; i++) {
		if (!s->rows[i].headline)
			continue;
		if (!any || s->rows[i].year < *lo)
			*lo = s->rows[i].year;
		if (!any || s->rows[i].year > *hi)
			*hi = s->rows[i].year;
		any = true;
	}
	return any;
}
