//! Helpers the workbook's canonical tests share: compile-fail checks whose failure teaches.
//!
//! A compile-fail case (`tests/ui/case.rs`) includes the learner's file with `#[path]` and does what
//! the exercise says must not compile. [`expect_compile_error`] compiles it with trybuild and judges
//! rustc's errors by what the exercise text fixes: each error's code (`E0277`) and the words of its
//! primary message, which name the items the text names. Never by the rest of rustc's output: that
//! quotes the learner's own code (their impls, their bounds, their private names), so comparing it
//! whole would reject correct code written another way.
//!
//! # How it gets rustc's output from trybuild
//!
//! trybuild compares the output with a `.stderr` file beside the case, and with `TRYBUILD=overwrite`
//! writes the output there instead when the case fails to compile. So the case is copied into a
//! scratch folder of its own (with the crate's `src/`, which its `#[path]` reaches), trybuild runs it
//! there in overwrite mode, and the `.stderr` it writes there is read and judged here. The scratch
//! folder is removed afterwards: nothing is written into the workbook, and no canonical `.stderr`
//! file exists to be overwritten. The copy of `src/` also keeps the line numbers of errors in the
//! learner's file, which trybuild hides for files inside the crate's folder.

pub mod rust_source;

use std::ffi::OsString;
use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// An error that a compile-fail case is allowed to fail with: rustc's error code and words of its
/// primary message (the `error[E0616]: ...` line), and, if the lesson needs it, words that its
/// notes or labels must contain.
///
/// Name only what the exercise text fixes: the items, types and traits it names. rustc's message
/// for one mistake can take several forms as correct code varies (a private field is E0616, but a
/// private field of another name beside a getter of that name is E0615): list each form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expected {
    code: &'static str,
    message: &'static str,
    note: Option<&'static str>,
}

impl Expected {
    /// An error with rustc's code `code` (`"E0277"`) whose primary message contains `message`.
    pub const fn error(code: &'static str, message: &'static str) -> Expected {
        Expected {
            code,
            message,
            note: None,
        }
    }

    /// The same error, whose whole text (notes, labels) must also contain `text`, e.g.
    /// "required by a bound in `restart`" for a call refused by a generic bound, not by a cast.
    pub const fn noting(self, text: &'static str) -> Expected {
        Expected {
            note: Some(text),
            ..self
        }
    }

    fn matches(&self, error: &Diagnostic) -> bool {
        self.matches_message(error) && self.note.is_none_or(|note| error.text.contains(note))
    }

    fn matches_message(&self, error: &Diagnostic) -> bool {
        error.code.as_deref() == Some(self.code) && error.message.contains(self.message)
    }
}

/// Asserts that `case` (a path relative to the crate's folder, like `tests/ui/ex1_missing_name.rs`)
/// fails to compile, and that every error rustc gives is one of `accepted`. Otherwise panics with
/// `why`, the lesson of the case, followed by what happened: the case compiled, or the first error
/// that is not an accepted one (a typo elsewhere in the learner's file is not a pass), with its
/// location relative to the workbook's root.
///
/// A case reaches the learner's files through `#[path = "../../src/..."]`: the case is compiled
/// from a copy, beside a copy of the crate's `src/`, so only files under `src/` can be reached.
///
/// Call it from tests that run one at a time, as `workbook_harness` runs them: it sets an
/// environment variable of the process while trybuild runs.
///
/// # Panics
///
/// When the case compiles, fails with another error, or cannot be checked.
#[track_caller]
pub fn expect_compile_error(case: &str, accepted: &[Expected], why: &str) {
    let places = match Places::find(case) {
        Ok(places) => places,
        Err(problem) => panic!("{why}\nThe check could not run: {problem}"),
    };
    let verdict = match check(&places, case, accepted) {
        Ok(verdict) => verdict,
        Err(problem) => panic!("{why}\nThe check could not run: {problem}"),
    };
    if let Some(what_happened) = verdict {
        panic!("{why}\n{what_happened}");
    }
}

/// Where things are: the crate's folder, and how the workbook names it.
struct Places {
    /// The crate's folder (`CARGO_MANIFEST_DIR`).
    crate_dir: PathBuf,
    /// The crate's folder relative to the workbook's root, with `/` (`days/day1-traits`).
    crate_shown: String,
}

impl Places {
    fn find(case: &str) -> Result<Places, String> {
        let crate_dir = match std::env::var_os("CARGO_MANIFEST_DIR") {
            Some(dir) => PathBuf::from(dir),
            None => std::env::current_dir().map_err(|e| format!("no current folder: {e}"))?,
        };
        if !crate_dir.join(case).is_file() {
            return Err(format!(
                "the case `{case}` is not a file in {}",
                crate_dir.display()
            ));
        }
        let root = crate_dir
            .ancestors()
            .skip(1)
            .find(|dir| {
                std::fs::read_to_string(dir.join("Cargo.toml"))
                    .is_ok_and(|text| text.lines().any(|l| l.trim() == "[workspace]"))
            })
            .unwrap_or(&crate_dir);
        let crate_shown = shown(crate_dir.strip_prefix(root).unwrap_or(&crate_dir));
        Ok(Places {
            crate_dir,
            crate_shown,
        })
    }

    /// `relative` (a path below the crate's folder) as the workbook names it.
    fn show(&self, relative: &str) -> String {
        if self.crate_shown.is_empty() {
            relative.to_owned()
        } else {
            format!("{}/{relative}", self.crate_shown)
        }
    }
}

/// Compiles the case in a scratch folder and judges rustc's errors: `Ok(None)` for a pass,
/// `Ok(Some(what happened))` for a failure, `Err` when the check could not run.
fn check(places: &Places, case: &str, accepted: &[Expected]) -> Result<Option<String>, String> {
    let scratch = Scratch::new()?;
    copy_tree(&places.crate_dir.join("src"), &scratch.dir.join("src"))
        .map_err(|e| format!("cannot copy the crate's src/ to a scratch folder: {e}"))?;
    let scratch_case = scratch.dir.join(case);
    if let Some(parent) = scratch_case.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot make a scratch folder for the case: {e}"))?;
    }
    std::fs::copy(places.crate_dir.join(case), &scratch_case)
        .map_err(|e| format!("cannot copy the case to a scratch folder: {e}"))?;

    let ran = run_trybuild(&scratch_case);

    let case_shown = places.show(case);
    let output = match std::fs::read_to_string(scratch_case.with_extension("stderr")) {
        Ok(output) => output,
        // trybuild writes the output only when the case fails to compile.
        Err(_) => {
            return match ran {
                Ok(()) => Err(format!(
                    "trybuild did not compile {case_shown} (a `trybuild=` filter on the command line?)"
                )),
                // What trybuild's setup panics with: before any case, the crate's library and the
                // tests' dependencies did not build (its output above says why).
                Err(message) if message == "tests failed" => Err(
                    "trybuild could not build the crate's library and the tests' dependencies, \
                     which every case uses: build them first (`cargo build --tests`)"
                        .to_owned(),
                ),
                Err(_) => Ok(Some(format!(
                    "This compiles, but must not: {case_shown}{} compiled without an error.",
                    included_files(&places.crate_dir.join(case), case)
                        .iter()
                        .map(|file| places.show(file))
                        .reduce(|all, file| format!("{all}, {file}"))
                        .map_or_else(String::new, |files| format!(
                            " (which includes your {files})"
                        ))
                ))),
            };
        }
    };
    let errors = errors(&output);
    let Some(first) = errors.first() else {
        return Ok(Some(format!(
            "{case_shown} does not compile, but rustc printed no error: {}",
            output.trim()
        )));
    };
    let Some(unexpected) = first_unexpected(&errors, accepted) else {
        return Ok(None);
    };
    let mut text = String::from(if std::ptr::eq(unexpected, first) {
        "It does not compile, but the compiler's error is not the expected one:\n"
    } else {
        "It does not compile, and the compiler also gives another error:\n"
    });
    let _ = writeln!(text, "{}", unexpected.header);
    if let Some(location) = &unexpected.location {
        let _ = writeln!(
            text,
            "  --> {}",
            show_location(location, &scratch.dir, places)
        );
    }
    for missing in accepted
        .iter()
        .filter(|a| a.matches_message(unexpected))
        .filter_map(|a| a.note)
    {
        let _ = writeln!(text, "It does not say \"{missing}\".");
    }
    Ok(Some(text.trim_end().to_owned()))
}

/// The first of `errors` that is none of `accepted`: every error must be an accepted one, so a typo
/// elsewhere in the learner's file is not a pass.
fn first_unexpected<'a>(errors: &'a [Diagnostic], accepted: &[Expected]) -> Option<&'a Diagnostic> {
    errors
        .iter()
        .find(|error| !accepted.iter().any(|a| a.matches(error)))
}

/// Runs trybuild on the case in overwrite mode, quietly: a panic inside trybuild (its way of
/// failing) prints no "panicked at" line and no backtrace note. `Err` carries its panic's message.
fn run_trybuild(case: &Path) -> Result<(), String> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let previous = std::env::var_os("TRYBUILD");
    set_trybuild_var(Some("overwrite".into()));
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let t = trybuild::TestCases::new();
        t.compile_fail(case);
        // trybuild builds and checks the case when `t` is dropped, here.
    }));
    set_trybuild_var(previous);
    std::panic::set_hook(hook);
    outcome.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default()
    })
}

/// Sets (or, with `None`, removes) `TRYBUILD` for this process: `overwrite` makes trybuild write the
/// case's output beside the (scratch) case instead of comparing it with a `.stderr` file.
#[allow(unsafe_code)]
fn set_trybuild_var(value: Option<OsString>) {
    // SAFETY: changing the environment is sound while no other thread reads or writes it. The
    // workbook's tests run under `workbook_harness`, which runs one test at a time on a thread of
    // its own while the main thread only waits for it (`graded::run_one`, `console::run_all`); a
    // compile-fail test target includes no learner code that could start threads; and trybuild
    // reads the variable on this thread, after this call, and starts processes, not threads.
    unsafe {
        match value {
            Some(value) => std::env::set_var("TRYBUILD", value),
            None => std::env::remove_var("TRYBUILD"),
        }
    }
}

/// The files a case includes with `#[path = "..."]`, relative to the crate's folder
/// (`src/ex3_restartable.rs`).
fn included_files(case_file: &Path, case: &str) -> Vec<String> {
    let text = std::fs::read_to_string(case_file).unwrap_or_default();
    let case_dir = Path::new(case).parent().unwrap_or(Path::new(""));
    text.lines()
        .filter_map(|line| {
            let rest = line.trim().strip_prefix("#[path")?.trim_start();
            let rest = rest.strip_prefix('=')?.trim_start().strip_prefix('"')?;
            let (path, _) = rest.split_once('"')?;
            Some(shown(&case_dir.join(path)))
        })
        .collect()
}

/// A folder of its own below the system's temporary folder, removed when dropped.
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn new() -> Result<Scratch, String> {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let mut last_error = None;
        for _ in 0..16 {
            let dir = std::env::temp_dir().join(format!(
                "workbook-compile-fail-{}-{nanos}-{}",
                std::process::id(),
                COUNT.fetch_add(1, Ordering::Relaxed)
            ));
            // `create_dir`, not `create_dir_all`: a folder that exists already is someone else's.
            match std::fs::create_dir(&dir) {
                Ok(()) => return Ok(Scratch { dir }),
                Err(e) => last_error = Some(e),
            }
        }
        Err(format!(
            "cannot make a scratch folder in {}: {}",
            std::env::temp_dir().display(),
            last_error.map_or_else(String::new, |e| e.to_string())
        ))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Copies the folder `from` to `to`: its files and folders (a link to a file as the file).
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() {
            copy_tree(&path, &to.join(entry.file_name()))?;
        } else if kind.is_file() || path.is_file() {
            std::fs::copy(&path, to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

/// One of rustc's diagnostics, as trybuild normalized it.
#[derive(Debug)]
struct Diagnostic {
    /// `error[E0277]: the trait bound ...`
    header: String,
    code: Option<String>,
    message: String,
    /// The path in its first `-->` line, with line and column when rustc gave them.
    location: Option<String>,
    /// All its lines.
    text: String,
}

/// The errors in rustc's output, in order (warnings and the closing summary left out).
fn errors(output: &str) -> Vec<Diagnostic> {
    let mut all: Vec<(bool, Vec<&str>)> = Vec::new();
    for line in output.lines() {
        let is_error = line.starts_with("error[") || line.starts_with("error:");
        let is_warning = line.starts_with("warning[") || line.starts_with("warning:");
        if is_error || is_warning {
            all.push((is_error, vec![line]));
        } else if let Some((_, lines)) = all.last_mut() {
            lines.push(line);
        }
    }
    all.into_iter()
        .filter(|(is_error, _)| *is_error)
        .map(|(_, lines)| lines)
        .filter(|lines| {
            !lines[0].starts_with("error: aborting due to")
                && !lines[0].starts_with("error: could not compile")
        })
        .map(|lines| {
            let header = lines[0].trim_end().to_owned();
            let (code, message) = match header.strip_prefix("error[") {
                Some(rest) => match rest.split_once("]: ") {
                    Some((code, message)) => (Some(code.to_owned()), message.to_owned()),
                    None => (None, rest.to_owned()),
                },
                None => (None, header["error:".len()..].trim().to_owned()),
            };
            let location = lines
                .iter()
                .find_map(|l| l.trim_start().strip_prefix("--> "))
                .map(|l| l.trim().to_owned());
            Diagnostic {
                header,
                code,
                message,
                location,
                text: lines.join("\n"),
            }
        })
        .collect()
}

/// A `-->` location of the scratch copy (`/tmp/…/tests/ui/../../src/x.rs:12:5`) as the workbook
/// names it (`days/day1-traits/src/x.rs:12:5`); any other location as it is.
fn show_location(location: &str, scratch: &Path, places: &Places) -> String {
    let location = location.replace('\\', "/");
    let scratch = format!("{}/", scratch.to_string_lossy().replace('\\', "/"));
    match location.strip_prefix(&scratch) {
        Some(relative) => places.show(&shown(Path::new(relative))),
        None => location,
    }
}

/// A relative path with `/` and without `..` steps: `tests/ui/../../src/x.rs` is `src/x.rs`.
fn shown(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for component in path.components() {
        match component {
            Component::ParentDir if parts.last().is_some_and(|p| p != "..") => {
                parts.pop();
            }
            Component::CurDir => {}
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUTPUT: &str = "\
warning: unused variable: `x`
 --> /tmp/s/tests/ui/case.rs:3:9
  |
3 |     let x = 1;
  |         ^

error[E0277]: the trait bound `Thermometer: Restartable` is not satisfied
  --> /tmp/s/tests/ui/case.rs:13:13
   |
13 |     restart(&mut Thermometer);
   |     ------- ^^^^^^^^^^^^^^^^ unsatisfied trait bound
   |
note: required by a bound in `restart`
  --> /tmp/s/tests/ui/../../src/ex3.rs:131:19
   |

error[E0425]: cannot find value `pdi` in this scope
   --> /tmp/s/tests/ui/../../src/ex3.rs:140:9
    |

error: cannot find macro `prinln` in this scope
";

    fn places() -> Places {
        Places {
            crate_dir: PathBuf::from("/w/days/day1-traits"),
            crate_shown: "days/day1-traits".to_owned(),
        }
    }

    #[test]
    fn errors_are_split_with_their_code_message_location_and_notes() {
        let errors = errors(OUTPUT);
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert_eq!(errors[0].code.as_deref(), Some("E0277"));
        assert_eq!(
            errors[0].message,
            "the trait bound `Thermometer: Restartable` is not satisfied"
        );
        assert_eq!(
            errors[0].location.as_deref(),
            Some("/tmp/s/tests/ui/case.rs:13:13")
        );
        assert!(errors[0].text.contains("required by a bound in `restart`"));
        assert_eq!(errors[1].code.as_deref(), Some("E0425"));
        assert_eq!(errors[2].code, None);
        assert_eq!(
            errors[2].message,
            "cannot find macro `prinln` in this scope"
        );
    }

    #[test]
    fn an_expected_error_matches_by_code_message_and_note() {
        let errors = errors(OUTPUT);
        let bound = Expected::error("E0277", "`Thermometer: Restartable` is not satisfied");
        assert!(bound.matches(&errors[0]));
        assert!(
            bound
                .noting("required by a bound in `restart`")
                .matches(&errors[0])
        );
        assert!(!bound.noting("required for the cast").matches(&errors[0]));
        assert!(!Expected::error("E0277", "`Service: Restartable`").matches(&errors[0]));
        assert!(!Expected::error("E0278", "").matches(&errors[0]));
        assert!(!bound.matches(&errors[1]));
    }

    #[test]
    fn every_error_must_be_an_accepted_one() {
        let errors = errors(OUTPUT);
        let bound = Expected::error("E0277", "`Thermometer: Restartable` is not satisfied");
        assert_eq!(
            first_unexpected(&errors, &[bound]).and_then(|e| e.code.as_deref()),
            Some("E0425"),
            "a typo beside the expected error is not a pass"
        );
        assert!(first_unexpected(&errors[..1], &[bound]).is_none());
        assert!(
            first_unexpected(
                &errors[..1],
                &[
                    Expected::error("E0616", "field `port`"),
                    bound.noting("required by a bound in `restart`")
                ]
            )
            .is_none(),
            "any one of the accepted forms will do"
        );
    }

    #[test]
    fn included_files_are_read_from_the_case_relative_to_the_crate() {
        let dir = std::env::temp_dir().join(format!("testkit-unit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let case = dir.join("case.rs");
        std::fs::write(
            &case,
            "#![allow(warnings)]\n\n#[path = \"../../src/ex3.rs\"]\nmod ex3;\n  #[path=\"../../src/a/mod.rs\"]\nmod a;\n",
        )
        .unwrap();
        let files = included_files(&case, "tests/ui/case.rs");
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(files, ["src/ex3.rs", "src/a/mod.rs"]);
    }

    #[test]
    fn locations_in_the_scratch_copy_are_shown_as_the_workbook_names_them() {
        let scratch = Path::new("/tmp/s");
        assert_eq!(
            show_location("/tmp/s/tests/ui/../../src/ex3.rs:140:9", scratch, &places()),
            "days/day1-traits/src/ex3.rs:140:9"
        );
        assert_eq!(
            show_location("/tmp/s/tests/ui/case.rs:13:13", scratch, &places()),
            "days/day1-traits/tests/ui/case.rs:13:13"
        );
        assert_eq!(
            show_location("$RUST/core/src/x.rs", scratch, &places()),
            "$RUST/core/src/x.rs"
        );
    }
}
