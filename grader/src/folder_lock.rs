//! An exclusive lock on a work folder (its `.lock` file), so that two runs of the grader never
//! lay their copies into the same folder at once: the second waits for the first.

use std::fs::File;
use std::path::Path;

/// Locks `dir`, calling `on_wait` first if another run holds it; the lock lasts as long as the file.
pub fn lock_folder(dir: &Path, on_wait: impl FnOnce()) -> std::io::Result<File> {
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(".lock"))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            on_wait();
            file.lock()?;
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(e),
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let first = lock_folder(dir.path(), || panic!("nobody holds it yet")).unwrap();
        let (sender, receiver) = std::sync::mpsc::channel();
        let path = dir.path().to_owned();
        let second = std::thread::spawn(move || {
            let _lock = lock_folder(&path, || sender.send("waiting").unwrap()).unwrap();
        });
        assert_eq!(
            receiver.recv_timeout(std::time::Duration::from_secs(10)),
            Ok("waiting"),
            "the second run is told it waits"
        );
        drop(first);
        second
            .join()
            .expect("the second run gets the lock once the first lets go");
    }
}
