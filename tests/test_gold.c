#include "test.h"
Suite *suite_gold(void)
{
	return suite_create("gold");
}
