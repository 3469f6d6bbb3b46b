/* libFuzzer harness: the whole pipeline on one report -- read, meta,
 * extract, series, CSV and gnuplot output. */
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
	static lg_figures figs;
	if (!v) {
		lg_err err;
		v = lg_vocab_new();
		if (lg_vocab_load_default(v, &err) != LG_OK || lg_vocab_compile(v, &err) != LG_OK)
			abort();
		m = lg_meta_new();
		x = lg_extractor_new(v, 1);
		lg_text_init(&t);
		lg_figures_init(&figs);
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
