/* dec: exact decimal arithmetic for figure values (parse, scale, compare,
 * subtract, print).  Digit strings, never doubles, so values stay exact. */
#include "lg_dec.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define EXP_MIN (-2000)
#define EXP_MAX 2000

static void normalize(lg_dec *v)
{
	size_t lead = 0;
	while (lead < v->nd && v->d[lead] == '0')
		lead++;
	if (lead) {
		memmove(v->d, v->d + lead, v->nd - lead);
		v->nd = (uint8_t)(v->nd - lead);
	}
	while (v->nd && v->d[v->nd - 1] == '0') {
		v->nd--;
		v->exp++;
	}
	if (!v->nd) {
		v->exp = 0;
		v->neg = false;
	}
}

lg_status lg_dec_parse(const char *s, size_t n, lg_dec *out)
{
	memset(out, 0, sizeof *out);
	bool dot = false, any = false;
	int frac = 0;
	char tmp[LG_DEC_MAXDIG];
	size_t nd = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '.') {
			if (dot)
				return LG_ERR_SYNTAX;
			dot = true;
			continue;
		}
		if (c < '0' || c > '9')
			return LG_ERR_SYNTAX;
		any = true;
		if (nd == 0 && c == '0') {
			if (dot)
				frac++;
			continue; /* leading zero */
		}
		if (nd >= LG_DEC_MAXDIG) {
			/* Only trailing zeros of the integer part may be dropped exactly. */
			if (c != '0')
				return LG_ERR_RANGE;
			if (!dot) {
				/* count as a power of ten later */
				frac--;
				continue;
			}
			continue; /* trailing fractional zero: no value */
		}
		tmp[nd++] = c;
		if (dot)
			frac++;
	}
	if (!any)
		return LG_ERR_SYNTAX;
	if (frac > -EXP_MIN || -frac > EXP_MAX)
		return LG_ERR_RANGE;
	memcpy(out->d, tmp, nd);
	out->nd = (uint8_t)nd;
	out->exp = (int16_t)-frac;
	normalize(out);
	return LG_OK;
}

void lg_dec_from_u64(lg_dec *out, uint64_t v)
{
	char tmp[24];
	size_t n = lg_utoa(v, tmp);
	lg_dec_parse(tmp, n, out);
}

lg_status lg_dec_shift(lg_dec *v, int k)
{
	if (!v->nd)
		return LG_OK;
	long e = (long)v->exp + k;
	if (e < EXP_MIN || e > EXP_MAX)
		return LG_ERR_RANGE;
	v->exp = (int16_t)e;
	return LG_OK;
}

bool lg_dec_is_zero(const lg_dec *v)
{
	return v->nd == 0;
}

/* Compare magnitudes. */
static int cmp_abs(const lg_dec *a, const lg_dec *b)
{
	if (!a->nd || !b->nd)
		return (a->nd > 0) - (b->nd > 0);
	/* position of the most significant digit */
	long ma = (long)a->nd + a->exp, mb = (long)b->nd + b->exp;
	if (ma != mb)
		return ma < mb ? -1 : 1;
	size_t n = a->nd > b->nd ? a->nd : b->nd;
	for (size_t i = 0; i < n; i++) {
		char ca = i < a->nd ? a->d[i] : '0';
		char cb = i < b->nd ? b->d[i] : '0';
		if (ca != cb)
			return ca < cb ? -1 : 1;
	}
	return 0;
}

int lg_dec_cmp(const lg_dec *a, const lg_dec *b)
{
	if (a->neg != b->neg && (a->nd || b->nd))
		return a->neg ? -1 : 1;
	int c = cmp_abs(a, b);
	return a->neg ? -c : c;
}

/* Digit of |v| at power 10^p. */
static int digit_at(const lg_dec *v, long p)
{
	long idx = (long)v->nd - 1 - (p - v->exp);
	if (idx < 0 || idx >= v->nd)
		return 0;
	return v->d[idx] - '0';
}

/* |a| - |b| where |a| >= |b|, or |a| + |b|. */
static lg_status add_sub_abs(const lg_dec *a, const lg_dec *b, bool subtract, lg_dec *out)
{
	long lo = a->exp < b->exp ? a->exp : b->exp;
	long hia = a->nd ? (long)a->nd + a->exp : lo;
	long hib = b->nd ? (long)b->nd + b->exp : lo;
	long hi = (hia > hib ? hia : hib) + 1;
	if (hi - lo > 2 * LG_DEC_MAXDIG + 2)
		return LG_ERR_RANGE;
	char tmp[2 * LG_DEC_MAXDIG + 4];
	long n = hi - lo;
	int carry = 0;
	for (long p = lo, i = n - 1; p < hi; p++, i--) {
		int x = digit_at(a, p);
		int y = digit_at(b, p);
		int r;
		if (subtract) {
			r = x - y - carry;
			carry = r < 0;
			if (r < 0)
				r += 10;
		} else {
			r = x + y + carry;
			carry = r >= 10;
			if (r >= 10)
				r -= 10;
		}
		tmp[i] = (char)('0' + r);
	}
	/* strip leading zeros before checking size */
	long start = 0;
	/* (every digit of tmp[0..n) is written above) */
	/* cppcheck-suppress uninitvar */
	while (start < n && tmp[start] == '0')
		start++;
	long end = n;
	long exp = lo;
	while (end > start && tmp[end - 1] == '0') {
		end--;
		exp++;
	}
	memset(out, 0, sizeof *out);
	if (end - start > LG_DEC_MAXDIG)
		return LG_ERR_RANGE;
	memcpy(out->d, tmp + start, (size_t)(end - start));
	out->nd = (uint8_t)(end - start);
	out->exp = (int16_t)exp;
	normalize(out);
	return LG_OK;
}

lg_status lg_dec_sub(const lg_dec *a, const lg_dec *b, lg_dec *out)
{
	lg_dec nb = *b;
	nb.neg = !b->neg;
	lg_status st;
	if (a->neg == nb.neg) {
		st = add_sub_abs(a, &nb, false, out);
		out->neg = a->neg && out->nd;
		return st;
	}
	if (cmp_abs(a, &nb) >= 0) {
		st = add_sub_abs(a, &nb, true, out);
		out->neg = a->neg && out->nd;
	} else {
		st = add_sub_abs(&nb, a, true, out);
		out->neg = nb.neg && out->nd;
	}
	return st;
}

size_t lg_dec_format(const lg_dec *v, char *buf)
{
	size_t k = 0;
	if (!v->nd) {
		buf[0] = '0';
		buf[1] = '\0';
		return 1;
	}
	if (v->neg)
		buf[k++] = '-';
	if (v->exp >= 0) {
		/* digits followed by exp zeros; cap absurd exponents */
		if ((size_t)v->nd + (size_t)v->exp + 2 >= LG_DEC_FMTMAX) {
			k += (size_t)snprintf(buf + k, LG_DEC_FMTMAX - k, "%.*se%d", (int)v->nd, v->d, v->exp);
			return k;
		}
		memcpy(buf + k, v->d, v->nd);
		k += v->nd;
		for (int i = 0; i < v->exp; i++)
			buf[k++] = '0';
	} else {
		long intlen = (long)v->nd + v->exp;
		if ((size_t)v->nd + (size_t)(-v->exp) + 4 >= LG_DEC_FMTMAX) {
			k += (size_t)snprintf(buf + k, LG_DEC_FMTMAX - k, "%.*se%d", (int)v->nd, v->d, v->exp);
			return k;
		}
		if (intlen > 0) {
			memcpy(buf + k, v->d, (size_t)intlen);
			k += (size_t)intlen;
			buf[k++] = '.';
			memcpy(buf + k, v->d + intlen, (size_t)(v->nd - intlen));
			k += (size_t)(v->nd - intlen);
		} else {
			buf[k++] = '0';
			buf[k++] = '.';
			for (long i = 0; i < -intlen; i++)
				buf[k++] = '0';
			memcpy(buf + k, v->d, v->nd);
			k += v->nd;
		}
	}
	buf[k] = '\0';
	return k;
}

double lg_dec_to_double(const lg_dec *v)
{
	long double m = 0;
	for (size_t i = 0; i < v->nd; i++)
		m = m * 10 + (v->d[i] - '0');
	/* the usual exponents from a table: powl is slow */
	static const long double p10[] = { 1e0L, 1e1L, 1e2L, 1e3L, 1e4L, 1e5L, 1e6L, 1e7L, 1e8L, 1e9L, 1e10L, 1e11L, 1e12L };
	int e = v->exp;
	if (e >= 0 && e <= 12)
		m *= p10[e];
	else if (e < 0 && e >= -12)
		m /= p10[-e];
	else
		m *= powl(10.0L, e);
	return (double)(v->neg ? -m : m);
}

bool lg_dec_pct_change(const lg_dec *prev, const lg_dec *cur, long long *hundredths)
{
	if (!prev->nd)
		return false;
	lg_dec diff;
	if (lg_dec_sub(cur, prev, &diff) != LG_OK)
		return false;
	long double r = (long double)lg_dec_to_double(&diff) / (long double)lg_dec_to_double(prev);
	long double h = r * 10000.0L;
	if (!isfinite((double)h) || fabsl(h) > 9e17L)
		return false;
	*hundredths = (long long)(h < 0 ? h - 0.5L : h + 0.5L);
	return true;
}

size_t lg_dec_format_hundredths(long long h, char *buf, size_t cap)
{
	unsigned long long a = h < 0 ? (unsigned long long)(-(h + 1)) + 1 : (unsigned long long)h;
	int n = snprintf(buf, cap, "%s%llu.%02llu", h < 0 ? "-" : "", a / 100, a % 100);
	return n < 0 ? 0 : (size_t)n;
}
