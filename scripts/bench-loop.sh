#!/usr/bin/env bash
# The learner's loop, measured: `cargo day N` after a one-file edit beside `cargo test -p <the day's
# crate> --no-fail-fast` after the same edit (the same tests: a bare `cargo test` stops at the
# first test binary that fails, which on unfinished stubs is the first one), alternating, in one
# run. Prints each time, the medians and their ratio (the target: at most 1.3), and bare `cargo test`
# for reference. The edit is a comment appended to one exercise file, restored afterwards. It
# measures the workbook as it is: the stubs as shipped, or a learner's (or the reference) solutions.
#
#   scripts/bench-loop.sh [DAY [RUNS]]      (default: day 1, 5 runs)
set -euo pipefail
cd "$(dirname "$0")/.."

day="${1:-1}"
runs="${2:-5}"
# The file each day's benchmark edits: an exercise's Rust file, so that its test target rebuilds.
case "$day" in
    1) package=day1-traits file=days/day1-traits/src/ex2_mixins.rs ;;
    2) package=day2-derives file=days/day2-derives/src/ex1_server.rs ;;
    3) package=day3-modules file=days/day3-modules/src/ex2_monitoring/checks.rs ;;
    4) package=day4-cargo file=days/day4-cargo/src/ex2_conflict.rs ;;
    5) package=day5-tracing file=days/day5-tracing/src/ex2_print_to_tracing.rs ;;
    *) echo "no benchmark for day $day: give 1 to 5" >&2; exit 2 ;;
esac
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
timed cargo day "$day" >/dev/null
timed cargo test -q -p "$package" --no-fail-fast >/dev/null

day_times=()
test_times=()
bare_times=()
for i in $(seq "$runs"); do
    edit "day-$i"
    day_times+=("$(timed cargo day "$day")")
    edit "test-$i"
    test_times+=("$(timed cargo test -p "$package" --no-fail-fast)")
    edit "bare-$i"
    bare_times+=("$(timed cargo test -p "$package")")
    echo "run $i: cargo day $day ${day_times[-1]} ms · cargo test --no-fail-fast ${test_times[-1]} ms · bare cargo test ${bare_times[-1]} ms"
done

day_median="$(printf '%s\n' "${day_times[@]}" | median)"
test_median="$(printf '%s\n' "${test_times[@]}" | median)"
bare_median="$(printf '%s\n' "${bare_times[@]}" | median)"
ratio="$(awk -v a="$day_median" -v b="$test_median" 'BEGIN { printf "%.2f", a / b }')"
echo
echo "median after a one-file edit of $file: cargo day $day ${day_median} ms · cargo test -p $package --no-fail-fast ${test_median} ms · bare cargo test -p $package ${bare_median} ms"
echo "ratio, cargo day $day to cargo test --no-fail-fast: ${ratio} (target: at most 1.3)"
