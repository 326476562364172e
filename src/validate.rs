//! Field checks shared by every record: each failure names the field and says what to do.

use crate::countries;
use crate::error::{Error, InvalidCode, Result};
use crate::names;

/// A required single-line text: normalised, not empty, not too long, no control characters.
pub fn required_text(field: &'static str, label: &str, value: &str, max: usize) -> Result<String> {
    let value = optional_text(field, label, value, max)?;
    if value.is_empty() {
        return Err(Error::invalid(
            InvalidCode::Required,
            field,
            format!("{label} is required"),
        ));
    }
    Ok(value)
}

/// An optional single-line text: normalised; empty is fine.
pub fn optional_text(field: &'static str, label: &str, value: &str, max: usize) -> Result<String> {
    let value = names::normalize(value);
    if names::has_control_characters(&value) {
        return Err(Error::invalid(
            InvalidCode::ControlCharacters,
            field,
            format!("{label} must not contain tabs, line breaks or other control characters"),
        ));
    }
    check_length(field, label, &value, max)?;
    Ok(value)
}

/// Multi-line free text (notes): line breaks and tabs are fine, other control characters are not.
pub fn multiline_text(field: &'static str, label: &str, value: &str, max: usize) -> Result<String> {
    let value = names::normalize(value);
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    {
        return Err(Error::invalid(
            InvalidCode::ControlCharacters,
            field,
            format!("{label} contains a control character that cannot be stored"),
        ));
    }
    check_length(field, label, &value, max)?;
    Ok(value)
}

fn check_length(field: &'static str, label: &str, value: &str, max: usize) -> Result<()> {
    let length = value.chars().count();
    if length > max {
        return Err(Error::invalid(
            InvalidCode::TooLong,
            field,
            format!("{label} is {length} characters long; at most {max} are allowed"),
        ));
    }
    Ok(())
}

/// An optional country, given as an ISO code or a name; stored as the alpha-2 code.
pub fn country(field: &'static str, value: Option<&str>) -> Result<Option<String>> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    countries::find(value)
        .map(|c| Some(c.code.to_string()))
        .ok_or_else(|| {
            Error::invalid(
                InvalidCode::UnknownCountry,
                field,
                format!("{value:?} is not a country in the list; type its name and choose it"),
            )
        })
}

/// An optional email address with a plausible shape (local@domain.tld); stored trimmed.
pub fn email(field: &'static str, value: &str) -> Result<String> {
    let value = optional_text(field, "Email", value, 254)?;
    if value.is_empty() {
        return Ok(value);
    }
    let plausible = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains("..")
                && !value.chars().any(char::is_whitespace)
        }
        None => false,
    };
    if !plausible {
        return Err(Error::invalid(
            InvalidCode::InvalidEmail,
            field,
            format!("{value:?} is not an email address (like name@union.org)"),
        ));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_need_a_local_part_and_a_dotted_domain() {
        for good in ["sita@gefont.org", "a.b+c@mail.example.com.np", ""] {
            assert!(email("email", good).is_ok(), "{good:?} should be accepted");
        }
        for bad in [
            "sita",
            "sita@",
            "@gefont.org",
            "sita@gefont",
            "si ta@gefont.org",
            "a@b@c.org",
            "a@.org",
            "a@b..org",
        ] {
            let error = email("email", bad).unwrap_err();
            assert_eq!(error.code(), "invalid_email", "{bad:?} should be refused");
            assert_eq!(error.field(), Some("email"));
        }
    }

    #[test]
    fn text_is_trimmed_and_checked() {
        assert_eq!(
            required_text("title", "Title", "  Migration  ", 10).unwrap(),
            "Migration"
        );
        assert_eq!(
            required_text("title", "Title", "   ", 10)
                .unwrap_err()
                .code(),
            "required"
        );
        assert_eq!(
            required_text("title", "Title", "x".repeat(11).as_str(), 10)
                .unwrap_err()
                .code(),
            "too_long"
        );
        assert_eq!(
            optional_text("f", "F", "a\u{7}b", 10).unwrap_err().code(),
            "control_characters"
        );
        assert_eq!(
            multiline_text("notes", "Notes", "line one\nline two", 100).unwrap(),
            "line one\nline two"
        );
    }
}
