//! `cargo solution N EXERCISE` and `cargo grader reset N EXERCISE`: the reference solution after a
//! pass, and the stub back with the learner's file kept.

use crate::manifest::Exercise;
use crate::workbook::{Unit, Workbook};

#[derive(Debug, thiserror::Error)]
pub enum SolutionError {
    #[error("showing solutions is not written yet")]
    NotYet,
}

/// The text `cargo solution` prints: the reference solution of each of `exercise`'s files and a
/// diff against the learner's. `passes` is `None` under `--force`, else whether the exercise
/// passes; an exercise that does not pass gets an error that says so and names `--force`.
/// `unit_name` is how the learner named the unit (`1`, `capstone`), for the commands it suggests.
pub fn solution_text(
    _workbook: &Workbook,
    _unit: &Unit,
    _exercise: &Exercise,
    _unit_name: &str,
    _passes: Option<bool>,
) -> Result<String, SolutionError> {
    Err(SolutionError::NotYet)
}

/// Puts each of `exercise`'s files back as shipped, keeping the learner's version as a backup;
/// returns one line per file for the learner (what was restored, where the backup is).
pub fn reset(
    _workbook: &Workbook,
    _unit: &Unit,
    _exercise: &Exercise,
) -> Result<Vec<String>, SolutionError> {
    Err(SolutionError::NotYet)
}
