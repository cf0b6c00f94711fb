//! Participants' answers to the guiding questions of their group's session:
//! several per question and person, grouped by question for the coordinator,
//! who can promote one into a matrix cell with its author's name.

use super::question::Guide;
use serde::{Deserialize, Serialize};

/// Longest answer (characters).
pub const MAX_ANSWER_CHARS: usize = 2000;
/// Answers one person may give to one question.
pub const MAX_ANSWERS_PER_QUESTION: usize = 20;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub id: i64,
    /// "4.2/a": guide id and question id.
    pub question: String,
    pub text: String,
    pub participant: i64,
    /// Name (if given) and country or organisation, for attribution.
    pub author: Option<String>,
    pub affiliation: String,
    /// Last change, unix ms.
    pub at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    Required,
    TooLong,
}

/// Cleans an answer (`typed_text::clean`), trims it and checks its length.
pub fn normalise(text: &str) -> Result<String, AnswerError> {
    let cleaned = super::typed_text::clean(text);
    let t = cleaned.trim();
    match t.chars().count() {
        0 => Err(AnswerError::Required),
        n if n > MAX_ANSWER_CHARS => Err(AnswerError::TooLong),
        _ => Ok(t.to_string()),
    }
}

/// The key of each question of a guide that people answer ("4.2/a").
/// Sub-items (a.i–iii, 9 a–f) are answered as part of their question.
pub fn question_keys(guide: &Guide) -> Vec<String> {
    guide.questions.iter().map(|q| format!("{}/{}", guide.id, q.id)).collect()
}

/// "Ana (Perú)", or just "Perú" for someone who gave no name.
pub fn attribution(answer: &Answer) -> String {
    match answer.author.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => format!("{name} ({})", answer.affiliation),
        None => answer.affiliation.clone(),
    }
}

/// A cell's text with a promoted answer appended on its own line, attributed.
pub fn append_promoted(cell: &str, answer: &Answer) -> String {
    super::cells::append_line(cell, &format!("{} — {}", answer.text, attribution(answer)))
}

/// Answers grouped under the guide's questions, in the guide's order;
/// within a question, oldest first.
pub fn by_question(guide: &Guide, mut answers: Vec<Answer>) -> Vec<(String, Vec<Answer>)> {
    answers.sort_by_key(|a| (a.at, a.id));
    question_keys(guide)
        .into_iter()
        .map(|key| {
            let mine: Vec<Answer> = answers.iter().filter(|a| a.question == key).cloned().collect();
            (key, mine)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(id: i64, question: &str, text: &str, at: i64) -> Answer {
        Answer {
            id,
            question: question.into(),
            text: text.into(),
            participant: 1,
            author: Some("Ana".into()),
            affiliation: "Perú".into(),
            at,
        }
    }

    #[test]
    fn answers_are_trimmed_required_and_bounded() {
        assert_eq!(normalise("  Compras verdes \n"), Ok("Compras verdes".into()));
        assert_eq!(normalise(" \n "), Err(AnswerError::Required));
        assert_eq!(normalise(&"a".repeat(MAX_ANSWER_CHARS + 1)), Err(AnswerError::TooLong));
    }

    #[test]
    fn a_promoted_answer_is_appended_once_with_its_author() {
        let a = answer(1, "4.2/a", "Compras públicas", 1);
        assert_eq!(append_promoted("", &a), "Compras públicas — Ana (Perú)");
        let once = append_promoted("Etiquetado\n", &a);
        assert_eq!(once, "Etiquetado\nCompras públicas — Ana (Perú)");
        assert_eq!(append_promoted(&once, &a), once);
        let anonymous = Answer { author: None, ..a };
        assert_eq!(attribution(&anonymous), "Perú");
    }

    #[test]
    fn answers_follow_the_guide_order_and_time() {
        let seed = crate::domain::parse_seed("s", include_str!("../../../seeds/meeting.toml")).unwrap();
        let guide = seed.guides.iter().find(|g| g.id == "4.2").unwrap();
        let grouped = by_question(guide, vec![answer(2, "4.2/c", "late", 9), answer(1, "4.2/a", "x", 5), answer(3, "4.2/c", "early", 1)]);
        assert_eq!(grouped.len(), 7, "a–g");
        assert_eq!(grouped[0].0, "4.2/a");
        assert_eq!(grouped[2].1.iter().map(|a| a.text.as_str()).collect::<Vec<_>>(), ["early", "late"]);
    }
}
