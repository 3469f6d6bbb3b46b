#include "test.h"
Suite *suite_e2e(void)
{
	return suite_create("e2e");
}
