//! The name a mistyped command or option most likely meant, for "did you mean …?".

/// The known name `typed` most likely meant: the one it begins, else the nearest by edits when
/// few enough edits for its length.
pub fn closest<S: AsRef<str>>(typed: &str, known: impl IntoIterator<Item = S>) -> Option<String> {
    let known: Vec<S> = known.into_iter().collect();
    let bare = |name: &str| name.trim_start_matches('-').to_owned();
    let typed_bare = bare(typed);
    let mut begun = known
        .iter()
        .map(AsRef::as_ref)
        .filter(|name| !typed_bare.is_empty() && bare(name).starts_with(&typed_bare));
    if let (Some(only), None) = (begun.next(), begun.next()) {
        return Some(only.to_owned());
    }
    known
        .iter()
        .map(AsRef::as_ref)
        .map(|name| (edit_distance(&typed_bare, &bare(name)), name))
        .filter(|(distance, name)| *distance <= bare(name).chars().count().max(4) / 3)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name.to_owned())
}

/// How many characters to insert, delete, replace or swap with the next one to go from `a` to `b`
/// (the optimal string alignment distance: `dya` is one swap from `day`).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    // distance[i][j]: from the first i characters of a to the first j of b.
    let mut distance = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in distance.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in distance[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let replace = distance[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]);
            let mut best = replace
                .min(distance[i - 1][j] + 1)
                .min(distance[i][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(distance[i - 2][j - 2] + 1);
            }
            distance[i][j] = best;
        }
    }
    distance[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_name_is_the_one_begun_or_the_one_a_few_edits_away() {
        let options = ["--json", "--exercise", "--watch", "--poll", "--help"];
        assert_eq!(closest("--exrcise", options).as_deref(), Some("--exercise"));
        assert_eq!(closest("--jsn", options).as_deref(), Some("--json"));
        assert_eq!(closest("--ex", options).as_deref(), Some("--exercise"));
        assert_eq!(closest("--wtch", options).as_deref(), Some("--watch"));
        assert_eq!(closest("--level", options), None, "nothing close");
        assert_eq!(closest("--", options), None);
        assert_eq!(closest("dya", ["day", "capstone"]).as_deref(), Some("day"));
    }

    #[test]
    fn the_edit_distance_counts_insertions_deletions_replacements_and_swaps() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("day", "day"), 0);
        assert_eq!(edit_distance("exrcise", "exercise"), 1);
        assert_eq!(edit_distance("dya", "day"), 1, "one swap");
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
