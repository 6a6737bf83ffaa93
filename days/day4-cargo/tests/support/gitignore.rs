//! Whether a `.gitignore` at a project's root ignores a name at that root, as git decides it:
//! enough of git's rules for the spellings people write (`target`, `target/`, `/target`,
//! `**/target`, `target/*`, `*.lock`, `!Cargo.lock`), with the last matching line winning.

/// Whether `gitignore` (the file's text) ignores `name`, a file or folder at the project's root.
/// A folder whose contents are all ignored (`target/*`) counts as ignored.
pub fn ignores(gitignore: &str, name: &str, is_dir: bool) -> bool {
    let mut ignored = false;
    for line in gitignore.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (negated, pattern) = match line.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        if matches_root_entry(pattern, name, is_dir) {
            ignored = !negated;
        }
    }
    ignored
}

/// Whether one pattern matches `name` at the root.
fn matches_root_entry(pattern: &str, name: &str, is_dir: bool) -> bool {
    let mut pattern = pattern.strip_prefix("**/").unwrap_or(pattern);
    pattern = pattern.strip_prefix('/').unwrap_or(pattern);
    // `target/*` and `target/**` ignore everything inside the folder.
    for contents in ["/**", "/*"] {
        if let Some(folder) = pattern.strip_suffix(contents) {
            return is_dir && glob(folder, name);
        }
    }
    if let Some(folder) = pattern.strip_suffix('/') {
        return is_dir && glob(folder, name);
    }
    // A pattern with a slash inside names a deeper path, not a root entry.
    !pattern.contains('/') && glob(pattern, name)
}

/// `*` (any run of characters) and `?` (one character) against a whole name.
fn glob(pattern: &str, name: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let name: Vec<char> = name.chars().collect();
    let (mut p, mut n) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        if p < pattern.len() && (pattern[p] == '?' || pattern[p] == name[n]) {
            p += 1;
            n += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
            star = Some((p, n));
            p += 1;
        } else if let Some((star_p, star_n)) = star {
            p = star_p + 1;
            n = star_n + 1;
            star = Some((star_p, star_n + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}
