//! Every command the grader takes, what each takes, and the words of its help.

use super::spec::{
    ArgumentSpec, CommandSpec, OptionSpec, Takes, argument, flag, value, value_list,
};

const JSON: OptionSpec = flag(
    "json",
    "Print the results as JSON (schema in README.md) instead of the report.",
);
const UNIT: ArgumentSpec = argument(
    "UNIT",
    "a day's number or `capstone`",
    "The day's number, or `capstone`.",
);
const EXERCISE: ArgumentSpec = argument(
    "EXERCISE",
    "an exercise's id",
    "The exercise's id, as the report shows it.",
);
const UNITS_TO_GRADE: OptionSpec = OptionSpec {
    default: Some("all"),
    ..value_list(
        "unit",
        "UNIT",
        "The units to grade: `day1` … `day5`, `capstone`, or `all` (repeat for several).",
    )
};

/// Every command, in the order the help lists them.
pub const COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        name: "day",
        alias: None,
        typed: "cargo day",
        example: "cargo day 1",
        about: "Build and grade one day: `cargo day 1`.",
        arguments: &[argument("DAY", "a day number", "The day's number.")],
        options: &[
            JSON,
            value(
                "exercise",
                "ID",
                "Grade only this exercise (its id, as the report shows it).",
            ),
            flag(
                "watch",
                "Grade again each time one of the day's files is saved (Ctrl-C to stop).",
            ),
            flag(
                "poll",
                "Watch by looking for changes every second, for folders where file notifications \
                 do not arrive (network drives, some containers and virtual machines). Implies \
                 `--watch`.",
            ),
        ],
    },
    CommandSpec {
        name: "capstone",
        alias: None,
        typed: "cargo capstone",
        example: "cargo capstone",
        about: "Build and grade the capstone, with a score out of 100: `cargo capstone`.",
        arguments: &[],
        options: &[
            JSON,
            OptionSpec {
                conflicts_with: &["demo"],
                ..value(
                    "area",
                    "ID",
                    "Grade only this area (its id, as the report shows it).",
                )
            },
            flag(
                "demo",
                "Build the reference solution and run it once on this machine, to see the \
                 finished tool.",
            ),
            OptionSpec {
                conflicts_with: &["demo"],
                ..flag(
                    "watch",
                    "Grade again each time one of the capstone's files is saved (Ctrl-C to stop).",
                )
            },
            OptionSpec {
                conflicts_with: &["demo"],
                ..flag(
                    "poll",
                    "Watch by looking for changes every second, for folders where file \
                     notifications do not arrive. Implies `--watch`.",
                )
            },
        ],
    },
    CommandSpec {
        name: "progress",
        alias: Some("week"),
        typed: "cargo week",
        example: "cargo week",
        about: "The whole week at a glance: every exercise and capstone area, the scores, what to \
                do next: `cargo week`.",
        arguments: &[],
        options: &[],
    },
    CommandSpec {
        name: "solution",
        alias: None,
        typed: "cargo solution",
        example: "cargo solution 1 mixins",
        about: "Show an exercise's reference solution and how your file differs, once the \
                exercise passes: `cargo solution 1 mixins`.",
        arguments: &[UNIT, EXERCISE],
        options: &[flag(
            "force",
            "Show it even though the exercise does not pass yet.",
        )],
    },
    CommandSpec {
        name: "reset",
        alias: None,
        typed: "cargo grader reset",
        example: "cargo grader reset 1 mixins",
        about: "Put an exercise's files back as they were shipped, keeping yours as a backup: \
                `cargo grader reset 1 mixins`.",
        arguments: &[UNIT, EXERCISE],
        options: &[],
    },
    CommandSpec {
        name: "hint",
        alias: None,
        typed: "cargo hint",
        example: "cargo hint 1 health-checks",
        about: "Show an exercise's hints, one tier at a time: `cargo hint 1 health-checks`.",
        arguments: &[UNIT, EXERCISE],
        options: &[
            OptionSpec {
                default: Some("1"),
                conflicts_with: &["all"],
                ..value(
                    "level",
                    "LEVEL",
                    "Which hint: 1 is a nudge, 2 the API to use, 3 the shape of the solution.",
                )
            },
            flag("all", "Show every hint at once."),
        ],
    },
    CommandSpec {
        name: "list",
        alias: None,
        typed: "cargo grader list",
        example: "cargo grader list",
        about: "List the days and their exercises.",
        arguments: &[],
        options: &[],
    },
    CommandSpec {
        name: "batch",
        alias: None,
        typed: "cargo grader batch",
        example: "cargo grader batch submissions/*",
        about: "Instructors: grade many submissions (folders, git repositories, .zip or .tar.gz \
                files).",
        arguments: &[ArgumentSpec {
            many: true,
            ..argument(
                "SUBMISSION",
                "at least one submission",
                "The submissions, one per student: `cargo grader batch submissions/*`.",
            )
        }],
        options: &[
            UNITS_TO_GRADE,
            OptionSpec {
                takes: Takes::CommaSeparatedValues("FORMAT"),
                default: Some("json,csv,markdown"),
                ..value(
                    "format",
                    "FORMAT",
                    "The results to write: json, csv, junit, gradescope, markdown (repeat, or \
                     separate by commas).",
                )
            },
            OptionSpec {
                default: Some("grading"),
                ..value("out", "DIR", "Where to write the results.")
            },
            value(
                "jobs",
                "N",
                "How many submissions to grade at once, each in its own build folder [default: \
                 one per core, up to 4].",
            ),
            flag(
                "require-sandbox",
                "Refuse to grade unless a real sandbox (file system and network isolation) is in \
                 force.",
            ),
            flag(
                "no-cache",
                "Grade every submission again, even those whose learner files an earlier run \
                 graded.",
            ),
            value(
                "work-dir",
                "DIR",
                "Where the workers' copies, build folders and the cache live (default: in the \
                 system's temporary folder).",
            ),
        ],
    },
    CommandSpec {
        name: "release",
        alias: None,
        typed: "cargo grader release",
        example: "cargo grader release ../week17",
        about: "Instructors: write the repository students receive, without the reference \
                solutions.",
        arguments: &[argument(
            "DIR",
            "the folder to write it to",
            "The folder to write it to (new or empty).",
        )],
        options: &[
            flag(
                "with-solutions",
                "Keep the reference solutions, alternatives and planted mistakes (for self-paced \
                 groups).",
            ),
            flag(
                "force",
                "Replace what is in DIR (a top-level .git is kept).",
            ),
        ],
    },
    CommandSpec {
        name: "gradescope",
        alias: None,
        typed: "cargo grader gradescope",
        example: "cargo grader gradescope ../autograder --unit day2",
        about: "Instructors: write a Gradescope autograder bundle that grades with this workbook.",
        arguments: &[argument(
            "DIR",
            "the folder to write the bundle to",
            "The folder to write the bundle to.",
        )],
        options: &[OptionSpec {
            help: "The units it grades: `day1` … `day5`, `capstone`, or `all` (repeat for several).",
            ..UNITS_TO_GRADE
        }],
    },
    CommandSpec {
        name: "check",
        alias: None,
        typed: "cargo grader check",
        example: "cargo grader check",
        about: "Check the workbook itself: manifests, every reference solution passes, every \
                stub fails.",
        arguments: &[],
        options: &[
            flag(
                "layout-only",
                "Only check that the files the manifests name exist (no exercise is built).",
            ),
            value_list(
                "unit",
                "UNIT",
                "Check only this unit: `day1`, `day2`, ... or `capstone` (repeat for more).",
            ),
            OptionSpec {
                conflicts_with: &["layout-only"],
                ..flag(
                    "mistakes",
                    "Also print, for each planted mistake, the first message a learner who made \
                     it sees.",
                )
            },
            OptionSpec {
                conflicts_with: &["layout-only", "mistakes"],
                ..flag(
                    "record-stubs",
                    "Record the learner files as they are now as the shipped stubs (each unit's \
                     `stubs.toml`), after changing a stub; then check nothing else.",
                )
            },
        ],
    },
];
