//! The facilitator's PIN that ends kiosk mode: at least six digits, stored only as an Argon2id
//! hash, and wrong attempts answered with growing waits.

use crate::error::{Error, InvalidCode, Result};
use crate::{settings, time};
use argon2::Argon2;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

const HASH: &str = "kiosk_pin_hash";
const FAILURES: &str = "kiosk_pin_failures";
const RETRY_AT: &str = "kiosk_pin_retry_at";
pub const MIN_DIGITS: usize = 6;

/// Whether a PIN has been chosen (the first start of kiosk mode asks for one).
pub fn is_set(conn: &Connection) -> Result<bool> {
    Ok(settings::get(conn, HASH)?.is_some())
}

/// Chooses the PIN: digits only, at least six.
pub fn set(conn: &Connection, pin: &str) -> Result<()> {
    if pin.len() < MIN_DIGITS || !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(Error::invalid(
            InvalidCode::InvalidValue,
            "pin",
            format!("A PIN is at least {MIN_DIGITS} digits, and digits only"),
        ));
    }
    let salt = SaltString::generate(&mut OsRng);
    let hash = Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map_err(|e| Error::Internal(format!("hashing the PIN: {e}")))?
        .to_string();
    settings::set(conn, HASH, &hash)?;
    settings::set(conn, FAILURES, "0")?;
    Ok(())
}

/// Chooses the PIN from the facilitator's window: the first time freely, afterwards only with
/// the current PIN (so that nobody who finds the laptop unlocked can quietly change it).
pub fn choose(conn: &Connection, new_pin: &str, current: &str, now: DateTime<Utc>) -> Result<()> {
    if is_set(conn)? {
        verify(conn, current, now).map_err(|error| match error {
            Error::WrongPin => Error::invalid(
                InvalidCode::InvalidValue,
                "currentPin",
                "That is not the current PIN",
            ),
            other => other,
        })?;
    }
    set(conn, new_pin)
}

/// How long to wait after `failures` wrong PINs in a row: three free tries, then 5 s, 10 s,
/// 20 s … up to five minutes.
pub fn delay_after(failures: u32) -> Duration {
    if failures < 3 {
        return Duration::zero();
    }
    let seconds = 5_i64.saturating_mul(1_i64 << (failures - 3).min(16));
    Duration::seconds(seconds.min(300))
}

/// Checks a PIN. While a wait is running, nothing is checked at all (so guessing cannot go
/// faster than the waits allow); a right PIN clears the count.
pub fn verify(conn: &Connection, pin: &str, now: DateTime<Utc>) -> Result<()> {
    let hash = settings::get(conn, HASH)?.ok_or(Error::PinNotSet)?;
    if let Some(retry_at) = settings::get(conn, RETRY_AT)?.and_then(|t| time::parse_timestamp(&t))
        && now < retry_at
    {
        let seconds = ((retry_at - now).num_milliseconds() + 999) / 1000;
        return Err(Error::PinThrottled { seconds });
    }
    let parsed =
        PasswordHash::new(&hash).map_err(|e| Error::Internal(format!("the stored PIN: {e}")))?;
    if Argon2::default()
        .verify_password(pin.as_bytes(), &parsed)
        .is_ok()
    {
        settings::set(conn, FAILURES, "0")?;
        settings::set(conn, RETRY_AT, "")?;
        return Ok(());
    }
    let failures: u32 = settings::get(conn, FAILURES)?
        .and_then(|t| t.parse().ok())
        .unwrap_or(0)
        + 1;
    settings::set(conn, FAILURES, &failures.to_string())?;
    settings::set(
        conn,
        RETRY_AT,
        &time::timestamp(now + delay_after(failures)),
    )?;
    Err(Error::WrongPin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Database;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-23T08:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn a_pin_is_six_digits_or_more_and_stored_only_as_an_argon2id_hash() {
        let db = Database::open_in_memory(now()).unwrap();
        for bad in ["12345", "12345a", "", "１２３４５６"] {
            assert_eq!(
                set(db.conn(), bad).unwrap_err().field(),
                Some("pin"),
                "{bad:?}"
            );
        }
        assert!(!is_set(db.conn()).unwrap());
        set(db.conn(), "246810").unwrap();
        let stored = settings::get(db.conn(), HASH).unwrap().unwrap();
        assert!(stored.starts_with("$argon2id$"), "{stored}");
        assert!(!stored.contains("246810"));
        assert!(verify(db.conn(), "246810", now()).is_ok());
    }

    #[test]
    fn wrong_pins_are_answered_with_growing_waits() {
        let db = Database::open_in_memory(now()).unwrap();
        assert!(matches!(
            verify(db.conn(), "000000", now()),
            Err(Error::PinNotSet)
        ));
        set(db.conn(), "246810").unwrap();
        let mut at = now();
        for _ in 0..2 {
            assert!(matches!(
                verify(db.conn(), "111111", at),
                Err(Error::WrongPin)
            ));
        }
        assert!(
            matches!(verify(db.conn(), "111111", at), Err(Error::WrongPin)),
            "third wrong PIN"
        );
        // Now a wait of 5 s: even the right PIN is not checked before it ends.
        assert!(matches!(
            verify(db.conn(), "246810", at),
            Err(Error::PinThrottled { seconds: 5 })
        ));
        at += Duration::seconds(5);
        assert!(matches!(
            verify(db.conn(), "111111", at),
            Err(Error::WrongPin)
        ));
        assert!(matches!(
            verify(db.conn(), "246810", at + Duration::seconds(9)),
            Err(Error::PinThrottled { seconds: 1 })
        ));
        at += Duration::seconds(10);
        assert!(
            verify(db.conn(), "246810", at).is_ok(),
            "the right PIN after the wait"
        );
        assert!(
            matches!(verify(db.conn(), "111111", at), Err(Error::WrongPin)),
            "the count starts again"
        );
        assert!(verify(db.conn(), "246810", at).is_ok());
    }

    #[test]
    fn waits_grow_and_stop_at_five_minutes() {
        let waits: Vec<i64> = (0..12).map(|n| delay_after(n).num_seconds()).collect();
        assert_eq!(waits, [0, 0, 0, 5, 10, 20, 40, 80, 160, 300, 300, 300]);
    }
}
