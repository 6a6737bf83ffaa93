//! Finding what a policy forbids in one file's tokens: paths (through `use` renames, groups,
//! globs and `extern crate` aliases), macro calls, attributes and `unsafe`.

use super::attributes::find_attributes;
use super::forbidden::{Forbidden, STD_CRATES};
use super::lexer::{Lexed, Token, is_punct, is_word, tokens, word};
use super::paths::{
    Aliases, check_path, could_be_under, fits, is_variable, pattern_of, resolve, segment_at,
};

/// How deep `use` groups are read (`use a::{b::{c::{..}}}`); a hostile file cannot make the
/// reader recurse without end.
const MAX_USE_DEPTH: usize = 32;

/// Macros as unsafe as the keyword that can be called without it.
const UNSAFE_MACROS: [&str; 3] = ["global_asm", "asm", "naked_asm"];

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
    let openers = openers(&tokens);
    let mut found = Vec::new();
    let mut uses = Vec::new();
    let mut aliases: Aliases = STD_CRATES
        .iter()
        .map(|c| (c.to_string(), vec![c.to_string()]))
        .collect();
    // The tokens of `use` trees, which the path scan below leaves alone: only what the tree reader
    // took, so that a `use` in a macro's matcher (`(use) => { .. }`) hides nothing after it.
    let mut declarations = vec![false; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        let start = i;
        if is_word(&tokens, i, "extern")
            && is_word(&tokens, i + 1, "crate")
            && let (Some(name), true, Some(alias)) = (
                word(&tokens, i + 2),
                is_word(&tokens, i + 3, "as"),
                word(&tokens, i + 4),
            )
            && STD_CRATES.contains(&name)
        {
            aliases.insert(alias.to_owned(), vec![name.to_owned()]);
        }
        if !is_word(&tokens, i, "use") || is_punct(&tokens, i + 1, '<') {
            i += 1;
            continue;
        }
        i += 1;
        if tokens.get(i).is_some_and(|t| t.token == Token::PathSep) {
            i += 1;
        }
        if use_tree(&tokens, &mut i, Vec::new(), &mut uses, 0) {
            declarations[start..i.min(tokens.len())].fill(true);
        } else if let Some(entry) = forbid.iter().find(|f| matches!(f, Forbidden::Path(_))) {
            // No code needs it; what it imports cannot be told, so it could be anything.
            let shown = format!("a `use` nested more than {MAX_USE_DEPTH} groups deep");
            found.push((entry.to_string(), shown, tokens[start].line));
            i = start + 1;
        }
    }
    // Imports can name earlier imports (`use std::process; use process::Command;`): resolve until
    // nothing changes.
    for _ in 0..=uses.len() {
        let before = aliases.len();
        for leaf in &uses {
            // A name a macro's caller chooses cannot be followed; its `use` is checked below.
            let chosen = leaf
                .path
                .iter()
                .chain(&leaf.binding)
                .any(|s| is_variable(s));
            if let (Some(binding), Some(resolved), false) =
                (&leaf.binding, resolve(&leaf.path, &aliases), chosen)
            {
                aliases.entry(binding.clone()).or_insert(resolved);
            }
        }
        if aliases.len() == before {
            break;
        }
    }
    for leaf in &uses {
        let Some(path) = pattern_of(&leaf.path, &aliases) else {
            continue;
        };
        // A glob, or a name a macro's caller chooses (`use std::process as $p;`), can stand for
        // anything under the path: it breaks a policy on anything under it too.
        let open_ended = leaf.binding.as_deref().is_none_or(is_variable);
        for entry in forbid {
            let hit = match entry {
                Forbidden::Path(forbidden) if open_ended => fits(&path, forbidden),
                Forbidden::Path(forbidden) => could_be_under(&path, forbidden),
                Forbidden::Macro(name) => {
                    path.len() >= 2 && path.last().is_some_and(|l| l == name || is_variable(l))
                }
                _ => false,
            };
            if hit {
                let glob = match &leaf.binding {
                    None => "::*".to_owned(),
                    Some(name) if is_variable(name) && leaf.path.last() != Some(name) => {
                        format!(" as {name}")
                    }
                    Some(_) => String::new(),
                };
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
            let called = is_punct(&tokens, i + 1, '!')
                && ['(', '[', '{'].iter().any(|&c| is_punct(&tokens, i + 2, c));
            for entry in forbid {
                let shown = match entry {
                    Forbidden::Unsafe if name == "unsafe" && !raw => "unsafe".to_owned(),
                    // Assembly at the crate's top level, which needs no `unsafe` block.
                    Forbidden::Unsafe if UNSAFE_MACROS.contains(&name.as_str()) && called => {
                        format!("{name}!")
                    }
                    Forbidden::Macro(macro_name) if name == macro_name && called => {
                        entry.to_string()
                    }
                    _ => continue,
                };
                found.push((entry.to_string(), shown, lexed.line));
            }
        }
        let first_macro = forbid.iter().find(|f| matches!(f, Forbidden::Macro(_)));
        if let (Some(entry), Some(shown)) =
            (first_macro, macro_named_by_variable(&tokens, &openers, i))
        {
            found.push((entry.to_string(), shown, lexed.line));
        }
    }
    find_attributes(&tokens, forbid, &mut found);
    found.sort_by(|a, b| a.2.cmp(&b.2).then_with(|| a.cmp(b)));
    found.dedup();
    found
}

/// A macro call at the `!` at `i` whose name a macro's caller fills in (`$name!(..)`,
/// `$($name)*!(..)`): it could be any macro, a forbidden one too.
fn macro_named_by_variable(
    tokens: &[Lexed],
    openers: &[Option<usize>],
    i: usize,
) -> Option<String> {
    let delimiter = |j: usize| ['(', '[', '{'].iter().any(|&c| is_punct(tokens, j, c));
    if !is_punct(tokens, i, '!') || !delimiter(i + 1) || i < 2 {
        return None;
    }
    match (&tokens[i - 2].token, &tokens[i - 1].token) {
        (Token::Punct('$'), Token::Ident { name, .. }) if name != "crate" => {
            Some(format!("${name}!"))
        }
        (Token::Punct(')'), Token::Punct(repeat @ ('*' | '+' | '?'))) => openers[i - 2]
            .filter(|&open| open > 0 && is_punct(tokens, open - 1, '$'))
            .map(|_| format!("$(…){repeat}!")),
        _ => None,
    }
}

/// For each closing bracket, where the bracket it closes is (`None` for every other token and for
/// a bracket that closes nothing).
fn openers(tokens: &[Lexed]) -> Vec<Option<usize>> {
    let mut open = Vec::new();
    let mut openers = vec![None; tokens.len()];
    for (k, lexed) in tokens.iter().enumerate() {
        match lexed.token {
            Token::Punct('(' | '[' | '{') => open.push(k),
            Token::Punct(')' | ']' | '}') => openers[k] = open.pop(),
            _ => {}
        }
    }
    openers
}

/// Reads one use tree from `i` (after `use` and a leading `::`), leaving `i` after it, and says
/// whether it could: a group nested deeper than [`MAX_USE_DEPTH`] is not read.
fn use_tree(
    tokens: &[Lexed],
    i: &mut usize,
    prefix: Vec<String>,
    out: &mut Vec<UseLeaf>,
    depth: usize,
) -> bool {
    if depth > MAX_USE_DEPTH {
        return false;
    }
    let mut path = prefix;
    while let Some(lexed) = tokens.get(*i) {
        let line = lexed.line;
        match &lexed.token {
            Token::Ident { .. } | Token::Punct('$') => {
                let Some((segment, last)) = segment_at(tokens, *i) else {
                    return true;
                };
                path.push(segment);
                *i = last + 1;
                if tokens.get(*i).is_some_and(|t| t.token == Token::PathSep) {
                    *i += 1;
                    continue;
                }
                if path.last().is_some_and(|last| last == "self") {
                    path.pop();
                }
                let mut binding = path.last().cloned();
                if is_word(tokens, *i, "as") {
                    binding = segment_at(tokens, *i + 1).map(|(name, _)| name);
                    *i += if is_punct(tokens, *i + 1, '$') { 3 } else { 2 };
                }
                out.push(UseLeaf {
                    path,
                    binding,
                    line,
                });
                return true;
            }
            Token::Punct('*') => {
                *i += 1;
                out.push(UseLeaf {
                    path,
                    binding: None,
                    line,
                });
                return true;
            }
            Token::Punct('{') => {
                *i += 1;
                loop {
                    if is_punct(tokens, *i, '}') {
                        *i += 1;
                        return true;
                    }
                    let at = *i;
                    if !use_tree(tokens, i, path.clone(), out, depth + 1) {
                        return false;
                    }
                    if is_punct(tokens, *i, ',') {
                        *i += 1;
                    } else if *i == at || !is_punct(tokens, *i, '}') {
                        return true;
                    }
                }
            }
            _ => return true,
        }
    }
    true
}
