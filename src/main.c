/* main: the command table.  Each subcommand parses its own options (see
 * cmd_*.c); this file only dispatches and prints the top-level help. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"

static const char usage[] =
	"Usage: lgtrend COMMAND [OPTION]... [PATH]...\n"
	"Turn the yearly 法治政府建设 reports of emergency-management bureaus into\n"
	"year-over-year indicator series, CSV files and charts.\n"
	"\n"
	"Commands:\n"
	"  extract     print every figure found (CSV, TSV or JSON lines)\n"
	"  export      write one indicator's series as CSV and a gnuplot chart\n"
	"  info        show the agency, year, period and encoding read from each file\n"
	"  indicators  list the indicator vocabulary\n"
	"\n"
	"PATHs are report files or directories (read recursively, *.txt); without\n"
	"one, ./seeds.  'lgtrend COMMAND --help' describes each command.\n"
	"\n"
	"Example:\n"
	"  lgtrend export --indicator 罚款        # plots/罚款.csv, .wide.csv, .gp, .png\n"
	"\n"
	"%s";

static const struct {
	const char *name;
	int (*fn)(int, char **);
} commands[] = {
	{ "export", cmd_export },
	{ "extract", cmd_extract },
	{ "indicators", cmd_indicators },
	{ "info", cmd_info },
};

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "lgtrend: no command given\nTry 'lgtrend --help' for more information.\n");
		return LG_EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
		if (argc > 2 && strcmp(cmd, "help") == 0) {
			char *hv[] = { argv[2], "--help", NULL };
			for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
				if (!strcmp(argv[2], commands[i].name))
					return commands[i].fn(2, hv);
		}
		printf(usage, lg_exit_codes_help);
		return LG_EXIT_OK;
	}
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
		printf("lgtrend %s\n", LG_VERSION);
		return LG_EXIT_OK;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(cmd, commands[i].name))
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "lgtrend: '%s' is not a command\nTry 'lgtrend --help' for more information.\n", cmd);
	return LG_EXIT_USAGE;
}
