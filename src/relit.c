/* relit: owns the reading of a pattern's required literal strings (see
 * lg_relit.h) and the scan that tests a subject for them.
 *
 * The pattern is read by recursive descent into one of three answers per
 * piece: EXACT (the piece matches exactly one of these strings: 罚款,
 * [罚处]款, 百日(?:攻坚)?行动), REQ (every match of the piece contains one of
 * these) or NONE (nothing known: a class of many characters, \d, .).  A
 * sequence keeps the run of EXACT pieces as the product of their strings
 * and offers every run it ends as a candidate; the best candidate (the
 * longest shortest string, then the fewest strings) is the sequence's REQ.
 * Alternatives join their sets.  Small fixed caps keep the sets short:
 * past them a piece knows less, never something false. */
#include "lg_relit.h"

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "lg_buf.h"

enum { SET_MAX = 16, STR_MAX = 36, HASH_BITS = 4096 };

typedef struct {
	size_t n;
	unsigned char len[SET_MAX];
	char s[SET_MAX][STR_MAX];
} sset;

enum { EXACT, REQ, NONE };

typedef struct {
	int kind;
	sset set; /* EXACT, REQ */
} node;

typedef struct {
	const char *p;
	bool bad; /* something not understood: the whole answer is NONE */
	int depth;
} parser;

struct lg_relit {
	sset set;
	size_t minlen; /* of the strings; the scan hashes the first min(3, minlen) bytes */
	size_t key;
	uint8_t bits[HASH_BITS / 8];
};

static node none(void)
{
	node n;
	n.kind = NONE;
	n.set.n = 0;
	return n;
}

static node empty_exact(void)
{
	node n;
	n.kind = EXACT;
	n.set.n = 1;
	n.set.len[0] = 0;
	return n;
}

static bool has(const sset *a, const char *s, size_t len)
{
	for (size_t i = 0; i < a->n; i++)
		if (a->len[i] == len && memcmp(a->s[i], s, len) == 0)
			return true;
	return false;
}

/* Adds s to a unless it is there; false when a is full. */
static bool add(sset *a, const char *s, size_t len)
{
	if (has(a, s, len))
		return true;
	if (a->n == SET_MAX || len > STR_MAX)
		return false;
	memcpy(a->s[a->n], s, len);
	a->len[a->n++] = (unsigned char)len;
	return true;
}

/* A set some match must hold one of: not empty, no empty string. */
static bool usable(const sset *a)
{
	if (a->n == 0)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (a->len[i] == 0)
			return false;
	return true;
}

static size_t min_len(const sset *a)
{
	size_t m = STR_MAX + 1;
	for (size_t i = 0; i < a->n; i++)
		if (a->len[i] < m)
			m = a->len[i];
	return m;
}

/* Keeps a in *best when it is better: longer shortest string, then fewer
 * strings. */
static void offer(sset *best, const sset *a)
{
	if (!usable(a))
		return;
	if (best->n == 0 || min_len(a) > min_len(best) || (min_len(a) == min_len(best) && a->n < best->n))
		*best = *a;
}

/* out = a × b (each of a followed by each of b); false past the caps. */
static bool product(const sset *a, const sset *b, sset *out)
{
	out->n = 0;
	for (size_t i = 0; i < a->n; i++)
		for (size_t j = 0; j < b->n; j++) {
			size_t len = (size_t)a->len[i] + b->len[j];
			if (len > STR_MAX)
				return false;
			char tmp[STR_MAX];
			memcpy(tmp, a->s[i], a->len[i]);
			memcpy(tmp + a->len[i], b->s[j], b->len[j]);
			if (!add(out, tmp, len))
				return false;
		}
	return true;
}

/* Length of the UTF-8 character at p (0: not UTF-8). */
static size_t utf8_len(const unsigned char *p)
{
	size_t k = *p < 0x80 ? 1 : *p >= 0xC2 && *p < 0xE0 ? 2 : *p >= 0xE0 && *p < 0xF0 ? 3 : *p >= 0xF0 && *p < 0xF5 ? 4 : 0;
	for (size_t i = 1; i < k; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return k;
}

static node literal(parser *ps, size_t len)
{
	node n = empty_exact();
	memcpy(n.set.s[0], ps->p, len);
	n.set.len[0] = (unsigned char)len;
	ps->p += len;
	return n;
}

static node parse_alt(parser *ps);

/* [...]: the set of its characters when it lists plain ones only ([罚处]),
 * else NONE. */
static node parse_class(parser *ps)
{
	const unsigned char *p = (const unsigned char *)ps->p + 1;
	bool plain = true;
	node n;
	n.kind = EXACT;
	n.set.n = 0;
	if (*p == '^') {
		plain = false;
		p++;
	}
	if (*p == ']') { /* a ] first is a character of the class */
		if (!add(&n.set, "]", 1))
			plain = false;
		p++;
	}
	for (;;) {
		if (!*p) {
			ps->bad = true;
			return none();
		}
		if (*p == ']')
			break;
		if (*p == '[' && p[1] == ':') { /* [:alpha:] */
			const char *e = strstr((const char *)p + 2, ":]");
			if (!e) {
				ps->bad = true;
				return none();
			}
			p = (const unsigned char *)e + 2;
			plain = false;
			continue;
		}
		if (*p == '\\') {
			/* an escape: \d, \p{..}, \]; only its extent matters */
			plain = false;
			p++;
			if (!*p) {
				ps->bad = true;
				return none();
			}
		} else if (*p == '-' || *p == '[') {
			plain = false;
		}
		size_t k = utf8_len(p);
		if (!k) {
			ps->bad = true;
			return none();
		}
		if (plain && !add(&n.set, (const char *)p, k))
			plain = false;
		p += k;
	}
	ps->p = (const char *)p + 1;
	return plain && n.set.n ? n : none();
}

/* After a backslash. */
static node parse_escape(parser *ps)
{
	const unsigned char *p = (const unsigned char *)ps->p + 1;
	unsigned char c = *p;
	if (!c) {
		ps->bad = true;
		return none();
	}
	if (c >= 0x80 || (!(c >= '0' && c <= '9') && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))) {
		/* an escaped non-alphanumeric character is itself */
		size_t k = utf8_len(p);
		if (!k) {
			ps->bad = true;
			return none();
		}
		ps->p++;
		return literal(ps, k);
	}
	ps->p += 2;
	if (strchr("GbBAzZK", c))
		return empty_exact(); /* assertions: no character */
	if (strchr("dDsSwWhHvVRX", c) || (c == 'N' && *ps->p != '{'))
		return none(); /* one character (or \r\n) of a kind */
	if (c == 'p' || c == 'P') {
		if (*ps->p == '{') {
			const char *e = strchr(ps->p, '}');
			if (!e) {
				ps->bad = true;
				return none();
			}
			ps->p = e + 1;
		} else if (*ps->p) {
			ps->p++;
		}
		return none();
	}
	/* \x{..}, octal, back references, \Q, \c, \e, \n...: not read */
	ps->bad = true;
	return none();
}

/* (...): a group, a lookaround (no characters of the match), or not read. */
static node parse_group(parser *ps)
{
	const char *p = ps->p + 1;
	bool look = false;
	if (*p == '?') {
		p++;
		if (*p == ':' || *p == '>' || *p == '|') {
			p++;
		} else if (*p == '=' || *p == '!') {
			p++;
			look = true;
		} else if (*p == '<' && (p[1] == '=' || p[1] == '!')) {
			p += 2;
			look = true;
		} else if (*p == '<' || *p == '\'' || (*p == 'P' && p[1] == '<')) {
			char close = *p == '\'' ? '\'' : '>';
			p += *p == 'P' ? 2 : 1;
			while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')
				p++;
			if (*p != close) {
				ps->bad = true;
				return none();
			}
			p++;
		} else {
			ps->bad = true; /* flags, comments, conditionals, recursion */
			return none();
		}
	} else if (*p == '*') {
		ps->bad = true; /* verbs */
		return none();
	}
	if (++ps->depth > 64) {
		ps->bad = true;
		return none();
	}
	ps->p = p;
	node n = parse_alt(ps);
	ps->depth--;
	if (*ps->p != ')') {
		ps->bad = true;
		return none();
	}
	ps->p++;
	return look ? empty_exact() : n;
}

static node parse_atom(parser *ps)
{
	const unsigned char c = (unsigned char)*ps->p;
	switch (c) {
	case '(':
		return parse_group(ps);
	case '[':
		return parse_class(ps);
	case '\\':
		return parse_escape(ps);
	case '.':
		ps->p++;
		return none();
	case '^':
	case '$':
		ps->p++;
		return empty_exact();
	case '*':
	case '+':
	case '?':
	case '{':
	case '}':
	case ']':
		ps->bad = true; /* a quantifier with nothing before it, or a brace PCRE2 reads as itself */
		return none();
	default: {
		size_t k = utf8_len((const unsigned char *)ps->p);
		if (!k) {
			ps->bad = true;
			return none();
		}
		return literal(ps, k);
	}
	}
}

static bool digits(const char **p, long *v)
{
	if (**p < '0' || **p > '9')
		return false;
	long x = 0;
	while (**p >= '0' && **p <= '9') {
		if (x < 100000)
			x = x * 10 + (**p - '0');
		(*p)++;
	}
	*v = x;
	return true;
}

/* An atom and its quantifier. */
static node parse_piece(parser *ps)
{
	node a = parse_atom(ps);
	if (ps->bad)
		return a;
	long lo = 1, hi = 1; /* hi < 0: no bound */
	const char *p = ps->p;
	if (*p == '?') {
		lo = 0;
		p++;
	} else if (*p == '*') {
		lo = 0;
		hi = -1;
		p++;
	} else if (*p == '+') {
		hi = -1;
		p++;
	} else if (*p == '{') {
		p++;
		if (!digits(&p, &lo)) {
			ps->bad = true; /* {,n} or a brace read as itself */
			return none();
		}
		hi = lo;
		if (*p == ',') {
			p++;
			if (!digits(&p, &hi))
				hi = -1;
		}
		if (*p != '}') {
			ps->bad = true;
			return none();
		}
		p++;
	} else {
		return a;
	}
	if (*p == '?' || *p == '+') /* lazy, possessive */
		p++;
	ps->p = p;
	if (hi == 0)
		return empty_exact();
	if (lo == 0) {
		/* optional: exactly its strings or nothing, when once at most */
		if (a.kind == EXACT && hi == 1 && add(&a.set, "", 0))
			return a;
		return none();
	}
	if (lo == 1 && hi == 1)
		return a;
	/* at least once: one of its strings is there */
	if (a.kind != NONE && usable(&a.set)) {
		a.kind = REQ;
		return a;
	}
	return none();
}

static node parse_seq(parser *ps)
{
	node run = empty_exact();
	sset best;
	best.n = 0;
	bool exact = true;
	while (!ps->bad && *ps->p && *ps->p != '|' && *ps->p != ')') {
		node it = parse_piece(ps);
		if (ps->bad)
			break;
		offer(&best, &run.set); /* the run so far is required on its own */
		if (it.kind == EXACT) {
			sset t;
			if (product(&run.set, &it.set, &t)) {
				run.set = t;
			} else {
				exact = false;
				run.set = it.set;
			}
		} else {
			exact = false;
			if (it.kind == REQ)
				offer(&best, &it.set);
			run = empty_exact();
		}
	}
	if (ps->bad)
		return none();
	if (exact)
		return run;
	offer(&best, &run.set);
	if (!best.n)
		return none();
	node n;
	n.kind = REQ;
	n.set = best;
	return n;
}

static node parse_alt(parser *ps)
{
	node acc = parse_seq(ps);
	while (!ps->bad && *ps->p == '|') {
		ps->p++;
		node b = parse_seq(ps);
		if (ps->bad)
			return none();
		if (acc.kind == NONE || b.kind == NONE)
			acc = none();
		bool ok = acc.kind != NONE;
		for (size_t i = 0; ok && i < b.set.n; i++)
			ok = add(&acc.set, b.set.s[i], b.set.len[i]);
		if (!ok)
			acc = none();
		else if (b.kind == REQ)
			acc.kind = REQ;
		/* either side may match without a string of the other's */
		if (acc.kind == REQ && !usable(&acc.set))
			acc = none();
	}
	return acc;
}

/* The bucket of the string beginning at p: its first key bytes (3: the
 * whole of a Chinese character, less its fixed bits). */
static inline unsigned hash(const unsigned char *p, size_t key)
{
	unsigned h = key >= 3	? ((unsigned)(p[0] & 0x3F) << 8) ^ ((unsigned)(p[1] & 0x3F) << 6) ^ (p[2] & 0x3F)
		     : key == 2 ? ((unsigned)p[0] << 4) ^ p[1]
				: p[0];
	return h & (HASH_BITS - 1);
}

lg_relit *lg_relit_new(const char *pattern, uint32_t options)
{
	if (options & (PCRE2_CASELESS | PCRE2_EXTENDED | PCRE2_EXTENDED_MORE | PCRE2_LITERAL | PCRE2_ALT_BSUX |
		       PCRE2_ALLOW_EMPTY_CLASS | PCRE2_NO_UTF_CHECK))
		return NULL;
	parser ps = { pattern, false, 0 };
	node n = parse_alt(&ps);
	if (ps.bad || *ps.p || n.kind == NONE || !usable(&n.set))
		return NULL;
	lg_relit *l = lg_xcalloc(1, sizeof *l);
	l->set = n.set;
	l->minlen = min_len(&n.set);
	l->key = l->minlen < 3 ? l->minlen : 3;
	for (size_t i = 0; i < n.set.n; i++) {
		unsigned h = hash((const unsigned char *)n.set.s[i], l->key);
		l->bits[h >> 3] |= (uint8_t)(1u << (h & 7));
	}
	return l;
}

void lg_relit_free(lg_relit *l)
{
	free(l);
}

bool lg_relit_may_match(const lg_relit *l, const char *s, size_t n)
{
	if (!l)
		return true;
	if (n < l->minlen)
		return false;
	/* a string begins where a character does: from a lead byte, on by
	 * its character (a continuation byte, where s begins inside one: by
	 * one) */
	static const uint8_t step[16] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4 };
	const unsigned char *u = (const unsigned char *)s;
	size_t last = n - l->minlen;
	for (size_t i = 0; i <= last; i += step[u[i] >> 4]) {
		unsigned h = hash(u + i, l->key);
		if (!((l->bits[h >> 3] >> (h & 7)) & 1))
			continue;
		for (size_t j = 0; j < l->set.n; j++)
			if (l->set.len[j] <= n - i && memcmp(u + i, l->set.s[j], l->set.len[j]) == 0)
				return true;
	}
	return false;
}

size_t lg_relit_count(const lg_relit *l)
{
	return l ? l->set.n : 0;
}

const char *lg_relit_get(const lg_relit *l, size_t i, size_t *len)
{
	*len = l->set.len[i];
	return l->set.s[i];
}
