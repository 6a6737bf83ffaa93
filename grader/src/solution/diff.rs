//! A line diff (Myers' algorithm) and its unified rendering, with 3 lines of context.

use anstyle::{AnsiColor, Style};

/// One line of the edit script from the old text to the new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    /// In both: the old line's index, the new line's index.
    Same(usize, usize),
    /// Only in the old text: its index there.
    Removed(usize),
    /// Only in the new text: its index there.
    Added(usize),
}

/// How many unchanged lines surround each change.
const CONTEXT: usize = 3;

/// Whether two texts hold the same lines, whatever their line endings (CRLF or LF, and whether the
/// last line ends with one).
pub fn same_lines(old: &str, new: &str) -> bool {
    old.lines().eq(new.lines())
}

/// The unified diff from `old` to `new` (headers `--- {old_name}` and `+++ {new_name}`, hunks with
/// 3 lines of context), styled for a terminal; empty when they hold the same lines. The texts start
/// after `skipped` lines of their files (old, new), so that the hunks' line numbers are the files'
/// own: `(0, 0)` for whole files.
pub fn unified(
    old: &str,
    new: &str,
    old_name: &str,
    new_name: &str,
    skipped: (usize, usize),
) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    let edits = edits(&a, &b);
    let bold = Style::new().bold();
    let (cyan, red, green) = (
        fg(AnsiColor::Cyan),
        fg(AnsiColor::Red),
        fg(AnsiColor::Green),
    );
    let mut out = String::new();
    for (start, end) in hunks(&edits) {
        if out.is_empty() {
            out += &format!("{bold}--- {old_name}{bold:#}\n{bold}+++ {new_name}{bold:#}\n");
        }
        let hunk = &edits[start..end];
        let ((old_count, new_count), (old_before, new_before)) =
            (line_counts(hunk), line_counts(&edits[..start]));
        // An empty side is named by the line before it (GNU's `-0,0`), else by its first line.
        let old_start = skipped.0 + old_before + usize::from(old_count > 0);
        let new_start = skipped.1 + new_before + usize::from(new_count > 0);
        out += &format!("{cyan}@@ -{old_start},{old_count} +{new_start},{new_count} @@{cyan:#}\n");
        for edit in hunk {
            match *edit {
                Edit::Same(i, _) => out += &format!(" {}\n", a[i]),
                Edit::Removed(i) => out += &format!("{red}-{}{red:#}\n", a[i]),
                Edit::Added(j) => out += &format!("{green}+{}{green:#}\n", b[j]),
            }
        }
    }
    out
}

/// How many lines of the old text and of the new one `edits` covers.
fn line_counts(edits: &[Edit]) -> (usize, usize) {
    edits.iter().fold((0, 0), |(old, new), edit| match edit {
        Edit::Same(..) => (old + 1, new + 1),
        Edit::Removed(_) => (old + 1, new),
        Edit::Added(_) => (old, new + 1),
    })
}

fn fg(colour: AnsiColor) -> Style {
    Style::new().fg_color(Some(colour.into()))
}

/// The ranges of `edits` that make up each hunk: every change with its context, changes whose
/// contexts meet or overlap in one hunk.
fn hunks(edits: &[Edit]) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for (index, _) in edits
        .iter()
        .enumerate()
        .filter(|(_, e)| !matches!(e, Edit::Same(..)))
    {
        let (start, end) = (
            index.saturating_sub(CONTEXT),
            (index + 1 + CONTEXT).min(edits.len()),
        );
        match ranges.last_mut() {
            Some(last) if start <= last.1 => last.1 = end,
            _ => ranges.push((start, end)),
        }
    }
    ranges
}

/// The shortest edit script from `a` to `b`: the common ends first, Myers' search in between.
fn edits(a: &[&str], b: &[&str]) -> Vec<Edit> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut script: Vec<Edit> = (0..prefix).map(|i| Edit::Same(i, i)).collect();
    script.extend(myers(a_mid, b_mid).into_iter().map(|edit| match edit {
        Edit::Same(i, j) => Edit::Same(i + prefix, j + prefix),
        Edit::Removed(i) => Edit::Removed(i + prefix),
        Edit::Added(j) => Edit::Added(j + prefix),
    }));
    let (a_end, b_end) = (a.len() - suffix, b.len() - suffix);
    script.extend((0..suffix).map(|k| Edit::Same(a_end + k, b_end + k)));
    script
}

/// Myers' O((N+M)·D) search: `v[k]` is the furthest `x` reached on diagonal `k = x - y`; each
/// step's `v` (diagonals `-d-1..=d+1` only) is kept to walk the path back.
fn myers(a: &[&str], b: &[&str]) -> Vec<Edit> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let offset = n + m + 1;
    let mut v = vec![0isize; 2 * offset as usize + 1];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let at = |k: isize| (k + offset) as usize;
    'search: for d in 0..=n + m {
        trace.push(v[at(-d - 1)..=at(d + 1)].to_vec());
        for k in (-d..=d).step_by(2) {
            let down = k == -d || (k != d && v[at(k - 1)] < v[at(k + 1)]);
            let mut x = if down { v[at(k + 1)] } else { v[at(k - 1)] + 1 };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                (x, y) = (x + 1, y + 1);
            }
            v[at(k)] = x;
            if x >= n && y >= m {
                break 'search;
            }
        }
    }
    let (mut x, mut y) = (n, m);
    let mut script = Vec::new();
    for (d, v) in trace.iter().enumerate().rev() {
        let d = d as isize;
        let get = |k: isize| v[(k + d + 1) as usize];
        let k = x - y;
        let down = k == -d || (k != d && get(k - 1) < get(k + 1));
        let prev_k = if down { k + 1 } else { k - 1 };
        let prev_x = get(prev_k);
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            (x, y) = (x - 1, y - 1);
            script.push(Edit::Same(x as usize, y as usize));
        }
        if d > 0 {
            script.push(if down {
                Edit::Added(prev_y as usize)
            } else {
                Edit::Removed(prev_x as usize)
            });
        }
        (x, y) = (prev_x, prev_y);
    }
    script.reverse();
    script
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(old: &str, new: &str) -> String {
        anstream::adapter::strip_str(&unified(old, new, "old", "new", (0, 0))).to_string()
    }

    /// Applies the script to `a` and checks it yields `b`; returns the number of changes.
    fn check_script(a: &str, b: &str) -> usize {
        let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
        let script = edits(&a, &b);
        let old: Vec<&str> = script
            .iter()
            .filter_map(|e| match *e {
                Edit::Same(i, _) | Edit::Removed(i) => Some(a[i]),
                Edit::Added(_) => None,
            })
            .collect();
        let new: Vec<&str> = script
            .iter()
            .filter_map(|e| match *e {
                Edit::Same(i, j) => Some(if a[i] == b[j] { b[j] } else { "MISMATCH" }),
                Edit::Added(j) => Some(b[j]),
                Edit::Removed(_) => None,
            })
            .collect();
        assert_eq!(
            (old, new),
            (a.clone(), b.clone()),
            "the script rebuilds both texts"
        );
        script
            .iter()
            .filter(|e| !matches!(e, Edit::Same(..)))
            .count()
    }

    #[test]
    fn a_diff_after_skipped_lines_numbers_the_files_own_lines() {
        let diff = unified("a\nb\n", "a\nc\n", "old", "new", (3, 5));
        let diff = anstream::adapter::strip_str(&diff).to_string();
        // Without the skipped lines it would read `@@ -1,2 +1,2 @@`.
        assert!(diff.contains("@@ -4,2 +6,2 @@"), "{diff}");
    }

    #[test]
    fn scripts_rebuild_both_texts_with_the_fewest_changes() {
        assert_eq!(check_script("", ""), 0);
        assert_eq!(check_script("a\nb\nc", "a\nb\nc"), 0);
        assert_eq!(check_script("", "a\nb"), 2);
        assert_eq!(check_script("a\nb", ""), 2);
        assert_eq!(check_script("a\nb\nc", "a\nx\nc"), 2);
        // Myers' paper's example: ABCABBA to CBABAC takes 5 changes.
        assert_eq!(check_script("a\nb\nc\na\nb\nb\na", "c\nb\na\nb\na\nc"), 5);
        assert_eq!(check_script("x\na\nb\ny", "a\nb\nz\nw"), 4);
    }

    #[test]
    fn scripts_are_as_short_as_the_longest_common_subsequence_allows() {
        let mut seed = 0x2545_f491_u64;
        let mut next = |below: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % below
        };
        for _ in 0..500 {
            let mut text =
                |len: u64| -> String { (0..next(len)).map(|_| format!("{}\n", next(4))).collect() };
            let (a, b) = (text(12), text(12));
            let (x, y): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
            let mut lcs = vec![vec![0; y.len() + 1]; x.len() + 1];
            for i in (0..x.len()).rev() {
                for j in (0..y.len()).rev() {
                    lcs[i][j] = match x[i] == y[j] {
                        true => lcs[i + 1][j + 1] + 1,
                        false => lcs[i + 1][j].max(lcs[i][j + 1]),
                    };
                }
            }
            let fewest = x.len() + y.len() - 2 * lcs[0][0];
            assert_eq!(check_script(&a, &b), fewest, "{a:?} to {b:?}");
        }
    }

    #[test]
    fn a_change_gets_three_lines_of_context_and_gnu_numbers() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        let new = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        let expected = "--- old\n+++ new\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n";
        assert_eq!(plain(old, new), expected);
    }

    #[test]
    fn distant_changes_make_two_hunks_and_near_ones_one() {
        let lines = |changed: [u32; 2]| -> String {
            (1..=20)
                .map(|n| match changed.contains(&n) {
                    true => format!("changed {n}\n"),
                    false => format!("{n}\n"),
                })
                .collect()
        };
        let (old, far, near) = (lines([0, 0]), lines([2, 18]), lines([5, 11]));
        let diff = plain(&old, &far);
        assert_eq!(diff.matches("@@ -").count(), 2, "{diff}");
        assert!(diff.contains("@@ -1,5 +1,5 @@\n"), "{diff}");
        assert!(diff.contains("@@ -15,6 +15,6 @@\n"), "{diff}");
        assert_eq!(plain(&old, &near).matches("@@ -").count(), 1);
    }

    #[test]
    fn empty_sides_are_numbered_as_gnu_diff_does() {
        assert_eq!(
            plain("", "a\nb\n"),
            "--- old\n+++ new\n@@ -0,0 +1,2 @@\n+a\n+b\n"
        );
        assert_eq!(plain("a\n", ""), "--- old\n+++ new\n@@ -1,1 +0,0 @@\n-a\n");
    }

    #[test]
    fn line_endings_make_no_difference() {
        assert!(same_lines("a\r\nb\r\n", "a\nb"));
        assert!(!same_lines("a\nb\n", "a\nc\n"));
        assert_eq!(plain("a\r\nb\r\n", "a\nb\n"), "");
    }

    #[test]
    fn colours_mark_removed_and_added_lines() {
        let diff = unified("a\n", "b\n", "old", "new", (0, 0));
        assert!(
            diff.contains(&format!("{}-a", fg(AnsiColor::Red))),
            "{diff:?}"
        );
        assert!(
            diff.contains(&format!("{}+b", fg(AnsiColor::Green))),
            "{diff:?}"
        );
    }
}
