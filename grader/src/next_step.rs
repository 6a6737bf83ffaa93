//! Which unfinished test a report shows first, and where a compiler error points.

use crate::report::{TestResult, TestStatus};
use crate::workbook::Unit;

/// The test to show first, of `unfinished` in the report's order. Targets come in the manifest's
/// order (the task's order, compile-fail cases last), so the first target with unfinished tests
/// holds the next step. Within it a real failure says more than a `todo!()`, and of the failures
/// the first in the order the test file lists them (its author's: basic before specific) comes
/// first; and of the `todo!()`s the one highest in the learner's file
/// comes first: files are written top to bottom, step 1 first. An ignored test did not run and
/// counts for nothing, so it is never the next step. `files` are the exercise's files in the order
/// its manifest gives them (the order to write them), relative to the workbook root.
pub fn most_telling<'a>(unfinished: &[&'a TestResult], files: &[String]) -> Option<&'a TestResult> {
    let counted: Vec<&TestResult> = unfinished
        .iter()
        .copied()
        .filter(|t| t.status.is_counted())
        .collect();
    let target = &counted.first()?.target;
    let in_target: Vec<&TestResult> = counted
        .into_iter()
        .filter(|t| t.target == *target)
        .collect();
    in_target
        .iter()
        .copied()
        .find(|t| t.status != TestStatus::NotStarted)
        .or_else(|| {
            in_target.iter().copied().min_by_key(|t| {
                t.location
                    .as_deref()
                    .map_or((usize::MAX, "", 0), |l| location_order(l, files))
            })
        })
}

/// The test a report shows first among `tests` of the exercise `id` of `unit`: the most telling of
/// those that count and have not passed (see [`most_telling`]).
pub fn first_to_show<'a>(unit: &Unit, id: &str, tests: &'a [TestResult]) -> Option<&'a TestResult> {
    let files = unit
        .manifest
        .exercise(id)
        .map(|e| unit.files_of(e))
        .unwrap_or_default();
    let unfinished: Vec<&TestResult> = tests
        .iter()
        .filter(|t| t.status.is_counted() && t.status != TestStatus::Passed)
        .collect();
    most_telling(&unfinished, &files)
}

/// `path:line:column` as something to sort by: the file's place among the exercise's files (any
/// other file after them), then the path, then the line as a number.
fn location_order<'l>(location: &'l str, files: &[String]) -> (usize, &'l str, u32) {
    let mut parts = location.rsplitn(3, ':');
    let _column = parts.next();
    let line = parts.next().and_then(|l| l.parse().ok()).unwrap_or(0);
    let path = parts.next().unwrap_or(location);
    let rank = files.iter().position(|f| f == path).unwrap_or(files.len());
    (rank, path, line)
}

/// The learner's file a failing test is most likely about, when its failure points into the test
/// file rather than into one of the learner's files: the file that defines an item the test's name
/// or message names (`send_alert_sends_only_for_failures` is about the file with `fn send_alert`).
/// The longest name wins; `None` when no item is named. `files` are (path, text) pairs.
pub fn file_named_by<'f>(test: &TestResult, files: &'f [(String, String)]) -> Option<&'f str> {
    // A message that names one of the files (`src/main.rs must use the library`) says it outright.
    let message = test.message.as_deref().unwrap_or_default();
    // A bare file name counts when no other file of the exercise has it (`rust-toolchain.toml`,
    // `.gitignore`), never when several do (`mod.rs`).
    let bare_name = |path: &str| path.rsplit('/').next().unwrap_or(path).to_owned();
    let named = files
        .iter()
        .filter_map(|(path, _)| {
            let parts: Vec<&str> = path.split('/').collect();
            let unique = files
                .iter()
                .filter(|(other, _)| bare_name(other) == bare_name(path))
                .count()
                == 1;
            let last = if unique {
                parts.len()
            } else {
                parts.len().saturating_sub(1)
            };
            (0..last)
                .map(|from| parts[from..].join("/"))
                .find(|suffix| message.contains(suffix.as_str()))
                .map(|suffix| (suffix.len(), path.as_str()))
        })
        .max_by_key(|(len, _)| *len);
    if let Some((_, path)) = named {
        return Some(path);
    }
    let said = format!(
        "{} {}",
        test.name,
        test.message.as_deref().unwrap_or_default()
    );
    let words: Vec<&str> = said
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    files
        .iter()
        .flat_map(|(path, text)| defined_items(text).map(move |item| (item, path.as_str())))
        // Short names (`new`, `run`) are everywhere: they name no file.
        .filter(|(item, _)| item.len() >= 4)
        .filter(|(item, _)| {
            words.iter().any(|word| {
                *word == *item
                    || word.starts_with(&format!("{item}_"))
                    || word.contains(&format!("_{item}_"))
                    || word.ends_with(&format!("_{item}"))
            })
        })
        .max_by_key(|(item, _)| item.len())
        .map(|(_, path)| path)
}

/// The names a Rust file defines: `fn`, `struct`, `enum`, `trait`, `type`, `const`, `static`.
fn defined_items(text: &str) -> impl Iterator<Item = &str> {
    const KEYWORDS: [&str; 7] = ["fn", "struct", "enum", "trait", "type", "const", "static"];
    let tokens: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect();
    let names: Vec<&str> = tokens
        .windows(2)
        .filter(|pair| KEYWORDS.contains(&pair[0]))
        .map(|pair| pair[1])
        .collect();
    names.into_iter()
}

/// The `--> path:line:col` of a compiler error.
pub fn error_location(error: &str) -> Option<&str> {
    error
        .lines()
        .find_map(|line| line.trim_start().strip_prefix("--> "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test(target: &str, name: &str, status: TestStatus, location: Option<&str>) -> TestResult {
        TestResult {
            name: name.into(),
            target: target.into(),
            status,
            message: None,
            location: location.map(str::to_owned),
            note: None,
            explanation: None,
            duration_ms: 0,
        }
    }

    #[test]
    fn a_failure_in_the_test_file_names_the_file_that_defines_what_it_tests() {
        let files = [
            (
                "src/m/mod.rs".to_owned(),
                "pub mod alerts;\npub use alerts::send_alert;\n".to_owned(),
            ),
            (
                "src/m/alerts.rs".to_owned(),
                "pub fn send_alert(x: u32) -> bool {\n    true\n}\n".to_owned(),
            ),
            (
                "src/m/checks.rs".to_owned(),
                "pub struct DiskCheck;\nfn new() {}\n".to_owned(),
            ),
        ];
        let mut failing = test(
            "ex2",
            "send_alert_sends_only_for_failures",
            TestStatus::Failed,
            Some("tests/ex2.rs:104:5"),
        );
        assert_eq!(file_named_by(&failing, &files), Some("src/m/alerts.rs"));
        failing.name = "a_blank_name_is_refused".into();
        failing.message = Some("`DiskCheck::new` must refuse it".into());
        assert_eq!(file_named_by(&failing, &files), Some("src/m/checks.rs"));
        failing.message = Some("src/m/checks.rs must not define send_alert again".into());
        assert_eq!(
            file_named_by(&failing, &files),
            Some("src/m/checks.rs"),
            "a message that names a file says it outright"
        );
        failing.message = Some("checks.rs must not define send_alert again".into());
        assert_eq!(
            file_named_by(&failing, &files),
            Some("src/m/checks.rs"),
            "a bare file name that only one file has names it"
        );
        failing.message = Some("a_blank_name_is_refused: see mod.rs".into());
        let with_two_mods = [files[0].clone(), ("src/n/mod.rs".to_owned(), String::new())];
        assert_eq!(
            file_named_by(&failing, &with_two_mods),
            None,
            "a bare name two files share names neither"
        );
        failing.message = Some("new() must refuse it".into());
        assert_eq!(
            file_named_by(&failing, &files),
            None,
            "a short name like `new` names no file"
        );
    }

    #[test]
    fn the_first_target_comes_first_and_a_failure_before_a_todo() {
        use TestStatus::*;
        let tests = [
            test("ex1", "b", NotStarted, Some("src/ex1.rs:80:9")),
            test("ex1", "c", Failed, Some("tests/ex1.rs:3:5")),
            test("ex1_compile_fail", "a", Failed, None),
        ];
        let refs: Vec<&TestResult> = tests.iter().collect();
        assert_eq!(most_telling(&refs, &[]).unwrap().name, "c");
    }

    #[test]
    fn of_the_todos_the_one_highest_in_the_file_comes_first() {
        use TestStatus::*;
        let tests = [
            test("ex1", "a_late_step", NotStarted, Some("src/ex1.rs:120:9")),
            test("ex1", "b_unknown", NotStarted, None),
            test("ex1", "c_first_step", NotStarted, Some("src/ex1.rs:45:9")),
            test("ex1", "d_second_step", NotStarted, Some("src/ex1.rs:100:9")),
        ];
        let refs: Vec<&TestResult> = tests.iter().collect();
        assert_eq!(
            most_telling(&refs, &[]).unwrap().name,
            "c_first_step",
            "line 45 before line 100 before line 120 (compared as numbers), unknown last"
        );
        assert!(most_telling(&[], &[]).is_none());
    }

    #[test]
    fn an_ignored_test_is_never_the_next_step() {
        use TestStatus::*;
        let tests = [
            test("ex1", "a_ignored", Ignored, None),
            test("ex1", "b_todo", NotStarted, Some("src/ex1.rs:80:9")),
        ];
        let refs: Vec<&TestResult> = tests.iter().collect();
        assert_eq!(
            most_telling(&refs, &[]).unwrap().name,
            "b_todo",
            "an ignored test is no real failure to show before a todo!()"
        );

        let tests = [
            test("ex1", "only_ignored", Ignored, None),
            test("ex1_more", "fails", Failed, Some("tests/ex1_more.rs:3:5")),
        ];
        let refs: Vec<&TestResult> = tests.iter().collect();
        assert_eq!(
            most_telling(&refs, &[]).unwrap().name,
            "fails",
            "a target whose only unfinished test is ignored holds no next step"
        );

        let ignored = test("ex1", "later", Ignored, None);
        assert!(most_telling(&[&ignored], &[]).is_none());
    }

    #[test]
    fn the_manifests_file_order_comes_before_the_alphabet() {
        use TestStatus::*;
        let tests = [
            test(
                "cli",
                "parse_args",
                NotStarted,
                Some("capstone/src/cli.rs:10:9"),
            ),
            test(
                "cli",
                "load_config",
                NotStarted,
                Some("capstone/src/config.rs:200:9"),
            ),
        ];
        let refs: Vec<&TestResult> = tests.iter().collect();
        let files = [
            "capstone/src/config.rs".to_owned(),
            "capstone/src/cli.rs".to_owned(),
        ];
        assert_eq!(
            most_telling(&refs, &files).unwrap().name,
            "load_config",
            "config.rs is written first, as the manifest lists it, though cli.rs sorts first"
        );
    }

    #[test]
    fn a_compiler_error_points_at_its_first_arrow() {
        let error =
            "error[E0432]: unresolved import\n --> days/d/tests/ex2.rs:12:5\n  |\n::: other.rs:1:1";
        assert_eq!(error_location(error), Some("days/d/tests/ex2.rs:12:5"));
        assert_eq!(error_location("error: no arrow"), None);
    }
}
