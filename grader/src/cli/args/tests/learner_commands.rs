//! The learners' commands: each one's values, defaults, `=` forms, `--` and conflicts.

use super::*;

#[test]
fn day_takes_its_number_and_options_in_any_order() {
    assert_eq!(command(&["day", "1"]), day(1));
    let expected = Command::Day {
        day: 2,
        json: true,
        exercise: Some("mixins".to_owned()),
        watch: true,
        poll: true,
    };
    assert_eq!(
        command(&[
            "day",
            "2",
            "--json",
            "--exercise",
            "mixins",
            "--watch",
            "--poll"
        ]),
        expected
    );
    assert_eq!(
        command(&[
            "day",
            "--poll",
            "--exercise=mixins",
            "--watch",
            "--json",
            "2"
        ]),
        expected,
        "options before the number, and `--opt=value`"
    );
    assert_eq!(
        command(&["day", "--", "3"]),
        day(3),
        "`--` ends the options"
    );
    assert_eq!(
        command(&["day", "1", "--exercise", "-"]),
        day_exercise(1, Some("-")),
        "a lone dash is a value"
    );
}

#[test]
fn capstone_takes_an_area_or_the_demo_but_not_both() {
    assert_eq!(command(&["capstone"]), capstone(false, false));
    assert_eq!(
        command(&["capstone", "--json", "--area=models", "--watch", "--poll"]),
        Command::Capstone {
            json: true,
            area: Some("models".to_owned()),
            demo: false,
            watch: true,
            poll: true,
        }
    );
    assert_eq!(command(&["capstone", "--demo"]), capstone(false, true));
    assert_eq!(
        command(&["capstone", "--demo", "--json"]),
        capstone(true, true)
    );
    for other in ["--watch", "--poll"] {
        assert_eq!(
            error(&["capstone", "--demo", other]),
            format!(
                "`--demo` cannot be used with `{other}`: give one or the other (see `cargo capstone --help`)"
            )
        );
        assert_eq!(
            error(&["capstone", other, "--demo"]),
            format!(
                "`{other}` cannot be used with `--demo`: give one or the other (see `cargo capstone --help`)"
            ),
            "named in the order typed"
        );
    }
    assert_eq!(
        error(&["capstone", "--area", "models", "--demo"]),
        "`--area` cannot be used with `--demo`: give one or the other (see `cargo capstone --help`)"
    );
    assert_eq!(
        error(&["capstone", "1"]),
        "unexpected argument `1` for `cargo capstone`: it takes no arguments (see `cargo capstone --help`)"
    );
}

#[test]
fn progress_is_also_week() {
    assert_eq!(command(&["progress"]), Command::Progress);
    assert_eq!(command(&["week"]), Command::Progress);
    assert_eq!(
        error(&["week", "2"]),
        "unexpected argument `2` for `cargo week`: it takes no arguments (see `cargo week --help`)"
    );
    assert_eq!(printed(&["week", "--help"]), printed(&["progress", "-h"]));
}

#[test]
fn solution_reset_and_hint_take_a_unit_and_an_exercise() {
    assert_eq!(
        command(&["solution", "1", "mixins"]),
        Command::Solution {
            unit: "1".to_owned(),
            exercise: "mixins".to_owned(),
            force: false,
        }
    );
    assert_eq!(
        command(&["solution", "--force", "capstone", "models"]),
        Command::Solution {
            unit: "capstone".to_owned(),
            exercise: "models".to_owned(),
            force: true,
        }
    );
    assert_eq!(
        command(&["reset", "1", "mixins"]),
        Command::Reset {
            unit: "1".to_owned(),
            exercise: "mixins".to_owned(),
        }
    );
    assert_eq!(
        error(&["solution", "1"]),
        "`cargo solution` needs an exercise's id, e.g. `cargo solution 1 mixins` (see `cargo \
         solution --help`)"
    );
    assert_eq!(
        error(&["reset"]),
        "`cargo grader reset` needs a day's number or `capstone`, e.g. `cargo grader reset 1 \
         mixins` (see `cargo grader reset --help`)"
    );
    assert_eq!(
        error(&["reset", "1", "mixins", "--force"]),
        "unknown option `--force` for `cargo grader reset` (see `cargo grader reset --help`)"
    );
    assert_eq!(
        error(&["hint", "1", "a", "b"]),
        "unexpected argument `b` for `cargo hint`: it takes only UNIT EXERCISE (see `cargo hint --help`)"
    );
}

#[test]
fn hint_shows_the_first_level_unless_told_otherwise() {
    let hint = |level, all| Command::Hint {
        unit: "1".to_owned(),
        exercise: "health-checks".to_owned(),
        level,
        all,
    };
    assert_eq!(command(&["hint", "1", "health-checks"]), hint(1, false));
    assert_eq!(
        command(&["hint", "1", "health-checks", "--level", "3"]),
        hint(3, false)
    );
    assert_eq!(
        command(&["hint", "--level=2", "1", "health-checks"]),
        hint(2, false)
    );
    assert_eq!(
        command(&["hint", "1", "health-checks", "--level", "0"]),
        hint(0, false),
        "a level out of range is the hint command's to explain"
    );
    assert_eq!(
        command(&["hint", "1", "health-checks", "--all"]),
        hint(1, true),
        "the default level does not conflict with `--all`"
    );
    assert_eq!(
        error(&["hint", "1", "health-checks", "--level", "2", "--all"]),
        "`--level` cannot be used with `--all`: give one or the other (see `cargo hint --help`)"
    );
    assert_eq!(
        error(&["hint", "1", "health-checks", "--level", "x"]),
        "`--level` takes a number, not `x` (see `cargo hint --help`)"
    );
}

#[test]
fn list_takes_nothing() {
    assert_eq!(command(&["list"]), Command::List);
    assert_eq!(
        error(&["list", "--all"]),
        "unknown option `--all` for `cargo grader list` (see `cargo grader list --help`)"
    );
}
