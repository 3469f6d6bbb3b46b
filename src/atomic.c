/* atomic: temporary-file-and-rename output, with cleanup on signals, so an
 * interrupted run never leaves a half-written or clobbered output. */
#include "lg_atomic.h"

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lg_buf.h"

#define SLOTS 64
static char *volatile registry[SLOTS];
static volatile sig_atomic_t installed;
static unsigned counter;

static void on_signal(int sig)
{
	for (int i = 0; i < SLOTS; i++) {
		char *p = registry[i];
		if (p)
			unlink(p);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

void lg_atomic_init(void)
{
	if (installed)
		return;
	installed = 1;
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(sigs[i], &sa, NULL);
	}
}

static int reg_add(char *p)
{
	for (int i = 0; i < SLOTS; i++) {
		if (!registry[i]) {
			registry[i] = p;
			return i;
		}
	}
	return -1;
}

static void reg_del(int slot)
{
	if (slot >= 0 && slot < SLOTS)
		registry[slot] = NULL;
}

char *lg_atomic_tmp_path(const char *path, int *slot)
{
	const char *base = strrchr(path, '/');
	size_t dirlen = base ? (size_t)(base - path) + 1 : 0;
	base = base ? base + 1 : path;
	lg_buf b = LG_BUF_INIT;
	lg_buf_add(&b, path, dirlen);
	lg_buf_addf(&b, ".%s.tmp-%ld-%u", base, (long)getpid(), counter++);
	char *tmp = lg_buf_detach(&b, NULL);
	*slot = reg_add(tmp);
	return tmp;
}

void lg_atomic_tmp_release(char *tmp, int slot)
{
	reg_del(slot);
	free(tmp);
}

lg_status lg_atomic_open(lg_atomic *a, const char *path, lg_err *err)
{
	memset(a, 0, sizeof *a);
	a->path = lg_xstrdup(path);
	a->tmp = lg_atomic_tmp_path(path, &a->slot);
	a->fp = fopen(a->tmp, "wbx");
	if (!a->fp) {
		lg_err_set(err, "cannot create '%s': %s", a->tmp, strerror(errno));
		lg_atomic_tmp_release(a->tmp, a->slot);
		free(a->path);
		memset(a, 0, sizeof *a);
		return LG_ERR_IO;
	}
	return LG_OK;
}

void lg_atomic_abort(lg_atomic *a)
{
	if (a->fp)
		fclose(a->fp);
	if (a->tmp) {
		unlink(a->tmp);
		lg_atomic_tmp_release(a->tmp, a->slot);
	}
	free(a->path);
	memset(a, 0, sizeof *a);
}

lg_status lg_atomic_commit(lg_atomic *a, lg_err *err)
{
	bool bad = fflush(a->fp) != 0 || ferror(a->fp);
	int e = errno;
	if (fclose(a->fp) != 0 && !bad) {
		bad = true;
		e = errno;
	}
	a->fp = NULL;
	if (bad) {
		lg_err_set(err, "cannot write '%s': %s", a->path, strerror(e));
		lg_atomic_abort(a);
		return LG_ERR_IO;
	}
	if (rename(a->tmp, a->path) != 0) {
		lg_err_set(err, "cannot rename onto '%s': %s", a->path, strerror(errno));
		lg_atomic_abort(a);
		return LG_ERR_IO;
	}
	lg_atomic_tmp_release(a->tmp, a->slot);
	free(a->path);
	memset(a, 0, sizeof *a);
	return LG_OK;
}
