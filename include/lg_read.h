/* lg_read: bytes of a report file -> clean UTF-8 text whose offsets map
 * back to the original bytes.
 *
 * What "clean" means (the normal form every later stage relies on):
 *   - UTF-8, no BOM, no NUL; CRLF and lone CR become LF;
 *   - full-width ASCII forms U+FF01..U+FF5E become ASCII, EXCEPT the
 *     full-width comma U+FF0C which stays (so "1,234" keeps meaning a
 *     thousands separator only when the source wrote an ASCII comma);
 *   - ideographic, no-break and other Unicode spaces become ' '; TAB stays
 *     (it separates the cells of a table row);
 *     zero-width characters are dropped; dashes U+2010..U+2015, U+2212
 *     become '-';
 *   - Word artefacts "[bookmark: ...]" are removed, and HTML character
 *     references (&nbsp; &ldquo; &#12345;) replaced;
 *   - a line break inside a number or between a number and its unit, in a
 *     long (wrapped) line, is removed: "1,023.\n65万元" reads 1,023.65万元;
 *   - a line that spaces out its characters (text from some PDFs: "全 区 共
 *     检 查 企 业 1 2 0 0 家 次") loses its single spaces.
 * Every byte position of the clean text maps to a byte position of the
 * original file (lg_text_orig_offset), so a figure's offset always points
 * into the file as it is on disk, whatever its encoding.
 *
 * Ownership: an lg_text is a reusable workspace.  lg_text_init it once,
 * read any number of files into it (each read replaces the previous text
 * and keeps the allocations), and lg_text_release it at the end.
 */
#ifndef LG_READ_H
#define LG_READ_H

#include <stddef.h>
#include <string.h>

#include "lg_buf.h"
#include "lg_common.h"

typedef enum {
	LG_ENC_AUTO = 0,
	LG_ENC_UTF8,
	LG_ENC_UTF8_BOM,
	LG_ENC_GB18030,
	LG_ENC_UTF16LE,
	LG_ENC_UTF16BE
} lg_encoding;

typedef struct {
	size_t norm;     /* offset in the clean text */
	size_t orig;     /* the original byte it came from */
	size_t orig_end; /* where the text before norm ends in the original:
			  * orig, unless a cut ([bookmark: ...], a space taken
			  * out of 全 区) lies between */
} lg_anchor;

typedef struct {
	char *s;            /* clean text, NUL-terminated; s[n] == '\0' */
	size_t n;
	lg_encoding enc;    /* the encoding the bytes were read as */
	size_t orig_size;   /* size of the original bytes */
	lg_anchor *anchors; /* sorted by norm; offsets between anchors map linearly */
	size_t nanchors;
	lg_buf warnings;    /* zero or more lines, each "message\n" */
	/* private workspace */
	lg_buf raw_;
	lg_buf out_;
	size_t capanchors_;
	lg_buf edits_;      /* clean-up edits of one pass, applied together */
} lg_text;

#define LG_READ_MAX_BYTES ((size_t)1 << 30) /* larger files are refused */

void lg_text_init(lg_text *t);
void lg_text_release(lg_text *t);

/* Read and clean a file.  force is LG_ENC_AUTO to detect the encoding.
 * Errors: LG_ERR_IO, LG_ERR_EMPTY (no bytes, or only white space),
 * LG_ERR_BINARY (NUL bytes), LG_ERR_ENCODING (with the byte offset). */
lg_status lg_read_file(lg_text *t, const char *path, lg_encoding force, lg_err *err);
/* Same, from memory (the bytes are copied). */
lg_status lg_read_bytes(lg_text *t, const void *data, size_t n, lg_encoding force, lg_err *err);

/* Original byte offset of a position in the clean text. */
size_t lg_text_orig_offset(const lg_text *t, size_t norm);
/* Original byte offset where the clean text before norm ends: the end of
 * a span s[a..norm) in the original, not counting what was cut after it
 * ("5万元[bookmark: _GoBack]" ends at 元). */
size_t lg_text_orig_end(const lg_text *t, size_t norm);

const char *lg_encoding_name(lg_encoding enc);
/* Accepts utf-8, utf8, gb18030, gbk, gb2312, utf-16le, utf-16be, auto. */
lg_status lg_encoding_parse(const char *name, lg_encoding *out);

/* Decode one UTF-8 character of valid clean text; returns its length (1..4)
 * and stores the code point.  Used by every stage that walks clean text. */
static inline size_t lg_utf8_decode(const char *p, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)p;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] < 0xE0) {
		*cp = ((unsigned)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
		return 2;
	}
	if (u[0] < 0xF0) {
		*cp = ((unsigned)(u[0] & 0x0F) << 12) | ((unsigned)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
		return 3;
	}
	*cp = ((unsigned)(u[0] & 0x07) << 18) | ((unsigned)(u[1] & 0x3F) << 12) |
	      ((unsigned)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
	return 4;
}

/* Length of the UTF-8 character that ends just before p (p > start). */
static inline size_t lg_utf8_prev_len(const char *start, const char *p)
{
	size_t k = 1;
	while (p - k > start && k < 4 && (((unsigned char)p[-(long)k]) & 0xC0) == 0x80)
		k++;
	return k;
}

/* Find a 3-byte UTF-8 character (a CJK character) in s[0..n): memchr on
 * its last byte, which is rarer than a lead byte, then compare. */
static inline const char *lg_find3(const char *s, size_t n, const char *c3)
{
	const char *p = s + 2, *end = s + n;
	while (p < end) {
		p = (const char *)memchr(p, (unsigned char)c3[2], (size_t)(end - p));
		if (!p)
			return NULL;
		if (p[-2] == c3[0] && p[-1] == c3[1])
			return p - 2;
		p++;
	}
	return NULL;
}

#endif
