//! The workbook's check of itself: every manifest is whole, every reference solution passes every
//! test, and every stub fails every exercise it belongs to (no test passes by accident).

use std::fmt;
use std::path::{Path, PathBuf};

use crate::compile::CompileError;
use crate::grade::{GradeOptions, Progress, grade_unit};
use crate::guard::Digests;
use crate::report::UnitReport;
use crate::stage::{StageError, stage};
use crate::workbook::{Unit, Workbook};

mod layout;
mod reports;
mod solutions;
mod variant_rounds;
mod work_dir;

pub use layout::check_layout;
pub use reports::{check_solution, check_stub};
pub use work_dir::default_work_dir;

use reports::warnings_of;
use solutions::check_solutions;
use work_dir::{check_work_dir, lock_work_dir};

/// One thing wrong with the workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// "Day 1", "Capstone", or "workbook".
    pub place: String,
    pub what: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.what)
    }
}

/// What stops the self-check from running at all (the problems it finds are its result).
#[derive(Debug)]
pub enum SelfCheckError {
    Stage(StageError),
    Compile(CompileError),
    WorkDir { work_dir: PathBuf, problem: String },
}

impl fmt::Display for SelfCheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SelfCheckError::Stage(error) => fmt::Display::fmt(error, f),
            SelfCheckError::Compile(error) => fmt::Display::fmt(error, f),
            SelfCheckError::WorkDir { work_dir, problem } => write!(
                f,
                "cannot stage the self-check in {}: {problem}",
                work_dir.display()
            ),
        }
    }
}

// Every variant's message says its cause (the inner errors give no source of their own).
impl std::error::Error for SelfCheckError {}

impl From<StageError> for SelfCheckError {
    fn from(error: StageError) -> Self {
        SelfCheckError::Stage(error)
    }
}

impl From<CompileError> for SelfCheckError {
    fn from(error: CompileError) -> Self {
        SelfCheckError::Compile(error)
    }
}

/// What the self-check found.
#[derive(Debug, Default)]
pub struct Findings {
    /// Everything wrong with the workbook; none means it is sound.
    pub problems: Vec<Problem>,
    /// Each planted mistake, with the first message a learner who made it sees.
    pub mistakes: Vec<MistakeMessage>,
    /// What the check left out and why (a release without `solutions/`): to print, not problems.
    pub notes: Vec<String>,
}

/// What the self-check says in a workbook without `solutions/` (a release for learners).
pub const NO_SOLUTIONS_NOTE: &str = "no solutions/ folder: the reference solutions, alternatives \
     and planted mistakes are not checked (a release)";

/// A planted mistake and the first thing its report says.
#[derive(Debug, Clone)]
pub struct MistakeMessage {
    pub place: String,
    pub mistake: String,
    /// The report's first message for the mistake's exercise; `None` when no test caught it.
    pub message: Option<String>,
}

/// Runs the whole self-check of `units` (all of the workbook's when empty).
pub fn run(
    workbook: &Workbook,
    units: &[&Unit],
    work_dir: &Path,
    progress: &(dyn Fn(Progress<'_>) + Sync),
) -> Result<Findings, SelfCheckError> {
    let units: Vec<&Unit> = if units.is_empty() {
        workbook.units.iter().collect()
    } else {
        units.to_vec()
    };
    check_work_dir(workbook, work_dir)?;
    // Two self-checks of one workbook share its stages and build folder: the second waits.
    let _lock = lock_work_dir(work_dir, progress)?;
    // The staged code runs with our rights and could find the real workbook: whatever it changes
    // there is named below.
    let workbook_before = Digests::of_tree(&workbook.root);
    let mut problems = check_layout(workbook);
    let mut mistakes = Vec::new();
    let mut notes = Vec::new();
    let options = GradeOptions {
        target_dir: Some(work_dir.join("build")),
        progress,
        ..GradeOptions::quiet()
    };
    if workbook.root.join("solutions").is_dir() {
        check_solutions(
            workbook,
            &units,
            work_dir,
            &options,
            &mut problems,
            &mut mistakes,
        )?;
    } else {
        notes.push(NO_SOLUTIONS_NOTE.to_owned());
    }
    let stubs = work_dir.join("stubs");
    stage(workbook, None, &stubs)?;
    problems.extend(grade_stubs(&stubs, &units, &options)?.0);
    for path in workbook_before.changed_since(&Digests::of_tree(&workbook.root)) {
        problems.push(Problem {
            place: "workbook".into(),
            what: format!(
                "{} changed while the self-check ran: unless you edited it meanwhile, code graded in the stage wrote into the real workbook",
                path.display()
            ),
        });
    }
    Ok(Findings {
        problems,
        mistakes,
        notes,
    })
}

/// The stub round: grades each of `units` in the workspace at `root`, which holds the stubs as
/// shipped; the problems found (a test that passes, a stub that does not compile where its
/// manifest says it does, a file a test changed) and each unit's report.
pub fn grade_stubs(
    root: &Path,
    units: &[&Unit],
    options: &GradeOptions<'_>,
) -> Result<(Vec<Problem>, Vec<UnitReport>), CompileError> {
    let mut problems = Vec::new();
    let mut reports = Vec::new();
    for unit in units {
        let report = grade_unit(root, unit, options)?;
        problems.extend(check_stub(unit, &report));
        problems.extend(warnings_of(unit, &report));
        reports.push(report);
    }
    Ok((problems, reports))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_self_check_error_says_what_failed_and_a_stage_error_shows_through_it() {
        let work_dir = SelfCheckError::WorkDir {
            work_dir: PathBuf::from("checks"),
            problem: "it is inside the workbook".into(),
        };
        assert_eq!(
            work_dir.to_string(),
            "cannot stage the self-check in checks: it is inside the workbook"
        );
        assert!(std::error::Error::source(&work_dir).is_none());
        // Transparent: the stage error's message, which says the cause.
        let stage = SelfCheckError::from(StageError::Clear {
            path: PathBuf::from("stage"),
            source: std::io::Error::other("in use"),
        });
        assert_eq!(
            stage.to_string(),
            "failed to clear the staging folder stage: in use"
        );
        assert!(
            std::error::Error::source(&stage).is_none(),
            "the message says the cause; given as the source too, a chain would print it twice"
        );
    }
}
