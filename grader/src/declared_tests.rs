//! The tests a harness target declares, read from its source: what a target that does not compile
//! would have run, so that an exercise counts the same tests whether or not it compiles.
//!
//! A canonical test target ends with `workbook_harness::main!(first_test, second_test, ...)`
//! (`harness/src/lib.rs`). Without a binary there is no `--list` to ask, but the list is in the
//! file: the names between the macro's parentheses, separated by commas.

use std::path::Path;

/// The test names of `tests/<target>.rs` under `crate_dir`, in the order its `main!` lists them;
/// `None` when the file cannot be read or holds no list this reader is sure of (then the target
/// counts as one result, as before).
pub fn declared_tests(crate_dir: &Path, target: &str) -> Option<Vec<String>> {
    let path = crate_dir.join("tests").join(format!("{target}.rs"));
    let text = std::fs::read_to_string(path).ok()?;
    names_in_main(&text)
}

/// The names in the last `workbook_harness::main!(...)` of `text`.
fn names_in_main(text: &str) -> Option<Vec<String>> {
    let code = crate::learner_code::without_comments(text);
    let start = code.rfind("workbook_harness::main!")?;
    let rest = &code[start + "workbook_harness::main!".len()..];
    let open = rest.trim_start().strip_prefix('(')?;
    let list = &open[..open.find(')')?];
    let names: Vec<String> = list
        .split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect();
    let is_name = |name: &String| {
        name.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_alphanumeric() || c == '_')
    };
    (!names.is_empty() && names.iter().all(is_name)).then_some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_are_read_in_order_with_comments_and_a_trailing_comma() {
        let text = "fn a() {}\n\
                    // workbook_harness::main!(not_this);\n\
                    workbook_harness::main!(\n    \
                        first_test, // the basic one\n    \
                        second_test,\n\
                    );\n";
        assert_eq!(
            names_in_main(text),
            Some(vec!["first_test".to_owned(), "second_test".to_owned()])
        );
        assert_eq!(
            names_in_main("workbook_harness::main!(only);"),
            Some(vec!["only".to_owned()])
        );
        assert_eq!(
            names_in_main("workbook_harness::main!(a, /* not_b, */ c);"),
            Some(vec!["a".to_owned(), "c".to_owned()])
        );
    }

    #[test]
    fn anything_but_a_plain_list_of_names_is_not_guessed() {
        assert_eq!(names_in_main("fn main() {}"), None);
        assert_eq!(names_in_main("workbook_harness::main!();"), None);
        assert_eq!(names_in_main("workbook_harness::main!(a, b c);"), None);
        assert_eq!(names_in_main("workbook_harness::main!(tests::a);"), None);
    }
}
