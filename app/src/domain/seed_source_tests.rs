//! The shipped seed quotes the preparatory document: every guiding question,
//! sub-item, objective and duty must occur word for word in the source text
//! (`seeds/source/documento-preparatorio.txt`), once its layout markup
//! (bold, underline, bullets, line breaks) is set aside.

use super::*;
use crate::domain::Text;

const SHIPPED: &str = include_str!("../../../seeds/meeting.toml");
const SOURCE: &str = include_str!("../../../seeds/source/documento-preparatorio.txt");

/// Drops inline markup and collapses whitespace so only the words remain.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        match rest[start..].find('>') {
            Some(end) => {
                let tag = &rest[start..start + end + 1];
                // Inline tags vanish; block tags separate words.
                let inline = ["<u>", "</u>", "<i>", "</i>", "<b>", "</b>", "<sup>", "</sup>"];
                if !inline.contains(&tag) {
                    out.push(' ');
                }
                rest = &rest[start + end + 1..];
            }
            None => {
                rest = &rest[start..];
                break;
            }
        }
    }
    out.push_str(rest);
    let out = out.replace("**", "").replace('*', "");
    let out: String = out.chars().filter(|c| !"¹²³⁴⁵".contains(*c)).collect();
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_quoted(what: &str, text: &Text, source: &str) {
    let quote = normalise(text.spanish());
    assert!(source.contains(&quote), "{what} is not verbatim from the document: {quote:?}");
}

#[test]
fn questions_objectives_and_duties_are_quoted_verbatim() {
    let seed = parse_seed("seeds/meeting.toml", SHIPPED).expect("valid seed");
    let source = normalise(SOURCE);
    let mut checked = 0;
    for (i, o) in seed.meeting.objectives.iter().enumerate() {
        assert_quoted(&format!("meeting objective {}", i + 1), o, &source);
        checked += 1;
    }
    for d in &seed.coordinator.duties {
        assert_quoted("coordinator duty", d, &source);
        checked += 1;
    }
    for g in &seed.guides {
        for o in &g.objectives {
            assert_quoted(&format!("objective of §{}", g.id), o, &source);
            checked += 1;
        }
        assert_quoted(&format!("time of §{}", g.id), &g.time_note, &source);
        for q in &g.questions {
            assert_quoted(&format!("question §{} {}", g.id, q.label), &q.text, &source);
            checked += 1;
            for part in &q.parts {
                if let Some(intro) = &part.intro {
                    assert_quoted(&format!("§{} {} intro", g.id, q.label), intro, &source);
                }
                for item in &part.items {
                    assert_quoted(&format!("§{} {} {}", g.id, q.label, item.label), &item.text, &source);
                    checked += 1;
                }
            }
        }
    }
    for a in &seed.reference_part("ilac").expect("the areas' list").entries {
        assert_quoted("ILAC area", &a.name, &source);
    }
    // 6 objectives + 3 duties + 5 guide objectives + 20 questions + 14 sub-items at least.
    assert!(checked >= 48, "only {checked} texts checked");
}

#[test]
fn the_check_notices_a_changed_word() {
    let source = normalise(SOURCE);
    let altered = Text::es("Con qué organismos o programas de cooperación puede vincularse en el mundo?");
    assert!(!source.contains(&normalise(altered.spanish())));
}

#[test]
fn quoted_questions_leave_the_document_s_stray_punctuation_behind() {
    // §4.4 question 2 ends "(Task Forces)? ," in the document: quoting it
    // whole put a lone comma on the projector.
    let seed = parse_seed("seeds/meeting.toml", SHIPPED).expect("valid seed");
    for g in &seed.guides {
        for q in &g.questions {
            let text = q.text.spanish().trim_end();
            assert!(!text.ends_with(',') && !text.ends_with(';') && !text.contains(" ,"), "§{} {}: {text:?}", g.id, q.label);
        }
    }
}
