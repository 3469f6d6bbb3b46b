/* meta: owns report-level detection -- agency, region, level, year and
 * period -- from title lines, the bureau's mentions of itself, and the
 * place names in the body (data/places.txt).  One pass over the text. */
#include "lg_meta.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lg_buf.h"
#include "lg_read.h"
#include "lg_units.h"

extern const char lg_places_text[];
extern const size_t lg_places_len;

struct lg_meta {
	char **names; /* sorted */
	size_t n;
	lg_cpset first;           /* the characters a place name begins with */
	lg_cpset furniture_first; /* ... and a furniture word */
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Words of a web page's furniture (publication date, hit counter, print
 * button): a short line holding one is no title.  (Clean text: the
 * full-width colon is folded.) */
static const char *const furniture[] = {
	"发布日期", "发布时间", "来源:", "浏览次数", "访问次数", "阅读次数", "浏览量", "字号",
	"打印本页", "关闭窗口", "分享到", "索引号", "发文日期", "成文日期", "生成日期", "信息来源", "文号:",
	"主题分类", "公开方式", "公开范围", "发布机构", "点击数", "【打印】", "【关闭】",
};

lg_meta *lg_meta_new(void)
{
	lg_meta *m = lg_xcalloc(1, sizeof *m);
	const char *p = lg_places_text, *end = lg_places_text + lg_places_len;
	size_t cap = 0;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (len && p[0] != '#') {
			if (m->n == cap) {
				cap = cap ? 2 * cap : 512;
				m->names = lg_xrealloc(m->names, cap * sizeof *m->names);
			}
			m->names[m->n++] = lg_xstrndup(p, len);
			unsigned cp;
			lg_utf8_decode(p, &cp);
			lg_cpset_add(&m->first, cp);
		}
		p = nl ? nl + 1 : end;
	}
	qsort(m->names, m->n, sizeof *m->names, cmp_str);
	for (size_t i = 0; i < sizeof furniture / sizeof furniture[0]; i++) {
		unsigned cp;
		lg_utf8_decode(furniture[i], &cp);
		lg_cpset_add(&m->furniture_first, cp);
	}
	return m;
}

void lg_meta_free(lg_meta *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++)
		free(m->names[i]);
	free(m->names);
	free(m);
}

static bool known_place(const lg_meta *m, const char *name)
{
	unsigned cp;
	lg_utf8_decode(name, &cp);
	if (!lg_cpset_has(&m->first, cp))
		return false;
	return bsearch(&name, m->names, m->n, sizeof *m->names, cmp_str) != NULL;
}

static bool is_han(unsigned cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

static bool starts(const char *s, const char *end, const char *lit)
{
	size_t k = strlen(lit);
	return (size_t)(end - s) >= k && memcmp(s, lit, k) == 0;
}

static bool ends_with(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit);
	return n >= k && memcmp(s + n - k, lit, k) == 0;
}

/* Level character of a place name ("市", "区", ...; 自治区 is 省). */
static const char *place_level(const char *s, size_t n)
{
	if (ends_with(s, n, "自治区") || ends_with(s, n, "省"))
		return "省";
	/* 师: a division of the 新疆生产建设兵团 (新疆生产建设兵团第八师) */
	static const char *const lv[] = { "市", "区", "县", "州", "旗", "盟", "师" };
	for (size_t i = 0; i < sizeof lv / sizeof lv[0]; i++)
		if (ends_with(s, n, lv[i]))
			return lv[i];
	return "";
}

/* Words that end the text before a place name ("关于印发嘉兴市..." -> 嘉兴市). */
static const char *const breakers[] = {
	"关于", "印发", "根据", "按照", "会同", "联合", "配合", "协助", "报送", "转发", "经过", "通过",
	"向", "与", "对", "由", "在", "给", "到", "至", "并", "及", "为", "是", "的", "将", "请", "经", "被",
	"年度", "年", /* 2023年度某某县应急管理局 */
	"中共", "中国共产党", /* 中共某某市应急管理局委员会 */
};

/* Place names that hold a breaker character: 广州经济技术开发区, 经开区,
 * 东至县, 将乐县, 向阳区. */
static const char *const breaker_words[] = { "经济", "经开", "东至", "将乐", "向阳" };

static bool inside_place_word(const char *text, const char *r, const char *p)
{
	for (size_t w = 0; w < sizeof breaker_words / sizeof breaker_words[0]; w++) {
		/* the breaker is the first or the second character of the word */
		if (starts(r, p, breaker_words[w]) || (r - text >= 3 && starts(r - 3, p, breaker_words[w])))
			return true;
	}
	return false;
}

/* A zone named after the city it is in (苏州工业园区, 广州经济技术开发区):
 * the part after the city is not a place on its own. */
static bool generic_zone(const char *rest, size_t rl)
{
	static const char *const zones[] = { "工业园", "经济", "高新", "经开", "开发区", "保税", "产业", "自贸" };
	for (size_t z = 0; z < sizeof zones / sizeof zones[0]; z++)
		if (rl >= strlen(zones[z]) && memcmp(rest, zones[z], strlen(zones[z])) == 0)
			return true;
	return rl == 6 && memcmp(rest, "新区", 6) == 0;
}

/* Start of the run of (at most max) Han characters that ends at p. */
static const char *han_run_before(const char *text, const char *p, int max)
{
	const char *q = p;
	int chars = 0;
	while (q > text && chars < max) {
		size_t k = lg_utf8_prev_len(text, q);
		unsigned cp;
		lg_utf8_decode(q - k, &cp);
		if (!is_han(cp))
			break;
		q -= k;
		chars++;
	}
	return q;
}

/* The place spelled just before p (the start of 应急管理局): the run of Han
 * characters back to a non-Han character or a breaker word.  Returns its
 * length in bytes (0 when none) and sets *start. */
static size_t place_before_br(const char *text, const char *p, const char **start, const char **breaker);

static size_t place_before(const char *text, const char *p, const char **start)
{
	const char *br;
	return place_before_br(text, p, start, &br);
}

/* The same, also telling which breaker word (if any) came just before. */
static size_t place_before_br(const char *text, const char *p, const char **start, const char **breaker)
{
	*breaker = NULL;
	const char *q = han_run_before(text, p, 14);
	/* cut after the last breaker inside [q, p) */
	const char *cut = q;
	for (const char *r = q; r < p;) {
		for (size_t b = 0; b < sizeof breakers / sizeof breakers[0]; b++) {
			/* every breaker begins with a three-byte character */
			if (r[1] == breakers[b][1] && r[2] == breakers[b][2] && r[0] == breakers[b][0] &&
			    starts(r, p, breakers[b]) && !inside_place_word(q, r, p)) {
				size_t bl = strlen(breakers[b]);
				if (r + bl <= p && r + bl > cut) {
					cut = r + bl;
					*breaker = breakers[b];
				}
			}
		}
		unsigned cp;
		r += lg_utf8_decode(r, &cp);
	}
	*start = cut;
	return (size_t)(p - cut);
}

typedef struct {
	char place[96];
	int count;
	size_t first;
	bool hall; /* 应急管理厅 */
} cand;

static void add_cand_w(cand *c, int *nc, int max, const char *s, size_t n, size_t at, bool hall, int weight)
{
	if (n == 0 || n >= sizeof c[0].place)
		return;
	for (int i = 0; i < *nc; i++) {
		if (strlen(c[i].place) == n && memcmp(c[i].place, s, n) == 0) {
			c[i].count += weight;
			return;
		}
	}
	if (*nc >= max)
		return;
	memcpy(c[*nc].place, s, n);
	c[*nc].place[n] = '\0';
	c[*nc].count = weight;
	c[*nc].first = at;
	c[*nc].hall = hall;
	(*nc)++;
}

static void add_cand(cand *c, int *nc, int max, const char *s, size_t n, size_t at, bool hall)
{
	add_cand_w(c, nc, max, s, n, at, hall, 1);
}

/* Words before a bureau's name that make it another bureau: one whose
 * instructions are followed, or to which something is sent. */
static bool other_bureau(const char *breaker)
{
	static const char *const w[] = { "按照", "根据", "配合", "协助", "会同", "联合", "报送", "转发", "向", "经", "到", "给" };
	if (!breaker)
		return false;
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
		if (strcmp(breaker, w[i]) == 0)
			return true;
	return false;
}

/* A line is walked once, testing each character against the first
 * characters of the furniture words, rather than searched once per word. */
static bool is_furniture(const lg_meta *m, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t k = lg_utf8_decode(s + i, &cp);
		if (lg_cpset_has(&m->furniture_first, cp))
			for (size_t w = 0; w < sizeof furniture / sizeof furniture[0]; w++) {
				size_t len = strlen(furniture[w]);
				if (len <= n - i && memcmp(s + i, furniture[w], len) == 0)
					return true;
			}
		i += k;
	}
	return false;
}

/* "XX省应急管理厅:" or "各区县应急管理局:" -- an addressee, not the author. */
static bool is_addressee(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' '))
		n--;
	/* "现将…报告如下：" is the opening, however short */
	return n > 0 && n < 90 && (s[n - 1] == ':' || ends_with(s, n, "：")) && !lg_find(s, n, "如下", strlen("如下"));
}

/* A web page's publisher line: "来源:XX区应急管理局", "发布机构:XX市应急管理局". */
static void publisher(const char *s, size_t n, const char *text, cand *c, int *nc, int max)
{
	/* the clean text has folded the full-width colon */
	static const char *const keys[] = { "来源:", "发布机构:" };
	if (!memchr(s, ':', n))
		return;
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
		const char *key = lg_find(s, n, keys[k], strlen(keys[k]));
		if (!key)
			continue;
		const char *from = key + strlen(keys[k]), *end = s + n;
		while (from < end && *from == ' ')
			from++;
		/* the name right after the key, at most 20 characters on */
		for (const char *q = from; q < end && q - from < 60; q++) {
			bool hall = starts(q, end, "应急管理厅");
			if (!hall && !starts(q, end, "应急管理局"))
				continue;
			const char *ps;
			size_t pl = place_before(from, q, &ps);
			if (ps == from && pl > 3 && *place_level(ps, pl))
				add_cand(c, nc, max, ps, pl, (size_t)(q - text), hall);
			return;
		}
	}
}

/* Year "(19|20)dd" followed by 年 at s[i]? */
static int year_at(const char *s, size_t n, size_t i)
{
	if (i + 7 > n || !(s[i] == '1' || s[i] == '2'))
		return 0;
	for (int k = 0; k < 4; k++)
		if (s[i + k] < '0' || s[i + k] > '9')
			return 0;
	if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
		return 0;
	if (memcmp(s + i + 4, "年", 3) != 0)
		return 0;
	int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
	return (y >= 1990 && y <= 2099) ? y : 0;
}

/* "二〇二一年": a year in Chinese digits. */
static int cn_year_at(const char *s, size_t n, size_t i)
{
	int y = 0;
	size_t j = i;
	for (int k = 0; k < 4; k++) {
		size_t l;
		int dv = lg_units_cn_digit(s, n, j, &l);
		if (dv < 0 || dv > 9 || (dv == 2 && memcmp(s + j, "两", 3) == 0))
			return 0;
		y = y * 10 + dv;
		j += l;
	}
	if (j + 3 > n || memcmp(s + j, "年", 3) != 0)
		return 0;
	return (y >= 1990 && y <= 2099) ? y : 0;
}

/* A year at s[i], in digits (2023年) or Chinese numerals (二〇二三年);
 * *after: just after its 年.  0 when there is none. */
static int year_here(const char *s, size_t n, size_t i, size_t *after)
{
	int y = year_at(s, n, i);
	if (y) {
		*after = i + 7;
		return y;
	}
	y = cn_year_at(s, n, i);
	if (y) {
		const char *nian = lg_find(s + i, n - i, "年", 3);
		*after = (size_t)(nian - s) + 3;
	}
	return y;
}

/* A month at s[i], in digits or Chinese numerals (1, 12, 一, 十二): 1..12,
 * or 0. */
static int month_at(const char *s, size_t n, size_t i)
{
	if (i < n && s[i] >= '0' && s[i] <= '9')
		return atoi(s + i);
	size_t l;
	if (starts(s + i, s + n, "十")) {
		int d = lg_units_cn_digit(s, n, i + 3, &l);
		return d >= 1 && d <= 2 ? 10 + d : 10;
	}
	int d = lg_units_cn_digit(s, n, i, &l);
	return d >= 1 && d <= 9 ? d : 0;
}

/* Digits or Chinese numerals (at most 3) then lit, at s[i]: the end, or 0. */
static size_t count_then(const char *s, size_t n, size_t i, const char *lit)
{
	size_t j = i;
	for (int k = 0; k < 3 && j < n; k++) {
		size_t l = 0;
		if (s[j] >= '0' && s[j] <= '9')
			l = 1;
		else if (lg_units_cn_digit(s, n, j, &l) < 0 && !starts(s + j, s + n, "十"))
			break;
		else if (!l)
			l = 3;
		j += l;
	}
	size_t ll = strlen(lit);
	return j > i && j + ll <= n && memcmp(s + j, lit, ll) == 0 ? j + ll : 0;
}

/* A full date after the 年 that ends at j (2023年1月10日): a signature or
 * a publication date, not the year a report is about. */
static bool full_date_after(const char *s, size_t n, size_t j)
{
	size_t m = count_then(s, n, j, "月");
	return m && count_then(s, n, m, "日");
}

static int first_year(const char *s, size_t n)
{
	for (size_t i = 0; i + 7 <= n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c != '1' && c != '2' && c != 0xE4 && c != 0xE3 && c != 0xE2)
			continue; /* no year in digits or Chinese numerals begins here */
		size_t after = 0;
		int y = year_here(s, n, i, &after);
		if (y && !full_date_after(s, n, after))
			return y;
	}
	return 0;
}

/* The bytes of the mark between the ends of a span at s[j] (1-10月,
 * 1月至10月, 2020年12月到2021年11月): - ~ 至 到; 0 for none. */
static size_t range_sep(const char *s, size_t n, size_t j)
{
	if (j < n && (s[j] == '-' || s[j] == '~'))
		return 1;
	return starts(s + j, s + n, "至") || starts(s + j, s + n, "到") ? 3 : 0;
}

/* A span across two years at the start of a report's words: 2020年12月至
 * 2021年11月 (a report year that ends in November).  *y2: the later
 * year, the one reported on; the period in out ("2020年12月-2021年11月").
 * False when there is none. */
static bool cross_year(const char *s, size_t n, int *y2, char *out, size_t cap)
{
	for (size_t i = 0; i + 7 <= n; i++) {
		int a = year_at(s, n, i);
		if (!a)
			continue;
		size_t j = i + 7, k;
		int m1 = month_at(s, n, j);
		if (!m1 || !(k = count_then(s, n, j, "月")))
			continue;
		size_t d = range_sep(s, n, k);
		if (!d || year_at(s, n, k + d) != a + 1)
			continue;
		j = k + d + 7;
		int m2 = month_at(s, n, j);
		if (!m2 || !count_then(s, n, j, "月") || m1 > 12 || m2 > 12)
			continue;
		*y2 = a + 1;
		/* (at most 25 bytes: four-digit years, months to 12) */
		snprintf(out, cap, "%u年%u月-%u年%u月", (unsigned)a % 10000u, (unsigned)m1 % 100u, (unsigned)(a + 1) % 10000u,
			 (unsigned)m2 % 100u);
		return true;
	}
	return false;
}

void lg_meta_period_until(const char *p, size_t n, bool month_end, char *out, size_t cap, int *year)
{
	const char *m = p, *end = p + n;
	*year = 0;
	if (n > 4 && memcmp(m + 4, "年", 3) == 0) {
		*year = atoi(m); /* 截至2023年10月: that year */
		m += 7;
	}
	int mon = m < end ? atoi(m) : 0, day = 0;
	const char *yue = lg_find(m, (size_t)(end - m), "月", 3);
	if (yue && yue + 3 < end)
		day = atoi(yue + 3);
	month_end = month_end || day >= 28;
	if (month_end && mon == 12)
		out[0] = '\0';
	else if (month_end && mon >= 2 && mon <= 11)
		snprintf(out, cap, "1-%d月", mon);
	else
		snprintf(out, cap, "截至%.*s", (int)n, p);
}

/* "截至2022年11月20日", "截止到11月底" in s[0..n): the period it closes
 * (lg_meta_period_until) into out; false when there is none. */
static bool until_period(const char *s, size_t n, char *out, size_t cap)
{
	for (const char *q = s; (q = lg_find(q, (size_t)(s + n - q), "截", 3)) != NULL; q += 3) {
		size_t i = (size_t)(q - s) + 3;
		if (!starts(s + i, s + n, "至") && !starts(s + i, s + n, "止"))
			continue;
		i += 3;
		if (starts(s + i, s + n, "到"))
			i += 3;
		while (i < n && s[i] == ' ')
			i++;
		/* (YYYY年)M月(D日), in digits */
		size_t j = year_at(s, n, i) ? i + 7 : i, m, e;
		if (j >= n || s[j] < '0' || s[j] > '9' || !(m = count_then(s, n, j, "月")))
			continue;
		if (!(e = count_then(s, n, m, "日")))
			e = count_then(s, n, m, "号");
		int y;
		lg_meta_period_until(s + i, (e ? e : m) - i, !e && (starts(s + m, s + n, "底") || starts(s + m, s + n, "末")),
				     out, cap, &y);
		return true;
	}
	return false;
}

/* Period words in a title: 1-10月, 上半年, 前三季度, 截至11月底. */
static void title_period(const char *s, size_t n, char *out, size_t cap)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9' && (i == 0 || s[i - 1] < '0' || s[i - 1] > '9')) {
			size_t j = i;
			int a = 0, b = 0;
			while (j < n && s[j] >= '0' && s[j] <= '9' && j - i < 2)
				a = a * 10 + (s[j++] - '0');
			if (j + 3 < n && starts(s + j, s + n, "月"))
				j += 3; /* 1月至10月 */
			size_t dash = range_sep(s, n, j);
			if (dash) {
				size_t k = j + dash;
				while (k < n && s[k] >= '0' && s[k] <= '9' && k - j - dash < 2)
					b = b * 10 + (s[k++] - '0');
				if (k > j + dash && starts(s + k, s + n, "月") && a >= 1 && b <= 12 && a < b) {
					if (!(a == 1 && b == 12))
						snprintf(out, cap, "%d-%d月", a, b);
					return;
				}
			}
		}
	}
	if (lg_find(s, n, "上半年", strlen("上半年")))
		snprintf(out, cap, "1-6月");
	else if (lg_find(s, n, "前三季度", strlen("前三季度")))
		snprintf(out, cap, "1-9月");
	else
		until_period(s, n, out, cap);
}

void lg_meta_agency_key(const char *agency, char *key, size_t cap)
{
	/* drop leading components while what remains still names a place:
	 * 重庆市大足区应急管理局 -> 大足区应急管理局 */
	const char *s = agency;
	size_t n = strlen(s);
	const char *suffix = strstr(s, "应急管理");
	size_t plen = suffix ? (size_t)(suffix - s) : n;
	const char *best = s;
	for (const char *p = s; p < s + plen;) {
		unsigned cp;
		size_t k = lg_utf8_decode(p, &cp);
		p += k;
		if ((cp == 0x5E02 /* 市 */ || cp == 0x7701 /* 省 */ || cp == 0x5DDE /* 州 */) && p < s + plen) {
			/* the rest must be at least two characters and end in a level */
			const char *rest = p;
			size_t rl = (size_t)(s + plen - rest);
			if (rl >= 6 && *place_level(rest, rl) && !generic_zone(rest, rl))
				best = rest;
		}
	}
	snprintf(key, cap, "%s", best);
}

static void set_agency(lg_report *r, const char *place, bool hall, const char *from)
{
	size_t n = strlen(place);
	const char *lv = place_level(place, n);
	snprintf(r->agency, sizeof r->agency, "%s%s", place, (hall || strcmp(lv, "省") == 0) ? "应急管理厅" : "应急管理局");
	snprintf(r->level, sizeof r->level, "%s", lv);
	snprintf(r->agency_from, sizeof r->agency_from, "%s", from);
	/* region: the last component of the place */
	const char *last = place;
	for (const char *p = place; *p;) {
		unsigned cp;
		size_t k = lg_utf8_decode(p, &cp);
		p += k;
		bool lvl = cp == 0x5E02 || cp == 0x7701 || cp == 0x5DDE || cp == 0x53BF || cp == 0x65D7 || cp == 0x76DF;
		if (lvl && *p && strlen(p) >= 6 && *place_level(p, strlen(p)) && !generic_zone(p, strlen(p)))
			last = p;
	}
	snprintf(r->region, sizeof r->region, "%s", last);
}

/* 全市/全区/...: the level the report speaks at, by its most frequent word. */
static const char *dominant_level(const char *text, size_t n)
{
	static const char *const lvchar[6] = { "市", "区", "县", "省", "州", "旗" };
	int count[6] = { 0 };
	const char *p = text, *end = text + n;
	while ((p = lg_find3(p, (size_t)(end - p), "全")) != NULL) {
		p += 3;
		for (int k = 0; k < 6; k++)
			if (end - p >= 3 && memcmp(p, lvchar[k], 3) == 0)
				count[k]++;
	}
	int best = -1, best_n = 0;
	for (int k = 0; k < 6; k++) {
		if (count[k] > best_n) {
			best_n = count[k];
			best = k;
		}
	}
	return best >= 0 ? lvchar[best] : "";
}

/* Province and prefecture names of the gazetteer mentioned in the text. */
static void gazetteer_places(const lg_meta *m, const char *text, size_t n, cand *places, int *np, int max)
{
	static const char *const suffix[] = { "市", "省", "州", "盟", "区" };
	for (size_t k = 0; k < sizeof suffix / sizeof suffix[0]; k++) {
		const char *p = text, *end = text + n;
		while ((p = lg_find3(p, (size_t)(end - p), suffix[k])) != NULL) {
			/* the run of Han characters before, tried longest first */
			const char *rs = han_run_before(text, p, 10);
			char name[64];
			for (const char *st = rs; st < p;) {
				size_t nl2 = (size_t)(p + 3 - st);
				if (nl2 < sizeof name) {
					memcpy(name, st, nl2);
					name[nl2] = '\0';
					if (known_place(m, name)) {
						add_cand(places, np, max, name, nl2, (size_t)(st - text), false);
						break;
					}
				}
				unsigned sc;
				st += lg_utf8_decode(st, &sc);
			}
			p += 3;
		}
	}
}

/* Words ending in 区/县 that are not places. */
static bool common_word(const char *s, size_t n)
{
	static const char *const w[] = { "辖区", "社区", "园区", "城区", "景区", "山区", "矿区", "片区", "街区", "全区",
					 "各区", "本区", "我区", "该区", "新区", "库区", "湖区", "林区", "牧区", "灾区",
					 "风险区", "开发区", "保护区", "行政区", "工业区", "试验区", "示范区", "功能区",
					 "老城区", "主城区", "中心城区", "市区", "郊区", "县区", "区县", "全县", "各县",
					 "本县", "我县", "该县", "市县", "区域", "重点区", "危险区", "禁区", "校区", "生活区",
					 "厂区", "作业区", "施工区", "展区", "服务区", "商业区", "住宅区", "营区", "海区" };
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
		size_t l = strlen(w[i]);
		if (n >= l && memcmp(s + n - l, w[i], l) == 0)
			return true;
	}
	return false;
}

/* A district or county the report keeps naming: "<2-3 characters>区/县"
 * after a boundary (line start, punctuation, 在 对 为 与 和 及 ...).  Only
 * a clear winner (3+ mentions, twice the next) counts. */
static bool dominant_district(const char *text, size_t n, const char *level, char *out, size_t cap)
{
	cand c[24];
	int nc = 0;
	const char *end = text + n;
	for (const char *p = text; (p = lg_find3(p, (size_t)(end - p), level)) != NULL; p += 3) {
		for (int len = 2; len <= 3; len++) {
			const char *st = p;
			bool ok = true;
			for (int k = 0; k < len && ok; k++) {
				if (st <= text) {
					ok = false;
					break;
				}
				size_t pk = lg_utf8_prev_len(text, st);
				unsigned cp;
				lg_utf8_decode(st - pk, &cp);
				ok = is_han(cp) && pk == 3;
				st -= pk;
			}
			if (!ok)
				break;
			/* a boundary before the name */
			bool boundary = st == text;
			if (!boundary) {
				size_t pk = lg_utf8_prev_len(text, st);
				unsigned cp;
				lg_utf8_decode(st - pk, &cp);
				static const unsigned bw[] = { 0x5728 /* 在 */, 0x5BF9 /* 对 */, 0x4E3A /* 为 */, 0x4E0E /* 与 */,
							       0x548C /* 和 */, 0x53CA /* 及 */, 0x4E8E /* 于 */, 0x7531 /* 由 */ };
				boundary = !is_han(cp);
				for (size_t b = 0; b < sizeof bw / sizeof bw[0] && !boundary; b++)
					boundary = cp == bw[b];
				/* 根据大足区..., 印发大足区..., 关于大足区... */
				for (size_t b = 0; b < sizeof breakers / sizeof breakers[0] && !boundary; b++) {
					size_t bl = strlen(breakers[b]);
					boundary = bl == 6 && (size_t)(st - text) >= bl && memcmp(st - bl, breakers[b], bl) == 0;
				}
			}
			size_t nl = (size_t)(p + 3 - st);
			if (boundary && !common_word(st, nl))
				add_cand(c, &nc, 24, st, nl, (size_t)(st - text), false);
		}
	}
	int b1 = -1, c2 = 0;
	for (int i = 0; i < nc; i++) {
		/* (add_cand wrote c[0..nc)) */
		/* cppcheck-suppress uninitvar */
		if (b1 < 0 || c[i].count > c[b1].count) {
			if (b1 >= 0)
				c2 = c[b1].count;
			b1 = i;
		} else if (c[i].count > c2) {
			c2 = c[i].count;
		}
	}
	/* cppcheck-suppress uninitvar */
	if (b1 < 0 || c[b1].count < 3 || c[b1].count < 2 * c2)
		return false;
	snprintf(out, cap, "%s", c[b1].place);
	return true;
}

static int dominant_year(const char *text, size_t n)
{
	int years[120] = { 0 };
	for (size_t i = 0; i + 7 <= n; i++) {
		if (text[i] != '1' && text[i] != '2')
			continue;
		int y = year_at(text, n, i);
		if (y && y >= 1990 && y < 2110 && !full_date_after(text, n, i + 7))
			years[y - 1990]++;
	}
	int b1 = -1, c1 = 0, c2 = 0;
	for (int i = 0; i < 120; i++) {
		if (years[i] > c1) {
			c2 = c1;
			c1 = years[i];
			b1 = i;
		} else if (years[i] > c2) {
			c2 = years[i];
		}
	}
	return (b1 >= 0 && c1 >= 3 && c1 >= 2 * c2) ? 1990 + b1 : 0;
}

/* The date a report is signed, on a line of its own among its last lines
 * ("2023年1月12日", "2023年1月"): a report signed in the first half of a
 * year is about the year before, one signed later about that year ("今年
 * 以来…", signed in November).  0 when there is no such line. */
static int signed_year(const char *text, size_t n)
{
	size_t e = n;
	for (int lines = 0; lines < 8 && e > 0; lines++) {
		size_t b = e;
		while (b > 0 && text[b - 1] != '\n')
			b--;
		size_t i = b, j = e;
		while (i < j && (text[i] == ' ' || text[i] == '\t'))
			i++;
		while (j > i && (text[j - 1] == ' ' || text[j - 1] == '\t'))
			j--;
		size_t after = 0;
		int y = year_here(text, j, i, &after);
		if (y) {
			/* the month, then 月 and an optional day (2023年1月12日,
			 * 二〇二四年一月十日) */
			size_t m = count_then(text, j, after, "月");
			int month = month_at(text, j, after);
			size_t d = m ? count_then(text, j, m, "日") : 0;
			if (m && month >= 1 && month <= 12 && (d ? d : m) == j)
				return month <= 6 ? y - 1 : y;
			return 0; /* a year on a line of its own that is no date */
		}
		e = b > 0 ? b - 1 : 0;
	}
	return 0;
}

static size_t count_chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

/* Web page furniture and addressee lines are short; long lines never are. */
static bool skip_line(const lg_meta *m, const char *s, size_t n)
{
	return n < 240 && (is_furniture(m, s, n) || is_addressee(s, n));
}

void lg_meta_detect(const lg_meta *m, const char *text, size_t n, lg_report *r)
{
	memset(r, 0, sizeof *r);
	enum { MAXC = 24 };
	cand body[MAXC], title_c[MAXC], places[MAXC], source[MAXC];
	int nbody = 0, ntitle = 0, nplaces = 0, nsource = 0;
	bool title_level_only = false, title_hall = false;
	char title_level[8] = "";
	int year_title = 0, year_opening = 0, year_firstpara = 0;
	bool in_title_zone = true, opening_seen = false;
	int nonempty = 0;

	/* 1. the head: title lines, the opening paragraph */
	const char *p = text, *end = text + n;
	while (p < end && (in_title_zone || nonempty <= 12 || !year_firstpara)) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		const char *ls = p;
		p = nl ? nl + 1 : end;
		while (ls < le && *ls == ' ')
			ls++;
		size_t len = (size_t)(le - ls);
		if (!len)
			continue;
		nonempty++;
		bool skip = skip_line(m, ls, len);
		if (skip && !nsource)
			publisher(ls, len, text, source, &nsource, MAXC);
		size_t chars = len < 200 ? count_chars(ls, len) : 999;
		/* a line that ends a sentence (。) or opens a list (：) is body */
		bool ends_body = ends_with(ls, len, "。") || ends_with(ls, len, "：") || ends_with(ls, len, ":");
		bool title_line = in_title_zone && !skip && chars <= 50 && nonempty <= 8 && !ends_body;
		if (in_title_zone && !skip && (chars > 50 || nonempty > 8 || ends_body))
			in_title_zone = false;
		if (title_line) {
			int y = first_year(ls, len), cy;
			if (!r->period[0] && cross_year(ls, len, &cy, r->period, sizeof r->period))
				y = cy;
			if (y && !year_title)
				year_title = y;
			if (!r->period[0])
				title_period(ls, len, r->period, sizeof r->period);
			if (lg_find(ls, len, "政府信息公开", strlen("政府信息公开")))
				r->disclosure = true;
			/* the bureau named in the title */
			for (const char *q = ls; (q = lg_find(q, (size_t)(le - q), "应急", 6)) != NULL; q += 6) {
				bool full = starts(q, le, "应急管理局") || starts(q, le, "应急管理厅");
				if (!full && !starts(q, le, "应急局"))
					continue;
				bool hall = starts(q, le, "应急管理厅");
				const char *ps;
				size_t pl = place_before(ls, q, &ps);
				if (pl > 3 && *place_level(ps, pl)) {
					add_cand(title_c, &ntitle, MAXC, ps, pl, (size_t)(q - text), hall);
				} else if (pl == 3 && *place_level(ps, pl)) {
					title_level_only = true;
					title_hall = hall;
					snprintf(title_level, sizeof title_level, "%s", place_level(ps, pl));
				}
			}
		}
		/* the opening sentence that says what is reported: "现将2021年…
		 * 报告如下" names the year (only wanted when the title names
		 * none; the title comes first); "2022年1-10月，…现将…报告如下"
		 * the part of the year the report covers */
		if (!skip && nonempty <= 12 && (!year_title || !r->period[0]) && !opening_seen) {
			const char *xj = lg_find(ls, len, "现将", strlen("现将"));
			if (xj) {
				size_t rest = (size_t)(le - xj);
				if (rest > 150)
					rest = 150;
				if (lg_find(xj, rest, "报告", strlen("报告")) || lg_find(xj, rest, "总结", strlen("总结"))) {
					opening_seen = true;
					if (!year_title && !year_opening)
						year_opening = first_year(xj, rest);
					/* the sentence: from the last 。 before 现将 */
					const char *ss = ls;
					for (const char *q = ls; (q = lg_find(q, (size_t)(xj - q), "。", 3)) != NULL; q += 3)
						ss = q + 3;
					/* to its end: what follows 报告如下： is the body's */
					size_t se = rest;
					static const char *const ends[] = { "。", "：", ":" };
					for (size_t k = 0; k < 3; k++) {
						const char *q = lg_find(xj, se, ends[k], strlen(ends[k]));
						if (q)
							se = (size_t)(q - xj);
					}
					if (!r->period[0])
						title_period(ss, (size_t)(xj - ss) + se, r->period, sizeof r->period);
				}
			}
		}
		if (!skip && !title_line && !year_firstpara && !in_title_zone && (chars > 50 || ends_body)) {
			size_t after;
			int y = year_here(ls, len, 0, &after);
			year_firstpara = y ? y : -1; /* only the first body paragraph counts */
		}
	}

	/* 2. the bureau's mentions of itself in the body */
	if (!ntitle) {
		for (const char *q = text; (q = lg_find(q, (size_t)(end - q), "应急管理", 12)) != NULL; q += 12) {
			bool hall = starts(q, end, "应急管理厅");
			if (!hall && !starts(q, end, "应急管理局"))
				continue;
			const char *ls = q;
			while (ls > text && ls[-1] != '\n' && q - ls < 600)
				ls--;
			/* only short lines can be furniture: look no further than that */
			size_t fwd = (size_t)(end - q) < 600 ? (size_t)(end - q) : 600;
			const char *le = memchr(q, '\n', fwd);
			if (!le)
				le = q + fwd;
			if (skip_line(m, ls, (size_t)(le - ls)))
				continue;
			const char *ps, *br;
			size_t pl = place_before_br(ls, q, &ps, &br);
			if (pl <= 3 || !*place_level(ps, pl) || other_bureau(br))
				continue;
			/* a line that is only the name: the signature under the report */
			const char *a = ls, *z = q + 15;
			while (a < ps && *a == ' ')
				a++;
			while (z < le && *z == ' ')
				z++;
			int weight = (a == ps && z == le) ? 5 : 1;
			add_cand_w(body, &nbody, MAXC, ps, pl, (size_t)(q - text), hall, weight);
		}
	}

	/* 3. the agency */
	if (ntitle) {
		set_agency(r, title_c[0].place, title_c[0].hall, "title");
	} else if (nsource) {
		set_agency(r, source[0].place, source[0].hall, "publisher");
	} else {
		const char *want = title_level_only ? title_level : dominant_level(text, n);
		int pick = -1;
		for (int i = 0; i < nbody; i++) {
			bool lv_ok = !*want || strcmp(place_level(body[i].place, strlen(body[i].place)), want) == 0;
			if (lv_ok && (pick < 0 || body[i].count > body[pick].count))
				pick = i;
		}
		if (pick < 0 && !title_level_only) {
			for (int i = 0; i < nbody; i++)
				if (pick < 0 || body[i].count > body[pick].count)
					pick = i;
		}
		if (pick >= 0) {
			set_agency(r, body[pick].place, body[pick].hall || title_hall, "body");
		} else if (*want) {
			/* a 我局 report: the most mentioned gazetteer place of its own level */
			gazetteer_places(m, text, n, places, &nplaces, MAXC);
			int pp = -1;
			for (int i = 0; i < nplaces; i++) {
				const char *pl = place_level(places[i].place, strlen(places[i].place));
				if (strcmp(pl, want) != 0 || places[i].count < 2)
					continue;
				if (pp < 0 || places[i].count > places[pp].count)
					pp = i;
			}
			if (pp >= 0) {
				set_agency(r, places[pp].place, title_hall, "places");
			} else if (strcmp(want, "区") == 0 || strcmp(want, "县") == 0) {
				/* a district or county bureau that never names itself */
				char place[64];
				if (dominant_district(text, n, want, place, sizeof place))
					set_agency(r, place, false, "places");
			}
		}
		if (!r->level[0])
			snprintf(r->level, sizeof r->level, "%s", want);
	}

	/* 4. the year */
	if (year_title) {
		r->year = year_title;
		snprintf(r->year_from, sizeof r->year_from, "title");
	} else if (year_opening) {
		r->year = year_opening;
		snprintf(r->year_from, sizeof r->year_from, "opening");
	} else if (year_firstpara > 0) {
		r->year = year_firstpara;
		snprintf(r->year_from, sizeof r->year_from, "opening");
	} else if ((r->year = dominant_year(text, n)) != 0) {
		snprintf(r->year_from, sizeof r->year_from, "body");
	} else if ((r->year = signed_year(text, n)) != 0) {
		snprintf(r->year_from, sizeof r->year_from, "date");
	}
}

void lg_meta_override(lg_report *r, const char *agency, int year, const char *period)
{
	if (agency && *agency) {
		char place[160];
		snprintf(place, sizeof place, "%s", agency);
		char *suffix = strstr(place, "应急管理");
		bool hall = suffix && strstr(suffix, "厅");
		if (suffix)
			*suffix = '\0';
		if (*place_level(place, strlen(place))) {
			set_agency(r, place, hall, "manifest");
		} else {
			snprintf(r->agency, sizeof r->agency, "%s", agency);
			snprintf(r->region, sizeof r->region, "%s", place);
			snprintf(r->agency_from, sizeof r->agency_from, "manifest");
		}
		/* keep the spelling the manifest gave */
		snprintf(r->agency, sizeof r->agency, "%s", agency);
	}
	if (year) {
		r->year = year;
		snprintf(r->year_from, sizeof r->year_from, "manifest");
	}
	if (period)
		snprintf(r->period, sizeof r->period, "%s", period);
}
