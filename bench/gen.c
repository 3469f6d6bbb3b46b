/* gen: a synthetic corpus for `make bench` -- the seed reports copied many
 * times with their numbers re-drawn, their places renamed and their years
 * shifted, so no two files are alike.
 * usage: gen SEEDDIR OUTDIR NFILES [SEED]
 * File k is seed k%5 for agency k%2700 and year 2019 + (k/2700)%6, so a
 * corpus of 16,200 files holds each agency-year once; larger corpora repeat
 * agency-years (as a re-crawl of the same sites would). */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const cores[] = { "洛阳", "嘉兴", "开平", "玉林", "大足" };
static const char *const syl[] = { "东", "西", "南", "北", "中", "新", "安", "宁", "永", "和", "平", "长", "清",
				   "兴", "泰", "华", "山", "江", "河", "湖", "海", "川", "云", "林", "阳", "德",
				   "丰", "昌", "盛", "通", "源", "瑞", "宝", "金", "石", "水", "城", "州", "义",
				   "成", "乐", "康", "福", "庆", "广", "远", "明", "光", "荣", "顺", "吉", "祥" };
#define NSYL (sizeof syl / sizeof syl[0])

static unsigned long long rng = 88172645463325252ULL;
static unsigned next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)rng;
}

static char *slurp(const char *p, size_t *n)
{
	FILE *f = fopen(p, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long sz = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *b = malloc((size_t)sz + 1);
	*n = fread(b, 1, (size_t)sz, f);
	b[*n] = 0;
	fclose(f);
	return b;
}

static int seed_year(const char *s)
{
	const char *p = strstr(s, "年");
	for (const char *q = s; q && *q; q++) {
		if ((q[0] == '2') && q[1] == '0' && q[2] >= '1' && q[2] <= '2' && q[3] >= '0' && q[3] <= '9' &&
		    !strncmp(q + 4, "年", 3))
			return (q[0] - '0') * 1000 + (q[1] - '0') * 100 + (q[2] - '0') * 10 + (q[3] - '0');
	}
	(void)p;
	return 2021;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: gen SEEDDIR OUTDIR NFILES [SEED]\n");
		return 2;
	}
	if (argc > 4)
		rng ^= strtoull(argv[4], NULL, 10) * 2654435761ULL;
	static const char *const names[] = { "luoyang-2021.txt", "jiaxing-2024.txt", "kaiping-2019.txt", "yulin-2023.txt",
					     "dazu-2021.txt" };
	char *seed[5];
	size_t len[5];
	int year[5];
	char path[4096];
	for (int i = 0; i < 5; i++) {
		snprintf(path, sizeof path, "%s/%s", argv[1], names[i]);
		seed[i] = slurp(path, &len[i]);
		if (!seed[i]) {
			perror(path);
			return 1;
		}
		year[i] = seed_year(seed[i]);
	}
	long nfiles = atol(argv[3]);
	mkdir(argv[2], 0755);
	char *out = malloc(1 << 20);
	for (long k = 0; k < nfiles; k++) {
		int s = (int)(k % 5);
		long agency = k % 2700;
		int target = 2019 + (int)((k / 2700) % 6);
		char place[16];
		snprintf(place, sizeof place, "%s%s", syl[agency % NSYL], syl[(agency / NSYL + 7 * (agency % 3)) % NSYL]);
		const char *core = cores[s];
		size_t cl = strlen(core), o = 0;
		const char *p = seed[s], *end = seed[s] + len[s];
		while (p < end) {
			if ((size_t)(end - p) >= cl && !memcmp(p, core, cl)) {
				memcpy(out + o, place, strlen(place));
				o += strlen(place);
				p += cl;
				continue;
			}
			/* years 20xx followed by 年: shift; other digits: re-draw */
			if (p + 7 <= end && p[0] == '2' && p[1] == '0' && p[2] >= '0' && p[2] <= '2' && p[3] >= '0' &&
			    p[3] <= '9' && !memcmp(p + 4, "年", 3) && (p == seed[s] || p[-1] < '0' || p[-1] > '9')) {
				int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
				o += (size_t)sprintf(out + o, "%d", y + target - year[s]);
				p += 4;
				continue;
			}
			if (*p >= '0' && *p <= '9') {
				bool lead = p == seed[s] || p[-1] < '0' || p[-1] > '9';
				char d = (char)('0' + next() % 10);
				if (lead && d == '0')
					d = '1';
				out[o++] = d;
				p++;
				continue;
			}
			out[o++] = *p++;
		}
		snprintf(path, sizeof path, "%s/%03ld", argv[2], k / 1000);
		mkdir(path, 0755);
		snprintf(path, sizeof path, "%s/%03ld/r%06ld.txt", argv[2], k / 1000, k);
		FILE *f = fopen(path, "wb");
		if (!f || fwrite(out, 1, o, f) != o || fclose(f) != 0) {
			perror(path);
			return 1;
		}
	}
	free(out);
	for (int i = 0; i < 5; i++)
		free(seed[i]);
	return 0;
}
