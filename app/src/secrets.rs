//! Random tokens and their hashes (server only). Tokens are hex strings of
//! operating-system randomness; what only needs checking is stored hashed.

use crate::domain::join_code::{JoinCode, LENGTH};
use sha2::{Digest, Sha256};

/// A token of `bytes` random bytes, hex-encoded (`bytes * 8` bits of entropy).
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).expect("the operating system provides randomness");
    hex::encode(buf)
}

/// Browser-session tokens: 256 bits.
pub fn session_token() -> String {
    random_token(32)
}

/// The committee's sign-in token: 256 bits.
pub fn committee_token() -> String {
    random_token(32)
}

/// Coordinator link tokens: 128 bits.
pub fn link_token() -> String {
    random_token(16)
}

pub fn random_join_code() -> JoinCode {
    let mut buf = [0u8; LENGTH];
    getrandom::fill(&mut buf).expect("the operating system provides randomness");
    JoinCode::from_random(buf)
}

pub fn hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Compares without stopping at the first differing byte.
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_distinct() {
        let a = session_token();
        assert_eq!(a.len(), 64);
        assert_ne!(a, session_token());
        assert_eq!(link_token().len(), 32);
    }

    #[test]
    fn hashes_compare_equal_only_for_the_same_token() {
        assert!(same(&hash("x"), &hash("x")));
        assert!(!same(&hash("x"), &hash("y")));
        assert!(!same(&hash("x"), &hash("x")[..5]));
    }
}
