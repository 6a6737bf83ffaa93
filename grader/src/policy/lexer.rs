//! Rust source as the policy reads it: identifiers and punctuation with their lines, and every
//! comment, string, character and number reduced to what cannot be mistaken for code.

/// One token of code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Token {
    /// An identifier or keyword, without its `r#` (`raw` says whether it had one).
    Ident { name: String, raw: bool },
    /// `::`, written as one token.
    PathSep,
    /// Any other punctuation character.
    Punct(char),
    /// A string, byte string, character, number or lifetime: never part of a path.
    Literal,
}

/// A token and the 1-based line it starts on.
#[derive(Debug, Clone)]
pub(crate) struct Lexed {
    pub token: Token,
    pub line: usize,
}

/// The code tokens of `source`. Comments (line, block, nested, doc) are dropped; literals become
/// [`Token::Literal`]. Malformed text (an unterminated string or comment) ends the tokens there.
pub(crate) fn tokens(source: &str) -> Vec<Lexed> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = shebang_end(&chars);
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        let start_line = line;
        let mut push = |token: Token| {
            out.push(Lexed {
                token,
                line: start_line,
            })
        };
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0usize;
            while i < chars.len() {
                match (chars[i], at(i + 1)) {
                    ('/', '*') => {
                        depth += 1;
                        i += 2;
                    }
                    ('*', '/') => {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    }
                    ('\n', _) => {
                        line += 1;
                        i += 1;
                    }
                    _ => i += 1,
                }
            }
        } else if let Some(end) = string_end(&chars, i) {
            line += chars[i..end].iter().filter(|&&c| c == '\n').count();
            push(Token::Literal);
            i = end;
        } else if c == '\'' {
            // A character literal ('a', '\n', '\u{1F600}') or a lifetime / label ('a, 'static).
            if at(i + 1) == '\\' {
                // The quote, the backslash and the escaped character (itself maybe a quote).
                i += 3;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
                while i < chars.len() && is_ident_char(chars[i]) {
                    i += 1;
                }
            }
            push(Token::Literal);
        } else if c == 'r' && at(i + 1) == '#' && is_ident_start(at(i + 2)) {
            let end = ident_end(&chars, i + 2);
            push(Token::Ident {
                name: chars[i + 2..end].iter().collect(),
                raw: true,
            });
            i = end;
        } else if is_ident_start(c) {
            let end = ident_end(&chars, i);
            push(Token::Ident {
                name: chars[i..end].iter().collect(),
                raw: false,
            });
            i = end;
        } else if c.is_ascii_digit() {
            i = ident_end(&chars, i);
            push(Token::Literal);
        } else if c == ':' && at(i + 1) == ':' {
            push(Token::PathSep);
            i += 2;
        } else {
            push(Token::Punct(c));
            i += 1;
        }
    }
    out
}

/// The name of the identifier at `i`, if there is one.
pub(crate) fn word(tokens: &[Lexed], i: usize) -> Option<&str> {
    match &tokens.get(i)?.token {
        Token::Ident { name, .. } => Some(name),
        _ => None,
    }
}

/// Whether the token at `i` is the keyword (or plain identifier) `keyword`, not `r#keyword`.
pub(crate) fn is_word(tokens: &[Lexed], i: usize, keyword: &str) -> bool {
    matches!(tokens.get(i), Some(Lexed { token: Token::Ident { name, raw: false }, .. }) if name == keyword)
}

/// Whether the token at `i` is the punctuation `c`.
pub(crate) fn is_punct(tokens: &[Lexed], i: usize, c: char) -> bool {
    tokens.get(i).is_some_and(|t| t.token == Token::Punct(c))
}

/// Where the code starts: after a first line `#!…` that rustc skips as a shebang (it is one unless
/// the next token after `#!`, past whitespace and comments, is `[`).
fn shebang_end(chars: &[char]) -> usize {
    if !chars.starts_with(&['#', '!']) {
        return 0;
    }
    let after: String = chars[2..].iter().collect();
    let code = crate::learner_code::without_comments(&after);
    if code.trim_start().starts_with('[') {
        return 0;
    }
    chars.iter().position(|&c| c == '\n').unwrap_or(chars.len())
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

fn ident_end(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() && is_ident_char(chars[i]) {
        i += 1;
    }
    i
}

/// Where the string literal starting at `i` ends (one past its closing quote and `#`s), if one
/// starts there: `"…"`, `b"…"`, `c"…"`, `b'…'`, and the raw forms `r"…"`, `br#"…"#`, `cr##"…"##`.
fn string_end(chars: &[char], i: usize) -> Option<usize> {
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let mut j = i;
    if matches!(at(j), 'b' | 'c') {
        j += 1;
    }
    if at(j) == 'r' && matches!(at(j + 1), '"' | '#') {
        let mut k = j + 1;
        let mut hashes = 0;
        while at(k) == '#' {
            hashes += 1;
            k += 1;
        }
        if at(k) != '"' {
            return None;
        }
        k += 1;
        while k < chars.len() {
            if chars[k] == '"' && (1..=hashes).all(|h| at(k + h) == '#') {
                return Some(k + 1 + hashes);
            }
            k += 1;
        }
        return Some(chars.len());
    }
    let quote = at(j);
    let byte_char = quote == '\'' && at(i) == 'b' && j == i + 1;
    if quote != '"' && !byte_char {
        return None;
    }
    let mut k = j + 1;
    while k < chars.len() {
        match chars[k] {
            '\\' => k += 2,
            q if q == quote => return Some(k + 1),
            _ => k += 1,
        }
    }
    Some(chars.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(source: &str) -> Vec<String> {
        tokens(source)
            .into_iter()
            .filter_map(|t| match t.token {
                Token::Ident { name, .. } => Some(name),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn comments_strings_and_chars_hold_no_identifiers() {
        let source = r####"
            // line process
            /// doc process
            //! inner doc process
            /* block /* nested process */ still process */
            /** doc block process */
            let a = "process \" process";
            let b = r#"process " process"#;
            let c = br##"process "# process"##;
            let d = b"process";
            let e = c"process";
            let f = '"'; let g = '\''; let h = b'\\'; let i = '\u{70}';
            fn l<'process>(x: &'process str) {}
        "####;
        let found = names(source);
        assert!(
            !found.iter().any(|n| n == "process"),
            "a word in a comment, string or char was read as code: {found:?}"
        );
        assert!(found.contains(&"l".to_owned()), "code after them was lost");
    }

    #[test]
    fn lines_count_newlines_inside_comments_and_strings() {
        let source = "/* one\ntwo */ \"three\nfour\"\nr#\"five\n\"# here";
        let here = tokens(source)
            .into_iter()
            .find(|t| matches!(&t.token, Token::Ident { name, .. } if name == "here"))
            .expect("`here` is a token");
        assert_eq!(
            here.line, 5,
            "the line of a token after multi-line literals"
        );
    }

    #[test]
    fn a_shebang_line_is_skipped_as_rustc_skips_it_and_an_inner_attribute_is_not() {
        let hidden = "#!/usr/bin/env \"\nunsafe fn f() {}\n// \"";
        assert!(
            names(hidden).contains(&"unsafe".to_owned()),
            "a quote in a shebang line hid the code after it"
        );
        let attribute = "#! /* gap */ [path = \"x\"]\nmod m;";
        assert!(
            names(attribute).contains(&"path".to_owned()),
            "an inner attribute at the top was skipped as a shebang"
        );
        assert_eq!(
            names("let v = ['\\'','a']; let b = 1;"),
            ["let", "v", "let", "b"],
            "an escaped quote in a character literal"
        );
    }

    #[test]
    fn raw_identifiers_lose_their_prefix_and_say_so() {
        let found = tokens("r#unsafe");
        assert_eq!(
            found[0].token,
            Token::Ident {
                name: "unsafe".into(),
                raw: true
            }
        );
    }
}
