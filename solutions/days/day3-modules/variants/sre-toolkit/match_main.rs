//! # `sre-toolkit`, the binary (alternative solution)
//!
//! The library's modules by their long paths, the arguments matched as a slice, and the exit
//! status chosen in `main` from a `Result`.

use std::process::ExitCode;

use sre_toolkit::config::{self, Config};
use sre_toolkit::monitoring::{alerts, checks::DiskCheck};

/// What went wrong on the command line.
struct Usage(String);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(Usage(message)) => {
            eprintln!("error: {message}");
            eprintln!("usage: sre-toolkit [--config FILE] MOUNT=PERCENT...");
            ExitCode::from(2)
        }
    }
}

/// Runs the checks; how many failed.
fn run(args: &[String]) -> Result<usize, Usage> {
    let (config, checks) = match args {
        [flag, path, rest @ ..] if flag == "--config" => {
            let text = std::fs::read_to_string(path).map_err(|e| Usage(format!("{path}: {e}")))?;
            let config = config::load_config(&text).map_err(|e| Usage(format!("{path}: {e}")))?;
            (config, rest)
        }
        [flag] if flag == "--config" => return Err(Usage("--config needs a FILE".into())),
        rest => (Config::default(), rest),
    };
    if checks.is_empty() {
        return Err(Usage("no MOUNT=PERCENT given".into()));
    }
    let mut disks = Vec::new();
    for arg in checks {
        let Some((mount, percent)) = arg.split_once('=') else {
            return Err(Usage(format!("{arg}: expected MOUNT=PERCENT")));
        };
        let Ok(used_percent) = percent.parse::<f64>() else {
            return Err(Usage(format!("{arg}: {percent} is not a number")));
        };
        disks.push(DiskCheck {
            mount_point: mount.to_string(),
            used_percent,
            threshold: config.disk_threshold,
        });
    }
    let results: Vec<_> = disks.iter().map(|disk| disk.run()).collect();
    for result in &results {
        println!("{result}");
    }
    let raised = alerts::alerts_for(&results);
    for alert in &raised {
        println!("ALERT: {}", alert.message);
    }
    Ok(raised.len())
}
