//! A participant's profile (name, country or organisation, sector, group) with
//! its validation, and the group the app suggests from the country and sector.

use super::group::{Group, GroupSet, Sector};
use super::problem::{Field, Problem};
use super::Text;
use serde::{Deserialize, Serialize};

pub const MAX_NAME: usize = 60;
pub const MAX_AFFILIATION: usize = 80;

/// What a person fills in to join (or later to change).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileInput {
    pub name: String,
    pub affiliation: String,
    pub sector: String,
    pub group: String,
}

/// A validated profile, ready to store.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub name: Option<String>,
    pub affiliation: String,
    pub sector: Sector,
    pub group: String,
}

/// One problem with one field; the interface words `code` in the reader's
/// language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub code: Problem,
}

impl ProfileInput {
    /// Checks every field against the meeting's groups (`set`: the groups a
    /// participant picks from). Returns all problems at once.
    pub fn validate(&self, set: &GroupSet) -> Result<Profile, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self.name.trim();
        if name.chars().count() > MAX_NAME {
            errors.push(FieldError { field: Field::Name, code: Problem::TooLong });
        }
        let affiliation = self.affiliation.trim();
        if affiliation.is_empty() {
            errors.push(FieldError { field: Field::Affiliation, code: Problem::Required });
        } else if affiliation.chars().count() > MAX_AFFILIATION {
            errors.push(FieldError { field: Field::Affiliation, code: Problem::TooLong });
        }
        let sector = match self.sector.as_str() {
            "government" => Some(Sector::Government),
            "ngo" => Some(Sector::Ngo),
            "business" => Some(Sector::Business),
            _ => {
                errors.push(FieldError { field: Field::Sector, code: Problem::ChooseOne });
                None
            }
        };
        if self.group.trim().is_empty() {
            // Nothing chosen and nothing to suggest (a country no group lists).
            errors.push(FieldError { field: Field::Group, code: Problem::ChooseGroup });
        } else if !set.groups.iter().any(|g| g.id == self.group) {
            errors.push(FieldError { field: Field::Group, code: Problem::ChooseOne });
        }
        if has_control_chars(name) {
            errors.push(FieldError { field: Field::Name, code: Problem::BadCharacters });
        }
        if has_control_chars(affiliation) {
            errors.push(FieldError { field: Field::Affiliation, code: Problem::BadCharacters });
        }
        match (errors.is_empty(), sector) {
            (true, Some(sector)) => Ok(Profile {
                name: (!name.is_empty()).then(|| name.to_string()),
                affiliation: affiliation.to_string(),
                sector,
                group: self.group.clone(),
            }),
            _ => Err(errors),
        }
    }
}

fn has_control_chars(s: &str) -> bool {
    s.chars().any(|c| c.is_control())
}

/// Lower-case, accents and punctuation removed, spaces collapsed: "Perú"
/// matches "peru ", "St. Vincent" matches "st vincent", "Antigua-et-Barbuda"
/// matches "antigua et barbuda".
pub fn fold(s: &str) -> String {
    let folded: String = s
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | '\'' | '’' | '(' | ')'))
        .map(|c| match c {
            '-' | '/' => ' ',
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
            'ñ' | 'Ñ' => 'n',
            'ç' | 'Ç' => 'c',
            other => other.to_lowercase().next().unwrap_or(other),
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The group a newcomer most likely belongs to: NGOs and business go to their
/// sector's group; a government delegate goes to the group that lists
/// their country (or organisation, e.g. Mercosur), in any language the seed
/// gives (its names' translations and `aliases`). `None` when nothing fits:
/// the person then chooses.
pub fn suggest_group<'a>(groups: &'a [Group], affiliation: &str, sector: Sector) -> Option<&'a Group> {
    match sector {
        Sector::Ngo | Sector::Business => groups.iter().find(|g| g.sector == sector),
        Sector::Government => {
            let wanted = fold(affiliation);
            groups.iter().filter(|g| g.sector == Sector::Government).find(|g| {
                let names = g.countries.iter().chain(&g.organisations).flat_map(Text::all);
                names.chain(g.aliases.iter().map(String::as_str)).any(|name| fold(name) == wanted)
            })
        }
        Sector::Mixed => None,
    }
}

/// Every country and organisation the seed names, in `lang`, for the join
/// form's list.
pub fn known_affiliations(set: &GroupSet, lang: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for g in &set.groups {
        for n in g.countries.iter().chain(g.organisations.iter()).map(|t| t.get(lang)) {
            if !names.iter().any(|x| fold(x) == fold(n)) {
                names.push(n.to_string());
            }
        }
    }
    names.sort_by_key(|n| fold(n));
    names
}

#[cfg(test)]
#[path = "participant_tests.rs"]
mod tests;
