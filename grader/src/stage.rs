//! Staging: a private copy of the workbook with other source files laid over the learner's stubs.
//!
//! The reference solutions and instructors' submissions are graded this way: the canonical tests,
//! manifests and Cargo files come from the workbook, and only the files each manifest names as the
//! learner's come from the overlay. Nothing in the overlay or the workbook is ever written to.

use std::path::{Path, PathBuf};

use crate::workbook::Workbook;

/// Folders never copied into a stage: build output and version control.
const SKIPPED: [&str; 2] = ["target", ".git"];

#[derive(Debug, thiserror::Error)]
pub enum StageError {
    #[error("failed to copy {from} to {to}: {source}")]
    Copy {
        from: PathBuf,
        to: PathBuf,
        source: std::io::Error,
    },
    #[error("failed to clear the staging folder {path}: {source}")]
    Clear {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// What a stage took from its overlay.
#[derive(Debug, Default)]
pub struct Staged {
    /// The learner's files found in the overlay and laid over the stubs, relative to the root.
    pub overlaid: Vec<PathBuf>,
    /// The learner's files the overlay lacks: the stub stays in their place.
    pub missing: Vec<PathBuf>,
}

/// Copies `workbook` to `dest` (emptied first) and lays the learner's files from `overlay` over it.
///
/// `overlay` mirrors the workbook's layout: `overlay/days/day1-traits/src/ex1.rs` replaces
/// `days/day1-traits/src/ex1.rs`. With no overlay the stage holds the stubs as shipped.
pub fn stage(
    workbook: &Workbook,
    overlay: Option<&Path>,
    dest: &Path,
) -> Result<Staged, StageError> {
    if dest.exists() {
        std::fs::remove_dir_all(dest).map_err(|source| StageError::Clear {
            path: dest.to_owned(),
            source,
        })?;
    }
    copy_tree(&workbook.root, dest)?;
    let mut staged = Staged::default();
    let Some(overlay) = overlay else {
        return Ok(staged);
    };
    for unit in &workbook.units {
        for exercise in &unit.manifest.exercises {
            for file in &exercise.files {
                let relative = unit.dir.join(file);
                let from = overlay.join(&relative);
                if from.is_file() {
                    copy_file(&from, &dest.join(&relative))?;
                    staged.overlaid.push(relative);
                } else {
                    staged.missing.push(relative);
                }
            }
        }
    }
    Ok(staged)
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), StageError> {
    let error = |source| StageError::Copy {
        from: from.to_owned(),
        to: to.to_owned(),
        source,
    };
    std::fs::create_dir_all(to).map_err(error)?;
    for entry in std::fs::read_dir(from).map_err(error)? {
        let entry = entry.map_err(error)?;
        let name = entry.file_name();
        if SKIPPED.iter().any(|skip| name == *skip) {
            continue;
        }
        let file_type = entry.file_type().map_err(error)?;
        if file_type.is_dir() {
            copy_tree(&entry.path(), &to.join(&name))?;
        } else if file_type.is_file() {
            copy_file(&entry.path(), &to.join(&name))?;
        }
    }
    Ok(())
}

fn copy_file(from: &Path, to: &Path) -> Result<(), StageError> {
    let error = |source| StageError::Copy {
        from: from.to_owned(),
        to: to.to_owned(),
        source,
    };
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).map_err(error)?;
    }
    std::fs::copy(from, to).map_err(error)?;
    Ok(())
}
