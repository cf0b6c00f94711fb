//! Who wrote a change, kept as data so that every reader sees it named in
//! their own language ("Coordinación del grupo", "Group coordinator"). A
//! person's name is kept as typed. Stored as one string: the roles start with
//! a control character, which a typed name can never hold (names with control
//! characters are refused), so the two never mix. Strings stored before this
//! existed ("Coordinación <group>") read as names and show as they were.

const MARK: char = '\u{1f}';

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Author {
    /// The organizing committee.
    Committee,
    /// The coordinator (or deputy) of the group with this id.
    Coordinator(String),
    /// A person, by the name they gave.
    Person(String),
}

impl Author {
    /// The string kept in the database.
    pub fn stored(&self) -> String {
        match self {
            Author::Committee => format!("{MARK}committee"),
            Author::Coordinator(group) => format!("{MARK}coordinator:{group}"),
            Author::Person(name) => name.clone(),
        }
    }

    /// Reads a stored string back; anything unrecognised is a name.
    pub fn from_stored(s: &str) -> Author {
        match s.strip_prefix(MARK) {
            Some("committee") => Author::Committee,
            Some(rest) => match rest.strip_prefix("coordinator:") {
                Some(group) => Author::Coordinator(group.to_string()),
                None => Author::Person(s.to_string()),
            },
            None => Author::Person(s.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_and_names_stay_as_typed() {
        for a in [Author::Committee, Author::Coordinator("andina".into()), Author::Person("Ana Pérez".into())] {
            assert_eq!(Author::from_stored(&a.stored()), a);
        }
        // What was stored before authorship was data reads as a name.
        assert_eq!(Author::from_stored("Coordinación Caribe"), Author::Person("Coordinación Caribe".into()));
        assert_eq!(Author::from_stored("committee"), Author::Person("committee".into()));
    }
}
