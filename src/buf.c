/* buf: growable buffers and allocation helpers that abort on failure. */
#include "lg_buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char lg_buf_empty_[1];

static void oom(void)
{
	fputs("lgtrend: out of memory\n", stderr);
	abort();
}

void *lg_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *lg_xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz ? sz : 1);
	if (!p)
		oom();
	return p;
}

void *lg_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom();
	return q;
}

char *lg_xstrndup(const char *s, size_t n)
{
	char *p = lg_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *lg_xstrdup(const char *s)
{
	return lg_xstrndup(s, strlen(s));
}

void lg_buf_init(lg_buf *b)
{
	b->s = (char *)lg_buf_empty_;
	b->len = 0;
	b->cap = 0;
}

void lg_buf_release(lg_buf *b)
{
	if (b->cap)
		free(b->s);
	lg_buf_init(b);
}

void lg_buf_reset(lg_buf *b)
{
	b->len = 0;
	if (b->cap)
		b->s[0] = '\0';
}

void lg_buf_grow(lg_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	if (b->cap) {
		b->s = lg_xrealloc(b->s, cap);
	} else {
		b->s = lg_xmalloc(cap);
		b->s[0] = '\0';
	}
	b->cap = cap;
}

void lg_buf_add(lg_buf *b, const void *p, size_t n)
{
	if (!n)
		return;
	lg_buf_grow(b, n);
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void lg_buf_adds(lg_buf *b, const char *s)
{
	lg_buf_add(b, s, strlen(s));
}

void lg_buf_addc(lg_buf *b, char c)
{
	lg_buf_grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

void lg_buf_vaddf(lg_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n <= 0)
		return;
	lg_buf_grow(b, (size_t)n);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void lg_buf_addf(lg_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	lg_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

char *lg_buf_detach(lg_buf *b, size_t *len)
{
	char *s;
	if (len)
		*len = b->len;
	if (b->cap) {
		s = b->s;
	} else {
		s = lg_xstrdup("");
	}
	lg_buf_init(b);
	return s;
}
