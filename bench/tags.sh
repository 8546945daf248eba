#!/bin/sh
# What tagging costs the printables: BASE (an older keukentafel) and this
# one build content/ in turns, ROUNDS times each with -j 1, with and
# without --no-pdf; the printables' CPU is the difference. Prints
# "binary round full-cpu html-cpu" lines; divide the pages of out/ (pdfinfo)
# by full - html for pages per CPU second.
#   BASE=/path/to/old/keukentafel bench/tags.sh
set -eu
cd "$(dirname "$0")/.."
: "${BASE:?give BASE=path/to/an/older/keukentafel}"
ROUNDS=${ROUNDS:-3}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export SOURCE_DATE_EPOCH=1700000000
cpu() {
	/usr/bin/time -f "%U %S" -o "$W/t" "$@" >/dev/null 2>&1
	awk '{ printf "%.3f\n", $1 + $2 }' "$W/t"
}
r=1
while [ "$r" -le "$ROUNDS" ]; do
	for b in base new; do
		bin=generator/keukentafel
		[ "$b" = base ] && bin=$BASE
		full=$(cpu "$bin" build -q -j 1 -C content -o "$W/$b-full")
		html=$(cpu "$bin" build -q -j 1 --no-pdf -C content -o "$W/$b-html")
		echo "$b $r $full $html"
		rm -rf "$W/$b-full" "$W/$b-html"
	done
	r=$((r + 1))
done
