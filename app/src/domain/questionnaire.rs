//! A group's questionnaire (session 4, §4.4): one text answer per question;
//! where a question offers choices (programmes a–f of question 9), the
//! choice, and for each chosen item the per-choice aspects (technical
//! support, financial support, key actors, coordinating organisation,
//! indicators). Items are cells keyed as below, derived from the guide alone,
//! so another meeting's seed gets its own questionnaire.
//!
//! Keys: "4.4/1" (text), "4.4/9/choice" (choice ids), "4.4/9/b/a" (aspect `a`
//! of chosen item `b`).

use super::question::{Guide, PartAnswer, Question};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ItemKind {
    Text,
    /// The allowed item ids.
    Choice(Vec<String>),
}

/// The choices and per-choice aspects of a question, if it has them.
pub fn choice_parts(q: &Question) -> Option<(&super::question::QuestionPart, Option<&super::question::QuestionPart>)> {
    let at = q.parts.iter().position(|p| p.answer == PartAnswer::Choices)?;
    let per = q.parts.get(at + 1).filter(|p| p.answer == PartAnswer::PerChoice);
    Some((&q.parts[at], per))
}

/// What the item `key` of the guide's questionnaire holds; `None` if the
/// guide has no such item.
pub fn item_kind(guide: &Guide, key: &str) -> Option<ItemKind> {
    let rest = key.strip_prefix(&guide.id)?.strip_prefix('/')?;
    let mut parts = rest.split('/');
    let id = parts.next()?;
    let q = guide.questions.iter().find(|q| q.id == id)?;
    match (parts.next(), parts.next(), parts.next()) {
        (None, _, _) => Some(ItemKind::Text),
        (Some("choice"), None, _) => {
            let (choices, _) = choice_parts(q)?;
            Some(ItemKind::Choice(choices.items.iter().map(|i| i.id.clone()).collect()))
        }
        (Some(choice), Some(aspect), None) => {
            let (choices, per) = choice_parts(q)?;
            let ok = choices.items.iter().any(|i| i.id == choice) && per?.items.iter().any(|i| i.id == aspect);
            ok.then_some(ItemKind::Text)
        }
        _ => None,
    }
}

/// Every item key of the guide's questionnaire, in reading order.
pub fn item_keys(guide: &Guide) -> Vec<String> {
    let mut keys = Vec::new();
    for q in &guide.questions {
        let base = format!("{}/{}", guide.id, q.id);
        keys.push(base.clone());
        if let Some((choices, per)) = choice_parts(q) {
            keys.push(format!("{base}/choice"));
            for c in &choices.items {
                for a in per.map(|p| p.items.as_slice()).unwrap_or_default() {
                    keys.push(format!("{base}/{}/{}", c.id, a.id));
                }
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guide() -> Guide {
        let seed = crate::domain::parse_seed("s", include_str!("../../../seeds/meeting.toml")).unwrap();
        seed.guides.into_iter().find(|g| g.id == "4.4").unwrap()
    }

    #[test]
    fn the_10yfp_questionnaire_has_eight_offer_answers_and_the_programme_grid() {
        let g = guide();
        let keys = item_keys(&g);
        // 9 question texts + 1 choice + 6 programmes × 5 aspects.
        assert_eq!(keys.len(), 9 + 1 + 30);
        assert_eq!(item_kind(&g, "4.4/3"), Some(ItemKind::Text));
        let programmes: Vec<String> = ["a", "b", "c", "d", "e", "f"].map(String::from).to_vec();
        assert_eq!(item_kind(&g, "4.4/9/choice"), Some(ItemKind::Choice(programmes)));
        assert_eq!(item_kind(&g, "4.4/9/b/e"), Some(ItemKind::Text));
    }

    #[test]
    fn unknown_items_are_rejected() {
        let g = guide();
        for bad in ["4.4/10", "4.4/1/choice", "4.4/9/g/a", "4.4/9/a/f", "4.2/a", "4.4", "4.4/9/a/b/c"] {
            assert_eq!(item_kind(&g, bad), None, "{bad}");
        }
    }
}
