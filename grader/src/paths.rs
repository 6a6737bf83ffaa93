//! Path clean-up for what learners read: `day/tests/../src/x.rs` becomes `day/src/x.rs`, with `/`
//! or `\` (Windows) as the separator; and which panic locations lie outside the workbook.

/// Resolves every `segment/../` (or `segment\..\`, or a mix of the two) inside `text`, so that
/// paths that went through a `#[path]` attribute read as the file the learner has open.
///
/// On Windows rustc joins a `#[path = "../src/x.rs"]` to its folder as `tests\../src/x.rs`, and a
/// panic's location reads `tests\..\src\x.rs`: both separators are handled. Only a step whose
/// segment is clearly a path's (not empty, not `.` or `..`, no `:` as in `C:`, delimited by
/// separators, spaces, quotes or brackets) is resolved; other text, `\n` and escaped `\\..\\`
/// included, is left as it is.
pub fn tidy_paths(text: &str) -> String {
    let mut out = text.to_owned();
    let mut from = 0;
    while let Some(step) = find_parent_step(&out, from) {
        // `step` is the index of the separator before `..`; the segment ends there.
        let start = out.as_bytes()[..step]
            .iter()
            .rposition(|&b| is_separator(b) || is_delimiter(b))
            .map_or(0, |i| i + 1);
        let segment = &out[start..step];
        if !is_segment(segment) {
            from = step + 1;
            continue;
        }
        // Drop `segment/../`, keeping the separator that follows `..` out of it: `a/b/../c` → `a/c`.
        out.replace_range(start..step + PARENT_STEP_LEN, "");
        // The segment before may now be followed by a `..` of its own: `a/b/c/../../d`.
        from = start.saturating_sub(1);
    }
    out
}

/// The length of `/../`.
const PARENT_STEP_LEN: usize = 4;

/// The index of the next `/../`, `\..\`, `\../` or `/..\` at or after `from`.
fn find_parent_step(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    (from..bytes.len().saturating_sub(PARENT_STEP_LEN - 1)).find(|&i| {
        is_separator(bytes[i])
            && bytes[i + 1] == b'.'
            && bytes[i + 2] == b'.'
            && is_separator(bytes[i + 3])
    })
}

fn is_separator(byte: u8) -> bool {
    byte == b'/' || byte == b'\\'
}

/// What ends a path token in a message: spaces, quotes and brackets.
fn is_delimiter(byte: u8) -> bool {
    byte.is_ascii_whitespace() || b"`'\"()[]{}<>,;=|".contains(&byte)
}

/// Whether `segment` is a folder name that `..` undoes.
fn is_segment(segment: &str) -> bool {
    !segment.is_empty() && segment != "." && segment != ".." && !segment.contains(':')
}

/// Whether a panic's `location` (`file:line:column`) is an absolute path, so outside the workbook,
/// whose own files rustc names relative to the workspace: `/home/me/.cargo/registry/…` on Unix;
/// `C:\Users\…` or `C:/Users/…` (a drive), `\\server\share\…` or `\\?\C:\…` (UNC and verbatim
/// paths), or `\…` (the current drive's root) on Windows.
pub fn is_absolute_location(location: &str) -> bool {
    let bytes = location.as_bytes();
    match bytes {
        [b'/' | b'\\', ..] => true,
        [drive, b':', separator, ..] => drive.is_ascii_alphabetic() && is_separator(*separator),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{is_absolute_location, tidy_paths};

    #[test]
    fn resolves_parent_segments_inside_messages() {
        assert_eq!(
            tidy_paths(" --> days/day1/tests/../src/ex1.rs:3:5"),
            " --> days/day1/src/ex1.rs:3:5"
        );
        assert_eq!(tidy_paths("tests/ui/../../src/ex1.rs"), "src/ex1.rs");
        assert_eq!(
            tidy_paths("panicked at `tests/../src/a.rs`"),
            "panicked at `src/a.rs`"
        );
        assert_eq!(tidy_paths("(tests/../src/a.rs)"), "(src/a.rs)");
    }

    #[test]
    fn resolves_windows_and_mixed_separators() {
        // A panic's location on Windows.
        assert_eq!(
            tidy_paths("panicked at days\\day1\\tests\\..\\src\\ex1.rs:3:5:"),
            "panicked at days\\day1\\src\\ex1.rs:3:5:"
        );
        // rustc joins the `#[path]` attribute's `/` to the folder's `\`.
        assert_eq!(
            tidy_paths(" --> days\\day1\\tests\\../src/ex1.rs:3:5"),
            " --> days\\day1\\src/ex1.rs:3:5"
        );
        assert_eq!(tidy_paths("tests\\ui\\..\\../src/ex1.rs"), "src/ex1.rs");
        assert_eq!(
            tidy_paths("C:\\work\\days\\d1\\tests\\..\\src\\a.rs"),
            "C:\\work\\days\\d1\\src\\a.rs"
        );
    }

    #[test]
    fn leaves_leading_parent_segments_and_plain_text_alone() {
        assert_eq!(tidy_paths("../x/y.rs and a/b"), "../x/y.rs and a/b");
        assert_eq!(tidy_paths("..\\x\\y.rs"), "..\\x\\y.rs");
        assert_eq!(tidy_paths("no paths here"), "no paths here");
        assert_eq!(tidy_paths("a/./../b"), "a/./../b");
        // A drive is not a folder to undo.
        assert_eq!(tidy_paths("C:\\..\\x"), "C:\\..\\x");
    }

    #[test]
    fn leaves_escapes_in_source_and_debug_text_alone() {
        let texts = [
            r#"left: "line\n..\nline""#,
            r#"let up = "dir\\..\\x";"#,
            r#"assert_eq!(p, "\\..\\");"#,
            r"a \..\ b",
            "ends with a/..",
        ];
        for text in texts {
            assert_eq!(tidy_paths(text), text, "changed: {text}");
        }
    }

    #[test]
    fn absolute_locations_are_told_from_the_workbooks_own() {
        for absolute in [
            "/home/me/.cargo/registry/src/insta-1.49.0/src/runtime.rs:679:13",
            "C:\\Users\\me\\.cargo\\registry\\src\\x.rs:1:1",
            "C:/Users/me/x.rs:1:1",
            "d:\\x.rs:1:1",
            "\\\\server\\share\\x.rs:1:1",
            "\\\\?\\C:\\x.rs:1:1",
            "\\x.rs:1:1",
        ] {
            assert!(is_absolute_location(absolute), "{absolute} is absolute");
        }
        for relative in [
            "days/day1/src/ex1.rs:3:5",
            "days\\day1\\src\\ex1.rs:3:5",
            "src/lib.rs:1:1",
            "C:x.rs:1:1",
            "1:\\x",
            "",
        ] {
            assert!(!is_absolute_location(relative), "{relative} is relative");
        }
    }
}
