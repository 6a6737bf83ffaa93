//! `cargo grader check`: the workbook checks itself (layout, stubs, solutions, planted mistakes).

use std::io::Write as _;
use std::process::ExitCode;

use grader::grade::Progress;
use grader::selfcheck;
use grader::workbook::{Unit, Workbook};

use crate::cli::find_unit;
use crate::progress::ProgressPrinter;

pub fn check_command(
    workbook: &Workbook,
    layout_only: bool,
    unit_names: &[String],
    show_mistakes: bool,
) -> anyhow::Result<ExitCode> {
    let units = unit_names
        .iter()
        .map(|name| {
            let name = name.strip_prefix("day").unwrap_or(name);
            find_unit(workbook, name)
        })
        .collect::<anyhow::Result<Vec<&Unit>>>()?;
    let mut out = anstream::stdout();
    let problems = if layout_only {
        selfcheck::check_layout(workbook)
    } else {
        let printer = ProgressPrinter::new();
        let progress = |event: Progress<'_>| printer.show(event);
        let work_dir = selfcheck::default_work_dir(workbook);
        let findings = selfcheck::run(workbook, &units, &work_dir, &progress)?;
        printer.finish();
        for note in &findings.notes {
            let _ = writeln!(out, "Note: {note}");
        }
        if show_mistakes {
            print_mistakes(&mut out, &findings.mistakes);
        }
        findings.problems
    };
    // The layout check is the whole workbook's, whatever `--unit` says.
    let checked = if units.is_empty() || layout_only {
        workbook.units.len()
    } else {
        units.len()
    };
    if problems.is_empty() {
        let units = grader::render::counted(checked, "unit");
        let _ = writeln!(out, "The workbook is sound: {units} checked.");
        return Ok(ExitCode::SUCCESS);
    }
    print_problems(&mut out, &problems);
    Ok(ExitCode::from(1))
}

/// Each problem of a check as `✗ what`, its further lines indented, then how many there are.
pub fn print_problems(out: &mut impl std::io::Write, problems: &[selfcheck::Problem]) {
    for problem in problems {
        let text = problem.to_string();
        let _ = writeln!(out, "✗ {}", text.lines().collect::<Vec<_>>().join("\n    "));
    }
    let _ = writeln!(out, "{} problems.", problems.len());
}

/// Each planted mistake and the first lines a learner who made it reads.
fn print_mistakes(out: &mut impl std::io::Write, mistakes: &[selfcheck::MistakeMessage]) {
    let bold = anstyle::Style::new().bold();
    for mistake in mistakes {
        let _ = writeln!(out, "{bold}{}: {}{bold:#}", mistake.place, mistake.mistake);
        match &mistake.message {
            Some(message) => {
                for line in message.lines().take(12) {
                    let _ = writeln!(out, "    {}", grader::sanitize::for_terminal(line));
                }
            }
            None => {
                let _ = writeln!(out, "    NOT CAUGHT: every test of its exercise passes");
            }
        }
    }
    let _ = writeln!(out);
}
