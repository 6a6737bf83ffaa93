//! What a graded report must show: the reference solution passes every test, the stub none, and
//! the staged code changed no file.

use super::Problem;
use crate::report::{ExerciseStatus, TestStatus, UnitReport};
use crate::workbook::Unit;

/// A stage's report names files that the staged code changed while it was graded.
pub(super) fn warnings_of(unit: &Unit, report: &UnitReport) -> Vec<Problem> {
    report
        .warnings
        .iter()
        .map(|warning| Problem {
            place: unit.label(),
            what: warning.clone(),
        })
        .collect()
}

/// The reference solution passes every test, and has enough tests of "its own" where the learner
/// must write some.
pub fn check_solution(unit: &Unit, report: &UnitReport) -> Vec<Problem> {
    let too_few = report.exercises.iter().filter_map(|exercise| {
        let min = exercise.min_tests?;
        (exercise.tests.len() < min).then(|| Problem {
            place: unit.label(),
            what: format!(
                "the reference solution of `{}` has {} tests of its own; the learner must write {min}",
                exercise.id,
                exercise.tests.len()
            ),
        })
    });
    let failing = report.exercises.iter().flat_map(|exercise| {
        exercise
            .tests
            .iter()
            .filter(|t| t.status != TestStatus::Passed)
            .map(move |test| Problem {
                place: unit.label(),
                what: format!(
                    "the reference solution of `{}` does not pass {}::{} ({}): {}",
                    exercise.id,
                    test.target,
                    test.name,
                    test.status.describe(),
                    test.message.as_deref().unwrap_or("no message")
                ),
            })
    });
    let unknown_weights = report.exercises.iter().flat_map(|exercise| {
        exercise
            .test_weights
            .keys()
            .filter(|name| !exercise.tests.iter().any(|t| &t.name == *name))
            .map(move |name| Problem {
                place: unit.label(),
                what: format!(
                    "`{}` gives a weight to `{name}` in `test_weights`, but it has no test of that name",
                    exercise.id
                ),
            })
    });
    too_few.chain(failing).chain(unknown_weights).collect()
}

/// The stub passes no test, and compiles where its manifest says it does. The learner's own tests
/// (an area with `min_tests`) are theirs: a stub may ship an example that passes.
pub fn check_stub(unit: &Unit, report: &UnitReport) -> Vec<Problem> {
    let mut problems = Vec::new();
    for exercise in report.exercises.iter().filter(|e| e.min_tests.is_none()) {
        let manifest = unit.manifest.exercise(&exercise.id);
        for test in &exercise.tests {
            if test.status == TestStatus::Passed {
                problems.push(Problem {
                    place: unit.label(),
                    what: format!(
                        "{}::{} passes on the stub of `{}`: a test must fail until the learner has done the work \
                         (working through the workbook in this clone? Then that is your own solution, not a bug: \
                         learners grade with `cargo day N`, and this check is for the workbook's maintainers)",
                        test.target, test.name, exercise.id
                    ),
                });
            }
        }
        if exercise.status == ExerciseStatus::DoesNotCompile
            && manifest.is_some_and(|m| m.stub_compiles)
        {
            problems.push(Problem {
                place: unit.label(),
                what: format!(
                    "the stub of `{}` does not compile as shipped (set `stub_compiles = false` if that is the lesson): {}",
                    exercise.id,
                    exercise.compile_error.as_deref().unwrap_or("")
                ),
            });
        }
        if exercise.tests.is_empty() {
            problems.push(Problem {
                place: unit.label(),
                what: format!("`{}` has no tests", exercise.id),
            });
        }
    }
    problems
}
