#include "test.h"
Suite *suite_dec(void)
{
	return suite_create("dec");
}
