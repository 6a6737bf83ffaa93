#!/usr/bin/env bash
# The learner's loop, measured against bare cargo, in one run, in a scratch clone of this workbook
# (the learner's own files are never touched). Prints, side by side, with each target:
#
#   1. the whole-day report after a one-file edit: `cargo day N` against
#      `cargo test -p <day> --no-fail-fast` after the same edit (target: at most 0.5x);
#   2. the one-exercise report after an edit: `cargo day N --exercise ID` against the same
#      `cargo test` restricted to that exercise's test targets (target: at most 0.8x);
#   3. a warm report with no edit, for every day and the capstone (target: under 0.3 s each);
#   4. a cold clone to the first report of Day 1 (`cargo day 1`, the grader's build included)
#      against building Day 1's dependencies and tests alone (`cargo test -p day1-traits
#      --no-run`), each in a fresh clone with a cold target folder (target: at most 1.5x).
#
# The edit is a comment appended to one exercise file. The scratch clone has the reference
# solutions laid over the stubs (a learner whose work passes: every test runs, the compile-fail
# checks included); pass `stubs` as the third argument to measure the stubs as shipped.
#
#   scripts/bench-loop.sh [DAY [RUNS [solutions|stubs]]]      (default: day 1, 5 runs, solutions)
set -euo pipefail
cd "$(dirname "$0")/.."
workbook="$PWD"

day="${1:-1}"
runs="${2:-5}"
state="${3:-solutions}"
# The file each day's benchmark edits, its exercise, and that exercise's test targets.
case "$day" in
    1) package=day1-traits file=days/day1-traits/src/ex2_mixins.rs exercise=mixins targets="ex2_mixins" ;;
    2) package=day2-derives file=days/day2-derives/src/ex1_server.rs exercise=server targets="ex1_server" ;;
    3) package=day3-modules file=days/day3-modules/src/ex2_monitoring/checks.rs exercise=monitoring targets="ex2_monitoring ex2_compile_fail" ;;
    4) package=day4-cargo file=days/day4-cargo/src/ex2_conflict.rs exercise=conflict targets="ex2_conflict" ;;
    5) package=day5-tracing file=days/day5-tracing/src/ex2_print_to_tracing.rs exercise=print-to-tracing targets="ex2_print_to_tracing" ;;
    *) echo "no benchmark for day $day: give 1 to 5" >&2; exit 2 ;;
esac
case "$state" in
    solutions | stubs) ;;
    *) echo "the third argument is \`solutions\` or \`stubs\`, not \`$state\`" >&2; exit 2 ;;
esac
test_args=()
for target in $targets; do test_args+=(--test "$target"); done

scratch="$(mktemp -d "${TMPDIR:-/tmp}/bench-loop-XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
# Cargo settings of the machine stay; a target folder from the environment would share builds.
unset CARGO_TARGET_DIR

now_ms() { date +%s%3N; }
# Runs a command quietly (an unfinished day exits 1) and prints its wall time in ms.
timed() {
    local start end
    start="$(now_ms)"
    "$@" >/dev/null 2>&1 || true
    end="$(now_ms)"
    echo $((end - start))
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
clone() { git clone -q "$workbook" "$1"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo '? GiB'), $(rustc --version)"
echo "commit: $(git -C "$workbook" rev-parse --short HEAD), state: $state"
echo

# 4. Cold: each in a fresh clone, so neither reuses the other's build.
echo "cold: building Day 1's dependencies and tests alone, then a cold clone's first \`cargo day 1\`…"
clone "$scratch/cold-deps"
deps_ms="$(cd "$scratch/cold-deps" && timed cargo test -q -p day1-traits --no-run)"
clone "$scratch/cold-day"
first_ms="$(cd "$scratch/cold-day" && timed cargo day 1)"
rm -rf "$scratch/cold-deps" "$scratch/cold-day"

# The warm clone, with the state asked for.
clone "$scratch/warm"
cd "$scratch/warm"
if [ "$state" = solutions ]; then
    cp -R solutions/. .
fi
edit() { printf '\n// benchmark edit %s\n' "$1" >>"$file"; }

echo "warming up: every unit graded once, and day $day's bare tests built and run once"
for n in 1 2 3 4 5; do timed cargo day "$n" >/dev/null; done
timed cargo capstone >/dev/null
timed cargo test -q -p "$package" --no-fail-fast >/dev/null

# 3. Warm, no edit: the second of two runs in a row, for every unit.
declare -A warm
for unit in 1 2 3 4 5 capstone; do
    if [ "$unit" = capstone ]; then command=(cargo capstone); else command=(cargo day "$unit"); fi
    "${command[@]}" >/dev/null 2>&1 || true
    times=()
    for i in 1 2 3; do times+=("$(timed "${command[@]}")"); done
    warm[$unit]="$(printf '%s\n' "${times[@]}" | median)"
done

# What `cargo day` costs before the grader does anything: cargo's own start, which checks that the
# grader is built and runs it (here it only prints its version). Every `cargo day` pays it on top
# of the build it asks for, so it bounds from below how close to a bare `cargo test` one can come.
start_times=()
for i in 1 2 3 4 5; do start_times+=("$(timed cargo run -q -p grader --no-default-features -- --version)"); done
start_ms="$(printf '%s\n' "${start_times[@]}" | median)"

# 1 and 2. After an edit, alternating, so that both meet the same machine.
day_times=() bare_times=() exercise_times=() bare_exercise_times=()
for i in $(seq "$runs"); do
    edit "day-$i"
    day_times+=("$(timed cargo day "$day")")
    edit "bare-$i"
    bare_times+=("$(timed cargo test -p "$package" --no-fail-fast)")
    edit "exercise-$i"
    exercise_times+=("$(timed cargo day "$day" --exercise "$exercise")")
    edit "bare-exercise-$i"
    bare_exercise_times+=("$(timed cargo test -p "$package" --no-fail-fast "${test_args[@]}")")
    echo "run $i: cargo day $day ${day_times[-1]} ms · cargo test ${bare_times[-1]} ms · --exercise ${exercise_times[-1]} ms · cargo test ${test_args[*]} ${bare_exercise_times[-1]} ms"
done
day_ms="$(printf '%s\n' "${day_times[@]}" | median)"
bare_ms="$(printf '%s\n' "${bare_times[@]}" | median)"
exercise_ms="$(printf '%s\n' "${exercise_times[@]}" | median)"
bare_exercise_ms="$(printf '%s\n' "${bare_exercise_times[@]}" | median)"

echo
echo "after a one-file edit of $file (medians of $runs):"
echo "  whole day:    cargo day $day ${day_ms} ms vs cargo test -p $package --no-fail-fast ${bare_ms} ms: $(ratio "$day_ms" "$bare_ms")x (target: at most 0.5x)"
echo "  one exercise: cargo day $day --exercise $exercise ${exercise_ms} ms vs cargo test -p $package ${test_args[*]} ${bare_exercise_ms} ms: $(ratio "$exercise_ms" "$bare_exercise_ms")x (target: at most 0.8x)"
echo "  floor of any cargo day: its own start (cargo run of the built grader) ${start_ms} ms; with the same build and tests as cargo test ${test_args[*]}: $(ratio "$((start_ms + bare_exercise_ms))" "$bare_exercise_ms")x"
echo "warm, no edit (median of 3; target: under 300 ms each):"
for unit in 1 2 3 4 5 capstone; do
    if [ "$unit" = capstone ]; then label="cargo capstone"; else label="cargo day $unit"; fi
    echo "  $label: ${warm[$unit]} ms"
done
echo "cold clone: first cargo day 1 ${first_ms} ms vs cargo test -p day1-traits --no-run ${deps_ms} ms: $(ratio "$first_ms" "$deps_ms")x (target: at most 1.5x)"
