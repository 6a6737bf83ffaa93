//! Linux: what the sandbox's wrapper applies to itself before it becomes the program: rlimits, the
//! network namespace's loopback, and Landlock (the file system and the scopes). The
//! same Landlock ruleset restricts the probe thread of detection (`linux.rs`).

use std::os::unix::process::CommandExt as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use landlock::{
    ABI, Access, AccessFs, LandlockStatus, PathBeneath, PathFd, Ruleset, RulesetAttr,
    RulesetCreatedAttr, RulesetStatus, Scope as LandlockScope,
};
use rustix::process::{Resource, Rlimit, setrlimit};

use super::wrapper::WrapperArgs;
use crate::process::Limits;

/// The Landlock ABI whose rights the sandbox asks for (tested on Linux 6.18): the file system
/// (all of it, truncation and device ioctls included) and the signal and socket scopes.
const TARGET_ABI: ABI = ABI::V7;
/// CPU time each sandboxed process may use, a backstop behind the grader's wall-clock limits
/// for a process that escaped them.
pub const CPU_SECONDS: u64 = 600;
/// Read-only (and runnable) system folders; those missing on this system are left out.
const SYSTEM_FOLDERS: [&str; 10] = [
    "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/proc", "/sys",
];
/// Devices to read and write, and to read; no other device can be opened (as root, a disk's
/// device would hold every file Landlock hides).
const WRITABLE_DEVICES: [&str; 3] = ["/dev/null", "/dev/zero", "/dev/full"];
const READABLE_DEVICES: [&str; 2] = ["/dev/random", "/dev/urandom"];

/// The wrapper: restricts itself as `args` says, then becomes the program. Returns only on
/// failure, with the reason.
pub fn enter_and_run(args: &WrapperArgs) -> String {
    for dir in args.writable.iter().chain([&args.temp_dir]) {
        if let Err(e) = std::fs::create_dir_all(dir) {
            return format!("cannot create {}: {e}", dir.display());
        }
    }
    if let Err(why) = apply_limits(args.process_limit) {
        return why;
    }
    if let Some(ip) = &args.loopback_with {
        let status = Command::new(ip)
            .args(["link", "set", "lo", "up"])
            .stdin(Stdio::null())
            .status();
        if !status.as_ref().is_ok_and(|s| s.success()) {
            return format!(
                "cannot bring up the loopback with {}: {status:?}",
                ip.display()
            );
        }
    }
    if args.landlock {
        let mut writable = args.writable.clone();
        writable.push(args.temp_dir.clone());
        if let Err(why) = restrict_thread(&writable, &args.readable) {
            return format!("cannot restrict the file system: {why}");
        }
    }
    let error = Command::new(&args.program).args(&args.args).exec();
    format!("cannot run {}: {error}", args.program.to_string_lossy())
}

fn apply_limits(process_limit: Option<u64>) -> Result<(), String> {
    let limits = Limits::default();
    let mut wanted = vec![
        (Resource::As, limits.memory_bytes, "memory"),
        (Resource::Fsize, limits.file_size_bytes, "file size"),
        (Resource::Cpu, CPU_SECONDS, "CPU time"),
    ];
    if let Some(limit) = process_limit {
        wanted.push((Resource::Nproc, limit, "process count"));
    }
    for (resource, value, name) in wanted {
        let limit = Rlimit {
            current: Some(value),
            maximum: Some(value),
        };
        setrlimit(resource, limit).map_err(|e| format!("cannot limit the {name}: {e}"))?;
    }
    Ok(())
}

/// Restricts the calling thread (and what it runs from now on): `writable` and `readable`
/// folders besides the system's, the scopes. Returns the ABI in force
/// and whether every right asked for is enforced.
pub(super) fn restrict_thread(
    writable: &[PathBuf],
    readable: &[PathBuf],
) -> Result<(u8, bool), String> {
    let read = AccessFs::from_read(TARGET_ABI);
    let all = AccessFs::from_all(TARGET_ABI);
    // No network rules: they work by port, not address, and would deny the loopback the tests use;
    // the network namespace keeps the network out instead.
    let ruleset = Ruleset::default()
        .handle_access(all)
        .and_then(|r| r.scope(LandlockScope::from_all(TARGET_ABI)))
        .map_err(|e| e.to_string())?;
    let mut created = ruleset.create().map_err(|e| e.to_string())?;
    let mut rules: Vec<(PathBuf, landlock::BitFlags<AccessFs>)> = Vec::new();
    rules.extend(SYSTEM_FOLDERS.iter().map(|dir| (dir.into(), read)));
    let file = AccessFs::from_file(TARGET_ABI);
    rules.extend(WRITABLE_DEVICES.iter().map(|dev| (dev.into(), file)));
    let read_file = AccessFs::from_file(TARGET_ABI) & read;
    rules.extend(READABLE_DEVICES.iter().map(|dev| (dev.into(), read_file)));
    // A readable file (a cargo configuration) gets the rights a file can have.
    rules.extend(readable.iter().map(|path| {
        let access = if path.is_file() { read_file } else { read };
        (path.clone(), access)
    }));
    rules.extend(writable.iter().map(|dir| (dir.clone(), all)));
    for (path, access) in rules {
        // A folder this system does not have needs no rule.
        let Ok(fd) = PathFd::new(&path) else { continue };
        created = created
            .add_rule(PathBeneath::new(fd, access))
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let status = created.restrict_self().map_err(|e| e.to_string())?;
    let abi = match status.landlock {
        LandlockStatus::Available { effective_abi, .. } => abi_number(effective_abi),
        LandlockStatus::NotEnabled => return Err("it is not enabled in this kernel".to_owned()),
        LandlockStatus::NotImplemented => return Err("this kernel does not have it".to_owned()),
    };
    match status.ruleset {
        RulesetStatus::NotEnforced => Err("the kernel enforces none of its rules".to_owned()),
        RulesetStatus::PartiallyEnforced => Ok((abi.min(abi_number(TARGET_ABI)), false)),
        RulesetStatus::FullyEnforced => Ok((abi.min(abi_number(TARGET_ABI)), true)),
    }
}

fn abi_number(abi: ABI) -> u8 {
    match abi {
        ABI::V1 => 1,
        ABI::V2 => 2,
        ABI::V3 => 3,
        ABI::V4 => 4,
        ABI::V5 => 5,
        ABI::V6 => 6,
        ABI::V7 => 7,
        ABI::V8 => 8,
        ABI::V9 => 9,
        ABI::V10 => 10,
        _ => 0,
    }
}
