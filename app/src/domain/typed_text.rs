//! Text people type, made safe to keep and to put in any document: line
//! breaks of every kind become `\n` (Word's Shift+Enter pastes a vertical
//! tab, old Macs a lone `\r`), tabs stay, and other control characters —
//! which no one means to type and which make a DOCX unreadable — go.

/// `text` with every line break as `\n` and no other control character
/// than the tab.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push('\t'),
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::clean;
    use proptest::prelude::*;

    #[test]
    fn every_line_break_becomes_a_newline_and_tabs_stay() {
        assert_eq!(clean("uno\u{0b}dos\r\ntres\rcuatro\u{2028}cinco"), "uno\ndos\ntres\ncuatro\ncinco");
        assert_eq!(clean("a\tb"), "a\tb");
    }

    #[test]
    fn other_control_characters_go_and_words_stay() {
        assert_eq!(clean("gesti\u{01}ón\u{7f} energía\u{0}"), "gestión energía");
        assert_eq!(clean("=HYPERLINK(\"x\") <b>&amp;</b>"), "=HYPERLINK(\"x\") <b>&amp;</b>");
    }

    proptest! {
        #[test]
        fn the_result_is_valid_xml_text_and_cleaning_twice_changes_nothing(s in "\\PC*|[\\x00-\\x1f\\u{2028}a-z]*") {
            let once = clean(&s);
            prop_assert!(once.chars().all(|c| c == '\n' || c == '\t' || !c.is_control()));
            prop_assert_eq!(clean(&once), once);
        }
    }
}
