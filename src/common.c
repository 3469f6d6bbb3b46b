/* common: the error record and status names shared by every module, the
 * run-time choice of AVX2, and a substring search fast on Chinese text. */
#include "lg_common.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

void lg_err_set(lg_err *e, const char *fmt, ...)
{
	if (!e)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
}

static bool avx2_off;

bool lg_avx2(void)
{
#if defined(__x86_64__) && defined(__GNUC__)
	return !avx2_off && __builtin_cpu_supports("avx2");
#else
	return false;
#endif
}

void lg_set_avx2(bool on)
{
	avx2_off = !on;
}

const char *lg_status_name(lg_status st)
{
	switch (st) {
	case LG_OK: return "ok";
	case LG_ERR_IO: return "i/o error";
	case LG_ERR_EMPTY: return "empty";
	case LG_ERR_BINARY: return "binary";
	case LG_ERR_ENCODING: return "encoding";
	case LG_ERR_RANGE: return "range";
	case LG_ERR_SYNTAX: return "syntax";
	case LG_ERR_PATTERN: return "pattern";
	case LG_ERR_RENDER: return "render";
	}
	return "unknown";
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
/* lg_find's places from i, 32 at a time while a whole block fits before
 * last; returns where the narrower search goes on (*at: a match, or
 * SIZE_MAX). */
__attribute__((target("avx2"))) static size_t find_avx2(const char *s, size_t i, size_t last, const char *lit,
							  size_t len, size_t *at)
{
	const __m256i f = _mm256_set1_epi8(lit[0]), l = _mm256_set1_epi8(lit[len - 1]);
	for (; i + 31 <= last; i += 32) {
		__m256i a = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
		__m256i b = _mm256_loadu_si256((const __m256i *)(const void *)(s + i + len - 1));
		unsigned m = (unsigned)_mm256_movemask_epi8(_mm256_and_si256(_mm256_cmpeq_epi8(a, f), _mm256_cmpeq_epi8(b, l)));
		for (; m; m &= m - 1) {
			size_t k = i + (size_t)__builtin_ctz(m);
			if (memcmp(s + k + 1, lit + 1, len - 2) == 0) {
				*at = k;
				return i;
			}
		}
	}
	return i;
}
#endif

const char *lg_find(const char *s, size_t n, const char *lit, size_t len)
{
	if (!len || n < len)
		return len ? NULL : s;
	if (len == 1)
		return memchr(s, lit[0], n);
	size_t i = 0, last = n - len; /* the last place lit may begin */
#if defined(__x86_64__) && defined(__GNUC__)
	if (last >= 31 && lg_avx2()) {
		size_t at = SIZE_MAX;
		i = find_avx2(s, i, last, lit, len, &at);
		if (at != SIZE_MAX)
			return s + at;
	}
#endif
#ifdef __SSE2__
	const __m128i f = _mm_set1_epi8(lit[0]), l = _mm_set1_epi8(lit[len - 1]);
	for (; i + 15 <= last; i += 16) {
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(s + i + len - 1));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, f), _mm_cmpeq_epi8(b, l)));
		for (; m; m &= m - 1) {
			size_t k = i + (size_t)__builtin_ctz(m);
			if (memcmp(s + k + 1, lit + 1, len - 2) == 0)
				return s + k;
		}
	}
#endif
	for (; i <= last; i++)
		if (s[i] == lit[0] && s[i + len - 1] == lit[len - 1] && memcmp(s + i, lit, len) == 0)
			return s + i;
	return NULL;
}

size_t lg_utoa(unsigned long long v, char *buf)
{
	char tmp[24], *p = tmp + sizeof tmp;
	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	size_t n = (size_t)(tmp + sizeof tmp - p);
	memcpy(buf, p, n);
	buf[n] = '\0';
	return n;
}

void lg_copy(char *dst, size_t cap, const char *src)
{
	if (!cap)
		return;
	size_t n = strlen(src);
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}
