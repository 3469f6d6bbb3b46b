/* lg_common: status codes and the error record shared by every module,
 * and a set of characters the stages test text against.
 *
 * Library functions never print and never exit.  A function that can fail
 * returns an lg_status and, when given a non-NULL lg_err, fills it with a
 * one-line message in the house shape (lowercase, no full stop, no program
 * name and no file name: the command layer adds "lgtrend: 'FILE': ").
 */
#ifndef LG_COMMON_H
#define LG_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
	LG_OK = 0,
	LG_ERR_IO,       /* open/read/write failed (errno text in the message) */
	LG_ERR_EMPTY,    /* the input has no bytes */
	LG_ERR_BINARY,   /* the input holds NUL bytes or is not text */
	LG_ERR_ENCODING, /* the input is not valid in any encoding we read */
	LG_ERR_RANGE,    /* a number is too long to keep exactly */
	LG_ERR_SYNTAX,   /* a vocabulary, manifest or argument is malformed */
	LG_ERR_PATTERN,  /* a PCRE2 pattern did not compile */
	LG_ERR_RENDER    /* gnuplot failed or is missing */
} lg_status;

typedef struct {
	char msg[512];
	size_t offset;   /* byte offset or line number the message refers to, if any */
} lg_err;

void lg_err_set(lg_err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

const char *lg_status_name(lg_status st);

/* A set of code points, one bit each below U+10000 (a code point above
 * folds onto one below: a test says "maybe" for it, never "no" wrongly
 * for one below).  For "can a word of this list begin here?" in one test
 * per character. */
typedef struct {
	uint64_t w[1024];
} lg_cpset;

static inline void lg_cpset_add(lg_cpset *s, unsigned cp)
{
	s->w[(cp >> 6) & 1023] |= 1ull << (cp & 63);
}

static inline bool lg_cpset_has(const lg_cpset *s, unsigned cp)
{
	return (s->w[(cp >> 6) & 1023] >> (cp & 63)) & 1;
}

/* May the scans use AVX2 (32 bytes at a time)?  Where the CPU has it, unless
 * lg_set_avx2(false) said no -- tests do, to test the narrower paths.  Not
 * thread-safe: set it before reading. */
bool lg_avx2(void);
void lg_set_avx2(bool on);

/* memmem for UTF-8 text: the first place of lit (len bytes) in s[0..n), or
 * NULL.  Several times faster than glibc's memmem on Chinese: blocks of
 * places whose first and last bytes are lit's (AVX2 where lg_avx2, else
 * SSE2), then the rest compared. */
const char *lg_find(const char *s, size_t n, const char *lit, size_t len);

/* v in decimal into buf (at least 21 bytes), NUL-terminated; returns the
 * length.  For the numbers of every figure, where snprintf is slow. */
size_t lg_utoa(unsigned long long v, char *buf);

/* snprintf(dst, cap, "%s", src) without the format machinery. */
void lg_copy(char *dst, size_t cap, const char *src);

#endif
