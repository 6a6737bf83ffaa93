//! The version, the grader's help and each command's.

use super::*;

#[test]
fn the_version_is_the_graders_name_and_version() {
    let expected = format!("grader {}\n", env!("CARGO_PKG_VERSION"));
    assert_eq!(printed(&["--version"]), expected);
    assert_eq!(printed(&["-V"]), expected);
}

#[test]
fn the_graders_help_lists_every_command_with_what_it_does() {
    let help = printed(&["--help"]);
    assert_eq!(printed(&["-h"]), help);
    assert_eq!(printed(&["help"]), help);
    assert_eq!(
        printed(&["help", "help"]),
        help,
        "`help` is a command the help lists"
    );
    assert!(
        help.contains("Usage: cargo grader <COMMAND> [OPTIONS]"),
        "{help}"
    );
    for spec in COMMANDS {
        let first_words: String = spec
            .about
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            help.lines()
                .any(|line| line.trim_start().starts_with(spec.name) && line.contains(&first_words)),
            "`{}` and its line in: {help}",
            spec.name
        );
    }
    assert!(help.contains("  progress, week "), "{help}");
    assert!(help.contains("-V, --version"), "{help}");
}

#[test]
fn each_commands_help_has_its_usage_arguments_options_and_defaults() {
    for spec in COMMANDS {
        let help = printed(&[spec.name, "--help"]);
        assert_eq!(printed(&[spec.name, "-h"]), help);
        assert_eq!(printed(&["help", spec.name]), help);
        assert!(help.starts_with(spec.about.split_whitespace().next().unwrap_or_default()));
        assert!(help.contains(&format!("Usage: {}", spec.typed)), "{help}");
        for argument in spec.arguments {
            assert!(help.contains(&format!("<{}>", argument.name)), "{help}");
        }
        for option in spec.options {
            let shown = match option.value_name() {
                Some(value) => format!("--{} <{value}>", option.long),
                None => format!("--{} ", option.long),
            };
            assert!(help.contains(&shown), "`{shown}` in: {help}");
            if let Some(default) = option.default {
                assert!(help.contains(&format!("[default: {default}]")), "{help}");
            }
        }
        assert!(help.contains("-h, --help"), "{help}");
    }
}

#[test]
fn the_day_help_reads_as_a_learner_needs_it() {
    let help = printed(&["day", "1", "--help"]);
    assert!(
        help.starts_with(
            "Build and grade one day: `cargo day 1`.\n\nUsage: cargo day <DAY> [OPTIONS]\n"
        ),
        "{help}"
    );
    assert!(help.contains("\n  <DAY>  The day's number.\n"), "{help}");
    assert!(
        help.contains(
            "--exercise <ID>  Grade only this exercise (its id, as the report shows it)."
        ),
        "{help}"
    );
    let batch = printed(&["batch", "--help"]);
    assert!(
        batch.contains("Usage: cargo grader batch <SUBMISSION>... [OPTIONS]"),
        "{batch}"
    );
    assert!(batch.contains("[default: json,csv,markdown]"), "{batch}");
    assert!(batch.contains("[default: grading]"), "{batch}");
}

#[test]
fn help_comes_first_even_when_the_rest_is_incomplete() {
    assert_eq!(printed(&["day", "--help"]), printed(&["help", "day"]));
    assert_eq!(printed(&["batch", "-h"]), printed(&["help", "batch"]));
    assert_eq!(printed(&["help", "week"]), printed(&["help", "progress"]));
    assert_eq!(
        error(&["day", "1", "--exrcise", "--help"]),
        "unknown option `--exrcise` for `cargo day`; did you mean `--exercise`? (see `cargo day --help`)",
        "a mistake before the help is still said"
    );
    assert_eq!(
        error(&["help", "dya"]).split(';').next(),
        Some("unknown command `dya`")
    );
    assert_eq!(
        error(&["help", "day", "json"]),
        "unexpected argument `json` for `help`: it takes only COMMAND, e.g. `cargo grader help \
         day` (see `cargo grader --help`)"
    );
}
