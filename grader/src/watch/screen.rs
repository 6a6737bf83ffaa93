//! What a watch session prints between reports: which file changed, what is watched, notes.

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};

use super::WatchMode;

/// The session's lines, on stderr (stdout holds the reports, JSON ones included).
pub(crate) struct Screen {
    count: usize,
    folder: PathBuf,
    cwd: Option<PathBuf>,
}

impl Screen {
    pub(crate) fn new(files: &[PathBuf]) -> Screen {
        Screen {
            count: files.len(),
            folder: common_folder(files),
            cwd: std::env::current_dir().ok(),
        }
    }

    /// Clears the terminal (when stdout is one) and says which files changed.
    pub(crate) fn grading_again(&self, changed: &[PathBuf]) {
        if std::io::stdout().is_terminal() {
            let mut out =
                anstream::AutoStream::new(std::io::stdout(), anstream::ColorChoice::Always);
            let _ = write!(out, "\x1b[H\x1b[2J");
            let _ = out.flush();
        }
        self.line(&format!("{} changed: grading again.", self.list(changed)));
    }

    /// Says what is watched and how to go on, under the report.
    pub(crate) fn waiting(&self, mode: WatchMode) {
        let how = match mode {
            WatchMode::Notify => "",
            WatchMode::Poll => ", looking every second",
        };
        let bold = anstyle::Style::new().bold();
        let _ = writeln!(
            anstream::stderr(),
            "\n{bold}Watching {} in {}{how}: save one to grade again, Ctrl-C to stop.{bold:#}",
            crate::render::counted(self.count, "file"),
            self.shown(&self.folder),
        );
    }

    /// A save that left the files as they were graded.
    pub(crate) fn unchanged(&self, saved: &[PathBuf]) {
        self.line(&format!(
            "{} saved without changes: the report above stands.",
            self.list(saved)
        ));
    }

    pub(crate) fn note(&self, text: &str) {
        self.line(&format!("Note: {text}"));
    }

    fn line(&self, text: &str) {
        let _ = writeln!(anstream::stderr(), "{text}");
    }

    /// Up to three paths, then how many more.
    fn list(&self, paths: &[PathBuf]) -> String {
        let mut shown: Vec<String> = paths.iter().take(3).map(|p| self.shown(p)).collect();
        if paths.len() > 3 {
            shown.push(format!("{} more", paths.len() - 3));
        }
        match shown.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => shown.concat(),
        }
    }

    /// `path` from the current folder, as a terminal can open it.
    fn shown(&self, path: &Path) -> String {
        let relative = self
            .cwd
            .as_deref()
            .and_then(|cwd| path.strip_prefix(cwd).ok())
            .filter(|p| !p.as_os_str().is_empty());
        // Rebuilt from its parts: a manifest's `src/a.rs` joined to a Windows folder shows `\`.
        let uniform = |p: &Path| p.components().collect::<PathBuf>().display().to_string();
        match relative {
            Some(relative) => uniform(relative),
            None if self.cwd.as_deref() == Some(path) => ".".to_owned(),
            None => uniform(path),
        }
    }
}

/// The deepest folder that holds every file.
fn common_folder(files: &[PathBuf]) -> PathBuf {
    let mut folders = files.iter().filter_map(|file| file.parent());
    let Some(first) = folders.next() else {
        return PathBuf::new();
    };
    folders.fold(first.to_owned(), |common, folder| {
        common
            .components()
            .zip(folder.components())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a)
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen(cwd: &str, files: &[&str]) -> Screen {
        let files: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
        Screen {
            cwd: Some(PathBuf::from(cwd)),
            ..Screen::new(&files)
        }
    }

    #[test]
    fn the_folder_shown_is_the_one_that_holds_every_file() {
        let shown = |s: Screen| PathBuf::from(s.shown(&s.folder));
        let capstone = screen("/wb", &["/wb/capstone/src/a.rs", "/wb/capstone/tests/t.rs"]);
        assert_eq!(shown(capstone), Path::new("capstone"));
        let day = screen("/wb", &["/wb/days/d1/src/a.rs", "/wb/days/d1/src/b.rs"]);
        assert_eq!(shown(day), Path::new("days/d1/src"));
        let elsewhere = screen("/other", &["/wb/src/a.rs"]);
        assert_eq!(shown(elsewhere), Path::new("/wb/src"));
    }

    #[test]
    fn changed_files_are_listed_up_to_three() {
        let s = screen("/wb", &["/wb/a.rs"]);
        let paths = |names: &[&str]| -> Vec<PathBuf> {
            names.iter().map(|n| Path::new("/wb").join(n)).collect()
        };
        assert_eq!(s.list(&paths(&["a.rs"])), "a.rs");
        assert_eq!(s.list(&paths(&["a.rs", "b.rs"])), "a.rs and b.rs");
        assert_eq!(
            s.list(&paths(&["a.rs", "b.rs", "c.rs", "d.rs", "e.rs"])),
            "a.rs, b.rs, c.rs and 2 more"
        );
    }
}
