//! Windows: the running grader steps aside, so that cargo can put another build in its place.
//!
//! Cargo links the program it builds to `target/debug/grader.exe`, first removing what is there.
//! Windows refuses to remove a program while it runs (cargo reports "Access is denied", cargo
//! issue 14757), but renames it: the running grader renames its own file out of the way, and a
//! later relaunch removes what earlier ones set aside once nothing runs from them.
//!
//! This module cannot be compiled on the Linux machines the workbook is built on; it calls only std.

use std::path::Path;

/// What a set-aside grader's file name starts with.
const SET_ASIDE: &str = "grader.set-aside-";

/// Renames the running grader's program to `grader.set-aside-PID.exe` beside it, after removing
/// earlier ones that nothing runs from any more. Nothing happens where it cannot be done: cargo
/// then says what stands in its way.
pub fn step_aside() {
    let Ok(program) = std::env::current_exe() else {
        return;
    };
    let Some(folder) = program.parent() else {
        return;
    };
    remove_earlier(folder);
    let aside = folder.join(format!("{SET_ASIDE}{}.exe", std::process::id()));
    let _ = std::fs::rename(&program, aside);
}

fn remove_earlier(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(SET_ASIDE) {
            // One still running is refused, and stays until a later relaunch.
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
