//! What a learner's file may not do although the compiler allows it: tell its compile-fail checks
//! apart from its tests.
//!
//! trybuild compiles its cases with `--cfg trybuild`, and the cases include the learner's file, so
//! code under `#[cfg(trybuild)]` (or `cfg!(trybuild)`, `cfg_attr(trybuild, …)`) could be one thing
//! for the compile-fail checks and another for the tests: a trait method required in the one and
//! given a default body in the other passes both. No exercise needs the name, so a learner's file
//! that uses it is not graded.

/// Why `text`, a learner's file, is not graded as it is, if it is not.
pub fn refusal(text: &str) -> Option<&'static str> {
    names_word(&without_comments(text), "trybuild").then_some(
        "it uses `trybuild`, the setting (`cfg`) under which the compile-fail checks build your \
         code: code that depends on it is one thing for those checks and another for the tests, \
         so it is not graded. Remove it; your code must be the same for both",
    )
}

/// `text` with its `//` and (nested) `/* */` comments removed.
pub(crate) fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut depth = 0usize;
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('/', Some('*')) => {
                chars.next();
                depth += 1;
            }
            ('*', Some('/')) if depth > 0 => {
                chars.next();
                depth -= 1;
            }
            ('/', Some('/')) if depth == 0 => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            _ if depth > 0 => {}
            _ => out.push(c),
        }
    }
    out
}

/// Whether `word` stands in `text` as a whole identifier (`r#word` too).
fn names_word(text: &str, word: &str) -> bool {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

#[cfg(test)]
mod tests {
    use super::refusal;

    #[test]
    fn every_spelling_of_the_trybuild_cfg_is_refused() {
        for code in [
            "#[cfg(trybuild)]\nfn name(&self) -> String;",
            "#[cfg(not(trybuild))]\nfn name(&self) -> String { String::new() }",
            "#[cfg_attr(trybuild, allow(dead_code))]",
            "if cfg!(trybuild) { 1 } else { 2 }",
            "macro_rules! m { ($c:ident) => { #[cfg($c)] fn f() {} } }\nm!(r#trybuild);",
        ] {
            assert!(refusal(code).is_some(), "{code}");
        }
    }

    #[test]
    fn comments_and_other_words_are_fine() {
        for code in [
            "// the tests use trybuild\nfn f() {}",
            "/* trybuild /* nested */ too */ fn f() {}",
            "fn not_trybuilder() {}",
            "let trybuilding = 1;",
        ] {
            assert!(refusal(code).is_none(), "{code}");
        }
    }
}
