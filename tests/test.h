/* Shared by the Check suites: one Suite per module, run by check_main.c. */
#ifndef LG_TEST_H
#define LG_TEST_H

#include <check.h>

Suite *suite_dec(void);
Suite *suite_units(void);
Suite *suite_read(void);
Suite *suite_vocab(void);
Suite *suite_relit(void);
Suite *suite_meta(void);
Suite *suite_extract(void);
Suite *suite_series(void);
Suite *suite_csv(void);
Suite *suite_gnuplot(void);
Suite *suite_gold(void);
Suite *suite_e2e(void);



/* helpers.c */
#include <stddef.h>
#include "lg_buf.h"
#include "lg_vocab.h"
#include "lg_meta.h"

/* Path of a file in the source tree (LGTREND_SRCDIR, default "."). */
const char *t_path(const char *rel);
/* Whole file into b; false when it cannot be read. */
int t_slurp(const char *path, lg_buf *b);
/* Write bytes to a file; aborts the test on failure. */
void t_write(const char *path, const void *data, size_t n);
/* The built-in vocabulary, compiled once per process. */
const lg_vocab *t_vocab(void);
const lg_meta *t_meta(void);
/* A fresh temporary directory (removed by t_rmtree). */
char *t_tmpdir(void);
void t_rmtree(const char *dir);
/* Run a command line through /bin/sh; capture stdout and stderr; return
 * the exit status.  ${LGTREND_BIN} and ${LGTREND_WRAP} are in its env. */
int t_run(const char *cmd, lg_buf *out, lg_buf *err);
#endif
