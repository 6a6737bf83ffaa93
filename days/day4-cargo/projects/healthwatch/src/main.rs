//! healthwatch: the SRE monitoring tool of Day 4, exercise 1. This file is given, not yours to
//! edit: it uses the three dependencies your `Cargo.toml` declares (one of them with a feature),
//! so it builds only once the manifest is right. Run it with `cargo run` in this folder.

fn main() {
    let client = fetchy::Client::new("healthwatch/0.1");
    let request = client.get("https://status.example.com/health");
    println!("fetchy {}: {} {}", fetchy::VERSION, request.method, request.url);

    let settings = yamlish::pairs("interval: 30\nthreshold: 90\n");
    println!("yamlish {}: {} settings", yamlish::VERSION, settings.len());

    let mut checks = promstats::Counter::new("healthwatch_checks_total");
    checks.inc();
    // `promstats::process` exists only with promstats's `process` feature.
    let process_metrics = promstats::process::metric_names().join(", ");
    println!(
        "promstats {}: {} = {}, and {process_metrics}",
        promstats::VERSION,
        checks.name,
        checks.get()
    );
}
