/* lg_dec: exact decimal numbers for figure values.
 *
 * A value is sign * digits * 10^exp, where digits is a string of decimal
 * digits without leading or trailing zeros (zero has nd == 0).  The
 * representation is canonical, so equal values compare equal bytewise.
 * Values never pass through a double on their way to output: 2415.1675
 * prints as 2415.1675.  Parsing and printing ignore the C locale.
 * lg_dec is a plain value type: copy it freely, nothing to free.
 */
#ifndef LG_DEC_H
#define LG_DEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lg_common.h"

#define LG_DEC_MAXDIG 96   /* significant digits kept; more is LG_ERR_RANGE */
#define LG_DEC_FMTMAX 256  /* enough for any lg_dec_format output */

typedef struct {
	char d[LG_DEC_MAXDIG];
	uint8_t nd;
	bool neg;
	int16_t exp;
} lg_dec;

/* Parse "123", "1234.5678", ".5" (ASCII digits, one optional '.').
 * Returns LG_OK, LG_ERR_SYNTAX (not a number) or LG_ERR_RANGE (too many
 * significant digits to keep exactly). */
lg_status lg_dec_parse(const char *s, size_t n, lg_dec *out);
void lg_dec_from_u64(lg_dec *out, uint64_t v);
/* Multiply by 10^k; LG_ERR_RANGE if the exponent leaves [-2000, 2000]. */
lg_status lg_dec_shift(lg_dec *v, int k);
int lg_dec_cmp(const lg_dec *a, const lg_dec *b);
bool lg_dec_is_zero(const lg_dec *v);
/* out = a - b, exactly. LG_ERR_RANGE if the result needs too many digits. */
lg_status lg_dec_sub(const lg_dec *a, const lg_dec *b, lg_dec *out);
/* Fixed-point text ("2532.15", "0.0737", "100000", "-3"); returns the length.
 * buf must hold LG_DEC_FMTMAX bytes. */
size_t lg_dec_format(const lg_dec *v, char *buf);
/* Percentage change from prev to cur in hundredths of a percent, rounded
 * half away from zero.  false when prev is zero. */
bool lg_dec_pct_change(const lg_dec *prev, const lg_dec *cur, long long *hundredths);
/* Format hundredths as "-9.20" style text without locale; returns length. */
size_t lg_dec_format_hundredths(long long h, char *buf, size_t cap);
double lg_dec_to_double(const lg_dec *v); /* for chart scaling only */

#endif
