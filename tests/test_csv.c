#include "test.h"
Suite *suite_csv(void)
{
	return suite_create("csv");
}
