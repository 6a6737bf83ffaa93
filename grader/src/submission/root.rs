//! Where in an opened submission the workbook's layout is (archives from GitHub Classroom and
//! Gradescope wrap it in a folder or two, or put it at the top), and how to look a file up in it
//! without following a link.

use std::fs::Metadata;
use std::path::{Component, Path, PathBuf};

use crate::workbook::Workbook;

/// How deep below the submission's top the workbook root may be.
const MAX_DEPTH: usize = 3;

/// What a path inside a submission is, found without following any link on the way.
#[derive(Debug)]
pub(super) enum Found {
    Missing,
    File(Metadata),
    /// The path, or a folder on the way to it, is a symbolic link (or a Windows junction).
    Link,
    /// A folder, a device, a pipe: not a regular file.
    NotAFile,
}

/// Looks `relative` up under `root`, component by component, never through a link.
pub(super) fn lookup(root: &Path, relative: &Path) -> Found {
    let parts: Vec<Component<'_>> = relative.components().collect();
    let mut path = root.to_owned();
    for (index, part) in parts.iter().enumerate() {
        let Component::Normal(part) = part else {
            return Found::Missing;
        };
        path.push(part);
        let Ok(metadata) = std::fs::symlink_metadata(&path) else {
            return Found::Missing;
        };
        if metadata.file_type().is_symlink() {
            return Found::Link;
        }
        if index + 1 == parts.len() {
            return if metadata.is_file() {
                Found::File(metadata)
            } else {
                Found::NotAFile
            };
        }
        if !metadata.is_dir() {
            return Found::Missing;
        }
    }
    Found::Missing
}

/// Whether `path` is a folder itself, not a link to one.
pub(super) fn is_real_folder(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir())
}

/// Folders never searched or taken from: build output, version control, editors' and macOS's.
pub(super) fn is_noise(name: &str) -> bool {
    matches!(
        name,
        "target"
            | ".git"
            | "__MACOSX"
            | ".idea"
            | ".vscode"
            | ".DS_Store"
            | "Thumbs.db"
            | "desktop.ini"
    ) || name.starts_with("._")
        || name.ends_with(".swp")
        || name.ends_with(".swo")
        || name.ends_with('~')
}

/// The shallowest folder at most three levels below `top` where the workbook's layout is: a
/// unit's top folder (`days/`, `capstone/`) or any learner file the manifests name.
pub(super) fn find(top: &Path, workbook: &Workbook) -> Option<PathBuf> {
    let mut markers: Vec<PathBuf> = workbook
        .units
        .iter()
        .filter_map(|unit| unit.dir.components().next())
        .map(|first| PathBuf::from(first.as_os_str()))
        .collect();
    markers.dedup();
    let learner_files: Vec<PathBuf> = workbook
        .units
        .iter()
        .flat_map(crate::workbook::Unit::learner_files)
        .collect();
    let mut level = vec![top.to_owned()];
    for depth in 0..=MAX_DEPTH {
        for folder in &level {
            let has_unit = markers.iter().any(|m| is_real_folder(&folder.join(m)));
            let has_file = || {
                learner_files
                    .iter()
                    .any(|file| !matches!(lookup(folder, file), Found::Missing))
            };
            if has_unit || has_file() {
                return Some(folder.clone());
            }
        }
        if depth < MAX_DEPTH {
            level = level.iter().flat_map(|folder| subfolders(folder)).collect();
        }
    }
    None
}

/// The real folders inside `folder` (no links, no noise), by name.
fn subfolders(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .filter(|entry| !is_noise(&entry.file_name().to_string_lossy()))
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_dir()))
        .map(|entry| entry.path())
        .collect();
    found.sort();
    found
}
