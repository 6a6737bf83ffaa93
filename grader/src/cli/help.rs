//! The help texts, `--help` on the grader and on each command, written from the commands' specs.

use std::fmt::Write as _;

use super::catalog::COMMANDS;
use super::spec::{CommandSpec, Takes};
use super::usage_error::GRADER;

/// How wide the help's lines may be, in characters.
const WIDTH: usize = 100;

/// `cargo grader --help`: what the grader is, and its commands.
pub fn grader() -> String {
    let mut rows: Vec<(String, &str)> = COMMANDS
        .iter()
        .map(|command| {
            let names = match command.alias {
                Some(alias) => format!("{}, {alias}", command.name),
                None => command.name.to_owned(),
            };
            (names, command.about)
        })
        .collect();
    rows.push((
        "help".to_owned(),
        "Print this help, or a command's: `cargo grader help day`.",
    ));
    let mut text = format!(
        "{}.\n\nUsage: {GRADER} <COMMAND> [OPTIONS]\n\
         Learners' shortcuts: cargo day, cargo capstone, cargo week, cargo \
         solution, cargo hint.\n\nCommands:\n",
        env!("CARGO_PKG_DESCRIPTION")
    );
    write_rows(&mut text, &rows);
    text.push_str("\nOptions:\n");
    write_rows(
        &mut text,
        &[
            ("-h, --help".to_owned(), "Print this help."),
            ("-V, --version".to_owned(), "Print the grader's version."),
        ],
    );
    text.push_str("\nEach command's own options: `cargo day --help`, `cargo grader help check`.\n");
    text
}

/// `cargo day --help`: what the command does, its usage, arguments and options with defaults.
pub fn command(command: &CommandSpec) -> String {
    let mut text = String::new();
    let _ = writeln!(text, "{}\n", wrap(command.about, 0));
    let mut usage = command.typed.to_owned();
    for argument in command.arguments {
        let _ = write!(usage, " <{}>", argument.name);
        if argument.many {
            usage.push_str("...");
        }
    }
    usage.push_str(" [OPTIONS]");
    if let Some(alias) = command.alias {
        let _ = write!(
            usage,
            "\n       (`{GRADER} {}` and `{GRADER} {alias}` are the same command)",
            command.name
        );
    }
    let _ = writeln!(text, "Usage: {usage}");
    if !command.arguments.is_empty() {
        text.push_str("\nArguments:\n");
        let rows: Vec<(String, &str)> = command
            .arguments
            .iter()
            .map(|argument| {
                let dots = if argument.many { "..." } else { "" };
                (format!("<{}>{dots}", argument.name), argument.help)
            })
            .collect();
        write_rows(&mut text, &rows);
    }
    text.push_str("\nOptions:\n");
    let helps: Vec<String> = command
        .options
        .iter()
        .map(|option| match option.default {
            Some(default) => format!("{} [default: {default}]", option.help),
            None => option.help.to_owned(),
        })
        .collect();
    let mut rows: Vec<(String, &str)> = command
        .options
        .iter()
        .zip(&helps)
        .map(|(option, help)| {
            let name = match option.takes {
                Takes::Nothing => format!("    --{}", option.long),
                Takes::Value(value) | Takes::Values(value) | Takes::CommaSeparatedValues(value) => {
                    format!("    --{} <{value}>", option.long)
                }
            };
            (name, help.as_str())
        })
        .collect();
    rows.push(("-h, --help".to_owned(), "Print this help."));
    write_rows(&mut text, &rows);
    text
}

/// Two columns, the second wrapped to [`WIDTH`] and aligned after the widest first.
fn write_rows(text: &mut String, rows: &[(String, &str)]) {
    let first_width = rows
        .iter()
        .map(|(first, _)| first.chars().count())
        .max()
        .unwrap_or(0);
    let indent = 2 + first_width + 2;
    for (first, second) in rows {
        let _ = writeln!(text, "  {first:<first_width$}  {}", wrap(second, indent));
    }
}

/// `words` in lines that fit [`WIDTH`] after `indent` characters, the lines after the first
/// indented by as much.
fn wrap(words: &str, indent: usize) -> String {
    let room = WIDTH.saturating_sub(indent).max(30);
    let mut lines: Vec<String> = vec![String::new()];
    for word in unbroken_words(words) {
        let word = word.as_str();
        let line = lines.last_mut().expect("there is always a line");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
            lines.push(word.to_owned());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines.join(&format!("\n{}", " ".repeat(indent)))
}

/// The words of `text`, a code span in backticks kept whole: "`cargo week`." is one word.
fn unbroken_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut in_code = false;
    for word in text.split_whitespace() {
        match words.last_mut() {
            Some(last) if in_code => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
        if word.matches('`').count() % 2 == 1 {
            in_code = !in_code;
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_fit_the_width_and_line_up_after_the_indent() {
        let words = "word ".repeat(40);
        let wrapped = wrap(&words, 20);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() > 1, "{wrapped}");
        assert!(
            lines
                .iter()
                .all(|line| line.chars().count() <= WIDTH - 20 + 20)
        );
        assert!(lines[1..].iter().all(|line| line.starts_with(&" ".repeat(20))
            && !line.starts_with(&" ".repeat(21))));
        assert_eq!(wrapped.split_whitespace().count(), 40, "no word lost");
    }

    #[test]
    fn code_in_backticks_stays_on_one_line() {
        assert_eq!(
            unbroken_words("what to do next: `cargo week`. Or `cargo day 1`"),
            [
                "what",
                "to",
                "do",
                "next:",
                "`cargo week`.",
                "Or",
                "`cargo day 1`"
            ]
        );
        let wrapped = wrap(&format!("{} `cargo week`.", "x".repeat(WIDTH - 8)), 0);
        assert!(wrapped.ends_with("\n`cargo week`."), "{wrapped}");
    }

    #[test]
    fn every_help_line_fits_the_width() {
        let texts = COMMANDS.iter().map(command).chain([grader()]);
        for text in texts {
            for line in text.lines() {
                assert!(line.chars().count() <= WIDTH, "too wide: {line}");
            }
        }
    }
}
