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
        if let Forbidden::Path(forbidden) = entry {
            let hit = if completed_by_macro {
                could_be_under(&pattern, forbidden)
            } else {
                under(&pattern, forbidden)
            };
            if hit {
                found.push((entry.to_string(), shown.clone(), tokens[i].line));
            }
        }
    }
}

/// The segments of the path whose first segment is token `j`: names, and macro variables (`$m`)
/// kept with their `$`. `$crate` is the macro's own crate, not a variable.
fn segments(tokens: &[Lexed], mut j: usize) -> Vec<String> {
    let mut path = Vec::new();
    loop {
        let segment = if is_punct(tokens, j, '$') {
            let Some(name) = word(tokens, j + 1) else {
                break;
            };
            j += 1;
            if name == "crate" {
                "crate".to_owned()
            } else {
                format!("${name}")
            }
        } else {
            let Some(name) = word(tokens, j) else {
                break;
            };
            name.to_owned()
        };
        path.push(segment);
        if tokens.get(j + 1).is_some_and(|t| t.token == Token::PathSep) {
            j += 2;
        } else {
            break;
        }
    }
    path
}

/// Whether a segment is a macro's variable, which its caller can make any name.
fn is_variable(segment: &str) -> bool {
    segment.starts_with('$')
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

/// Whether `path` is `prefix` or under it, counting `std`, `core` and `alloc` as one crate.
pub(super) fn under(path: &[String], prefix: &[String]) -> bool {
    path.len() >= prefix.len() && !prefix.is_empty() && path[1..prefix.len()] == prefix[1..]
}

/// Whether `pattern`, with macro variables that could be any one name, could be `prefix` or under
/// it: `std::$m::exit` could be `std::process::exit`.
fn could_be_under(pattern: &[String], prefix: &[String]) -> bool {
    let fits = pattern.iter().zip(prefix).enumerate().all(|(k, (p, f))| {
        is_variable(p)
            || if k == 0 {
                STD_CRATES.contains(&p.as_str())
            } else {
                p == f
            }
    });
    fits && (pattern.len() >= prefix.len() || pattern.last().is_some_and(|s| is_variable(s)))
}
