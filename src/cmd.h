/* cmd: the command layer -- the only code that reads arguments and talks to
 * the user.  One cmd_*.c per subcommand; this header holds what they
 * share: exit codes, messages, and the session (vocabulary, manifest,
 * inputs) every command that reads reports opens the same way. */
#ifndef LG_CMD_H
#define LG_CMD_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "lg_corpus.h"
#include "lg_meta.h"
#include "lg_read.h"
#include "lg_vocab.h"

#define LG_VERSION "0.1.0"

/* Exit codes (documented in --help, the README and lgtrend.1; each is
 * pinned by a test). */
enum {
	LG_EXIT_OK = 0,      /* everything worked */
	LG_EXIT_PARTIAL = 1, /* some inputs failed; the rest were processed */
	LG_EXIT_USAGE = 2,   /* bad command line */
	LG_EXIT_DATA = 3,    /* nothing could be processed, or a bad vocabulary/manifest */
	LG_EXIT_OUTPUT = 4,  /* an output could not be written */
	LG_EXIT_RENDER = 5   /* gnuplot failed; CSV and script were written */
};

extern const char lg_exit_codes_help[];

void lg_say(const char *subject, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void lg_warn(const char *subject, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A usage error: message, a one-line hint, exit code 2. */
int lg_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* An option's value from a fixed list: its index in the NULL-terminated
 * names, or -1 after printing "unknown WHAT 'arg' (use a, b or c)"; the
 * command then exits with LG_EXIT_USAGE. */
int lg_choice(const char *cmd, const char *what, const char *arg, const char *const *names);

/* Long-option codes shared by the commands. */
enum {
	OPT_VOCAB = 256,
	OPT_MANIFEST,
	OPT_INPUT_ENCODING,
	OPT_VERSION,
	OPT_EXPLAIN,
	OPT_CRLF,
	OPT_EXCEL,
	OPT_ALL,
	OPT_NO_RENDER,
	OPT_CHART,
	OPT_YEARS,
	OPT_YEAR,
	OPT_TERMINAL,
	OPT_FONT,
	OPT_SCOPE,
	OPT_OUT_DIR,
	OPT_INDICATOR,
	OPT_FORMAT,
	OPT_OUTPUT_ENCODING,
	OPT_TOP
};

#define LG_COMMON_LONGOPTS                                                    \
	{ "vocab", required_argument, NULL, OPT_VOCAB },                      \
	{ "manifest", required_argument, NULL, OPT_MANIFEST },                \
	{ "input-encoding", required_argument, NULL, OPT_INPUT_ENCODING },    \
	{ "jobs", required_argument, NULL, 'j' },                             \
	{ "quiet", no_argument, NULL, 'q' },                                  \
	{ "help", no_argument, NULL, 'h' },                                   \
	{ "version", no_argument, NULL, OPT_VERSION }

extern const char lg_common_options_help[];

typedef struct {
	const char *cmd;
	const char *usage; /* printf format taking the common options and the exit codes */
	char **argv;       /* the command's arguments, for messages about them */
	const char *vocab_path;
	const char *manifest_path;
	lg_encoding encoding;
	int jobs;
	bool quiet;
	bool explain;
	lg_vocab *vocab;
	lg_meta *meta;
	lg_manifest *manifest;
	char **paths;    /* the PATH arguments (or ./seeds) */
	int npaths;
	lg_walk *walk;
	lg_pipeline pipeline;
} lg_session;

void lg_session_init(lg_session *s, const char *cmd, const char *usage, char **argv);
/* Handle a common option (and --help, --version, an unknown option).
 * Returns LG_OPT_MINE when handled, LG_OPT_NOT_MINE for the command's own
 * options, or LG_OPT_EXIT with *code set (help printed: 0; usage error
 * printed: 2). */
enum { LG_OPT_NOT_MINE = 0, LG_OPT_MINE = 1, LG_OPT_EXIT = 2 };
int lg_session_option(lg_session *s, int opt, const char *arg, int *code);
/* Load the vocabulary (always), then -- when paths is not NULL -- the
 * manifest and the inputs (./seeds when npaths is 0).  Returns LG_EXIT_OK
 * or the exit code to stop with (messages already printed). */
int lg_session_open(lg_session *s, char **paths, int npaths, bool need_inputs);
void lg_session_close(lg_session *s);
/* Should warnings about report content be printed? */
bool lg_session_verbose(const lg_session *s);
/* Run the pipeline over the inputs (progress on a terminal unless -q);
 * returns the number of files processed, after saying so when there was
 * none. */
size_t lg_session_run(lg_session *s, lg_job_fn job, lg_consume_fn consume, void *ctx);
/* Input paths that could not be read at all (missing, unreadable directory). */
size_t lg_session_problems(const lg_session *s);

int cmd_extract(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_info(int argc, char **argv);
int cmd_indicators(int argc, char **argv);

/* Print each line of a per-file warnings buffer as "lgtrend: 'path': warning: ..." */
void lg_print_file_warnings(const char *path, const char *lines);

/* What every command's per-file job hands back first: whether the file was
 * read, the message when it was not, and its warnings. */
typedef struct {
	lg_status status;
	char err[512];
	char *warnings; /* owned; NULL when none */
} lg_outcome;

/* In the job: fill o from the pipeline's result; true when the file was read. */
bool lg_outcome_set(lg_outcome *o, const lg_file *f);
/* In consume: name a failed file (counted in *failed) or count it in
 * *processed and print its warnings when verbose.  True when processed. */
bool lg_outcome_report(const lg_outcome *o, const char *path, bool verbose, size_t *failed, size_t *processed);
void lg_outcome_release(lg_outcome *o);

#endif
