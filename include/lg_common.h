/* lg_common: status codes and the error record shared by every module.
 *
 * Library functions never print and never exit.  A function that can fail
 * returns an lg_status and, when given a non-NULL lg_err, fills it with a
 * one-line message in the house shape (lowercase, no full stop, no program
 * name and no file name: the command layer adds "lgtrend: 'FILE': ").
 */
#ifndef LG_COMMON_H
#define LG_COMMON_H

#include <stddef.h>

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

#endif
