# iopsched: see README.md.  `make` builds ./iopsched; `make check` runs every
# test, in a plain build and under AddressSanitizer + UBSan.

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
DESTDIR	?=
CC	?= cc
SANITIZE ?= address,undefined
PKG_CONFIG ?= pkg-config

PKGS	:= libical sqlite3 libcjson
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)
# libcsv ships no .pc file: plain flags.
CSV_LIBS := -lcsv

WARN	:= -Wall -Wextra -Wformat=2 -Wstrict-prototypes -Wwrite-strings -Wvla
CFLAGS	?= -O2 -g
VERSION := 0.1.0
ALL_CFLAGS := -std=c11 -D_GNU_SOURCE -DIOPSCHED_VERSION=\"$(VERSION)\" $(WARN) -MMD -MP -Iengine -Icalendars -Icmd \
	$(PKG_CFLAGS) $(CFLAGS)
SAN_CFLAGS := $(ALL_CFLAGS) -O1 -fsanitize=$(SANITIZE) -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
# GLPK ships no .pc file either: plain flags.
LIBS	:= $(PKG_LIBS) $(CSV_LIBS) -lglpk -lm

SRCS	:= $(sort $(wildcard engine/*.c calendars/*.c cmd/*.c))
LIBSRCS	:= $(filter-out cmd/main.c,$(SRCS))
TSUPPORT := $(sort $(filter-out tests/unit/test_%.c,$(wildcard tests/unit/*.c)))
TESTS	:= $(sort $(wildcard tests/unit/test_*.c))

# The demo fixture, embedded into the binary (fixtures/embed.sh).
DEMO_FILES := $(shell find fixtures/demo -type f ! -name README.md 2>/dev/null)
GENSRC	:= build/gen/demo_files.c

OBJ	:= $(SRCS:%.c=build/obj/%.o) build/obj/$(GENSRC:.c=.o)
SANOBJ	:= $(SRCS:%.c=build/san/%.o) build/san/$(GENSRC:.c=.o)
LIBOBJ	:= $(LIBSRCS:%.c=build/obj/%.o) build/obj/$(GENSRC:.c=.o)
LIBSANOBJ := $(LIBSRCS:%.c=build/san/%.o) build/san/$(GENSRC:.c=.o)
TSUPOBJ	:= $(TSUPPORT:%.c=build/obj/%.o)
TSUPSANOBJ := $(TSUPPORT:%.c=build/san/%.o)
TESTBIN	:= $(TESTS:%.c=build/obj/%)
TESTSANBIN := $(TESTS:%.c=build/san/%)

.PHONY: all check check-unit check-cli demo install clean bench fuzz lint

all: iopsched

iopsched: $(OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $(OBJ) $(LIBS)

build/san/iopsched: $(SANOBJ)
	$(CC) $(SAN_CFLAGS) -o $@ $(SANOBJ) $(LIBS)

$(GENSRC): fixtures/embed.sh $(DEMO_FILES)
	@mkdir -p $(@D)
	fixtures/embed.sh $@

build/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -c $< -o $@

build/san/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(SAN_CFLAGS) $(CMOCKA_CFLAGS) -c $< -o $@

build/obj/tests/unit/%: build/obj/tests/unit/%.o $(TSUPOBJ) $(LIBOBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(CMOCKA_LIBS) $(LIBS)

build/san/tests/unit/%: build/san/tests/unit/%.o $(TSUPSANOBJ) $(LIBSANOBJ)
	$(CC) $(SAN_CFLAGS) -o $@ $^ $(CMOCKA_LIBS) $(LIBS)

# Every test, plain and sanitized; tests/run prints the overall tally.
check: iopsched build/san/iopsched $(TESTBIN) $(TESTSANBIN) \
	build/compile_commands.json
	@tests/run "$(TESTBIN)" "$(TESTSANBIN)"

check-unit: $(TESTBIN)
	@tests/run "$(TESTBIN)" "" unit-only

check-cli: iopsched
	@tests/run "" "" cli-only

demo: iopsched
	./iopsched demo

# cppcheck and clang-tidy (tests/lint/run) read each file's flags, the
# build's own, from build/compile_commands.json.
LINT_SRCS := $(SRCS) $(TSUPPORT) $(TESTS) tests/bench/bench_expand.c \
	tests/fuzz/fuzz_ical.c

build/compile_commands.json: Makefile tests/lint/compdb $(LINT_SRCS)
	@mkdir -p $(@D)
	@tests/lint/compdb $@ $(CC) $(filter-out -MMD -MP,$(ALL_CFLAGS)) \
	    $(CMOCKA_CFLAGS) -- $(LINT_SRCS)

lint: build/compile_commands.json
	@tests/lint/run

# tests/bench/run runs every benchmark case and prints one table.
bench: iopsched build/obj/tests/bench/bench_expand
	@tests/bench/run

build/obj/tests/bench/bench_expand: build/obj/tests/bench/bench_expand.o $(LIBOBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

# libFuzzer needs clang (Debian: apt-get install clang).  `make fuzz` runs
# the iCalendar importer's target for FUZZ_SECONDS on a scratch copy of the
# seed corpus, tests/fuzz/corpus/ical; crashes land in build/fuzz/.
FUZZ_CC	?= clang
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS := -std=c11 -D_GNU_SOURCE -g -O1 $(WARN) -Iengine -Icalendars \
	$(PKG_CFLAGS) -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_ICAL_SRCS := tests/fuzz/fuzz_ical.c $(wildcard calendars/*.c) \
	engine/civil.c engine/xmalloc.c

build/fuzz/fuzz_ical: $(FUZZ_ICAL_SRCS) $(wildcard calendars/*.h engine/*.h)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $(FUZZ_ICAL_SRCS) $(PKG_LIBS) -lm

fuzz: build/fuzz/fuzz_ical
	@rm -rf build/fuzz/corpus-ical && mkdir -p build/fuzz/corpus-ical
	@cp tests/fuzz/corpus/ical/* build/fuzz/corpus-ical/
	build/fuzz/fuzz_ical -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	    -timeout=10 -rss_limit_mb=2048 -artifact_prefix=build/fuzz/ \
	    -dict=tests/fuzz/ical.dict \
	    build/fuzz/corpus-ical

install: iopsched
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 0755 iopsched $(DESTDIR)$(BINDIR)/iopsched
	install -m 0644 iopsched.1 $(DESTDIR)$(MANDIR)/man1/iopsched.1

clean:
	rm -rf build iopsched

.SECONDARY:

-include $(OBJ:.o=.d) $(SANOBJ:.o=.d) $(TESTS:%.c=build/obj/%.d) \
	$(TESTS:%.c=build/san/%.d) $(TSUPOBJ:.o=.d) $(TSUPSANOBJ:.o=.d) \
	build/obj/tests/bench/bench_expand.d
