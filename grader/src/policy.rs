//! An exercise's policy: APIs its learner files may not use (`forbid` in the manifest), found in
//! the code and never in comments, strings or characters. A use zeroes the exercise.
//!
//! The check reads tokens, not text: whitespace and comments between `std`, `::` and `process`
//! change nothing, `use` renames, groups, globs and `extern crate std as s` are followed, and a
//! macro is found whichever brackets call it. docs/AUTHORING.md ("Forbidden APIs") names what it
//! does not see.

mod attributes;
mod forbidden;
mod lexer;
mod paths;
mod scan;

use std::path::{Path, PathBuf};

pub use forbidden::{ATTRIBUTES, Forbidden, MACROS};

use crate::manifest::Exercise;
use crate::workbook::Unit;

/// A forbidden API used in a learner file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The policy entry it breaks, as the manifest names it: `std::process`, `include!`, `#[path]`.
    pub what: String,
    /// What the file uses: `std::process::exit`, `#![path]`, `unsafe`.
    pub found: String,
    /// The learner file, relative to the workbook root.
    pub file: PathBuf,
    /// 1-based.
    pub line: usize,
}

impl Finding {
    /// `days/day1-traits/src/ex1.rs:42`, with `/` separators on every platform.
    pub fn location(&self) -> String {
        let file: Vec<String> = self
            .file
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        format!("{}:{}", file.join("/"), self.line)
    }
}

/// The uses of forbidden APIs in `exercise`'s learner files under `root` (the workbook, a stage or
/// a submission laid out like the workbook). Only Rust files are read; a file that is missing or
/// unreadable has nothing to find (it grades as the stub it is replaced by).
pub fn check_exercise(root: &Path, unit: &Unit, exercise: &Exercise) -> Vec<Finding> {
    let forbid = unit.manifest.forbidden(exercise);
    if forbid.is_empty() {
        return Vec::new();
    }
    let mut findings = Vec::new();
    for file in &exercise.files {
        if file.extension().is_none_or(|ext| ext != "rs") {
            continue;
        }
        let relative = unit.dir.join(file);
        let Ok(bytes) = std::fs::read(root.join(&relative)) else {
            continue;
        };
        let source = String::from_utf8_lossy(&bytes);
        for (what, found, line) in check_source(&source, &forbid) {
            findings.push(Finding {
                what,
                found,
                file: relative.clone(),
                line,
            });
        }
    }
    findings
}

/// The uses of `forbid` in `source`: (the policy entry, what was used, its 1-based line), in line
/// order.
pub fn check_source(source: &str, forbid: &[Forbidden]) -> Vec<(String, String, usize)> {
    scan::scan(source, forbid)
}
