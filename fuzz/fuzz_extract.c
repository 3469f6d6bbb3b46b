/* libFuzzer harness: the whole pipeline on one report -- read, meta,
 * extract, series, CSV and gnuplot output -- and an export's reading (only
 * the numbers in one indicator's units, lg_extractor_only_units) held to the
 * full extraction: the same figures of that indicator, or abort. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lg_csv.h"
#include "lg_extract.h"
#include "lg_gnuplot.h"
#include "lg_meta.h"
#include "lg_read.h"
#include "lg_series.h"
#include "lg_vocab.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static lg_vocab *v;
	static lg_meta *m;
	static lg_extractor *x;
	static lg_text t;
	static lg_figures figs, full, part;
	static lg_extractor *xf, *xp;
	if (!v) {
		lg_err err;
		v = lg_vocab_new();
		if (lg_vocab_load_default(v, &err) != LG_OK || lg_vocab_compile(v, &err) != LG_OK)
			abort();
		m = lg_meta_new();
		x = lg_extractor_new(v, 1);
		lg_text_init(&t);
		lg_figures_init(&figs);
		xf = lg_extractor_new(v, 0);
		xp = lg_extractor_new(v, 0);
		lg_figures_init(&full);
		lg_figures_init(&part);
	}
	lg_err err;
	if (lg_read_bytes(&t, data, size, LG_ENC_AUTO, &err) != LG_OK)
		return 0;
	lg_report rep;
	lg_meta_detect(m, t.s, t.n, &rep);
	if (!rep.year)
		rep.year = 2021;
	if (!rep.agency[0])
		strcpy(rep.agency, "某市应急管理局");
	lg_buf warn = LG_BUF_INIT;
	lg_extract(x, &t, &rep, &figs, &warn);
	for (size_t i = 0; i < figs.n; i++) {
		const lg_figure *f = &figs.v[i];
		if (f->offset + f->length > t.orig_size || f->text_end > t.n || f->text_start > f->norm_start ||
		    f->norm_end > f->text_end)
			abort();
	}
	/* the export's reading of the indicator the last byte picks */
	if (size > 0) {
		size_t k = data[size - 1] % lg_vocab_count(v);
		bool wanted[256] = { false }, units[LG_UNITS_MAX];
		if (lg_vocab_count(v) > 256)
			abort();
		wanted[k] = true;
		const lg_indicator *d = lg_vocab_get(v, k);
		if (d->proxy)
			wanted[lg_vocab_find(v, d->proxy)] = true;
		lg_vocab_units_of(v, wanted, units);
		/* a bit of the first byte: the export's scan without AVX2 */
		lg_set_avx2(!(data[0] & 16));
		lg_extractor_only_units(xp, units);
		lg_set_avx2(true);
		lg_buf w2 = LG_BUF_INIT;
		lg_extract(xf, &t, &rep, &full, &w2);
		lg_extract(xp, &t, &rep, &part, &w2);
		lg_buf_release(&w2);
		size_t i = 0, j = 0;
		for (;;) {
			while (i < full.n && (full.v[i].indicator < 0 || !wanted[full.v[i].indicator]))
				i++;
			while (j < part.n && (part.v[j].indicator < 0 || !wanted[part.v[j].indicator]))
				j++;
			if (i == full.n || j == part.n)
				break;
			const lg_figure *a = &full.v[i], *b = &part.v[j];
			if (a->norm_start != b->norm_start || a->indicator != b->indicator || lg_dec_cmp(&a->value, &b->value) ||
			    a->role != b->role || a->scope != b->scope || a->has_yoy != b->has_yoy ||
			    (a->has_yoy && a->yoy_hundredths != b->yoy_hundredths) || strcmp(a->period, b->period))
				abort();
			i++;
			j++;
		}
		if (i != full.n || j != part.n)
			abort();
	}
	lg_series *s = lg_series_new(v, lg_vocab_find(v, "罚款"), -1);
	lg_series_add(s, &rep, "fuzz.txt", 0, t.s, &figs);
	lg_series_finish(s);
	char *buf = NULL;
	size_t sz = 0;
	FILE *f = open_memstream(&buf, &sz);
	lg_csv_opts o = { ',', 0, 1, 0 };
	lg_csv_write_long(s, f, &o);
	lg_gp_opts g;
	memset(&g, 0, sizeof g);
	g.terminal = "png";
	g.image = "x.png";
	g.version = "fuzz";
	g.ylo = 2019;
	g.yhi = 2024;
	lg_gp_write(s, f, &g, &err);
	fclose(f);
	free(buf);
	lg_series_free(s);
	lg_buf_release(&warn);
	return 0;
}
