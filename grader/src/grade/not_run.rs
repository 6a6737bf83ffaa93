//! The results of tests that were not run: a target that did not compile or could not be listed,
//! and a learner file that is not graded as it is.

use std::path::Path;

use crate::report::{TestResult, TestStatus};
use crate::testrun::{Protocol, TestEnv};
use crate::workbook::Unit;

/// The results of a target that did not compile: one per test its `workbook_harness::main!`
/// declares, so that an exercise counts the same tests whether or not it compiles; one for the
/// whole target when it is the learner's own (libtest) or its list cannot be read.
pub(super) fn not_compiled(
    env: &TestEnv,
    protocol: Protocol,
    target: &str,
    error: &str,
) -> Vec<TestResult> {
    let declared = match protocol {
        Protocol::Harness => {
            crate::declared_tests::declared_tests(&env.package_dir, target).unwrap_or_default()
        }
        Protocol::Libtest => Vec::new(),
    };
    if declared.is_empty() {
        return vec![target_result(
            target,
            TestStatus::DoesNotCompile,
            error.to_owned(),
        )];
    }
    declared
        .into_iter()
        .map(|name| TestResult {
            name,
            ..target_result(target, TestStatus::DoesNotCompile, error.to_owned())
        })
        .collect()
}

/// A result for a whole target whose tests could not be run (or even listed); with a test's own
/// name, for one test that was not run.
pub(super) fn target_result(target: &str, status: TestStatus, message: String) -> TestResult {
    TestResult {
        name: target.to_owned(),
        target: target.to_owned(),
        status,
        message: Some(message),
        location: None,
        note: None,
        explanation: None,
        duration_ms: 0,
    }
}

/// Why one of `exercise`'s learner files is not graded as it is (`learner_code`), naming the file.
pub(super) fn refused_file(
    root: &Path,
    unit: &Unit,
    exercise: &crate::manifest::Exercise,
) -> Option<String> {
    exercise.files.iter().find_map(|file| {
        let path = unit.dir.join(file);
        let text = std::fs::read_to_string(root.join(&path)).ok()?;
        crate::learner_code::refusal(&text).map(|why| format!("{}: {why}", path.display()))
    })
}
