/* lg_buf: a growable byte buffer, always NUL-terminated.
 *
 * Invariants: after lg_buf_init, b->s is never NULL (it points at a static
 * empty string until the first append), b->len < b->cap when cap > 0, and
 * b->s[b->len] == '\0'.  Appends abort the process on allocation failure:
 * lgtrend treats out-of-memory as fatal, so callers need not check.
 * lg_buf_release frees the contents and re-initialises the buffer.
 */
#ifndef LG_BUF_H
#define LG_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
	char *s;
	size_t len;
	size_t cap;
} lg_buf;

#define LG_BUF_INIT { (char *)lg_buf_empty_, 0, 0 }
extern const char lg_buf_empty_[1];

void lg_buf_init(lg_buf *b);
void lg_buf_release(lg_buf *b);
void lg_buf_reset(lg_buf *b);          /* len = 0, keeps the allocation */
void lg_buf_grow(lg_buf *b, size_t extra);
void lg_buf_add(lg_buf *b, const void *p, size_t n);
void lg_buf_adds(lg_buf *b, const char *s);
void lg_buf_addc(lg_buf *b, char c);
void lg_buf_addf(lg_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void lg_buf_vaddf(lg_buf *b, const char *fmt, va_list ap);
/* Detach the string; the caller owns it (free()).  The buffer is re-initialised. */
char *lg_buf_detach(lg_buf *b, size_t *len);

/* Allocation helpers that abort on failure. */
void *lg_xmalloc(size_t n);
void *lg_xcalloc(size_t n, size_t sz);
void *lg_xrealloc(void *p, size_t n);
char *lg_xstrdup(const char *s);
char *lg_xstrndup(const char *s, size_t n);

#endif
