/* common: the error record and status names shared by every module. */
#include "lg_common.h"

#include <stdarg.h>
#include <stdio.h>

void lg_err_set(lg_err *e, const char *fmt, ...)
{
	if (!e)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
}

static bool avx2_off;

bool lg_avx2(void)
{
#if defined(__x86_64__) && defined(__GNUC__)
	return !avx2_off && __builtin_cpu_supports("avx2");
#else
	return false;
#endif
}

void lg_set_avx2(bool on)
{
	avx2_off = !on;
}

const char *lg_status_name(lg_status st)
{
	switch (st) {
	case LG_OK: return "ok";
	case LG_ERR_IO: return "i/o error";
	case LG_ERR_EMPTY: return "empty";
	case LG_ERR_BINARY: return "binary";
	case LG_ERR_ENCODING: return "encoding";
	case LG_ERR_RANGE: return "range";
	case LG_ERR_SYNTAX: return "syntax";
	case LG_ERR_PATTERN: return "pattern";
	case LG_ERR_RENDER: return "render";
	}
	return "unknown";
}
