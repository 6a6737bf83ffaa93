//! Finding what a policy forbids in one file's tokens: paths (through `use` renames, groups,
//! globs and `extern crate` aliases), macro calls, attributes and `unsafe`.

use super::attributes::check_attribute;
use super::forbidden::{Forbidden, STD_CRATES};
use super::lexer::{Lexed, Token, is_punct, is_word, tokens, word};
use super::paths::{Aliases, check_path, resolve, under};

/// One `use` leaf: `use std::{process as p, fs::*}` has two.
struct UseLeaf {
    /// As written, without the leading `::` and a trailing `self`.
    path: Vec<String>,
    /// The name it brings into scope (`None` for a glob).
    binding: Option<String>,
    line: usize,
}

/// What `source` uses of `forbid`: (the entry, what was written, its line), in line order.
pub(crate) fn scan(source: &str, forbid: &[Forbidden]) -> Vec<(String, String, usize)> {
    let tokens = tokens(source);
    let mut found = Vec::new();
    let mut uses = Vec::new();
    let mut aliases: Aliases = STD_CRATES
        .iter()
        .map(|c| (c.to_string(), vec![c.to_string()]))
        .collect();
    // The tokens of `use` and `extern crate` items, which the path scan below leaves alone.
    let mut declarations = vec![false; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        let start = i;
        if is_word(&tokens, i, "use") && !is_punct(&tokens, i + 1, '<') {
            i += 1;
            if tokens.get(i).is_some_and(|t| t.token == Token::PathSep) {
                i += 1;
            }
            use_tree(&tokens, &mut i, Vec::new(), &mut uses);
        } else if is_word(&tokens, i, "extern") && is_word(&tokens, i + 1, "crate") {
            if let (Some(name), true, Some(alias)) = (
                word(&tokens, i + 2),
                is_word(&tokens, i + 3, "as"),
                word(&tokens, i + 4),
            ) && STD_CRATES.contains(&name)
            {
                aliases.insert(alias.to_owned(), vec![name.to_owned()]);
            }
            i += 2;
        } else {
            i += 1;
            continue;
        }
        while i < tokens.len() && !is_punct(&tokens, i, ';') {
            i += 1;
        }
        declarations[start..i.min(tokens.len())].fill(true);
    }
    // Imports can name earlier imports (`use std::process; use process::Command;`): resolve until
    // nothing changes.
    for _ in 0..=uses.len() {
        let before = aliases.len();
        for leaf in &uses {
            if let (Some(binding), Some(resolved)) = (&leaf.binding, resolve(&leaf.path, &aliases))
            {
                aliases.entry(binding.clone()).or_insert(resolved);
            }
        }
        if aliases.len() == before {
            break;
        }
    }
    for leaf in &uses {
        let Some(path) = resolve(&leaf.path, &aliases) else {
            continue;
        };
        for entry in forbid {
            let hit = match entry {
                Forbidden::Path(forbidden) if leaf.binding.is_none() => {
                    under(&path, forbidden) || under(forbidden, &path)
                }
                Forbidden::Path(forbidden) => under(&path, forbidden),
                Forbidden::Macro(name) => path.len() >= 2 && path.last() == Some(name),
                _ => false,
            };
            if hit {
                let glob = if leaf.binding.is_none() { "::*" } else { "" };
                found.push((
                    entry.to_string(),
                    format!("{}{glob}", path.join("::")),
                    leaf.line,
                ));
            }
        }
    }
    for (i, lexed) in tokens.iter().enumerate() {
        if !declarations[i] {
            check_path(&tokens, i, &aliases, forbid, &mut found);
        }
        if let Token::Ident { name, raw } = &lexed.token {
            for entry in forbid {
                let hit = match entry {
                    Forbidden::Unsafe => name == "unsafe" && !raw,
                    Forbidden::Macro(macro_name) => {
                        name == macro_name
                            && is_punct(&tokens, i + 1, '!')
                            && (is_punct(&tokens, i + 2, '(')
                                || is_punct(&tokens, i + 2, '[')
                                || is_punct(&tokens, i + 2, '{'))
                    }
                    _ => false,
                };
                if hit {
                    found.push((entry.to_string(), entry.to_string(), lexed.line));
                }
            }
        }
        if is_punct(&tokens, i, '#') {
            check_attribute(&tokens, i, forbid, &mut found);
        }
        let first_macro = forbid.iter().find(|f| matches!(f, Forbidden::Macro(_)));
        if let (Some(entry), Some(shown)) = (first_macro, macro_named_by_variable(&tokens, i)) {
            found.push((entry.to_string(), shown, lexed.line));
        }
    }
    found.sort_by(|a, b| a.2.cmp(&b.2).then_with(|| a.cmp(b)));
    found.dedup();
    found
}

/// A macro call at the `!` at `i` whose name a macro's caller fills in (`$name!(..)`,
/// `$($name)*!(..)`): it could be any macro, a forbidden one too.
fn macro_named_by_variable(tokens: &[Lexed], i: usize) -> Option<String> {
    let delimiter = |j: usize| ['(', '[', '{'].iter().any(|&c| is_punct(tokens, j, c));
    if !is_punct(tokens, i, '!') || !delimiter(i + 1) || i < 2 {
        return None;
    }
    match (&tokens[i - 2].token, &tokens[i - 1].token) {
        (Token::Punct('$'), Token::Ident { name, .. }) if name != "crate" => {
            Some(format!("${name}!"))
        }
        (Token::Punct(')'), Token::Punct(repeat @ ('*' | '+' | '?'))) => {
            let mut depth = 0usize;
            for j in (0..i - 1).rev() {
                match tokens[j].token {
                    Token::Punct(')') => depth += 1,
                    Token::Punct('(') => {
                        depth -= 1;
                        if depth == 0 {
                            return (j > 0 && is_punct(tokens, j - 1, '$'))
                                .then(|| format!("$(…){repeat}!"));
                        }
                    }
                    _ => {}
                }
            }
            None
        }
        _ => None,
    }
}

/// Reads one use tree from `i` (after `use` and a leading `::`), leaving `i` after it.
fn use_tree(tokens: &[Lexed], i: &mut usize, prefix: Vec<String>, out: &mut Vec<UseLeaf>) {
    let mut path = prefix;
    while let Some(lexed) = tokens.get(*i) {
        let line = lexed.line;
        match &lexed.token {
            Token::Ident { name, .. } => {
                path.push(name.clone());
                *i += 1;
                if tokens.get(*i).is_some_and(|t| t.token == Token::PathSep) {
                    *i += 1;
                    continue;
                }
                if path.last().is_some_and(|last| last == "self") {
                    path.pop();
                }
                let mut binding = path.last().cloned();
                if is_word(tokens, *i, "as") {
                    binding = word(tokens, *i + 1).map(str::to_owned);
                    *i += 2;
                }
                out.push(UseLeaf {
                    path,
                    binding,
                    line,
                });
                return;
            }
            Token::Punct('*') => {
                *i += 1;
                out.push(UseLeaf {
                    path,
                    binding: None,
                    line,
                });
                return;
            }
            Token::Punct('{') => {
                *i += 1;
                loop {
                    if is_punct(tokens, *i, '}') {
                        *i += 1;
                        return;
                    }
                    let at = *i;
                    use_tree(tokens, i, path.clone(), out);
                    if is_punct(tokens, *i, ',') {
                        *i += 1;
                    } else if *i == at || !is_punct(tokens, *i, '}') {
                        return;
                    }
                }
            }
            _ => return,
        }
    }
}
