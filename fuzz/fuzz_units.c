/* libFuzzer harness: the number/unit tokenizer on arbitrary clean text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lg_read.h"
#include "lg_units.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static lg_text t;
	static int init;
	if (!init) {
		lg_text_init(&t);
		init = 1;
	}
	lg_err err;
	/* through the reader, so the tokenizer sees what it always sees */
	if (lg_read_bytes(&t, data, size, LG_ENC_UTF8, &err) != LG_OK)
		return 0;
	char buf[LG_DEC_FMTMAX];
	for (size_t i = 0; i < t.n; i++) {
		if (!lg_units_can_start(t.s, t.n, i))
			continue;
		lg_qty q;
		if (!lg_units_scan(t.s, t.n, 0, i, &q))
			continue;
		if (q.end > t.n || q.end < q.num_end || q.num_start != i || q.start > i)
			abort();
		if (q.st == LG_OK)
			lg_dec_format(&q.value, buf);
		unsigned long long v;
		lg_units_parse_cn(t.s + i, q.num_end - i, &v);
	}
	return 0;
}
