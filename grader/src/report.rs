//! The graded results of a day or the capstone: the data that the text and JSON reports show.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::manifest::UnitKind;

/// The version of the JSON report's schema, bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// Why a test has the result it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TestStatus {
    /// libtest reported `ok` and the process exited cleanly.
    Passed,
    /// The test reached a `todo!()` (or `unimplemented!()`).
    NotStarted,
    /// The test panicked, usually an assertion with a message.
    Failed,
    /// Its test target does not compile.
    DoesNotCompile,
    /// It ran past its limit and was stopped.
    TimedOut,
    /// The process ended without a result: `process::exit`, an abort, a stack overflow, a signal.
    Crashed,
    /// It is marked `#[ignore]`: it did not run, and counts for nothing (see
    /// [`TestStatus::is_counted`]).
    Ignored,
}

impl TestStatus {
    pub const ALL: [TestStatus; 7] = [
        TestStatus::Passed,
        TestStatus::NotStarted,
        TestStatus::Failed,
        TestStatus::DoesNotCompile,
        TestStatus::TimedOut,
        TestStatus::Crashed,
        TestStatus::Ignored,
    ];

    /// The words the text report uses.
    pub fn describe(self) -> &'static str {
        match self {
            TestStatus::Passed => "passed",
            TestStatus::NotStarted => "not started",
            TestStatus::Failed => "failing",
            TestStatus::DoesNotCompile => "not compiling",
            TestStatus::TimedOut => "timed out",
            TestStatus::Crashed => "crashed",
            TestStatus::Ignored => "ignored",
        }
    }

    /// Whether a test with this result counts towards its exercise: every result does but
    /// `Ignored`. An ignored test did not run, so it is listed and counted as ignored, and left out
    /// of everything else: its exercise's status, the score, the next step and the exit status.
    pub fn is_counted(self) -> bool {
        self != TestStatus::Ignored
    }
}

/// One test's result.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TestResult {
    pub name: String,
    /// The test target (`tests/<target>.rs`) it belongs to.
    pub target: String,
    pub status: TestStatus,
    /// The assertion message, the compiler's first error, or what ended the process.
    pub message: Option<String>,
    /// Where it failed (`file:line:column`), relative to the workbook root, when known.
    pub location: Option<String>,
    /// Worth knowing whatever the result: "left a process running after it ended; it was stopped".
    pub note: Option<String>,
    /// Why the answer a passed test checked is right (`workbook_harness::explain`): a drill's
    /// explanation, kept from the learner until their answer is right.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    pub duration_ms: u64,
}

/// An exercise's overall state, derived from its tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExerciseStatus {
    /// Every counted test passed, and there are enough of them: at least one, or `min_tests`.
    Done,
    /// No test passed and every counted test only reached `todo!()`.
    NotStarted,
    /// Some tests pass or fail, some remain.
    InProgress,
    /// A test target does not compile.
    DoesNotCompile,
}

/// One exercise's results.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExerciseReport {
    pub id: String,
    /// Its position in the day, from 1; the drills have none.
    pub number: Option<usize>,
    pub title: String,
    pub python: String,
    /// The file to open, relative to the workbook root.
    pub file: PathBuf,
    pub status: ExerciseStatus,
    /// The compiler's first error, when one of its targets does not compile.
    pub compile_error: Option<String>,
    /// The capstone only: this area's share of the score.
    pub weight: Option<u32>,
    /// For the learner's own tests: how many passing tests complete it.
    pub min_tests: Option<usize>,
    /// The capstone only: tests that weigh more than 1 in the area's share, by name.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub test_weights: std::collections::BTreeMap<String, u32>,
    pub tests: Vec<TestResult>,
}

/// Counts of tests by status, and of exercises done.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub exercises: usize,
    pub exercises_done: usize,
    /// The tests that count: every test but the ignored ones, so it is the sum of every count
    /// below except `ignored`.
    pub tests: usize,
    pub passed: usize,
    pub not_started: usize,
    pub failed: usize,
    pub does_not_compile: usize,
    pub timed_out: usize,
    pub crashed: usize,
    pub ignored: usize,
}

/// A graded day or capstone.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UnitReport {
    pub schema: u32,
    pub kind: UnitKind,
    pub day: Option<u32>,
    pub title: String,
    pub package: String,
    pub exercises: Vec<ExerciseReport>,
    pub summary: Summary,
    /// The capstone only: the weighted score out of 100.
    pub score: Option<u32>,
    /// What went wrong around the tests rather than in them: canonical files that a test changed.
    /// A report with warnings is never a clean pass.
    pub warnings: Vec<String>,
    /// How the tests' processes were contained on this system (see docs/GRADING.md).
    pub protections: String,
}

impl ExerciseReport {
    /// Derives the exercise's status from its counted test results (and, for the learner's own
    /// tests, from how many there are). Ignored tests play no part: an exercise whose only tests
    /// are ignored has none that count, so it is not done.
    pub fn status_of(tests: &[TestResult], min_tests: Option<usize>) -> ExerciseStatus {
        let counted: Vec<&TestResult> = tests.iter().filter(|t| t.status.is_counted()).collect();
        let enough = counted.len() >= min_tests.unwrap_or(1);
        if counted
            .iter()
            .any(|t| t.status == TestStatus::DoesNotCompile)
        {
            ExerciseStatus::DoesNotCompile
        } else if enough && counted.iter().all(|t| t.status == TestStatus::Passed) {
            ExerciseStatus::Done
        } else if counted.iter().all(|t| t.status == TestStatus::NotStarted) {
            ExerciseStatus::NotStarted
        } else {
            ExerciseStatus::InProgress
        }
    }

    /// How many of its tests have this result.
    pub fn count(&self, status: TestStatus) -> usize {
        self.tests.iter().filter(|t| t.status == status).count()
    }

    /// How many of its tests count: all but the ignored ones.
    pub fn counted_tests(&self) -> usize {
        self.tests.iter().filter(|t| t.status.is_counted()).count()
    }

    /// The tests that count and have not passed yet, in the report's order.
    pub fn still_to_pass(&self) -> Vec<&TestResult> {
        self.tests
            .iter()
            .filter(|t| t.status.is_counted() && t.status != TestStatus::Passed)
            .collect()
    }

    pub fn is_done(&self) -> bool {
        self.status == ExerciseStatus::Done
    }

    /// The share (0 to 1) of its weight the exercise earns: the weight of its passing tests over
    /// that of its counted ones; for the learner's own tests, the share of planted bugs they catch
    /// (less the share that fail on the reference solution), or of `min_tests` that pass.
    pub fn share(&self) -> f64 {
        let passed = self.count(TestStatus::Passed);
        let counted: u32 = self
            .tests
            .iter()
            .filter(|t| t.status.is_counted())
            .map(|t| self.weight_of(t))
            .sum();
        let passed_weight: u32 = self
            .tests
            .iter()
            .filter(|t| t.status == TestStatus::Passed)
            .map(|t| self.weight_of(t))
            .sum();
        let planted = |target: &str| {
            let of: Vec<&TestResult> = self.tests.iter().filter(|t| t.target == target).collect();
            let passed = of.iter().filter(|t| t.status == TestStatus::Passed).count();
            (passed, of.len())
        };
        let (caught, bugs) = planted(crate::planted::PLANTED_TARGET);
        let (_, wrong_on_reference) = planted(crate::planted::ON_REFERENCE_TARGET);
        match self.min_tests {
            // The learner's own tests earn the share of planted bugs they catch, less the
            // share of them that fail on the reference solution.
            Some(_) if bugs > 0 => {
                let own = counted_own(self).max(1) as f64;
                let valid = (own - wrong_on_reference as f64).max(0.0) / own;
                caught as f64 / bugs as f64 * valid
            }
            // Without planted bugs, by how many pass; never all of it while one fails.
            Some(min) if min > 0 => {
                passed.min(min) as f64 / min as f64 * passed as f64
                    / counted_own(self).max(1) as f64
            }
            _ if counted == 0 => 0.0,
            _ => f64::from(passed_weight) / f64::from(counted),
        }
    }

    /// A test's weight in the area's share: 1 unless the manifest's `test_weights` says more.
    pub fn weight_of(&self, test: &TestResult) -> u32 {
        self.test_weights.get(&test.name).copied().unwrap_or(1)
    }
}

impl UnitReport {
    /// Builds the report and its summary (and, for the capstone, its score).
    pub fn new(
        kind: UnitKind,
        day: Option<u32>,
        title: String,
        package: String,
        exercises: Vec<ExerciseReport>,
    ) -> Self {
        let mut summary = Summary {
            exercises: exercises.len(),
            exercises_done: exercises.iter().filter(|e| e.is_done()).count(),
            ..Summary::default()
        };
        for test in exercises.iter().flat_map(|e| &e.tests) {
            if test.status.is_counted() {
                summary.tests += 1;
            }
            *match test.status {
                TestStatus::Passed => &mut summary.passed,
                TestStatus::NotStarted => &mut summary.not_started,
                TestStatus::Failed => &mut summary.failed,
                TestStatus::DoesNotCompile => &mut summary.does_not_compile,
                TestStatus::TimedOut => &mut summary.timed_out,
                TestStatus::Crashed => &mut summary.crashed,
                TestStatus::Ignored => &mut summary.ignored,
            } += 1;
        }
        let score = (kind == UnitKind::Capstone).then(|| weighted_score(&exercises));
        UnitReport {
            schema: SCHEMA_VERSION,
            kind,
            day,
            title,
            package,
            exercises,
            summary,
            score,
            warnings: Vec::new(),
            protections: crate::process::protections().to_owned(),
        }
    }

    /// The first exercise, in the learner's order, that is not done yet.
    pub fn next_unfinished(&self) -> Option<&ExerciseReport> {
        self.exercises.iter().find(|e| !e.is_done())
    }

    /// Whether every exercise passed.
    /// Whether every exercise passed, with nothing changed that grading relies on.
    pub fn all_done(&self) -> bool {
        self.warnings.is_empty() && self.exercises.iter().all(ExerciseReport::is_done)
    }
}

/// How many of the learner's own tests an area has (its results that are neither a planted bug
/// nor a test's failure on the reference solution).
fn counted_own(e: &ExerciseReport) -> usize {
    e.tests
        .iter()
        .filter(|t| {
            t.status.is_counted()
                && t.target != crate::planted::PLANTED_TARGET
                && t.target != crate::planted::ON_REFERENCE_TARGET
        })
        .count()
}

/// Each area earns its weight in proportion to the share of its counted tests that pass (ignored
/// tests are in neither part of the share); the learner's own tests earn it in proportion to how
/// many of the required number pass.
fn weighted_score(exercises: &[ExerciseReport]) -> u32 {
    let total: f64 = exercises
        .iter()
        .map(|e| f64::from(e.weight.unwrap_or(0)) * e.share())
        .sum();
    // Rounding guards against 99.99999 for a full score.
    (total + 1e-9).floor() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test(status: TestStatus) -> TestResult {
        TestResult {
            name: "t".into(),
            target: "ex1".into(),
            status,
            message: None,
            location: None,
            note: None,
            explanation: None,
            duration_ms: 0,
        }
    }

    fn exercise(weight: u32, statuses: &[TestStatus]) -> ExerciseReport {
        let tests: Vec<_> = statuses.iter().copied().map(test).collect();
        ExerciseReport {
            id: "e".into(),
            number: Some(1),
            title: "E".into(),
            python: String::new(),
            file: "src/e.rs".into(),
            status: ExerciseReport::status_of(&tests, None),
            compile_error: None,
            weight: Some(weight),
            min_tests: None,
            test_weights: Default::default(),
            tests,
        }
    }

    #[test]
    fn exercise_status_follows_its_tests() {
        use TestStatus::*;
        let status = |s: &[TestStatus]| exercise(0, s).status;
        assert_eq!(status(&[Passed, Passed]), ExerciseStatus::Done);
        assert_eq!(
            status(&[NotStarted, NotStarted]),
            ExerciseStatus::NotStarted
        );
        assert_eq!(status(&[Passed, NotStarted]), ExerciseStatus::InProgress);
        assert_eq!(status(&[Failed]), ExerciseStatus::InProgress);
        assert_eq!(
            status(&[Passed, DoesNotCompile]),
            ExerciseStatus::DoesNotCompile
        );
        assert_eq!(status(&[Crashed]), ExerciseStatus::InProgress);
        assert_eq!(status(&[]), ExerciseStatus::NotStarted);
        let few = exercise(0, &[Passed, Passed]).tests;
        assert_eq!(
            ExerciseReport::status_of(&few, Some(5)),
            ExerciseStatus::InProgress,
            "two passing tests of five required are not done"
        );
    }

    #[test]
    fn a_weighted_test_costs_its_weight_in_the_areas_share() {
        use TestStatus::*;
        let mut area = exercise(100, &[Failed, Passed, Passed]);
        area.tests[0].name = "never_prints_the_secret".into();
        for (i, t) in area.tests.iter_mut().enumerate().skip(1) {
            t.name = format!("cosmetic_{i}");
        }
        assert_eq!(weighted_score(std::slice::from_ref(&area)), 66);
        area.test_weights
            .insert("never_prints_the_secret".into(), 4);
        assert_eq!(
            weighted_score(std::slice::from_ref(&area)),
            33,
            "a failing test of weight 4 of 6 costs two thirds of the area"
        );
    }

    #[test]
    fn an_ignored_test_plays_no_part_in_its_exercises_status() {
        use TestStatus::*;
        let status = |s: &[TestStatus]| exercise(0, s).status;
        assert_eq!(status(&[Passed, Passed, Ignored]), ExerciseStatus::Done);
        assert_eq!(
            status(&[Passed, Failed, Ignored]),
            ExerciseStatus::InProgress
        );
        assert_eq!(
            status(&[NotStarted, Ignored]),
            ExerciseStatus::NotStarted,
            "an ignored test is no sign of work begun"
        );
        assert_eq!(
            status(&[Ignored, Ignored]),
            ExerciseStatus::NotStarted,
            "with no counted test, nothing is done"
        );
        let two_and_an_ignored = exercise(0, &[Passed, Ignored, Passed]).tests;
        assert_eq!(
            ExerciseReport::status_of(&two_and_an_ignored, Some(3)),
            ExerciseStatus::InProgress,
            "an ignored test does not make up the required number"
        );
        assert_eq!(
            ExerciseReport::status_of(&two_and_an_ignored, Some(2)),
            ExerciseStatus::Done
        );
    }

    #[test]
    fn an_ignored_test_is_left_out_of_the_score_the_next_step_and_the_test_count() {
        use TestStatus::*;
        let area = exercise(60, &[Passed, Ignored, Passed]);
        assert_eq!(area.counted_tests(), 2);
        assert!(
            area.still_to_pass().is_empty(),
            "{:?}",
            area.still_to_pass()
        );
        let report = UnitReport::new(
            UnitKind::Capstone,
            None,
            "c".into(),
            "c".into(),
            vec![area, exercise(40, &[Passed])],
        );
        assert_eq!(report.score, Some(100), "2 of 2 counted tests earn all 60");
        assert!(report.all_done(), "so the exit status is 0");
        assert!(report.next_unfinished().is_none());
        assert_eq!(report.summary.tests, 3, "the ignored test is not counted");
        assert_eq!(report.summary.passed, 3);
        assert_eq!(report.summary.ignored, 1, "but it is listed as ignored");

        let only_ignored = exercise(40, &[Ignored]);
        let report = UnitReport::new(
            UnitKind::Capstone,
            None,
            "c".into(),
            "c".into(),
            vec![exercise(60, &[Passed, Failed, Ignored]), only_ignored],
        );
        assert_eq!(
            report.score,
            Some(30),
            "1 of 2 counted tests of 60, and nothing for an area with no counted test"
        );
        assert_eq!(report.next_unfinished().map(|e| e.weight), Some(Some(60)));
        let first = &report.exercises[0];
        assert_eq!(
            first
                .still_to_pass()
                .iter()
                .map(|t| t.status)
                .collect::<Vec<_>>(),
            [Failed],
            "the failing test is still to pass, the ignored one is not"
        );
    }

    #[test]
    fn own_tests_earn_their_weight_by_how_many_of_the_required_pass_and_none_fail() {
        use TestStatus::*;
        let mut own = exercise(20, &[Passed, Passed, Passed, Failed]);
        own.min_tests = Some(5);
        let mut more = exercise(20, &[Passed; 7]);
        more.min_tests = Some(5);
        let full = exercise(80, &[Passed, Passed]);
        let score = |areas: Vec<ExerciseReport>| {
            UnitReport::new(UnitKind::Capstone, None, "c".into(), "c".into(), areas).score
        };
        assert_eq!(
            score(vec![full.clone(), own]),
            Some(89),
            "80 + 20 * 3/5 of the required, less the quarter of that the failing test costs"
        );
        assert_eq!(
            score(vec![full, more]),
            Some(100),
            "seven tests fill a five-test area"
        );
    }

    #[test]
    fn summary_counts_every_status_and_the_score_weighs_areas() {
        use TestStatus::*;
        let report = UnitReport::new(
            UnitKind::Capstone,
            None,
            "c".into(),
            "c".into(),
            vec![
                exercise(60, &[Passed, Passed, Failed]),
                exercise(40, &[TimedOut, Crashed, DoesNotCompile, NotStarted]),
            ],
        );
        assert_eq!(report.summary.tests, 7);
        assert_eq!(report.summary.passed, 2);
        assert_eq!(report.summary.failed, 1);
        assert_eq!(report.summary.timed_out, 1);
        assert_eq!(report.summary.crashed, 1);
        assert_eq!(report.summary.does_not_compile, 1);
        assert_eq!(report.summary.not_started, 1);
        assert_eq!(report.score, Some(40), "2 of 3 tests of a 60-point area");
        assert!(!report.all_done());
    }
}
