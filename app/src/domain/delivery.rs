//! A group's result for a session, delivered to the organizing committee.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    pub group: String,
    pub session: u32,
    /// Unix ms.
    pub at: i64,
    pub by: String,
}

/// Whether `group` delivered its result for `session`.
pub fn is_delivered(all: &[Delivery], group: &str, session: u32) -> bool {
    all.iter().any(|d| d.group == group && d.session == session)
}
