//! The learner files as the workbook ships them, recorded as digests in each unit's `stubs.toml`,
//! so that the grader can tell an exercise nobody has touched; and the unit's other source files,
//! so that it can tell a file the learner added, which handing in leaves out.
//!
//! On an untouched stub some checks fail before the learner has written a line (a check that the
//! fields are private, a module the learner is to declare): that is the task ahead, and the report
//! says "not started", not "failing". The digest is FNV-1a over the file's lines, so a checkout with
//! CRLF line endings matches the one with LF; it is stable across platforms and Rust versions.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::manifest::Exercise;
use crate::workbook::Unit;

/// The file in each unit's folder.
pub const STUBS_FILE: &str = "stubs.toml";

const HEADER: &str = "\
# The digest of each learner file as the workbook ships it (FNV-1a 64 over its lines), so that the
# grader can tell an exercise nobody has touched: its failing checks read \"not started\". And the
# other Rust files the workbook ships in the unit's crates' src/ folders: any further one is the
# learner's own, which handing in leaves out, and the grader says so.
# Written by `cargo grader check --record-stubs`; the self-check says when it is out of date.
";

#[derive(Debug, Default, Serialize, Deserialize)]
struct StubsFile {
    /// The other Rust files of the unit's crates' `src/` folders (relative to the unit's folder,
    /// with `/`). `None` in a record written before they were listed: then no file is taken for
    /// the learner's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    shipped: Option<BTreeSet<String>>,
    /// Learner file (relative to the unit's folder, with `/`) → digest in hex.
    #[serde(default)]
    stubs: BTreeMap<String, String>,
}

/// The digest of a text's lines, whatever their line endings.
pub fn digest_of_text(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for line in text.lines() {
        for byte in line.bytes().chain(std::iter::once(b'\n')) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

fn digest_of_file(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    Some(digest_of_text(&String::from_utf8_lossy(&bytes)))
}

/// A learner file's name in the record: relative to the unit's folder, with `/` on every system.
fn key_of(file: &Path) -> String {
    let parts: Vec<String> = file
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

fn stubs_path(root: &Path, unit: &Unit) -> PathBuf {
    root.join(&unit.dir).join(STUBS_FILE)
}

fn recorded(root: &Path, unit: &Unit) -> Option<StubsFile> {
    let text = std::fs::read_to_string(stubs_path(root, unit)).ok()?;
    toml::from_str(&text).ok()
}

/// For each exercise of `unit` (in the manifest's order), whether every one of its files is as
/// shipped; the record is read once. All `false` when the unit has no record, and an exercise with
/// a file the record does not name is not taken for untouched.
pub fn untouched_exercises(root: &Path, unit: &Unit) -> Vec<bool> {
    let exercises = &unit.manifest.exercises;
    let Some(record) = recorded(root, unit) else {
        return vec![false; exercises.len()];
    };
    let is_shipped = |file: &PathBuf| {
        record.stubs.get(&key_of(file)).is_some_and(|shipped| {
            digest_of_file(&root.join(&unit.dir).join(file)).as_ref() == Some(shipped)
        })
    };
    exercises
        .iter()
        .map(|exercise: &Exercise| exercise.files.iter().all(is_shipped))
        .collect()
}

/// The record of `unit`'s learner files as they are now in the workspace at `root`.
fn record_now(root: &Path, unit: &Unit) -> StubsFile {
    let stubs: BTreeMap<String, String> = unit
        .manifest
        .exercises
        .iter()
        .flat_map(|exercise| &exercise.files)
        .filter_map(|file| {
            let digest = digest_of_file(&root.join(&unit.dir).join(file))?;
            Some((key_of(file), digest))
        })
        .collect();
    let shipped = source_files(root, unit)
        .into_iter()
        .filter(|file| !stubs.contains_key(file))
        .collect();
    StubsFile {
        shipped: Some(shipped),
        stubs,
    }
}

/// The Rust files under the `src/` folders of `unit`'s crates (those inside the unit's folder),
/// relative to the unit's folder with `/`. Hidden files and folders (an editor's lock file, say)
/// and links are left out.
fn source_files(root: &Path, unit: &Unit) -> BTreeSet<String> {
    let mut files = BTreeSet::new();
    for krate in &unit.crates {
        if let Ok(inside) = krate.dir.strip_prefix(&unit.dir) {
            add_rust_files(&root.join(&unit.dir), &inside.join("src"), &mut files);
        }
    }
    files
}

fn add_rust_files(unit_dir: &Path, folder: &Path, files: &mut BTreeSet<String>) {
    let Ok(entries) = std::fs::read_dir(unit_dir.join(folder)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = folder.join(&name);
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => add_rust_files(unit_dir, &path, files),
            Ok(kind) if kind.is_file() && path.extension().is_some_and(|e| e == "rs") => {
                files.insert(key_of(&path));
            }
            _ => {}
        }
    }
}

/// The Rust files in `unit`'s crates' `src/` folders that the workbook did not ship (relative to
/// the workbook root): a module the learner put in a file of their own. Handing in takes only the
/// learner files, so such a file is left out of an instructor's grading. None when the unit's
/// record does not list the shipped files.
pub fn added_source_files(root: &Path, unit: &Unit) -> Vec<PathBuf> {
    let Some(shipped) = recorded(root, unit).and_then(|record| record.shipped) else {
        return Vec::new();
    };
    let learner: BTreeSet<String> = unit
        .manifest
        .exercises
        .iter()
        .flat_map(|exercise| &exercise.files)
        .map(|file| key_of(Path::new(file)))
        .collect();
    source_files(root, unit)
        .into_iter()
        .filter(|file| !shipped.contains(file) && !learner.contains(file))
        .map(|file| unit.dir.join(file))
        .collect()
}

/// Writes `unit`'s `stubs.toml` from its learner files as they are (the stubs, in the workbook's
/// own repository).
pub fn record(root: &Path, unit: &Unit) -> std::io::Result<PathBuf> {
    let path = stubs_path(root, unit);
    let body = toml::to_string(&record_now(root, unit)).map_err(std::io::Error::other)?;
    std::fs::write(&path, format!("{HEADER}{body}"))?;
    Ok(path)
}

/// What is wrong with `unit`'s record, if anything: unreadable, or out of date with the stubs (the
/// files named). A unit without one is left alone (`require` says whether that is wrong too):
/// nothing of it is taken for untouched.
pub fn check_record(root: &Path, unit: &Unit, require: bool) -> Option<String> {
    let path = unit.dir.join(STUBS_FILE);
    if !require && !stubs_path(root, unit).exists() {
        return None;
    }
    let Some(record) = recorded(root, unit) else {
        return Some(format!(
            "{} is missing or unreadable: run `cargo grader check --record-stubs`",
            path.display()
        ));
    };
    let now = record_now(root, unit);
    let mut stale: Vec<&str> = now
        .stubs
        .iter()
        .filter(|(file, digest)| record.stubs.get(*file) != Some(digest))
        .map(|(file, _)| file.as_str())
        .collect();
    stale.extend(
        record
            .stubs
            .keys()
            .filter(|file| !now.stubs.contains_key(*file))
            .map(String::as_str),
    );
    if record.shipped != now.shipped {
        stale.push("the other source files of its crates' src/ folders");
    }
    (!stale.is_empty()).then(|| {
        format!(
            "{} does not match the stubs ({}): after changing a stub, run `cargo grader check \
             --record-stubs`",
            path.display(),
            stale.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_is_the_same_for_lf_and_crlf_and_differs_for_other_text() {
        let lf = "fn main() {\n    todo!()\n}\n";
        let crlf = "fn main() {\r\n    todo!()\r\n}\r\n";
        assert_eq!(digest_of_text(lf), digest_of_text(crlf));
        assert_eq!(
            digest_of_text(lf),
            digest_of_text(lf.trim_end()),
            "a missing last newline"
        );
        assert_ne!(
            digest_of_text(lf),
            digest_of_text("fn main() {\n    42\n}\n")
        );
        assert_ne!(
            digest_of_text("a\nb\n"),
            digest_of_text("ab\n"),
            "lines are kept apart"
        );
        // FNV-1a 64 of "\n": fixed across platforms and Rust versions.
        assert_eq!(digest_of_text(""), "cbf29ce484222325");
        assert_eq!(digest_of_text("\n"), "af63c74c8601c8dd");
    }
}
