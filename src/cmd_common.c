/* cmd_common: what every command shares -- messages in the house shape,
 * the common options, and opening a session (vocabulary, manifest,
 * inputs). */
#include "cmd.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char lg_exit_codes_help[] =
	"Exit status:\n"
	"  0  success\n"
	"  1  some input files failed (each named on stderr); the rest were processed\n"
	"  2  usage error (bad option or argument)\n"
	"  3  nothing could be processed, or the vocabulary or manifest is invalid\n"
	"  4  an output file could not be written\n"
	"  5  gnuplot failed to render the chart (CSV and script were written)\n";

const char lg_common_options_help[] =
	"      --vocab FILE         extend or replace the built-in vocabulary (see README)\n"
	"      --manifest FILE      CSV (file,agency,year[,period]) overriding what the text says\n"
	"      --input-encoding E   read reports as E: auto (default), utf-8, gb18030/gbk,\n"
	"                           utf-16le, utf-16be\n"
	"  -j, --jobs N             files processed in parallel (default: number of CPUs)\n"
	"  -q, --quiet              no progress display and no warnings (errors still shown)\n"
	"  -h, --help               this help\n"
	"      --version            version\n";

static void vsay(const char *subject, const char *kind, const char *fmt, va_list ap)
{
	char msg[2048];
	vsnprintf(msg, sizeof msg, fmt, ap);
	if (subject)
		fprintf(stderr, "lgtrend: '%s': %s%s\n", subject, kind, msg);
	else
		fprintf(stderr, "lgtrend: %s%s\n", kind, msg);
}

void lg_say(const char *subject, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(subject, "", fmt, ap);
	va_end(ap);
}

void lg_warn(const char *subject, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(subject, "warning: ", fmt, ap);
	va_end(ap);
}

int lg_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(NULL, "", fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try 'lgtrend %s --help' for more information.\n", cmd ? cmd : "");
	return LG_EXIT_USAGE;
}

void lg_print_file_warnings(const char *path, const char *lines)
{
	const char *p = lines;
	while (p && *p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len)
			fprintf(stderr, "lgtrend: '%s': warning: %.*s\n", path, (int)len, p);
		p = nl ? nl + 1 : NULL;
	}
}

void lg_session_init(lg_session *s, const char *cmd, const char *usage, char **argv)
{
	memset(s, 0, sizeof *s);
	s->cmd = cmd;
	s->usage = usage;
	s->argv = argv;
	opterr = 0; /* our own messages, in the house shape */
	s->encoding = LG_ENC_AUTO;
}

static void on_problem(void *ctx, const char *path, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "lgtrend: '%s': %s\n", path, msg);
}

int lg_session_option(lg_session *s, int opt, const char *arg, int *code)
{
	switch (opt) {
	case OPT_VOCAB:
		s->vocab_path = arg;
		return LG_OPT_MINE;
	case OPT_MANIFEST:
		s->manifest_path = arg;
		return LG_OPT_MINE;
	case OPT_INPUT_ENCODING:
		if (lg_encoding_parse(arg, &s->encoding) != LG_OK) {
			*code = lg_usage_error(s->cmd, "unknown encoding '%s' (use auto, utf-8, gb18030, gbk, utf-16le or utf-16be)",
					       arg);
			return LG_OPT_EXIT;
		}
		return LG_OPT_MINE;
	case 'j': {
		char *e;
		long j = strtol(arg, &e, 10);
		if (*e || j < 1 || j > 256) {
			*code = lg_usage_error(s->cmd, "--jobs takes a number from 1 to 256, not '%s'", arg);
			return LG_OPT_EXIT;
		}
		s->jobs = (int)j;
		return LG_OPT_MINE;
	}
	case 'q':
		s->quiet = true;
		return LG_OPT_MINE;
	case 'h':
		printf(s->usage, lg_common_options_help, lg_exit_codes_help);
		*code = LG_EXIT_OK;
		return LG_OPT_EXIT;
	case OPT_VERSION:
		printf("lgtrend %s\n", LG_VERSION);
		*code = LG_EXIT_OK;
		return LG_OPT_EXIT;
	case '?':
		if (optopt)
			*code = lg_usage_error(s->cmd, "unknown option '-%c'", optopt);
		else
			*code = lg_usage_error(s->cmd, "unknown option '%s'", s->argv[optind - 1]);
		return LG_OPT_EXIT;
	case ':':
		*code = lg_usage_error(s->cmd, "option '%s' needs a value", s->argv[optind - 1]);
		return LG_OPT_EXIT;
	default:
		return LG_OPT_NOT_MINE;
	}
}

bool lg_session_verbose(const lg_session *s)
{
	return !s->quiet;
}

int lg_session_open(lg_session *s, char **paths, int npaths, bool need_inputs)
{
	lg_err err = { "", 0 };
	s->vocab = lg_vocab_new();
	if (lg_vocab_load_default(s->vocab, &err) != LG_OK ||
	    (s->vocab_path && lg_vocab_load_file(s->vocab, s->vocab_path, &err) != LG_OK) ||
	    lg_vocab_compile(s->vocab, &err) != LG_OK) {
		lg_say(NULL, "vocabulary: %s", err.msg);
		return LG_EXIT_DATA;
	}
	if (!need_inputs)
		return LG_EXIT_OK;
	s->meta = lg_meta_new();
	if (s->manifest_path && lg_manifest_load(s->manifest_path, &s->manifest, &err) != LG_OK) {
		lg_say(NULL, "manifest: %s", err.msg);
		return LG_EXIT_DATA;
	}
	static char *defaults[] = { "seeds" };
	if (npaths == 0) {
		if (access("seeds", F_OK) != 0) {
			lg_say(NULL, "no input given and no ./seeds directory here");
			fprintf(stderr, "Try 'lgtrend %s --help' for more information.\n", s->cmd);
			return LG_EXIT_USAGE;
		}
		paths = defaults;
		npaths = 1;
	}
	s->paths = paths;
	s->npaths = npaths;
	s->walk = lg_walk_new(paths, (size_t)npaths, on_problem, NULL);
	s->pipeline.vocab = s->vocab;
	s->pipeline.meta = s->meta;
	s->pipeline.manifest = s->manifest;
	s->pipeline.encoding = s->encoding;
	s->pipeline.explain = s->explain;
	return LG_EXIT_OK;
}

size_t lg_session_run(lg_session *s, lg_job_fn job, lg_consume_fn consume, void *ctx)
{
	size_t total = 0;
	if (!s->quiet && isatty(2))
		total = lg_walk_count(s->paths, (size_t)s->npaths);
	size_t n = lg_corpus_run(&s->pipeline, s->walk, s->jobs, job, consume, ctx, total > 1 ? total : 0);
	if (!n)
		lg_say(NULL, "no report files (*.txt) found in the input");
	return n;
}

size_t lg_session_problems(const lg_session *s)
{
	return s->walk ? lg_walk_problems(s->walk) : 0;
}

void lg_session_close(lg_session *s)
{
	lg_vocab_free(s->vocab);
	lg_meta_free(s->meta);
	lg_manifest_free(s->manifest);
	lg_walk_free(s->walk);
}

bool lg_outcome_set(lg_outcome *o, const lg_file *f)
{
	o->status = f->status;
	o->warnings = NULL;
	if (f->status != LG_OK) {
		snprintf(o->err, sizeof o->err, "%s", f->err.msg);
		return false;
	}
	o->err[0] = '\0';
	if (f->warnings && *f->warnings)
		o->warnings = lg_xstrdup(f->warnings);
	return true;
}

bool lg_outcome_report(const lg_outcome *o, const char *path, bool verbose, size_t *failed, size_t *processed)
{
	if (o->status != LG_OK) {
		lg_say(path, "%s", o->err);
		(*failed)++;
		return false;
	}
	(*processed)++;
	if (o->warnings && verbose)
		lg_print_file_warnings(path, o->warnings);
	return true;
}

void lg_outcome_release(lg_outcome *o)
{
	free(o->warnings);
	o->warnings = NULL;
}

int lg_choice(const char *cmd, const char *what, const char *arg, const char *const *names)
{
	size_t n = 0;
	for (; names[n]; n++)
		if (strcmp(arg, names[n]) == 0)
			return (int)n;
	lg_buf list = LG_BUF_INIT;
	for (size_t i = 0; i < n; i++)
		lg_buf_addf(&list, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", names[i]);
	lg_usage_error(cmd, "unknown %s '%s' (use %s)", what, arg, list.s);
	lg_buf_release(&list);
	return -1;
}
