//! The `sre-monitor` binary: the seed's `scripts/run_monitor.py`. It is given, and thin on purpose:
//! everything it does is in the library's `cli` module, where the tests can reach it.

fn main() -> std::process::ExitCode {
    sre_monitor::cli::main(std::env::args().skip(1))
}
