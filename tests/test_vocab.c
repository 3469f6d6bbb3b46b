#include "test.h"
Suite *suite_vocab(void)
{
	return suite_create("vocab");
}
