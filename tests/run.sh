#!/bin/sh
# Runs every test case of every test program (GTest, TAP output) from the
# project root, each case in its own process so one failure cannot hide
# the others, and ends with the line CI reads: "N passed, N failed".
cd "$(dirname "$0")/.." || exit 2
passed=0
failed=0
log=$(mktemp)
for t in build/tests/test_*; do
	[ -x "$t" ] || continue
	for path in $("$t" -l | grep "^/"); do
		"$t" --tap -p "$path" > "$log" 2>&1
		status=$?
		if [ "$status" -eq 0 ] && grep -q '^ok ' "$log"; then
			passed=$((passed + 1))
			echo "ok - $t $path"
		else
			failed=$((failed + 1))
			echo "not ok - $t $path (exit $status)"
			sed 's/^/#   /' "$log"
		fi
	done
done
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
