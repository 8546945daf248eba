#!/bin/sh
# The test fixture: tests/site built once into DIR/out, with every option a
# case reads back (mentor, dates, start time, place, class list), for all the
# cases that only read a built site. tests/run.sh exports DIR as KT_FIXTURE;
# t_fixture() (tests/util.c) and tests/browser run this script, which builds
# the first time and only waits on DIR/lock after that. The class lists
# with the pupils' names go to DIR/klas, outside DIR/out. A failed build is
# kept in DIR/failed, so the cases after the first report it at once.
#
#   tests/fixture.sh DIR          build DIR/out unless it is there
#   tests/fixture.sh DIR check    fail if a case changed DIR/out, or if it
#                                 was built more than once
#
# Run from the project root; KT_BIN as for the tests.
set -eu
dir=$1
mkdir -p "$dir"

# "sha256  path" for every file of the fixture, sorted by path
digest() {
	(cd "$dir/out" && find . -type f -exec sha256sum {} + | LC_ALL=C sort -k 2)
}

if [ "${2:-}" = check ]; then
	builds=$(wc -l < "$dir/builds")
	if [ "$builds" -ne 1 ]; then
		echo "tests/fixture.sh: $dir/out was built $builds times," \
		    "not once" >&2
		exit 1
	fi
	if ! digest | cmp -s - "$dir/digest"; then
		echo "tests/fixture.sh: a case changed the fixture $dir/out;" \
		    "copy it first, or write next to it in a folder of its own:" >&2
		digest | diff "$dir/digest" - >&2
		exit 1
	fi
	exit 0
fi

exec 9>"$dir/lock"
flock 9
[ -d "$dir/out" ] && exit 0
if [ -f "$dir/failed" ]; then
	cat "$dir/failed" >&2
	exit 1
fi
echo "$$" >> "$dir/builds"
if ! SOURCE_DATE_EPOCH=1700000000 "${KT_BIN:-generator/keukentafel}" \
    build -q -C tests/site -o "$dir/out" \
    --mentor "Meneer Jansen" --inleveren 2026-12-04 --datum 2026-10-08 \
    --aanvang 19:30 --locatie "Aula De Brug" --klas tests/klas.csv \
    --klassenmap "$dir/klas" \
    2>"$dir/stderr"; then
	{ echo "tests/fixture.sh: tests/site does not build:"; \
	    cat "$dir/stderr"; } > "$dir/failed"
	cat "$dir/failed" >&2
	exit 1
fi
rm -f "$dir/stderr"
digest > "$dir/digest"
