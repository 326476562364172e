//! Cells read back into values: the canonical text a checksum is computed over, and the value
//! of a field in the form the change log holds it. A person may have typed into any cell, so
//! each kind accepts what a spreadsheet makes of a reasonable entry (a date typed as text, a
//! whole number stored as 3.0, "yes" in a TRUE/FALSE column) and refuses the rest with a
//! message that says what was expected.

use super::entities::{Field, Shape};
use crate::edit::Kind as Store;
use crate::import::RawCell;
use crate::workbook::checksum::{self, canonical_real};
use crate::workbook::format::{self, Kind};
use serde_json::{Value, json};
use std::borrow::Cow;

/// The canonical text of a cell as read (see `checksum::Cell::canonical`): the same text the
/// export hashed for the value it wrote. A date-time cell reads as a date in a date column.
pub(crate) fn canonical(cell: &RawCell, kind: Kind) -> String {
    canonical_text(cell, kind).into_owned()
}

/// [`canonical`] without a copy of text cells (every cell of a workbook is hashed).
pub(crate) fn canonical_text(cell: &RawCell, kind: Kind) -> Cow<'_, str> {
    match cell {
        RawCell::Empty => Cow::Borrowed(""),
        RawCell::Text(text) | RawCell::Iso(text) | RawCell::Error(text) => Cow::Borrowed(text),
        RawCell::Number(n) | RawCell::Duration(n) => Cow::Owned(canonical_real(*n)),
        RawCell::Bool(true) => Cow::Borrowed("TRUE"),
        RawCell::Bool(false) => Cow::Borrowed("FALSE"),
        RawCell::DateTime(serial) => Cow::Owned(match kind {
            Kind::Date => format::date_from_serial(*serial)
                .map_or_else(|| canonical_real(*serial), checksum::format_date),
            _ => format::timestamp_from_serial(*serial)
                .map_or_else(|| canonical_real(*serial), checksum::format_timestamp),
        }),
    }
}

/// A stored moment from a date-time cell, or text as the app writes it.
pub(crate) fn timestamp(cell: &RawCell) -> Option<String> {
    match cell {
        RawCell::DateTime(serial) | RawCell::Number(serial) => {
            format::timestamp_from_serial(*serial).map(checksum::format_timestamp)
        }
        RawCell::Text(text) | RawCell::Iso(text) => {
            checksum::parse_timestamp(text.trim()).map(checksum::format_timestamp)
        }
        _ => None,
    }
}

fn date(cell: &RawCell) -> Option<String> {
    match cell {
        RawCell::DateTime(serial) | RawCell::Number(serial) => {
            format::date_from_serial(*serial).map(checksum::format_date)
        }
        RawCell::Text(text) | RawCell::Iso(text) => {
            let text = text.trim();
            checksum::parse_date(text.get(..10).unwrap_or(text)).map(checksum::format_date)
        }
        _ => None,
    }
}

/// What a cell shows, for a message.
fn shown(cell: &RawCell) -> String {
    let text = canonical(cell, Kind::Text);
    let short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        format!("\"{short}…\"")
    } else {
        format!("\"{short}\"")
    }
}

/// The value of `field` in `cell`, whose column is of `kind`; an empty cell is the field's
/// empty value (null, "", 0 or false as it is stored). Err is the message for the person.
pub(crate) fn value(cell: &RawCell, kind: Kind, field: &Field) -> Result<Value, String> {
    if let RawCell::Error(error) = cell {
        return Err(format!(
            "holds the spreadsheet error {error}; type the value instead"
        ));
    }
    if *cell == RawCell::Empty
        || matches!(cell, RawCell::Text(t) if t.trim().is_empty() && kind != Kind::LongText)
    {
        return Ok(empty(field));
    }
    if field.shape == Shape::CommaList {
        let text = canonical(cell, Kind::Text);
        let items: Vec<&str> = text
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        return Ok(json!(items));
    }
    match kind {
        Kind::Id => {
            let text = canonical(cell, Kind::Text);
            uuid::Uuid::parse_str(text.trim())
                .map(|id| json!(id.to_string()))
                .map_err(|_| format!("{} is not an ID written by Workshop Desk", shown(cell)))
        }
        Kind::Text | Kind::LongText | Kind::Mark => Ok(json!(canonical(cell, Kind::Text))),
        Kind::Choice(choice) => {
            let text = canonical(cell, Kind::Text);
            choice.code(&text).map(|code| json!(code)).ok_or_else(|| {
                let labels: Vec<&str> = choice.options.iter().map(|(_, l)| *l).collect();
                format!(
                    "{} is not a {}; use one of: {}",
                    shown(cell),
                    choice.name,
                    labels.join(", ")
                )
            })
        }
        Kind::Integer => {
            let number = match cell {
                RawCell::Number(n) => Some(*n),
                RawCell::Text(t) => t.trim().parse::<f64>().ok(),
                _ => None,
            };
            match number {
                Some(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => Ok(json!(n as i64)),
                _ => Err(format!("{} is not a whole number", shown(cell))),
            }
        }
        Kind::Real | Kind::Percent => {
            let number = match cell {
                RawCell::Number(n) => Some(*n),
                RawCell::Text(t) => t.trim().parse::<f64>().ok(),
                _ => None,
            };
            match number {
                Some(n) if n.is_finite() => Ok(json!(n)),
                _ => Err(format!("{} is not a number", shown(cell))),
            }
        }
        Kind::Date => date(cell)
            .map(|d| json!(d))
            .ok_or_else(|| format!("{} is not a date (like 2026-11-23)", shown(cell))),
        Kind::Timestamp => timestamp(cell).map(|t| json!(t)).ok_or_else(|| {
            format!(
                "{} is not a date and time (like 2026-11-23 08:30:00.000)",
                shown(cell)
            )
        }),
        Kind::Bool => match cell {
            RawCell::Bool(b) => Ok(json!(b)),
            RawCell::Number(n) if *n == 0.0 || *n == 1.0 => Ok(json!(*n == 1.0)),
            RawCell::Text(t) => match t.trim().to_ascii_lowercase().as_str() {
                "true" | "yes" | "y" | "1" => Ok(json!(true)),
                "false" | "no" | "n" | "0" => Ok(json!(false)),
                _ => Err(format!("{} is not TRUE or FALSE", shown(cell))),
            },
            _ => Err(format!("{} is not TRUE or FALSE", shown(cell))),
        },
        Kind::List => {
            let text = canonical(cell, Kind::Text);
            let items: Vec<&str> = text
                .lines()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            Ok(json!(items))
        }
    }
}

/// A field's value for an empty cell.
pub(crate) fn empty(field: &Field) -> Value {
    match (field.store, field.shape) {
        (_, Shape::CommaList) | (Store::Json, _) => json!([]),
        (Store::Text, _) => json!(""),
        (Store::Bool, _) => json!(false),
        _ => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::entities::{ACTION, PARTICIPANT};
    use crate::workbook::format::{ROLE, SEX};

    fn field(entity: &crate::sync::entities::Entity, log: &str) -> Field {
        *entity.field(log).unwrap()
    }

    #[test]
    fn dates_read_from_serials_and_from_typed_text() {
        let due = field(&ACTION, "dueDate");
        let serial = format::date_serial(chrono::NaiveDate::from_ymd_opt(2026, 5, 9).unwrap());
        assert_eq!(
            value(&RawCell::DateTime(serial), Kind::Date, &due),
            Ok(json!("2026-05-09"))
        );
        assert_eq!(
            value(&RawCell::Text("2026-05-09".into()), Kind::Date, &due),
            Ok(json!("2026-05-09"))
        );
        assert_eq!(value(&RawCell::Empty, Kind::Date, &due), Ok(Value::Null));
        let refused = value(&RawCell::Text("next Tuesday".into()), Kind::Date, &due);
        assert_eq!(
            refused,
            Err("\"next Tuesday\" is not a date (like 2026-11-23)".to_string())
        );
    }

    #[test]
    fn choices_read_from_labels_and_refuse_others_with_the_list() {
        let sex = field(&PARTICIPANT, "sex");
        assert_eq!(
            value(&RawCell::Text("Woman".into()), Kind::Choice(&SEX), &sex),
            Ok(json!("woman"))
        );
        let refused = value(&RawCell::Text("F".into()), Kind::Choice(&SEX), &sex).unwrap_err();
        assert!(
            refused.contains("Woman, Man, Another, Not stated"),
            "{refused}"
        );
        let role = field(&PARTICIPANT, "role");
        assert_eq!(
            value(
                &RawCell::Text("resource person".into()),
                Kind::Choice(&ROLE),
                &role
            ),
            Ok(json!("resource_person"))
        );
    }

    #[test]
    fn numbers_booleans_and_lists() {
        let year = field(&PARTICIPANT, "birthYear");
        assert_eq!(
            value(&RawCell::Number(1990.0), Kind::Integer, &year),
            Ok(json!(1990))
        );
        assert!(value(&RawCell::Number(1990.5), Kind::Integer, &year).is_err());
        assert_eq!(
            value(&RawCell::Empty, Kind::Integer, &year),
            Ok(Value::Null)
        );
        let consent = field(&PARTICIPANT, "consentContact");
        assert_eq!(
            value(&RawCell::Text("yes".into()), Kind::Bool, &consent),
            Ok(json!(true))
        );
        assert_eq!(
            value(&RawCell::Empty, Kind::Bool, &consent),
            Ok(json!(false))
        );
        let themes = field(&ACTION, "themes");
        assert_eq!(
            value(
                &RawCell::Text("youth\n gender equality \n".into()),
                Kind::List,
                &themes
            ),
            Ok(json!(["youth", "gender equality"]))
        );
        assert!(
            value(&RawCell::Error("#N/A".into()), Kind::Text, &themes)
                .unwrap_err()
                .contains("#N/A")
        );
    }

    #[test]
    fn canonical_text_matches_what_the_export_hashes() {
        use crate::workbook::checksum::Cell;
        let at = checksum::parse_timestamp("2026-11-23T08:05:00.007Z").unwrap();
        let serial = format::timestamp_serial(at);
        assert_eq!(
            canonical(&RawCell::DateTime(serial), Kind::Timestamp),
            Cell::Timestamp(at).canonical()
        );
        assert_eq!(
            canonical(&RawCell::Number(3.0), Kind::Integer),
            Cell::Integer(3).canonical()
        );
        assert_eq!(
            canonical(&RawCell::Bool(true), Kind::Bool),
            Cell::Bool(true).canonical()
        );
    }
}
