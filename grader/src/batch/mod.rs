//! Grading a class: many submissions, each staged over the canonical workbook and graded in a
//! sandbox, with results cached by content so that an interrupted batch resumes.

pub mod cache;
pub mod model;
pub mod run;
pub mod score;
pub mod workspace;

pub use model::*;
pub use run::{BatchError, BatchOptions, BatchProgress, grade_batch};
pub use workspace::default_work_dir;
