/* cmd_info: `lgtrend info` -- what lgtrend reads each file as: agency,
 * region, year, period, encoding and the number of figures. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "lg_csv.h"

static const char usage[] =
	"Usage: lgtrend info [OPTION]... [PATH]...\n"
	"Show, per report, the agency, region, year and period lgtrend reads from its\n"
	"text (or a manifest), the encoding it was read as, and how many figures it\n"
	"holds.  PATHs are files or directories (*.txt); default ./seeds.\n"
	"\n"
	"  -f, --format FMT         text (default), csv or tsv\n"
	"      --encoding E         same as --input-encoding\n"
	"%s"
	"\n"
	"CSV columns: source,agency,region,level,year,period,encoding,figures,\n"
	"agency_from,year_from,status,warnings\n"
	"\n"
	"%s";

typedef struct {
	lg_session *s;
	int fmt; /* 0 text, 1 csv, 2 tsv */
	lg_csv *csv;
	size_t failed, processed;
} ictx;

typedef struct {
	lg_outcome o;
	lg_report rep;
	const char *enc;
	size_t figures;
} ires;

static void *job(void *vctx, lg_worker *w, size_t index, const char *path, const lg_file *f)
{
	(void)vctx;
	(void)w;
	(void)index;
	(void)path;
	ires *r = lg_xcalloc(1, sizeof *r);
	if (!lg_outcome_set(&r->o, f))
		return r;
	r->rep = f->report;
	r->enc = lg_encoding_name(f->text->enc);
	for (size_t i = 0; i < f->figures->n; i++)
		if (f->figures->v[i].role != LG_ROLE_EXCLUDED)
			r->figures++;
	return r;
}

static void consume(void *vctx, size_t index, const char *path, void *vres)
{
	(void)index;
	ictx *c = vctx;
	ires *r = vres;
	/* info prints a file's warnings itself, in its own format */
	bool ok = lg_outcome_report(&r->o, path, false, &c->failed, &c->processed);
	if (c->fmt == 0) {
		if (ok) {
			printf("%s\n", path);
			printf("  agency:   %s%s%s%s\n", r->rep.agency[0] ? r->rep.agency : "(unknown)",
			       r->rep.agency_from[0] ? "  [from " : "", r->rep.agency_from, r->rep.agency_from[0] ? "]" : "");
			printf("  region:   %s\n", r->rep.region[0] ? r->rep.region : "(unknown)");
			if (r->rep.year)
				printf("  year:     %d  [from %s]\n", r->rep.year, r->rep.year_from);
			else
				printf("  year:     (unknown)\n");
			printf("  period:   %s\n", r->rep.period[0] ? r->rep.period : "full year");
			printf("  encoding: %s\n", r->enc);
			printf("  figures:  %zu\n", r->figures);
			if (r->o.warnings)
				lg_print_file_warnings(path, r->o.warnings);
		}
	} else {
		char year[16] = "";
		if (r->rep.year)
			snprintf(year, sizeof year, "%d", r->rep.year);
		lg_csv_text(c->csv, path);
		lg_csv_text(c->csv, r->rep.agency);
		lg_csv_text(c->csv, r->rep.region);
		lg_csv_text(c->csv, r->rep.level);
		lg_csv_num(c->csv, year);
		lg_csv_text(c->csv, r->rep.period);
		lg_csv_text(c->csv, ok ? r->enc : "");
		if (ok)
			lg_csv_int(c->csv, (long long)r->figures);
		else
			lg_csv_num(c->csv, "");
		lg_csv_text(c->csv, r->rep.agency_from);
		lg_csv_text(c->csv, r->rep.year_from);
		lg_csv_text(c->csv, ok ? "ok" : r->o.err);
		/* warnings on one line */
		char *wl = r->o.warnings ? lg_xstrdup(r->o.warnings) : NULL;
		if (wl) {
			size_t n = strlen(wl);
			while (n && wl[n - 1] == '\n')
				wl[--n] = '\0';
			for (char *p = wl; *p; p++)
				if (*p == '\n')
					*p = ';';
		}
		lg_csv_text(c->csv, wl ? wl : "");
		free(wl);
		lg_csv_endrow(c->csv);
		lg_csv_flush(c->csv);
	}
	lg_outcome_release(&r->o);
	free(r);
}

int cmd_info(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "encoding", required_argument, NULL, OPT_INPUT_ENCODING },
		{ "format", required_argument, NULL, 'f' },
		LG_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	lg_session s;
	lg_session_init(&s, "info", usage, argv);
	ictx c;
	memset(&c, 0, sizeof c);
	c.s = &s;
	int opt, ret;
	optind = 1;
	while ((opt = getopt_long(argc, argv, ":f:j:qh", longopts, NULL)) != -1) {
		int code, h = lg_session_option(&s, opt, optarg, &code);
		if (h == LG_OPT_EXIT)
			return code;
		if (h == LG_OPT_MINE)
			continue;
		switch (opt) {
		case 'f': {
			static const char *const formats[] = { "text", "csv", "tsv", NULL };
			if ((c.fmt = lg_choice("info", "format", optarg, formats)) < 0)
				return LG_EXIT_USAGE;
			break;
		}
		default:
			return lg_usage_error(s.cmd, "unknown option");
		}
	}
	ret = lg_session_open(&s, argv + optind, argc - optind, true);
	if (ret != LG_EXIT_OK)
		goto cleanup;
	if (c.fmt) {
		lg_csv_opts co = { c.fmt == 2 ? '\t' : ',', false, false, false };
		c.csv = lg_csv_new(stdout, &co);
		static const char *const head[] = { "source", "agency", "region", "level", "year", "period",
						     "encoding", "figures", "agency_from", "year_from", "status", "warnings" };
		for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
			lg_csv_text(c.csv, head[i]);
		lg_csv_endrow(c.csv);
		lg_csv_flush(c.csv);
	}
	size_t nfiles = lg_session_run(&s, job, consume, &c);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		lg_say("stdout", "write error");
		ret = LG_EXIT_OUTPUT;
	} else if (!nfiles) {
		ret = LG_EXIT_DATA;
	} else if (c.failed || lg_session_problems(&s)) {
		ret = c.processed ? LG_EXIT_PARTIAL : LG_EXIT_DATA;
	}
cleanup:
	lg_csv_free(c.csv);
	lg_session_close(&s);
	return ret;
}
