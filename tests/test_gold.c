/* The seed reports against tests/fixtures/seeds.tsv -- the figures a careful
 * analyst reads from them, the traps, the headline each export must chart,
 * and (seeds-meta.tsv) the agency and year. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lg_corpus.h"
#include "lg_series.h"
#include "test.h"

typedef struct {
	char file[64], region[64], year[8], ind[64], scope[32], value[64], unit[16], approx[4], headline[4];
	char evidence[512];
} gold_row;

static size_t load_gold(const char *rel, gold_row *rows, size_t max)
{
	lg_buf b = LG_BUF_INIT;
	ck_assert(t_slurp(t_path(rel), &b));
	size_t n = 0;
	char *save;
	for (char *line = strtok_r(b.s, "\n", &save); line && n < max; line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#' || !line[0])
			continue;
		gold_row *g = &rows[n];
		memset(g, 0, sizeof *g);
		char *f[10] = { 0 };
		int k = 0;
		for (char *p = line; k < 10; k++) {
			f[k] = p;
			char *tab = strchr(p, '\t');
			if (!tab)
				break;
			*tab = '\0';
			p = tab + 1;
		}
		snprintf(g->file, sizeof g->file, "%s", f[0]);
		snprintf(g->region, sizeof g->region, "%s", f[1] ? f[1] : "");
		snprintf(g->year, sizeof g->year, "%s", f[2] ? f[2] : "");
		if (k >= 8) {
			snprintf(g->ind, sizeof g->ind, "%s", f[3]);
			snprintf(g->scope, sizeof g->scope, "%s", f[4]);
			snprintf(g->value, sizeof g->value, "%s", f[5]);
			snprintf(g->unit, sizeof g->unit, "%s", f[6]);
			snprintf(g->approx, sizeof g->approx, "%s", f[7]);
			snprintf(g->headline, sizeof g->headline, "%s", f[8]);
			snprintf(g->evidence, sizeof g->evidence, "%s", f[9] ? f[9] : "");
		}
		n++;
	}
	lg_buf_release(&b);
	return n;
}

static bool same_value(const lg_dec *v, const char *want)
{
	lg_dec w;
	return lg_dec_parse(want, strlen(want), &w) == LG_OK && lg_dec_cmp(v, &w) == 0;
}

typedef struct {
	char file[64];
	lg_report rep;
	lg_figures figs;
} seed;

#define NSEEDS 5
static const char *const seed_files[NSEEDS] = { "dazu-2021.txt", "jiaxing-2024.txt", "kaiping-2019.txt",
						"luoyang-2021.txt", "yulin-2023.txt" };

START_TEST(seeds_match_the_analyst)
{
	static gold_row gold[256];
	size_t ng = load_gold("tests/fixtures/seeds.tsv", gold, 256);
	ck_assert_uint_ge(ng, 50);
	lg_pipeline p = { t_vocab(), t_meta(), NULL, LG_ENC_AUTO, false, NULL };
	lg_worker *w = lg_worker_new(&p);
	seed seeds[NSEEDS];
	int nv = (int)lg_vocab_count(t_vocab());
	lg_series **series = calloc((size_t)nv, sizeof *series);
	for (int k = 0; k < nv; k++)
		series[k] = lg_series_new(t_vocab(), k, -1);
	for (size_t i = 0; i < NSEEDS; i++) {
		char rel[128];
		snprintf(rel, sizeof rel, "seeds/%s", seed_files[i]);
		const lg_file *f = lg_worker_process(w, t_path(rel));
		ck_assert_msg(f->status == LG_OK, "%s: %s", rel, f->err.msg);
		snprintf(seeds[i].file, sizeof seeds[i].file, "%s", seed_files[i]);
		seeds[i].rep = f->report;
		lg_figures_init(&seeds[i].figs);
		for (size_t j = 0; j < f->figures->n; j++)
			*lg_figures_push(&seeds[i].figs) = f->figures->v[j];
		for (int k = 0; k < nv; k++)
			lg_series_add(series[k], &f->report, rel, i, f->text->s, f->figures);
	}
	for (int k = 0; k < nv; k++)
		lg_series_finish(series[k]);
	int found = 0, pos = 0, traps = 0, clean = 0, heads = 0, hok = 0;
	for (size_t g = 0; g < ng; g++) {
		const gold_row *r = &gold[g];
		const seed *sd = NULL;
		for (size_t i = 0; i < NSEEDS; i++)
			if (!strcmp(seeds[i].file, r->file))
				sd = &seeds[i];
		ck_assert_ptr_nonnull(sd);
		bool is_trap = !strncmp(r->ind, "NOT:", 4);
		const char *ind = is_trap ? r->ind + 4 : r->ind;
		bool hit = false;
		for (size_t j = 0; j < sd->figs.n && !hit; j++) {
			const lg_figure *f = &sd->figs.v[j];
			const char *name = lg_vocab_get(t_vocab(), (size_t)f->indicator)->name;
			if ((!strcmp(ind, "any") || !strcmp(name, ind)) && same_value(&f->value, r->value))
				hit = true;
		}
		if (is_trap) {
			traps++;
			clean += !hit;
			if (hit)
				fprintf(stderr, "gold: TRAP %s reported %s as %s (%s)\n", r->file, r->value, ind, r->evidence);
			continue;
		}
		pos++;
		found += hit;
		if (!hit)
			fprintf(stderr, "gold: MISS %s %s %s (%s)\n", r->file, r->ind, r->value, r->evidence);
		if (!strcmp(r->headline, "1")) {
			heads++;
			int k = lg_vocab_find(t_vocab(), r->ind);
			ck_assert_int_ge(k, 0);
			const lg_row *h = NULL;
			for (size_t i = 0; i < lg_series_count(series[k]); i++) {
				const lg_row *row = lg_series_row(series[k], i);
				if (row->headline && strstr(row->agency, r->region) && row->year == atoi(r->year))
					h = row;
			}
			if (h && same_value(&h->value, r->value))
				hok++;
			else
				fprintf(stderr, "gold: HEAD %s %s want %s\n", r->file, r->ind, r->value);
		}
	}
	fprintf(stderr, "gold: figures %d/%d found, traps %d/%d avoided, headlines %d/%d\n", found, pos, clean, traps,
		hok, heads);
	ck_assert_int_eq(found, pos);
	ck_assert_int_eq(clean, traps);
	ck_assert_int_eq(hok, heads);
	/* seeds-meta.tsv: the region the agency must contain, and the year */
	static gold_row meta[16];
	size_t nm = load_gold("tests/fixtures/seeds-meta.tsv", meta, 16);
	ck_assert_uint_eq(nm, NSEEDS);
	for (size_t m = 0; m < nm; m++) {
		for (size_t i = 0; i < NSEEDS; i++) {
			if (strcmp(seeds[i].file, meta[m].file))
				continue;
			ck_assert_msg(strstr(seeds[i].rep.agency, meta[m].region), "%s: agency '%s' lacks %s",
				      seeds[i].file, seeds[i].rep.agency, meta[m].region);
			ck_assert_int_eq(seeds[i].rep.year, atoi(meta[m].year));
		}
	}
	for (size_t i = 0; i < NSEEDS; i++)
		lg_figures_release(&seeds[i].figs);
	for (int k = 0; k < nv; k++)
		lg_series_free(series[k]);
	free(series);
	lg_worker_free(w);
}
END_TEST

Suite *suite_gold(void)
{
	Suite *s = suite_create("gold");
	TCase *tc = tcase_create("seeds");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, seeds_match_the_analyst);
	suite_add_tcase(s, tc);
	return s;
}
