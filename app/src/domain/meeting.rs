//! The meeting itself: title, place, dates and objectives.

use super::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Stable identifier of the meeting; the database is keyed by it.
    pub slug: String,
    pub title: Text,
    /// A short name for headers and the browser tab.
    pub short_title: Text,
    pub document: Text,
    pub place: Text,
    /// The dates as the document prints them.
    pub dates_label: Text,
    /// ISO dates (YYYY-MM-DD).
    pub start_date: String,
    pub end_date: String,
    pub objectives_intro: Text,
    pub objectives: Vec<Text>,
}

/// What the coordinator each group chooses is responsible for (seed §4.1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoordinatorRole {
    pub intro: Text,
    pub duties: Vec<Text>,
}

/// True when `s` is a calendar date written YYYY-MM-DD.
pub fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return false;
    }
    let nums: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
    match nums.as_deref() {
        Some([_, m, d]) => (1..=12).contains(m) && (1..=31).contains(d),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_are_recognised() {
        assert!(is_iso_date("2007-10-18"));
        assert!(!is_iso_date("18-10-2007"));
        assert!(!is_iso_date("2007-13-01"));
        assert!(!is_iso_date("2007-1-01"));
    }
}
