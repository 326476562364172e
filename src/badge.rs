//! Badge codes: short, unique in the workshop, and easy to read aloud or type from a badge.

use crate::error::Result;
use rand::Rng;
use rusqlite::Connection;
use uuid::Uuid;

/// No 0/O, 1/I/L, 2/Z, 5/S or 8/B, which are confused when read aloud or from print.
pub const ALPHABET: &[u8] = b"ACDEFGHJKMNPQRTUVWXY34679";
pub const LENGTH: usize = 5;

/// A random code; `ALPHABET.len()^LENGTH` (about 9.8 million) codes.
pub fn random_code(rng: &mut impl Rng) -> String {
    (0..LENGTH)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect()
}

/// A code no participant of the workshop has yet (deleted ones included, so that a restored
/// participant keeps theirs).
pub fn unused_code(conn: &Connection, workshop_id: Uuid, rng: &mut impl Rng) -> Result<String> {
    let mut taken = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM participant WHERE workshop_id = ?1 AND badge_code = ?2)",
    )?;
    loop {
        let code = random_code(rng);
        let exists: bool = taken.query_row((workshop_id.to_string(), &code), |row| row.get(0))?;
        if !exists {
            return Ok(code);
        }
    }
}

/// Normalises a code as typed or scanned (lower case, spaces, dashes).
pub fn normalize(code: &str) -> String {
    code.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn codes_avoid_letters_and_digits_that_read_alike() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        for _ in 0..2000 {
            let code = random_code(&mut rng);
            assert_eq!(code.len(), LENGTH);
            assert!(
                !code.contains(['0', 'O', '1', 'I', 'L', 'B', '8', 'S', '5', 'Z', '2']),
                "{code}"
            );
        }
    }

    #[test]
    fn typed_codes_are_normalised() {
        assert_eq!(normalize(" k7m-4p x\n"), "K7M4PX");
    }
}
