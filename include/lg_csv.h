/* lg_csv: CSV (and TSV) cells and rows, quoted by libcsv's writer, plus the
 * long, wide and index tables of an exported indicator.
 *
 * Cells: text cells are quoted only when they must be (delimiter, quote,
 * CR/LF, leading/trailing space).  Number cells are written bare, always
 * with '.' as the decimal point (lg_dec never consults the locale).
 * Options: CRLF line ends; Excel mode (a UTF-8 BOM first, and text cells
 * that begin with = + - @ TAB or CR get a leading apostrophe so no
 * spreadsheet runs them as a formula -- numbers stay numbers); GB18030
 * output for spreadsheets that expect GBK.
 *
 * Ownership: lg_csv_new wraps a FILE the caller keeps owning (or NULL for
 * a writer that only fills lg_csv_buffer); free the writer with
 * lg_csv_free (it does not close the FILE).
 */
#ifndef LG_CSV_H
#define LG_CSV_H

#include <stdbool.h>
#include <stdio.h>

#include "lg_buf.h"
#include "lg_common.h"
#include "lg_series.h"

typedef struct {
	char delim;   /* ',' or '\t' */
	bool crlf;    /* \r\n line ends */
	bool excel;   /* BOM + formula neutralisation */
	bool gbk;     /* write GB18030 instead of UTF-8 */
} lg_csv_opts;

typedef struct lg_csv lg_csv;

lg_csv *lg_csv_new(FILE *fp, const lg_csv_opts *o);
void lg_csv_free(lg_csv *c);
void lg_csv_text(lg_csv *c, const char *s);
void lg_csv_textn(lg_csv *c, const char *s, size_t n);
void lg_csv_num(lg_csv *c, const char *s); /* a numeric cell, or "" for empty */
void lg_csv_int(lg_csv *c, long long v);
void lg_csv_dec(lg_csv *c, const lg_dec *v);
void lg_csv_hundredths(lg_csv *c, long long h); /* -9.20 */
void lg_csv_endrow(lg_csv *c);
/* Write what is buffered; LG_ERR_IO when the FILE reported an error. */
lg_status lg_csv_flush(lg_csv *c);
/* Buffered bytes not yet written (for callers that batch rows). */
lg_buf *lg_csv_buffer(lg_csv *c);

/* Format one cell the way lg_csv_text would, into b (no row end). */
void lg_csv_quote(lg_buf *b, const char *s, size_t n, char delim, bool excel);

/* Long form: one row per agency x year x scope (headline first). */
lg_status lg_csv_write_long(const lg_series *s, FILE *fp, const lg_csv_opts *o);
/* Wide form: one row per agency, one column per year ylo..yhi, then
 * year-over-year columns; headline figures only. */
lg_status lg_csv_write_wide(const lg_series *s, FILE *fp, const lg_csv_opts *o, int ylo, int yhi);

#endif
