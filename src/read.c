/* read: owns decoding (UTF-8, UTF-16 with BOM, GB18030/GBK) and the clean
 * text normal form described in lg_read.h, with the offset map back to the
 * original bytes.  One pass over the bytes; runs of text that need no
 * change are copied in bulk. */
#include "lg_read.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
/* AVX2, where the CPU has it, chosen at run time (GCC and clang) */
#if defined(__x86_64__) && defined(__GNUC__)
#define LG_HAVE_AVX2 1
#include <immintrin.h>
#endif

typedef struct {
	lg_text *t;
	long delta;      /* orig - norm at the last anchor */
	bool after_cr;   /* previous code point was CR (so a following LF is dropped) */
} norm_state;

void lg_text_init(lg_text *t)
{
	memset(t, 0, sizeof *t);
	lg_buf_init(&t->warnings);
	lg_buf_init(&t->raw_);
	lg_buf_init(&t->out_);
	lg_buf_init(&t->edits_);
	t->s = t->out_.s;
}

void lg_text_release(lg_text *t)
{
	lg_buf_release(&t->warnings);
	lg_buf_release(&t->raw_);
	lg_buf_release(&t->out_);
	lg_buf_release(&t->edits_);
	free(t->anchors);
	memset(t, 0, sizeof *t);
}

static void reset_output(lg_text *t)
{
	lg_buf_reset(&t->out_);
	t->nanchors = 0;
}

static void add_anchor(lg_text *t, size_t norm, size_t orig)
{
	if (t->nanchors && t->anchors[t->nanchors - 1].norm == norm) {
		t->anchors[t->nanchors - 1].orig = orig;
		return;
	}
	if (t->nanchors == t->capanchors_) {
		t->capanchors_ = t->capanchors_ ? 2 * t->capanchors_ : 64;
		t->anchors = lg_xrealloc(t->anchors, t->capanchors_ * sizeof *t->anchors);
	}
	t->anchors[t->nanchors] = (lg_anchor){ norm, orig, orig };
	t->nanchors++;
}

/* Append bytes that came from original offset orig. */
static inline void emit(norm_state *st, const void *p, size_t n, size_t orig)
{
	lg_text *t = st->t;
	size_t norm = t->out_.len;
	long d = (long)orig - (long)norm;
	if (!t->nanchors || d != st->delta) {
		add_anchor(t, norm, orig);
		st->delta = d;
	}
	lg_buf_add(&t->out_, p, n);
}

static size_t utf8_encode(unsigned cp, char *o)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

#define NORM_DROP 0xFFFFFFFFu

/* The normal form of one code point: what to write for it, or NORM_DROP.
 * Line ends become \n (CR LF pairing is put_cp's), spaces a space,
 * full-width ASCII (not the comma ，) plain ASCII, dashes and minus '-'. */
static unsigned norm_cp(unsigned cp)
{
	if (cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x2028 || cp == 0x2029 || cp == 0x85)
		return '\n';
	if (cp < 0x20)
		return cp == '\n' || cp == '\t' ? cp : NORM_DROP; /* TAB stays: it separates table cells */
	if (cp == 0x7F || cp == 0xFEFF || (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFFFE ||
	    cp == 0x00AD)
		return NORM_DROP;
	if (cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F)
		return ' ';
	if (cp >= 0xFF01 && cp <= 0xFF5E && cp != 0xFF0C)
		return cp - 0xFEE0;
	if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63 || cp == 0xFE58)
		return '-';
	if (cp >= 0x2500 && cp <= 0x257F) {
		/* a table drawn in box characters (│检查企业│8778│, ├──┼──┤):
		 * the pipes, dashes and pluses of a text table */
		if (cp == 0x2502 || cp == 0x2503 || cp == 0x2506 || cp == 0x2507 || cp == 0x250A || cp == 0x250B ||
		    cp == 0x254E || cp == 0x254F || cp == 0x2551)
			return '|';
		if (cp == 0x2500 || cp == 0x2501 || cp == 0x2504 || cp == 0x2505 || cp == 0x2508 || cp == 0x2509 ||
		    cp == 0x254C || cp == 0x254D || cp == 0x2550 || cp >= 0x2574)
			return '-';
		return '+';
	}
	return cp;
}

/* The normal form, one code point at a time. */
static void put_cp(norm_state *st, unsigned cp, size_t orig)
{
	bool was_cr = st->after_cr;
	st->after_cr = cp == '\r';
	if (cp == '\n' && was_cr)
		return;
	cp = norm_cp(cp);
	if (cp == NORM_DROP)
		return;
	char o[4];
	size_t k = utf8_encode(cp, o);
	emit(st, o, k, orig);
}

static void warnf(lg_text *t, const char *msg, size_t off)
{
	lg_buf_addf(&t->warnings, "%s (byte offset %zu)\n", msg, off);
}

/* Is this multibyte character one that the normal form changes?  Exact,
 * so ordinary punctuation (，“” 、·) is copied in bulk. */
static inline bool utf8_needs_norm(const unsigned char *p)
{
	switch (p[0]) {
	case 0xC2: /* U+0085 NEL, U+00A0 NBSP, U+00AD soft hyphen */
		return p[1] == 0x85 || p[1] == 0xA0 || p[1] == 0xAD;
	case 0xE2:
		if (p[1] == 0x80) /* U+2000..200F spaces, 2010..2015 dashes, 2028/9, 202F */
			return p[2] <= 0x95 || p[2] == 0xA8 || p[2] == 0xA9 || p[2] == 0xAF;
		if (p[1] == 0x81) /* U+205F, U+2060 */
			return p[2] == 0x9F || p[2] == 0xA0;
		if (p[1] == 0x94 || p[1] == 0x95) /* U+2500..257F box drawing */
			return true;
		return p[1] == 0x88 && p[2] == 0x92; /* U+2212 minus */
	case 0xE3:
		return p[1] == 0x80 && p[2] == 0x80; /* U+3000 */
	case 0xEF:
		if (p[1] == 0xBC) /* U+FF01..FF3F, but the full-width comma stays */
			return p[2] != 0x8C && p[2] != 0x80;
		if (p[1] == 0xBD) /* U+FF40..FF5E */
			return p[2] <= 0x9E;
		if (p[1] == 0xBB)
			return p[2] == 0xBF; /* U+FEFF */
		if (p[1] == 0xB9)
			return p[2] == 0x98 || p[2] == 0xA3; /* U+FE58, U+FE63 */
		return p[1] == 0xBF && p[2] == 0xBE; /* U+FFFE */
	default:
		return false;
	}
}

/* Full-width digits ０..９ in each encoding the reader decodes. */
static bool fw_digit_utf8(const unsigned char *p)
{
	return p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99;
}

static bool fw_digit_gb(const unsigned char *p)
{
	return p[0] == 0xA3 && p[1] >= 0xB0 && p[1] <= 0xB9;
}

static bool fw_digit_le(const unsigned char *p)
{
	return p[1] == 0xFF && p[0] >= 0x10 && p[0] <= 0x19;
}

static bool fw_digit_be(const unsigned char *p)
{
	return p[0] == 0xFF && p[1] >= 0x10 && p[1] <= 0x19;
}

/* Is the full-width comma at s[i] (w bytes wide, as wide as a full-width
 * digit) a thousands separator: a full-width digit before it, exactly
 * three after it ("１，２３４家次")?  Between digits written as full-width
 * characters a comma is no clause break. */
static bool fw_thousands(const unsigned char *s, size_t n, size_t i, size_t w, bool (*digit)(const unsigned char *))
{
	if (i < w || i + 4 * w > n || !digit(s + i - w))
		return false;
	for (size_t k = 1; k <= 3; k++)
		if (!digit(s + i + k * w))
			return false;
	return i + 5 * w > n || !digit(s + i + 4 * w);
}

/* Validate and clean UTF-8.  *multi counts well-formed multibyte
 * characters seen before an error (used to decide whether a failure means
 * "corrupt UTF-8" or "some other encoding"). */
#ifdef __SSE2__
/* Bits set in a 32-bit mask (without -mpopcnt, __builtin_popcount is a
 * library call). */
static inline unsigned popcount32(uint32_t x)
{
	x = x - ((x >> 1) & 0x55555555u);
	x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
	x = (x + (x >> 4)) & 0x0F0F0F0Fu;
	return (x * 0x01010101u) >> 24;
}

/* A block of w (16 or 32) bytes from its masks, bit i for byte i: A
 * printable ASCII or a tab, L a lead E3..EC, C a continuation byte, C1/C2
 * the byte after / two after one, S U+3000.  A bad position: a byte of none
 * of the kinds, a lead without its two continuation bytes or to be
 * normalised, a continuation byte no lead accounts for.  Returns w or more
 * (up to w + 2, finishing a character begun in the block) when there is
 * none, else the first; *leads: the multibyte characters passed over. */
static inline size_t plain_block(uint32_t A, uint32_t L, uint32_t C, uint32_t C1, uint32_t C2, uint32_t S,
				 unsigned w, unsigned *leads)
{
	uint32_t all = w == 32 ? 0xFFFFFFFFu : (1u << w) - 1;
	uint32_t bad = (~(A | L | C) | (L & ~(C1 & C2)) | S | (C ^ ((L << 1) | (L << 2)))) & all;
	if (!bad) {
		*leads = popcount32(L);
		return w + ((L >> (w - 1)) & 1 ? 2 : (L >> (w - 2)) & 1 ? 1 : 0);
	}
	unsigned f = (unsigned)__builtin_ctz(bad);
	*leads = popcount32(L & ((1u << f) - 1));
	return f;
}

/* Sixteen bytes at a time, the text the normal form leaves alone: printable
 * ASCII, a tab, and three-byte characters U+3001..U+CFFF (leads E3..EC;
 * not U+3000) with both continuation bytes.  p[0] begins a character and
 * p[0..17] are readable.  Returns how many bytes from p are such text,
 * ending on a character boundary: 16 or more (up to 18, finishing a
 * character begun in the block) when the whole block is, else the offset
 * of the first character that needs a closer look.  *leads: the
 * multibyte characters passed over. */
static inline size_t plain_utf8_16(const unsigned char *p, unsigned *leads)
{
	__m128i v0 = _mm_loadu_si128((const __m128i *)p);
	__m128i v1 = _mm_loadu_si128((const __m128i *)(p + 1));
	__m128i v2 = _mm_loadu_si128((const __m128i *)(p + 2));
	__m128i c0 = _mm_set1_epi8((char)0xC0), x80 = _mm_set1_epi8((char)0x80);
	/* signed compares: bytes 0x80..0xFF are negative */
	__m128i ascii = _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(v0, _mm_set1_epi8(0x1F)),
						   _mm_cmplt_epi8(v0, _mm_set1_epi8(0x7F))),
				     _mm_cmpeq_epi8(v0, _mm_set1_epi8('\t')));
	__m128i flip = _mm_xor_si128(v0, x80); /* E3..EC -> 0x63..0x6C */
	__m128i lead = _mm_and_si128(_mm_cmpgt_epi8(flip, _mm_set1_epi8(0x62)), _mm_cmplt_epi8(flip, _mm_set1_epi8(0x6D)));
	unsigned A = (unsigned)_mm_movemask_epi8(ascii);
	unsigned L = (unsigned)_mm_movemask_epi8(lead);
	unsigned C = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v0, c0), x80));
	unsigned C1 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v1, c0), x80));
	unsigned C2 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v2, c0), x80));
	/* U+3000 (E3 80 80), the ideographic space, is normalised */
	__m128i sp = _mm_and_si128(_mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xE3)),
				   _mm_and_si128(_mm_cmpeq_epi8(v1, x80), _mm_cmpeq_epi8(v2, x80)));
	unsigned S = (unsigned)_mm_movemask_epi8(sp);
	return plain_block(A, L, C, C1, C2, S, 16, leads);
}
#endif

#ifdef LG_HAVE_AVX2
/* plain_utf8_16, thirty-two bytes at a time: 32 or more (up to 34) when
 * the whole block is plain; p[0..33] are readable. */
__attribute__((target("avx2"))) static inline size_t plain_utf8_32(const unsigned char *p, unsigned *leads)
{
	__m256i v0 = _mm256_loadu_si256((const __m256i *)p);
	__m256i v1 = _mm256_loadu_si256((const __m256i *)(p + 1));
	__m256i v2 = _mm256_loadu_si256((const __m256i *)(p + 2));
	__m256i c0 = _mm256_set1_epi8((char)0xC0), x80 = _mm256_set1_epi8((char)0x80);
	__m256i ascii = _mm256_or_si256(_mm256_and_si256(_mm256_cmpgt_epi8(v0, _mm256_set1_epi8(0x1F)),
							 _mm256_cmpgt_epi8(_mm256_set1_epi8(0x7F), v0)),
					_mm256_cmpeq_epi8(v0, _mm256_set1_epi8('\t')));
	__m256i flip = _mm256_xor_si256(v0, x80);
	__m256i lead = _mm256_and_si256(_mm256_cmpgt_epi8(flip, _mm256_set1_epi8(0x62)),
					_mm256_cmpgt_epi8(_mm256_set1_epi8(0x6D), flip));
	unsigned A = (unsigned)_mm256_movemask_epi8(ascii);
	unsigned L = (unsigned)_mm256_movemask_epi8(lead);
	unsigned C = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_and_si256(v0, c0), x80));
	unsigned C1 = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_and_si256(v1, c0), x80));
	unsigned C2 = (unsigned)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_and_si256(v2, c0), x80));
	__m256i sp = _mm256_and_si256(_mm256_cmpeq_epi8(v0, _mm256_set1_epi8((char)0xE3)),
				      _mm256_and_si256(_mm256_cmpeq_epi8(v1, x80), _mm256_cmpeq_epi8(v2, x80)));
	unsigned S = (unsigned)_mm256_movemask_epi8(sp);
	return plain_block(A, L, C, C1, C2, S, 32, leads);
}
#endif

/* The clean-up loop, over blocks of bw bytes that block() says are plain
 * (bw 0: byte by byte). */
static inline __attribute__((always_inline)) lg_status norm_utf8_loop(lg_text *t, const unsigned char *s, size_t n,
								   size_t base, size_t *bad_off, size_t *multi,
								   size_t (*block)(const unsigned char *, unsigned *),
								   size_t bw)
{
	norm_state st = { t, 0, false };
	size_t i = 0, run = 0;
	size_t nmulti = 0;
	while (i < n) {
		if (bw && i + bw + 2 <= n) {
			unsigned leads;
			size_t adv = block(s + i, &leads);
			i += adv;
			nmulti += leads;
			if (adv >= bw)
				continue;
		}
		unsigned char c = s[i];
		/* the common cases, without a branch between them (a report mixes
		 * them character by character): printable ASCII or a tab, and a
		 * three-byte character in U+3001..U+D7FF (CJK punctuation and
		 * ideographs), which the normal form never changes */
		if (i + 2 < n) {
			unsigned b1 = s[i + 1], b2 = s[i + 2];
			unsigned cp = ((c & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
			bool three = (c & 0xF0) == 0xE0 && (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 &&
				     cp - 0x3001u < 0xD800u - 0x3001u;
			bool ascii = (c >= 0x20 && c < 0x7F) || c == '\t';
			if (three | ascii) {
				nmulti += three;
				i += three ? 3 : 1;
				continue;
			}
		} else if ((c >= 0x20 && c < 0x7F) || c == '\t') {
			i++;
			continue;
		}
		if (c < 0x80) {
			if (run < i)
				emit(&st, s + run, i - run, base + run), st.after_cr = false;
			if (c == 0) {
				*bad_off = base + i;
				*multi = nmulti;
				return LG_ERR_BINARY;
			}
			put_cp(&st, c, base + i);
			run = ++i;
			continue;
		}
		size_t len;
		unsigned cp, min;
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
			cp = c & 0x1F;
			min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			cp = c & 0x0F;
			min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			cp = c & 0x07;
			min = 0x10000;
		} else {
			*bad_off = base + i;
			*multi = nmulti;
			return LG_ERR_ENCODING;
		}
		size_t k = 1;
		for (; k < len && i + k < n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				break;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if (k < len) {
			if (i + k == n) {
				/* a character cut off by the end of the file */
				if (run < i)
					emit(&st, s + run, i - run, base + run);
				warnf(t, "truncated multibyte character at end of file dropped", base + i);
				*multi = nmulti;
				return LG_OK;
			}
			*bad_off = base + i;
			*multi = nmulti;
			return LG_ERR_ENCODING;
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
			*bad_off = base + i;
			*multi = nmulti;
			return LG_ERR_ENCODING;
		}
		nmulti++;
		if (cp == 0xFF0C && fw_thousands(s, n, i, 3, fw_digit_utf8)) {
			/* "１，２３４": a thousands separator */
			if (run < i)
				emit(&st, s + run, i - run, base + run), st.after_cr = false;
			put_cp(&st, ',', base + i);
			i += len;
			run = i;
		} else if (utf8_needs_norm(s + i)) {
			if (run < i)
				emit(&st, s + run, i - run, base + run), st.after_cr = false;
			put_cp(&st, cp, base + i);
			i += len;
			run = i;
		} else {
			i += len;
		}
	}
	if (run < n)
		emit(&st, s + run, n - run, base + run);
	*multi = nmulti;
	return LG_OK;
}

#ifdef __SSE2__
static lg_status norm_utf8_sse2(lg_text *t, const unsigned char *s, size_t n, size_t base, size_t *bad_off,
				size_t *multi)
{
	return norm_utf8_loop(t, s, n, base, bad_off, multi, plain_utf8_16, 16);
}
#endif

#ifdef LG_HAVE_AVX2
__attribute__((target("avx2"))) static lg_status norm_utf8_avx2(lg_text *t, const unsigned char *s, size_t n,
								       size_t base, size_t *bad_off, size_t *multi)
{
	return norm_utf8_loop(t, s, n, base, bad_off, multi, plain_utf8_32, 32);
}

#endif

/* Validate and clean UTF-8, by the widest blocks the CPU reads. */
static lg_status norm_utf8(lg_text *t, const unsigned char *s, size_t n, size_t base, size_t *bad_off,
			   size_t *multi)
{
#ifdef LG_HAVE_AVX2
	if (lg_avx2())
		return norm_utf8_avx2(t, s, n, base, bad_off, multi);
#endif
#ifdef __SSE2__
	return norm_utf8_sse2(t, s, n, base, bad_off, multi);
#else
	return norm_utf8_loop(t, s, n, base, bad_off, multi, NULL, 0);
#endif
}

static lg_status norm_utf16(lg_text *t, const unsigned char *s, size_t n, size_t base, bool le,
			    size_t *bad_off)
{
	norm_state st = { t, 0, false };
	size_t i = 0;
	while (i + 1 < n) {
		unsigned u = le ? (unsigned)(s[i] | (s[i + 1] << 8)) : (unsigned)((s[i] << 8) | s[i + 1]);
		size_t at = i;
		i += 2;
		if (u == 0) {
			*bad_off = base + at;
			return LG_ERR_BINARY;
		}
		if (u >= 0xD800 && u <= 0xDBFF) {
			if (i + 1 >= n) {
				warnf(t, "truncated UTF-16 surrogate pair at end of file dropped", base + at);
				return LG_OK;
			}
			unsigned v = le ? (unsigned)(s[i] | (s[i + 1] << 8)) : (unsigned)((s[i] << 8) | s[i + 1]);
			if (v < 0xDC00 || v > 0xDFFF) {
				*bad_off = base + at;
				return LG_ERR_ENCODING;
			}
			i += 2;
			u = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
		} else if (u >= 0xDC00 && u <= 0xDFFF) {
			*bad_off = base + at;
			return LG_ERR_ENCODING;
		}
		if (u == 0xFF0C && fw_thousands(s, n, at, 2, le ? fw_digit_le : fw_digit_be))
			u = ','; /* "１，２３４" */
		put_cp(&st, u, base + at);
	}
	if (i < n)
		warnf(t, "odd trailing byte of UTF-16 text dropped", base + i);
	return LG_OK;
}

/* GB18030 (a superset of GBK and GB2312) through iconv, one character at a
 * time so every character keeps its original offset. */
static lg_status norm_gb18030(lg_text *t, const unsigned char *s, size_t n, size_t *bad_off)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1) {
		*bad_off = 0;
		return LG_ERR_IO;
	}
	norm_state st = { t, 0, false };
	lg_status ret = LG_OK;
	size_t i = 0, run = 0;
	while (i < n) {
		unsigned char c = s[i];
		if (c < 0x80) {
			if (c >= 0x20 && c < 0x7F) {
				i++;
				continue;
			}
			if (run < i)
				emit(&st, s + run, i - run, run), st.after_cr = false;
			if (c == 0) {
				*bad_off = i;
				ret = LG_ERR_BINARY;
				goto cleanup;
			}
			put_cp(&st, c, i);
			run = ++i;
			continue;
		}
		if (run < i)
			emit(&st, s + run, i - run, run), st.after_cr = false;
		size_t len = 0;
		if (c >= 0x81 && c <= 0xFE && i + 1 < n) {
			unsigned char d = s[i + 1];
			if ((d >= 0x40 && d <= 0x7E) || (d >= 0x80 && d <= 0xFE))
				len = 2;
			else if (d >= 0x30 && d <= 0x39 && i + 3 < n && s[i + 2] >= 0x81 && s[i + 2] <= 0xFE &&
				 s[i + 3] >= 0x30 && s[i + 3] <= 0x39)
				len = 4;
		}
		if (!len) {
			bool cut_off = c >= 0x81 && c <= 0xFE &&
				       (i + 1 >= n || (s[i + 1] >= 0x30 && s[i + 1] <= 0x39 && i + 3 >= n));
			if (cut_off) {
				warnf(t, "truncated multibyte character at end of file dropped", i);
				run = i = n;
				break;
			}
			*bad_off = i;
			ret = LG_ERR_ENCODING;
			goto cleanup;
		}
		char in[4], out[8];
		memcpy(in, s + i, len);
		char *ip = in, *op = out;
		size_t il = len, ol = sizeof out;
		if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il) {
			*bad_off = i;
			ret = LG_ERR_ENCODING;
			goto cleanup;
		}
		unsigned cp;
		*op = '\0';
		lg_utf8_decode(out, &cp);
		if (cp == 0xFF0C && fw_thousands(s, n, i, 2, fw_digit_gb))
			cp = ','; /* "１，２３４" */
		put_cp(&st, cp, i);
		i += len;
		run = i;
	}
	if (run < n)
		emit(&st, s + run, n - run, run);
cleanup:
	iconv_close(cd);
	return ret;
}

/* The clean-up passes below (artefacts, HTML references, split numbers)
 * each collect edits -- "replace [a, b) by these rl bytes", rl < b - a, in
 * increasing order, not overlapping -- and apply them together: one pass
 * over the text and the offset map, however many edits a file needs. */
typedef struct {
	size_t a, b;
	unsigned char rl;
	char rep[7];
} edit;

static void add_edit(lg_text *t, size_t a, size_t b, const char *rep, size_t rl)
{
	edit e = { a, b, (unsigned char)rl, { 0 } };
	memcpy(e.rep, rep, rl);
	lg_buf_add(&t->edits_, (const char *)&e, sizeof e);
}

static size_t n_edits(const lg_text *t)
{
	return t->edits_.len / sizeof(edit);
}

static const edit *edit_at(const lg_text *t, size_t i)
{
	return (const edit *)(const void *)(t->edits_.s + i * sizeof(edit));
}

/* Apply the collected edits.  The text after a cut still maps to where it
 * was in the original: each cut [a + rl, b) leaves one anchor at its start
 * pointing at the original offset of b. */
static void apply_edits(lg_text *t)
{
	size_t ne = n_edits(t);
	if (!ne)
		return;
	char *s = t->out_.s;
	size_t n = t->out_.len;
	size_t cap = t->nanchors + ne; /* each edit adds at most one anchor */
	lg_anchor *na = lg_xmalloc(cap * sizeof *na);
	size_t w = 0, k = 0, shift = 0, r = 0, o = 0;
	for (size_t i = 0; i < ne; i++) {
		const edit *e = edit_at(t, i);
		size_t ca = e->a + e->rl, cb = e->b;
		for (; k < t->nanchors && t->anchors[k].norm < ca; k++)
			na[w++] = (lg_anchor){ t->anchors[k].norm - shift, t->anchors[k].orig, t->anchors[k].orig_end };
		/* the text before the cut ends where it did (a replacement
		 * stands for all it replaces) */
		size_t cut_orig = lg_text_orig_offset(t, cb);
		na[w++] = (lg_anchor){ ca - shift, cut_orig, e->rl ? cut_orig : lg_text_orig_end(t, ca) };
		while (k < t->nanchors && t->anchors[k].norm <= cb)
			k++;
		/* the text: what comes before the edit, then its replacement */
		memmove(s + o, s + r, e->a - r);
		o += e->a - r;
		memcpy(s + o, e->rep, e->rl);
		o += e->rl;
		r = cb;
		shift += cb - ca;
	}
	for (; k < t->nanchors; k++)
		na[w++] = (lg_anchor){ t->anchors[k].norm - shift, t->anchors[k].orig, t->anchors[k].orig_end };
	memmove(s + o, s + r, n - r + 1);
	t->out_.len = n - shift;
	free(t->anchors);
	t->anchors = na;
	t->nanchors = w;
	t->capanchors_ = cap;
	lg_buf_reset(&t->edits_);
}

/* Remove Word's "[bookmark: _GoBack]" style artefacts. */
static void cut_artefacts(lg_text *t)
{
	static const char tag[] = "[bookmark:";
	const char *s = t->out_.s;
	size_t n = t->out_.len, from = 0;
	const char *p;
	while (from < n && (p = memchr(s + from, '[', n - from)) != NULL) {
		size_t a = (size_t)(p - s);
		from = a + 1;
		if (n - a < sizeof tag - 1 || memcmp(p, tag, sizeof tag - 1) != 0)
			continue;
		const char *close = memchr(p, ']', n - a < 200 ? n - a : 200);
		if (!close)
			break;
		from = (size_t)(close - s) + 1;
		add_edit(t, a, from, "", 0);
	}
	apply_edits(t);
}

/* After s[i]: the characters of set (one byte each) and spaces skipped. */
static size_t skip_set(const char *s, size_t b, size_t i, const char *set)
{
	while (i < b && (s[i] == ' ' || (s[i] && strchr(set, s[i]))))
		i++;
	return i;
}

/* A run of one to four digits at s[i], then spaces: the index after it,
 * or 0 when there is none. */
static size_t page_digits(const char *s, size_t b, size_t i)
{
	size_t d = i;
	while (i < b && s[i] >= '0' && s[i] <= '9')
		i++;
	return i == d || i - d > 4 ? 0 : skip_set(s, b, i, "");
}

/* Past a run of dashes or dots (- — – · •) and spaces at s[i]; *any: at
 * least one. */
static size_t page_marks(const char *s, size_t b, size_t i, bool *any)
{
	static const char *const marks[] = { "-", "—", "–", "·", "•" };
	*any = false;
	for (bool more = true; more;) {
		more = false;
		for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
			size_t l = strlen(marks[k]);
			if (b - i >= l && memcmp(s + i, marks[k], l) == 0) {
				i = skip_set(s, b, i + l, "");
				*any = more = true;
			}
		}
	}
	return i;
}

/* Is s[a..b) a page number on a line of its own: "- 3 -", "— 12 —",
 * "·3·", "第3页", "第 3 页 共 10 页", "第3页/共10页"?  A bare number is not
 * (a table written one cell per line has those). */
static bool page_number_line(const char *s, size_t a, size_t b)
{
	a = skip_set(s, b, a, "");
	while (b > a && s[b - 1] == ' ')
		b--;
	if (b - a > 40)
		return false;
	if (b - a > 6 && memcmp(s + a, "第", 3) == 0) {
		/* 第N页, then maybe 共M页 */
		size_t i = page_digits(s, b, skip_set(s, b, a + 3, ""));
		if (!i || b - i < 3 || memcmp(s + i, "页", 3) != 0)
			return false;
		i = skip_set(s, b, i + 3, "/,");
		if (i == b)
			return true;
		if (b - i < 3 || memcmp(s + i, "共", 3) != 0)
			return false;
		i = page_digits(s, b, skip_set(s, b, i + 3, ""));
		return i && b - i >= 3 && memcmp(s + i, "页", 3) == 0 && skip_set(s, b, i + 3, "/,") == b;
	}
	/* dashes or dots on both sides of the number */
	bool before, after;
	size_t i = page_digits(s, b, page_marks(s, b, a, &before));
	return i && before && page_marks(s, b, i, &after) == b && after;
}

/* Page numbers a PDF or a print layout leaves on lines of their own, cut
 * with the line end before them: the sentence a page break split reads
 * on ("…，死亡" / "- 4 -" / "4人。"). */
static void cut_page_numbers(lg_text *t)
{
	const char *s = t->out_.s;
	size_t n = t->out_.len;
	for (size_t ls = 0; ls < n;) {
		const char *nl = memchr(s + ls, '\n', n - ls);
		size_t le = nl ? (size_t)(nl - s) : n;
		if (ls > 0 && le - ls <= 40 && page_number_line(s, ls, le))
			add_edit(t, ls - 1, le, "", 0);
		ls = le + 1;
	}
	apply_edits(t);
}

/* HTML character references left in text scraped from web pages:
 * &nbsp; &ldquo; &rdquo; &mdash; &amp; &#12345; &#x3001; ...  Each is longer
 * than what it stands for. */
static void html_entities(lg_text *t)
{
	static const struct {
		const char *name, *utf8;
	} ents[] = {
		{ "nbsp", " " },   { "ensp", " " },   { "emsp", " " },  { "ldquo", "“" }, { "rdquo", "”" },
		{ "lsquo", "‘" }, { "rsquo", "’" }, { "mdash", "-" }, { "ndash", "-" }, { "hellip", "…" },
		{ "middot", "·" }, { "amp", "&" },  { "lt", "<" },     { "gt", ">" },     { "quot", "\"" },
		{ "apos", "'" },
	};
	const char *s = t->out_.s;
	size_t n = t->out_.len, from = 0;
	const char *p;
	while (from < n && (p = memchr(s + from, '&', n - from)) != NULL) {
		size_t a = (size_t)(p - s);
		from = a + 1;
		const char *semi = memchr(p, ';', n - a < 12 ? n - a : 12);
		if (!semi)
			continue;
		size_t b = (size_t)(semi - s) + 1;
		char rep[8];
		size_t rl = 0;
		if (p[1] == '#') {
			unsigned long cp = p[2] == 'x' || p[2] == 'X' ? strtoul(p + 3, NULL, 16) : strtoul(p + 2, NULL, 10);
			if (cp == 0 || cp > 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF) || norm_cp((unsigned)cp) == NORM_DROP)
				continue;
			rl = utf8_encode(norm_cp((unsigned)cp), rep);
		} else {
			for (size_t k = 0; k < sizeof ents / sizeof ents[0]; k++) {
				size_t nl = strlen(ents[k].name);
				if (b - a == nl + 2 && memcmp(p + 1, ents[k].name, nl) == 0) {
					rl = strlen(ents[k].utf8);
					memcpy(rep, ents[k].utf8, rl);
					break;
				}
			}
		}
		if (!rl || rl >= b - a)
			continue;
		add_edit(t, a, b, rep, rl);
		from = b;
	}
	apply_edits(t);
}

static bool is_digit_c(char c)
{
	return c >= '0' && c <= '9';
}

/* Does s[i..] begin a unit or multiplier (万 亿 元 家 人 起 件 项 个 ...)? */
static bool unit_start(const char *s, size_t n, size_t i)
{
	static const char *const starts[] = { "万", "亿", "千", "元", "家", "人", "起", "件", "宗", "项", "个",
					      "条", "份", "次", "名", "余", "多", "%" };
	for (size_t k = 0; k < sizeof starts / sizeof starts[0]; k++) {
		size_t l = strlen(starts[k]);
		if (i + l <= n && memcmp(s + i, starts[k], l) == 0)
			return true;
	}
	return false;
}

/* Text copied out of a PDF wraps lines anywhere, even inside a number
 * ("罚款1,023.\n65万元") or between a number and its unit.  Join such a
 * line break (and the next line's indentation) when the line before it is
 * long enough to be a wrapped line. */
static void join_split_numbers(lg_text *t)
{
	const char *s = t->out_.s;
	size_t n = t->out_.len, from = 0;
	size_t line_start = 0, first_edit = 0; /* the line as it will be, joins done */
	const char *p;
	while (from < n && (p = memchr(s + from, '\n', n - from)) != NULL) {
		size_t nl = (size_t)(p - s);
		from = nl + 1;
		size_t b = from;
		while (b < n && s[b] == ' ')
			b++;
		char a = nl ? s[nl - 1] : '\n';
		bool join = false;
		if (nl + 1 >= n)
			join = false;
		else if (is_digit_c(a))
			join = b < n && (is_digit_c(s[b]) || s[b] == '.' || s[b] == ',' || unit_start(s, n, b));
		else if (a == '.' && nl >= 2 && is_digit_c(s[nl - 2]))
			join = b < n && is_digit_c(s[b]);
		/* "1,023.\n65" cannot be anything else; otherwise the line before
		 * must be a long, wrapped line (not a list of years): count its
		 * first 20 characters, lines joined before it included */
		/* a table's rows are lines of their own (…\t186.5 over 2\t各镇…) */
		if (join) {
			const char *ne = memchr(s + b, '\n', n - b);
			size_t e = ne ? (size_t)(ne - s) : n;
			if (memchr(s + line_start, '\t', nl - line_start) || memchr(s + b, '\t', e - b))
				join = false;
		}
		if (join && a != '.') {
			size_t chars = 0, i = line_start, k = first_edit;
			while (i < nl && chars < 20) {
				if (k < n_edits(t) && edit_at(t, k)->a == i) {
					i = edit_at(t, k++)->b;
					continue;
				}
				if ((s[i] & 0xC0) != 0x80)
					chars++;
				i++;
			}
			join = chars >= 20;
		}
		if (join) {
			add_edit(t, nl, b, "", 0);
		} else {
			line_start = nl + 1;
			first_edit = n_edits(t);
		}
	}
	apply_edits(t);
}

/* Is the character at s[i] (UTF-8, ending before n) a wide one -- CJK
 * ideographs and punctuation, kana, full-width forms (U+2E80 and up)? */
static bool wide_at(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	return i + 2 < n && (c >= 0xE3 || (c == 0xE2 && (unsigned char)s[i + 1] >= 0xBA)) && c < 0xF8;
}

/* ... the character that ends at s[i - 1], not before lo? */
static bool wide_before(const char *s, size_t lo, size_t i)
{
	size_t k = i;
	while (k > lo && ((unsigned char)s[k - 1] & 0xC0) == 0x80 && i - k < 3)
		k--;
	return k > lo && k < i && wide_at(s, i, k - 1);
}

/* Does the line s[a..e) space out its characters: among those next to a
 * Chinese one, are three or more parted by one space, and four times as
 * many parted as joined?  "全 区 共 检 查 企 业 1 2 0 0 家 次" is; "罚款 256.5
 * 万元" and a table row "大足区 120 36" are not. */
static bool letter_spaced(const char *s, size_t a, size_t e)
{
	size_t gaps = 0, joins = 0, spaces = 0;
	int prev = 0; /* the character before: 0 none (line start, tab), 1 narrow, 2 wide */
	for (size_t i = a; i < e;) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ') {
			spaces++;
			i++;
			continue;
		}
		if (c == '\t') {
			prev = 0;
			i++;
			continue;
		}
		size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		int cls = wide_at(s, e, i) ? 2 : 1;
		if (prev && (prev == 2 || cls == 2)) {
			if (spaces == 0)
				joins++;
			else if (spaces == 1)
				gaps++;
		}
		prev = cls;
		spaces = 0;
		i += k;
	}
	return gaps >= 3 && joins * 4 <= gaps;
}

/* Text copied out of some PDFs spaces out every character of a line ("全
 * 区 共 检 查 企 业 1 2 0 0 家 次"), which no trigger or number would match.
 * In such a line the single spaces between characters go (runs of two or
 * more stay: they part words).  Only lines with three spaces next to a
 * Chinese character are looked at closely, found by memchr. */
static void unspace_letters(lg_text *t)
{
	const char *s = t->out_.s;
	size_t n = t->out_.len, from = 0, line_a = 0, line_e = 0, hits = 0;
	bool done = true; /* the line line_a..line_e is judged */
	const char *p;
	for (;;) {
		p = from < n ? memchr(s + from, ' ', n - from) : NULL;
		size_t i = p ? (size_t)(p - s) : n;
		if (!done && (i >= line_e || !p)) {
			/* leaving a line: judge it */
			if (hits >= 3 && letter_spaced(s, line_a, line_e))
				for (size_t k = line_a + 1; k + 1 < line_e; k++)
					if (s[k] == ' ' && s[k - 1] != ' ' && s[k + 1] != ' ' && s[k - 1] != '\t' &&
					    s[k + 1] != '\t')
						add_edit(t, k, k + 1, "", 0);
			done = true;
		}
		if (!p)
			break;
		from = i + 1;
		if (done) {
			/* a new line: its bounds */
			size_t prev_e = line_e; /* the \n that ends the line before (0 at the start) */
			const char *nl = memchr(s + i, '\n', n - i);
			line_e = nl ? (size_t)(nl - s) : n;
			const char *pl = memrchr(s + prev_e, '\n', i - prev_e);
			line_a = pl ? (size_t)(pl - s) + 1 : prev_e;
			hits = 0;
			done = false;
		}
		if (i > line_a && i + 1 < line_e && s[i - 1] != ' ' && s[i + 1] != ' ' &&
		    (wide_before(s, line_a, i) || wide_at(s, line_e, i + 1)))
			hits++;
	}
	apply_edits(t);
}

/* The anchor the position norm maps by: the last at or before it. */
static const lg_anchor *anchor_of(const lg_text *t, size_t norm)
{
	size_t lo = 0, hi = t->nanchors;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (t->anchors[mid].norm <= norm)
			lo = mid;
		else
			hi = mid;
	}
	return &t->anchors[lo];
}

/* norm mapped linearly from anchor a, never past the next anchor's
 * origin or the file end */
static size_t linear(const lg_text *t, const lg_anchor *a, size_t norm)
{
	size_t o = a->orig + (norm - a->norm);
	if (a + 1 < t->anchors + t->nanchors && o > a[1].orig)
		o = a[1].orig;
	if (o > t->orig_size)
		o = t->orig_size;
	return o;
}

/* ---- tables written one cell per line ----
 *
 * A word processor's or a PDF tool's text export may write a table one
 * cell per line: 序号 / 单位 / 检查企业(家次) / 罚款(万元) / 1 / 市本级 / 703 /
 * 256.5 / 2 / …, an empty cell an empty line.  Such a block becomes rows
 * of cells parted by tabs, as a table saved as text with tabs reads, so
 * that each number is read under its column and beside its row's name. */

typedef struct {
	size_t a, b; /* the cell's text, spaces trimmed; a == b: an empty cell */
} grid_cell;

enum { GRID_LINE_MAX = 60, GRID_COLS_MAX = 10 };

/* Is s[a..b) a number cell: 703, 1,234.5, 12%, 703家次 (a unit of at most
 * three characters after it, not a date's 年 月 日), or - or / for none? */
static bool grid_number(const char *s, size_t a, size_t b)
{
	if (b - a == 1 && (s[a] == '-' || s[a] == '/'))
		return true;
	size_t i = a;
	if (i < b && (s[i] == '-' || s[i] == '+'))
		i++;
	if (i >= b || s[i] < '0' || s[i] > '9')
		return false;
	while (i < b && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == ','))
		i++;
	if (i < b && s[i] == '%')
		i++;
	/* (2021年, 12月: a date, no number) */
	if (i + 3 <= b && (memcmp(s + i, "年", 3) == 0 || memcmp(s + i, "月", 3) == 0 || memcmp(s + i, "日", 3) == 0))
		return false;
	for (int han = 0; han < 3 && i + 3 <= b && (unsigned char)s[i] >= 0xE4 && (unsigned char)s[i] <= 0xE9; han++)
		i += 3;
	return i == b;
}

/* Does the header cell s[a..b) say its column holds numbers: a unit in
 * brackets at its end (检查企业(家次), 罚款(万元)) or a year (2021年)? */
static bool grid_numeric_header(const char *s, size_t a, size_t b)
{
	if (b - a >= 4 && (s[a] == '1' || s[a] == '2') && s[a + 1] >= '0' && s[a + 1] <= '9' && s[a + 2] >= '0' &&
	    s[a + 2] <= '9' && s[a + 3] >= '0' && s[a + 3] <= '9' &&
	    (b - a == 4 || (b - a == 7 && memcmp(s + a + 4, "年", 3) == 0) ||
	     (b - a == 10 && memcmp(s + a + 4, "年度", 6) == 0)))
		return true;
	if (b - a < 4 || s[b - 1] != ')')
		return false;
	const char *open = memrchr(s + a, '(', b - a);
	return open && (size_t)(open - s) > a && b - 1 - (size_t)(open - s + 1) <= 12;
}

/* The cells c[0..n) of a block of short lines: find a header of cols
 * cells (after at most two title lines), some naming a unit or a year,
 * over at least two rows that hold numbers (or nothing) in those columns
 * and no column's name; join the cells of each with tabs.  Of several
 * such readings, the one that covers the most cells. */
static void grid_rows(lg_text *t, const grid_cell *c, size_t n)
{
	const char *s = t->out_.s;
	size_t best_o = 0, best_cols = 0, best_rows = 0;
	for (size_t o = 0; o <= 2; o++) {
		for (size_t cols = 2; cols <= GRID_COLS_MAX && o + 3 * cols <= n; cols++) {
			bool num[GRID_COLS_MAX], ok = true, any = false, units = false;
			for (size_t k = 0; k < cols && ok; k++) {
				const grid_cell *h = &c[o + k];
				ok = h->a < h->b && !grid_number(s, h->a, h->b);
				num[k] = ok && grid_numeric_header(s, h->a, h->b);
				any = any || num[k];
				units = units || (num[k] && s[h->b - 1] == ')');
			}
			if (!ok)
				continue;
			if (!any) /* no column's name says it holds numbers */
				continue;
			size_t rows = 0;
			for (size_t r = o + cols; r + cols <= n; r += cols, rows++) {
				bool valid = true, filled = false;
				for (size_t k = 0; k < cols && valid; k++) {
					const grid_cell *x = &c[r + k];
					/* where the columns' names carry the units, a name
					 * with its unit is no row's cell (under years, rows
					 * are named so: 检查企业(家次) | 1200 | 1350) */
					if (units && x->b - x->a >= 4 && s[x->b - 1] == ')' &&
					    grid_numeric_header(s, x->a, x->b)) {
						valid = false;
						break;
					}
					if (!num[k])
						continue;
					valid = x->a == x->b || grid_number(s, x->a, x->b);
					filled = filled || x->a < x->b;
				}
				if (!valid || !filled)
					break;
			}
			if (rows >= 2 && rows * cols > best_rows * best_cols) {
				best_o = o;
				best_cols = cols;
				best_rows = rows;
			}
		}
	}
	if (!best_rows)
		return;
	for (size_t r = 0; r <= best_rows; r++) {
		const grid_cell *row = &c[best_o + r * best_cols];
		for (size_t k = 0; k + 1 < best_cols; k++)
			add_edit(t, row[k].b, row[k + 1].a, "\t", 1);
	}
}

/* Is the line s[a..b) (trimmed) one a table's cell could be: short, no
 * tab or bar (a table row already), no full stop or semicolon, no comma
 * but between digits? */
static bool grid_line(const char *s, size_t a, size_t b)
{
	if (b - a > GRID_LINE_MAX)
		return false;
	for (size_t i = a; i < b; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '\t' || ch == '|' || ch == ';')
			return false;
		if (ch == 0xE3 && i + 3 <= b && memcmp(s + i, "。", 3) == 0)
			return false;
		if (ch == 0xEF && i + 3 <= b && memcmp(s + i, "，", 3) == 0 &&
		    !(i > a && s[i - 1] >= '0' && s[i - 1] <= '9' && i + 3 < b && s[i + 3] >= '0' && s[i + 3] <= '9'))
			return false;
	}
	return true;
}

/* The lines of s[from..to) (a run of short ones): blocks of cells, each
 * looked at for a grid. */
static void grid_blocks(lg_text *t, size_t from, size_t to, grid_cell **cp, size_t *capp)
{
	const char *s = t->out_.s;
	grid_cell *c = *cp;
	size_t nc = 0, filled = 0, empty = 0;
	bool last_empty = false;
	for (size_t ls = from; ls <= to;) {
		const char *nl = memchr(s + ls, '\n', to - ls);
		size_t le = nl ? (size_t)(nl - s) : to, a = ls, b = le;
		while (a < b && (s[a] == ' ' || s[a] == '\t'))
			a++;
		while (b > a && s[b - 1] == ' ')
			b--;
		bool cell = grid_line(s, a, b) && !(a == b && (last_empty || nc == 0));
		if (cell) {
			if (nc == *capp) {
				*capp = *capp ? 2 * *capp : 64;
				c = *cp = lg_xrealloc(c, *capp * sizeof *c);
			}
			c[nc++] = (grid_cell){ a, b };
			filled += a < b;
			empty += a == b;
			last_empty = a == b;
		}
		if (!cell || !nl) {
			/* the block ends: empty lines between every two cells
			 * part them (and are no cells); else each is one */
			while (nc && c[nc - 1].a == c[nc - 1].b) {
				nc--;
				empty--;
			}
			if (filled >= 6) {
				if (empty + 1 >= filled) {
					size_t w = 0;
					for (size_t i = 0; i < nc; i++)
						if (c[i].a < c[i].b)
							c[w++] = c[i];
					nc = w;
				}
				grid_rows(t, c, nc);
			}
			nc = filled = empty = 0;
			last_empty = false;
		}
		if (!nl)
			break;
		ls = le + 1;
	}
}

/* Tables written one cell per line, in runs of at least six short lines
 * (most short lines are headings, alone, and are passed by). */
static void cells_to_rows(lg_text *t)
{
	const char *s = t->out_.s;
	size_t n = t->out_.len, run = 0, lines = 0;
	grid_cell *c = NULL;
	size_t cap = 0;
	for (size_t ls = 0; ls <= n;) {
		const char *nl = memchr(s + ls, '\n', n - ls);
		size_t le = nl ? (size_t)(nl - s) : n;
		bool short_line = le - ls <= GRID_LINE_MAX + 12; /* (indentation) */
		if (short_line && !lines++)
			run = ls;
		/* a run ends before a long line, or with the text */
		if ((!short_line || !nl) && lines >= 6)
			grid_blocks(t, run, short_line ? le : ls - 1, &c, &cap);
		if (!short_line)
			lines = 0;
		if (!nl)
			break;
		ls = le + 1;
	}
	free(c);
	apply_edits(t);
}

/* The original byte of clean position norm: where what begins there
 * begins, or (end) where what ends there ends -- at an anchor, the end
 * of the text before a cut, not the start of what follows it. */
static size_t orig_at(const lg_text *t, size_t norm, bool end)
{
	if (!t->nanchors)
		return norm;
	const lg_anchor *a = anchor_of(t, norm);
	if (a->norm > norm)
		return a->orig;
	if (end && a->norm == norm)
		return a->orig_end;
	return linear(t, a, norm);
}

size_t lg_text_orig_offset(const lg_text *t, size_t norm)
{
	return orig_at(t, norm, false);
}

size_t lg_text_orig_end(const lg_text *t, size_t norm)
{
	return orig_at(t, norm, true);
}

static bool all_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t')
			return false;
	return true;
}

/* Is s UTF-16 written without a byte-order mark (some exports do that)?
 * Only asked of text with a NUL byte, which UTF-8 and GB18030 never hold:
 * it is when its length is even and, read in one byte order, nine in ten
 * code units are text -- ASCII letters, digits, punctuation and line
 * ends, CJK characters and punctuation, full-width forms (the other
 * order turns most of them into other planes).  A binary file (an image,
 * an archive) fails that.  Returns LG_ENC_UTF16LE, LG_ENC_UTF16BE or LG_ENC_AUTO. */
static lg_encoding utf16_unmarked(const unsigned char *s, size_t n)
{
	if (n < 4 || n % 2)
		return LG_ENC_AUTO;
	size_t text[2] = { 0, 0 }, units = n / 2;
	for (size_t i = 0; i + 1 < n; i += 2) {
		for (int be = 0; be <= 1; be++) {
			unsigned u = (unsigned)s[i + 1 - (size_t)be] << 8 | s[i + (size_t)be];
			if ((u >= 0x20 && u < 0x7F) || u == '\n' || u == '\r' || u == '\t' || u == 0xB7 ||
			    (u >= 0x3400 && u <= 0x4DBF) || (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3000 && u <= 0x303F) ||
			    (u >= 0xFF00 && u <= 0xFFEF) || (u >= 0x2010 && u <= 0x2027))
				text[be]++;
		}
	}
	int be = text[1] > text[0];
	if (text[be] * 10 < units * 9)
		return LG_ENC_AUTO;
	return be ? LG_ENC_UTF16BE : LG_ENC_UTF16LE;
}

static lg_status decode(lg_text *t, const unsigned char *s, size_t n, lg_encoding force, lg_err *err)
{
	size_t bad = 0, multi = 0;
	lg_status st;
	lg_encoding enc = force;
	if (n == 0) {
		lg_err_set(err, "empty file");
		return LG_ERR_EMPTY;
	}
	if (enc == LG_ENC_AUTO || enc == LG_ENC_UTF8 || enc == LG_ENC_UTF8_BOM) {
		if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
			enc = LG_ENC_UTF8_BOM;
		else if (enc == LG_ENC_AUTO && n >= 2 && s[0] == 0xFF && s[1] == 0xFE)
			enc = LG_ENC_UTF16LE;
		else if (enc == LG_ENC_AUTO && n >= 2 && s[0] == 0xFE && s[1] == 0xFF)
			enc = LG_ENC_UTF16BE;
		else if (enc == LG_ENC_AUTO && memchr(s, 0, n))
			enc = utf16_unmarked(s, n);
	}
	t->enc = enc;
	switch (enc) {
	case LG_ENC_UTF16LE:
	case LG_ENC_UTF16BE: {
		size_t skip = 0;
		if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
			skip = 2;
		st = norm_utf16(t, s + skip, n - skip, skip, enc == LG_ENC_UTF16LE, &bad);
		break;
	}
	case LG_ENC_GB18030:
		st = norm_gb18030(t, s, n, &bad);
		break;
	case LG_ENC_UTF8_BOM:
		st = norm_utf8(t, s + 3, n - 3, 3, &bad, &multi);
		break;
	default:
		st = norm_utf8(t, s, n, 0, &bad, &multi);
		if (st == LG_ERR_ENCODING && enc == LG_ENC_AUTO && multi < 8) {
			size_t bad8 = bad;
			reset_output(t);
			lg_buf_reset(&t->warnings);
			st = norm_gb18030(t, s, n, &bad);
			if (st == LG_OK) {
				t->enc = LG_ENC_GB18030;
			} else if (st == LG_ERR_ENCODING) {
				lg_err_set(err, "not valid UTF-8 or GB18030 text (invalid byte at offset %zu)", bad8);
				if (err)
					err->offset = bad8;
				return st;
			}
		} else if (st == LG_OK) {
			t->enc = LG_ENC_UTF8;
		}
		break;
	}
	if (st == LG_ERR_BINARY) {
		lg_err_set(err, "binary file (NUL byte at offset %zu), skipped", bad);
		if (err)
			err->offset = bad;
		return st;
	}
	if (st == LG_ERR_ENCODING) {
		lg_err_set(err, "invalid %s byte sequence at offset %zu", lg_encoding_name(enc == LG_ENC_AUTO ? LG_ENC_UTF8 : enc), bad);
		if (err)
			err->offset = bad;
		return st;
	}
	if (st != LG_OK) {
		lg_err_set(err, "cannot convert from %s", lg_encoding_name(enc));
		return st;
	}
	cut_artefacts(t);
	cut_page_numbers(t);
	html_entities(t);
	unspace_letters(t);
	join_split_numbers(t);
	cells_to_rows(t);
	t->s = t->out_.s;
	t->n = t->out_.len;
	if (all_space(t->s, t->n)) {
		lg_err_set(err, "empty file (no text)");
		return LG_ERR_EMPTY;
	}
	return LG_OK;
}

lg_status lg_read_bytes(lg_text *t, const void *data, size_t n, lg_encoding force, lg_err *err)
{
	reset_output(t);
	lg_buf_reset(&t->warnings);
	t->orig_size = n;
	lg_status st = decode(t, data, n, force, err);
	t->s = t->out_.s;
	t->n = t->out_.len;
	return st;
}

lg_status lg_read_file(lg_text *t, const char *path, lg_encoding force, lg_err *err)
{
	lg_status ret = LG_OK;
	t->orig_size = 0;
	t->n = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		lg_err_set(err, "cannot open: %s", strerror(errno));
		return LG_ERR_IO;
	}
	struct stat sb;
	if (fstat(fd, &sb) != 0) {
		lg_err_set(err, "cannot stat: %s", strerror(errno));
		ret = LG_ERR_IO;
		goto cleanup;
	}
	if (S_ISDIR(sb.st_mode)) {
		lg_err_set(err, "is a directory");
		ret = LG_ERR_IO;
		goto cleanup;
	}
	if ((size_t)sb.st_size > LG_READ_MAX_BYTES) {
		lg_err_set(err, "file too large (%lld bytes; the limit is %zu)", (long long)sb.st_size,
			   LG_READ_MAX_BYTES);
		ret = LG_ERR_IO;
		goto cleanup;
	}
	lg_buf_reset(&t->raw_);
	lg_buf_grow(&t->raw_, (size_t)sb.st_size + 1);
	for (;;) {
		if (t->raw_.len + 1 >= t->raw_.cap)
			lg_buf_grow(&t->raw_, 65536);
		ssize_t r = read(fd, t->raw_.s + t->raw_.len, t->raw_.cap - t->raw_.len - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			lg_err_set(err, "cannot read: %s", strerror(errno));
			ret = LG_ERR_IO;
			goto cleanup;
		}
		if (r == 0)
			break;
		t->raw_.len += (size_t)r;
		/* a regular file read to the size fstat gave: no second read to
		 * see the end (a size of 0, as /proc files show, reads on) */
		if (S_ISREG(sb.st_mode) && sb.st_size > 0 && t->raw_.len == (size_t)sb.st_size)
			break;
		if (t->raw_.len > LG_READ_MAX_BYTES) {
			lg_err_set(err, "file too large (the limit is %zu bytes)", LG_READ_MAX_BYTES);
			ret = LG_ERR_IO;
			goto cleanup;
		}
	}
	reset_output(t);
	lg_buf_reset(&t->warnings);
	t->orig_size = t->raw_.len;
	ret = decode(t, (const unsigned char *)t->raw_.s, t->raw_.len, force, err);
	t->s = t->out_.s;
	t->n = t->out_.len;
cleanup:
	close(fd);
	return ret;
}

const char *lg_encoding_name(lg_encoding enc)
{
	switch (enc) {
	case LG_ENC_AUTO: return "auto";
	case LG_ENC_UTF8: return "UTF-8";
	case LG_ENC_UTF8_BOM: return "UTF-8 (BOM)";
	case LG_ENC_GB18030: return "GB18030";
	case LG_ENC_UTF16LE: return "UTF-16LE";
	case LG_ENC_UTF16BE: return "UTF-16BE";
	}
	return "?";
}

lg_status lg_encoding_parse(const char *name, lg_encoding *out)
{
	static const struct {
		const char *name;
		lg_encoding enc;
	} tab[] = {
		{ "auto", LG_ENC_AUTO },       { "utf-8", LG_ENC_UTF8 },       { "utf8", LG_ENC_UTF8 },
		{ "gb18030", LG_ENC_GB18030 }, { "gbk", LG_ENC_GB18030 },      { "gb2312", LG_ENC_GB18030 },
		{ "cp936", LG_ENC_GB18030 },   { "utf-16le", LG_ENC_UTF16LE }, { "utf16le", LG_ENC_UTF16LE },
		{ "utf-16be", LG_ENC_UTF16BE }, { "utf16be", LG_ENC_UTF16BE },
	};
	for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++) {
		if (strcasecmp(name, tab[i].name) == 0) {
			*out = tab[i].enc;
			return LG_OK;
		}
	}
	return LG_ERR_SYNTAX;
}
