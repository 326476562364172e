//! The one error type of the core. It crosses the IPC boundary as `{code, message, field?}`
//! so that the UI branches on stable codes and never on message text.

use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the core. Each variant maps to one stable `code`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that a person typed (or a file supplied) is not acceptable; `field` names the input.
    #[error("{message}")]
    Invalid {
        code: InvalidCode,
        field: &'static str,
        message: String,
    },

    /// The record does not exist, or not in the place it was asked for.
    #[error("{entity} {id} was not found")]
    NotFound { entity: &'static str, id: String },

    /// The database was written by a newer version of the app: opening it could damage it.
    #[error(
        "This data was saved by a newer version of Workshop Desk (data format {found}; this version \
         understands up to {supported}). Install the newer version to open it; nothing was changed."
    )]
    NewerDatabase { found: i64, supported: i64 },

    /// A file or folder could not be read or written.
    #[error("Could not use {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// A sign-in for a day that is not one of the workshop's.
    #[error("Signing in is open from {first} to {last}; {day} is not a day of this workshop")]
    OutsideWorkshop {
        day: chrono::NaiveDate,
        first: chrono::NaiveDate,
        last: chrono::NaiveDate,
    },

    /// The kiosk's PIN has not been chosen yet.
    #[error("Choose a PIN of at least 6 digits first")]
    PinNotSet,

    /// The PIN typed to leave the kiosk is not the right one.
    #[error("That is not the PIN")]
    WrongPin,

    /// Too many wrong PINs in a row: the next try must wait.
    #[error("Too many wrong PINs; try again in {seconds} seconds")]
    PinThrottled { seconds: i64 },

    /// The asked-for backup is not in the backups folder.
    #[error("There is no backup named {0}")]
    BackupNotFound(String),

    /// The caller may not do this (for example a kiosk window asking for facilitator data).
    #[error("This action is not allowed here")]
    Forbidden,

    /// The database could not be opened when the app started (for example it was written by a
    /// newer version); every command repeats why, with the original code.
    #[error("{message}")]
    Unavailable { code: &'static str, message: String },

    /// A workbook to import was refused, or could not be read, before anything was changed: not a
    /// workbook, damaged, hostile, or over a limit of the reader (`crate::import`). `file` is the
    /// file's name; `code` tells the case.
    #[error("{message}")]
    Import {
        code: crate::import::ImportCode,
        file: String,
        message: String,
    },

    /// A bug or a crashed background task; the data is untouched.
    #[error("Something went wrong inside Workshop Desk: {0}. Nothing was saved; please try again.")]
    Internal(String),

    /// SQLite itself failed (disk full, file locked, corrupt file …).
    #[error("The database could not complete the operation: {0}")]
    Storage(#[from] rusqlite::Error),
}

/// Why an input was refused. Serialised as the error's `code`, so the UI can translate it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvalidCode {
    Required,
    TooLong,
    ControlCharacters,
    InvalidEmail,
    OutOfRange,
    UnknownCountry,
    InvalidDate,
    DateOrder,
    InvalidValue,
}

impl InvalidCode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::TooLong => "too_long",
            Self::ControlCharacters => "control_characters",
            Self::InvalidEmail => "invalid_email",
            Self::OutOfRange => "out_of_range",
            Self::UnknownCountry => "unknown_country",
            Self::InvalidDate => "invalid_date",
            Self::DateOrder => "date_order",
            Self::InvalidValue => "invalid_value",
        }
    }
}

impl Error {
    pub fn invalid(code: InvalidCode, field: &'static str, message: impl Into<String>) -> Self {
        Self::Invalid {
            code,
            field,
            message: message.into(),
        }
    }

    pub fn not_found(entity: &'static str, id: &impl ToString) -> Self {
        Self::NotFound {
            entity,
            id: id.to_string(),
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io {
            path: path.into(),
            source,
        }
    }

    /// The stable, machine-readable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Invalid { code, .. } => code.as_str(),
            Self::NotFound { .. } => "not_found",
            Self::NewerDatabase { .. } => "newer_database",
            Self::Io { .. } => "io",
            Self::BackupNotFound(_) => "backup_not_found",
            Self::OutsideWorkshop { .. } => "outside_workshop",
            Self::PinNotSet => "pin_not_set",
            Self::WrongPin => "wrong_pin",
            Self::PinThrottled { .. } => "pin_throttled",
            Self::Forbidden => "forbidden",
            Self::Unavailable { code, .. } => code,
            Self::Import { code, .. } => code.as_str(),
            Self::Internal(_) => "internal",
            Self::Storage(_) => "storage",
        }
    }

    /// The input field at fault, when there is one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Self::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let field = self.field();
        let mut state =
            serializer.serialize_struct("Error", if field.is_some() { 3 } else { 2 })?;
        state.serialize_field("code", self.code())?;
        state.serialize_field("message", &self.to_string())?;
        if let Some(field) = field {
            state.serialize_field("field", field)?;
        }
        state.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_errors_serialise_with_code_message_and_field() {
        let error = Error::invalid(InvalidCode::InvalidEmail, "email", "Not an email address");
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "invalid_email", "message": "Not an email address", "field": "email"})
        );
    }

    #[test]
    fn other_errors_serialise_without_field() {
        let json = serde_json::to_value(Error::not_found("participant", &"abc")).unwrap();
        assert_eq!(json["code"], "not_found");
        assert!(
            json.get("field").is_none(),
            "a not-found error has no field: {json}"
        );
    }
}
