//! The workbook's layout: every file a manifest names exists, every test target belongs to an
//! exercise, and every exercise has its hints and links.

use std::path::Path;

use super::Problem;
use crate::workbook::Workbook;

/// Every file the manifests name exists, and every test target belongs to an exercise.
pub fn check_layout(workbook: &Workbook) -> Vec<Problem> {
    let mut problems = Vec::new();
    for unit in &workbook.units {
        let mut problem = |what: String| {
            problems.push(Problem {
                place: unit.label(),
                what,
            })
        };
        if let Some(why) = crate::grade::stubs::check_record(&workbook.root, unit, false) {
            problem(why);
        }
        for exercise in &unit.manifest.exercises {
            let unit_dir = workbook.root.join(&unit.dir);
            let crate_dir = workbook.root.join(&unit.crate_of(exercise).dir);
            for file in &exercise.files {
                if !unit_dir.join(file).is_file() {
                    problem(format!(
                        "exercise `{}` names {}, which does not exist",
                        exercise.id,
                        unit.dir.join(file).display()
                    ));
                }
            }
            for target in &exercise.tests {
                // A canonical target's list of tests must be readable from its file, so that the
                // exercise counts the same tests whether or not it compiles.
                let test_file = crate_dir.join("tests").join(format!("{target}.rs"));
                if exercise.min_tests.is_none()
                    && test_file.is_file()
                    && crate::declared_tests::declared_tests(&crate_dir, target)
                        .is_none_or(|names| names.is_empty())
                {
                    problem(format!(
                        "exercise `{}`: {}/tests/{target}.rs does not end with a \
                         `workbook_harness::main!(...)` that lists its tests by name, so the \
                         grader cannot count them while the target does not compile: write the \
                         list out (docs/AUTHORING.md, \"Tests\")",
                        exercise.id,
                        unit.crate_of(exercise).dir.display()
                    ));
                }
                if !crate_dir
                    .join("tests")
                    .join(format!("{target}.rs"))
                    .is_file()
                {
                    problem(format!(
                        "exercise `{}` names the test target `{target}`, but {}/tests/{target}.rs does not exist",
                        exercise.id,
                        unit.crate_of(exercise).dir.display()
                    ));
                }
            }
            if exercise.read_more.is_empty() {
                problem(format!(
                    "exercise `{}` has no `read_more`: give it at least one link, \"Title: https://...\" \
                     (the Rust Book chapter, the std or crate docs, the Cargo Book)",
                    exercise.id
                ));
            }
            for link in &exercise.read_more {
                if !link.contains(": https://") {
                    problem(format!(
                        "exercise `{}` has the `read_more` entry \"{link}\": write it \"Title: https://...\"",
                        exercise.id
                    ));
                }
            }
            if exercise.hints.len() < 3 {
                problem(format!(
                    "exercise `{}` has {} hints; give three tiers: a nudge, the API to use, the shape of the solution",
                    exercise.id,
                    exercise.hints.len()
                ));
            }
        }
        for krate in &unit.crates {
            for target in test_targets_on_disk(&workbook.root.join(&krate.dir)) {
                let owner = unit.manifest.exercise_of_target(&target);
                if owner.is_none_or(|e| unit.crate_of(e) != krate) {
                    problem(format!(
                        "{}/tests/{target}.rs belongs to no exercise: add `{target}` to the `tests` of one in {}",
                        krate.dir.display(),
                        crate::manifest::MANIFEST_FILE
                    ));
                }
            }
        }
    }
    problems
}

fn test_targets_on_disk(crate_dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(crate_dir.join("tests")) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| {
            let path = e.path();
            (path.extension()? == "rs").then(|| path.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect()
}
