#include "test.h"
Suite *suite_units(void)
{
	return suite_create("units");
}
