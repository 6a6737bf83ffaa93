# The learner's and instructor's commands, for those who have `just`.
# Each recipe is the cargo alias of the same name (see .cargo/config.toml), so `just day 2`
# and `cargo day 2` are one command: the grader. The instructors' recipes (release, batch,
# gradescope) are `cargo grader` with the recipe's name. `[no-exit-message]` keeps just quiet when a
# grade is unfinished (exit status 1): the report has already said so.

# List the recipes.
default:
    @just --list

# Build and grade one day: `just day 1` (add `--json` for JSON, `--exercise ID` for one exercise).
[no-exit-message]
day n *args:
    cargo day {{n}} {{args}}

# Grade a day again each time you save one of its files: `just watch 2` (Ctrl-C to stop; add `--poll` where notifications do not arrive).
[no-exit-message]
watch n *args:
    cargo day {{n}} --watch {{args}}

# The whole week at a glance: every exercise, the scores, what to do next.
[no-exit-message]
week:
    cargo week

# Show an exercise's reference solution and a diff against yours, once it passes: `just solution 1 mixins`.
[no-exit-message]
solution unit exercise *args:
    cargo solution {{unit}} {{exercise}} {{args}}

# Put an exercise's files back as shipped, keeping yours as a backup: `just reset 1 mixins`.
[no-exit-message]
reset unit exercise:
    cargo grader reset {{unit}} {{exercise}}

# Show hints one tier at a time: `just hint 1 health-checks`, `just hint capstone models` (add `--level 2`, `--all`).
[no-exit-message]
hint unit exercise *args:
    cargo hint {{unit}} {{exercise}} {{args}}

# Build and grade the capstone, with a score out of 100 (add `--json`, `--area ID`).
[no-exit-message]
capstone *args:
    cargo capstone {{args}}

# See the finished capstone: build the reference solution and run it once on this machine.
[no-exit-message]
demo:
    cargo capstone --demo

# List the days and their exercises.
list:
    cargo grader list

# Check the workbook itself: every reference solution passes, every stub fails.
[no-exit-message]
check:
    cargo grader check

# The workbook's own test suite (what CI runs).
[no-exit-message]
test:
    cargo test

# Instructors: write the repository students receive, without the solutions: `just release ../week17`.
[no-exit-message]
release dir *args:
    cargo grader release {{dir}} {{args}}

# Instructors: grade a class: `just batch submissions/* --unit day2` (docs/INSTRUCTORS.md).
[no-exit-message]
batch *args:
    cargo grader batch {{args}}

# Instructors: write a Gradescope autograder bundle: `just gradescope ../autograder --unit day2`.
[no-exit-message]
gradescope dir *args:
    cargo grader gradescope {{dir}} {{args}}
