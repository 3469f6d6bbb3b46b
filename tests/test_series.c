#include "test.h"
Suite *suite_series(void)
{
	return suite_create("series");
}
