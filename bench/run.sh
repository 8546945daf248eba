#!/bin/sh
# make bench: keukentafel against the tools a school would use instead, on
# one synthetic corpus, in one run, as ratios. N items (default 1000) in
# eight languages; SIZES for the per-item cost at several sizes.
#   Hugo (Debian's hugo): the same pages from the same Markdown
#   WeasyPrint (Debian's weasyprint): the same sheet from an HTML page,
#     one process per sheet and all sheets in one document (its best case)
#   Typst (npm @myriaddreamin/typst-ts-node-compiler, pinned): the new
#     two-sided sheet in nl and ar, a compile each and all in one document
#   the floor: copying the finished output
# Prints a table and appends it, dated, to bench/results.md.
# BASE=path/to/an/older/keukentafel also builds the corpus with it and
# with this one in turns (ROUNDS times each, fresh folders), for a
# comparison of the code that the machine's speed of the day cannot sway.
set -eu
cd "$(dirname "$0")/.."
N=${N:-1000}
SIZES=${SIZES:-"100 1000 5000"}
KT=generator/keukentafel
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cores=$(nproc)

# wall s, user+sys s, peak RSS MiB of a command, into $work/t
measure() {
	/usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >/dev/null 2>"$work/err" ||
		{ cat "$work/err"; exit 1; }
	awk '{ printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' "$work/t"
}
field() { echo "$1" | cut -d' ' -f"$2"; }
# the median round of a file of measure lines, by wall time
median() { sort -n "$1" | sed -n "$((($(wc -l <"$1") + 1) / 2))p"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b > 0) ? a / b : 0 }'; }

echo "corpus: $N assignments in 8 languages ($(date -u +%Y-%m-%d), $cores cores)"
node bench/corpus.mjs "$N" "$work/c"
mkdir -p "$work/hugo-content"
for s in opdrachten avonden tips; do ln -s "$work/c/$s" "$work/hugo-content/$s"; done

export SOURCE_DATE_EPOCH=1700000000
full2=$(measure $KT build -q -j 2 -C "$work/c" -o "$work/kt2")
full1=$(measure $KT build -q -j 1 -C "$work/c" -o "$work/kt1")
# the stamps are a cache of file times, different on every disk
identical=$(diff -r -x stamps "$work/kt1" "$work/kt2" >/dev/null && echo yes || echo NO)
# incremental: nothing changed, then one assignment edited
noop=$(measure $KT build -q -j 2 -C "$work/c" -o "$work/kt2")
echo "Een zin erbij." >> "$work/c/opdrachten/opdracht-00000.nl.md"
edit=$(measure $KT build -q -j 2 -C "$work/c" -o "$work/kt2")
# the site alone against Hugo: three rounds, taking turns, each into a new
# folder; the median round of each. Creating 9000 files costs the kernel
# more or less from one minute to the next (ext4 looks past inodes freed
# in the last minutes), which one round each would count against one tool
for i in 1 2 3; do
	measure $KT build -q -j 2 --no-pdf -C "$work/c" -o "$work/kth$i" >>"$work/html"
	measure hugo --quiet -s bench/hugo --contentDir "$work/hugo-content" \
	    -d "$work/hugo-out$i" >>"$work/hugo"
done
html=$(median "$work/html")
hugo=$(median "$work/hugo")
floor=$(measure cp -r "$work/kt2" "$work/copy")
pages=$(find "$work/kth1" -name '*.html' | wc -l)
hpages=$(find "$work/hugo-out1" -name '*.html' | wc -l)
# the published PDFs: not the bundles' chunks kept in .keukentafel/
pdfs=$(find "$work/kt2" -name '*.pdf' ! -path '*/.keukentafel/*' | wc -l)
sheets=$(find "$work/kt2" -path '*/opdrachten/*.pdf' ! -path '*/.keukentafel/*' ! -name 'leerjaar-*' ! -name '*-klassenlijst.pdf' | wc -l)
# pages: cairo's files name each page object plainly; qpdf's bundles
# keep them in object streams, so pdfinfo reads those
kpages=$(find "$work/kt2" -name '*.pdf' ! -path '*/.keukentafel/*' ! -name 'leerjaar-*' -print0 |
	xargs -0 grep -a -o '/Type /Page[^s]' | wc -l)
for f in $(find "$work/kt2" -name 'leerjaar-*.pdf'); do
	kpages=$((kpages + $(pdfinfo "$f" | awk '/^Pages/ { print $2 }')))
done

# WeasyPrint on 20 equivalent sheets
wstart=$(date +%s.%N)
for f in "$work"/c/weasy/sheet-*.html; do weasyprint -q "$f" "$f.pdf" 2>/dev/null; done
weach=$(echo "$wstart $(date +%s.%N)" | awk '{ printf "%.2f", $2 - $1 }')
wone=$(measure weasyprint -q "$work/c/weasy/all.html" "$work/all.pdf")
wpages=$(pdfinfo "$work/all.pdf" | awk '/^Pages/ { print $2 }')

# Typst on the same two-sided sheet, in Dutch and Arabic, 20 sheets a
# compile each and all in one document
typst_rows=""
t_best=0
for lang in nl ar; do
	for mode in each all; do
		t=$(measure node bench/typst.mjs "$work/c" "$mode" "$lang")
		tp=0
		for f in "$work/c/typst/"$([ "$mode" = each ] && echo "sheet-$lang-*" || echo "all-$lang").pdf; do
			tp=$((tp + $(pdfinfo "$f" 2>/dev/null | awk '/^Pages/ { print $2 }')))
		done
		tpc=$(awk -v n="$tp" -v t="$(field "$t" 2)" 'BEGIN { printf "%.1f", n / t }')
		t_best=$(awk -v a="$t_best" -v b="$tpc" 'BEGIN { print (b > a) ? b : a }')
		typst_rows="$typst_rows
| Typst, 20 sheets ($lang), $([ "$mode" = each ] && echo "a compile each" || echo "in one document") | $(field "$t" 1) | $(field "$t" 2) | $(field "$t" 3) | $tp pages, $tpc pages per CPU s |"
	done
done

pdf_s=$(awk -v a="$(field "$full2" 1)" -v b="$(field "$html" 1)" 'BEGIN { printf "%.2f", a - b }')
kt_sps=$(awk -v n="$sheets" -v t="$pdf_s" 'BEGIN { printf "%.0f", n / t }')
w_pps=$(awk -v n="$wpages" -v t="$(field "$wone" 1)" 'BEGIN { printf "%.1f", n / t }')
w_each=$(awk -v t="$weach" 'BEGIN { printf "%.0f", t / 20 * 1000 }')
kt_ms=$(awk -v n="$pdfs" -v t="$pdf_s" -v c=2 'BEGIN { printf "%.1f", t * c / n * 1000 }')
# per core, like for like: CPU seconds of the printables (the full build
# less the site alone) against WeasyPrint's, which uses one core
pdf_cpu=$(awk -v a="$(field "$full2" 2)" -v b="$(field "$html" 2)" 'BEGIN { printf "%.2f", a - b }')
kt_sheet_ms=$(awk -v n="$sheets" -v t="$pdf_cpu" 'BEGIN { printf "%.1f", t / n * 1000 }')
kt_ppc=$(awk -v n="$kpages" -v t="$pdf_cpu" 'BEGIN { printf "%.1f", n / t }')
w_ppc=$(awk -v n="$wpages" -v t="$(field "$wone" 2)" 'BEGIN { printf "%.1f", n / t }')
w_sheet_ms=$(awk -v t="$(field "$wone" 2)" 'BEGIN { printf "%.1f", t / 20 * 1000 }')

table=$(cat <<TABLE
| run | wall s | CPU s | peak MiB | output |
|---|---|---|---|---|
| keukentafel, site + printables, -j 2 | $(field "$full2" 1) | $(field "$full2" 2) | $(field "$full2" 3) | $pages pages, $pdfs PDFs ($sheets sheets) |
| keukentafel, site + printables, -j 1 | $(field "$full1" 1) | $(field "$full1" 2) | $(field "$full1" 3) | byte-identical to -j 2: $identical |
| keukentafel, again, nothing changed | $(field "$noop" 1) | $(field "$noop" 2) | $(field "$noop" 3) | $(awk -v a="$(field "$noop" 1)" -v b="$(field "$full2" 1)" 'BEGIN { printf "%.1f", a / b * 100 }')% of the full build |
| keukentafel, again, one assignment edited | $(field "$edit" 1) | $(field "$edit" 2) | $(field "$edit" 3) | $(awk -v a="$(field "$edit" 1)" -v b="$(field "$full2" 1)" 'BEGIN { printf "%.1f", a / b * 100 }')% of the full build |
| keukentafel, site only, -j 2 (median of 3) | $(field "$html" 1) | $(field "$html" 2) | $(field "$html" 3) | $pages pages |
| Hugo, the same pages (median of 3) | $(field "$hugo" 1) | $(field "$hugo" 2) | $(field "$hugo" 3) | $hpages pages |
| WeasyPrint, 20 sheets, a process each | $weach | | | $w_each ms a sheet |
| WeasyPrint, 20 sheets in one document | $(field "$wone" 1) | $(field "$wone" 2) | $(field "$wone" 3) | $wpages pages, $w_pps pages/s |
$typst_rows
| floor: copying out/ | $(field "$floor" 1) | $(field "$floor" 2) | $(field "$floor" 3) | |

- site only: $(ratio "$(field "$hugo" 1)" "$(field "$html" 1)")x faster than Hugo ($(awk -v p="$pages" -v t="$(field "$html" 1)" 'BEGIN { printf "%.0f", p / t }') pages/s)
- printables: $kt_sps sheets/s over $pdf_s s ($kt_ms ms of CPU per PDF); $(ratio "$kt_sps" "$w_pps")x WeasyPrint's best case ($w_pps pages/s)
- per core: $kt_sheet_ms ms of CPU per sheet, bundles and evening printables included (WeasyPrint $w_sheet_ms); $kpages pages at $kt_ppc pages per CPU second against WeasyPrint's $w_ppc: $(ratio "$kt_ppc" "$w_ppc")x
- against Typst: $kt_ppc pages per CPU second against its best run's $t_best: $(ratio "$kt_ppc" "$t_best")x
- -j 2 against -j 1: $(ratio "$(field "$full1" 1)" "$(field "$full2" 1)")x
TABLE
)
echo "$table"

# the cost per item at several sizes: it must stay flat
lin="| items | wall s (site + printables, -j 2) | ms per item | site only, ms per item |
|---|---|---|---|"
for n in $SIZES; do
	rm -rf "$work/s"
	node bench/corpus.mjs "$n" "$work/s"
	a=$(measure $KT build -q -j 2 -C "$work/s" -o "$work/so")
	b=$(measure $KT build -q -j 2 --no-pdf -C "$work/s" -o "$work/sh")
	lin="$lin
| $n | $(field "$a" 1) | $(awk -v t="$(field "$a" 1)" -v n="$n" 'BEGIN { printf "%.1f", t / n * 1000 }') | $(awk -v t="$(field "$b" 1)" -v n="$n" 'BEGIN { printf "%.2f", t / n * 1000 }') |"
	rm -rf "$work/so" "$work/sh"
done
echo "$lin"

# against an older build, in turns: the median round of each
ab=""
if [ -n "${BASE:-}" ]; then
	rounds=${ROUNDS:-3}
	: >"$work/ab-base"
	: >"$work/ab-this"
	for i in $(seq "$rounds"); do
		measure "$BASE" build -q -j 2 -C "$work/c" -o "$work/ab-b$i" >>"$work/ab-base"
		measure $KT build -q -j 2 -C "$work/c" -o "$work/ab-t$i" >>"$work/ab-this"
		rm -rf "$work/ab-b$i" "$work/ab-t$i"
	done
	old=$(median "$work/ab-base"); new=$(median "$work/ab-this")
	bw=$(field "$old" 1); bc=$(field "$old" 2)
	tw=$(field "$new" 1); tc=$(field "$new" 2)
	ab="| build, -j 2, $rounds rounds in turns (median round) | wall s | CPU s |
|---|---|---|
| $BASE | $bw | $bc |
| $KT | $tw | $tc |

- this build against $BASE: $(awk -v a="$tc" -v b="$bc" 'BEGIN { printf "%+.1f", (a / b - 1) * 100 }')% CPU, $(awk -v a="$tw" -v b="$bw" 'BEGIN { printf "%+.1f", (a / b - 1) * 100 }')% wall"
	echo "$ab"
fi

{
	echo "## $(date -u +%Y-%m-%d), N=$N, $cores cores, keukentafel $($KT --version | cut -d' ' -f2)"
	echo
	echo "$table"
	echo
	echo "$lin"
	echo
	if [ -n "$ab" ]; then
		echo "$ab"
		echo
	fi
} >> bench/results.md
echo "written to bench/results.md"
