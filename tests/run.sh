#!/bin/sh
# Runs every test case of every test program (GTest, TAP output) from the
# project root, each case in its own process so one failure cannot hide
# the others, and ends with the line CI reads: "N passed, N failed".
cd "$(dirname "$0")/.." || exit 2
passed=0
failed=0
failures=""	# repeated before the summary, which is what a log's tail shows
log=$(mktemp)
# the fixture: tests/site built once for the whole run (tests/fixture.sh),
# by the first case that reads it
KT_FIXTURE=$(mktemp -d)
export KT_FIXTURE
trap 'rm -rf "$KT_FIXTURE" "$log"' EXIT

# counts one case, named $1, that exited with $2 and passed if $3 is 0;
# a failure's log is shown, and its last lines kept for the summary
count() {
	if [ "$2" -eq 0 ] && [ "$3" -eq 0 ]; then
		passed=$((passed + 1))
		echo "ok - $1"
	else
		failed=$((failed + 1))
		failures="$failures
not ok - $1 (exit $2)
$(grep -v '^ok \|^# \(Start\|End\) of' "$log" | tail -n 4 | sed 's/^/#   /')"
		echo "not ok - $1 (exit $2)"
		sed 's/^/#   /' "$log"
	fi
}

# TESTS: the folder of test programs (check-asan uses its own)
for t in "${TESTS:-build/tests}"/test_*; do
	[ -x "$t" ] || continue
	for path in $("$t" -l | grep "^/"); do
		"$t" --tap -p "$path" > "$log" 2>&1
		status=$?
		grep -q '^ok ' "$log"
		count "$t $path" "$status" $?
	done
done
# the layout's arrows, on the objects the tests were linked with
if tests/layering.sh "$(dirname "${TESTS:-build/tests}")" > "$log" 2>&1; then
	passed=$((passed + 1))
	echo "ok - tests/layering.sh"
else
	failed=$((failed + 1))
	failures="$failures
not ok - tests/layering.sh
$(sed 's/^/#   /' "$log")"
	echo "not ok - tests/layering.sh"
	sed 's/^/#   /' "$log"
fi
# the browser tests (Node's test runner, TAP): each top-level test counts
if [ -d tests/browser ]; then
	node --test --test-reporter=tap tests/browser/ > "$log" 2>&1
	status=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	grep -E '^(not )?ok ' "$log" | sed 's/^\(ok\|not ok\) [0-9]* - /\1 - tests\/browser /'
	if [ "$f" -gt 0 ] || [ "$status" -ne 0 ]; then
		sed 's/^/#   /' "$log"
		failures="$failures
$(grep '^not ok ' "$log" | sed 's/^not ok [0-9]* - /not ok - tests\/browser /')"
		[ "$f" -eq 0 ] && f=1 && failures="$failures
not ok - tests/browser: node exited with $status"
	fi
	passed=$((passed + p))
	failed=$((failed + f))
fi
# the cases read the fixture and changed nothing in it
if [ -d "$KT_FIXTURE/out" ]; then
	tests/fixture.sh "$KT_FIXTURE" check > "$log" 2>&1
	count "tests/fixture.sh unchanged" $? 0
fi
# a short run of each fuzz target, when they are built (make check does)
if [ -x build-fuzz/fuzz/yaml ] && [ -z "${KT_BIN:-}" ]; then
	fuzz/run.sh smoke > "$log" 2>&1
	cat "$log"
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	[ "$f" -gt 0 ] && failures="$failures
$(grep '^not ok ' "$log")"
	passed=$((passed + p))
	failed=$((failed + f))
fi
[ -n "$failures" ] && echo "# the failures again:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
