//! `cargo solution N EXERCISE` and `cargo grader reset N EXERCISE`: the reference solution after a
//! pass, and the stub back with the learner's file kept.

mod diff;
mod restore;
mod shipped;

use std::fmt;
use std::path::{Path, PathBuf};

use anstyle::Style;

use crate::manifest::Exercise;
use crate::workbook::{Unit, Workbook};

use restore::Restored;
use shipped::Shipped;

/// The folder of the reference solutions, which mirrors the learner's files path for path.
const SOLUTIONS_DIR: &str = "solutions";

#[derive(Debug)]
pub enum SolutionError {
    NoSolutions {
        root: PathBuf,
    },
    NotPassing {
        id: String,
        check: String,
        /// "; its 3 hints: `cargo hint 1 mixins` shows the first, `--level 2` the next", or nothing.
        hints: String,
        force: String,
    },
    MissingSolution {
        path: String,
    },
    Read {
        path: String,
        message: String,
    },
    GitMissing {
        files: String,
    },
    NoHistory {
        root: PathBuf,
        git_says: String,
        files: String,
    },
    NotShipped {
        path: String,
        commit: String,
    },
    Git {
        command: String,
        git_says: String,
    },
    Backup {
        path: String,
        message: String,
    },
    Write {
        path: String,
        backup: Option<String>,
        message: String,
    },
    Partly {
        error: Box<SolutionError>,
        done: String,
    },
}

impl fmt::Display for SolutionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SolutionError::NoSolutions { root } => write!(
                f,
                "this copy of the workbook has no reference solutions (no `solutions/` folder in {}): it \
                 is a release for students, and the instructor's release leaves them out. Ask your \
                 instructor to go through it with you; `cargo hint` still has the hints",
                root.display()
            ),
            SolutionError::NotPassing {
                id,
                check,
                hints,
                force,
            } => write!(
                f,
                "`{id}` does not pass yet, so its solution stays hidden: see where it stands with \
                 `{check}`{hints}; or see the solution anyway with `{force}`"
            ),
            SolutionError::MissingSolution { path } => write!(
                f,
                "the reference solutions have no `{path}`: this copy's `solutions/` folder is incomplete; \
                 get the file again from the workbook's repository (instructors: `cargo grader check` \
                 lists what is missing)"
            ),
            SolutionError::Read { path, message } => write!(
                f,
                "cannot read `{path}`: {message}; check that it is a file you can read, then try again"
            ),
            SolutionError::GitMissing { files } => write!(
                f,
                "git is not installed (or not on PATH), and the shipped version of your files is read \
                 from the workbook's git history: install git and try again, or copy {files} from the \
                 workbook's repository (the one you cloned) by hand"
            ),
            SolutionError::NoHistory {
                root,
                git_says,
                files,
            } => write!(
                f,
                "{} has no git history to read the shipped version from ({git_says}): copy {files} from \
                 the workbook's repository (the one you cloned) by hand",
                root.display()
            ),
            SolutionError::NotShipped { path, commit } => write!(
                f,
                "`{path}` is not in {commit}, so it has no shipped version to put back: copy it from the \
                 workbook's repository by hand"
            ),
            SolutionError::Git { command, git_says } => write!(
                f,
                "`{command}` failed: {git_says}; run it in the workbook's folder to see why"
            ),
            SolutionError::Backup { path, message } => write!(
                f,
                "cannot write a backup of `{path}` ({message}), so it was left as it was: make room on \
                 the disk or check the folder's permissions, then try again"
            ),
            SolutionError::Write {
                path,
                backup,
                message,
            } => write!(
                f,
                "cannot write `{path}` ({message}), so it was left as it was{}: close any program that \
                 holds it open, then try again",
                backup
                    .as_ref()
                    .map(|b| format!(" (a copy of it is also in `{b}`)"))
                    .unwrap_or_default()
            ),
            SolutionError::Partly { error, done } => {
                write!(f, "{error}\nBefore that, done: {done}")
            }
        }
    }
}

/// No variant has a cause of its own: each message already says what went wrong.
impl std::error::Error for SolutionError {}

/// The text `cargo solution` prints: the reference solution of each of `exercise`'s files and a
/// diff against the learner's. `passes` is `None` under `--force`, else whether the exercise
/// passes; an exercise that does not pass gets an error that says so and names `--force`.
/// `unit_name` is how the learner named the unit (`1`, `capstone`), for the commands it suggests.
pub fn solution_text(
    workbook: &Workbook,
    unit: &Unit,
    exercise: &Exercise,
    unit_name: &str,
    passes: Option<bool>,
) -> Result<String, SolutionError> {
    has_solutions(workbook)?;
    let id = &exercise.id;
    if passes == Some(false) {
        let check = match unit.manifest.day {
            Some(day) => format!("cargo day {day} --exercise {id}"),
            None => format!("cargo capstone --area {id}"),
        };
        return Err(SolutionError::NotPassing {
            id: id.clone(),
            check,
            hints: match exercise.hints.len() {
                0 => String::new(),
                1 => format!("; it has a hint: `cargo hint {unit_name} {id}`"),
                n => {
                    format!(
                        "; its {n} hints: `cargo hint {unit_name} {id}` shows the first, \
                         `--level 2` the next"
                    )
                }
            },
            force: format!("cargo solution {unit_name} {id} --force"),
        });
    }
    let bold = Style::new().bold();
    let mut out = format!(
        "{bold}The reference solution of `{id}` ({}: {}){bold:#}\n",
        unit.label(),
        exercise.title
    );
    for path in files_of(unit, exercise) {
        let reference_path = format!("{SOLUTIONS_DIR}/{path}");
        let reference = match std::fs::read(workbook.root.join(&reference_path)) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).replace("\r\n", "\n"),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(SolutionError::MissingSolution {
                    path: reference_path,
                });
            }
            Err(e) => return Err(read(&reference_path, &e)),
        };
        out += &format!("\n{bold}==> {reference_path} <=={bold:#}\n{reference}");
        if !reference.ends_with('\n') {
            out.push('\n');
        }
        let yours = match std::fs::read(workbook.root.join(&path)) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let reset = format!("cargo grader reset {unit_name} {id}");
                out += &format!("\nYou have no `{path}` (`{reset}` puts the stub back).\n");
                continue;
            }
            Err(e) => return Err(read(&path, &e)),
        };
        // The `//!` notes at the top (the stub's lesson, the reference's comments) differ by
        // design: the diff is of the code below them.
        let ((your_notes, your_code), (its_notes, its_code)) =
            (split_notes(&yours), split_notes(&reference));
        if diff::same_lines(&yours, &reference) {
            out += &format!("\nYour `{path}` is identical to the reference.\n");
        } else if diff::same_lines(your_code, its_code) {
            out += &format!(
                "\nYour code in `{path}` is the reference's; only the `//!` notes at the top \
                 differ.\n"
            );
        } else {
            let (old, new) = (
                format!("yours: {path}"),
                format!("reference: {reference_path}"),
            );
            let below_notes = if your_notes + its_notes > 0 {
                "\nThe diff of the code, below the `//!` notes at the top of each file:"
            } else {
                ""
            };
            out += &format!(
                "{below_notes}\n{}",
                diff::unified(your_code, its_code, &old, &new, (your_notes, its_notes))
            );
        }
    }
    Ok(out)
}

/// A file's `//!` notes at the top (with the blank lines among them), as a count of lines, and
/// the rest of it.
fn split_notes(text: &str) -> (usize, &str) {
    let mut notes = 0;
    let mut rest = text;
    while let Some(line) = rest.lines().next() {
        let trimmed = line.trim_end();
        if !(trimmed.starts_with("//!") || trimmed.is_empty()) {
            break;
        }
        notes += 1;
        rest = rest.split_once('\n').map_or("", |(_, after)| after);
    }
    (notes, rest)
}

/// `Err` with what to do when this copy of the workbook has no reference solutions (a release for
/// students): worth checking before grading an exercise only to show its solution.
pub fn has_solutions(workbook: &Workbook) -> Result<(), SolutionError> {
    match workbook.root.join(SOLUTIONS_DIR).is_dir() {
        true => Ok(()),
        false => Err(SolutionError::NoSolutions {
            root: workbook.root.clone(),
        }),
    }
}

/// Puts each of `exercise`'s files back as shipped, keeping the learner's version as a backup;
/// returns the lines for the learner: which commit is "as shipped", then one line per file (what
/// was restored, where the backup is). Every file is read from git before any is written.
pub fn reset(
    workbook: &Workbook,
    unit: &Unit,
    exercise: &Exercise,
) -> Result<Vec<String>, SolutionError> {
    let paths = files_of(unit, exercise);
    let names: Vec<String> = paths.iter().map(|p| format!("`{p}`")).collect();
    let shipped = Shipped::find(&workbook.root, &names.join(", "))?;
    let texts = paths
        .iter()
        .map(|path| shipped.read(path))
        .collect::<Result<Vec<_>, _>>()?;
    let mut lines = vec![format!("As shipped: {}.", shipped.describe())];
    for (path, text) in paths.iter().zip(&texts) {
        let line = match restore::restore(&workbook.root, path, text) {
            Ok(Restored::AlreadyShipped) => format!("{path}: already as shipped, left alone"),
            Ok(Restored::WasMissing) => format!("{path}: was missing, put back as shipped"),
            Ok(Restored::BackedUp(backup)) => {
                format!("{path}: put back as shipped; your version is in {backup}")
            }
            Err(error) if lines.len() == 1 => return Err(error),
            Err(error) => {
                return Err(SolutionError::Partly {
                    error: Box::new(error),
                    done: lines[1..].join("; "),
                });
            }
        };
        lines.push(line);
    }
    Ok(lines)
}

/// The exercise's files relative to the workbook root, with `/` on every OS (for git and for
/// messages alike).
fn files_of(unit: &Unit, exercise: &Exercise) -> Vec<String> {
    exercise
        .files
        .iter()
        .map(|file| slashed(&unit.dir.join(file)))
        .collect()
}

fn slashed(path: &Path) -> String {
    let parts: Vec<_> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}

fn read(path: &str, e: &std::io::Error) -> SolutionError {
    SolutionError::Read {
        path: path.to_owned(),
        message: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::split_notes;

    #[test]
    fn the_notes_at_the_top_are_the_inner_doc_lines_and_the_blank_lines_among_them() {
        let text =
            "//! # Lesson\n//!\n//! Task.\n\n#![allow(unused)]\n//! not at the top\nfn f() {}\n";
        let (notes, code) = split_notes(text);
        assert_eq!(notes, 4);
        assert_eq!(code, "#![allow(unused)]\n//! not at the top\nfn f() {}\n");
        assert_eq!(split_notes("fn f() {}\n"), (0, "fn f() {}\n"), "no notes");
        assert_eq!(
            split_notes("//! only notes\n"),
            (1, ""),
            "nothing but notes"
        );
    }
}
