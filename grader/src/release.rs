//! `cargo grader release DIR`: the repository students receive. The lessons, stubs, canonical
//! tests, harness, test kit, grader and the workspace's settings, and none of the reference
//! solutions, alternatives or planted mistakes (`--with-solutions` keeps `solutions/`, for
//! self-paced groups). [`check`] then checks what was written.

pub mod check;

use std::fmt;
use std::path::{Component, Path, PathBuf};

pub use check::{ReleaseCheck, check_release};

use crate::workbook::Workbook;

/// The workbook's top-level folders and files a release holds: what learners work in and what
/// grades them; with them, the settings files at the root that cargo, rustup and the tools read
/// ([`crate::guard::ROOT_SETTINGS`]). Anything else at the top is left out (and named), so that
/// nothing new reaches students by default.
const RELEASED: [&str; 18] = [
    "days",
    "capstone",
    "grader",
    "harness",
    "testkit",
    "docs",
    ".cargo",
    ".config",
    ".ci",
    ".github",
    "justfile",
    "README.md",
    ".gitignore",
    ".gitattributes",
    ".editorconfig",
    "LICENSE",
    "LICENSE-MIT",
    "LICENSE-APACHE",
];
/// Released only with `--with-solutions`: the reference solutions and their variants, and the
/// maintainers' scripts that read them (`scripts/mutants.sh` mutates the solutions).
const WITH_SOLUTIONS_ONLY: [&str; 2] = ["solutions", "scripts"];
/// Folders never released, wherever they are: build output, version control, trybuild's notes of
/// compiler output that did not match, and editors' own folders.
const NEVER: [&str; 8] = [
    "target", ".git", "wip", ".idea", ".vscode", ".fleet", ".zed", ".history",
];
/// The file a release without solutions adds at its root: what it leaves out.
pub const NOTES_FILE: &str = "RELEASE.md";

/// How to release.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReleaseOptions {
    /// Keep `solutions/` (variants included) and the maintainers' scripts.
    pub with_solutions: bool,
    /// Write into a folder that is not empty: everything in it but a top-level `.git` is removed.
    pub force: bool,
}

/// What a release wrote.
#[derive(Debug, Clone)]
pub struct Released {
    pub dir: PathBuf,
    /// How many files were written.
    pub files: usize,
    /// The workbook's top-level entries left out (`solutions`, `scripts`, `target`, ...).
    pub left_out: Vec<String>,
    pub with_solutions: bool,
}

impl Released {
    /// One line for the terminal: where, how many files, what was left out.
    pub fn summary(&self) -> String {
        let kind = if self.with_solutions {
            "with the reference solutions"
        } else {
            "without the reference solutions"
        };
        let left_out = if self.left_out.is_empty() {
            String::new()
        } else {
            format!("; left out: {}", self.left_out.join(", "))
        };
        format!(
            "Wrote the release ({kind}) to {}: {} files{left_out}.",
            self.dir.display(),
            self.files
        )
    }
}

#[derive(Debug)]
pub enum ReleaseError {
    NotEmpty {
        dir: PathBuf,
    },
    InsideWorkbook {
        dir: PathBuf,
        root: PathBuf,
    },
    HoldsWorkbook {
        dir: PathBuf,
        root: PathBuf,
    },
    NotAFolder {
        dir: PathBuf,
    },
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
}

impl fmt::Display for ReleaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReleaseError::NotEmpty { dir } => write!(
                f,
                "{} is not empty: release into a new or empty folder, or add --force to replace what is in it (a top-level .git is kept)",
                dir.display()
            ),
            ReleaseError::InsideWorkbook { dir, root } => write!(
                f,
                "{} is the workbook {} or inside it: release into a folder outside the workbook, such as ../my-class",
                dir.display(),
                root.display()
            ),
            ReleaseError::HoldsWorkbook { dir, root } => write!(
                f,
                "{} holds the workbook {}: release into a folder outside the workbook",
                dir.display(),
                root.display()
            ),
            ReleaseError::NotAFolder { dir } => write!(
                f,
                "{} is a file, not a folder: name a folder to release into",
                dir.display()
            ),
            ReleaseError::Io {
                action,
                path,
                source,
            } => write!(f, "cannot {action} {}: {source}", path.display()),
        }
    }
}

// The message says the cause, so it is not given again as the source: printed as a chain
// (`{error:#}`), it would be said twice.
impl std::error::Error for ReleaseError {}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> ReleaseError {
    let path = path.to_owned();
    move |source| ReleaseError::Io {
        action,
        path,
        source,
    }
}

/// Writes the release of `workbook` into `dir`, refusing a folder inside the workbook (or holding
/// it) and, without `force`, one that is not empty.
pub fn write_release(
    workbook: &Workbook,
    dir: &Path,
    options: &ReleaseOptions,
) -> Result<Released, ReleaseError> {
    refuse_bad_dir(&workbook.root, dir, options.force)?;
    std::fs::create_dir_all(dir).map_err(io_error("create", dir))?;
    let mut released = Released {
        dir: dir.to_owned(),
        files: 0,
        left_out: Vec::new(),
        with_solutions: options.with_solutions,
    };
    let mut entries: Vec<_> = std::fs::read_dir(&workbook.root)
        .map_err(io_error("read", &workbook.root))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    entries.sort();
    for name in entries {
        let kept = RELEASED.contains(&name.as_str())
            || crate::guard::ROOT_SETTINGS.contains(&name.as_str())
            || (options.with_solutions && WITH_SOLUTIONS_ONLY.contains(&name.as_str()));
        if kept {
            released.files += copy_released(&workbook.root.join(&name), &dir.join(&name))?;
        } else {
            released.left_out.push(name);
        }
    }
    if !options.with_solutions {
        write_notes(dir, &released.left_out)?;
        released.files += 1;
    }
    Ok(released)
}

/// Refuses the workbook's folder, a folder inside it or holding it, a file, and (without `force`)
/// a folder with anything in it; with `force`, empties it but for a top-level `.git`.
fn refuse_bad_dir(root: &Path, dir: &Path, force: bool) -> Result<(), ReleaseError> {
    let root = resolved(root);
    let target = resolved(dir);
    if target.starts_with(&root) {
        return Err(ReleaseError::InsideWorkbook {
            dir: dir.to_owned(),
            root,
        });
    }
    if root.starts_with(&target) {
        return Err(ReleaseError::HoldsWorkbook {
            dir: dir.to_owned(),
            root,
        });
    }
    if dir.is_file() {
        return Err(ReleaseError::NotAFolder {
            dir: dir.to_owned(),
        });
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    let entries: Vec<_> = entries.flatten().collect();
    if entries.is_empty() {
        return Ok(());
    }
    if !force {
        return Err(ReleaseError::NotEmpty {
            dir: dir.to_owned(),
        });
    }
    for entry in entries.iter().filter(|e| e.file_name() != ".git") {
        let path = entry.path();
        let removed = if entry.file_type().is_ok_and(|t| t.is_dir()) {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        removed.map_err(io_error("remove", &path))?;
    }
    Ok(())
}

/// `path` made absolute, with symbolic links and `..` resolved as far as it exists: a folder that
/// is yet to be created is compared by its nearest existing parent.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return rest
                .iter()
                .rev()
                .fold(real, |acc: PathBuf, part| match part {
                    Component::ParentDir => acc.parent().map(Path::to_owned).unwrap_or(acc),
                    Component::CurDir => acc,
                    other => acc.join(other),
                });
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

/// Copies a released file, or a folder but what is never released; returns how many files.
fn copy_released(from: &Path, to: &Path) -> Result<usize, ReleaseError> {
    let file_type = std::fs::symlink_metadata(from)
        .map_err(io_error("read", from))?
        .file_type();
    if file_type.is_file() {
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(io_error("create", parent))?;
        }
        std::fs::copy(from, to).map_err(io_error("copy", from))?;
        return Ok(1);
    }
    if !file_type.is_dir() {
        // A symbolic link would point students at the maintainer's machine.
        return Ok(0);
    }
    std::fs::create_dir_all(to).map_err(io_error("create", to))?;
    let mut count = 0;
    for entry in std::fs::read_dir(from).map_err(io_error("read", from))? {
        let entry = entry.map_err(io_error("read", from))?;
        let name = entry.file_name();
        if NEVER.iter().any(|never| name == *never) || name.to_string_lossy().ends_with(".rs.bk") {
            continue;
        }
        count += copy_released(&entry.path(), &to.join(&name))?;
    }
    Ok(count)
}

/// RELEASE.md, and a line under the README's title that points to it: the README's maintainers'
/// section describes `solutions/` and the commands that use it.
fn write_notes(dir: &Path, left_out: &[String]) -> Result<(), ReleaseError> {
    let notes = dir.join(NOTES_FILE);
    std::fs::write(&notes, notes_text(left_out)).map_err(io_error("write", &notes))?;
    let readme = dir.join("README.md");
    if let Ok(text) = std::fs::read_to_string(&readme) {
        let pointer = "> This copy of the workbook is a release for learners, without the reference \
                       solutions: [RELEASE.md](RELEASE.md) says what it leaves out and which commands below \
                       need them.\n";
        let text = match text.split_once('\n') {
            Some((title, rest)) if title.starts_with('#') => format!("{title}\n\n{pointer}{rest}"),
            _ => format!("{pointer}\n{text}"),
        };
        std::fs::write(&readme, text).map_err(io_error("write", &readme))?;
    }
    Ok(())
}

fn notes_text(left_out: &[String]) -> String {
    let left_out: Vec<String> = left_out.iter().map(|name| format!("`{name}/`")).collect();
    format!(
        "# This release\n\
         \n\
         This is the workbook as learners receive it, written by `cargo grader release`. It holds the \
         lessons, the exercises' stubs, the canonical tests and the grader, and leaves out the \
         reference solutions, their alternatives and planted mistakes, and the maintainers' \
         scripts that use them. Left out of the workbook's top folder: {}.\n\
         \n\
         What that changes in the README:\n\
         \n\
         - `cargo day N`, `cargo hint`, `cargo capstone`, `cargo grader list`: as described.\n\
         - The capstone's own tests (the area with `min_tests`) are graded by how many of your tests \
         pass: the bugs planted in the reference solution are not here (the grader says so).\n\
         - `cargo capstone --demo` (`just demo`) needs the reference solution: it does not run here.\n\
         - The \"Solutions\" section: there is no `solutions/` folder here; ask your instructor.\n\
         - `cargo test` and `cargo grader check` (`just check`) check the layout and that no test \
         passes on the stubs; the reference solutions, alternatives and planted mistakes are not \
         checked, and `--mistakes` prints none. Once you have solved exercises, the check names \
         their tests as passing on \"the stubs\": that is your work, not a bug.\n\
         - `scripts/mutants.sh` and `scripts/bench-loop.sh` are not here.\n",
        left_out.join(", ")
    )
}

/// Whether `relative` (a path inside a release) lies in a folder a release never holds.
pub(crate) fn is_never_released(relative: &Path) -> bool {
    relative
        .components()
        .any(|c| NEVER.iter().any(|never| c.as_os_str() == *never))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_yet_to_be_made_inside_the_workbook_is_seen_inside_it() {
        let parent = tempfile::tempdir().expect("a temporary folder");
        let root = parent.path().join("workbook");
        std::fs::create_dir_all(root.join("days")).unwrap();
        let refused = refuse_bad_dir(&root, &root.join("days/../new/release"), false);
        assert!(matches!(refused, Err(ReleaseError::InsideWorkbook { .. })));
        let outside = refuse_bad_dir(&root, &root.join("../release"), false);
        assert!(outside.is_ok(), "{outside:?}");
        assert!(matches!(
            refuse_bad_dir(&root, parent.path(), true),
            Err(ReleaseError::HoldsWorkbook { .. })
        ));
    }

    #[test]
    fn force_empties_the_folder_but_keeps_its_git() {
        let parent = tempfile::tempdir().expect("a temporary folder");
        let root = parent.path().join("workbook");
        let dir = parent.path().join("class");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(dir.join(".git")).unwrap();
        std::fs::create_dir_all(dir.join("old")).unwrap();
        std::fs::write(dir.join("old/file.rs"), "old").unwrap();
        std::fs::write(dir.join("README.md"), "old").unwrap();
        let refused = refuse_bad_dir(&root, &dir, false).expect_err("not empty");
        assert!(refused.to_string().contains("--force"), "{refused}");
        refuse_bad_dir(&root, &dir, true).expect("emptied");
        let left: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left, [".git"]);
    }

    #[test]
    fn never_released_folders_are_found_at_any_depth() {
        assert!(is_never_released(Path::new(
            "days/day4-cargo/projects/a/target/x"
        )));
        assert!(is_never_released(Path::new(".git/config")));
        assert!(!is_never_released(Path::new("days/day1-traits/src/lib.rs")));
    }
}
