/* Shared by the Check suites: one Suite per module, run by check_main.c. */
#ifndef LG_TEST_H
#define LG_TEST_H

#include <check.h>

Suite *suite_dec(void);
Suite *suite_units(void);
Suite *suite_read(void);
Suite *suite_vocab(void);
Suite *suite_meta(void);
Suite *suite_extract(void);
Suite *suite_series(void);
Suite *suite_csv(void);
Suite *suite_gnuplot(void);
Suite *suite_gold(void);
Suite *suite_e2e(void);

#endif
