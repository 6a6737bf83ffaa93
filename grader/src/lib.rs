//! The workbook's grader: builds a day's (or the capstone's) tests, runs each test in its own
//! process, classifies every result with a reason, and reports per exercise.
//!
//! One mechanism serves every use: [`grade::grade_unit`] grades a crate in a workspace folder. A
//! learner's day is graded in the workbook itself; the reference solutions and instructors'
//! submissions are graded in a staged copy ([`stage`]) with their files laid over the stubs.
//!
//! The `instructor` feature (on by default) adds what only instructors use: grading a class's
//! submissions (`batch`, `submission`, `export`), the release and its Gradescope bundle, and the
//! Linux sandbox. The learners' commands build without it, so a fresh clone's first report comes
//! sooner; there, [`sandbox::Sandbox`] is always "no sandbox".

#[cfg(feature = "instructor")]
pub mod batch;
pub mod capture;
pub mod classify;
pub mod compile;
pub mod declared_tests;
pub mod demo;
#[cfg(feature = "instructor")]
pub mod export;
pub mod folder_lock;
pub mod grade;
#[cfg(feature = "instructor")]
pub mod gradescope_bundle;
pub mod guard;
pub mod integrity;
pub mod learner_code;
pub mod learner_findings;
pub mod manifest;
pub mod next_step;
pub mod paths;
pub mod planted;
pub mod policy;
pub mod process;
#[cfg(feature = "instructor")]
pub mod release;
pub mod render;
pub mod report;
pub mod sandbox;
pub mod sanitize;
#[cfg(feature = "instructor")]
pub mod selfcheck;
pub mod solution;
pub mod stage;
#[cfg(feature = "instructor")]
pub mod submission;
pub mod testrun;
pub mod variants;
pub mod watch;
pub mod week;
pub mod workbook;
