//! A batch's work folder: one worker's folders each (a stage of the workbook, a build folder, the
//! planted bugs' stage, a private temporary folder), the dependencies built once and copied to the
//! others, and the lock that keeps two batches out of one work folder.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::batch::run::{BatchError, BatchOptions, BatchProgress};
use crate::compile::build_tests;
use crate::planted::PlantedBugs;
use crate::sandbox::Scope;
use crate::stage::{NOT_FOR_SUBMISSIONS, TreeCopy, copy_tree_keeping_times, sync_leaving_out};
use crate::workbook::Workbook;

/// One worker's folders: its stage of the workbook, its build folder, where it opens archives,
/// where the planted bugs are graded, and its private temporary folder.
pub(crate) struct Slot {
    pub(crate) stage: PathBuf,
    pub(crate) build: PathBuf,
    pub(crate) opened: PathBuf,
    pub(crate) planted: PathBuf,
    pub(crate) temp: PathBuf,
}

impl Slot {
    pub(crate) fn new(work_dir: &Path, index: usize) -> Slot {
        let dir = work_dir.join(format!("worker-{index}"));
        Slot {
            stage: dir.join("workbook"),
            build: dir.join("build"),
            opened: dir.join("submission"),
            planted: dir.join("planted"),
            temp: dir.join("tmp"),
        }
    }

    /// What the sandbox lets this worker's builds and tests write: its own folders only.
    pub(crate) fn scope(&self) -> Scope {
        Scope {
            writable: vec![self.stage.clone(), self.build.clone(), self.planted.clone()],
            readable: Vec::new(),
            temp_dir: self.temp.clone(),
        }
    }
}

/// Builds the stubs once in the first worker, dependencies and all, and gives every other worker a
/// copy of that build folder (cargo keeps the dependencies it finds there, wherever the stage is).
pub(crate) fn warm_up(
    workbook: &Workbook,
    options: &BatchOptions<'_>,
    slots: &[Slot],
) -> Result<(), BatchError> {
    let first = &slots[0];
    (options.progress)(BatchProgress::Step(
        "Building the dependencies once, from the stubs (a minute or more the first time)…",
    ));
    sync_leaving_out(workbook, &[], &first.stage, &NOT_FOR_SUBMISSIONS)?;
    let packages: Vec<&str> = options
        .units
        .iter()
        .flat_map(|u| u.crates.iter().map(|c| c.package.as_str()))
        .collect();
    let stall = options
        .units
        .iter()
        .map(|u| u.manifest.build_timeout())
        .max()
        .unwrap_or(Duration::from_secs(
            crate::manifest::DEFAULT_BUILD_TIMEOUT_SECS,
        ));
    build_tests(
        &first.stage,
        &packages,
        Some(&first.build),
        stall,
        &|line| (options.progress)(BatchProgress::Cargo(line)),
    )?;
    // The learner's own tests run against the reference solution in a stage of its own, with a
    // build folder of its own (`PlantedBugs`): it starts from the same dependencies.
    let plants = options
        .units
        .iter()
        .any(|unit| PlantedBugs::for_unit(workbook, unit, &first.planted).is_some());
    let mut copies: Vec<PathBuf> = slots[1..].iter().map(|s| s.build.clone()).collect();
    if plants {
        copies.extend(slots.iter().map(|s| s.planted.join("build")));
    }
    for copy in copies.iter().filter(|copy| !copy.is_dir()) {
        (options.progress)(BatchProgress::Step(
            "Copying the built dependencies to another build folder (once)…",
        ));
        let how = TreeCopy {
            link: false,
            keep_existing: false,
        };
        copy_tree_keeping_times(&first.build, copy, how).map_err(|e| BatchError::WorkDir {
            path: copy.clone(),
            problem: format!("cannot copy the build folder there: {e}"),
        })?;
    }
    Ok(())
}

/// Creates the work folder and refuses one inside the workbook or holding it: the submissions'
/// code runs in it.
pub(crate) fn prepare_work_dir(
    workbook: &Workbook,
    work_dir: &Path,
) -> Result<PathBuf, BatchError> {
    let problem = |problem: String| BatchError::WorkDir {
        path: work_dir.to_owned(),
        problem,
    };
    std::fs::create_dir_all(work_dir).map_err(|e| problem(format!("cannot create it: {e}")))?;
    let work = work_dir
        .canonicalize()
        .map_err(|e| problem(format!("cannot read it: {e}")))?;
    let root = workbook
        .root
        .canonicalize()
        .unwrap_or_else(|_| workbook.root.clone());
    if work.starts_with(&root) || root.starts_with(&work) {
        return Err(problem(format!(
            "it is inside the workbook {} or holds it, where submissions' code could reach the workbook; \
             use a folder outside it (the default is in the system's temporary folder)",
            root.display()
        )));
    }
    Ok(work)
}

/// Holds the work folder for this batch: a second batch with the same work folder waits, since
/// both would lay their submissions into the same workers' stages.
pub(crate) fn lock_work_dir(
    work_dir: &Path,
    options: &BatchOptions<'_>,
) -> Result<std::fs::File, BatchError> {
    crate::folder_lock::lock_folder(work_dir, || {
        (options.progress)(BatchProgress::Step(
            "Waiting for another batch that uses this work folder to finish (or give --work-dir)…",
        ));
    })
    .map_err(|e| BatchError::WorkDir {
        path: work_dir.to_owned(),
        problem: format!("cannot lock {}: {e}", work_dir.join(".lock").display()),
    })
}

/// The default work folder of a workbook's batches: in the system's temporary folder, named after
/// the workbook, reused from batch to batch (its build folders and cache make later batches fast).
pub fn default_work_dir(workbook: &Workbook) -> PathBuf {
    let selfcheck = crate::selfcheck::default_work_dir(workbook);
    let name = selfcheck
        .file_name()
        .map(|n| n.to_string_lossy().replacen("selfcheck-", "batch-", 1))
        .unwrap_or_else(|| "batch".to_owned());
    selfcheck.with_file_name(name)
}
