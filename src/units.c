/* units: the quantity tokenizer -- numbers (Arabic and Chinese), 万/亿
 * multipliers, approximation words and units -- and exact normalisation
 * of money to 万元.  Pure functions over clean text. */
#include "lg_units.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "lg_read.h"

typedef struct {
	const char *text;
	const char *canon;
	lg_unit_kind kind;
	int exp; /* money: power of ten of one unit in 元 */
} unit_def;

/* Longest spellings first: the first match wins. */
static const unit_def units[] = {
	{ "个百分点", "个百分点", LG_UK_POINTS, 0 },
	{ "家（次）", "家次", LG_UK_COUNT, 0 }, /* before the reader folds brackets */
	{ "户（次）", "户次", LG_UK_COUNT, 0 },
	{ "人（次）", "人次", LG_UK_COUNT, 0 },
	{ "个工作日", "个工作日", LG_UK_TIME, 0 },
	{ "平方公里", "平方公里", LG_UK_MEASURE, 0 },
	{ "百分点", "个百分点", LG_UK_POINTS, 0 },
	{ "平方米", "平方米", LG_UK_MEASURE, 0 },
	{ "立方米", "立方米", LG_UK_MEASURE, 0 },
	{ "工作日", "个工作日", LG_UK_TIME, 0 },
	{ "家(次)", "家次", LG_UK_COUNT, 0 }, /* 987家（次） */
	{ "家/次", "家次", LG_UK_COUNT, 0 }, /* 1486家/次 */
	{ "户/次", "户次", LG_UK_COUNT, 0 },
	{ "人/次", "人次", LG_UK_COUNT, 0 },
	{ "户(次)", "户次", LG_UK_COUNT, 0 },
	{ "人(次)", "人次", LG_UK_COUNT, 0 },
	{ "亿元", "万元", LG_UK_MONEY, 8 },
	{ "万元", "万元", LG_UK_MONEY, 4 },
	{ "千元", "万元", LG_UK_MONEY, 3 },
	{ "家次", "家次", LG_UK_COUNT, 0 },
	{ "人次", "人次", LG_UK_COUNT, 0 },
	{ "户次", "户次", LG_UK_COUNT, 0 },
	{ "场次", "场次", LG_UK_COUNT, 0 },
	{ "批次", "批次", LG_UK_COUNT, 0 },
	{ "车次", "车次", LG_UK_COUNT, 0 },
	{ "架次", "架次", LG_UK_COUNT, 0 },
	{ "台次", "台次", LG_UK_COUNT, 0 },
	{ "航次", "航次", LG_UK_COUNT, 0 },
	{ "班次", "班次", LG_UK_COUNT, 0 },
	{ "队次", "队次", LG_UK_COUNT, 0 },
	{ "个月", "个月", LG_UK_TIME, 0 },
	{ "小时", "小时", LG_UK_TIME, 0 },
	{ "分钟", "分钟", LG_UK_TIME, 0 },
	{ "公里", "公里", LG_UK_MEASURE, 0 },
	{ "千米", "公里", LG_UK_MEASURE, 0 },
	{ "公斤", "公斤", LG_UK_MEASURE, 0 },
	{ "千克", "公斤", LG_UK_MEASURE, 0 },
	{ "公顷", "公顷", LG_UK_MEASURE, 0 },
	{ "千瓦", "千瓦", LG_UK_MEASURE, 0 },
	{ "元", "万元", LG_UK_MONEY, 0 },
	{ "家", "家", LG_UK_COUNT, 0 },
	{ "户", "户", LG_UK_COUNT, 0 },
	{ "起", "起", LG_UK_COUNT, 0 },
	{ "宗", "起", LG_UK_COUNT, 0 },
	{ "件", "件", LG_UK_COUNT, 0 },
	{ "例", "例", LG_UK_COUNT, 0 },
	{ "人", "人", LG_UK_COUNT, 0 },
	{ "名", "人", LG_UK_COUNT, 0 },
	{ "位", "人", LG_UK_COUNT, 0 },
	{ "个", "个", LG_UK_COUNT, 0 },
	{ "条", "条", LG_UK_COUNT, 0 },
	{ "项", "项", LG_UK_COUNT, 0 },
	{ "份", "份", LG_UK_COUNT, 0 },
	{ "张", "张", LG_UK_COUNT, 0 },
	{ "本", "本", LG_UK_COUNT, 0 },
	{ "册", "册", LG_UK_COUNT, 0 },
	{ "场", "场", LG_UK_COUNT, 0 },
	{ "期", "期", LG_UK_COUNT, 0 },
	{ "支", "支", LG_UK_COUNT, 0 },
	{ "队", "队", LG_UK_COUNT, 0 },
	{ "台", "台", LG_UK_COUNT, 0 },
	{ "套", "套", LG_UK_COUNT, 0 },
	{ "辆", "辆", LG_UK_COUNT, 0 },
	{ "艘", "艘", LG_UK_COUNT, 0 },
	{ "处", "处", LG_UK_COUNT, 0 },
	{ "座", "座", LG_UK_COUNT, 0 },
	{ "所", "所", LG_UK_COUNT, 0 },
	{ "块", "块", LG_UK_COUNT, 0 },
	{ "幅", "幅", LG_UK_COUNT, 0 },
	{ "篇", "篇", LG_UK_COUNT, 0 },
	{ "部", "部", LG_UK_COUNT, 0 },
	{ "类", "类", LG_UK_COUNT, 0 },
	{ "批", "批", LG_UK_COUNT, 0 },
	{ "组", "组", LG_UK_COUNT, 0 },
	{ "轮", "轮", LG_UK_COUNT, 0 },
	{ "次", "次", LG_UK_COUNT, 0 },
	{ "封", "封", LG_UK_COUNT, 0 },
	{ "间", "间", LG_UK_COUNT, 0 },
	{ "栋", "栋", LG_UK_COUNT, 0 },
	{ "吨", "吨", LG_UK_MEASURE, 0 },
	{ "米", "米", LG_UK_MEASURE, 0 },
	{ "亩", "亩", LG_UK_MEASURE, 0 },
	{ "天", "天", LG_UK_TIME, 0 },
	{ "日", "日", LG_UK_TIME, 0 },
	{ "年", "年", LG_UK_TIME, 0 },
	{ "月", "月", LG_UK_TIME, 0 },
	{ "周", "周", LG_UK_TIME, 0 },
	{ "号", "号", LG_UK_OTHER, 0 },
	{ "届", "届", LG_UK_OTHER, 0 },
	{ "倍", "倍", LG_UK_OTHER, 0 },
	{ "分", "分", LG_UK_OTHER, 0 },
	{ "%", "%", LG_UK_PERCENT, 0 },
	{ "‰", "‰", LG_UK_OTHER, 0 },
};
#define NUNITS (sizeof units / sizeof units[0])
_Static_assert(sizeof units / sizeof units[0] <= LG_UNITS_MAX, "LG_UNITS_MAX too small");

/* canon_id[u]: the id of units[u].canon, the index of the first entry
 * whose text is that canonical spelling.  Filled once. */
static int canon_id[NUNITS];
static pthread_once_t canon_once = PTHREAD_ONCE_INIT;

static void canon_init(void)
{
	for (size_t u = 0; u < NUNITS; u++) {
		canon_id[u] = -1;
		for (size_t k = 0; k < NUNITS; k++) {
			if (strcmp(units[k].text, units[u].canon) == 0) {
				canon_id[u] = (int)k;
				break;
			}
		}
	}
}

static size_t add_key(unsigned *cps, size_t k, size_t max, const char *text)
{
	unsigned cp;
	lg_utf8_decode(text, &cp);
	for (size_t i = 0; i < k; i++)
		if (cps[i] == cp)
			return k;
	if (k < max)
		cps[k++] = cp;
	return k;
}

size_t lg_units_key_chars(const bool *allowed, unsigned *cps, size_t max)
{
	pthread_once(&canon_once, canon_init);
	size_t k = 0;
	bool money = false;
	for (size_t u = 0; u < NUNITS; u++) {
		if (canon_id[u] < 0 || !allowed[canon_id[u]])
			continue;
		k = add_key(cps, k, max, units[u].text);
		money = money || units[u].kind == LG_UK_MONEY;
	}
	if (money) {
		k = add_key(cps, k, max, "万");
		k = add_key(cps, k, max, "亿");
		k = add_key(cps, k, max, "千");
	}
	return k;
}

int lg_units_canon_id(const char *unit)
{
	pthread_once(&canon_once, canon_init);
	for (size_t u = 0; u < NUNITS; u++)
		if (strcmp(units[u].text, unit) == 0 || strcmp(units[u].canon, unit) == 0)
			return canon_id[u];
	return -1;
}

static inline bool at(const char *s, size_t n, size_t i, const char *lit, size_t *len)
{
	size_t k = strlen(lit);
	if (i + k > n || memcmp(s + i, lit, k) != 0)
		return false;
	if (len)
		*len = k;
	return true;
}

static inline bool before(const char *s, size_t lo, size_t i, const char *lit, size_t *len)
{
	size_t k = strlen(lit);
	if (i < lo + k || memcmp(s + i - k, lit, k) != 0)
		return false;
	if (len)
		*len = k;
	return true;
}

/* units starting with each (lead byte, second byte): indexes into units[] */
static unsigned char by_prefix[256][8];
static unsigned char nby_prefix[256];
static bool prefix_overflow; /* a bucket filled up: scan the whole table */
static pthread_once_t prefix_once = PTHREAD_ONCE_INIT;

static unsigned prefix_key(const char *t)
{
	unsigned char a = (unsigned char)t[0], b = a >= 0x80 ? (unsigned char)t[1] : 0;
	return (unsigned)(a * 31u + b) & 255u;
}

static void prefix_init(void)
{
	for (size_t u = 0; u < NUNITS; u++) {
		unsigned k = prefix_key(units[u].text);
		if (nby_prefix[k] < 8)
			by_prefix[k][nby_prefix[k]++] = (unsigned char)u;
		else
			prefix_overflow = true;
	}
}

static const unit_def *match_unit(const char *s, size_t n, size_t i, size_t *len)
{
	if (i >= n || (i + 1 >= n && (unsigned char)s[i] >= 0x80))
		return NULL;
	pthread_once(&prefix_once, prefix_init);
	if (prefix_overflow) {
		for (size_t u = 0; u < NUNITS; u++)
			if (units[u].text[0] == s[i] && at(s, n, i, units[u].text, len))
				return &units[u];
		return NULL;
	}
	unsigned k = prefix_key(s + i);
	/* entries keep the table's order: longest spellings first */
	for (unsigned j = 0; j < nby_prefix[k]; j++) {
		const unit_def *u = &units[by_prefix[k][j]];
		if (at(s, n, i, u->text, len))
			return u;
	}
	return NULL;
}

const char *lg_units_canonical(const char *unit)
{
	for (size_t u = 0; u < NUNITS; u++)
		if (strcmp(units[u].text, unit) == 0)
			return units[u].canon;
	return NULL;
}

const char *lg_approx_name(lg_approx a)
{
	switch (a) {
	case LG_APPROX_FLOOR: return "floor";
	case LG_APPROX_CEIL: return "ceiling";
	case LG_APPROX_ABOUT: return "about";
	default: return "";
	}
}

/* Chinese numeral characters: digit value, or -1 for 十百千万亿 handled
 * as multipliers, or -2 when not a numeral character. */
static int cn_digit(unsigned cp)
{
	switch (cp) {
	case 0x96F6: /* 零 */
	case 0x3007: /* 〇 */
	case 0x25CB: /* ○, written for 〇 in dates */ return 0;
	case 0x4E00: return 1; /* 一 */
	case 0x4E8C: return 2; /* 二 */
	case 0x4E24: return 2; /* 两 */
	case 0x4E09: return 3; /* 三 */
	case 0x56DB: return 4; /* 四 */
	case 0x4E94: return 5; /* 五 */
	case 0x516D: return 6; /* 六 */
	case 0x4E03: return 7; /* 七 */
	case 0x516B: return 8; /* 八 */
	case 0x4E5D: return 9; /* 九 */
	case 0x5341: /* 十 */
	case 0x767E: /* 百 */
	case 0x5343: /* 千 */
	case 0x4E07: /* 万 */
	case 0x4EBF: /* 亿 */ return -1;
	default: return -2;
	}
}

/* The numerals of amounts written out in full (大写: 壹佰贰拾伍万元), read
 * only in a number that begins with one of them: their digit value, -1
 * for 拾 佰 仟 萬 億, -2 for anything else. */
static int fin_digit(unsigned cp)
{
	switch (cp) {
	case 0x58F9: return 1; /* 壹 */
	case 0x8D30: case 0x8CB3: return 2; /* 贰 貳 */
	case 0x53C1: case 0x53C3: return 3; /* 叁 參 */
	case 0x8086: return 4; /* 肆 */
	case 0x4F0D: return 5; /* 伍 */
	case 0x9646: case 0x9678: return 6; /* 陆 陸 */
	case 0x67D2: return 7; /* 柒 */
	case 0x634C: return 8; /* 捌 */
	case 0x7396: return 9; /* 玖 */
	case 0x62FE: /* 拾 */
	case 0x4F70: /* 佰 */
	case 0x4EDF: /* 仟 */
	case 0x842C: /* 萬 */
	case 0x5104: /* 億 */ return -1;
	default: return -2;
	}
}

bool lg_units_fin_lead(unsigned cp)
{
	return fin_digit(cp) >= 0 || cp == 0x62FE; /* 壹 .. 玖, 拾 */
}

/* A digit or multiplier of either kind, for a number written in full. */
static int any_digit(unsigned cp)
{
	int d = cn_digit(cp);
	return d != -2 ? d : fin_digit(cp);
}

bool lg_units_reads_on(unsigned cp)
{
	/* the digits and separators of a number, a numeral or multiplier, the
	 * 余/多 between a number and its unit (skip_space lets one line end
	 * stand between a number and its unit) */
	return (cp >= '0' && cp <= '9') || cp == ',' || cp == '.' || cn_digit(cp) != -2 || cp == 0x4F59 /* 余 */ ||
	       cp == 0x591A /* 多 */;
}

int lg_units_cn_digit(const char *s, size_t n, size_t i, size_t *len)
{
	if (i >= n || (unsigned char)s[i] < 0xE2)
		return -2;
	unsigned cp;
	size_t k = lg_utf8_decode(s + i, &cp);
	if (i + k > n)
		return -2;
	*len = k;
	return cn_digit(cp);
}

bool lg_units_parse_cn(const char *s, size_t len, unsigned long long *out)
{
	unsigned long long total = 0, section = 0, num = 0;
	bool prev_digit = false, any = false, seq = false;
	size_t i = 0;
	while (i < len) {
		unsigned cp;
		size_t k = lg_utf8_decode(s + i, &cp);
		int d = any_digit(cp);
		if (d == -2)
			return false;
		any = true;
		if (d == 0 && !prev_digit && i > 0) {
			/* 一千零八十六: 零 after a 千 holds an empty place */
			num = 0;
		} else if (d >= 0) {
			if (prev_digit) {
				/* 二〇二一: digits written one by one */
				num = num * 10 + (unsigned)d;
				seq = true;
			} else {
				num = (unsigned)d;
			}
			prev_digit = true;
		} else {
			unsigned long long unit;
			prev_digit = false;
			if (seq)
				return false;
			switch (cp) {
			case 0x5341: case 0x62FE: unit = 10; break;      /* 十 拾 */
			case 0x767E: case 0x4F70: unit = 100; break;     /* 百 佰 */
			case 0x5343: case 0x4EDF: unit = 1000; break;    /* 千 仟 */
			case 0x4E07: case 0x842C: unit = 10000; break;   /* 万 萬 */
			default: unit = 100000000; break;                /* 亿 億 */
			}
			if (unit < 10000) {
				if (num == 0 && (unit == 10 || i == 0))
					num = 1; /* 十二; 千余 (a round number: one thousand) */
				section += num * unit;
				num = 0;
			} else if (unit == 10000) {
				section += num;
				if (section == 0)
					section = 1;
				total += section * 10000;
				section = 0;
				num = 0;
			} else {
				section += num;
				if (section == 0 && total == 0)
					section = 1;
				total = (total + section) * 100000000ULL;
				section = 0;
				num = 0;
			}
			if (total > 1000000000000000000ULL)
				return false;
		}
		i += k;
	}
	if (!any)
		return false;
	*out = total + section + num;
	return true;
}

/* The numeral at s[i] (fin: of either kind, for an amount written in
 * full): *len its bytes, *d its digit or, for a multiplier, its code point. */
static bool numeral_char_at(const char *s, size_t n, size_t i, size_t *len, int *d, bool fin)
{
	if (i >= n || (unsigned char)s[i] < 0xE3)
		return false;
	unsigned cp;
	size_t k = lg_utf8_decode(s + i, &cp);
	int v = fin ? any_digit(cp) : cn_digit(cp);
	if (v == -2 || i + k > n)
		return false;
	*len = k;
	if (d)
		*d = (v == -1) ? (int)cp : v;
	return true;
}

static bool is_cn_numeral_at(const char *s, size_t n, size_t i, size_t *len, int *d)
{
	return numeral_char_at(s, n, i, len, d, false);
}

static bool prev_is(const char *s, size_t i, const char *lit)
{
	return before(s, 0, i, lit, NULL);
}

/* The numeral of an amount written in full at s[i] (壹 .. 玖, 拾 佰 仟 萬 億),
 * or a plain one inside such a number (零, 万): *len its bytes. */
static bool is_fin_numeral_at(const char *s, size_t n, size_t i, size_t *len)
{
	return numeral_char_at(s, n, i, len, NULL, true);
}

/* Does an amount written in full begin at s[i]: a 壹 .. 玖 or 拾 not after
 * another numeral, and either two of its own numerals in the number
 * (贰拾, 叁万伍仟) or 人民币 before it -- one alone is a word (队伍, 陆续,
 * 拾起)? */
static bool fin_number_at(const char *s, size_t n, size_t i)
{
	unsigned cp;
	if (i + 3 > n || (unsigned char)s[i] < 0xE4)
		return false;
	lg_utf8_decode(s + i, &cp);
	int d = fin_digit(cp);
	if (d == -2 || (d < 0 && cp != 0x62FE))
		return false;
	if (i >= 3) {
		size_t pl = lg_utf8_prev_len(s, s + i);
		unsigned pc;
		lg_utf8_decode(s + i - pl, &pc);
		if (any_digit(pc) != -2)
			return false;
	}
	if (prev_is(s, i, "人民币") || prev_is(s, i, "币"))
		return true;
	/* two of its own numerals in the run (叁万伍仟: 万 is either kind's) */
	int own = 0;
	size_t k;
	for (size_t j = i; own < 2 && is_fin_numeral_at(s, n, j, &k); j += k) {
		unsigned c;
		lg_utf8_decode(s + j, &c);
		own += fin_digit(c) != -2;
	}
	return own >= 2;
}

static bool round_number_at(const char *s, size_t n, size_t i);

bool lg_units_can_start(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	if (c >= '0' && c <= '9') {
		if (i > 0) {
			unsigned char p = (unsigned char)s[i - 1];
			if ((p >= '0' && p <= '9') || (p >= 'A' && p <= 'Z') || (p >= 'a' && p <= 'z') ||
			    p == '.' || p == '_' || p == '/')
				return false;
		}
		return true;
	}
	bool lead = lg_units_numeral_lead(s, n, i);
	if (!lead && !lg_units_round_lead(s, n, i))
		return fin_number_at(s, n, i);
	if (i >= 3) {
		size_t pk;
		int pd;
		size_t pl = lg_utf8_prev_len(s, s + i);
		if (is_cn_numeral_at(s, n, i - pl, &pk, &pd))
			return false;
		/* 数十起, 几百人: an unknown number, not ten or a hundred */
		if (prev_is(s, i, "数") || prev_is(s, i, "几"))
			return false;
		/* the fraction of 八十六点五: read with the number it ends */
		if (i >= 6 && prev_is(s, i, "点") && is_cn_numeral_at(s, n, i - 3 - lg_utf8_prev_len(s, s + i - 3), &pk, &pd))
			return false;
		/* 未发生一起较大事故, 无一例: "not a single one", no count */
		size_t one_len, nl;
		int nd;
		if (at(s, n, i, "一", &one_len) && !is_cn_numeral_at(s, n, i + one_len, &nl, &nd) &&
		    (prev_is(s, i, "发生") || prev_is(s, i, "无") || prev_is(s, i, "没有") || prev_is(s, i, "未有") ||
		     prev_is(s, i, "未出现")) &&
		    (prev_is(s, i, "发生") ? (before(s, 0, i - 6, "未", NULL) || before(s, 0, i - 6, "没", NULL) ||
					       before(s, 0, i - 6, "没有", NULL) || before(s, 0, i - 6, "不", NULL))
					    : true))
			return false;
		if (prev_is(s, i, "第") || prev_is(s, i, "初") || prev_is(s, i, "周") || prev_is(s, i, "星期") ||
		    prev_is(s, i, "礼拜") || prev_is(s, i, "农历") || prev_is(s, i, "之") || prev_is(s, i, "统"))
			return false;
	}
	/* 百, 千, 万 begin a number only as a round one */
	return lead || round_number_at(s, n, i);
}

static size_t skip_space(const char *s, size_t n, size_t i)
{
	if (i < n && (s[i] == ' ' || s[i] == '\n'))
		return i + 1;
	return i;
}

static inline bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* At s[j] == ' ': one or more " ddd" groups, then a decimal point, a unit
 * or 万/亿 (a character of two bytes or more)? */
static bool space_groups(const char *s, size_t n, size_t j)
{
	size_t p = j;
	while (p + 3 < n && s[p] == ' ' && is_digit(s[p + 1]) && is_digit(s[p + 2]) && is_digit(s[p + 3]))
		p += 4;
	if (p == j || p >= n)
		return false;
	return (unsigned char)s[p] >= 0xC0 || (s[p] == '.' && p + 1 < n && is_digit(s[p + 1]));
}

/* Arabic digits with thousands separators and one decimal point.  A comma
 * is a separator only between a group of one to three digits and exactly
 * three digits ("1,234" but not "12,3456" or "8778家次,12"); a space the
 * same, when the groups end at a unit or a decimal point (1 234项); one
 * kind of separator per number. */
static size_t scan_arabic(const char *s, size_t n, size_t i, char *digits, size_t cap, size_t *nd, bool *toolong)
{
	size_t k = 0, j = i, group = 0;
	bool dot = false, grouped = false;
	char sep = 0; /* the thousands separator in use: ',' or ' ' (1 234项) */
	*toolong = false;
	while (j < n) {
		char c = s[j];
		if (is_digit(c)) {
			if (k + 1 < cap)
				digits[k++] = c;
			else
				*toolong = true;
			group++;
			j++;
		} else if ((c == ',' || c == ' ') && (!sep || c == sep) && !dot && group >= 1 &&
			   (grouped ? group == 3 : group <= 3) && j + 3 < n && is_digit(s[j + 1]) && is_digit(s[j + 2]) &&
			   is_digit(s[j + 3]) && (j + 4 >= n || !is_digit(s[j + 4])) &&
			   /* a space groups digits only before a decimal point, a
			    * unit or 万/亿 (a character of two bytes or more), never
			    * between table columns of numbers */
			   (c == ',' || space_groups(s, n, j))) {
			grouped = true;
			sep = c;
			group = 0;
			j++;
		} else if (c == '\xEF' && (!sep || sep == 'F') && !dot && group >= 1 && (grouped ? group == 3 : group <= 3) &&
			   j + 6 < n && memcmp(s + j, "，", 3) == 0 && is_digit(s[j + 3]) && is_digit(s[j + 4]) &&
			   is_digit(s[j + 5]) && (unsigned char)s[j + 6] >= 0xC0) {
			/* "1，865家次": the full-width comma typed for a thousands
			 * separator -- three digits, then a unit or 万/亿 */
			grouped = true;
			sep = 'F';
			group = 0;
			j += 3;
		} else if (c == '.' && !dot && j + 1 < n && is_digit(s[j + 1])) {
			dot = true;
			if (k + 1 < cap)
				digits[k++] = '.';
			else
				*toolong = true;
			j++;
		} else {
			break;
		}
	}
	*nd = k;
	return j;
}

#define PFX(w, a) { w, sizeof(w) - 1, a }
static const struct {
	const char *w;
	size_t len;
	lg_approx a;
} prefixes[] = {
	PFX("将近", LG_APPROX_CEIL), PFX("接近", LG_APPROX_CEIL), PFX("不到", LG_APPROX_CEIL),
	PFX("不足", LG_APPROX_CEIL), PFX("大约", LG_APPROX_ABOUT), PFX("超过", LG_APPROX_FLOOR),
	PFX("近", LG_APPROX_CEIL),   PFX("约", LG_APPROX_ABOUT),   PFX("逾", LG_APPROX_FLOOR),
	PFX("超", LG_APPROX_FLOOR),
};
#undef PFX

/* The word of approximation just before s[i] (no further back than lo):
 * its kind, and *len its bytes; LG_APPROX_NONE when there is none.  Before
 * a round number (round: s[i] is 百/千/万) 上 is one too -- 上千家次, more
 * than a thousand -- but not in 以上, 线上, 网上. */
static lg_approx approx_before(const char *s, size_t lo, size_t i, bool round, size_t *len)
{
	for (size_t p = 0; p < sizeof prefixes / sizeof prefixes[0]; p++) {
		size_t k = prefixes[p].len;
		if (i >= lo + k && s[i - 1] == prefixes[p].w[k - 1] && memcmp(s + i - k, prefixes[p].w, k) == 0) {
			*len = k;
			return prefixes[p].a;
		}
	}
	if (round && before(s, lo, i, "上", NULL) && !before(s, lo, i, "以上", NULL) &&
	    !before(s, lo, i, "线上", NULL) && !before(s, lo, i, "网上", NULL)) {
		*len = 3;
		return LG_APPROX_FLOOR;
	}
	return LG_APPROX_NONE;
}

/* 近千万元, 上千家次, 逾百人, 千余人, 万余人次: a number that begins with
 * 百, 千 or 万 (one of them) when a word of approximation comes before it
 * or 余/多 after it -- elsewhere 千方百计, 百姓, 万家 are words.  (What no
 * number may follow -- another numeral, 数/几 as in 数千余人 -- is
 * lg_units_can_start's.) */
static bool round_number_at(const char *s, size_t n, size_t i)
{
	size_t k;
	int d;
	if (approx_before(s, 0, i, true, &k) != LG_APPROX_NONE)
		return true;
	size_t j = i;
	while (is_cn_numeral_at(s, n, j, &k, &d))
		j += k;
	return at(s, n, j, "余", NULL) || at(s, n, j, "多", NULL);
}

static lg_approx approx_infix(const char *s, size_t n, size_t *j)
{
	size_t k;
	if (at(s, n, *j, "余", &k) || at(s, n, *j, "多", &k)) {
		*j += k;
		return LG_APPROX_FLOOR;
	}
	return LG_APPROX_NONE;
}

/* Skip "(...)" of at most 120 bytes without nested newlines; returns the
 * index after the closing bracket, or 0 when there is none. */
static size_t skip_paren(const char *s, size_t n, size_t i)
{
	if (i >= n || s[i] != '(')
		return 0;
	int depth = 0;
	for (size_t j = i; j < n && j < i + 160; j++) {
		if (s[j] == '(')
			depth++;
		else if (s[j] == ')') {
			if (--depth == 0)
				return j + 1;
		} else if (s[j] == '\n')
			return 0;
	}
	return 0;
}

bool lg_units_scan(const char *s, size_t n, size_t lo, size_t i, lg_qty *q)
{
	memset(q, 0, sizeof *q);
	q->unit = "";
	q->unit_text = "";
	q->unit_id = -1;
	q->start = q->num_start = i;
	size_t j = i;
	char digits[LG_DEC_MAXDIG + 8];
	size_t nd = 0;
	bool toolong = false;
	unsigned long long cnval = 0;
	bool cn_frac = false;

	if ((unsigned char)s[i] >= '0' && (unsigned char)s[i] <= '9') {
		j = scan_arabic(s, n, i, digits, sizeof digits, &nd, &toolong);
	} else {
		size_t k;
		int d;
		if (!lg_units_numeral_lead(s, n, i) && !lg_units_round_lead(s, n, i) && fin_number_at(s, n, i)) {
			/* 壹佰贰拾伍万元 */
			while (is_fin_numeral_at(s, n, j, &k))
				j += k;
		} else {
			while (is_cn_numeral_at(s, n, j, &k, &d))
				j += k;
		}
		/* trailing 万/亿 belong to the numeral; 零 trailing is odd but harmless */
		if (!lg_units_parse_cn(s + i, j - i, &cnval))
			return false;
		q->chinese = true;
		/* 一千零八十六点五万元: digits after 点 are a decimal fraction; the
		 * number goes on as a decimal written in digits would (a 万 or 亿
		 * after it multiplies the whole) */
		size_t pk, dk;
		if (at(s, n, j, "点", &pk) && lg_units_cn_digit(s, n, j + pk, &dk) >= 0) {
			nd = (size_t)snprintf(digits, sizeof digits, "%llu.", cnval);
			j += pk;
			int fd;
			while ((fd = lg_units_cn_digit(s, n, j, &dk)) >= 0) {
				if (nd + 1 < sizeof digits)
					digits[nd++] = (char)('0' + fd);
				else
					toolong = true;
				j += dk;
			}
			cn_frac = true;
		}
	}
	q->num_end = j;

	/* a range: 1-10月, 2-3天, 10~20人 */
	if (!q->chinese && j + 1 < n && (s[j] == '-' || s[j] == '~') && s[j + 1] >= '0' && s[j + 1] <= '9') {
		char tmp[LG_DEC_MAXDIG + 8];
		size_t tnd;
		bool tl;
		q->range = true;
		j = scan_arabic(s, n, j + 1, tmp, sizeof tmp, &tnd, &tl);
	}

	lg_approx ax = approx_infix(s, n, &j);
	if (ax)
		q->approx = ax;

	int mult = 0;
	size_t ulen = 0;
	const unit_def *u = match_unit(s, n, j, &ulen);
	if (!u && !q->chinese && j + 1 < n && s[j] == ' ') {
		/* "1.2 万份", "12 万余人": a space before 万/亿 and a unit after */
		size_t k, e = j + 1, ul;
		if (at(s, n, e, "万", &k) || at(s, n, e, "亿", &k)) {
			e += k;
			if (at(s, n, e, "余", &k) || at(s, n, e, "多", &k))
				e += k;
			if (match_unit(s, n, e, &ul))
				j++;
		}
	}
	if (!u && (!q->chinese || cn_frac)) {
		size_t k;
		if (at(s, n, j, "千万", &k))
			mult = 7;
		else if (at(s, n, j, "百万", &k))
			mult = 6;
		else if (at(s, n, j, "万", &k))
			mult = 4;
		else if (at(s, n, j, "亿", &k))
			mult = 8;
		else if (at(s, n, j, "千", &k))
			mult = 3;
		if (mult) {
			j += k;
			q->has_mult = true;
			/* 1万2千元, 3万5百人: the thousands after the ten thousands */
			size_t e = j, m2 = 0;
			while (e < n && e - j < 4 && s[e] >= '0' && s[e] <= '9')
				e++;
			unsigned long long factor = 0;
			if (mult == 4 && !q->chinese && e > j && nd <= 12 && !memchr(digits, '.', nd))
				factor = at(s, n, e, "千", &m2) ? 1000 : at(s, n, e, "百", &m2) ? 100 : 0;
			if (factor) {
				unsigned long long whole = 0, part = 0;
				for (size_t t = 0; t < nd; t++)
					whole = whole * 10 + (unsigned)(digits[t] - '0');
				for (size_t t = j; t < e; t++)
					part = part * 10 + (unsigned)(s[t] - '0');
				part *= factor;
				if (part < 10000) {
					nd = (size_t)snprintf(digits, sizeof digits, "%llu", whole * 10000 + part);
					mult = 0;
					j = e + m2;
				}
			}
			ax = approx_infix(s, n, &j);
			if (ax)
				q->approx = ax;
			u = match_unit(s, n, j, &ulen);
		}
	}
	if (!u) {
		size_t sj = skip_space(s, n, j);
		if (sj != j && (u = match_unit(s, n, sj, &ulen)) != NULL &&
		    (u->kind == LG_UK_MONEY || u->kind == LG_UK_COUNT || u->kind == LG_UK_PERCENT))
			j = sj;
		else
			u = NULL;
	}
	if (!u && j < n && s[j] == '(') {
		size_t pe = skip_paren(s, n, j);
		size_t ul;
		const unit_def *pu = pe ? match_unit(s, n, pe, &ul) : NULL;
		/* 1,200(家次), 236(万元): the unit alone in brackets after the number */
		size_t il = 0;
		const unit_def *iu = pe ? match_unit(s, n, j + 1, &il) : NULL;
		if (iu && j + 1 + il + 1 == pe && (iu->kind == LG_UK_MONEY || iu->kind == LG_UK_COUNT)) {
			u = iu;
			ulen = il + 1; /* and the closing bracket */
			j += 1;
			pu = NULL;
		}
		if (pu && (pu->kind == LG_UK_MONEY || pu->kind == LG_UK_COUNT)) {
			q->paren_start = j;
			q->paren_end = pe;
			j = pe;
			u = pu;
			ulen = ul;
		}
	}
	if (q->chinese && !u)
		return false;
	/* approximation prefix just before the number (what comes after it,
	 * read above, says more: 近50万元以上 is a floor) */
	size_t plen;
	lg_approx pre = approx_before(s, lo, i, lg_units_round_lead(s, n, i), &plen);
	if (pre != LG_APPROX_NONE) {
		q->start = i - plen;
		if (q->approx == LG_APPROX_NONE)
			q->approx = pre;
	}
	if (u) {
		pthread_once(&canon_once, canon_init);
		q->unit = u->canon;
		q->unit_text = u->text;
		q->unit_id = canon_id[u - units];
		q->kind = u->kind;
		j += ulen;
	}
	/* range written after the unit: 3月-6月 */
	if (u && u->kind == LG_UK_TIME && j + 1 < n && (s[j] == '-' || s[j] == '~') && s[j + 1] >= '0' &&
	    s[j + 1] <= '9')
		q->range = true;

	/* trailing approximation / bound */
	size_t k;
	if (at(s, n, j, "以上", &k)) {
		q->approx = LG_APPROX_FLOOR;
		q->trailing_yishang = true;
		j += k;
	} else if (at(s, n, j, "以下", &k) || at(s, n, j, "以内", &k)) {
		q->approx = LG_APPROX_CEIL;
		q->trailing_yishang = true;
		j += k;
	} else if (at(s, n, j, "左右", &k) || at(s, n, j, "上下", &k)) {
		q->approx = LG_APPROX_ABOUT;
		j += k;
	} else if (u && u->kind == LG_UK_COUNT && (at(s, n, j, "余", &k))) {
		q->approx = LG_APPROX_FLOOR;
		j += k;
	}
	q->end = j;

	/* the value, exactly */
	if (q->chinese && !cn_frac) {
		lg_dec_from_u64(&q->value, cnval);
	} else {
		if (toolong) {
			q->st = LG_ERR_RANGE;
			return true;
		}
		lg_status st = lg_dec_parse(digits, nd, &q->value);
		if (st != LG_OK) {
			q->st = st;
			return true;
		}
	}
	int shift = mult;
	if (u && u->kind == LG_UK_MONEY)
		shift += u->exp - 4;
	if (shift && lg_dec_shift(&q->value, shift) != LG_OK)
		q->st = LG_ERR_RANGE;
	return true;
}
