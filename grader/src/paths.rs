//! Path clean-up for what learners read: `day/tests/../src/x.rs` becomes `day/src/x.rs`.

/// Resolves every `segment/../` inside `text`, so that paths that went through a `#[path]`
/// attribute read as the file the learner has open. Other text is left as it is.
pub fn tidy_paths(text: &str) -> String {
    let mut out = text.to_owned();
    let mut from = 0;
    while let Some(found) = out[from..].find("/../") {
        let dotdot = from + found;
        // The segment before `/../` starts after the previous '/' or at the start of the path token.
        let start = out[..dotdot]
            .rfind(|c: char| c == '/' || c.is_whitespace() || c == '`' || c == '\'')
            .map_or(0, |i| {
                if out[i..].starts_with('/') {
                    i + 1
                } else {
                    i + out[i..].chars().next().map_or(1, char::len_utf8)
                }
            });
        let segment = &out[start..dotdot];
        if segment.is_empty() || segment == ".." || segment == "." {
            from = dotdot + 1;
            continue;
        }
        out.replace_range(start..dotdot + 4, "");
        from = start.saturating_sub(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::tidy_paths;

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
    }

    #[test]
    fn leaves_leading_parent_segments_and_plain_text_alone() {
        assert_eq!(tidy_paths("../x/y.rs and a/b"), "../x/y.rs and a/b");
        assert_eq!(tidy_paths("no paths here"), "no paths here");
    }
}
