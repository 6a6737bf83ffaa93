#!/usr/bin/env bash
# The learner's loop, measured: `cargo day 1` after a one-file edit beside `cargo test -p
# day1-traits --no-fail-fast` after the same edit (the same tests: a bare `cargo test` stops at the
# first test binary that fails, which on unfinished stubs is the first one), alternating, in one
# run. Prints each time, the medians and their ratio (the target: at most 1.3), and bare `cargo test`
# for reference. The edit is a comment appended to one exercise file, restored afterwards.
#
#   scripts/bench-loop.sh [RUNS]      (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-5}"
file=days/day1-traits/src/ex2_mixins.rs
backup="$(mktemp)"
cp "$file" "$backup"
trap 'cp "$backup" "$file"; rm -f "$backup"' EXIT

now_ms() { date +%s%3N; }
# Runs a command quietly (a day with unfinished exercises exits 1) and prints its wall time in ms.
timed() {
    local start end
    start="$(now_ms)"
    "$@" >/dev/null 2>&1 || true
    end="$(now_ms)"
    echo $((end - start))
}
edit() { printf '\n// benchmark edit %s\n' "$1" >>"$file"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "warming up: building the grader, the day and its tests once"
timed cargo build -q -p grader >/dev/null
timed cargo day 1 >/dev/null
timed cargo test -q -p day1-traits >/dev/null

day_times=()
test_times=()
bare_times=()
for i in $(seq "$runs"); do
    edit "day-$i"
    day_times+=("$(timed cargo day 1)")
    edit "test-$i"
    test_times+=("$(timed cargo test -p day1-traits --no-fail-fast)")
    edit "bare-$i"
    bare_times+=("$(timed cargo test -p day1-traits)")
    echo "run $i: cargo day 1 ${day_times[-1]} ms · cargo test --no-fail-fast ${test_times[-1]} ms · bare cargo test ${bare_times[-1]} ms"
done

day_median="$(printf '%s\n' "${day_times[@]}" | median)"
test_median="$(printf '%s\n' "${test_times[@]}" | median)"
bare_median="$(printf '%s\n' "${bare_times[@]}" | median)"
ratio="$(awk -v a="$day_median" -v b="$test_median" 'BEGIN { printf "%.2f", a / b }')"
echo
echo "median after a one-file edit: cargo day 1 ${day_median} ms · cargo test -p day1-traits --no-fail-fast ${test_median} ms · bare cargo test -p day1-traits ${bare_median} ms"
echo "ratio, cargo day 1 to cargo test --no-fail-fast: ${ratio} (target: at most 1.3)"
