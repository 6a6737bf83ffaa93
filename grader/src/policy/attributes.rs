//! Forbidden attributes: `#[path = ..]`, `#![path = ..]`, inside `cfg_attr(..)` and `unsafe(..)`,
//! and an attribute whose name a macro's caller fills in (`#[$attr]`). One pass over the tokens.

use super::forbidden::Forbidden;
use super::lexer::{Lexed, Token, is_punct, word};

/// What a bracket opens, as far as attributes go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Opened {
    /// `#[` or `#![` (`inner`): the attribute's name comes first.
    Attribute {
        inner: bool,
    },
    /// `cfg_attr(` or `unsafe(` inside an attribute: a list that holds attributes.
    AttributeList {
        inner: bool,
    },
    Other,
}

/// Flags every forbidden attribute in `tokens`.
pub(super) fn find_attributes(
    tokens: &[Lexed],
    forbid: &[Forbidden],
    found: &mut Vec<(String, String, usize)>,
) {
    if !forbid.iter().any(|f| matches!(f, Forbidden::Attribute(_))) {
        return;
    }
    let mut open: Vec<Opened> = Vec::new();
    for k in 0..tokens.len() {
        let enclosing = open.last().copied().unwrap_or(Opened::Other);
        match tokens[k].token {
            Token::Punct('[') => open.push(if k >= 1 && is_punct(tokens, k - 1, '#') {
                Opened::Attribute { inner: false }
            } else if k >= 2 && is_punct(tokens, k - 1, '!') && is_punct(tokens, k - 2, '#') {
                Opened::Attribute { inner: true }
            } else {
                Opened::Other
            }),
            Token::Punct(c @ ('(' | '{')) => {
                let holder = c == '('
                    && matches!(
                        k.checked_sub(1).and_then(|p| word(tokens, p)),
                        Some("cfg_attr" | "unsafe")
                    );
                open.push(match enclosing {
                    Opened::Attribute { inner } | Opened::AttributeList { inner } if holder => {
                        Opened::AttributeList { inner }
                    }
                    _ => Opened::Other,
                });
            }
            Token::Punct(']' | ')' | '}') => {
                open.pop();
            }
            _ => {}
        }
        let inner = match enclosing {
            Opened::Attribute { inner } if is_punct(tokens, k - 1, '[') => inner,
            Opened::AttributeList { inner }
                if is_punct(tokens, k - 1, '(') || is_punct(tokens, k - 1, ',') =>
            {
                inner
            }
            _ => continue,
        };
        let bang = if inner { "!" } else { "" };
        // A tool attribute (`rustfmt::skip`) is not a built-in one.
        let name = match &tokens[k].token {
            Token::Ident { name, .. }
                if tokens.get(k + 1).map(|t| &t.token) != Some(&Token::PathSep) =>
            {
                name
            }
            Token::Punct('$') => {
                // The macro's caller chooses the attribute: any of the forbidden ones.
                if let Some(entry) = forbid.iter().find(|f| matches!(f, Forbidden::Attribute(_))) {
                    found.push((entry.to_string(), format!("#{bang}[$…]"), tokens[k].line));
                }
                continue;
            }
            _ => continue,
        };
        for entry in forbid {
            if matches!(entry, Forbidden::Attribute(forbidden) if forbidden == name) {
                found.push((
                    entry.to_string(),
                    format!("#{bang}[{name}]"),
                    tokens[k].line,
                ));
            }
        }
    }
}
