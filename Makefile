# keukentafel: `make site` builds the website and sheets into out/,
# `make check` runs every test. Both install what is missing first.

PREFIX ?= /usr/local
DESTDIR ?=
VERSION := 0.1.0
DATADIR := $(PREFIX)/share/keukentafel

CC ?= cc
PKGS := libcmark libxml-2.0 pangocairo pangoft2 fontconfig cairo-pdf \
	yaml-0.1 librsvg-2.0 \
	glib-2.0 gio-unix-2.0 libsoup-3.0 libqrencode zlib
# evaluated when used, so a fresh machine has the packages by then
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
# libstemmer (Snowball) has no .pc file in Debian
PKG_LIBS = $(shell pkg-config --libs $(PKGS)) -lstemmer -lhyphen -lm
CFLAGS ?= -O2 -g
WARN := -std=c17 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes
CPPFLAGS += -Igenerator -D_XOPEN_SOURCE=700 -DKT_VERSION='"$(VERSION)"' \
	-DKT_DATADIR='"$(DATADIR)"'

DEB_BUILD := build-essential pkg-config libcmark-dev libxml2-dev \
	libcairo2-dev libpango1.0-dev libyaml-dev librsvg2-dev libglib2.0-dev \
	libqrencode-dev libhyphen-dev zlib1g-dev libsoup-3.0-dev libstemmer-dev
DEB_RUN := fonts-noto-core hyphen-nl hyphen-en-us
DEB_TEST := poppler-utils qpdf zbar-tools chromium clang libclang-rt-14-dev \
	nginx valgrind cppcheck clang-tidy
DEB_BENCH := hugo weasyprint time poppler-utils

# B: the folder for objects and tests; check-asan and fuzz use their own
B ?= build
BIN ?= generator/keukentafel
SRC := $(sort $(wildcard generator/*.c generator/*/*.c))
OBJ := $(SRC:generator/%.c=$(B)/%.o)
LIB_OBJ := $(filter-out $(B)/main.o,$(OBJ))
TEST_SRC := $(sort $(wildcard tests/test_*.c))
TEST_BIN := $(TEST_SRC:tests/%.c=$(B)/tests/%)
TEST_UTIL := tests/util.c

.PHONY: layering all site check check-asan check-valgrind lint fuzz fuzz-smoke fuzz-bin bench deps-site deps-check deps-bench generator \
	tests install uninstall clean
.DEFAULT_GOAL := all

all: $(BIN)

site: deps-site
	@$(MAKE) --no-print-directory $(BIN)
	./$(BIN) build -C content -o out
	@echo "Open out/index.html in a browser, or host the folder out/ on any web server."

check: deps-check
	@$(MAKE) --no-print-directory $(BIN) tests fuzz-bin
	@tests/run.sh

# web and print never call each other, nor the PDF kit its printables
layering: $(OBJ)
	@tests/layering.sh $(B)

# the whole suite under AddressSanitizer and UndefinedBehaviorSanitizer
SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined
check-asan: deps-check
	@$(MAKE) --no-print-directory B=build-asan BIN=build-asan/keukentafel \
		CFLAGS="-O1 -g -fno-omit-frame-pointer $(SAN)" LDFLAGS="$(SAN)" \
		build-asan/keukentafel tests
	@ASAN_OPTIONS=detect_leaks=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1 \
	KT_BIN=build-asan/keukentafel TESTS=build-asan/tests tests/run.sh

# a full build (site and printables, two threads) under valgrind memcheck:
# 0 errors and 0 bytes definitely lost, or it fails
check-valgrind: deps-check
	@$(MAKE) --no-print-directory $(BIN)
	@rm -rf build/valgrind-out	# a full build, not one with nothing to do
	SOURCE_DATE_EPOCH=1700000000 valgrind --quiet --leak-check=full \
		--errors-for-leak-kinds=definite --show-possibly-lost=no \
		--error-exitcode=9 \
		--suppressions=tests/valgrind.supp \
		./$(BIN) build -q -j 2 -C tests/site -o build/valgrind-out \
		--klas tests/klas.csv --klassenmap build/valgrind-klas
	@echo "valgrind: 0 errors, 0 bytes definitely lost"

# static analysis of the project's own code: quiet means clean
lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
		--std=c11 --inline-suppr -Igenerator generator
	clang-tidy --quiet $(SRC) -- $(CPPFLAGS) -std=c17 $(PKG_CFLAGS) -Igenerator

# libFuzzer targets (clang): make fuzz runs each FUZZ_TIME seconds
FUZZ_TARGETS := yaml item site strings pdf
FUZZ_TIME ?= 60
FUZZ_SAN := -fsanitize=address,undefined
fuzz: deps-check fuzz-bin
	@fuzz/run.sh $(FUZZ_TIME)

fuzz-smoke: fuzz-bin
	@fuzz/run.sh smoke

fuzz-bin:
	@$(MAKE) --no-print-directory B=build-fuzz CC=clang \
		CFLAGS="-g -O1 -fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
		$(addprefix build-fuzz/fuzz/,$(FUZZ_TARGETS))

$(B)/fuzz/%: fuzz/%.c fuzz/common.h $(LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -g -O1 -fsanitize=fuzzer $(FUZZ_SAN) $(PKG_CFLAGS) \
		-Igenerator -Ifuzz -o $@ $< $(LIB_OBJ) $(PKG_LIBS)

# N items (default 1000); SIZES for the per-item cost at several sizes
bench: deps-bench
	@$(MAKE) --no-print-directory $(BIN)
	@bench/run.sh

deps-bench:
	@generator/deps.sh $(DEB_BUILD) $(DEB_RUN) $(DEB_BENCH)
	@# Typst for the bench only, pinned in bench/package-lock.json
	@[ -f bench/node_modules/.package-lock.json ] && \
	  [ ! bench/package-lock.json -nt bench/node_modules/.package-lock.json ] || \
	  (cd bench && npm ci --no-audit --no-fund --loglevel=error)

deps-site:
	@generator/deps.sh $(DEB_BUILD) $(DEB_RUN)

deps-check:
	@generator/deps.sh $(DEB_BUILD) $(DEB_RUN) $(DEB_TEST)

generator: $(BIN)

# linked beside and renamed, so a running keukentafel is never half-written
$(BIN): $(OBJ)
	$(CC) $(LDFLAGS) -o $@.tmp $(OBJ) $(PKG_LIBS)
	mv -f $@.tmp $@

$(B)/%.o: generator/%.c Makefile
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

tests: $(TEST_BIN)

$(B)/tests/%: tests/%.c $(TEST_UTIL) tests/util.h $(LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -Igenerator -Itests \
		-MMD -MP -o $@ $< $(TEST_UTIL) $(LIB_OBJ) $(PKG_LIBS)

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(DATADIR)/themes $(DESTDIR)$(DATADIR)/openmoji \
		$(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/stemmers
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/keukentafel
	install -m 644 keukentafel.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	cp -R themes/default $(DESTDIR)$(DATADIR)/themes/
	cp -RL templates/init templates/new $(DESTDIR)$(DATADIR)/templates/
	cp node_modules/openmoji/black/svg/*.svg $(DESTDIR)$(DATADIR)/openmoji/
	cp node_modules/@orama/stemmers/dist/nl.js node_modules/@orama/stemmers/dist/tr.js \
		node_modules/@orama/stemmers/dist/ar.js \
		node_modules/@orama/stemmers/dist/en.js $(DESTDIR)$(DATADIR)/stemmers/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/keukentafel \
		$(DESTDIR)$(PREFIX)/share/man/man1/keukentafel.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-asan build-fuzz $(BIN) out klassenlijsten .out.tmp-* .out.old-* .out.lock

-include $(OBJ:.o=.d) $(TEST_BIN:=.d)
