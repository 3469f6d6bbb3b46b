# lgtrend -- see README.md.
#   make demo     build, then export the 罚款 chart from seeds/ into plots/
#   make check    build and run the test suite (unit + end-to-end)
#   make asan     the test suite under AddressSanitizer + UndefinedBehaviorSanitizer
#   make valgrind end-to-end tests under valgrind (no leaks, no errors)
#   make fuzz     libFuzzer harnesses (clang), FUZZ_SECONDS per harness
#   make bench    timing against ripgrep on a generated 200 MB corpus
#   make install / uninstall (PREFIX, DESTDIR), clean, format, lint

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/lgtrend
MANDIR ?= $(PREFIX)/share/man/man1
DESTDIR ?=

CC ?= cc
CFLAGS ?= -O2 -g
WARN := -std=c11 -Wall -Wextra -Werror -Wpedantic -Wshadow -Wstrict-prototypes -Wno-overlength-strings
CPPFLAGS_ALL = -D_GNU_SOURCE -Iinclude -Isrc $(shell pkg-config --cflags libpcre2-8 2>/dev/null) $(CPPFLAGS)
LIBS = $(shell pkg-config --libs libpcre2-8 2>/dev/null || echo -lpcre2-8) -lcsv -lm -pthread
CHECK_CFLAGS = $(shell pkg-config --cflags check 2>/dev/null)
# tests build paths with snprintf into fixed buffers on purpose (gcc only)
TEST_WARN = -Wno-pedantic $(shell $(CC) -Werror -Wno-format-truncation -x c -c /dev/null -o /dev/null 2>/dev/null && echo -Wno-format-truncation)
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lrt -lm)

BUILD ?= build
LIB_SRC := src/buf.c src/common.c src/dec.c src/read.c src/units.c src/relit.c src/vocab.c src/meta.c \
	src/extract.c src/series.c src/export_csv.c src/export_gnuplot.c src/atomic.c src/corpus.c
CMD_SRC := src/main.c src/cmd_common.c src/cmd_extract.c src/cmd_export.c src/cmd_info.c src/cmd_indicators.c
TEST_SRC := $(wildcard tests/test_*.c) tests/helpers.c tests/check_main.c
GEN_SRC := $(BUILD)/vocab_data.c $(BUILD)/places_data.c

LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/%.o) $(GEN_SRC:.c=.o)
CMD_OBJ := $(CMD_SRC:src/%.c=$(BUILD)/%.o)
TEST_OBJ := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%.o)
HEADERS := $(wildcard include/*.h) src/cmd.h

BIN ?= lgtrend

# quiet build lines; make V=1 shows the commands
V ?= 0
ifeq ($(V),0)
Q = @
SAY = @printf '  %-6s %s\n'
else
Q =
SAY = @true
endif

.PHONY: all deps check asan ubsan valgrind fuzz bench demo install uninstall clean format lint
.DELETE_ON_ERROR:

all: $(BIN)

# Install missing Debian packages (pcre2, libcsv, check, gnuplot, CJK fonts).
deps:
	@sh tools/bootstrap.sh

$(BUILD)/embed: tools/embed.c | deps
	@mkdir -p $(BUILD)
	$(SAY) CC $@
	$(Q)$(CC) -O1 -o $@ $<

$(BUILD)/vocab_data.c: data/vocab.conf $(BUILD)/embed
	$(SAY) EMBED $<
	$(Q)$(BUILD)/embed lg_vocab_default_text lg_vocab_default_len $< $@

$(BUILD)/places_data.c: data/places.txt $(BUILD)/embed
	$(SAY) EMBED $<
	$(Q)$(BUILD)/embed lg_places_text lg_places_len $< $@

$(BUILD)/%.o: src/%.c $(HEADERS) | deps
	@mkdir -p $(BUILD)
	$(SAY) CC $<
	$(Q)$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS_ALL) -c -o $@ $<

$(BUILD)/%_data.o: $(BUILD)/%_data.c
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/liblgtrend.a: $(LIB_OBJ)
	$(SAY) AR $@
	$(Q)$(AR) rcs $@ $^

$(BIN): $(CMD_OBJ) $(BUILD)/liblgtrend.a
	$(SAY) LINK $@
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CMD_OBJ) $(BUILD)/liblgtrend.a $(LIBS)

$(BUILD)/tests/%.o: tests/%.c $(HEADERS) tests/test.h | deps
	@mkdir -p $(BUILD)/tests
	$(SAY) CC $<
	$(Q)$(CC) $(WARN) $(TEST_WARN) $(CFLAGS) $(CPPFLAGS_ALL) $(CHECK_CFLAGS) -c -o $@ $<

$(BUILD)/check_lgtrend: $(TEST_OBJ) $(BUILD)/liblgtrend.a
	$(SAY) LINK $@
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(TEST_OBJ) $(BUILD)/liblgtrend.a $(CHECK_LIBS) $(LIBS)

# The test suite: unit tests per module, the case files in tests/cases,
# the seed gold file, and end-to-end runs of the binary against tests/golden.
check: $(BIN) $(BUILD)/check_lgtrend
	LGTREND_BIN=./$(BIN) $(BUILD)/check_lgtrend

SAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
asan ubsan:
	$(MAKE) BUILD=build-asan BIN=build-asan/lgtrend CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" check

VALGRIND = $(shell command -v valgrind || echo valgrind) --leak-check=full --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 -q
valgrind: $(BIN) $(BUILD)/check_lgtrend
	CK_FORK=no LGTREND_NO_JIT=1 LGTREND_BIN=./$(BIN) LGTREND_WRAP="$(VALGRIND)" CK_RUN_SUITE=e2e $(BUILD)/check_lgtrend

FUZZ_SECONDS ?= 60
FUZZ_HARNESSES := read units extract relit
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
fuzz:
	@mkdir -p build-fuzz
	@for h in $(FUZZ_HARNESSES); do \
	  clang $(FUZZ_FLAGS) -D_GNU_SOURCE -Iinclude -Isrc $$(pkg-config --cflags libpcre2-8) -o build-fuzz/fuzz_$$h \
	    fuzz/fuzz_$$h.c $(LIB_SRC) $(GEN_SRC) $(LIBS) || exit 1; \
	done
	@for h in $(FUZZ_HARNESSES); do \
	  mkdir -p build-fuzz/corpus_$$h; sh fuzz/seed.sh $$h build-fuzz/corpus_$$h; \
	  echo "fuzz: $$h for $(FUZZ_SECONDS)s"; \
	  build-fuzz/fuzz_$$h -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	    -artifact_prefix=build-fuzz/crash_$$h- build-fuzz/corpus_$$h fuzz/regressions/$$h \
	    > build-fuzz/$$h.log 2>&1; rc=$$?; \
	  grep -E '^Done [0-9]+ runs' build-fuzz/$$h.log; \
	  if [ $$rc -ne 0 ]; then tail -n 40 build-fuzz/$$h.log; \
	    echo "fuzz: $$h failed (exit $$rc); the input is in build-fuzz/crash_$$h-*, the log in build-fuzz/$$h.log"; exit 1; fi; \
	done
fuzz: $(GEN_SRC)

bench: $(BIN)
	@LGTREND_BENCH=1 sh tools/bootstrap.sh
	sh bench/run.sh ./$(BIN)

# The main job on the seeds: the 罚款 series as CSV and chart in plots/.
demo: $(BIN)
	./$(BIN) export --indicator 罚款
	@echo "demo: wrote plots/罚款.csv, plots/罚款.wide.csv, plots/罚款.gp and plots/罚款.png"

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/lgtrend
	install -m 644 data/vocab.conf $(DESTDIR)$(DATADIR)/vocab.conf
	install -m 644 lgtrend.1 $(DESTDIR)$(MANDIR)/lgtrend.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/lgtrend $(DESTDIR)$(DATADIR)/vocab.conf $(DESTDIR)$(MANDIR)/lgtrend.1
	-rmdir $(DESTDIR)$(DATADIR) 2>/dev/null

clean:
	rm -rf build build-asan build-fuzz $(BIN) bench/corpus*

format:
	clang-format -i src/*.c src/*.h include/*.h tests/*.c tests/*.h fuzz/*.c tools/*.c

lint:
	cppcheck --quiet --inline-suppr --enable=warning,performance,portability --error-exitcode=1 \
	  --suppress=missingIncludeSystem -D_GNU_SOURCE -Iinclude -Isrc src
