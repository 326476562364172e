//! Stable record IDs: UUIDv7, made from the time passed in, never changed once given.

use chrono::{DateTime, Utc};
use uuid::{Timestamp, Uuid};

/// A new ID whose time part is `now`; the rest is random, so IDs made on different laptops
/// at the same moment do not collide and exports from them can be merged.
pub fn new_id(now: DateTime<Utc>) -> Uuid {
    let seconds = u64::try_from(now.timestamp()).unwrap_or(0);
    Uuid::new_v7(Timestamp::from_unix(
        uuid::NoContext,
        seconds,
        now.timestamp_subsec_nanos(),
    ))
}

/// An ID read back from a column the app itself wrote; a foreign value reads as the nil ID
/// and matches nothing, rather than failing a whole listing.
pub(crate) fn read(text: &str) -> Uuid {
    Uuid::parse_str(text).unwrap_or_default()
}

/// An optional ID column.
pub(crate) fn read_optional(text: Option<String>) -> Option<Uuid> {
    text.and_then(|t| Uuid::parse_str(&t).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn ids_are_version_7_and_carry_the_given_time() {
        let now = Utc.with_ymd_and_hms(2018, 5, 14, 9, 0, 0).unwrap();
        let id = new_id(now);
        assert_eq!(id.get_version_num(), 7);
        let (seconds, _) = id.get_timestamp().unwrap().to_unix();
        assert_eq!(seconds as i64, now.timestamp());
        assert_ne!(
            new_id(now),
            id,
            "two IDs made at the same moment must differ"
        );
    }
}
