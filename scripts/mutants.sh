#!/usr/bin/env bash
# The mutation score of the canonical tests against the reference solutions, per unit, measured
# with cargo-mutants (https://mutants.rs; `cargo install cargo-mutants --locked`, tried with 27.1.0).
# A maintainer command, too slow for CI: docs/AUTHORING.md, "Mutation score", says what it leaves
# out, why, and how long each unit takes.
#
#   scripts/mutants.sh [OPTIONS] [UNIT...]      UNIT: day1 | day2 | day3 | day4 | day5 | capstone (default: all)
#
#   --min PERCENT      the score every unit must reach (default 90): exit 1 if one is under it
#   --no-fail          print the figures but exit 0 under --min (still 2 if a run cannot be made)
#   --exercise ID      mutate only this exercise's files (repeatable); the tests stay all of the crate's
#   --given-code       mutate the code the stubs give as well (by default, only what learners write)
#   --report-dir DIR   also write each unit's figures and missed mutants to DIR/<unit>.txt
#   --timeout SECS     stop a mutant's build or test run after SECS (default: cargo-mutants' own,
#                      five times the unmutated test run, at least 30 s)
#   --list             list the mutants that would be tried, run nothing
#   -- ARGS...         more options for cargo mutants, e.g. `-- --re 'DiskCheck'`
#
# Per unit it prints the mutants caught, missed, unviable (the mutated code does not compile) and
# timed out, the score caught / (caught + missed), the elapsed time, and each missed mutant
# (file:line:column and the mutation).
#
# How it works:
# 1. Stages the workbook, as the grader's self-check does: a copy without target/ and .git/, with
#    solutions/ laid over the stubs (solutions/ mirrors the learners' paths; variants.toml and
#    variants/ are not copied). The stage is synced, not rebuilt: a file keeps its time stamp while
#    its content is unchanged, so the builds in the stage's own target folder stay incremental
#    from one run to the next.
# 2. Day crates: the exercise files are not modules of lib.rs, each test target includes its own
#    with `#[path]` (docs/AUTHORING.md). cargo-mutants finds source files by walking the module
#    trees of the lib and bin targets only, so the stage's lib.rs gets, for each `#[path]` module
#    of a canonical test target, the same declaration under `#[cfg(any())]`: cargo-mutants follows
#    it, rustc never compiles it. The library stays as it is, a mutant rebuilds only the test target
#    that includes the mutated file, and the file keeps its `crate::`/`super::` paths as the test
#    target sees them.
# 3. Runs cargo-mutants in place in the stage (no copy per mutant: the incremental target folder is
#    reused; one mutant at a time, cargo itself using the cores), once per crate of the unit,
#    mutating only the learner files the manifest (exercises.toml) lists, and in them only the
#    code learners write: the lines where the reference solution differs from the stub (a
#    stub-to-solution diff, cargo-mutants' --in-diff). Code the stub gives, the same in every
#    submission (Day 1's `LiveSystem`, which reads the real machine and which the tests must not
#    depend on), is not graded and so not mutated, unless --given-code. It runs only the
#    canonical test targets: not the trybuild compile-fail targets (nested cargo builds, minutes
#    per mutant, and they check signatures and privacy, which no mutant changes), not the
#    capstone's tests/my_tests.rs (the learner's own tests). Test targets use workbook-harness
#    (`harness = false`): cargo-mutants reads only `cargo test`'s exit status.
#
# Work folder: $MUTANTS_WORK_DIR, default "$CARGO_TARGET_DIR/mutants" (else target/mutants): the
# stage, its target folder, and each run's mutants.out (logs, caught.txt, missed.txt, ...). One run
# at a time per work folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

min=90
fail_under=1
list=0
given_code=0
timeout=""
report_dir=""
exercises=()
units=()
extra=()
while (($#)); do
    case "$1" in
        --min) min="$2"; shift 2 ;;
        --no-fail) fail_under=0; shift ;;
        --exercise) exercises+=("$2"); shift 2 ;;
        --report-dir) report_dir="$2"; shift 2 ;;
        --timeout) timeout="$2"; shift 2 ;;
        --list) list=1; shift ;;
        --given-code) given_code=1; shift ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        --) shift; extra=("$@"); break ;;
        day1 | day2 | day3 | day4 | day5 | capstone) units+=("$1"); shift ;;
        *) echo "mutants.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
((${#units[@]})) || units=(day1 day2 day3 day4 day5 capstone)

if ! cargo mutants --version >/dev/null 2>&1; then
    echo "mutants.sh: cargo-mutants is not installed: cargo install cargo-mutants --locked" >&2
    exit 2
fi
for tool in rsync python3 flock; do
    command -v "$tool" >/dev/null || { echo "mutants.sh: needs $tool" >&2; exit 2; }
done

work="${MUTANTS_WORK_DIR:-${CARGO_TARGET_DIR:-$root/target}/mutants}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
stage="$work/stage"
# The stage's own target folder: its binaries must not overwrite those of the workbook's builds
# (`target/debug/sre-monitor` has the same name in both).
export CARGO_TARGET_DIR="$work/target"
exec 9>"$work/lock"
flock -n 9 || { echo "mutants.sh: another run is using $work (set MUTANTS_WORK_DIR)" >&2; exit 2; }

# 1. The stage: a fresh copy in a scratch folder, then synced into $stage by content (-c, and no -t:
#    only changed files are written, and they get a new time stamp, so cargo rebuilds what changed).
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
rsync -a --exclude /target --exclude .git --exclude /days/*/wip "$root/" "$scratch/"
for unit_dir in "$root"/solutions/days/* "$root/solutions/capstone"; do
    [[ -d "$unit_dir" ]] || continue
    rel="${unit_dir#"$root/solutions/"}"
    rsync -a --exclude /variants.toml --exclude /variants "$unit_dir/" "$scratch/$rel/"
done

# 2. The plan, from each unit's exercises.toml: per crate, its package name, the learner files to
#    mutate, the canonical test targets, the targets left out and why. Also appends the
#    `#[cfg(any())]` module declarations to the day crates' lib.rs in the scratch copy.
plan() {
    python3 - "$scratch" "$root" "$work/diffs" "$1" "${exercises[@]}" <<'PY'
import re, subprocess, sys, tomllib
from pathlib import Path

stage, root, diffs, unit = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
wanted = set(sys.argv[5:])
if unit == "capstone":
    unit_dir = stage / "capstone"
else:
    found = sorted((stage / "days").glob(f"day{unit[3:]}-*/exercises.toml"))
    if not found:
        sys.exit(f"mutants.sh: no exercises.toml for {unit}")
    unit_dir = found[0].parent
manifest = tomllib.loads((unit_dir / "exercises.toml").read_text())

crates = {}  # crate folder -> {files, tests, left_out}
ids = set()
for ex in manifest["exercise"]:
    ids.add(ex["id"])
    crate_dir = unit_dir / ex.get("crate", "")
    crate = crates.setdefault(crate_dir, {"files": [], "tests": [], "left_out": []})
    if "min_tests" in ex:  # the learner's own tests: not canonical, and not a solution to mutate
        crate["left_out"] += [f"{t} (the learner's own tests)" for t in ex["tests"]]
        continue
    if not wanted or ex["id"] in wanted:
        crate["files"] += [str((unit_dir / f).relative_to(stage)) for f in ex["files"]]
    for test in ex["tests"]:
        source = (crate_dir / "tests" / f"{test}.rs").read_text()
        if "expect_compile_errors" in source or "trybuild" in source:
            crate["left_out"].append(f"{test} (trybuild)")
        else:
            crate["tests"].append(test)
for crate_dir, crate in crates.items():
    if not crate["files"]:
        continue
    package = tomllib.loads((crate_dir / "Cargo.toml").read_text())["package"]["name"]
    # The exercise files that test targets include with #[path] (not modules of lib.rs).
    decls = []
    for test in crate["tests"]:
        source = (crate_dir / "tests" / f"{test}.rs").read_text()
        pattern = r'#\[path\s*=\s*"\.\./src/([^"]+)"\]\s*(?:#\[[^\]]*\]\s*(?://[^\n]*\s*)?)*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;'
        for path, name in re.findall(pattern, source):
            decls.append(f'#[cfg(any())]\n#[path = "{path}"]\nmod {name};\n')
    if decls:
        lib = crate_dir / "src" / "lib.rs"
        lib.write_text(
            lib.read_text()
            + "\n// Added by scripts/mutants.sh in its stage only: cargo-mutants follows these\n"
            + "// declarations to the exercise files, rustc never compiles them (cfg(any()) is false).\n"
            + "".join(decls)
        )
    # The code learners write: the stub-to-solution diff of the files to mutate, with the paths
    # cargo-mutants uses (relative to the workspace root).
    diff = ""
    for rel in crate["files"]:
        solution = root / "solutions" / rel
        if solution.exists():
            diff += subprocess.run(
                ["diff", "-u", "--label", f"a/{rel}", "--label", f"b/{rel}", str(root / rel), str(solution)],
                capture_output=True, text=True,
            ).stdout
    diffs.mkdir(parents=True, exist_ok=True)
    diff_path = diffs / f"{unit}-{package}.diff"
    diff_path.write_text(diff)
    print("\x1f".join([package, " ".join(crate["files"]), ",".join(crate["tests"]), ", ".join(crate["left_out"]), str(diff_path)]))
PY
}

# Every unit is planned, run or not, so that each lib.rs in the stage stays the same from one run to
# the next whatever units a run names (a changed lib.rs rebuilds all of its crate's test targets).
declare -A plans
for unit in day1 day2 day3 day4 day5 capstone; do
    if [[ " ${units[*]} " == *" $unit "* ]]; then
        plans[$unit]="$(plan "$unit")"
    else
        plan "$unit" >/dev/null 2>&1 || true
    fi
done
if ((${#exercises[@]})); then
    all_ids="$(python3 -c 'import sys, tomllib, glob
for m in glob.glob(sys.argv[1] + "/days/*/exercises.toml") + [sys.argv[1] + "/capstone/exercises.toml"]:
    for ex in tomllib.load(open(m, "rb"))["exercise"]: print(ex["id"])' "$scratch")"
    for id in "${exercises[@]}"; do
        grep -qx -- "$id" <<<"$all_ids" || { echo "mutants.sh: no exercise '$id' in any unit" >&2; exit 2; }
    done
fi
mkdir -p "$stage"
rsync -rlpc --delete "$scratch/" "$stage/"

fmt_time() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }
count() { [[ -s "$1" ]] && wc -l <"$1" || echo 0; }

status=0
summary=()
for unit in "${units[@]}"; do
    [[ -n "${plans[$unit]}" ]] || { echo "== $unit: no exercise selected"; continue; }
    started=$(date +%s)
    caught=0 missed=0 unviable=0 timeouts=0
    missed_list=""
    timeout_list=""
    header=""
    broken=0
    while IFS=$'\x1f' read -r package files tests left_out diff; do
        # --caught and --unviable: one line per mutant, so a long run shows its progress.
        args=(--no-config --in-place --dir "$stage" --package "$package" --colors never --caught --unviable)
        for f in $files; do args+=(--file "$f"); done
        if ((!given_code)); then
            if [[ ! -s "$diff" ]]; then
                echo "== $unit, crate $package: the solutions of $files are the stubs: nothing to mutate"
                continue
            fi
            args+=(--in-diff "$diff")
        fi
        IFS=, read -ra test_list <<<"$tests"
        for t in "${test_list[@]}"; do args+=("--cargo-arg=--test=$t"); done
        if ((given_code)); then
            header+="   crate $package: mutating all the code of $files"$'\n'
        else
            header+="   crate $package: mutating the code learners write (solution vs stub) in $files"$'\n'
        fi
        header+="     tests: ${tests//,/, }"$'\n'
        [[ -z "$left_out" ]] || header+="     left out: $left_out"$'\n'
        if ((list)); then
            echo "== $unit, crate $package"
            cargo mutants "${args[@]}" --list "${extra[@]}"
            continue
        fi
        args+=(--minimum-test-timeout 30)
        [[ -z "$timeout" ]] || args+=(--timeout "$timeout" --build-timeout "$timeout")
        out="$work/out/$unit/$package"
        mkdir -p "$out"
        echo "== $unit, crate $package: cargo mutants ${args[*]} ${extra[*]}"
        rc=0
        cargo mutants "${args[@]}" --output "$out" "${extra[@]}" || rc=$?
        # 0: all caught; 2: some missed; 3: some timed out. Anything else: the run itself failed
        # (4: the tests fail on the unmutated reference solution).
        if ((rc != 0 && rc != 2 && rc != 3)); then
            echo "mutants.sh: cargo mutants failed for $package (exit $rc); see $out/mutants.out/log" >&2
            broken=1
            continue
        fi
        m="$out/mutants.out"
        caught=$((caught + $(count "$m/caught.txt")))
        missed=$((missed + $(count "$m/missed.txt")))
        unviable=$((unviable + $(count "$m/unviable.txt")))
        timeouts=$((timeouts + $(count "$m/timeout.txt")))
        [[ ! -s "$m/missed.txt" ]] || missed_list+="$(sed 's/^/   /' "$m/missed.txt")"$'\n'
        [[ ! -s "$m/timeout.txt" ]] || timeout_list+="$(sed 's/^/   /' "$m/timeout.txt")"$'\n'
    done <<<"${plans[$unit]}"
    ((list)) && continue
    elapsed=$(($(date +%s) - started))
    tested=$((caught + missed))
    if ((tested)); then
        score="$(awk -v c="$caught" -v t="$tested" 'BEGIN { printf "%.1f", 100 * c / t }')"
    else
        score="n/a"
    fi
    verdict="ok"
    if ((broken)); then
        verdict="RUN FAILED"
        status=2
    elif [[ "$score" == "n/a" ]] || awk -v s="$score" -v m="$min" 'BEGIN { exit !(s < m) }'; then
        verdict="UNDER ${min}%"
        ((fail_under && status == 0)) && status=1
    fi
    report="$(
        echo "== $unit: score $score% (caught $caught / caught + missed $tested), $verdict"
        echo "   caught $caught, missed $missed, unviable $unviable, timeouts $timeouts; elapsed $(fmt_time "$elapsed")"
        echo "   cargo-mutants $(cargo mutants --version | awk '{ print $2 }'), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
        printf '%s' "$header"
        if [[ -n "$missed_list" ]]; then
            echo "   missed:"
            printf '%s' "$missed_list"
        fi
        if [[ -n "$timeout_list" ]]; then
            echo "   timed out (not in the score):"
            printf '%s' "$timeout_list"
        fi
    )"
    echo "$report"
    summary+=("$unit: $score% ($caught/$tested; unviable $unviable, timeouts $timeouts) in $(fmt_time "$elapsed") $verdict")
    if [[ -n "$report_dir" ]]; then
        mkdir -p "$report_dir"
        echo "$report" >"$report_dir/$unit.txt"
    fi
done
if ((!list)); then
    echo "== summary (minimum ${min}%)"
    printf '   %s\n' "${summary[@]}"
fi
exit "$status"
