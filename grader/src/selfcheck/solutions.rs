//! The solutions' round: the reference solutions graded in a stage (with their planted bugs),
//! linted, and their variants graded.

use std::path::{Path, PathBuf};

use super::reports::{check_solution, warnings_of};
use super::variant_rounds::check_variants;
use super::{MistakeMessage, Problem, SelfCheckError};
use crate::compile::clippy;
use crate::grade::{GradeOptions, Progress, grade_unit};
use crate::planted::PlantedBugs;
use crate::stage::stage;
use crate::workbook::{Unit, Workbook};

/// Grades the reference solutions of `units` in a stage (each with its planted bugs grading the
/// own-tests areas), lints them, and grades every alternative and planted mistake.
pub(super) fn check_solutions(
    workbook: &Workbook,
    units: &[&Unit],
    work_dir: &Path,
    options: &GradeOptions<'_>,
    problems: &mut Vec<Problem>,
    mistakes: &mut Vec<MistakeMessage>,
) -> Result<(), SelfCheckError> {
    // Solutions and stubs share one target folder, so that the dependencies are built once. Their
    // artifacts have the same names, and cargo tells them apart by the sources' modification
    // times: each stage is laid out right before it is graded, never both up front.
    let solutions = work_dir.join("solutions");
    let staged = stage(workbook, Some(&workbook.root.join("solutions")), &solutions)?;
    for missing in &staged.missing {
        problems.push(Problem {
            place: "workbook".into(),
            what: format!(
                "no reference solution for {}: add solutions/{}",
                missing.display(),
                missing.display()
            ),
        });
    }
    // The learner's own tests are graded by the bugs planted in the reference solution: the
    // reference tests (and each alternative set of tests) must catch every one.
    let planted: Vec<Option<PlantedBugs>> = units
        .iter()
        .map(|unit| PlantedBugs::for_unit(workbook, unit, &work_dir.join("planted")))
        .collect();
    for (unit, planted) in units.iter().zip(&planted) {
        let options = GradeOptions {
            planted: planted.as_ref(),
            ..options.clone()
        };
        let report = grade_unit(&solutions, unit, &options)?;
        problems.extend(check_solution(unit, &report));
        problems.extend(warnings_of(unit, &report));
    }
    problems.extend(lint_solutions(
        units,
        &solutions,
        &staged.overlaid,
        options,
    )?);
    // The variants are graded in the solutions' stage, each laid over the reference solution and
    // taken away again, so that only what they change is built again.
    for (unit, planted) in units.iter().zip(&planted) {
        let options = GradeOptions {
            planted: planted.as_ref(),
            ..options.clone()
        };
        check_variants(workbook, unit, &solutions, &options, problems, mistakes)?;
    }
    Ok(())
}

/// The reference solutions (and the tests beside them) are clean under clippy with warnings
/// denied, and formatted by rustfmt: the project's own standard, checked in the stage where they
/// are whole crates.
fn lint_solutions(
    units: &[&Unit],
    stage_root: &Path,
    overlaid: &[PathBuf],
    options: &GradeOptions<'_>,
) -> Result<Vec<Problem>, SelfCheckError> {
    let mut problems = Vec::new();
    let packages: Vec<&str> = units
        .iter()
        .flat_map(|u| u.crates.iter().map(|c| c.package.as_str()))
        .collect();
    let progress = options.progress;
    let lint = clippy(
        stage_root,
        &packages,
        options.target_dir.as_deref(),
        &|line| progress(Progress::Cargo(line)),
    )?;
    for (_, finding) in &lint.first_errors {
        problems.push(Problem {
            place: "solutions".into(),
            what: format!("clippy (warnings denied) finds:\n{finding}"),
        });
    }
    if !lint.success && lint.first_errors.is_empty() {
        problems.push(Problem {
            place: "solutions".into(),
            what: format!(
                "`cargo clippy` did not run cleanly on the staged solutions:\n{}",
                lint.stderr_tail.join("\n")
            ),
        });
    }
    let mut rustfmt = std::process::Command::new("rustfmt");
    rustfmt
        .current_dir(stage_root)
        .args(["--check", "--edition", "2024"])
        .args(
            overlaid
                .iter()
                .filter(|f| f.extension().is_some_and(|e| e == "rs")),
        );
    let output = crate::process::output_own(&mut rustfmt);
    match output {
        Ok(output) if output.status.success() => {}
        Ok(output) => problems.push(Problem {
            place: "solutions".into(),
            what: format!(
                "not formatted by rustfmt (run `rustfmt --edition 2024` on the files below, under solutions/):\n{}",
                String::from_utf8_lossy(&output.stdout).lines().filter(|l| l.starts_with("Diff in")).collect::<Vec<_>>().join("\n")
            ),
        }),
        Err(e) => problems.push(Problem {
            place: "solutions".into(),
            what: format!("cannot run rustfmt ({e}): install it with `rustup component add rustfmt`"),
        }),
    }
    Ok(problems)
}
