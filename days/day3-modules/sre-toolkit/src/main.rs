//! # `sre-toolkit`, the binary (the seed's `scripts/run_checks.py`)
//!
//! A crate of its own beside the library: it uses the library by its name (`sre_toolkit::...`),
//! through its public face only. Its `fn main` is the seed's `if __name__ == "__main__"`.
//!
//! ```text
//! sre-toolkit [--config FILE] MOUNT=PERCENT...
//! ```
//!
//! 1. The settings: with `--config FILE` as the first two arguments, read the file and
//!    `load_config` it; otherwise `Config::default()`.
//! 2. Every other argument is `MOUNT=PERCENT` (`/var=95.5`): a `DiskCheck` with the config's
//!    `disk_threshold`. Run each, in order, and print each result (its display line).
//! 3. Then print one line `ALERT: <message>` per alert of `alerts_for(results)`.
//! 4. The exit status says how it went, as monitoring plugins do: `ExitCode::SUCCESS` when every
//!    check passed, `ExitCode::from(1)` when one failed, and `ExitCode::from(2)` with a message on
//!    stderr when the command line is wrong (no checks, an argument that is not `MOUNT=PERCENT`,
//!    a config file that cannot be read or loaded).
//!
//! ```text
//! $ sre-toolkit /=45.0 /var=95.5
//! [PASS] disk /: 45.0% used (threshold 90.0%)
//! [FAIL] disk /var: 95.5% used (threshold 90.0%)
//! ALERT: [FAIL] disk /var: 95.5% used (threshold 90.0%)
//! $ echo $?
//! 1
//! ```

use std::process::ExitCode;

// TODO: `use` what you need from the library `sre_toolkit`.

fn main() -> ExitCode {
    todo!("run the disk checks given on the command line")
}
