//! Whether a project's `.gitignore` ignores an entry at the project's root, read as git reads the
//! patterns people write (`target`, `target/`, `/target`, `**/target`, `target/*`, `*.lock`,
//! `!Cargo.lock`): Day 4's exercises 1 and 3 check that `target` is ignored and Cargo.lock kept.

/// Whether `.gitignore`'s `text` ignores the top-level entry `name` (a folder when `is_dir`), read
/// as git reads the patterns a template writes: one pattern a line, `#` comments, `!` negates,
/// a trailing `/` means folders only, a leading `/` or `**/` anchors or not, `*` and `?` wildcards.
/// Leading spaces are part of the pattern, as git reads them; trailing spaces are not.
pub fn ignores(text: &str, name: &str, is_dir: bool) -> bool {
    let mut ignored = false;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (negated, pattern) = match line.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        // `target/*` and `target/**` ignore everything inside: the folder's files stay out of git.
        let (dir_only, pattern) = match pattern
            .strip_suffix("/**")
            .or_else(|| pattern.strip_suffix("/*"))
            .or_else(|| pattern.strip_suffix('/'))
        {
            Some(rest) => (true, rest),
            None => (false, pattern),
        };
        if dir_only && !is_dir {
            continue;
        }
        let pattern = pattern
            .strip_prefix("**/")
            .or_else(|| pattern.strip_prefix('/'))
            .unwrap_or(pattern);
        if !pattern.contains('/') && glob_matches(pattern.as_bytes(), name.as_bytes()) {
            ignored = !negated;
        }
    }
    ignored
}

/// `*` (any run) and `?` (any one character) over ASCII.
fn glob_matches(pattern: &[u8], text: &[u8]) -> bool {
    match pattern.split_first() {
        None => text.is_empty(),
        Some((b'*', rest)) => (0..=text.len()).any(|skip| glob_matches(rest, &text[skip..])),
        Some((b'?', rest)) => !text.is_empty() && glob_matches(rest, &text[1..]),
        Some((c, rest)) => text.first() == Some(c) && glob_matches(rest, &text[1..]),
    }
}
