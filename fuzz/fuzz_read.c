/* libFuzzer harness: the reader and normaliser.  Any bytes, any forced
 * encoding; the offset map must stay inside the original and monotonic. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lg_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static lg_text t;
	static int init;
	if (!init) {
		lg_text_init(&t);
		init = 1;
	}
	lg_encoding enc = LG_ENC_AUTO;
	if (size > 0) {
		/* the first byte picks a forced encoding now and then */
		static const lg_encoding encs[] = { LG_ENC_AUTO, LG_ENC_AUTO, LG_ENC_AUTO, LG_ENC_UTF8,
						    LG_ENC_GB18030, LG_ENC_UTF16LE, LG_ENC_UTF16BE, LG_ENC_AUTO };
		enc = encs[data[0] & 7];
	}
	/* the next bit: the 16-byte UTF-8 path even where AVX2 is there */
	lg_set_avx2(!(size > 0 && (data[0] & 8)));
	lg_err err;
	if (lg_read_bytes(&t, data, size, enc, &err) != LG_OK)
		return 0;
	if (t.s[t.n] != '\0' || memchr(t.s, '\0', t.n))
		abort();
	size_t prev = 0;
	for (size_t i = 0; i <= t.n; i++) {
		size_t o = lg_text_orig_offset(&t, i);
		if (o > size || o < prev)
			abort();
		prev = o;
	}
	return 0;
}
