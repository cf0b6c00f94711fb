//! The meeting code participants type on a phone: six characters from an
//! alphabet without look-alikes (no 0/O, 1/I/L), so it survives being read
//! aloud or copied from a projector.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Letters and digits that cannot be mistaken for one another.
pub const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
pub const LENGTH: usize = 6;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct JoinCode(String);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JoinCodeError {
    WrongLength(usize),
    BadCharacter(char),
}

impl fmt::Display for JoinCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JoinCodeError::WrongLength(n) => write!(f, "the code has {LENGTH} characters, not {n}"),
            JoinCodeError::BadCharacter(c) => write!(f, "\"{c}\" is not used in meeting codes"),
        }
    }
}

impl JoinCode {
    /// Reads what a person typed: case and spaces or dashes do not matter.
    pub fn parse(input: &str) -> Result<JoinCode, JoinCodeError> {
        let cleaned: String = input.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_uppercase()).collect();
        let count = cleaned.chars().count();
        if count != LENGTH {
            return Err(JoinCodeError::WrongLength(count));
        }
        if let Some(bad) = cleaned.chars().find(|c| !c.is_ascii() || !ALPHABET.contains(&(*c as u8))) {
            return Err(JoinCodeError::BadCharacter(bad));
        }
        Ok(JoinCode(cleaned))
    }

    /// A code from random bytes (the caller supplies the randomness).
    pub fn from_random(bytes: [u8; LENGTH]) -> JoinCode {
        // 256 is not a multiple of 31: the bias (≤ 1/8 between characters) is
        // irrelevant for a code that is shown to everyone in the room anyway.
        JoinCode(bytes.iter().map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char).collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for JoinCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Wrong codes a browser may type before it has to wait.
pub const FREE_ATTEMPTS: u32 = 5;

/// How long a browser waits after `failures` wrong codes: nothing for the
/// first few (typos happen), then 30 s doubling up to 15 minutes. Counted per
/// browser session, not per IP: a venue puts every phone behind one address.
pub fn lockout_seconds(failures: u32) -> u64 {
    if failures < FREE_ATTEMPTS {
        return 0;
    }
    let doublings = (failures - FREE_ATTEMPTS).min(10);
    (30u64 << doublings).min(15 * 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_alphabet_has_no_look_alikes() {
        for c in [b'0', b'O', b'1', b'I', b'L'] {
            assert!(!ALPHABET.contains(&c), "{}", c as char);
        }
        assert_eq!(ALPHABET.len(), 31);
    }

    #[test]
    fn typing_is_forgiving_about_case_spaces_and_dashes() {
        assert_eq!(JoinCode::parse(" ab3-k7m ").unwrap().as_str(), "AB3K7M");
    }

    #[test]
    fn wrong_codes_are_explained() {
        assert_eq!(JoinCode::parse("AB3K7"), Err(JoinCodeError::WrongLength(5)));
        assert_eq!(JoinCode::parse("AB3K70"), Err(JoinCodeError::BadCharacter('0')));
        assert_eq!(JoinCode::parse("ÁB3K7M"), Err(JoinCodeError::BadCharacter('Á')));
    }

    #[test]
    fn typos_are_free_then_waiting_doubles_up_to_a_cap() {
        assert_eq!(lockout_seconds(0), 0);
        assert_eq!(lockout_seconds(FREE_ATTEMPTS - 1), 0);
        assert_eq!(lockout_seconds(FREE_ATTEMPTS), 30);
        assert_eq!(lockout_seconds(FREE_ATTEMPTS + 1), 60);
        assert_eq!(lockout_seconds(FREE_ATTEMPTS + 4), 480);
        assert_eq!(lockout_seconds(FREE_ATTEMPTS + 5), 900);
        assert_eq!(lockout_seconds(1000), 900);
    }

    #[test]
    fn random_codes_are_valid_codes() {
        for seed in 0..=255u8 {
            let code = JoinCode::from_random([seed, seed.wrapping_mul(7), 3, 250, 128, seed ^ 0x5a]);
            assert_eq!(JoinCode::parse(code.as_str()).unwrap(), code);
        }
    }
}
