//! The command line: one subcommand per thing learners and maintainers do, each in its own function.

use std::io::{IsTerminal as _, Write as _};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context as _, bail};
use clap::{Parser, Subcommand};

use grader::grade::{GradeOptions, Progress, grade_unit};
use grader::render::render;
use grader::selfcheck;
use grader::workbook::{Unit, Workbook};

/// Grades the Rust workbook's exercises and shows hints.
#[derive(Debug, Parser)]
#[command(name = "grader", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build and grade one day: `cargo day 1`.
    Day {
        /// The day's number.
        day: u32,
        /// Print the results as JSON (schema in README.md) instead of the report.
        #[arg(long)]
        json: bool,
        /// Grade only this exercise (its id, as the report shows it).
        #[arg(long, value_name = "ID")]
        exercise: Option<String>,
    },
    /// Show an exercise's hints, one tier at a time: `cargo hint 1 health-checks`.
    Hint {
        /// The day's number.
        day: u32,
        /// The exercise's id, as the report shows it.
        exercise: String,
        /// Which hint: 1 is a nudge, 2 the API to use, 3 the shape of the solution.
        #[arg(long, default_value_t = 1, conflicts_with = "all")]
        level: usize,
        /// Show every hint at once.
        #[arg(long)]
        all: bool,
    },
    /// List the days and their exercises.
    List,
    /// Check the workbook itself: manifests, every reference solution passes, every stub fails.
    Check {
        /// Only check that the files the manifests name exist (no build).
        #[arg(long)]
        layout_only: bool,
    },
}

/// Parses the command line and runs the subcommand; `Err` means bad input (exit status 2).
pub fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    let cwd = std::env::current_dir().context("failed to read the current folder")?;
    let workbook = Workbook::discover(&cwd)?;
    match cli.command {
        Command::Day {
            day,
            json,
            exercise,
        } => day_command(&workbook, day, json, exercise),
        Command::Hint {
            day,
            exercise,
            level,
            all,
        } => hint_command(&workbook, day, &exercise, level, all),
        Command::List => list_command(&workbook),
        Command::Check { layout_only } => check_command(&workbook, layout_only),
    }
}

fn find_day(workbook: &Workbook, day: u32) -> anyhow::Result<&Unit> {
    workbook.day(day).with_context(|| {
        let days: Vec<String> = workbook.day_numbers().iter().map(u32::to_string).collect();
        format!(
            "there is no day {day}: the workbook has day {} (try `cargo day {}`)",
            days.join(", "),
            days.first().map_or("1", String::as_str)
        )
    })
}

fn exercise_ids(unit: &Unit) -> String {
    unit.manifest
        .exercises
        .iter()
        .map(|e| e.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn day_command(
    workbook: &Workbook,
    day: u32,
    json: bool,
    exercise: Option<String>,
) -> anyhow::Result<ExitCode> {
    let unit = find_day(workbook, day)?;
    if let Some(id) = &exercise
        && unit.manifest.exercise(id).is_none()
    {
        bail!(
            "day {day} has no exercise `{id}`: its exercises are {}",
            exercise_ids(unit)
        );
    }
    let printer = ProgressPrinter::new();
    let progress = |event: Progress<'_>| printer.show(event);
    let options = GradeOptions {
        only: exercise.into_iter().collect(),
        progress: &progress,
        ..GradeOptions::quiet()
    };
    let _ = writeln!(
        anstream::stderr(),
        "Building {} ({})…",
        unit.label(),
        unit.package
    );
    let report = grade_unit(&workbook.root, unit, &options).context("failed to grade")?;
    printer.finish();
    if json {
        let text =
            serde_json::to_string_pretty(&report).context("failed to write the JSON report")?;
        println!("{text}");
    } else {
        let next = next_command(workbook, unit);
        let _ = write!(
            anstream::stdout(),
            "{}",
            render(&report, unit, next.as_deref())
        );
    }
    Ok(if report.all_done() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// What to run once `unit` is done: the next day, else the capstone.
fn next_command(workbook: &Workbook, unit: &Unit) -> Option<String> {
    let day = unit.manifest.day?;
    workbook
        .units
        .iter()
        .find(|u| u.manifest.day.is_none_or(|d| d > day))
        .map(Unit::grade_command)
}

fn hint_command(
    workbook: &Workbook,
    day: u32,
    id: &str,
    level: usize,
    all: bool,
) -> anyhow::Result<ExitCode> {
    let unit = find_day(workbook, day)?;
    let exercise = unit.manifest.exercise(id).with_context(|| {
        format!(
            "day {day} has no exercise `{id}`: its exercises are {}",
            exercise_ids(unit)
        )
    })?;
    let hints = &exercise.hints;
    if hints.is_empty() {
        bail!("exercise `{id}` has no hints yet");
    }
    if level == 0 || level > hints.len() {
        bail!(
            "exercise `{id}` has hints 1 to {}; ask for one of those with `--level N`",
            hints.len()
        );
    }
    let mut out = anstream::stdout();
    let bold = anstyle::Style::new().bold();
    let shown = if all { 1..=hints.len() } else { level..=level };
    for n in shown {
        let _ = writeln!(
            out,
            "{bold}Hint {n} of {} for {} ({}):{bold:#}",
            hints.len(),
            exercise.title,
            id
        );
        let _ = writeln!(out, "{}\n", hints[n - 1].trim());
    }
    if !all && level < hints.len() {
        let _ = writeln!(out, "More: `cargo hint {day} {id} --level {}`", level + 1);
    }
    Ok(ExitCode::SUCCESS)
}

fn list_command(workbook: &Workbook) -> anyhow::Result<ExitCode> {
    let mut out = anstream::stdout();
    for unit in &workbook.units {
        let _ = writeln!(
            out,
            "{} · {}   `{}`",
            unit.label(),
            unit.manifest.title,
            unit.grade_command()
        );
        for exercise in &unit.manifest.exercises {
            let _ = writeln!(out, "    {:<18} {}", exercise.id, exercise.title);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn check_command(workbook: &Workbook, layout_only: bool) -> anyhow::Result<ExitCode> {
    let problems = if layout_only {
        selfcheck::check_layout(workbook)
    } else {
        let printer = ProgressPrinter::new();
        let progress = |event: Progress<'_>| printer.show(event);
        let work_dir = selfcheck::default_work_dir(workbook);
        let problems = selfcheck::run(workbook, &work_dir, &progress)?;
        printer.finish();
        problems
    };
    let mut out = anstream::stdout();
    if problems.is_empty() {
        let _ = writeln!(
            out,
            "The workbook is sound: {} units checked.",
            workbook.units.len()
        );
        return Ok(ExitCode::SUCCESS);
    }
    for problem in &problems {
        let text = problem.to_string();
        let _ = writeln!(out, "✗ {}", text.lines().collect::<Vec<_>>().join("\n    "));
    }
    let _ = writeln!(out, "{} problems.", problems.len());
    Ok(ExitCode::from(1))
}

/// Shows progress on stderr: cargo's lines as they come, then a count of finished tests.
struct ProgressPrinter {
    interactive: bool,
    total: AtomicUsize,
    finished: AtomicUsize,
}

impl ProgressPrinter {
    fn new() -> Self {
        ProgressPrinter {
            interactive: std::io::stderr().is_terminal(),
            total: AtomicUsize::new(0),
            finished: AtomicUsize::new(0),
        }
    }

    fn show(&self, event: Progress<'_>) {
        let mut err = anstream::stderr();
        match event {
            Progress::Cargo(line) => {
                let _ = writeln!(err, "{line}");
            }
            Progress::Running(total) => {
                self.total.store(total, Ordering::SeqCst);
                self.finished.store(0, Ordering::SeqCst);
                let _ = writeln!(err, "Running {total} tests…");
            }
            Progress::Finished(_) => {
                let done = self.finished.fetch_add(1, Ordering::SeqCst) + 1;
                if self.interactive {
                    let total = self.total.load(Ordering::SeqCst);
                    let _ = write!(err, "\r  {done}/{total} tests run");
                    let _ = err.flush();
                }
            }
        }
    }

    fn finish(&self) {
        if self.interactive && self.finished.load(Ordering::SeqCst) > 0 {
            let _ = writeln!(anstream::stderr(), "\r\x1b[2K");
        }
    }
}
