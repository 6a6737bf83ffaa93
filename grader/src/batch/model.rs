//! What a batch of submissions graded to: one report per submission, and the class's, as every
//! export format (JSON, CSV, JUnit, Gradescope, Markdown) reads it.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::report::{ExerciseStatus, UnitReport};

/// The version of the batch JSON's shape; it changes only when a field changes meaning or goes.
pub const BATCH_SCHEMA_VERSION: u32 = 1;

/// A whole class, graded.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BatchReport {
    pub schema: u32,
    /// The units graded, as `--unit` names them: `day1` … `day5`, `capstone`.
    pub units: Vec<String>,
    /// The protections in force for every submission's build and tests, one line each
    /// ("no network (network namespace)", "memory limit 4 GiB", …).
    pub protections: Vec<String>,
    /// Whether a real sandbox was in force (`--require-sandbox` refuses to grade without one).
    pub sandboxed: bool,
    /// One per submission, in the order they were given.
    pub submissions: Vec<SubmissionReport>,
}

/// One student's submission, graded (or why it could not be).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SubmissionReport {
    /// Who it is: the submission's file or folder name without its extension (`alice` for
    /// `alice.zip`), made unique within the batch.
    pub student: String,
    /// The path it was given as.
    pub source: PathBuf,
    /// What became of it as a whole.
    pub outcome: SubmissionOutcome,
    /// Every exercise (or capstone area) of every graded unit, with its points: the gradebook's
    /// columns. Present even when the submission was unreadable (all at 0).
    pub exercises: Vec<ExerciseScore>,
    /// Points earned and possible across all graded units.
    pub points: f64,
    pub max_points: f64,
    /// Files of the submission that were not taken: canonical files it changed ("differs"), and
    /// files in a unit's folders that are nobody's learner file.
    pub ignored_files: Vec<IgnoredFile>,
    /// Uses of APIs an exercise's policy forbids; each zeroes its exercise.
    pub violations: Vec<Violation>,
    /// The learner files the manifests name that the submission lacks (graded as the stubs).
    pub missing_files: Vec<PathBuf>,
    /// The full reports of the units graded, as `cargo day N --json` gives them.
    pub units: Vec<UnitReport>,
    /// What the instructor should know about how it was read: uncommitted changes left out of a
    /// git repository, a layout not found.
    #[serde(default)]
    pub notes: Vec<String>,
    /// Taken from the cache: an earlier run graded the same learner files with the same workbook.
    pub cached: bool,
    /// How long grading it took (0 when cached).
    pub duration_ms: u64,
}

/// The submission as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SubmissionOutcome {
    /// Its learner files were taken and every unit was graded.
    Graded,
    /// It could not be read: a corrupt archive, a folder that is not there.
    Unreadable { reason: String },
    /// It was refused unread: an archive with `../` or absolute paths, links, or too large.
    Refused { reason: String },
}

/// One exercise's points in one submission: a column of the gradebook.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExerciseScore {
    /// `day1`, …, `capstone`.
    pub unit: String,
    /// The exercise's id (a capstone area's id).
    pub id: String,
    pub title: String,
    /// `None` when the submission was not graded.
    pub status: Option<ExerciseStatus>,
    pub points: f64,
    pub max_points: f64,
    pub passed_tests: usize,
    pub tests: usize,
    /// Why it scored 0 whatever its tests said: a forbidden API.
    pub zeroed_by: Option<String>,
}

/// A file of the submission that grading did not use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IgnoredFile {
    /// Relative to the workbook root, with `/` separators.
    pub path: String,
    /// "differs: ignored" or "not a learner file: ignored".
    pub why: String,
}

/// A forbidden API found in a learner file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    pub unit: String,
    pub exercise: String,
    /// What was found, as the policy names it (`std::process`).
    pub what: String,
    /// `days/day1-traits/src/ex1.rs:42`, with `/` separators.
    pub location: String,
}

impl Violation {
    /// "not allowed in this exercise: `std::process` at days/day1-traits/src/ex1.rs:42".
    pub fn message(&self) -> String {
        format!(
            "not allowed in this exercise: `{}` at {}",
            self.what, self.location
        )
    }
}
