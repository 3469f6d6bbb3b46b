#include "test.h"
Suite *suite_meta(void)
{
	return suite_create("meta");
}
