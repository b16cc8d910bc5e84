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
# The fuzz targets (see `fuzz` below), replayed by `make check`.
FUZZ_NAMES := ical scenario csv rotation
REPLAYBIN := $(FUZZ_NAMES:%=build/obj/tests/fuzz/replay_%)
REPLAYSANBIN := $(FUZZ_NAMES:%=build/san/tests/fuzz/replay_%)

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
check: iopsched build/san/iopsched $(TESTBIN) $(TESTSANBIN) $(REPLAYBIN) \
	$(REPLAYSANBIN) build/compile_commands.json
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

# Fuzz targets (tests/fuzz/fuzz_<name>.c), each with a seed corpus in
# tests/fuzz/corpus/<name> and the inputs it once crashed on in
# tests/fuzz/regress/<name>.  `make check` replays both through every
# target built without libFuzzer, plain and sanitized (tests/fuzz/replay.c).
build/obj/tests/fuzz/replay_%: build/obj/tests/fuzz/fuzz_%.o \
    build/obj/tests/fuzz/replay.o build/obj/tests/fuzz/fuzz_util.o $(LIBOBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS)

build/san/tests/fuzz/replay_%: build/san/tests/fuzz/fuzz_%.o \
    build/san/tests/fuzz/replay.o build/san/tests/fuzz/fuzz_util.o $(LIBSANOBJ)
	$(CC) $(SAN_CFLAGS) -o $@ $^ $(LIBS)

# libFuzzer needs clang (Debian: apt-get install clang).  `make fuzz` runs
# each of FUZZ_TARGETS in turn, never two at once, for FUZZ_SECONDS on a
# scratch copy of its seed corpus (tests/fuzz/run.sh); crashes land in
# build/fuzz/.  The library is instrumented for coverage and sanitizers
# and archived, so each target links only what it reaches.
FUZZ_CC	?= clang
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= $(FUZZ_NAMES)
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
FUZZ_CFLAGS := -std=c11 -D_GNU_SOURCE -DIOPSCHED_VERSION=\"$(VERSION)\" \
	$(WARN) -MMD -MP -Iengine -Icalendars -Icmd $(PKG_CFLAGS) -g -O1 \
	-fsanitize=fuzzer-no-link $(FUZZ_SAN)
FUZZ_LIBOBJ := $(LIBSRCS:%.c=build/fuzz/obj/%.o) build/fuzz/obj/$(GENSRC:.c=.o)
FUZZBIN	:= $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)

build/fuzz/obj/%.o: %.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

build/fuzz/libiopsched.a: $(FUZZ_LIBOBJ)
	rm -f $@
	ar rcs $@ $(FUZZ_LIBOBJ)

build/fuzz/fuzz_%: build/fuzz/obj/tests/fuzz/fuzz_%.o \
    build/fuzz/obj/tests/fuzz/fuzz_util.o build/fuzz/libiopsched.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(LIBS)

fuzz: $(FUZZBIN)
	@for t in $(FUZZ_TARGETS); do \
	    tests/fuzz/run.sh $$t $(FUZZ_SECONDS) || exit 1; \
	done

install: iopsched
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 0755 iopsched $(DESTDIR)$(BINDIR)/iopsched
	install -m 0644 iopsched.1 $(DESTDIR)$(MANDIR)/man1/iopsched.1

clean:
	rm -rf build iopsched

.SECONDARY:

-include $(OBJ:.o=.d) $(SANOBJ:.o=.d) $(TESTS:%.c=build/obj/%.d) \
	$(TESTS:%.c=build/san/%.d) $(TSUPOBJ:.o=.d) $(TSUPSANOBJ:.o=.d) \
	build/obj/tests/bench/bench_expand.d $(wildcard build/obj/tests/fuzz/*.d \
	build/san/tests/fuzz/*.d) $(FUZZ_LIBOBJ:.o=.d) \
	$(wildcard build/fuzz/obj/tests/fuzz/*.d)
