//! Makes text from learner code safe to print on a terminal: control characters are shown escaped.
//!
//! A test's name, its panic message, its output and a compiler error quoting its code are all
//! written by the learner (or by whatever the learner's code printed). Printed raw, an escape
//! sequence in them could clear the screen or paint a fake "✓ all passed", a carriage return could
//! overwrite a line, and a bidirectional control could make text read differently from what it
//! is. [`for_terminal`] shows each such character as its Rust escape (`\u{1b}`, `\r`), so what the
//! learner sees is what is there. Newlines and tabs are layout, and are kept.

use std::borrow::Cow;

/// `text` with every character a terminal would interpret rather than show replaced by its Rust
/// escape (`\u{1b}`, `\r`, `\u{202e}`). Borrows `text` when there is nothing to replace.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    let Some(first) = text.find(is_interpreted) else {
        return Cow::Borrowed(text);
    };
    let mut shown = String::with_capacity(text.len() + 16);
    shown.push_str(&text[..first]);
    for c in text[first..].chars() {
        if is_interpreted(c) {
            shown.extend(c.escape_default());
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

/// Whether a terminal would act on `c` instead of showing it: a control character (ESC starts
/// the ANSI escape sequences, CR returns to the start of the line) other than newline and tab, or
/// a character that changes the direction text is laid out in.
fn is_interpreted(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        // C0 controls (with ESC and CR), DEL, and the C1 controls (U+009B is a one-byte CSI).
        '\u{0}'..='\u{1f}' | '\u{7f}' | '\u{80}'..='\u{9f}' => true,
        // Bidirectional controls: the Arabic letter mark, the left-to-right and right-to-left
        // marks, the embeddings and overrides, and the isolates.
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bidirectional controls, listed independently of [`is_interpreted`].
    const BIDI_CONTROLS: [char; 12] = [
        '\u{61c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}',
        '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
    ];

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        let text = "assertion `left == right` failed: ✓ café 日本 🦀\n\tleft: 2";
        assert!(matches!(for_terminal(text), Cow::Borrowed(t) if t == text));
        assert!(matches!(for_terminal(""), Cow::Borrowed("")));
    }

    #[test]
    fn escape_sequences_and_carriage_returns_are_shown_not_obeyed() {
        assert_eq!(
            for_terminal("\x1b[2J\x1b[32m✓ all passed\x1b[0m"),
            "\\u{1b}[2J\\u{1b}[32m✓ all passed\\u{1b}[0m"
        );
        assert_eq!(for_terminal("FAILED\rok    "), "FAILED\\rok    ");
        assert_eq!(
            for_terminal("nul\0 bell\x07 del\x7f csi\u{9b}"),
            "nul\\u{0} bell\\u{7} del\\u{7f} csi\\u{9b}"
        );
        assert_eq!(for_terminal("one\ntwo\tthree"), "one\ntwo\tthree");
    }

    #[test]
    fn bidirectional_controls_are_shown_escaped() {
        assert_eq!(
            for_terminal("let ok = \u{202e}eslaf\u{202c};"),
            "let ok = \\u{202e}eslaf\\u{202c};"
        );
        for control in BIDI_CONTROLS {
            let shown = for_terminal(&control.to_string()).into_owned();
            assert_eq!(shown, format!("\\u{{{:x}}}", u32::from(control)));
        }
    }

    #[test]
    fn no_character_reaches_the_terminal_that_it_would_interpret() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let text = c.to_string();
            let shown = for_terminal(&text);
            let dangerous =
                |c: char| (c.is_control() && c != '\n' && c != '\t') || BIDI_CONTROLS.contains(&c);
            assert!(
                !shown.chars().any(dangerous),
                "U+{:04X} came out as {shown:?}",
                u32::from(c)
            );
            if !dangerous(c) {
                assert_eq!(shown, text, "U+{:04X} is shown as it is", u32::from(c));
            }
        }
    }
}
