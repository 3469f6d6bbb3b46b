/* cmd_export: `lgtrend export` -- per indicator, the long and wide CSV, a
 * gnuplot script and its chart, written atomically into the output
 * directory. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "lg_atomic.h"
#include "lg_csv.h"
#include "lg_gnuplot.h"
#include "lg_series.h"

static const char usage[] =
	"Usage: lgtrend export --indicator NAME [OPTION]... [PATH]...\n"
	"       lgtrend export --all [OPTION]... [PATH]...\n"
	"Write one indicator's series across agencies and years: DIR/NAME.csv (long\n"
	"form, one row per agency, year and scope, the headline first), DIR/NAME.wide.csv\n"
	"(one row per agency, one column per year), DIR/NAME.gp (gnuplot script) and\n"
	"DIR/NAME.png.  PATHs are files or directories (*.txt); default ./seeds.\n"
	"\n"
	"      --indicator NAME     Chinese name (罚款), id (fines) or alias (罚款金额); files\n"
	"                           are named as given; see 'lgtrend indicators'\n"
	"      --all                every indicator that has data, plus DIR/index.csv\n"
	"      --scope SCOPE        only figures of one scope: 全辖区, 本级, 乡镇, 专项\n"
	"                           (or all, bureau, town, campaign)\n"
	"      --out-dir DIR        output directory (default: plots)\n"
	"      --years A-B          years on the x axis and in the wide CSV (default: the data)\n"
	"      --chart TYPE         line (default; NAME.gp), bar (NAME.bar.gp, with --year Y)\n"
	"                           or yoy (NAME.yoy.gp)\n"
	"      --year Y             the year of a bar chart (default: the latest)\n"
	"      --top N              agencies on the chart at most (default 12): those with\n"
	"                           the most years of data, then the largest latest figure\n"
	"                           (a bar chart: the largest); the CSV files have them all\n"
	"      --terminal T         png (default) or svg\n"
	"      --font FAMILY        chart font (default: " LG_GP_DEFAULT_FONT ")\n"
	"      --no-render          write the script but do not run gnuplot\n"
	"      --excel              UTF-8 BOM and formula-safe text cells, for Excel\n"
	"      --encoding E         CSV encoding: utf-8 (default) or gbk (GB18030)\n"
	"      --crlf               CRLF line ends in the CSV files\n"
	"%s"
	"\n"
	"Headline rule, per agency and year: whole jurisdiction (全辖区) before the\n"
	"bureau itself (本级) before townships (乡镇) before a campaign (专项); a total\n"
	"before its parts; the indicator before its proxy (罚款 before 罚没款, see\n"
	"the basis column); the canonical unit; the larger value; the full year; the\n"
	"first in the text.\n"
	"\n"
	"%s";

typedef struct {
	lg_session *s;
	lg_series **series;
	size_t nseries;
	bool *want;       /* per vocabulary index: figures of it are needed */
	size_t failed, processed, unplaced, conflicts;
} ectx;

typedef struct {
	lg_outcome o;
	lg_report rep;
	lg_buf text;      /* the sentences the kept figures point into */
	lg_figures figs;
} eres;

static void *job(void *vctx, lg_worker *w, size_t index, const char *path, const lg_file *f)
{
	(void)w;
	(void)index;
	(void)path;
	ectx *c = vctx;
	eres *r = lg_xcalloc(1, sizeof *r);
	lg_buf_init(&r->text);
	lg_figures_init(&r->figs);
	if (!lg_outcome_set(&r->o, f))
		return r;
	r->rep = f->report;
	for (size_t i = 0; i < f->figures->n; i++) {
		const lg_figure *g = &f->figures->v[i];
		if (g->role == LG_ROLE_EXCLUDED || g->indicator < 0 || !c->want[g->indicator])
			continue;
		lg_figure *k = lg_figures_push(&r->figs);
		*k = *g;
		/* rebase the sentence into our own buffer */
		k->text_start = r->text.len;
		lg_buf_add(&r->text, f->text->s + g->text_start, g->text_end - g->text_start);
		k->text_end = r->text.len;
	}
	return r;
}

static void consume(void *vctx, size_t index, const char *path, void *vres)
{
	ectx *c = vctx;
	eres *r = vres;
	bool verbose = lg_session_verbose(c->s);
	if (lg_outcome_report(&r->o, path, verbose, &c->failed, &c->processed)) {
		if (!r->rep.agency[0] || !r->rep.year) {
			c->unplaced++;
		} else {
			const char *other = NULL;
			for (size_t i = 0; i < c->nseries; i++) {
				const char *o = lg_series_add(c->series[i], &r->rep, path, index, r->text.s, &r->figs);
				if (o)
					other = o;
			}
			if (other) {
				c->conflicts++;
				if (verbose && c->conflicts <= 20)
					lg_warn(path, "conflict: %s %d is already reported by '%s'; this file is not used",
						r->rep.agency, r->rep.year, other);
			}
		}
	}
	lg_buf_release(&r->text);
	lg_figures_release(&r->figs);
	lg_outcome_release(&r->o);
	free(r);
}

static int mkdirs(const char *dir)
{
	char *p = lg_xstrdup(dir);
	int ret = 0;
	for (char *q = p + 1; *q; q++) {
		if (*q == '/') {
			*q = '\0';
			if (mkdir(p, 0777) != 0 && errno != EEXIST)
				ret = -1;
			*q = '/';
		}
	}
	if (mkdir(p, 0777) != 0 && errno != EEXIST)
		ret = -1;
	struct stat sb;
	if (stat(p, &sb) != 0 || !S_ISDIR(sb.st_mode))
		ret = -1;
	free(p);
	return ret;
}

typedef struct {
	const char *out_dir;
	const char *stem; /* file names: the indicator as asked for, or NULL for its name */
	lg_csv_opts copts;
	lg_gp_opts gp;
	bool render;
	int ylo, yhi;
	bool years_given;
} eopts;

/* Write one file atomically through writer(). */
static int write_atomic(const char *path, lg_status (*writer)(void *, FILE *, lg_err *), void *arg)
{
	lg_atomic a;
	lg_err err = { "", 0 };
	if (lg_atomic_open(&a, path, &err) != LG_OK) {
		lg_say(path, "%s", err.msg);
		return LG_EXIT_OUTPUT;
	}
	lg_status st = writer(arg, a.fp, &err);
	if (st != LG_OK) {
		lg_atomic_abort(&a);
		if (st == LG_ERR_EMPTY)
			return -1;
		lg_say(path, "%s", err.msg[0] ? err.msg : "cannot write");
		return LG_EXIT_OUTPUT;
	}
	if (lg_atomic_commit(&a, &err) != LG_OK) {
		lg_say(path, "%s", err.msg);
		return LG_EXIT_OUTPUT;
	}
	return LG_EXIT_OK;
}

typedef struct {
	const lg_series *s;
	const eopts *o;
	lg_err *gp_err;
} warg;

static lg_status w_long(void *a, FILE *fp, lg_err *err)
{
	warg *w = a;
	lg_status st = lg_csv_write_long(w->s, fp, &w->o->copts);
	if (st != LG_OK)
		lg_err_set(err, "write error");
	return st;
}

static lg_status w_wide(void *a, FILE *fp, lg_err *err)
{
	warg *w = a;
	lg_status st = lg_csv_write_wide(w->s, fp, &w->o->copts, w->o->ylo, w->o->yhi);
	if (st != LG_OK)
		lg_err_set(err, "write error");
	return st;
}

static lg_status w_gp(void *a, FILE *fp, lg_err *err)
{
	warg *w = a;
	lg_status st = lg_gp_write(w->s, fp, &w->o->gp, err);
	if (st == LG_ERR_EMPTY && w->gp_err)
		*w->gp_err = *err;
	return st;
}

/* Outputs of one indicator; returns an exit code. */
static int write_indicator(lg_session *s, const lg_series *ser, eopts *o, bool *rendered_any)
{
	const lg_indicator *ind = lg_vocab_get(s->vocab, (size_t)lg_series_indicator(ser));
	const char *stem = o->stem ? o->stem : ind->name;
	int ret = LG_EXIT_OK, rc;
	lg_buf path = LG_BUF_INIT;
	eopts local = *o;
	if (!o->years_given) {
		int lo = 0, hi = 0;
		if (lg_series_years(ser, &lo, &hi)) {
			local.ylo = lo;
			local.yhi = hi;
		} else {
			local.ylo = local.yhi = 0;
		}
	}
	warg w = { ser, &local, NULL };
	lg_buf_addf(&path, "%s/%s.csv", o->out_dir, stem);
	if ((rc = write_atomic(path.s, w_long, &w)) > 0)
		ret = rc;
	lg_buf_reset(&path);
	lg_buf_addf(&path, "%s/%s.wide.csv", o->out_dir, stem);
	if (local.ylo && (rc = write_atomic(path.s, w_wide, &w)) > 0)
		ret = rc;
	if (!local.ylo) {
		/* no figure at all: an empty wide table still has its header */
		local.ylo = local.yhi = 0;
	}
	/* the chart */
	const char *suffix = o->gp.chart == LG_CHART_BAR ? ".bar" : o->gp.chart == LG_CHART_YOY ? ".yoy" : "";
	lg_buf image = LG_BUF_INIT, script = LG_BUF_INIT;
	lg_buf_addf(&image, "%s%s.%s", stem, suffix, o->gp.terminal);
	lg_buf_addf(&script, "%s%s.gp", stem, suffix);
	local.gp.image = image.s;
	local.gp.ylo = local.ylo;
	local.gp.yhi = local.yhi;
	lg_err gperr = { "", 0 };
	w.gp_err = &gperr;
	lg_buf_reset(&path);
	lg_buf_addf(&path, "%s/%s", o->out_dir, script.s);
	rc = local.ylo ? write_atomic(path.s, w_gp, &w) : -1;
	if (rc > 0) {
		ret = rc;
	} else if (rc < 0) {
		if (lg_session_verbose(s))
			lg_warn(NULL, "%s: %s; no chart written", ind->name, gperr.msg[0] ? gperr.msg : "no figures to chart");
	} else if (o->render) {
		lg_buf warns = LG_BUF_INIT;
		lg_err err = { "", 0 };
		lg_status st = lg_gp_render(o->out_dir, script.s, image.s, &warns, &err);
		if (st != LG_OK) {
			lg_say(path.s, "%s", err.msg);
			if (ret == LG_EXIT_OK)
				ret = st == LG_ERR_IO ? LG_EXIT_OUTPUT : LG_EXIT_RENDER;
		} else {
			*rendered_any = true;
			if (warns.len && lg_session_verbose(s))
				lg_print_file_warnings(path.s, warns.s);
		}
		lg_buf_release(&warns);
	}
	lg_buf_release(&image);
	lg_buf_release(&script);
	lg_buf_release(&path);
	return ret;
}

static lg_status w_index(void *a, FILE *fp, lg_err *err)
{
	(void)err;
	void **args = a;
	ectx *c = args[0];
	const lg_csv_opts *co = args[1];
	lg_csv *csv = lg_csv_new(fp, co);
	static const char *const head[] = { "indicator", "id", "unit", "agencies", "years", "rows", "files" };
	for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
		lg_csv_text(csv, head[i]);
	lg_csv_endrow(csv);
	for (size_t i = 0; i < c->nseries; i++) {
		const lg_series *ser = c->series[i];
		if (!lg_series_count(ser))
			continue;
		const lg_indicator *ind = lg_vocab_get(c->s->vocab, (size_t)lg_series_indicator(ser));
		size_t agencies = 0, headlines = 0;
		const char *prev = NULL;
		for (size_t k = 0; k < lg_series_count(ser); k++) {
			const lg_row *r = lg_series_row(ser, k);
			if (!prev || strcmp(prev, r->key) != 0)
				agencies++;
			prev = r->key;
			headlines += r->headline;
		}
		int lo = 0, hi = 0;
		lg_series_years(ser, &lo, &hi);
		char years[32];
		snprintf(years, sizeof years, "%d-%d", lo, hi);
		lg_csv_text(csv, ind->name);
		lg_csv_text(csv, ind->id);
		lg_csv_text(csv, ind->unit);
		lg_csv_int(csv, (long long)agencies);
		lg_csv_text(csv, years);
		lg_csv_int(csv, (long long)lg_series_count(ser));
		char files[64];
		snprintf(files, sizeof files, "%s.csv", ind->name);
		lg_csv_text(csv, files);
		lg_csv_endrow(csv);
		(void)headlines;
	}
	lg_status st = lg_csv_flush(csv);
	lg_csv_free(csv);
	return st;
}

int cmd_export(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "all", no_argument, NULL, OPT_ALL },
		{ "chart", required_argument, NULL, OPT_CHART },
		{ "crlf", no_argument, NULL, OPT_CRLF },
		{ "encoding", required_argument, NULL, OPT_OUTPUT_ENCODING },
		{ "excel", no_argument, NULL, OPT_EXCEL },
		{ "font", required_argument, NULL, OPT_FONT },
		{ "indicator", required_argument, NULL, OPT_INDICATOR },
		{ "no-render", no_argument, NULL, OPT_NO_RENDER },
		{ "out-dir", required_argument, NULL, OPT_OUT_DIR },
		{ "output-encoding", required_argument, NULL, OPT_OUTPUT_ENCODING },
		{ "scope", required_argument, NULL, OPT_SCOPE },
		{ "terminal", required_argument, NULL, OPT_TERMINAL },
		{ "top", required_argument, NULL, OPT_TOP },
		{ "year", required_argument, NULL, OPT_YEAR },
		{ "years", required_argument, NULL, OPT_YEARS },
		LG_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	lg_session s;
	lg_session_init(&s, "export", usage, argv);
	eopts o;
	memset(&o, 0, sizeof o);
	o.out_dir = "plots";
	o.copts.delim = ',';
	o.gp.terminal = "png";
	o.gp.version = LG_VERSION;
	o.render = true;
	const char *indicator = NULL;
	bool all = false;
	int scope = -1;
	int opt, ret = LG_EXIT_OK;
	ectx c;
	memset(&c, 0, sizeof c);
	c.s = &s;
	optind = 1;
	while ((opt = getopt_long(argc, argv, ":j:qh", longopts, NULL)) != -1) {
		int code, h = lg_session_option(&s, opt, optarg, &code);
		if (h == LG_OPT_EXIT)
			return code;
		if (h == LG_OPT_MINE)
			continue;
		switch (opt) {
		case OPT_ALL:
			all = true;
			break;
		case OPT_INDICATOR:
			indicator = optarg;
			break;
		case OPT_SCOPE: {
			lg_scope sc;
			if (!lg_scope_parse(optarg, &sc))
				return lg_usage_error("export", "unknown scope '%s' (use 全辖区, 本级, 乡镇 or 专项)", optarg);
			scope = (int)sc;
			break;
		}
		case OPT_OUT_DIR:
			o.out_dir = optarg;
			break;
		case OPT_NO_RENDER:
			o.render = false;
			break;
		case OPT_CHART: {
			/* in lg_chart order */
			static const char *const charts[] = { "line", "bar", "yoy", NULL };
			int k = lg_choice("export", "chart", optarg, charts);
			if (k < 0)
				return LG_EXIT_USAGE;
			o.gp.chart = (lg_chart)k;
			break;
		}
		case OPT_YEAR: {
			char *e;
			long y = strtol(optarg, &e, 10);
			if (*e || y < 1990 || y > 2100)
				return lg_usage_error("export", "--year takes a year such as 2023, not '%s'", optarg);
			o.gp.year = (int)y;
			break;
		}
		case OPT_TOP: {
			char *e;
			long t = strtol(optarg, &e, 10);
			if (*e || e == optarg || t < 1 || t > 200)
				return lg_usage_error("export", "--top takes a number of agencies from 1 to 200, not '%s'", optarg);
			o.gp.top = (size_t)t;
			break;
		}
		case OPT_YEARS: {
			int a, b;
			char tail;
			if (sscanf(optarg, "%d-%d%c", &a, &b, &tail) != 2 || a < 1990 || b > 2100 || a > b || b - a > 60)
				return lg_usage_error("export", "--years takes a range such as 2019-2024, not '%s'", optarg);
			o.ylo = a;
			o.yhi = b;
			o.years_given = true;
			break;
		}
		case OPT_TERMINAL: {
			static const char *const terminals[] = { "png", "svg", NULL };
			int k = lg_choice("export", "terminal", optarg, terminals);
			if (k < 0)
				return LG_EXIT_USAGE;
			o.gp.terminal = terminals[k];
			break;
		}
		case OPT_FONT:
			o.gp.font = optarg;
			break;
		case OPT_EXCEL:
			o.copts.excel = true;
			break;
		case OPT_CRLF:
			o.copts.crlf = true;
			break;
		case OPT_OUTPUT_ENCODING:
			if (!strcasecmp(optarg, "gbk") || !strcasecmp(optarg, "gb18030"))
				o.copts.gbk = true;
			else if (strcasecmp(optarg, "utf-8") && strcasecmp(optarg, "utf8"))
				return lg_usage_error("export", "unknown CSV encoding '%s' (use utf-8 or gbk)", optarg);
			break;
		default:
			return lg_usage_error(s.cmd, "unknown option");
		}
	}
	if (!indicator && !all)
		return lg_usage_error("export", "which indicator?  give --indicator NAME (e.g. 罚款) or --all");
	if (indicator && all)
		return lg_usage_error("export", "give either --indicator or --all, not both");
	ret = lg_session_open(&s, argv + optind, argc - optind, true);
	if (ret != LG_EXIT_OK)
		goto cleanup;
	size_t nv = lg_vocab_count(s.vocab);
	c.want = lg_xcalloc(nv, sizeof *c.want);
	c.series = lg_xcalloc(nv, sizeof *c.series);
	if (indicator) {
		int k = lg_vocab_find(s.vocab, indicator);
		if (k < 0) {
			ret = lg_usage_error("export", "unknown indicator '%s' (see 'lgtrend indicators')", indicator);
			goto cleanup;
		}
		c.series[c.nseries++] = lg_series_new(s.vocab, k, scope);
		/* files are named as asked for (罚款, fines or an alias), when
		 * that is a plain file name */
		if (!strchr(indicator, '/') && indicator[0] != '.' && indicator[0] != '-')
			o.stem = indicator;
	} else {
		for (size_t k = 0; k < nv; k++)
			c.series[c.nseries++] = lg_series_new(s.vocab, (int)k, scope);
	}
	for (size_t i = 0; i < c.nseries; i++) {
		int k = lg_series_indicator(c.series[i]);
		c.want[k] = true;
		const lg_indicator *d = lg_vocab_get(s.vocab, (size_t)k);
		if (d->proxy)
			c.want[lg_vocab_find(s.vocab, d->proxy)] = true;
	}
	/* one indicator: only the numbers in the units it (or its stand-in, or
	 * what it is summed with) takes need be read */
	bool units[LG_UNITS_MAX];
	if (!all) {
		lg_vocab_units_of(s.vocab, c.want, units);
		s.pipeline.units = units;
	}
	if (mkdirs(o.out_dir) != 0) {
		lg_say(o.out_dir, "cannot create the output directory: %s", strerror(errno));
		ret = LG_EXIT_OUTPUT;
		goto cleanup;
	}
	lg_atomic_init();
	size_t nfiles = lg_session_run(&s, job, consume, &c);
	if (!c.processed) {
		if (nfiles)
			lg_say(NULL, "no input could be read");
		ret = LG_EXIT_DATA;
		goto cleanup;
	}
	if (c.unplaced && lg_session_verbose(&s))
		lg_warn(NULL, "%zu report(s) without agency or year are left out of the series (a manifest can name them)",
			c.unplaced);
	if (c.conflicts > 20 && lg_session_verbose(&s))
		lg_warn(NULL, "%zu files in all repeat an agency and year already reported; only the first is used",
			c.conflicts);
	bool render = o.render;
	if (render && !lg_gp_available()) {
		render = false;
		lg_say(NULL, "gnuplot not found; scripts written, charts not rendered (install gnuplot-nox, "
			     "then run: cd %s && gnuplot -d SCRIPT.gp)", o.out_dir);
	} else if (render && !lg_gp_cjk_font() && lg_session_verbose(&s)) {
		lg_warn(NULL, "fontconfig knows no font for Chinese (fc-list :lang=zh is empty): Chinese text in "
			      "charts will show as boxes; install fonts-noto-cjk");
	}
	o.render = render;
	bool rendered = false;
	for (size_t i = 0; i < c.nseries; i++) {
		lg_series_finish(c.series[i]);
		if (all && !lg_series_count(c.series[i]))
			continue;
		if (!all && !lg_series_count(c.series[i]) && lg_session_verbose(&s))
			lg_warn(NULL, "no figures of %s in %zu report(s)",
				lg_vocab_get(s.vocab, (size_t)lg_series_indicator(c.series[i]))->name, c.processed);
		int rc = write_indicator(&s, c.series[i], &o, &rendered);
		if (rc != LG_EXIT_OK && (ret == LG_EXIT_OK || rc == LG_EXIT_OUTPUT))
			ret = rc;
	}
	if (all) {
		lg_buf p = LG_BUF_INIT;
		lg_buf_addf(&p, "%s/index.csv", o.out_dir);
		void *args[2] = { &c, &o.copts };
		int rc = write_atomic(p.s, w_index, args);
		if (rc > 0)
			ret = rc;
		lg_buf_release(&p);
	}
	if (ret == LG_EXIT_OK && (c.failed || lg_session_problems(&s))) {
		lg_say(NULL, "%zu of %zu inputs failed; %zu processed", c.failed + lg_session_problems(&s),
		       nfiles + lg_session_problems(&s), c.processed);
		ret = LG_EXIT_PARTIAL;
	}
cleanup:
	for (size_t i = 0; i < c.nseries; i++)
		lg_series_free(c.series[i]);
	free(c.series);
	free(c.want);
	lg_session_close(&s);
	return ret;
}
