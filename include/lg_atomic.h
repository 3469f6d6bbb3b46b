/* lg_atomic: write a file so that readers only ever see the old file or the
 * complete new one.  Output goes to a hidden temporary file next to the
 * target (".NAME.tmp-PID-N") and is renamed over it on commit; an error,
 * lg_atomic_abort, SIGINT/SIGTERM/SIGHUP/SIGPIPE all remove the temporary
 * file and leave the target untouched.
 *
 * Ownership: lg_atomic_open fills a caller-owned lg_atomic; exactly one of
 * lg_atomic_commit or lg_atomic_abort must follow, and releases it.
 */
#ifndef LG_ATOMIC_H
#define LG_ATOMIC_H

#include <stdio.h>

#include "lg_common.h"

typedef struct {
	char *path;  /* the target */
	char *tmp;   /* the temporary file */
	FILE *fp;    /* open on tmp */
	int slot;    /* signal-cleanup registry slot */
} lg_atomic;

/* Install the signal handlers once per process (idempotent). */
void lg_atomic_init(void);
lg_status lg_atomic_open(lg_atomic *a, const char *path, lg_err *err);
lg_status lg_atomic_commit(lg_atomic *a, lg_err *err);
void lg_atomic_abort(lg_atomic *a);
/* A temporary path in the target's directory (for files written by other
 * programs, e.g. gnuplot), registered for cleanup; free with
 * lg_atomic_tmp_release after renaming or removing it. */
char *lg_atomic_tmp_path(const char *path, int *slot);
void lg_atomic_tmp_release(char *tmp, int slot);

#endif
