/* lg_series: one indicator across agencies and years -- the best figure per
 * (agency, year, scope), the headline per (agency, year), and the
 * year-over-year change.
 *
 * The headline rule (documented in the README, visible in the CSV):
 *   1. scope: 全辖区 before 本级 before 乡镇 before 专项 (vocabulary ranks);
 *   2. a total before a part of it (其中, 含, 包括);
 *   3. the indicator itself before its proxy (罚款 before 罚没款; `basis`);
 *   4. the indicator's canonical unit before an accepted one;
 *   5. the larger value: a total is never smaller than its parts, and a
 *      full-year count never smaller than a part-year one;
 *   6. the full year before a part of it (1-10月);
 *   7. the first in the corpus (input order, then byte offset).
 * A proxy is used only when the agency has no figure of the indicator
 * itself that year.  Year-over-year is computed only between consecutive
 * full-year figures of the same agency, scope and unit; missing years
 * leave gaps, never zeros.
 *
 * Memory is flat: adding a figure keeps only the best per key.
 * Ownership: lg_series_new / lg_series_free; rows belong to the series.
 */
#ifndef LG_SERIES_H
#define LG_SERIES_H

#include <stdbool.h>
#include <stddef.h>

#include "lg_buf.h"
#include "lg_dec.h"
#include "lg_extract.h"
#include "lg_meta.h"
#include "lg_units.h"
#include "lg_vocab.h"

typedef struct {
	char *agency;      /* display name */
	char *key;         /* grouping key (lg_meta_agency_key) */
	size_t key_rank;   /* the key's place in strcmp order (lg_series_finish) */
	int year;
	lg_scope scope;
	bool headline;     /* the figure charted for (agency, year) */
	bool proxy;        /* taken from the proxy indicator (basis column) */
	int indicator;     /* vocabulary index of the figure's own indicator */
	lg_role role;
	char period[32];
	lg_dec value;
	char unit[24];
	int unit_rank;     /* 0 the indicator's unit, else 1 + its place in `accept` */
	lg_approx approx;
	bool has_reported_yoy;
	long long reported_yoy; /* hundredths of a percent */
	bool has_yoy;       /* computed against the previous year */
	lg_dec yoy_abs;
	bool has_yoy_pct;
	long long yoy_pct;  /* hundredths of a percent */
	char *source;
	size_t file_index;  /* input order */
	size_t offset;
	char *text;
} lg_row;

typedef struct lg_series lg_series;

/* indicator: vocabulary index; scope_filter: -1 for all scopes. */
lg_series *lg_series_new(const lg_vocab *v, int indicator, int scope_filter);
void lg_series_free(lg_series *s);

/* Offer the figures of one report.  file_index orders files (input order).
 * Reports without agency or year are ignored (the caller warns).  When
 * another file already gave this agency and year, nothing is added and
 * the function returns that file's name (a conflict to report);
 * otherwise NULL. */
/* text is the clean text the figures' text spans point into. */
const char *lg_series_add(lg_series *s, const lg_report *rep, const char *source, size_t file_index,
			  const char *text, const lg_figures *figs);

/* Choose headlines and compute year-over-year; call once after adding. */
void lg_series_finish(lg_series *s);

/* Rows sorted by agency, year, headline first, then scope rank. */
size_t lg_series_count(const lg_series *s);
const lg_row *lg_series_row(const lg_series *s, size_t i);
int lg_series_indicator(const lg_series *s);
const lg_vocab *lg_series_vocab(const lg_series *s);
/* The years with a headline figure: *lo..*hi (false when none). */
bool lg_series_years(const lg_series *s, int *lo, int *hi);

/* Compare two candidates by the headline rule within one scope:
 * < 0 when a is better. Exposed for tests. */
int lg_series_compare(const lg_vocab *v, const lg_row *a, const lg_row *b);

#endif
