#include "test.h"
Suite *suite_gnuplot(void)
{
	return suite_create("gnuplot");
}
