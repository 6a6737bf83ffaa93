//! # `sre-toolkit`, the binary (alternative solution)
//!
//! The whole public face by a glob (`sre_toolkit::*`), the defaults by `Default::default()`
//! without naming `Config`, and the status printed as it goes.

use std::process::ExitCode;

use sre_toolkit::*;

fn usage(message: &str) -> ExitCode {
    eprintln!("sre-toolkit: {message}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let config = if args.first().map(String::as_str) == Some("--config") {
        if args.len() < 2 {
            return usage("--config needs a file");
        }
        let path: String = args.remove(1);
        args.remove(0);
        let loaded = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| load_config(&text));
        match loaded {
            Ok(config) => config,
            Err(e) => return usage(&format!("{path}: {e}")),
        }
    } else {
        Default::default()
    };
    if args.is_empty() {
        return usage("give at least one MOUNT=PERCENT");
    }
    let mut checks = Vec::with_capacity(args.len());
    for arg in &args {
        let parsed = arg
            .split_once('=')
            .and_then(|(mount, percent)| Some((mount, percent.parse::<f64>().ok()?)));
        let Some((mount, used_percent)) = parsed else {
            return usage(&format!("`{arg}` is not MOUNT=PERCENT"));
        };
        checks.push(DiskCheck {
            mount_point: mount.to_owned(),
            used_percent,
            threshold: config.disk_threshold,
        });
    }
    let results: Vec<CheckResult> = checks.iter().map(DiskCheck::run).collect();
    results.iter().for_each(|result| println!("{result}"));
    let alerts = alerts_for(&results);
    alerts
        .iter()
        .for_each(|alert| println!("ALERT: {}", alert.message));
    if alerts.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
