//! Working groups: the groups of each group set the seed lists, and the
//! four mixed groups of session 4.

use super::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// Government representatives (of the countries the group lists).
    Government,
    Ngo,
    Business,
    /// Groups mixing people of the other groups and sectors.
    Mixed,
}

impl Sector {
    pub fn as_str(self) -> &'static str {
        match self {
            Sector::Government => "government",
            Sector::Ngo => "ngo",
            Sector::Business => "business",
            Sector::Mixed => "mixed",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupSet {
    pub id: String,
    /// Participants choose their group from this set when they join (one
    /// set of the seed says so); the others are formed at the meeting.
    #[serde(default)]
    pub join: bool,
    pub title: Text,
    #[serde(default)]
    pub description: Option<Text>,
    pub groups: Vec<Group>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Unique across the whole seed.
    pub id: String,
    pub number: u32,
    /// Short name, as lists and the projector show it.
    pub name: Text,
    /// As the document introduces it ("Grupo 1: …").
    pub label: Text,
    pub sector: Sector,
    /// The document's sentence describing who belongs to the group.
    #[serde(default)]
    pub description: Option<Text>,
    /// Member countries, as named in the document (Spanish) and in each language.
    #[serde(default)]
    pub countries: Vec<Text>,
    /// Member organisations that are not countries (e.g. Mercosur).
    #[serde(default)]
    pub organisations: Vec<Text>,
    /// Other ways delegates write those names (in English, Portuguese,
    /// French, or a longer official form): "Brazil", "Brésil", "Saint Vincent
    /// and the Grenadines". Matched when suggesting a group; not shown.
    #[serde(default)]
    pub aliases: Vec<String>,
}
