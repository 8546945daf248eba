#!/bin/sh
# The arrows of the code's layout, checked on the objects (nm): a layer
# may call only the layers listed for it. Web and print never reference
# each other; the PDF kit never references the printables drawn with it;
# model, text and load reference nothing above them.
# Usage: tests/layering.sh [objects folder, default build]
B=${1:-build}
status=0
# symbols defined by a set of objects
defs() { nm --defined-only -g "$@" 2>/dev/null | awk 'NF == 3 { print $3 }' | sort -u; }
# symbols a set of objects uses without defining
uses() { nm -u "$@" 2>/dev/null | awk '{ print $NF }' | sort -u; }
# forbid FROM-objects TO-objects: FROM must not use what TO defines
forbid() {
	name=$1; from=$2; to=$3
	bad=$(comm -12 "$from" "$to")
	if [ -n "$bad" ]; then
		echo "layering: $name:" $bad >&2
		status=1
	fi
}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
objs() { for f in "$@"; do [ -f "$f" ] && echo "$f"; done; }
set -- $(objs "$B"/web/*.o); [ $# -gt 0 ] || { echo "layering: no objects in $B" >&2; exit 2; }
defs "$@" > "$t/web.defs"; uses "$@" > "$t/web.uses"
set -- $(objs "$B"/print/*.o)
defs "$@" > "$t/print.defs"; uses "$@" > "$t/print.uses"
set -- $(objs "$B"/print/doc.o "$B"/print/draw.o "$B"/print/links.o "$B"/print/pdffile.o \
    "$B"/print/tags.o)
uses "$@" > "$t/kit.uses"
set -- $(objs "$B"/print/sheet.o "$B"/print/evening.o "$B"/print/mentor.o "$B"/print/print.o "$B"/print/classprint.o)
defs "$@" > "$t/printables.defs"
set -- $(objs "$B"/model/*.o "$B"/text/*.o "$B"/load/*.o "$B"/diag.o)
uses "$@" > "$t/low.uses"
set -- $(objs "$B"/build/*.o "$B"/web/*.o "$B"/print/*.o "$B"/out/*.o)
defs "$@" > "$t/high.defs"
set -- $(objs "$B"/build/*.o)
defs "$@" > "$t/build.defs"
forbid "web uses print" "$t/web.uses" "$t/print.defs"
forbid "print uses web" "$t/print.uses" "$t/web.defs"
forbid "the PDF kit uses the printables" "$t/kit.uses" "$t/printables.defs"
forbid "model, text or load use a layer above" "$t/low.uses" "$t/high.defs"
# web and print may use the plan's paths from build/, nothing else there
sed -n 's/^\(kt_plan_[a-z_]*\|kt_[a-z_]*_path\)$/\1/p' "$t/build.defs" > "$t/plan.defs"
comm -23 "$t/build.defs" "$t/plan.defs" > "$t/build-only.defs"
forbid "web uses build/ beyond the plan" "$t/web.uses" "$t/build-only.defs"
forbid "print uses build/ beyond the plan" "$t/print.uses" "$t/build-only.defs"
[ $status -eq 0 ] && echo "layering: web, print, the PDF kit and the lower layers keep to their arrows"
exit $status
