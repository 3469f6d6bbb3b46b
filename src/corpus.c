/* corpus: owns which files are read (walking directories in a stable
 * order), the manifest override, per-thread workers, and the in-order
 * parallel driver. */
#include "lg_corpus.h"

#include <csv.h>
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- inputs: a lazy, sorted walk ---- */

typedef struct {
	char *dir;
	char **names; /* sorted; each is its d_type byte, then the name */
	size_t n, next;
} frame;

struct lg_walk {
	char *const *args;
	size_t nargs, next_arg;
	frame *stack;
	size_t depth, cap;
	lg_problem_fn problem;
	void *ctx;
	size_t nproblems;
	lg_buf path;
};

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

static bool is_txt(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcasecmp(name + n - 4, ".txt") == 0;
}

lg_walk *lg_walk_new(char *const *args, size_t nargs, lg_problem_fn problem, void *ctx)
{
	lg_walk *w = lg_xcalloc(1, sizeof *w);
	w->args = args;
	w->nargs = nargs;
	w->problem = problem;
	w->ctx = ctx;
	lg_buf_init(&w->path);
	return w;
}

static void pop(lg_walk *w)
{
	frame *f = &w->stack[--w->depth];
	for (size_t i = 0; i < f->n; i++)
		free(f->names[i]);
	free(f->names);
	free(f->dir);
}

void lg_walk_free(lg_walk *w)
{
	if (!w)
		return;
	while (w->depth)
		pop(w);
	free(w->stack);
	lg_buf_release(&w->path);
	free(w);
}

size_t lg_walk_problems(const lg_walk *w)
{
	return w->nproblems;
}

static void report(lg_walk *w, const char *path, const char *fmt, int e)
{
	char msg[256];
	snprintf(msg, sizeof msg, fmt, strerror(e));
	w->nproblems++;
	if (w->problem)
		w->problem(w->ctx, path, msg);
}

/* Open a directory level: its entries, sorted, hidden ones left out. */
static void push(lg_walk *w, const char *dir)
{
	if (w->depth >= 32) {
		w->nproblems++;
		if (w->problem)
			w->problem(w->ctx, dir, "directories nested too deeply (a link loop?), skipped");
		return;
	}
	DIR *d = opendir(dir);
	if (!d) {
		report(w, dir, "cannot read directory: %s", errno);
		return;
	}
	frame f = { lg_xstrdup(dir), NULL, 0, 0 };
	size_t cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue; /* hidden files, and our own temporary files */
		if (f.n == cap) {
			cap = cap ? 2 * cap : 64;
			f.names = lg_xrealloc(f.names, cap * sizeof *f.names);
		}
		size_t len = strlen(e->d_name);
		char *nm = lg_xmalloc(len + 2);
		nm[0] = (char)e->d_type; /* DT_UNKNOWN when the file system does not say */
		memcpy(nm + 1, e->d_name, len + 1);
		f.names[f.n++] = nm;
	}
	closedir(d);
	if (f.n)
		qsort(f.names, f.n, sizeof *f.names, cmp_names);
	if (w->depth == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 8;
		w->stack = lg_xrealloc(w->stack, w->cap * sizeof *w->stack);
	}
	w->stack[w->depth++] = f;
}

const char *lg_walk_next(lg_walk *w)
{
	for (;;) {
		if (w->depth) {
			frame *f = &w->stack[w->depth - 1];
			if (f->next == f->n) {
				pop(w);
				continue;
			}
			const char *entry = f->names[f->next++];
			unsigned char type = (unsigned char)entry[0];
			const char *name = entry + 1;
			lg_buf_reset(&w->path);
			size_t dl = strlen(f->dir);
			lg_buf_add(&w->path, f->dir, dl);
			if (dl && f->dir[dl - 1] != '/')
				lg_buf_addc(&w->path, '/');
			lg_buf_adds(&w->path, name);
			/* what readdir says spares a stat per file; links and
			 * file systems that do not say are stat()ed */
			if (type == DT_REG) {
				if (is_txt(name))
					return w->path.s;
				continue;
			}
			struct stat sb;
			if (stat(w->path.s, &sb) != 0) {
				report(w, w->path.s, "cannot stat: %s", errno);
			} else if (S_ISDIR(sb.st_mode)) {
				char *sub = lg_xstrdup(w->path.s);
				push(w, sub);
				free(sub);
			} else if (S_ISREG(sb.st_mode) && is_txt(name)) {
				return w->path.s;
			}
			continue;
		}
		if (w->next_arg == w->nargs)
			return NULL;
		const char *arg = w->args[w->next_arg++];
		struct stat sb;
		if (stat(arg, &sb) != 0) {
			report(w, arg, "%s", errno);
			continue;
		}
		if (S_ISDIR(sb.st_mode)) {
			push(w, arg);
			continue;
		}
		lg_buf_reset(&w->path);
		lg_buf_adds(&w->path, arg);
		return w->path.s;
	}
}

size_t lg_walk_count(char *const *args, size_t nargs)
{
	lg_walk *w = lg_walk_new(args, nargs, NULL, NULL);
	size_t n = 0;
	while (lg_walk_next(w))
		n++;
	lg_walk_free(w);
	return n;
}

/* ---- manifest ---- */

typedef struct {
	char *file;
	char *agency;
	int year;
	char *period;
	bool has_period;
} mrow;

struct lg_manifest {
	mrow *rows;
	size_t n, cap;
};

typedef struct {
	lg_manifest *m;
	char **fields;
	size_t nf, capf;
	int col_file, col_agency, col_year, col_period;
	bool header_done;
	size_t line;
	lg_status st;
	lg_err *err;
	const char *path;
} mparse;

static void m_field(void *s, size_t len, void *data)
{
	mparse *p = data;
	if (p->nf == p->capf) {
		p->capf = p->capf ? 2 * p->capf : 8;
		p->fields = lg_xrealloc(p->fields, p->capf * sizeof *p->fields);
	}
	char *f = lg_xstrndup(s ? s : "", s ? len : 0);
	/* a BOM on the first header cell */
	if (!p->header_done && p->nf == 0 && len >= 3 && memcmp(f, "\xEF\xBB\xBF", 3) == 0)
		memmove(f, f + 3, strlen(f + 3) + 1);
	p->fields[p->nf++] = f;
}

static void m_row(int c, void *data)
{
	(void)c;
	mparse *p = data;
	p->line++;
	if (p->st != LG_OK)
		goto done;
	if (!p->header_done) {
		p->col_file = p->col_agency = p->col_year = p->col_period = -1;
		for (size_t i = 0; i < p->nf; i++) {
			const char *h = p->fields[i];
			if (!strcmp(h, "file") || !strcmp(h, "source") || !strcmp(h, "path"))
				p->col_file = (int)i;
			else if (!strcmp(h, "agency"))
				p->col_agency = (int)i;
			else if (!strcmp(h, "year"))
				p->col_year = (int)i;
			else if (!strcmp(h, "period"))
				p->col_period = (int)i;
		}
		if (p->col_file < 0 || (p->col_agency < 0 && p->col_year < 0 && p->col_period < 0)) {
			lg_err_set(p->err, "%s:1: the header must name a `file` column and at least one of agency, year, period",
				   p->path);
			p->st = LG_ERR_SYNTAX;
		}
		p->header_done = true;
		goto done;
	}
	if (p->nf == 1 && !p->fields[0][0])
		goto done; /* blank line */
	mrow r;
	memset(&r, 0, sizeof r);
	if ((size_t)p->col_file >= p->nf || !p->fields[p->col_file][0]) {
		lg_err_set(p->err, "%s:%zu: no file name", p->path, p->line);
		p->st = LG_ERR_SYNTAX;
		goto done;
	}
	if (p->col_year >= 0 && (size_t)p->col_year < p->nf && p->fields[p->col_year][0]) {
		char *e;
		long y = strtol(p->fields[p->col_year], &e, 10);
		if (*e || y < 1900 || y > 2200) {
			lg_err_set(p->err, "%s:%zu: year '%s' is not a year", p->path, p->line, p->fields[p->col_year]);
			p->st = LG_ERR_SYNTAX;
			goto done;
		}
		r.year = (int)y;
	}
	r.file = lg_xstrdup(p->fields[p->col_file]);
	if (p->col_agency >= 0 && (size_t)p->col_agency < p->nf && p->fields[p->col_agency][0])
		r.agency = lg_xstrdup(p->fields[p->col_agency]);
	if (p->col_period >= 0 && (size_t)p->col_period < p->nf) {
		r.period = lg_xstrdup(p->fields[p->col_period]);
		r.has_period = true;
	}
	lg_manifest *m = p->m;
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 32;
		m->rows = lg_xrealloc(m->rows, m->cap * sizeof *m->rows);
	}
	m->rows[m->n++] = r;
done:
	for (size_t i = 0; i < p->nf; i++)
		free(p->fields[i]);
	p->nf = 0;
}

void lg_manifest_free(lg_manifest *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++) {
		free(m->rows[i].file);
		free(m->rows[i].agency);
		free(m->rows[i].period);
	}
	free(m->rows);
	free(m);
}

lg_status lg_manifest_load(const char *path, lg_manifest **out, lg_err *err)
{
	*out = NULL;
	FILE *f = fopen(path, "rb");
	if (!f) {
		lg_err_set(err, "%s: cannot open: %s", path, strerror(errno));
		return LG_ERR_IO;
	}
	struct csv_parser cp;
	if (csv_init(&cp, CSV_APPEND_NULL) != 0) {
		fclose(f);
		lg_err_set(err, "%s: out of memory", path);
		return LG_ERR_IO;
	}
	mparse p;
	memset(&p, 0, sizeof p);
	p.m = lg_xcalloc(1, sizeof *p.m);
	p.err = err;
	p.path = path;
	char buf[8192];
	size_t r;
	lg_status ret = LG_OK;
	while ((r = fread(buf, 1, sizeof buf, f)) > 0) {
		if (csv_parse(&cp, buf, r, m_field, m_row, &p) != r) {
			lg_err_set(err, "%s: not valid CSV: %s", path, csv_strerror(csv_error(&cp)));
			ret = LG_ERR_SYNTAX;
			break;
		}
	}
	if (ret == LG_OK)
		csv_fini(&cp, m_field, m_row, &p);
	csv_free(&cp);
	fclose(f);
	for (size_t i = 0; i < p.nf; i++)
		free(p.fields[i]);
	free(p.fields);
	if (ret == LG_OK)
		ret = p.st;
	if (ret == LG_OK && !p.header_done) {
		lg_err_set(err, "%s: empty manifest", path);
		ret = LG_ERR_SYNTAX;
	}
	if (ret != LG_OK) {
		lg_manifest_free(p.m);
		return ret;
	}
	*out = p.m;
	return LG_OK;
}

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

bool lg_manifest_apply(const lg_manifest *m, const char *path, lg_report *rep)
{
	if (!m)
		return false;
	const mrow *hit = NULL;
	for (size_t i = 0; i < m->n && !hit; i++)
		if (strcmp(m->rows[i].file, path) == 0)
			hit = &m->rows[i];
	for (size_t i = 0; i < m->n && !hit; i++)
		if (strcmp(base_name(m->rows[i].file), base_name(path)) == 0)
			hit = &m->rows[i];
	if (!hit)
		return false;
	lg_meta_override(rep, hit->agency, hit->year, hit->has_period ? hit->period : NULL);
	return true;
}

/* ---- workers ---- */

struct lg_worker {
	const lg_pipeline *p;
	lg_text text;
	lg_extractor *x;
	lg_figures figs;
	lg_buf warn;
	lg_file file;
};

lg_worker *lg_worker_new(const lg_pipeline *p)
{
	lg_worker *w = lg_xcalloc(1, sizeof *w);
	w->p = p;
	lg_text_init(&w->text);
	w->x = lg_extractor_new(p->vocab, p->explain);
	lg_extractor_only_units(w->x, p->units);
	lg_figures_init(&w->figs);
	lg_buf_init(&w->warn);
	return w;
}

void lg_worker_free(lg_worker *w)
{
	if (!w)
		return;
	lg_text_release(&w->text);
	lg_extractor_free(w->x);
	lg_figures_release(&w->figs);
	lg_buf_release(&w->warn);
	free(w);
}

const lg_file *lg_worker_process(lg_worker *w, const char *path)
{
	lg_file *f = &w->file;
	memset(f, 0, sizeof *f);
	lg_buf_reset(&w->warn);
	lg_figures_reset(&w->figs);
	f->text = &w->text;
	f->figures = &w->figs;
	f->warnings = w->warn.s;
	f->status = lg_read_file(&w->text, path, w->p->encoding, &f->err);
	if (f->status != LG_OK)
		return f;
	if (w->text.warnings.len)
		lg_buf_add(&w->warn, w->text.warnings.s, w->text.warnings.len);
	lg_meta_detect(w->p->meta, w->text.s, w->text.n, &f->report);
	f->from_manifest = lg_manifest_apply(w->p->manifest, path, &f->report);
	if (!f->report.agency[0])
		lg_buf_adds(&w->warn, "no agency found in the text (give one in a manifest)\n");
	if (!f->report.year)
		lg_buf_adds(&w->warn, "no report year found in the text (give one in a manifest)\n");
	else if (!strcmp(f->report.year_from, "date"))
		lg_buf_addf(&w->warn, "no report year in the text: %d from the date it is signed (a manifest can say otherwise)\n",
			    f->report.year);
	lg_extract(w->x, &w->text, &f->report, &w->figs, &w->warn);
	f->warnings = w->warn.s;
	return f;
}

/* ---- the driver ---- */

typedef struct {
	char *path;
	void *result;
	bool ready;
	size_t bytes;
} slot;

/* No thread only hands out work: each of the N threads (the caller is one)
 * takes the next path from the walk, processes it, leaves the result in
 * its slot, and then, if no other thread is doing so, consumes every
 * result that is ready in input order.  A thread blocks only when the
 * window of results in flight is full, so an uncontended run costs two
 * lock round trips per file and no wake-ups. */
typedef struct {
	const lg_pipeline *p;
	lg_walk *walk;
	lg_job_fn job;
	lg_consume_fn consume;
	void *ctx;
	pthread_mutex_t mu;
	pthread_cond_t room_cv; /* threads wait here while the window is full */
	int room_waiters;
	size_t claimed;  /* paths taken from the walk */
	size_t consumed; /* results handed to consume, in order */
	bool consuming;  /* one thread has the consumer's turn */
	bool walk_done;
	size_t window;
	slot *slots;
	/* progress, touched only by the thread with the consumer's turn */
	size_t progress_total, bytes;
	double t0, last;
} runner;

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void show_progress(size_t done, size_t total, size_t bytes, double t0, bool final)
{
	double dt = now_s() - t0;
	double mb = (double)bytes / 1e6;
	fprintf(stderr, "\rlgtrend: %zu/%zu files, %.1f MB, %.1f MB/s%s", done, total, mb, dt > 0 ? mb / dt : 0.0,
		final ? "\n" : "   ");
}

/* Called with the lock held and the consumer's turn taken; returns with
 * the lock held.  Consumes results in order while the next one is ready. */
static void consume_ready(runner *r)
{
	for (;;) {
		slot *sl = &r->slots[r->consumed % r->window];
		if (!sl->ready)
			return;
		size_t index = r->consumed;
		void *res = sl->result;
		char *path = sl->path;
		r->bytes += sl->bytes;
		sl->path = NULL;
		sl->result = NULL;
		sl->ready = false;
		r->consumed++;
		if (r->room_waiters)
			pthread_cond_broadcast(&r->room_cv);
		pthread_mutex_unlock(&r->mu);
		r->consume(r->ctx, index, path, res);
		free(path);
		if (r->progress_total && now_s() - r->last > 0.1) {
			r->last = now_s();
			show_progress(index + 1, r->progress_total, r->bytes, r->t0, false);
		}
		pthread_mutex_lock(&r->mu);
	}
}

static void *worker_main(void *arg)
{
	runner *r = arg;
	lg_worker *w = lg_worker_new(r->p);
	pthread_mutex_lock(&r->mu);
	for (;;) {
		while (!r->walk_done && r->claimed - r->consumed >= r->window) {
			r->room_waiters++;
			pthread_cond_wait(&r->room_cv, &r->mu);
			r->room_waiters--;
		}
		const char *next = r->walk_done ? NULL : lg_walk_next(r->walk);
		if (!next) {
			r->walk_done = true;
			break;
		}
		size_t i = r->claimed++;
		slot *sl = &r->slots[i % r->window];
		sl->path = lg_xstrdup(next);
		sl->ready = false;
		const char *path = sl->path;
		pthread_mutex_unlock(&r->mu);
		const lg_file *f = lg_worker_process(w, path);
		void *res = r->job(r->ctx, w, i, path, f);
		pthread_mutex_lock(&r->mu);
		sl->result = res;
		sl->bytes = f->text->orig_size;
		sl->ready = true;
		if (!r->consuming) {
			r->consuming = true;
			consume_ready(r);
			r->consuming = false;
		}
	}
	/* a result still in flight is consumed by the thread that makes it */
	if (r->room_waiters)
		pthread_cond_broadcast(&r->room_cv);
	pthread_mutex_unlock(&r->mu);
	lg_worker_free(w);
	return NULL;
}

size_t lg_corpus_run(const lg_pipeline *p, lg_walk *walk, int jobs, lg_job_fn job, lg_consume_fn consume, void *ctx,
		     size_t progress_total)
{
	if (jobs <= 0) {
		long c = sysconf(_SC_NPROCESSORS_ONLN);
		jobs = c > 0 ? (int)c : 1;
	}
	if (jobs > 64)
		jobs = 64;
	runner r;
	memset(&r, 0, sizeof r);
	r.p = p;
	r.walk = walk;
	r.job = job;
	r.consume = consume;
	r.ctx = ctx;
	r.progress_total = progress_total;
	r.t0 = r.last = now_s();
	/* results waiting to be consumed, at most: a file's figures each */
	r.window = 16 * (size_t)jobs;
	r.slots = lg_xcalloc(r.window, sizeof *r.slots);
	pthread_mutex_init(&r.mu, NULL);
	pthread_cond_init(&r.room_cv, NULL);
	pthread_t *th = lg_xcalloc((size_t)jobs, sizeof *th);
	int started = 0;
	for (int t = 1; t < jobs; t++)
		if (pthread_create(&th[started], NULL, worker_main, &r) == 0)
			started++;
	worker_main(&r); /* the calling thread is a worker too */
	for (int t = 0; t < started; t++)
		pthread_join(th[t], NULL);
	if (progress_total)
		show_progress(r.consumed, progress_total, r.bytes, r.t0, true);
	free(th);
	free(r.slots);
	pthread_mutex_destroy(&r.mu);
	pthread_cond_destroy(&r.room_cv);
	return r.consumed;
}
