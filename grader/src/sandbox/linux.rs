//! Linux: Landlock for the file system (and the process scopes), a network namespace
//! (`unshare --net`) for the network, and rlimits.
//!
//! Detection probes what the kernel enforces: a Landlock ruleset restricts a throwaway thread
//! (Landlock restricts the calling thread only), and `unshare` starts one short process in a new
//! network namespace. The wrapper then applies the same restrictions to itself and `exec`s the
//! program, which inherits them all.
//!
//! The network namespace has its own loopback, brought up in it: tests that listen on 127.0.0.1
//! and connect to it (Day 1's port check) still work, while nothing outside is reachable. Landlock's
//! TCP rules are by port, not by address, so they would forbid that loopback too: they are never
//! used, and where no namespace can be made the report says the network is not isolated.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::Scope;
use super::linux_restrict::{CPU_SECONDS, restrict_thread};
use super::wrapper::WrapperArgs;
use crate::process::Limits;

pub use super::linux_restrict::enter_and_run;

/// Commands are wrapped: the wrapper applies at least the rlimits.
pub const WRAPS: bool = true;

/// What this system enforces.
#[derive(Debug, Clone, Default)]
pub struct Offer {
    /// The Landlock ABI in force, and whether all the rights asked for are enforced.
    landlock: Option<(u8, bool)>,
    /// `unshare` and its flags for a new network namespace.
    namespace: Option<(PathBuf, Vec<&'static str>)>,
    /// The `ip` that brings the namespace's loopback up.
    loopback_with: Option<PathBuf>,
    /// The toolchain's folders: read-only.
    toolchain: Vec<PathBuf>,
    /// The process-count limit, unless the user is root (exempt from it).
    process_limit: Option<u64>,
    why_no_landlock: String,
}

impl Offer {
    pub fn none() -> Offer {
        Offer {
            why_no_landlock: "no wrapper program".to_owned(),
            ..Offer::default()
        }
    }

    pub fn detect() -> Offer {
        let namespace = namespace_probe();
        let probe = std::thread::spawn(move || restrict_thread(&[], &[]));
        let (landlock, why_no_landlock) = match probe.join() {
            Ok(Ok((abi, full))) => (Some((abi, full)), String::new()),
            Ok(Err(why)) => (None, why),
            Err(_) => (None, "the Landlock probe panicked".to_owned()),
        };
        let root = rustix::process::geteuid().is_root();
        let extra = Limits::default().extra_processes;
        Offer {
            landlock,
            loopback_with: namespace.as_ref().and_then(|(_, _, ip)| ip.clone()),
            namespace: namespace.map(|(unshare, flags, _)| (unshare, flags)),
            toolchain: toolchain_folders(),
            process_limit: (!root)
                .then(|| crate::process::count_tasks_of_this_user().saturating_add(extra)),
            why_no_landlock,
        }
    }

    /// File-system isolation (Landlock) and network isolation (a namespace with its own loopback).
    /// Landlock's TCP rules alone do not count: they work by port, not address, so they would deny
    /// the loopback connections that the workbook's own tests make, and fail correct work.
    pub fn is_real(&self) -> bool {
        self.landlock.is_some() && self.namespace.is_some()
    }

    pub fn namespace_prefix(&self) -> Option<(&Path, &[&'static str])> {
        self.namespace
            .as_ref()
            .map(|(unshare, flags)| (unshare.as_path(), flags.as_slice()))
    }

    pub fn wrapper_args(&self, scope: &Scope, command: &Command) -> WrapperArgs {
        let mut readable = self.toolchain.clone();
        readable.extend(scope.readable.iter().cloned());
        readable.extend(cargo_configs_above(&scope.writable));
        WrapperArgs {
            writable: scope.writable.clone(),
            readable,
            temp_dir: scope.temp_dir.clone(),
            landlock: self.landlock.is_some(),
            loopback_with: self.loopback_with.clone(),
            process_limit: self.process_limit,
            program: command.get_program().to_owned(),
            args: command.get_args().map(ToOwned::to_owned).collect(),
        }
    }

    pub fn protections(&self) -> Vec<String> {
        let mut lines = Vec::new();
        match self.landlock {
            Some((abi, full)) => {
                let partly = if full { "" } else { ", partly: this kernel lacks some rights" };
                lines.push(format!(
                    "file system: only the submission's own folders (its stage and build folder) and a private \
                     temporary folder are writable; besides them only the system's folders and the Rust toolchain \
                     can be read: the rest of the workbook, the solutions and other submissions cannot \
                     (Landlock ABI {abi}{partly})"
                ));
                let scopes = if abi >= 6 {
                    ", send them signals or connect to their abstract Unix sockets (Landlock scopes)"
                } else {
                    " (signals to them are not restricted on this kernel)"
                };
                lines.push(format!(
                    "other processes: a sandboxed process cannot trace them or read their memory{scopes}; no \
                     privileges gained through setuid programs (no_new_privs)"
                ));
            }
            None => lines.push(format!(
                "file system: NOT isolated: the build and tests can read and write whatever the grading user can \
                 (Landlock is not available: {})",
                self.why_no_landlock
            )),
        }
        let flags = self.namespace.as_ref().map(|(_, flags)| flags.join(" "));
        lines.push(match &flags {
            Some(flags) => {
                format!("network: none; only the sandbox's own loopback (a network namespace: unshare {flags})")
            }
            None => "network: NOT isolated: no network namespace with its own loopback could be made on this \
                 system (it needs `unshare` from util-linux, user namespaces or root, and `ip` from iproute2 to \
                 bring the loopback up that the tests use)"
                .to_owned(),
        });
        let root = rustix::process::geteuid().is_root();
        match &flags {
            Some(flags) if flags.contains("--map-") => lines.push(format!(
                "privileges: none over the machine, only over the sandbox's own namespaces (a user namespace: \
                 unshare {flags})"
            )),
            _ if root => lines.push(
                "privileges: root's over the machine (no user namespace on this system): grade as an \
                 unprivileged user"
                    .to_owned(),
            ),
            _ => {}
        }
        let limits = Limits::default();
        let processes = match self.process_limit {
            Some(_) => format!("{} more processes", limits.extra_processes),
            None => "no process-count limit (root is exempt from it)".to_owned(),
        };
        lines.push(format!(
            "limits per process: memory {} GiB, files up to {} MB, CPU time {CPU_SECONDS} s, {processes} (rlimits)",
            limits.memory_bytes >> 30,
            limits.file_size_bytes >> 20,
        ));
        lines
    }
}

/// `unshare`, the flags that give a new network namespace here, and the `ip` that brings its
/// loopback up (if one does): the first that works of a user namespace with it (as root or as
/// the user), or `--net` alone (root without user namespaces).
fn namespace_probe() -> Option<(PathBuf, Vec<&'static str>, Option<PathBuf>)> {
    let unshare = find_program("unshare")?;
    let ip = find_program("ip");
    // A user namespace first, root's included: the sandbox's root then has no privileges over
    // the machine (setting the clock, rebooting, loading modules), only over its namespaces.
    let candidates: [&[&'static str]; 3] = [
        &["--net", "--map-root-user"],
        &["--net", "--map-current-user"],
        &["--net"],
    ];
    let runs = |flags: &[&str], program: &Path, args: &[&str]| {
        crate::process::status_own(
            Command::new(&unshare)
                .args(flags)
                .arg("--")
                .arg(program)
                .args(args)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        )
        .is_ok_and(|s| s.success())
    };
    // A namespace whose loopback stays down would fail every test that listens on 127.0.0.1: none
    // is used without an `ip` that brings it up.
    let ip = ip?;
    candidates
        .into_iter()
        .find(|flags| runs(flags, &ip, &["link", "set", "lo", "up"]))
        .map(|flags| (unshare, flags.to_vec(), Some(ip.clone())))
}

/// `name` on `PATH`, or in the system folders where `ip` lives when `PATH` leaves them out.
fn find_program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/sbin", "/usr/bin", "/bin"].map(PathBuf::from))
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// The Rust toolchain's folders: `CARGO_HOME` and `RUSTUP_HOME` (or their defaults), and the
/// toolchain the running cargo belongs to.
fn toolchain_folders() -> Vec<PathBuf> {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let from_env = |key: &str, default: &str| {
        std::env::var_os(key)
            .map(PathBuf::from)
            .or_else(|| home.as_ref().map(|h| h.join(default)))
    };
    let mut folders: Vec<PathBuf> = from_env("RUSTUP_HOME", ".rustup").into_iter().collect();
    // Of CARGO_HOME, what builds read: the registry's sources and index, git dependencies, the
    // rustup proxies and the configuration; never `credentials.toml`, the owner's registry tokens.
    if let Some(cargo_home) = from_env("CARGO_HOME", ".cargo") {
        folders.extend(
            ["registry", "git", "bin", "config.toml", "config"].map(|entry| cargo_home.join(entry)),
        );
    }
    let cargo = PathBuf::from(crate::compile::cargo_command());
    if cargo.is_absolute()
        && let Some(toolchain) = cargo.parent().and_then(Path::parent)
    {
        folders.push(toolchain.to_owned());
    }
    folders.retain(|path| path.exists());
    folders
}

/// The cargo configuration files in the folders above `dirs` (`.cargo/config.toml` and
/// `.cargo/config`): cargo reads every one of them wherever it runs, and stops with an error when
/// one cannot be read.
fn cargo_configs_above(dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut configs = Vec::new();
    for dir in dirs {
        for ancestor in dir.ancestors().skip(1) {
            for name in ["config.toml", "config"] {
                let config = ancestor.join(".cargo").join(name);
                if config.is_file() && !configs.contains(&config) {
                    configs.push(config);
                }
            }
        }
    }
    configs
}
