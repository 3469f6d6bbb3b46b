/* libFuzzer harness: the literal strings read from a pattern never turn
 * away a subject the pattern matches.  Input: the pattern, a newline, the
 * subject. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lg_relit.h"

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	if (!nl || memchr(data, '\0', (size_t)(nl - data)))
		return 0;
	char *pat = malloc((size_t)(nl - data) + 1);
	memcpy(pat, data, (size_t)(nl - data));
	pat[nl - data] = '\0';
	const char *s = (const char *)nl + 1;
	size_t n = size - (size_t)(nl - data) - 1;
	const uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_DOTALL;
	int ec;
	PCRE2_SIZE eo;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, opts, &ec, &eo, NULL);
	lg_relit *l = lg_relit_new(pat, opts); /* whether or not PCRE2 takes it */
	if (re) {
		pcre2_match_context *mc = pcre2_match_context_create(NULL);
		pcre2_set_match_limit(mc, 100000);
		pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
		/* a subject PCRE2 refuses (not UTF-8) matches nothing */
		int rc = pcre2_match(re, (PCRE2_SPTR)s, n, 0, 0, md, mc);
		if (rc >= 0 && !lg_relit_may_match(l, s, n))
			abort();
		pcre2_match_data_free(md);
		pcre2_match_context_free(mc);
		pcre2_code_free(re);
	}
	lg_relit_free(l);
	free(pat);
	return 0;
}
