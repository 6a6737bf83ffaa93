//! `cargo grader check --record-stubs`: the maintainers' record of each unit's learner files as
//! shipped.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;

use grader::workbook::{Unit, Workbook};

use super::find_unit;

/// `cargo grader check --record-stubs`: each unit's `stubs.toml` from its learner files as they are.
pub(super) fn record_stubs_command(
    workbook: &Workbook,
    unit_names: &[String],
) -> anyhow::Result<ExitCode> {
    let units = if unit_names.is_empty() {
        workbook.units.iter().collect()
    } else {
        unit_names
            .iter()
            .map(|name| find_unit(workbook, name.strip_prefix("day").unwrap_or(name)))
            .collect::<anyhow::Result<Vec<&Unit>>>()?
    };
    let mut out = anstream::stdout();
    for unit in units {
        let path = grader::grade::stubs::record(&workbook.root, unit)
            .with_context(|| format!("failed to write the stubs record of {}", unit.label()))?;
        let shown = path.strip_prefix(&workbook.root).unwrap_or(&path);
        let _ = writeln!(
            out,
            "Recorded {}'s stubs in {}",
            unit.label(),
            shown.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
