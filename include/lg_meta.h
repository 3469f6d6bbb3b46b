/* lg_meta: who wrote a report and for which year and period, read from the
 * text itself.
 *
 * Agency: a title line naming "<place>应急管理局/厅" wins; a title that says
 * only "市应急管理局" takes its place from the body's own mentions of
 * "<place>应急管理局"; a report that says only 我局 is named from the
 * province/prefecture names it mentions (data/places.txt), when its own
 * level (全市 vs 全区 ...) agrees.  Addressee lines ("XX省应急管理厅:")
 * and web page furniture (发布日期, 来源, 浏览次数 ...) are never used.
 * Year: title line, then "现将...YYYY年度...报告如下", then a first
 * paragraph opening with "YYYY年", then a year that clearly dominates the
 * body.  Never a publication date.  Unknown stays unknown (empty agency,
 * year 0) with a warning; lgtrend does not guess.
 *
 * lg_meta holds the compiled-in gazetteer; it is read-only after
 * lg_meta_new and may be shared between threads.  lg_report is a plain
 * value (no pointers to free).
 */
#ifndef LG_META_H
#define LG_META_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	char agency[192];   /* 重庆市大足区应急管理局; "" when unknown */
	char region[192];   /* the most specific place: 大足区; "" when unknown */
	char level[8];      /* 市 区 县 省 州 旗 盟 师, or "" */
	int year;           /* 0 when unknown */
	char period[32];    /* "" for a full year, else e.g. "1-10月" */
	char agency_from[16]; /* title, body, places, manifest, or "" */
	char year_from[16];   /* title, opening, body, date (the signature's), manifest, or "" */
	bool disclosure;      /* a 政府信息公开 annual report: its tables are the bureau's own */
} lg_report;

typedef struct lg_meta lg_meta;

lg_meta *lg_meta_new(void);
void lg_meta_free(lg_meta *m);

/* Detect the report's metadata in clean text (see lg_read.h). */
void lg_meta_detect(const lg_meta *m, const char *text, size_t n, lg_report *out);

/* Override with a manifest row: agency (may be NULL: keep), year (0: keep),
 * period (NULL: keep).  Region and level follow the agency name. */
void lg_meta_override(lg_report *r, const char *agency, int year, const char *period);

/* The grouping key of an agency for series: its region and bureau type,
 * so "重庆市大足区应急管理局" and "大足区应急管理局" are one agency.
 * Writes at most cap bytes (NUL included). */
void lg_meta_agency_key(const char *agency, char *key, size_t cap);

/* The period a date after 截至/截止 closes, p[0..n) from the date's first
 * digit to its end ("2023年11月30日", "11月", "11月15日"); month_end:
 * 底 or 末 follows.  At a month's end (a day from the 28th, or 底/末) the
 * months from January ("1-11月"; "" for December: the full year), else
 * the date as written ("截至11月15日").  *year: the year it names, 0 none. */
void lg_meta_period_until(const char *p, size_t n, bool month_end, char *out, size_t cap, int *year);

#endif
