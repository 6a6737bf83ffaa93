//! A small class, built by hand, that every format's tests write: one submission all done, one
//! partial (a failing test, a timed-out one, an ignored one, a forbidden API, a changed canonical
//! file, a missing file), and one refused archive.

use std::path::PathBuf;

use crate::batch::{
    BATCH_SCHEMA_VERSION, BatchReport, ExerciseScore, IgnoredFile, SubmissionOutcome,
    SubmissionReport, Violation,
};
use crate::manifest::UnitKind;
use crate::report::{ExerciseReport, TestResult, TestStatus, UnitReport};

const PROTECTIONS: &str =
    "process group killed when the test ends; memory, file-size and process-count limits";

fn test(name: &str, target: &str, status: TestStatus, message: Option<&str>) -> TestResult {
    TestResult {
        name: name.to_owned(),
        target: target.to_owned(),
        status,
        message: message.map(str::to_owned),
        location: message.map(|_| format!("days/day1-traits/tests/{target}.rs:12:5")),
        note: None,
        explanation: None,
        duration_ms: 12,
    }
}

fn exercise(
    id: &str,
    number: usize,
    title: &str,
    weight: Option<u32>,
    tests: Vec<TestResult>,
) -> ExerciseReport {
    ExerciseReport {
        id: id.to_owned(),
        number: Some(number),
        title: title.to_owned(),
        python: String::new(),
        file: PathBuf::from(format!("src/{id}.rs")),
        status: ExerciseReport::status_of(&tests, None),
        compile_error: None,
        weight,
        min_tests: None,
        test_weights: Default::default(),
        tests,
    }
}

fn unit(kind: UnitKind, day: Option<u32>, exercises: Vec<ExerciseReport>) -> UnitReport {
    let mut report = UnitReport::new(kind, day, "T".into(), "p".into(), exercises);
    // The same on every OS, so that the snapshots are.
    report.protections = PROTECTIONS.to_owned();
    report
}

/// The gradebook's columns for a graded submission: days' exercises are worth 10, capstone areas
/// their weight; a forbidden API zeroes its exercise.
fn scores(units: &[UnitReport], violations: &[Violation]) -> Vec<ExerciseScore> {
    let mut scores = Vec::new();
    for report in units {
        let unit = report
            .day
            .map_or("capstone".to_owned(), |d| format!("day{d}"));
        for e in &report.exercises {
            let max_points = e.weight.map_or(10.0, f64::from);
            let zeroed_by = violations
                .iter()
                .find(|v| v.unit == unit && v.exercise == e.id)
                .map(Violation::message);
            scores.push(ExerciseScore {
                unit: unit.clone(),
                id: e.id.clone(),
                title: e.title.clone(),
                status: Some(e.status),
                points: if zeroed_by.is_some() {
                    0.0
                } else {
                    max_points * e.share()
                },
                max_points,
                passed_tests: e.count(TestStatus::Passed),
                tests: e.counted_tests(),
                zeroed_by,
            });
        }
    }
    scores
}

fn units(
    health: Vec<TestResult>,
    mixins: Vec<TestResult>,
    models: Vec<TestResult>,
) -> Vec<UnitReport> {
    vec![
        unit(
            UnitKind::Day,
            Some(1),
            vec![
                exercise("health-checks", 1, "A health-check framework", None, health),
                exercise("mixins", 2, "Mixins as traits", None, mixins),
            ],
        ),
        unit(
            UnitKind::Capstone,
            None,
            vec![exercise(
                "models",
                1,
                "Server, Metric, Alert and a Secret",
                Some(20),
                models,
            )],
        ),
    ]
}

fn submission(
    student: &str,
    source: &str,
    outcome: SubmissionOutcome,
    units: Vec<UnitReport>,
    violations: Vec<Violation>,
) -> SubmissionReport {
    let exercises = scores(&units, &violations);
    SubmissionReport {
        student: student.to_owned(),
        source: PathBuf::from(source),
        outcome,
        points: exercises.iter().map(|e| e.points).sum(),
        max_points: exercises.iter().map(|e| e.max_points).sum(),
        exercises,
        ignored_files: Vec::new(),
        violations,
        missing_files: Vec::new(),
        units,
        notes: Vec::new(),
        cached: false,
        duration_ms: 1500,
    }
}

/// The class: `alice` (all done), `bob, "bobby"` (partial) and `=cmd` (a refused archive).
pub(crate) fn batch() -> BatchReport {
    use TestStatus::*;
    let alice = submission(
        "alice",
        "class/alice.zip",
        SubmissionOutcome::Graded,
        units(
            vec![
                test("reports_every_check", "ex1_health_checks", Passed, None),
                test(
                    "disk_check_fails_when_full",
                    "ex1_health_checks",
                    Passed,
                    None,
                ),
            ],
            vec![
                test("touch_updates_the_timestamp", "ex2_mixins", Passed, None),
                test("servers_compare_by_key", "ex2_mixins", Passed, None),
            ],
            vec![
                test("secret_is_redacted", "models", Passed, None),
                test("metric_rejects_nan", "models", Passed, None),
            ],
        ),
        Vec::new(),
    );

    let failing = "assertion `left == right` failed: <worst> & \"severity\"\n  left: Critical\n right: Warning\u{1b}[0m";
    let mut bob = submission(
        "bob, \"bobby\"",
        "class/bob.tar.gz",
        SubmissionOutcome::Graded,
        units(
            vec![
                test("reports_every_check", "ex1_health_checks", Passed, None),
                test(
                    "disk_check_fails_when_full",
                    "ex1_health_checks",
                    Failed,
                    Some(failing),
                ),
            ],
            vec![
                test("touch_updates_the_timestamp", "ex2_mixins", Passed, None),
                test("servers_compare_by_key", "ex2_mixins", Passed, None),
            ],
            vec![
                test("secret_is_redacted", "models", Passed, None),
                test(
                    "metric_rejects_nan",
                    "models",
                    NotStarted,
                    Some("not yet implemented"),
                ),
                test(
                    "alert_orders_by_severity",
                    "models",
                    TimedOut,
                    Some("ran past its limit of 5 s and was stopped"),
                ),
                test("slow_property_check", "models", Ignored, None),
            ],
        ),
        vec![Violation {
            unit: "day1".into(),
            exercise: "mixins".into(),
            what: "std::process".into(),
            location: "days/day1-traits/src/ex2_mixins.rs:42".into(),
        }],
    );
    bob.ignored_files = vec![IgnoredFile {
        path: "days/day1-traits/tests/ex1_health_checks.rs".into(),
        why: "differs: ignored".into(),
    }];
    // An ignored learner file is also missing (its stub is graded): listed once, as ignored.
    bob.ignored_files.push(IgnoredFile {
        path: "capstone/src/report.rs".into(),
        why: "a symbolic link (or one on its path): ignored, not followed".into(),
    });
    bob.missing_files = vec![
        PathBuf::from("capstone/src/cli.rs"),
        PathBuf::from("capstone/src/report.rs"),
    ];
    bob.notes = vec![
        "uncommitted changes to days/day1-traits/src/ex2_mixins.rs were left out: the committed HEAD \
         was graded"
            .into(),
    ];

    let mut refused = submission(
        "=cmd",
        "class/=cmd.zip",
        SubmissionOutcome::Refused {
            reason: "the archive holds a path outside it: ../../etc/passwd".into(),
        },
        Vec::new(),
        Vec::new(),
    );
    // Every column is there, at 0, for a submission that was not graded.
    refused.exercises = alice
        .exercises
        .iter()
        .map(|e| ExerciseScore {
            status: None,
            points: 0.0,
            passed_tests: 0,
            ..e.clone()
        })
        .collect();
    refused.max_points = alice.max_points;
    refused.duration_ms = 3;

    BatchReport {
        schema: BATCH_SCHEMA_VERSION,
        units: vec!["day1".into(), "capstone".into()],
        protections: vec![
            "no network (network namespace)".into(),
            "memory limit 4 GiB".into(),
            "the workbook read-only, the solutions absent".into(),
        ],
        sandboxed: true,
        submissions: vec![alice, bob, refused],
    }
}
