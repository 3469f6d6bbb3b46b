/* cmd_indicators: `lgtrend indicators` -- the vocabulary in use. */
#include <string.h>

#include "cmd.h"
#include "lg_csv.h"

static const char usage[] =
	"Usage: lgtrend indicators [OPTION]...\n"
	"List the indicators of the vocabulary: name, id, canonical unit, the units\n"
	"accepted, and what it counts.  With --vocab FILE, the vocabulary as extended.\n"
	"\n"
	"  -f, --format FMT         text (default) or csv\n"
	"%s"
	"\n"
	"%s";

/* Print s padded to width display columns (CJK characters are two wide). */
static void pad(const char *s, int width)
{
	int cols = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x80)
			cols++;
		else if ((*p & 0xC0) == 0xC0)
			cols += *p >= 0xE0 ? 2 : 1;
	}
	printf("%s", s);
	for (int i = cols; i < width; i++)
		putchar(' ');
	putchar(' ');
}

int cmd_indicators(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		LG_COMMON_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	lg_session s;
	lg_session_init(&s, "indicators", usage, argv);
	int opt, fmt = 0;
	optind = 1;
	while ((opt = getopt_long(argc, argv, ":f:j:qh", longopts, NULL)) != -1) {
		int code, h = lg_session_option(&s, opt, optarg, &code);
		if (h == LG_OPT_EXIT)
			return code;
		if (h == LG_OPT_MINE)
			continue;
		switch (opt) {
		case 'f': {
			static const char *const formats[] = { "text", "csv", NULL };
			if ((fmt = lg_choice("indicators", "format", optarg, formats)) < 0)
				return LG_EXIT_USAGE;
			break;
		}
		default:
			return lg_usage_error(s.cmd, "unknown option");
		}
	}
	if (optind < argc)
		return lg_usage_error("indicators", "unexpected argument '%s'", argv[optind]);
	int ret = lg_session_open(&s, NULL, 0, false);
	if (ret != LG_EXIT_OK) {
		lg_session_close(&s);
		return ret;
	}
	lg_csv_opts co = { ',', false, false, false };
	lg_csv *csv = fmt ? lg_csv_new(stdout, &co) : NULL;
	if (csv) {
		static const char *const head[] = { "indicator", "id", "unit", "same", "accept", "proxy", "aliases",
						     "description" };
		for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
			lg_csv_text(csv, head[i]);
		lg_csv_endrow(csv);
	}
	for (size_t i = 0; i < lg_vocab_count(s.vocab); i++) {
		const lg_indicator *d = lg_vocab_get(s.vocab, i);
		lg_buf same = LG_BUF_INIT, acc = LG_BUF_INIT, al = LG_BUF_INIT;
		for (size_t k = 0; k < d->nalias; k++)
			lg_buf_addf(&al, "%s%s", k ? " " : "", d->alias[k]);
		for (size_t k = 0; k < d->nsame; k++)
			lg_buf_addf(&same, "%s%s", k ? " " : "", d->same[k]);
		for (size_t k = 0; k < d->naccept; k++)
			lg_buf_addf(&acc, "%s%s", k ? " " : "", d->accept[k]);
		if (csv) {
			lg_csv_text(csv, d->name);
			lg_csv_text(csv, d->id);
			lg_csv_text(csv, d->unit);
			lg_csv_text(csv, same.s);
			lg_csv_text(csv, acc.s);
			lg_csv_text(csv, d->proxy ? d->proxy : "");
			lg_csv_text(csv, al.s);
			lg_csv_text(csv, d->desc ? d->desc : "");
			lg_csv_endrow(csv);
		} else {
			pad(d->name, 14);
			pad(d->id, 22);
			pad(d->unit, 6);
			printf("%s", d->desc ? d->desc : "");
			if (d->proxy)
				printf("  (stand-in: %s)", d->proxy);
			if (d->nalias)
				printf("  [also: %s]", al.s);
			printf("\n");
		}
		lg_buf_release(&same);
		lg_buf_release(&acc);
		lg_buf_release(&al);
	}
	if (csv) {
		if (lg_csv_flush(csv) != LG_OK)
			ret = LG_EXIT_OUTPUT;
		lg_csv_free(csv);
	}
	lg_session_close(&s);
	return ret;
}
