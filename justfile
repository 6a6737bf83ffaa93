# The learner's and instructor's commands, for those who have `just`.
# Each recipe is the cargo alias of the same name (see .cargo/config.toml), so `just day 2`
# and `cargo day 2` are one command: the grader.

# List the recipes.
default:
    @just --list

# Build and grade one day: `just day 1` (add `--json` for JSON, `--exercise ID` for one exercise).
day n *args:
    cargo day {{n}} {{args}}

# Show an exercise's hints one tier at a time: `just hint 1 health-checks` (add `--level 2`, `--all`).
# For the capstone: `just hint capstone models`.
hint unit exercise *args:
    cargo hint {{unit}} {{exercise}} {{args}}

# Build and grade the capstone, with a score out of 100 (add `--json`, `--area ID`).
capstone *args:
    cargo capstone {{args}}

# See the finished capstone: build the reference solution and run it once on this machine.
demo:
    cargo capstone --demo

# List the days and their exercises.
list:
    cargo grader list

# Check the workbook itself: every reference solution passes, every stub fails.
check:
    cargo grader check

# The workbook's own test suite (what CI runs).
test:
    cargo test
