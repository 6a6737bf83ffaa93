//! The instructors' subcommands as the full grader (with the `instructor` feature) runs them.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context as _, bail};

use grader::batch::{
    BatchOptions, BatchProgress, SubmissionOutcome, default_work_dir, grade_batch,
};
use grader::export::Format;
use grader::grade::Progress;
use grader::workbook::{Unit, Workbook};

use super::BatchRequest;
use crate::progress::ProgressPrinter;

/// `--unit` values: `all`, `day1` … `day5` (or `1` … `5`), `capstone`; in the workbook's order.
pub fn units_named<'a>(workbook: &'a Workbook, names: &[String]) -> anyhow::Result<Vec<&'a Unit>> {
    let mut units: Vec<&Unit> = Vec::new();
    for name in names {
        let found: Vec<&Unit> = if name == "all" {
            workbook.units.iter().collect()
        } else {
            let unit = workbook
                .units
                .iter()
                .find(|u| {
                    grader::batch::score::unit_name(u) == *name
                        || u.manifest.day.is_some_and(|d| d.to_string() == *name)
                })
                .with_context(|| {
                    let known: Vec<String> = workbook
                        .units
                        .iter()
                        .map(grader::batch::score::unit_name)
                        .collect();
                    format!(
                        "there is no unit `{name}`: use one of {}, or all",
                        known.join(", ")
                    )
                })?;
            vec![unit]
        };
        for unit in found {
            if !units.iter().any(|u| u.dir == unit.dir) {
                units.push(unit);
            }
        }
    }
    units.sort_by_key(|u| workbook.units.iter().position(|w| w.dir == u.dir));
    Ok(units)
}

/// The most workers a batch starts when `--jobs` does not say.
const MAX_DEFAULT_WORKERS: usize = 4;

pub fn batch_command(workbook: &Workbook, request: BatchRequest) -> anyhow::Result<ExitCode> {
    let units = units_named(workbook, &request.units)?;
    let formats = request
        .formats
        .iter()
        .map(|name| {
            Format::from_name(name)
                .with_context(|| format!("there is no format `{name}`: use {}", Format::names()))
        })
        .collect::<anyhow::Result<Vec<Format>>>()?;
    for path in &request.submissions {
        if std::fs::symlink_metadata(path).is_err() {
            bail!(
                "there is no submission at {}: give folders, git repositories, .zip or .tar.gz files",
                path.display()
            );
        }
    }
    // One worker per core, up to four (each has a copy of the build folder): a worker's build
    // runs mostly on one core, so two workers on two cores grade about twice as fast as one.
    let workers = request
        .jobs
        .unwrap_or_else(|| grader::grade::default_jobs().clamp(1, MAX_DEFAULT_WORKERS));
    if workers == 0 {
        bail!("--jobs 0 would grade nothing: give 1 or more");
    }
    grader::process::note_on_interrupt(if request.no_cache {
        "Interrupted. What was graded is kept: run the command again without --no-cache to grade \
         only the rest."
            .to_owned()
    } else {
        "Interrupted. What was graded is kept: run the same command again to grade only the rest."
            .to_owned()
    });
    let progress = |event: BatchProgress<'_>| show_progress(event);
    let options = BatchOptions {
        units,
        workers,
        work_dir: request
            .work_dir
            .clone()
            .unwrap_or_else(|| default_work_dir(workbook)),
        require_sandbox: request.require_sandbox,
        use_cache: !request.no_cache,
        progress: &progress,
    };
    let report = grade_batch(workbook, &request.submissions, &options)
        .context("failed to grade the batch")?;
    let written = grader::export::write_all(&report, &formats, &request.out)
        .with_context(|| format!("failed to write the results to {}", request.out.display()))?;
    let mut out = anstream::stdout();
    for submission in &report.submissions {
        let what = match &submission.outcome {
            SubmissionOutcome::Graded => format!(
                "{:.2} / {:.2} points",
                submission.points, submission.max_points
            ),
            SubmissionOutcome::Unreadable { reason } => format!("unreadable: {reason}"),
            SubmissionOutcome::Refused { reason } => format!("refused: {reason}"),
        };
        let _ = writeln!(
            out,
            "{:<24} {what}",
            grader::sanitize::for_terminal(&submission.student)
        );
    }
    let _ = writeln!(out, "\nProtections in force:");
    for line in &report.protections {
        let _ = writeln!(out, "  - {line}");
    }
    let _ = writeln!(out, "\nWritten:");
    for path in written {
        let _ = writeln!(out, "  {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn show_progress(event: BatchProgress<'_>) {
    let mut err = anstream::stderr();
    match event {
        BatchProgress::Step(text) | BatchProgress::Cargo(text) => {
            let _ = writeln!(err, "{text}");
        }
        BatchProgress::Grading { student, unit } => {
            let _ = writeln!(
                err,
                "  {}: grading {unit}…",
                grader::sanitize::for_terminal(student)
            );
        }
        BatchProgress::Graded {
            done,
            total,
            report,
            elapsed,
            remaining,
        } => {
            let outcome = match &report.outcome {
                SubmissionOutcome::Graded if report.cached => {
                    format!("{:.2} points (cached)", report.points)
                }
                SubmissionOutcome::Graded => format!("{:.2} points", report.points),
                SubmissionOutcome::Unreadable { .. } => "unreadable".to_owned(),
                SubmissionOutcome::Refused { .. } => "refused".to_owned(),
            };
            let left = remaining.map_or(String::new(), |r| format!(", about {} left", minutes(r)));
            let _ = writeln!(
                err,
                "[{done}/{total}] {}: {outcome} · {} elapsed{left}",
                grader::sanitize::for_terminal(&report.student),
                minutes(elapsed)
            );
        }
    }
}

/// "1 min 05 s", "12 s".
fn minutes(duration: Duration) -> String {
    let secs = duration.as_secs();
    if secs >= 60 {
        format!("{} min {:02} s", secs / 60, secs % 60)
    } else {
        format!("{secs} s")
    }
}

pub fn release_command(
    workbook: &Workbook,
    dir: &Path,
    with_solutions: bool,
    force: bool,
) -> anyhow::Result<ExitCode> {
    use grader::release::{ReleaseCheck, ReleaseOptions, check::default_build_dir};
    let options = ReleaseOptions {
        with_solutions,
        force,
    };
    let released = grader::release::write_release(workbook, dir, &options)?;
    let _ = writeln!(anstream::stderr(), "{}", released.summary());
    let _ = writeln!(
        anstream::stderr(),
        "Checking the release (several minutes): {}it builds, no exercise is done on its stubs…",
        if with_solutions {
            ""
        } else {
            "nothing from solutions/, "
        }
    );
    let printer = ProgressPrinter::new();
    let progress = |event: Progress<'_>| printer.show(event);
    let check = ReleaseCheck {
        with_solutions,
        build_dir: default_build_dir(workbook),
        progress: &progress,
    };
    let problems = grader::release::check_release(workbook, &released.dir, &check)
        .context("failed to check the release")?;
    printer.finish();
    let mut out = anstream::stdout();
    if problems.is_empty() {
        let _ = writeln!(
            out,
            "The release in {} passes its check: {}it builds, and no exercise is done on its stubs.",
            released.dir.display(),
            if with_solutions {
                ""
            } else {
                "nothing from solutions/, "
            }
        );
        return Ok(ExitCode::SUCCESS);
    }
    super::check::print_problems(&mut out, &problems);
    Ok(ExitCode::from(1))
}

pub fn gradescope_command(
    workbook: &Workbook,
    dir: &Path,
    units: &[String],
) -> anyhow::Result<ExitCode> {
    // A unit the workbook does not have is bad input, said before a release is written for nothing.
    grader::gradescope_bundle::checked_units(workbook, units)?;
    // Everything in the bundle is copied into the image that students' code runs in: its workbook
    // is a release, without the reference solutions, whatever this copy of the workbook holds.
    let release_dir = tempfile::Builder::new()
        .prefix("workbook-gradescope-")
        .tempdir()
        .context("failed to create a temporary folder")?;
    let release = release_dir.path().join("workbook");
    grader::release::write_release(workbook, &release, &Default::default())
        .context("failed to write the release the bundle grades with")?;
    let written = grader::gradescope_bundle::write_bundle(workbook, dir, units, &release)
        .with_context(|| format!("failed to write the Gradescope bundle to {}", dir.display()))?;
    let mut out = anstream::stdout();
    let _ = writeln!(
        out,
        "Wrote the Gradescope autograder bundle to {} (its workbook is a release: no solutions/):",
        dir.display()
    );
    for path in written {
        let _ = writeln!(out, "  {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}
