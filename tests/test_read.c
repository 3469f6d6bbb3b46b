#include "test.h"
Suite *suite_read(void)
{
	return suite_create("read");
}
