/* lg_extract: the figures of one report -- every number that belongs to an
 * indicator of the vocabulary, with its scope, period, approximation,
 * reported year-over-year change, role and exact place in the source.
 *
 * The text is read once, left to right.  Paragraphs, sections (一是, 1.,
 * (一) ...), sentences and clauses are tracked as it goes; each quantity
 * (lg_units) with a unit some indicator accepts is given a subject -- the
 * words of its clause before it -- and judged by the vocabulary and the
 * language rules (lg_vocab).  Every decision has a reason that
 * `extract --explain` prints.  extract never prints and never exits.
 *
 * Ownership: lg_extractor is per thread (it owns PCRE2 match data and
 * scratch buffers); create it with lg_extractor_new and free it with
 * lg_extractor_free.  lg_figures is a growable array owned by the caller
 * (lg_figures_init / lg_figures_release); figures point into the lg_text
 * and lg_vocab they came from (sentence spans, static unit strings), so
 * use them before the text is reused.
 */
#ifndef LG_EXTRACT_H
#define LG_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "lg_buf.h"
#include "lg_dec.h"
#include "lg_meta.h"
#include "lg_read.h"
#include "lg_units.h"
#include "lg_vocab.h"

typedef enum {
	LG_ROLE_TOTAL = 0, /* a headline candidate */
	LG_ROLE_SUB,       /* a part of a figure already given (其中, 含, 包括) */
	LG_ROLE_EXCLUDED   /* looked like a figure, is not one (--explain only) */
} lg_role;

typedef struct {
	size_t offset, length;       /* the quantity in the ORIGINAL bytes */
	size_t norm_start, norm_end; /* the quantity in the clean text */
	size_t text_start, text_end; /* its sentence in the clean text (capped around the figure) */
	int indicator;               /* vocabulary index, or -1 (excluded, no indicator) */
	lg_scope scope;
	char period[32];             /* "" = the report's full year */
	lg_dec value;                /* in `unit` */
	const char *unit;            /* unit reported (static or vocabulary string) */
	int unit_id;                 /* its id (lg_units_canon_id), -1 none */
	char raw[64];                /* the quantity as written, e.g. 10万余份 */
	lg_approx approx;
	bool has_yoy;
	long long yoy_hundredths;    /* reported 同比 change in hundredths of a percent */
	lg_role role;
	bool aside;                  /* inside brackets: (含高速4起4人) */
	const char *reason;          /* why excluded or sub; static text */
	char detail[96];             /* the words that decided, for --explain */
} lg_figure;

typedef struct {
	lg_figure *v;
	size_t n, cap;
} lg_figures;

void lg_figures_init(lg_figures *f);
void lg_figures_release(lg_figures *f);
void lg_figures_reset(lg_figures *f);
lg_figure *lg_figures_push(lg_figures *f);

typedef struct lg_extractor lg_extractor;

/* explain: also keep LG_ROLE_EXCLUDED records for --explain. */
lg_extractor *lg_extractor_new(const lg_vocab *v, bool explain);
void lg_extractor_free(lg_extractor *x);
/* Read as figures only the numbers whose canonical unit id is marked in
 * units[LG_UNITS_MAX] (NULL: all).  For an export of some indicators: the
 * figures of the indicators that take those units are the same; the rest
 * of the numbers cost little more than being passed over, and those of a
 * sentence with no character a quantity in those units (or a percentage)
 * must have are not read at all. */
void lg_extractor_only_units(lg_extractor *x, const bool *units);

/* Extract the figures of one report (text already cleaned, metadata
 * already detected).  out is reset first.  Warnings (a number too long to
 * keep exactly, ...) are appended to warn as lines "byte offset N: ...".
 * Never fails on report text: a report with no figures yields none. */
void lg_extract(lg_extractor *x, const lg_text *t, const lg_report *rep, lg_figures *out, lg_buf *warn);

const char *lg_role_name(lg_role r); /* total, sub, excluded */

#endif
