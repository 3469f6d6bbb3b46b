/* lg_units: one tokenizer for every quantity in clean text -- a number
 * (Arabic with optional thousands separators and decimals, or a Chinese
 * numeral), its multiplier (万, 亿, ...), approximation words (近 约 余 多
 * 以上 ...), and its unit (万元, 家次, 起, 人, %, 个百分点, ...).
 *
 * Values are exact (lg_dec).  Money is converted to 万元 (元 -> x10^-4,
 * 亿元 -> x10^4); counts are multiplied out (10万余份 -> 100000 份, floor).
 * Units are reported in a canonical spelling (名 -> 人, 宗 -> 起) next to
 * the unit as written.  Approximation never changes the value: it is a
 * separate field.
 *
 * Everything here is pure: no allocation, no global state, thread-safe.
 */
#ifndef LG_UNITS_H
#define LG_UNITS_H

#include <stdbool.h>
#include <stddef.h>

#include "lg_common.h"
#include "lg_dec.h"

typedef enum {
	LG_APPROX_NONE = 0,
	LG_APPROX_FLOOR,   /* 余 多 以上 超 逾: at least */
	LG_APPROX_CEIL,    /* 近 不到 不足: at most */
	LG_APPROX_ABOUT    /* 约 左右 上下 */
} lg_approx;

typedef enum {
	LG_UK_NONE = 0,  /* no unit after the number */
	LG_UK_MONEY,     /* value in 万元 */
	LG_UK_COUNT,     /* 家次 起 人 项 份 ... */
	LG_UK_PERCENT,   /* % */
	LG_UK_POINTS,    /* 个百分点, kept distinct from % */
	LG_UK_TIME,      /* 年 月 日 天 小时 个工作日 ... (dates, durations) */
	LG_UK_MEASURE,   /* 吨 米 平方米 公里 ... */
	LG_UK_OTHER      /* 号 届 倍 分 ... */
} lg_unit_kind;

/* Canonical units have small integer ids (< LG_UNITS_MAX) so acceptance
 * tests are table lookups, not string compares. */
#define LG_UNITS_MAX 128

typedef struct {
	size_t start;       /* first byte, including a leading approximation word */
	size_t num_start;   /* first byte of the number itself */
	size_t num_end;
	size_t end;         /* one past the unit and any trailing approximation word */
	size_t paren_start; /* "2415.1675(含...)万元": the aside between number and unit */
	size_t paren_end;   /* 0 when there is none */
	lg_dec value;       /* in the canonical unit */
	const char *unit;   /* canonical unit ("万元", "家次", "人", "%"), "" when none */
	const char *unit_text; /* the unit as written, before synonyms ("元", "名") */
	int unit_id;        /* id of `unit`, or -1 when there is none */
	lg_unit_kind kind;
	lg_approx approx;
	bool chinese;       /* the number was written as a Chinese numeral */
	bool range;         /* "1-10月", "2-3天": a range, not a figure */
	bool has_mult;      /* a 万/亿 multiplier was present */
	bool trailing_yishang; /* ended in 以上/以下/以内 (a bound, maybe a threshold) */
	lg_status st;       /* LG_ERR_RANGE when the number is too long to keep */
} lg_qty;

/* Is s[i] an ideograph a Chinese numeral can begin with (一 二 两 三 四 五
 * 六 七 八 九 十; never 零, 百, 千, 万, 亿)?  Inline and cheap: the
 * extractor asks it of every ideograph. */
static inline bool lg_units_numeral_lead(const char *s, size_t n, size_t i)
{
	const unsigned char *p = (const unsigned char *)s + i;
	/* their first two bytes: E4 B8..BA, E5 85/8D/9B */
	if (i + 2 >= n || !(p[0] == 0xE4 ? p[1] >= 0xB8 && p[1] <= 0xBA
					 : p[0] == 0xE5 && (p[1] == 0x85 || p[1] == 0x8D || p[1] == 0x9B)))
		return false;
	unsigned cp = ((unsigned)(p[0] & 0x0F) << 12) | ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
	switch (cp) {
	case 0x4E00: case 0x4E8C: case 0x4E24: case 0x4E09: case 0x56DB: case 0x4E94:
	case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341:
		return true;
	default:
		return false;
	}
}

/* Is s[i] 百, 千 or 万, which begin a round number (近千万元, 上千家次,
 * 千余人) when lg_units_can_start says so? */
static inline bool lg_units_round_lead(const char *s, size_t n, size_t i)
{
	const unsigned char *p = (const unsigned char *)s + i;
	return i + 2 < n && ((p[0] == 0xE7 && p[1] == 0x99 && p[2] == 0xBE) || /* 百 */
			     (p[0] == 0xE5 && p[1] == 0x8D && p[2] == 0x83) || /* 千 */
			     (p[0] == 0xE4 && p[1] == 0xB8 && p[2] == 0x87));  /* 万 */
}

/* Is cp a numeral an amount written in full (大写: 壹佰贰拾伍万元) may
 * begin with (壹 .. 玖, 拾)?  Such a number is read only when two of these
 * numerals stand together or 人民币 comes before. */
bool lg_units_fin_lead(unsigned cp);

/* Can a quantity start at s[i]?  (an ASCII digit, or a Chinese numeral
 * that begins at s[i] -- lg_units_numeral_lead -- not preceded by
 * another numeral, 第, 数, 几 ...) */
bool lg_units_can_start(const char *s, size_t n, size_t i);

/* Read the quantity whose number starts at s[i].  Looks back (to no
 * further than lo) for an approximation prefix such as 近 or 约.  Returns
 * false when there is no number there, or a Chinese numeral is not
 * followed by a unit (so 一是, 三中全会 are not quantities). */
bool lg_units_scan(const char *s, size_t n, size_t lo, size_t i, lg_qty *q);

/* Parse a Chinese numeral (一百零五, 两, 十二, 三千, 二〇二一) of len bytes;
 * false when s is not entirely a numeral or it overflows. */
bool lg_units_parse_cn(const char *s, size_t len, unsigned long long *out);
/* The Chinese numeral character at s[i]: its digit 0..9 (零 〇 ○ 一 .. 九,
 * 两), -1 for 十 百 千 万 亿, -2 for anything else; *len its bytes. */
int lg_units_cn_digit(const char *s, size_t n, size_t i, size_t *len);

/* Canonical spelling of a unit string ("名" -> "人"); the table's own
 * pointer, or NULL when the unit is unknown. */
const char *lg_units_canonical(const char *unit);
/* Id of the canonical form of a unit (written or canonical), or -1. */
int lg_units_canon_id(const char *unit);

/* Might a quantity whose text so far ends in cp read on across a line end
 * right after it (12\n万元)? */
bool lg_units_reads_on(unsigned cp);

/* The characters a quantity in one of the units allowed[canonical id] must
 * have after its number: the first character of each spelling of those
 * units, and 万 亿 千 when money is among them (罚款312.6万 is read as
 * 万元).  Writes up to max code points to cps; returns how many. */
size_t lg_units_key_chars(const bool *allowed, unsigned *cps, size_t max);

const char *lg_approx_name(lg_approx a); /* "", "floor", "ceiling", "about" */

#endif
