//! A release's check of itself: nothing in it comes from `solutions/`, it builds offline, and its
//! stubs grade as not started (the self-check's stub round, run in the release).

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::io::BufRead as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::compile::{CompileError, cargo_command};
use crate::grade::{GradeOptions, Progress};
use crate::selfcheck::{Problem, grade_stubs};
use crate::workbook::{Workbook, WorkbookError};

/// Where the grader's own test fixtures live: a small workbook with solutions of its own, which the
/// grader's tests need and which solve nothing a learner does.
const FIXTURES: &str = "grader/tests/fixtures";

/// How to check a release.
pub struct ReleaseCheck<'a> {
    /// The release was made with `--with-solutions`: `solutions/` belongs in it.
    pub with_solutions: bool,
    /// Where cargo builds the release, outside it: the caller's target folder, so that the
    /// dependencies it already built are not built again.
    pub build_dir: PathBuf,
    pub progress: &'a (dyn Fn(Progress<'_>) + Sync),
}

#[derive(Debug)]
pub enum ReleaseCheckError {
    Workbook(WorkbookError),
    Compile(CompileError),
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl fmt::Display for ReleaseCheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReleaseCheckError::Workbook(error) => {
                write!(f, "the release's manifests do not load: {error}")
            }
            ReleaseCheckError::Compile(error) => fmt::Display::fmt(error, f),
            ReleaseCheckError::Read { path, source } => {
                write!(f, "cannot read {}: {source}", path.display())
            }
        }
    }
}

// The message says the cause, so it is not given again as the source: printed as a chain
// (`{error:#}`), it would be said twice.
impl std::error::Error for ReleaseCheckError {}

impl From<WorkbookError> for ReleaseCheckError {
    fn from(error: WorkbookError) -> Self {
        ReleaseCheckError::Workbook(error)
    }
}

impl From<CompileError> for ReleaseCheckError {
    fn from(error: CompileError) -> Self {
        ReleaseCheckError::Compile(error)
    }
}

/// The build folder a release is checked in when the caller names none: `CARGO_TARGET_DIR` if
/// set, else `target/grader/release/` in the workbook (never the workbook's own `target/debug`,
/// where the running grader's binary lives).
pub fn default_build_dir(workbook: &Workbook) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workbook.root.join("target").join("grader").join("release"))
}

/// Runs the three checks of the release at `dir`, made from `workbook`; every problem found.
pub fn check_release(
    workbook: &Workbook,
    dir: &Path,
    check: &ReleaseCheck<'_>,
) -> Result<Vec<Problem>, ReleaseCheckError> {
    let mut problems = check_leaks(workbook, dir, check.with_solutions)?;
    problems.extend(check_builds(dir, &check.build_dir, check.progress)?);
    problems.extend(check_stubs(dir, &check.build_dir, check.progress)?);
    Ok(problems)
}

/// Nothing from `solutions/`: no `solutions/` folder (unless released with it), no
/// `variants.toml`, and no file with the content of a reference solution, alternative or planted
/// mistake, wherever it is, unless the workbook itself ships that content outside `solutions/` (a
/// stub that is its own solution). Contents are compared with CRLF read as LF.
pub fn check_leaks(
    workbook: &Workbook,
    dir: &Path,
    with_solutions: bool,
) -> Result<Vec<Problem>, ReleaseCheckError> {
    let problem = |what: String| Problem {
        place: "release".into(),
        what,
    };
    let mut problems = Vec::new();
    if !with_solutions && dir.join("solutions").exists() {
        problems.push(problem(
            "it has a solutions/ folder: a release for learners holds no reference solutions \
             (release again without --with-solutions)"
                .into(),
        ));
    }
    let mut secrets: HashMap<Vec<u8>, PathBuf> = HashMap::new();
    for relative in files_under(&workbook.root.join("solutions"))? {
        let content = normalized(&workbook.root.join("solutions").join(&relative))?;
        if !content.iter().all(u8::is_ascii_whitespace) {
            secrets.insert(content, Path::new("solutions").join(relative));
        }
    }
    for relative in files_under(&workbook.root)? {
        if !relative.starts_with("solutions") && !secrets.is_empty() {
            secrets.remove(&normalized(&workbook.root.join(&relative))?);
        }
    }
    for relative in files_under(dir)? {
        let in_solutions = relative.starts_with("solutions");
        if with_solutions && in_solutions {
            continue;
        }
        if relative.file_name().is_some_and(|n| n == "variants.toml")
            && !relative.starts_with(FIXTURES)
            && !in_solutions
        {
            problems.push(problem(format!(
                "{} is a file of alternatives and planted mistakes: leave it out",
                relative.display()
            )));
        }
        if let Some(source) = secrets.get(&normalized(&dir.join(&relative))?) {
            problems.push(problem(format!(
                "{} has the content of {}: a learner would be handed the answer; put the \
                 workbook's stub in its place",
                relative.display(),
                source.display()
            )));
        }
    }
    Ok(problems)
}

/// The release builds offline, with the lock file it ships, once the packages that lock names are
/// fetched (`cargo fetch --locked`: nothing to download where they already are): every library and binary of the
/// workspace (the stubs as shipped), and every target of its default members (the grader and the
/// harness, with their tests). A stub's test targets are left to the stub round: some do not
/// compile until the learner has done the work (Day 3's `mod` and `pub use`).
pub fn check_builds(
    dir: &Path,
    build_dir: &Path,
    progress: &(dyn Fn(Progress<'_>) + Sync),
) -> Result<Vec<Problem>, ReleaseCheckError> {
    let mut problems = Vec::new();
    for args in [
        &["fetch", "--locked"][..],
        &[
            "build",
            "--offline",
            "--locked",
            "--workspace",
            "--lib",
            "--bins",
        ][..],
        &["build", "--offline", "--locked", "--all-targets"][..],
    ] {
        let cargo = cargo_command();
        let mut child = crate::process::spawn_own(
            Command::new(&cargo)
                .current_dir(dir)
                .args(args)
                .env("CARGO_TARGET_DIR", build_dir)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped()),
        )
        .map_err(|source| CompileError::CargoMissing {
            cargo: cargo.clone(),
            source,
        })?;
        let mut tail = std::collections::VecDeque::new();
        if let Some(stderr) = child.stderr.take() {
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                progress(Progress::Cargo(line.trim()));
                if tail.len() == 20 {
                    tail.pop_front();
                }
                tail.push_back(line);
            }
        }
        let status = child.wait().map_err(CompileError::Output)?;
        if !status.success() {
            problems.push(Problem {
                place: "release".into(),
                what: format!(
                    "`cargo {}` fails in the release ({status}):\n{}",
                    args.join(" "),
                    Vec::from(tail).join("\n")
                ),
            });
        }
    }
    Ok(problems)
}

/// The self-check's stub round, run in the release: no test of an exercise passes on the stubs,
/// every stub compiles where its manifest says it does, and no exercise is done before the learner
/// starts. Grading writes nothing the release keeps: what the tests leave in it (trybuild's notes,
/// the little projects' build folders) is removed afterwards.
pub fn check_stubs(
    dir: &Path,
    build_dir: &Path,
    progress: &(dyn Fn(Progress<'_>) + Sync),
) -> Result<Vec<Problem>, ReleaseCheckError> {
    let before: BTreeSet<PathBuf> = entries_under(dir)?.into_iter().collect();
    let release = Workbook::load(dir)?;
    let options = GradeOptions {
        target_dir: Some(build_dir.to_owned()),
        progress,
        ..GradeOptions::quiet()
    };
    let units: Vec<_> = release.units.iter().collect();
    let graded = grade_stubs(dir, &units, &options);
    remove_new_entries(dir, &before)?;
    let (problems, reports) = graded?;
    let done = units.iter().zip(&reports).flat_map(|(unit, report)| {
        report
            .exercises
            .iter()
            .filter(|e| e.is_done())
            .map(|e| Problem {
                place: unit.label(),
                what: format!(
                    "`{}` is done on the stub: a learner would get its points for nothing",
                    e.id
                ),
            })
    });
    Ok(problems.into_iter().chain(done).collect())
}

/// Removes every file and folder under `dir` that is not in `before` (but a top-level `.git`).
fn remove_new_entries(dir: &Path, before: &BTreeSet<PathBuf>) -> Result<(), ReleaseCheckError> {
    for relative in entries_under(dir)? {
        let parent_is_new = relative
            .parent()
            .is_some_and(|p| !p.as_os_str().is_empty() && !before.contains(p));
        if before.contains(&relative) || parent_is_new {
            continue;
        }
        let path = dir.join(&relative);
        let removed = if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        removed.map_err(|source| ReleaseCheckError::Read { path, source })?;
    }
    Ok(())
}

/// Every file and folder under `dir`, relative to it, parents before what they hold, but a
/// top-level `.git`.
fn entries_under(dir: &Path) -> Result<Vec<PathBuf>, ReleaseCheckError> {
    let mut entries = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        let folder = dir.join(&relative);
        let error = |source| ReleaseCheckError::Read {
            path: folder.clone(),
            source,
        };
        for entry in std::fs::read_dir(&folder).map_err(error)? {
            let entry = entry.map_err(error)?;
            let path = relative.join(entry.file_name());
            if path == Path::new(".git") {
                continue;
            }
            if entry.file_type().map_err(error)?.is_dir() {
                pending.push(path.clone());
            }
            entries.push(path);
        }
    }
    entries.sort();
    Ok(entries)
}

/// Every file under `root`, relative to it, but in folders a release never holds.
fn files_under(root: &Path) -> Result<Vec<PathBuf>, ReleaseCheckError> {
    let mut files = Vec::new();
    if root.is_dir() {
        walk(root, Path::new(""), &mut files)?;
    }
    Ok(files)
}

fn walk(root: &Path, relative: &Path, files: &mut Vec<PathBuf>) -> Result<(), ReleaseCheckError> {
    let dir = root.join(relative);
    let error = |source| ReleaseCheckError::Read {
        path: dir.clone(),
        source,
    };
    for entry in std::fs::read_dir(&dir).map_err(error)? {
        let entry = entry.map_err(error)?;
        let path = relative.join(entry.file_name());
        if super::is_never_released(&path) {
            continue;
        }
        let file_type = entry.file_type().map_err(error)?;
        if file_type.is_dir() {
            walk(root, &path, files)?;
        } else if file_type.is_file() {
            files.push(path);
        }
    }
    Ok(())
}

/// A file's bytes with every CRLF read as LF: a checkout on Windows is the same file.
fn normalized(path: &Path) -> Result<Vec<u8>, ReleaseCheckError> {
    let bytes = std::fs::read(path).map_err(|source| ReleaseCheckError::Read {
        path: path.to_owned(),
        source,
    })?;
    let mut out = Vec::with_capacity(bytes.len());
    let mut iter = bytes.iter().peekable();
    while let Some(&byte) = iter.next() {
        if byte == b'\r' && iter.peek() == Some(&&b'\n') {
            continue;
        }
        out.push(byte);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_release_check_error_says_what_it_could_not_read_and_its_cause_once() {
        let workbook = ReleaseCheckError::from(WorkbookError::Read {
            path: PathBuf::from("days"),
            message: "permission denied".into(),
        });
        assert_eq!(
            workbook.to_string(),
            "the release's manifests do not load: cannot read days: permission denied"
        );
        assert!(
            std::error::Error::source(&workbook).is_none(),
            "the message says the cause; given as the source too, a chain would print it twice"
        );
        let read = ReleaseCheckError::Read {
            path: PathBuf::from("release/days/a.rs"),
            source: std::io::Error::other("gone"),
        };
        assert_eq!(read.to_string(), "cannot read release/days/a.rs: gone");
        assert!(
            std::error::Error::source(&read).is_none(),
            "the message says the cause; given as the source too, a chain would print it twice"
        );
    }
}
