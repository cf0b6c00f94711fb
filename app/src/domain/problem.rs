//! The reasons a request is refused that a person can act on, as the server
//! sends them and the interface words them (`ui::components::form_error`
//! matches every one, so a new reason cannot ship without its sentence).
//! On the wire each is its snake_case name (`"choose_one"`).

use serde::{Deserialize, Serialize};

/// The field of a request a problem is about, as forms name their inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    // What a person types or picks in a form.
    Code,
    Name,
    Affiliation,
    Sector,
    Group,
    Participant,
    Text,
    Question,
    Dimension,
    Origin,
    Minutes,
    // What the page sends on its own (a person cannot get these wrong by
    // typing; the interface words them all as "the request").
    Command,
    Op,
    Key,
    Target,
    Step,
    Source,
    Session,
    Page,
    Mode,
    Item,
    Every,
    Block,
    Request,
}

/// What is wrong with one field of a request (HTTP 422).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// A meeting code that is not six letters and digits.
    CodeFormat,
    /// A code or link that is not (or no longer) the meeting's.
    WrongCode,
    Required,
    TooLong,
    /// A value that is not one of those offered.
    ChooseOne,
    /// No group chosen, and none to suggest from what the person typed.
    ChooseGroup,
    BadCharacters,
    NotInGroup,
    /// Minutes outside what a time box allows.
    MinutesRange,
    /// A number outside what the action allows (a clock adjustment).
    OutOfRange,
    /// A request without one of its values.
    Missing,
    /// A request the server could not read as the function's arguments.
    Unreadable,
    /// A request body over the server's limit.
    TooLarge,
    /// A request body that is not UTF-8 text.
    NotText,
}

/// Why an action cannot happen now (HTTP 409).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictReason {
    NotStarted,
    AlreadyStarted,
    NotRunning,
    NotPaused,
    Ended,
    LastSegment,
    /// A clock adjustment that would leave the segment without time.
    AdjustRange,
    NothingToUndo,
    /// The column (or the matrix lines) is not filled in the session under way.
    ColumnClosed,
    Delivered,
    NotDelivered,
    DimensionFull,
    /// The group does not work in the session under way.
    NotThisSession,
    AnswersClosed,
    TooMany,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_travel_as_their_snake_case_names() {
        assert_eq!(serde_json::to_string(&Problem::ChooseOne).unwrap(), "\"choose_one\"");
        assert_eq!(serde_json::to_string(&ConflictReason::ColumnClosed).unwrap(), "\"column_closed\"");
        assert_eq!(serde_json::from_str::<Problem>("\"minutes_range\"").unwrap(), Problem::MinutesRange);
        assert_eq!(serde_json::to_string(&Field::Affiliation).unwrap(), "\"affiliation\"");
    }
}
