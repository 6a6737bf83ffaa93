//! Forbidden paths: a path in the code, resolved through the file's imports and `extern crate`
//! aliases, and a path a macro completes (`std::$module::exit`, `$root::process::exit`).

use std::collections::HashMap;

use super::forbidden::{Forbidden, STD_CRATES};
use super::lexer::{Lexed, Token, is_punct, word};

/// Names in scope that lead into a std crate: `std`, `core`, `alloc`, their `extern crate` aliases
/// and what `use` brought in from them (`process` → `std::process`).
pub(super) type Aliases = HashMap<String, Vec<String>>;

/// Flags the path that starts at token `i`, if one does and it leads under a forbidden path.
pub(super) fn check_path(
    tokens: &[Lexed],
    i: usize,
    aliases: &Aliases,
    forbid: &[Forbidden],
    found: &mut Vec<(String, String, usize)>,
) {
    let previous = i.checked_sub(1).map(|p| &tokens[p].token);
    // The middle of a path, a field or method, or the name of a macro variable.
    if matches!(previous, Some(Token::PathSep | Token::Punct('.' | '$'))) {
        return;
    }
    let crate_rooted = tokens[i].token == Token::PathSep;
    // `Vec::new`, `<T>::new`: the `::` continues a path that is not std's.
    if crate_rooted && matches!(previous, Some(Token::Ident { .. } | Token::Punct('>'))) {
        return;
    }
    let written = segments(tokens, if crate_rooted { i + 1 } else { i });
    if written.is_empty() || (written.len() < 2 && !crate_rooted) {
        return;
    }
    let pattern = if crate_rooted {
        // `::name` is a crate: std itself, an `extern crate` alias of it, or (when a macro joins
        // `std` to `::process::exit`) a crate the policy cannot see: any crate.
        match aliases.get(&written[0]) {
            Some(target) if target.len() == 1 => [target.as_slice(), &written[1..]].concat(),
            _ => [&["$crate_root".to_owned()], written.as_slice()].concat(),
        }
    } else if is_variable(&written[0]) {
        written.clone()
    } else {
        match resolve(&written, aliases) {
            Some(resolved) => resolved,
            None => return,
        }
    };
    let completed_by_macro = pattern.iter().any(|s| is_variable(s));
    let shown = if completed_by_macro {
        let rooted = if crate_rooted { "::" } else { "" };
        format!("{rooted}{}", written.join("::"))
    } else {
        pattern.join("::")
    };
    for entry in forbid {
        if let Forbidden::Path(forbidden) = entry
            && could_be_under(&pattern, forbidden)
        {
            found.push((entry.to_string(), shown.clone(), tokens[i].line));
        }
    }
}

/// The segments of the path whose first segment is token `j`: see [`segment_at`].
fn segments(tokens: &[Lexed], mut j: usize) -> Vec<String> {
    let mut path = Vec::new();
    while let Some((segment, last)) = segment_at(tokens, j) {
        path.push(segment);
        if tokens
            .get(last + 1)
            .is_some_and(|t| t.token == Token::PathSep)
        {
            j = last + 2;
        } else {
            break;
        }
    }
    path
}

/// The path segment at token `j` and the index of its last token: a name, or a macro variable
/// (`$m`) kept with its `$`. `$crate` is the macro's own crate, `crate`, not a variable.
pub(super) fn segment_at(tokens: &[Lexed], j: usize) -> Option<(String, usize)> {
    if is_punct(tokens, j, '$') {
        let name = word(tokens, j + 1)?;
        let segment = if name == "crate" {
            "crate".to_owned()
        } else {
            format!("${name}")
        };
        return Some((segment, j + 1));
    }
    Some((word(tokens, j)?.to_owned(), j))
}

/// Whether a segment is a macro's variable, which its caller can make any name.
pub(super) fn is_variable(segment: &str) -> bool {
    segment.starts_with('$')
}

/// What `path` can stand for: itself when a macro variable starts it (the caller can make it
/// `std`), else what [`resolve`] makes of it.
pub(super) fn pattern_of(path: &[String], aliases: &Aliases) -> Option<Vec<String>> {
    match path.first() {
        Some(first) if is_variable(first) => Some(path.to_vec()),
        _ => resolve(path, aliases),
    }
}

/// `path` from its first segment that leads into a std crate (a crate name, an `extern crate`
/// alias, a `use` from std), with that segment replaced by what it names. The segments before it
/// are modules of the file that can hold such a name (`self::std::process`, `m::std::process`,
/// `crate::p::exit`), whatever their case. (A type's associated item named like an import,
/// `Display::fmt`, resolves too, but lands on the module itself, which no item policy covers.)
pub(super) fn resolve(path: &[String], aliases: &Aliases) -> Option<Vec<String>> {
    let k = path
        .iter()
        .position(|segment| aliases.contains_key(segment))?;
    Some([aliases[&path[k]].as_slice(), &path[k + 1..]].concat())
}

/// Whether `pattern` and `forbidden` agree as far as both go, counting `std`, `core` and `alloc`
/// as one crate and a macro variable as any name: a glob import of the one brings in the other,
/// or the other way round.
pub(super) fn fits(pattern: &[String], forbidden: &[String]) -> bool {
    !pattern.is_empty()
        && pattern
            .iter()
            .zip(forbidden)
            .enumerate()
            .all(|(k, (p, f))| {
                is_variable(p)
                    || if k == 0 {
                        STD_CRATES.contains(&p.as_str())
                    } else {
                        p == f
                    }
            })
}

/// Whether `pattern` is `forbidden` or under it, or could be once a macro fills in its variables:
/// `std::process::exit` and `std::$m::exit` are under `std::process`.
pub(super) fn could_be_under(pattern: &[String], forbidden: &[String]) -> bool {
    fits(pattern, forbidden)
        && (pattern.len() >= forbidden.len() || pattern.last().is_some_and(|s| is_variable(s)))
}
