/* lg_corpus: the files a run reads, the manifest that may override what
 * the text says, and the driver that runs the pipeline
 * (read -> meta -> extract) over them on N threads while handing results
 * to the caller strictly in input order.
 *
 * Input order is deterministic: arguments in the order given; inside a
 * directory, entries sorted bytewise, recursively, *.txt only (any name
 * given explicitly is read whatever its extension).  Memory stays flat:
 * the walk holds one sorted listing per open directory level, at most
 * 16*jobs results are in flight, and each worker reuses its buffers.
 *
 * Ownership: lg_walk, lg_manifest and lg_worker each have their own _free;
 * results returned by a job belong to the consumer.
 */
#ifndef LG_CORPUS_H
#define LG_CORPUS_H

#include <stdbool.h>
#include <stddef.h>

#include "lg_buf.h"
#include "lg_common.h"
#include "lg_extract.h"
#include "lg_meta.h"
#include "lg_read.h"
#include "lg_vocab.h"

typedef struct lg_walk lg_walk;

/* A problem met while walking (a path that does not exist, a directory
 * that cannot be read): reported at once, then skipped. */
typedef void (*lg_problem_fn)(void *ctx, const char *path, const char *msg);

lg_walk *lg_walk_new(char *const *args, size_t nargs, lg_problem_fn problem, void *ctx);
void lg_walk_free(lg_walk *w);
/* The next input file, or NULL at the end.  The string belongs to the walk
 * and stays valid until the next call. */
const char *lg_walk_next(lg_walk *w);
size_t lg_walk_problems(const lg_walk *w);
/* How many files a walk of these arguments yields (for progress totals). */
size_t lg_walk_count(char *const *args, size_t nargs);

typedef struct lg_manifest lg_manifest;
/* CSV with a header naming at least `file` (or source/path) and one of
 * `agency`, `year`, `period`.  Rows match an input by its path as given
 * or by its base name. */
lg_status lg_manifest_load(const char *path, lg_manifest **out, lg_err *err);
void lg_manifest_free(lg_manifest *m);
/* Apply the row for path, if any; returns true when one applied. */
bool lg_manifest_apply(const lg_manifest *m, const char *path, lg_report *rep);

typedef struct {
	const lg_vocab *vocab;
	const lg_meta *meta;
	const lg_manifest *manifest; /* may be NULL */
	lg_encoding encoding;        /* LG_ENC_AUTO to detect */
	bool explain;
	const bool *units;           /* LG_UNITS_MAX: read figures only in these units (NULL: all) */
} lg_pipeline;

typedef struct {
	lg_status status;          /* LG_OK, or why the file could not be read */
	lg_err err;
	lg_report report;
	bool from_manifest;
	const lg_text *text;       /* valid until the worker's next file */
	const lg_figures *figures;
	const char *warnings;      /* zero or more lines */
} lg_file;

typedef struct lg_worker lg_worker;
lg_worker *lg_worker_new(const lg_pipeline *p);
void lg_worker_free(lg_worker *w);
/* Read, detect and extract one file. */
const lg_file *lg_worker_process(lg_worker *w, const char *path);

/* job runs on a worker thread and returns a result (or NULL); consume
 * runs on one thread at a time (any of the workers, the calling thread
 * among them), strictly in input order, and owns the result. */
typedef void *(*lg_job_fn)(void *ctx, lg_worker *w, size_t index, const char *path, const lg_file *f);
typedef void (*lg_consume_fn)(void *ctx, size_t index, const char *path, void *result);

/* jobs <= 0 means the number of online CPUs.  progress_total > 0 shows
 * files done / total and MB/s on stderr while running.  Returns the number
 * of files processed. */
size_t lg_corpus_run(const lg_pipeline *p, lg_walk *walk, int jobs, lg_job_fn job, lg_consume_fn consume, void *ctx,
		     size_t progress_total);

#endif
