//! Forbidden attributes: `#[path = ..]`, `#![path = ..]`, inside `cfg_attr(..)` and `unsafe(..)`,
//! and an attribute whose name a macro's caller fills in (`#[$attr]`).

use super::forbidden::Forbidden;
use super::lexer::{Lexed, Token, is_punct, word};

/// Flags a forbidden attribute in the attribute that starts with the `#` at `i`, if one does.
pub(super) fn check_attribute(
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
    // `cfg_attr(condition, attribute, ..)` and `unsafe(attribute)` hold attributes in their lists.
    let holds_attributes = matches!(word(tokens, open + 1), Some("cfg_attr" | "unsafe"));
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
            Token::Punct('$')
                if k == open + 1
                    || (holds_attributes
                        && matches!(tokens[k - 1].token, Token::Punct('(' | ','))) =>
            {
                "$"
            }
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
