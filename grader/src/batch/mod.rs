//! Grading a class: many submissions, each staged over the canonical workbook and graded in a
//! sandbox, with results cached by content so that an interrupted batch resumes.

pub mod cache;
pub mod model;
pub mod run;
pub mod score;

pub use model::*;
pub use run::{BatchError, BatchOptions, BatchProgress, default_work_dir, grade_batch};
