/* lg_gnuplot: gnuplot scripts a person can read and edit, and rendering
 * them to PNG/SVG.
 *
 * Safety (report text is untrusted): everything taken from reports --
 * agency names, above all -- goes only into single-quoted gnuplot strings
 * with ' doubled and control characters replaced by spaces; gnuplot never
 * expands backquotes or escapes there.  The data sit in a datablock that
 * holds numbers only.  Output file names are given relative to the output
 * directory and prefixed with "./" so a name starting with '<' or '|' is
 * never a pipe.  gnuplot is run with -d (no ~/.gnuplot), its exit status
 * checked, and its image written to a temporary name then renamed.
 *
 * Scripts hold no BOM and no timestamps: the same series gives the same
 * bytes (golden-file tests rely on it).
 */
#ifndef LG_GNUPLOT_H
#define LG_GNUPLOT_H

#include <stdbool.h>
#include <stdio.h>

#include "lg_buf.h"
#include "lg_common.h"
#include "lg_series.h"

typedef enum { LG_CHART_LINE = 0, LG_CHART_BAR, LG_CHART_YOY } lg_chart;

typedef struct {
	lg_chart chart;
	int year;              /* bar chart: the year shown (0 = latest with data) */
	int ylo, yhi;          /* x axis years */
	const char *terminal;  /* "png" or "svg" */
	const char *font;      /* font family; NULL = "Noto Sans CJK SC" */
	const char *image;     /* image file name written by the script (no directory) */
	const char *version;   /* lgtrend version for the header comment */
	size_t top;            /* agencies charted at most; 0 = LG_GP_DEFAULT_TOP */
} lg_gp_opts;

#define LG_GP_DEFAULT_FONT "Noto Sans CJK SC"
/* More lines than this make a chart nobody can read: the rest are in the
 * CSV files, and the chart says how many it leaves out. */
#define LG_GP_DEFAULT_TOP 12

/* Write the script.  Returns LG_ERR_EMPTY (and writes nothing) when the
 * chart would have no point at all. */
lg_status lg_gp_write(const lg_series *s, FILE *fp, const lg_gp_opts *o, lg_err *err);

/* Append a gnuplot single-quoted string literal for untrusted text. */
void lg_gp_quote(lg_buf *b, const char *s);

/* Is gnuplot on PATH? */
bool lg_gp_available(void);
/* Does fontconfig know a font for Chinese?  (runs fc-list :lang=zh) */
bool lg_gp_cjk_font(void);

/* Render dir/script to dir/image with gnuplot -d.  On failure err holds
 * gnuplot's own first error line.  Warnings gnuplot printed on success go
 * to *warnings (may be NULL). */
lg_status lg_gp_render(const char *dir, const char *script, const char *image, lg_buf *warnings, lg_err *err);

#endif
