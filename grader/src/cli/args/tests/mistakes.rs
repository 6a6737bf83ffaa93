//! Usage mistakes: each says what was wrong and where the help is.

use super::*;

#[test]
fn day_refuses_a_missing_a_bad_or_an_extra_number() {
    assert_eq!(
        error(&["day"]),
        "`cargo day` needs a day number, e.g. `cargo day 1` (see `cargo day --help`)"
    );
    assert_eq!(
        error(&["day", "x"]),
        "`cargo day` needs a day number, not `x`, e.g. `cargo day 1` (see `cargo day --help`)"
    );
    assert_eq!(
        error(&["day", "1", "2"]),
        "unexpected argument `2` for `cargo day`: it takes only DAY (see `cargo day --help`)"
    );
    assert_eq!(
        error(&["day", "--", "--json"]),
        "`cargo day` needs a day number, not `--json`, e.g. `cargo day 1` (see `cargo day --help`)",
        "after `--`, an option's name is an argument"
    );
}

#[test]
fn an_unknown_option_is_named_with_the_closest_known_one() {
    assert_eq!(
        error(&["day", "1", "--exrcise", "mixins"]),
        "unknown option `--exrcise` for `cargo day`; did you mean `--exercise`? (see `cargo day --help`)"
    );
    assert_eq!(
        error(&["day", "1", "--colour"]),
        "unknown option `--colour` for `cargo day` (see `cargo day --help`)"
    );
    assert_eq!(
        error(&["day", "1", "-j"]),
        "unknown option `-j` for `cargo day`; did you mean `--json`? (see `cargo day --help`)",
        "an option begun"
    );
    assert_eq!(
        error(&["day", "1", "-x"]),
        "unknown option `-x` for `cargo day` (see `cargo day --help`)"
    );
    assert_eq!(
        error(&["day", "1", "-V"]),
        "unknown option `-V` for `cargo day` (see `cargo day --help`)",
        "the version is the grader's option, not a command's"
    );
    assert_eq!(
        error(&["hint", "1", "x", "--levle", "2"]),
        "unknown option `--levle` for `cargo hint`; did you mean `--level`? (see `cargo hint --help`)"
    );
}

#[test]
fn an_option_without_its_value_says_what_it_needs() {
    assert_eq!(
        error(&["day", "1", "--exercise"]),
        "`--exercise` needs a value: `--exercise ID` (see `cargo day --help`)"
    );
    assert_eq!(
        error(&["day", "1", "--exercise", "--json"]),
        "`--exercise` needs a value: `--exercise ID` (see `cargo day --help`)",
        "the next option is not the value"
    );
    assert_eq!(
        error(&["hint", "1", "x", "--level", "-1"]),
        "`--level` needs a value: `--level LEVEL` (see `cargo hint --help`)"
    );
    assert_eq!(
        command(&["day", "1", "--exercise=-x"]),
        day_exercise(1, Some("-x")),
        "after `=`, anything is the value"
    );
}

#[test]
fn a_flag_takes_no_value_and_an_option_is_given_once() {
    assert_eq!(
        error(&["day", "1", "--json=yes"]),
        "`--json` takes no value: give `--json` alone, without `=yes` (see `cargo day --help`)"
    );
    assert_eq!(
        error(&["day", "1", "--json", "--json"]),
        "`--json` is given more than once: give it once (see `cargo day --help`)"
    );
    assert_eq!(
        error(&["day", "1", "--exercise", "a", "--exercise=b"]),
        "`--exercise` is given more than once: give it once (see `cargo day --help`)"
    );
}

#[test]
fn a_missing_or_unknown_command_lists_the_commands() {
    let commands = "day, capstone, progress (or week), solution, reset, hint, list, batch, \
                    release, gradescope, check, help";
    assert_eq!(
        error(&[]),
        format!(
            "`cargo grader` needs a command, e.g. `cargo day 1`; the commands are {commands} (see \
             `cargo grader --help`)"
        )
    );
    assert_eq!(
        error(&["dya", "1"]),
        format!(
            "unknown command `dya`; did you mean `day`? The commands are {commands} (see `cargo \
             grader --help`)"
        )
    );
    assert_eq!(
        error(&["run"]),
        format!("unknown command `run`; the commands are {commands} (see `cargo grader --help`)")
    );
    assert_eq!(
        error(&["--json", "day", "1"]),
        "unknown option `--json` before the command: a command's options come after it, e.g. \
         `cargo day 1 --json` (see `cargo grader --help`)"
    );
    assert_eq!(
        error(&["--verison"]),
        "unknown option `--verison`; did you mean `--version`? (see `cargo grader --help`)"
    );
}

#[cfg(unix)]
#[test]
fn text_that_is_not_utf8_is_refused_by_name() {
    use std::ffi::OsString;
    use std::os::unix::ffi::OsStringExt as _;
    let bad = OsString::from_vec(vec![b'a', 0xff]);
    let args = ["day".into(), "1".into(), "--exercise".into(), bad.clone()];
    assert_eq!(
        parse(args).map_err(|error| error.to_string()),
        Err(
            "`--exercise` must be text (valid UTF-8), not `a\u{fffd}` (see `cargo day --help`)"
                .to_owned()
        )
    );
    let args = ["hint".into(), bad.clone(), "x".into()];
    assert_eq!(
        parse(args).map_err(|error| error.to_string()),
        Err(
            "`UNIT` must be text (valid UTF-8), not `a\u{fffd}` (see `cargo hint --help`)"
                .to_owned()
        )
    );
    let args: [OsString; 2] = ["batch".into(), bad.clone()];
    assert!(
        matches!(parse(args), Ok(Invocation::Run(Command::Batch(request))) if request.submissions == [PathBuf::from(bad)]),
        "a path may be any bytes"
    );
}

#[test]
fn a_mistake_that_meant_one_exercise_or_the_capstone_is_told_what_to_type() {
    assert_eq!(
        error(&["day", "1", "mixins"]),
        "unexpected argument `mixins` for `cargo day`: it takes only DAY; to grade one exercise, \
         `cargo day 1 --exercise mixins` (see `cargo day --help`)"
    );
    assert_eq!(
        error(&["capstone", "models"]),
        "unexpected argument `models` for `cargo capstone`: it takes no arguments; to grade one \
         area, `cargo capstone --area models` (see `cargo capstone --help`)"
    );
    assert_eq!(
        error(&["day", "capstone"]),
        "`cargo day` needs a day number, not `capstone`, e.g. `cargo day 1`; did you mean \
         `cargo capstone`? (see `cargo day --help`)"
    );
    assert_eq!(
        error(&["capstone", "--exercise", "models"]),
        "unknown option `--exercise` for `cargo capstone`; did you mean `--area`? The capstone's \
         exercises are its areas (see `cargo capstone --help`)"
    );
    assert_eq!(
        error(&["day", "1", "--area", "x"]),
        "unknown option `--area` for `cargo day`; did you mean `--exercise`? (see `cargo day --help`)"
    );
}
