/* The test runner: every module's suite.  CK_RUN_SUITE=name runs one. */
#include <stdlib.h>

#include "test.h"

int main(void)
{
	SRunner *sr = srunner_create(suite_dec());
	srunner_add_suite(sr, suite_units());
	srunner_add_suite(sr, suite_read());
	srunner_add_suite(sr, suite_relit());
	srunner_add_suite(sr, suite_vocab());
	srunner_add_suite(sr, suite_meta());
	srunner_add_suite(sr, suite_extract());
	srunner_add_suite(sr, suite_series());
	srunner_add_suite(sr, suite_csv());
	srunner_add_suite(sr, suite_gnuplot());
	srunner_add_suite(sr, suite_gold());
	srunner_add_suite(sr, suite_e2e());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
