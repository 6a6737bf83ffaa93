//! Finding what a policy forbids in one file's tokens: paths (through `use` renames, groups,
//! globs and `extern crate` aliases), macro calls, attributes and `unsafe`.

use std::collections::HashMap;

use super::forbidden::{Forbidden, STD_CRATES};
use super::lexer::{Lexed, Token, tokens};

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
    let mut aliases: HashMap<String, Vec<String>> = STD_CRATES
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
    }
    found.sort_by(|a, b| a.2.cmp(&b.2).then_with(|| a.cmp(b)));
    found.dedup();
    found
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

/// Flags the path that starts at token `i`, if one does and it leads under a forbidden path.
fn check_path(
    tokens: &[Lexed],
    i: usize,
    aliases: &HashMap<String, Vec<String>>,
    forbid: &[Forbidden],
    found: &mut Vec<(String, String, usize)>,
) {
    let previous = i.checked_sub(1).map(|p| &tokens[p].token);
    if matches!(previous, Some(Token::PathSep | Token::Punct('.' | '$'))) {
        return;
    }
    let crate_rooted = tokens[i].token == Token::PathSep;
    // `Vec::new`, `<T>::new`: the `::` continues a path that is not std's.
    if crate_rooted && matches!(previous, Some(Token::Ident { .. } | Token::Punct('>'))) {
        return;
    }
    let mut j = if crate_rooted { i + 1 } else { i };
    let mut path = Vec::new();
    while let Some(name) = word(tokens, j) {
        path.push(name.to_owned());
        if tokens.get(j + 1).is_some_and(|t| t.token == Token::PathSep) {
            j += 2;
        } else {
            break;
        }
    }
    if path.len() < 2 && !crate_rooted {
        return;
    }
    let resolved = if crate_rooted {
        // `::name` is a crate: std itself or an `extern crate` alias of it.
        path.first()
            .and_then(|root| aliases.get(root))
            .filter(|target| target.len() == 1)
            .map(|target| [target.as_slice(), &path[1..]].concat())
    } else {
        resolve(&path, aliases)
    };
    let Some(resolved) = resolved else {
        return;
    };
    for entry in forbid {
        if let Forbidden::Path(forbidden) = entry
            && under(&resolved, forbidden)
        {
            found.push((entry.to_string(), resolved.join("::"), tokens[i].line));
        }
    }
}

/// Flags a forbidden attribute in the attribute that starts with the `#` at `i`, if one does.
fn check_attribute(
    tokens: &[Lexed],
    i: usize,
    forbid: &[Forbidden],
    found: &mut Vec<(String, String, usize)>,
) {
    let inner = is_punct(tokens, i + 1, '!');
    let open = if inner { i + 2 } else { i + 1 };
    if !is_punct(tokens, open, '[') {
        return;
    }
    let bang = if inner { "!" } else { "" };
    let mut depth = 0usize;
    for k in open..tokens.len() {
        match tokens[k].token {
            Token::Punct('[' | '(' | '{') => depth += 1,
            Token::Punct(']' | ')' | '}') => {
                depth -= 1;
                if depth == 0 {
                    return;
                }
            }
            _ => {}
        }
        // A name in the attribute's name position: first, or an item of `cfg_attr(..)` or
        // `unsafe(..)`, followed by its value, arguments or the end.
        let named = matches!(tokens[k - 1].token, Token::Punct('[' | '(' | ','))
            && tokens
                .get(k + 1)
                .is_none_or(|t| matches!(t.token, Token::Punct('=' | '(' | ']' | ')' | ',')));
        let name = match &tokens[k].token {
            Token::Ident { name, .. } if named => name.as_str(),
            // `#[$attr]` in a macro: the macro's caller chooses the attribute.
            Token::Punct('$') if k == open + 1 => "$",
            _ => continue,
        };
        for entry in forbid {
            if let Forbidden::Attribute(forbidden) = entry
                && (forbidden == name || name == "$")
            {
                let shown = if name == "$" { "$…" } else { name };
                found.push((
                    entry.to_string(),
                    format!("#{bang}[{shown}]"),
                    tokens[k].line,
                ));
                if name == "$" {
                    break;
                }
            }
        }
    }
}

/// `path` with its first segment replaced by what it names, if that leads into a std crate.
fn resolve(path: &[String], aliases: &HashMap<String, Vec<String>>) -> Option<Vec<String>> {
    let target = aliases.get(path.first()?)?;
    Some([target.as_slice(), &path[1..]].concat())
}

/// Whether `path` is `prefix` or under it, counting `std`, `core` and `alloc` as one crate.
fn under(path: &[String], prefix: &[String]) -> bool {
    path.len() >= prefix.len() && !prefix.is_empty() && path[1..prefix.len()] == prefix[1..]
}

fn word(tokens: &[Lexed], i: usize) -> Option<&str> {
    match &tokens.get(i)?.token {
        Token::Ident { name, .. } => Some(name),
        _ => None,
    }
}

fn is_word(tokens: &[Lexed], i: usize, keyword: &str) -> bool {
    matches!(tokens.get(i), Some(Lexed { token: Token::Ident { name, raw: false }, .. }) if name == keyword)
}

fn is_punct(tokens: &[Lexed], i: usize, c: char) -> bool {
    tokens.get(i).is_some_and(|t| t.token == Token::Punct(c))
}
