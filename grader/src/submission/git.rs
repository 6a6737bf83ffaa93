//! A git repository submission: its committed `HEAD`, read as raw objects (`git ls-tree` and
//! `git cat-file --batch`) and written through the same [`Extractor`] as an archive.
//!
//! Not `git archive`: it runs the smudge filters that the repository's own configuration may name
//! (any command), and `git status` runs its clean filters. The plumbing used here applies no
//! filter, runs no hook, starts no pager and, with every protocol disallowed and lazy fetching off,
//! reaches no network; the repository's configuration gets nothing to run.

use std::path::{Path, PathBuf};

use super::extract::Extractor;
use super::git_plumbing::Git;
use super::root::{Found, lookup};
use super::take::same_text;
use super::{ArchiveLimits, OpenError};
use crate::workbook::Workbook;

/// A repository found in a submission folder.
#[derive(Debug)]
pub(super) struct Repository {
    git_dir: PathBuf,
    /// The checked-out files, for a repository that is not bare.
    pub(super) work_tree: Option<PathBuf>,
}

impl Repository {
    /// The repository at `folder`: one with a `.git` folder, or a bare one.
    pub(super) fn find(folder: &Path) -> Result<Option<Repository>, OpenError> {
        let dot_git = folder.join(".git");
        let repository = match std::fs::symlink_metadata(&dot_git) {
            Ok(metadata) if metadata.is_dir() => Repository {
                git_dir: dot_git,
                work_tree: Some(folder.to_owned()),
            },
            Ok(_) => return Err(points_elsewhere(".git is a link or a file")),
            Err(_) if is_bare(folder) => Repository {
                git_dir: folder.to_owned(),
                work_tree: None,
            },
            Err(_) => return Ok(None),
        };
        for pointer in ["commondir", "objects/info/alternates"] {
            if repository.git_dir.join(pointer).exists() {
                return Err(points_elsewhere(&format!("it has {pointer}, which")));
            }
        }
        check_no_links(&repository.git_dir)?;
        Ok(Some(repository))
    }
}

/// How many files of a repository's own folder (`.git`) are looked at for links.
const MAX_GIT_FILES: usize = 200_000;

/// Refuses a repository whose own folder holds a symbolic link (`objects` linked to another
/// repository's): git would follow it out of the submission.
fn check_no_links(git_dir: &Path) -> Result<(), OpenError> {
    let mut pending = vec![git_dir.to_owned()];
    let mut seen = 0usize;
    while let Some(folder) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            seen += 1;
            if seen > MAX_GIT_FILES {
                return Err(OpenError::Refused(format!(
                    "the repository's own folder holds more than {MAX_GIT_FILES} files: run \
                     `git gc` in it, or hand in an archive"
                )));
            }
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            if file_type.is_symlink() {
                let inside = entry.path();
                let inside = inside.strip_prefix(git_dir).unwrap_or(&inside);
                return Err(OpenError::Refused(format!(
                    "the repository's {} is a symbolic link, which git would follow out of the \
                     submission: hand in a plain clone",
                    inside.display()
                )));
            }
            if file_type.is_dir() {
                pending.push(entry.path());
            }
        }
    }
    Ok(())
}

fn points_elsewhere(what: &str) -> OpenError {
    OpenError::Refused(format!(
        "{what} points to a repository elsewhere (a worktree, a submodule or a --reference \
         clone): hand in a plain clone of the repository"
    ))
}

fn is_bare(folder: &Path) -> bool {
    let real = |name: &str| std::fs::symlink_metadata(folder.join(name));
    real("HEAD").is_ok_and(|m| m.is_file())
        && real("objects").is_ok_and(|m| m.is_dir())
        && real("refs").is_ok_and(|m| m.is_dir())
}

/// Writes the repository's committed `HEAD` into `scratch`.
pub(super) fn extract_head(
    repository: &Repository,
    scratch: &Path,
    limits: &ArchiveLimits,
    notes: &mut Vec<String>,
) -> Result<(), OpenError> {
    let git = Git::new(&repository.git_dir)?;
    let blobs = git.list_head(limits, notes)?;
    git.write_blobs(&blobs, &mut Extractor::new(scratch, limits))
}

/// Notes the learner files whose working-tree copy (under `work_tree`) is not the committed one
/// (under `committed`, both standing for the workbook root).
pub(super) fn note_uncommitted(
    workbook: &Workbook,
    work_tree: &Path,
    committed: &Path,
    notes: &mut Vec<String>,
) {
    let mut changed = Vec::new();
    for unit in &workbook.units {
        for exercise in &unit.manifest.exercises {
            for file in &exercise.files {
                let relative = unit.dir.join(file);
                let same = match (lookup(work_tree, &relative), lookup(committed, &relative)) {
                    (Found::Missing, Found::Missing) => true,
                    (Found::File(_), Found::File(_)) => {
                        same_text(&work_tree.join(&relative), &committed.join(&relative))
                    }
                    _ => false,
                };
                let shown = relative.to_string_lossy().replace('\\', "/");
                if !same && !changed.contains(&shown) {
                    changed.push(shown);
                }
            }
        }
    }
    if !changed.is_empty() {
        notes.push(format!(
            "the working tree has uncommitted changes to {}: the committed HEAD was graded",
            changed.join(", ")
        ));
    }
}
