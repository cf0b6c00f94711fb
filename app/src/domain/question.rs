//! The guides the sessions work on: objectives, organisation notes and the
//! guiding questions each session answers.

use super::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// The guide's id, e.g. the source document's section number.
    pub id: String,
    /// Where the source document has it, as readers cite it ("§" and a number);
    /// shown beside the session. None: the guide is cited by its title only.
    #[serde(default)]
    pub cited_as: Option<String>,
    pub title: Text,
    pub objectives_intro: Text,
    pub objectives: Vec<Text>,
    /// How the work is organised (where results go, how groups form, …).
    #[serde(default)]
    pub notes: Vec<Text>,
    /// The document's "Tiempo disponible" paragraph.
    pub time_note: Text,
    /// Paragraphs that introduce the questions.
    #[serde(default)]
    pub analysis_intro: Vec<Text>,
    pub questions: Vec<Question>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Unique within the guide: "a", "9".
    pub id: String,
    /// As printed: "a)", "1.".
    pub label: String,
    /// Heading the question sits under (§4.4: OFERTA, PROGRAMAS).
    #[serde(default)]
    pub section: Option<Text>,
    pub text: Text,
    /// Sub-items, in groups each with an optional introduction.
    #[serde(default)]
    pub parts: Vec<QuestionPart>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionPart {
    #[serde(default)]
    pub intro: Option<Text>,
    /// How a group's questionnaire answers this part (default: the items
    /// are prompts answered within the question's own text).
    #[serde(default, skip_serializing_if = "PartAnswer::is_default")]
    pub answer: PartAnswer,
    pub items: Vec<SubItem>,
}

/// How a part of a question is answered in a group's questionnaire.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartAnswer {
    /// Prompts for the question's text answer.
    #[default]
    Prompts,
    /// The group chooses among the items (§4.4 9: programmes a–f).
    Choices,
    /// For each item chosen in the previous `choices` part, the group
    /// answers each of these items (§4.4 9: support, actors, indicators).
    PerChoice,
}

impl PartAnswer {
    pub fn is_default(&self) -> bool {
        *self == PartAnswer::Prompts
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubItem {
    pub id: String,
    pub label: String,
    pub text: Text,
}

impl Guide {
    /// Every question and sub-item key of the guide, e.g. "4.2/a", "4.2/a/i".
    pub fn question_keys(&self) -> Vec<String> {
        let mut keys = Vec::new();
        for q in &self.questions {
            keys.push(format!("{}/{}", self.id, q.id));
            for (p, part) in q.parts.iter().enumerate() {
                for item in &part.items {
                    keys.push(format!("{}/{}/{}.{}", self.id, q.id, p + 1, item.id));
                }
            }
        }
        keys
    }
}
