#!/bin/sh
# Runs every fuzz target (libFuzzer), seeded from content/ and tests/.
# usage: fuzz/run.sh SECONDS        fuzz each target that long (make fuzz)
#        fuzz/run.sh smoke          a short run of each (make check)
# A crash is saved in build-fuzz/crash-<target>-*; copy it into
# fuzz/regress/<target>/ so every later run replays it.
set -u
cd "$(dirname "$0")/.."
mode=${1:-60}
out=build-fuzz
status=0
for t in yaml item site strings pdf; do
	corpus=$out/corpus/$t
	mkdir -p "$corpus"
	case $t in
	yaml)	for f in content/*.yaml content/woordenlijst/*.yaml \
		    themes/default/i18n/*.yaml tests/site/site.yaml; do
			cp "$f" "$corpus/$(echo "$f" | tr / _)"; done ;;
	item)	i=0
		for f in content/opdrachten/*.md tests/bad/opdrachten/*.md; do
			i=$((i + 1)); { printf '\000'; cat "$f"; } > "$corpus/o$i"; done
		for f in content/avonden/*.md tests/bad/avonden/*.md; do
			i=$((i + 1)); { printf '\001'; cat "$f"; } > "$corpus/a$i"; done
		for f in content/tips/*.md tests/bad/tips/*.md; do
			i=$((i + 1)); { printf '\002'; cat "$f"; } > "$corpus/t$i"; done ;;
	site)	cp content/site.yaml "$corpus/content"
		cp tests/site/site.yaml "$corpus/test"
		cp tests/bad/site.yaml "$corpus/bad" ;;
	strings) for f in themes/default/i18n/*.yaml content/woordenlijst/*.yaml; do
			cp "$f" "$corpus/$(echo "$f" | tr / _)"; done ;;
	pdf)	for f in fuzz/seed/pdf/*.pdf; do
			{ printf '\001'; cat "$f"; } > "$corpus/$(basename "$f")"
			# joined in Arabic: the tree's top says its /Lang
			{ printf '\003'; cat "$f"; } > "$corpus/ar-$(basename "$f")"
			# updated with the note of what is at the top
			{ printf '\005'; cat "$f"; } > "$corpus/tops-$(basename "$f")"
		done ;;
	esac
	# the crashes found before, replayed first
	if [ -d fuzz/regress/$t ] && [ -n "$(ls fuzz/regress/$t)" ]; then
		"$out/fuzz/$t" fuzz/regress/$t/* > "$out/$t.log" 2>&1 ||
			{ echo "not ok - fuzz regression $t"; tail -20 "$out/$t.log"; status=1; }
	fi
	if [ "$mode" = smoke ]; then
		args="-runs=3000 -print_final_stats=1"
	else
		args="-max_total_time=$mode -print_final_stats=1"
	fi
	if "$out/fuzz/$t" $args -max_len=65536 -timeout=10 -rss_limit_mb=1024 \
	    -artifact_prefix="$out/crash-$t-" "$corpus" > "$out/$t.log" 2>&1; then
		execs=$(grep -a -o 'stat::number_of_executed_units: *[0-9]*' "$out/$t.log" | grep -o '[0-9]*$')
		echo "ok - fuzz $t ${execs:+($execs runs)}"
	else
		echo "not ok - fuzz $t"
		tail -30 "$out/$t.log"
		status=1
	fi
done
exit $status
