/* export_gnuplot: owns chart scripts (line, bar, year-over-year) and running
 * gnuplot safely.  Report text only ever enters single-quoted strings. */
#include "lg_gnuplot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lg_atomic.h"
#include "lg_vocab.h"

static const char *const colors[] = {
	"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
};
#define NCOLORS (sizeof colors / sizeof colors[0])

void lg_gp_quote(lg_buf *b, const char *s)
{
	lg_buf_addc(b, '\'');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\'')
			lg_buf_adds(b, "''");
		else if (*p < 0x20 || *p == 0x7F)
			lg_buf_addc(b, ' ');
		else
			lg_buf_addc(b, (char)*p);
	}
	lg_buf_addc(b, '\'');
}

typedef struct {
	const char *agency;
	const char *key;
	const lg_row *by_year[64];
	double sort_value;
	int nyears;
} series_line;

static int mark_of(const lg_row *r)
{
	return (r->approx != LG_APPROX_NONE ? 1 : 0) | (r->period[0] ? 2 : 0);
}

/* Group headline rows by agency. */
static size_t collect_lines(const lg_series *s, int ylo, int yhi, series_line **out)
{
	size_t n = lg_series_count(s), nl = 0;
	series_line *lines = lg_xcalloc(n ? n : 1, sizeof *lines);
	for (size_t i = 0; i < n; i++) {
		const lg_row *r = lg_series_row(s, i);
		if (!r->headline || r->year < ylo || r->year > yhi || r->year - ylo >= 64)
			continue;
		if (!nl || strcmp(lines[nl - 1].key, r->key) != 0) {
			lines[nl].agency = r->agency;
			lines[nl].key = r->key;
			nl++;
		}
		lines[nl - 1].by_year[r->year - ylo] = r;
	}
	*out = lines;
	return nl;
}

/* Rank for a crowded chart: more years with a figure first, then the larger
 * latest figure, then the key (for the same bytes every time). */
static int cmp_rank(const void *a, const void *b)
{
	const series_line *x = a, *y = b;
	if (x->nyears != y->nyears)
		return x->nyears > y->nyears ? -1 : 1;
	if (x->sort_value != y->sort_value)
		return x->sort_value > y->sort_value ? -1 : 1;
	return strcmp(x->key, y->key);
}

static int cmp_key(const void *a, const void *b)
{
	return strcmp(((const series_line *)a)->key, ((const series_line *)b)->key);
}

/* Keep at most top lines (ranked by cmp_rank), in their key order; the
 * number there were. */
static size_t keep_top(series_line *lines, size_t nl, size_t top, int ylo, int yhi)
{
	if (nl <= top)
		return nl;
	for (size_t k = 0; k < nl; k++) {
		lines[k].nyears = 0;
		lines[k].sort_value = 0;
		for (int y = ylo; y <= yhi; y++) {
			const lg_row *r = lines[k].by_year[y - ylo];
			if (r) {
				lines[k].nyears++;
				lines[k].sort_value = lg_dec_to_double(&r->value);
			}
		}
	}
	qsort(lines, nl, sizeof *lines, cmp_rank);
	qsort(lines, top, sizeof *lines, cmp_key);
	return top;
}

static void header(lg_buf *b, const lg_indicator *ind, const lg_gp_opts *o, const char *what)
{
	/* the script is named like its image: 罚款.bar.png <- 罚款.bar.gp */
	const char *dot = strrchr(o->image, '.');
	int stem = dot ? (int)(dot - o->image) : (int)strlen(o->image);
	lg_buf_addf(b, "# lgtrend chart: %s (%s), %s\n", ind->name, ind->id, what);
	lg_buf_addf(b, "# Written by lgtrend %s.  Render it again, from this directory, with\n", o->version);
	lg_buf_addf(b, "#   gnuplot -d %.*s.gp\n", stem, o->image);
	lg_buf_addf(b, "# which writes %s beside it; for another file name:\n", o->image);
	lg_buf_addf(b, "#   gnuplot -d -e \"outfile='other.%s'\" %.*s.gp\n", o->terminal, stem, o->image);
	lg_buf_adds(b, "# The numbers are in the datablock $data below; edit freely.\n");
	lg_buf_adds(b, "set encoding utf8\n");
	lg_buf_adds(b, "if (!exists(\"outfile\")) outfile = ");
	lg_buf_adds(b, "'./");
	/* image names are ours, but quote them like any other text */
	lg_buf b2 = LG_BUF_INIT;
	lg_gp_quote(&b2, o->image);
	lg_buf_add(b, b2.s + 1, b2.len - 1);
	lg_buf_release(&b2);
	lg_buf_adds(b, "\n");
	const char *font = o->font ? o->font : LG_GP_DEFAULT_FONT;
	lg_buf fq = LG_BUF_INIT;
	lg_buf_adds(&fq, font);
	lg_buf_adds(&fq, ",11");
	lg_buf quoted = LG_BUF_INIT;
	lg_gp_quote(&quoted, fq.s);
	if (strcmp(o->terminal, "svg") == 0)
		lg_buf_addf(b, "set terminal svg size 1280,720 dynamic noenhanced font %s background rgb 'white'\n", quoted.s);
	else
		lg_buf_addf(b, "set terminal pngcairo size 1280,720 noenhanced font %s background rgb 'white'\n", quoted.s);
	lg_buf_release(&fq);
	lg_buf_release(&quoted);
	lg_buf_adds(b, "set output outfile\n");
}

static void common_style(lg_buf *b, size_t nlines)
{
	lg_buf_adds(b, "set border 3\nset tics nomirror\nset grid ytics lc rgb '#dddddd'\n");
	for (size_t k = 0; k < nlines; k++)
		lg_buf_addf(b, "set style line %zu lc rgb '%s' lw 2 pt 7 ps 1.3 dt %zu\n", k + 1, colors[k % NCOLORS],
			    k / NCOLORS + 1);
}

static void label(lg_buf *b, const char *cmd, const char *text)
{
	lg_buf_addf(b, "%s ", cmd);
	lg_gp_quote(b, text);
	lg_buf_adds(b, " noenhanced\n");
}

/* Footnote: markers, and which agencies are charted from a proxy. */
static void footnote(lg_buf *b, const lg_series *s, series_line *lines, size_t nl, size_t total, int ylo, int yhi,
		     bool markers, int bmargin)
{
	/* line 1: the markers, and which agencies are shown; line 2: which
	 * are charted from a proxy (the first three, then how many more) */
	lg_buf note = LG_BUF_INIT, proxy = LG_BUF_INIT;
	if (markers)
		lg_buf_adds(&note, "实心点：确数   空心圆：约数（余/多/近/约）   三角：非全年数据（如1-10月）");
	if (total > nl)
		lg_buf_addf(&note, "%s图中%zu个机构（共%zu个，按有数据年数、最新数值选取），全部见CSV", note.len ? "   " : "",
			    nl, total);
	int proxies = 0;
	for (size_t k = 0; k < nl; k++) {
		for (int y = ylo; y <= yhi; y++) {
			const lg_row *r = lines[k].by_year[y - ylo];
			if (r && r->proxy && ++proxies <= 3) {
				const lg_indicator *d = lg_vocab_get(lg_series_vocab(s), (size_t)r->indicator);
				lg_buf_addf(&proxy, "%s＊%s %d年按%s", proxy.len ? "   " : "", lines[k].agency, y, d->name);
			}
		}
	}
	if (proxies > 3)
		lg_buf_addf(&proxy, "   等%d处（＊）", proxies);
	int id = 1;
	if (note.len && proxy.len) {
		lg_buf_addf(b, "set label %d ", id++);
		lg_gp_quote(b, note.s);
		lg_buf_adds(b, " at screen 0.01,0.05 left noenhanced font ',9'\n");
		lg_buf_addf(b, "set label %d ", id++);
		lg_gp_quote(b, proxy.s);
		lg_buf_adds(b, " at screen 0.01,0.02 left noenhanced font ',9'\n");
	} else if (note.len || proxy.len) {
		lg_buf_addf(b, "set label %d ", id++);
		lg_gp_quote(b, note.len ? note.s : proxy.s);
		lg_buf_adds(b, " at screen 0.01,0.025 left noenhanced font ',9'\n");
	}
	if (note.len || proxy.len || bmargin > 6)
		lg_buf_addf(b, "set bmargin %d\n", bmargin + (note.len && proxy.len ? 1 : 0));
	lg_buf_release(&note);
	lg_buf_release(&proxy);
}

static lg_status write_line(const lg_series *s, lg_buf *b, const lg_gp_opts *o, bool yoy, lg_err *err)
{
	const lg_indicator *ind = lg_vocab_get(lg_series_vocab(s), (size_t)lg_series_indicator(s));
	series_line *lines;
	int ylo = o->ylo, yhi = o->yhi;
	if (yhi - ylo >= 64)
		ylo = yhi - 63;
	size_t total = collect_lines(s, ylo, yhi, &lines);
	size_t nl = keep_top(lines, total, o->top ? o->top : LG_GP_DEFAULT_TOP, ylo, yhi);
	size_t points = 0;
	for (size_t k = 0; k < nl; k++)
		for (int y = ylo; y <= yhi; y++) {
			const lg_row *r = lines[k].by_year[y - ylo];
			if (r && (!yoy || r->has_yoy_pct))
				points++;
		}
	if (!points) {
		free(lines);
		lg_err_set(err, yoy ? "no year-over-year change to chart (it needs two consecutive full years of one agency)"
				    : "no figures to chart");
		return LG_ERR_EMPTY;
	}
	char what[160];
	snprintf(what, sizeof what, "%s, one line per agency, %d-%d", yoy ? "year-over-year change" : "line chart", ylo, yhi);
	header(b, ind, o, what);
	lg_buf_adds(b, "# Columns: year, then for each agency in plot order its value (NaN: no\n"
		       "# figure that year) and a mark (0 exact, 1 approximate, 2 part of the year).\n");
	lg_buf_adds(b, "$data << EOD\n");
	for (int y = ylo; y <= yhi; y++) {
		lg_buf_addf(b, "%d", y);
		for (size_t k = 0; k < nl; k++) {
			const lg_row *r = lines[k].by_year[y - ylo];
			char num[LG_DEC_FMTMAX];
			if (!r || (yoy && !r->has_yoy_pct)) {
				lg_buf_adds(b, " NaN 0");
				continue;
			}
			if (yoy)
				lg_dec_format_hundredths(r->yoy_pct, num, sizeof num);
			else
				lg_dec_format(&r->value, num);
			lg_buf_addf(b, " %s %d", num, mark_of(r));
		}
		lg_buf_adds(b, "\n");
	}
	lg_buf_adds(b, "EOD\n");
	char t[256];
	if (yoy) {
		snprintf(t, sizeof t, "%s：同比变化（%%）", ind->name);
		label(b, "set title", t);
		label(b, "set ylabel", "同比变化（%）");
		lg_buf_adds(b, "set xzeroaxis lt -1\n");
	} else {
		snprintf(t, sizeof t, "%s：各机构历年（%s）", ind->name, ind->unit);
		label(b, "set title", t);
		snprintf(t, sizeof t, "%s（%s）", ind->name, ind->unit);
		label(b, "set ylabel", t);
		lg_buf_adds(b, "set yrange [0:*]\n");
	}
	label(b, "set xlabel", "年份");
	lg_buf_addf(b, "set xrange [%d.5:%d.5]\nset xtics %d,1,%d\nset format x '%%.0f'\n", ylo - 1, yhi, ylo, yhi);
	lg_buf_adds(b, "set key outside right top vertical noenhanced\n");
	common_style(b, nl);
	footnote(b, s, lines, nl, total, ylo, yhi, !yoy, 6);
	/* a star beside figures charted from a proxy indicator */
	int lab = 10;
	for (size_t k = 0; k < nl; k++) {
		for (int y = ylo; y <= yhi; y++) {
			const lg_row *r = lines[k].by_year[y - ylo];
			if (r && r->proxy && !yoy) {
				char num[LG_DEC_FMTMAX];
				lg_dec_format(&r->value, num);
				lg_buf_addf(b, "set label %d '＊' at %d,%s offset 0.8,0.6 noenhanced\n", lab++, y, num);
			}
		}
	}
	/* per agency: the line (gaps stay gaps: NaN breaks it), its points by
	 * mark, and a legend entry drawn from NaN so it shows line and point */
	lg_buf_adds(b, "plot ");
	for (size_t k = 0; k < nl; k++) {
		int vc = 2 + 2 * (int)k, mc = vc + 1;
		lg_buf_addf(b, "%s$data using 1:%d with lines ls %zu notitle", k ? ", \\\n     " : "", vc, k + 1);
		lg_buf_addf(b, ", \\\n     '' using 1:(int($%d)==0 ? $%d : NaN) with points ls %zu pt 7 notitle", mc, vc, k + 1);
		lg_buf_addf(b, ", \\\n     '' using 1:((int($%d)&1) ? $%d : NaN) with points ls %zu pt 6 ps 1.8 notitle", mc, vc, k + 1);
		lg_buf_addf(b, ", \\\n     '' using 1:((int($%d)&2) ? $%d : NaN) with points ls %zu pt 8 ps 1.8 notitle", mc, vc, k + 1);
		lg_buf_addf(b, ", \\\n     NaN with linespoints ls %zu pt 7 title ", k + 1);
		lg_gp_quote(b, lines[k].agency);
	}
	lg_buf_adds(b, "\n");
	free(lines);
	return LG_OK;
}

static int cmp_bar(const void *a, const void *b)
{
	const series_line *x = a, *y = b;
	if (x->sort_value != y->sort_value)
		return x->sort_value > y->sort_value ? -1 : 1;
	return strcmp(x->key, y->key);
}

static lg_status write_bar(const lg_series *s, lg_buf *b, const lg_gp_opts *o, lg_err *err)
{
	const lg_indicator *ind = lg_vocab_get(lg_series_vocab(s), (size_t)lg_series_indicator(s));
	int year = o->year;
	if (!year) {
		int lo, hi;
		if (lg_series_years(s, &lo, &hi))
			year = hi;
	}
	series_line *lines;
	size_t nl = collect_lines(s, year, year, &lines);
	size_t w = 0;
	for (size_t k = 0; k < nl; k++) {
		if (lines[k].by_year[0]) {
			lines[w] = lines[k];
			lines[w].sort_value = lg_dec_to_double(&lines[k].by_year[0]->value);
			w++;
		}
	}
	nl = w;
	if (!nl) {
		free(lines);
		lg_err_set(err, "no figures for %d to chart", year);
		return LG_ERR_EMPTY;
	}
	qsort(lines, nl, sizeof *lines, cmp_bar);
	size_t total = nl;
	size_t top = o->top ? o->top : LG_GP_DEFAULT_TOP;
	if (nl > top)
		nl = top; /* the largest */
	char what[96];
	snprintf(what, sizeof what, "bar chart of %d, agencies by value", year);
	header(b, ind, o, what);
	lg_buf_adds(b, "# Columns: position, value, mark (0 exact, 1 approximate, 2 part of the\n"
		       "# year), value as printed.\n");
	lg_buf_adds(b, "$data << EOD\n");
	for (size_t k = 0; k < nl; k++) {
		char num[LG_DEC_FMTMAX];
		lg_dec_format(&lines[k].by_year[0]->value, num);
		lg_buf_addf(b, "%zu %s %d \"%s\"\n", k, num, mark_of(lines[k].by_year[0]), num);
	}
	lg_buf_adds(b, "EOD\n");
	char t[256];
	snprintf(t, sizeof t, "%s：%d年各机构（%s）", ind->name, year, ind->unit);
	label(b, "set title", t);
	snprintf(t, sizeof t, "%s（%s）", ind->name, ind->unit);
	label(b, "set ylabel", t);
	lg_buf_adds(b, "set xtics (");
	for (size_t k = 0; k < nl; k++) {
		if (k)
			lg_buf_adds(b, ", ");
		lg_gp_quote(b, lines[k].agency);
		lg_buf_addf(b, " %zu", k);
	}
	lg_buf_adds(b, ") rotate by 30 right noenhanced\n");
	lg_buf_addf(b, "set xrange [-0.6:%zu.6]\nset yrange [0:*]\nset boxwidth 0.6\nset key top right noenhanced\n", nl - 1);
	common_style(b, 1);
	footnote(b, s, lines, nl, total, year, year, false, 12);
	lg_buf_adds(b, "plot $data using 1:(int($3)==0 ? $2 : NaN) with boxes fs solid 0.8 lc rgb '#1f77b4' title '确数', \\\n"
		       "     '' using 1:(int($3)!=0 ? $2 : NaN) with boxes fs pattern 4 lc rgb '#1f77b4' title '约数或非全年', \\\n"
		       "     '' using 1:2:4 with labels offset 0,0.8 notitle\n");
	free(lines);
	return LG_OK;
}

lg_status lg_gp_write(const lg_series *s, FILE *fp, const lg_gp_opts *o, lg_err *err)
{
	lg_buf b = LG_BUF_INIT;
	lg_status st;
	switch (o->chart) {
	case LG_CHART_BAR: st = write_bar(s, &b, o, err); break;
	case LG_CHART_YOY: st = write_line(s, &b, o, true, err); break;
	default: st = write_line(s, &b, o, false, err); break;
	}
	if (st == LG_OK && fwrite(b.s, 1, b.len, fp) != b.len) {
		lg_err_set(err, "cannot write the script: %s", strerror(errno));
		st = LG_ERR_IO;
	}
	lg_buf_release(&b);
	return st;
}

static bool on_path(const char *prog)
{
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	lg_buf b = LG_BUF_INIT;
	bool found = false;
	while (*path && !found) {
		const char *colon = strchr(path, ':');
		size_t len = colon ? (size_t)(colon - path) : strlen(path);
		lg_buf_reset(&b);
		lg_buf_add(&b, len ? path : ".", len ? len : 1);
		lg_buf_addc(&b, '/');
		lg_buf_adds(&b, prog);
		struct stat sb;
		if (stat(b.s, &sb) == 0 && S_ISREG(sb.st_mode) && access(b.s, X_OK) == 0)
			found = true;
		path = colon ? colon + 1 : path + len;
	}
	lg_buf_release(&b);
	return found;
}

bool lg_gp_available(void)
{
	return on_path("gnuplot");
}

/* Run argv in dir (NULL: here); capture stdout+stderr into out. */
static int run_capture(char *const argv[], const char *dir, lg_buf *out)
{
	int pfd[2];
	if (pipe(pfd) != 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0) {
		close(pfd[0]);
		close(pfd[1]);
		return -1;
	}
	if (pid == 0) {
		if (dir && chdir(dir) != 0)
			_exit(126);
		int devnull = open("/dev/null", O_RDONLY);
		if (devnull >= 0)
			dup2(devnull, 0);
		dup2(pfd[1], 1);
		dup2(pfd[1], 2);
		close(pfd[0]);
		close(pfd[1]);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(pfd[1]);
	char buf[4096];
	ssize_t r;
	while ((r = read(pfd[0], buf, sizeof buf)) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (out && out->len < 65536)
			lg_buf_add(out, buf, (size_t)r);
	}
	close(pfd[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

bool lg_gp_cjk_font(void)
{
	if (!on_path("fc-list"))
		return true; /* cannot tell; do not cry wolf */
	char *argv[] = { "fc-list", ":lang=zh", "family", NULL };
	lg_buf out = LG_BUF_INIT;
	int rc = run_capture(argv, NULL, &out);
	bool ok = rc != 0 || out.len > 0;
	lg_buf_release(&out);
	return ok;
}

lg_status lg_gp_render(const char *dir, const char *script, const char *image, lg_buf *warnings, lg_err *err)
{
	lg_status ret = LG_OK;
	lg_buf target = LG_BUF_INIT, setout = LG_BUF_INIT, scriptarg = LG_BUF_INIT, out = LG_BUF_INIT;
	lg_buf_addf(&target, "%s/%s", dir, image);
	int slot;
	char *tmp = lg_atomic_tmp_path(target.s, &slot);
	const char *tmpbase = strrchr(tmp, '/');
	tmpbase = tmpbase ? tmpbase + 1 : tmp;
	lg_buf_adds(&setout, "outfile=");
	lg_buf q = LG_BUF_INIT;
	lg_buf_adds(&q, "./");
	lg_buf_adds(&q, tmpbase);
	lg_gp_quote(&setout, q.s);
	lg_buf_release(&q);
	lg_buf_addf(&scriptarg, "./%s", script);
	char *argv[] = { "gnuplot", "-d", "-e", setout.s, scriptarg.s, NULL };
	int rc = run_capture(argv, dir, &out);
	struct stat sb;
	bool made = stat(tmp, &sb) == 0 && sb.st_size > 0;
	if (rc == 0 && made) {
		if (rename(tmp, target.s) != 0) {
			lg_err_set(err, "cannot rename the chart onto '%s': %s", target.s, strerror(errno));
			ret = LG_ERR_IO;
		} else if (warnings && out.len) {
			lg_buf_add(warnings, out.s, out.len);
		}
	} else {
		/* gnuplot's first complaint, on one line */
		char line[300] = "";
		const char *p = out.s;
		while (*p == '\n' || *p == ' ')
			p++;
		size_t k = 0;
		for (; *p && k + 1 < sizeof line; p++)
			line[k++] = (*p == '\n' || *p == '\r') ? ' ' : *p;
		line[k] = '\0';
		if (rc == 127)
			lg_err_set(err, "gnuplot could not be run");
		else if (strstr(out.s, "unknown or ambiguous terminal"))
			lg_err_set(err, "this gnuplot has no %s terminal (Debian: apt-get install gnuplot-nox)",
				   strstr(image, ".svg") ? "svg" : "pngcairo");
		else
			lg_err_set(err, "gnuplot failed (exit %d): %s", rc, line[0] ? line : "no message");
		ret = LG_ERR_RENDER;
		unlink(tmp);
	}
	lg_atomic_tmp_release(tmp, slot);
	lg_buf_release(&target);
	lg_buf_release(&setout);
	lg_buf_release(&scriptarg);
	lg_buf_release(&out);
	return ret;
}
