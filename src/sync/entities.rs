//! The records a workbook carries back into the database: for each, its table, its sheet, and
//! its fields as the change log names them, the column that stores them and the sheet's header
//! that holds them. Merging works field by field over this description, so a record type is
//! added here once and imports like the others.

use crate::edit::Kind as Store;
use crate::workbook::format::{self, SheetFormat, Source};

/// How a sheet's text cell maps to the stored value, beyond its column's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// As the column's kind says.
    Plain,
    /// "en, fr" on the sheet, a JSON list in the database.
    CommaList,
}

/// One field of a record.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field {
    /// The change log's name of the field (`fullName`).
    pub log: &'static str,
    /// The database column (`full_name`), also what the sheet's column names as its source.
    pub column: &'static str,
    pub store: Store,
    /// An empty cell is refused (and a new row must give it).
    pub required: bool,
    /// The entity an ID in this field refers to.
    pub refers_to: Option<&'static str>,
    pub shape: Shape,
    /// Changes of the field are logged. An unlogged field (the device a sign-in was taken on)
    /// is set when the record arrives and never merged afterwards.
    pub logged: bool,
}

const fn field(log: &'static str, column: &'static str, store: Store) -> Field {
    Field {
        log,
        column,
        store,
        required: false,
        refers_to: None,
        shape: Shape::Plain,
        logged: true,
    }
}

const fn required(log: &'static str, column: &'static str, store: Store) -> Field {
    Field {
        required: true,
        ..field(log, column, store)
    }
}

const fn reference(log: &'static str, column: &'static str, to: &'static str) -> Field {
    Field {
        refers_to: Some(to),
        ..required(log, column, Store::Text)
    }
}

const fn optional_reference(log: &'static str, column: &'static str, to: &'static str) -> Field {
    Field {
        refers_to: Some(to),
        ..field(log, column, Store::OptionalText)
    }
}

const fn comma_list(log: &'static str, column: &'static str, logged: bool) -> Field {
    Field {
        shape: Shape::CommaList,
        logged,
        ..field(log, column, Store::Json)
    }
}

const DELETED: Field = field("deletedAt", "deleted_at", Store::OptionalText);
const POSITION: Field = required("position", "position", Store::Real);

/// A record type that a workbook carries.
#[derive(Debug)]
pub(crate) struct Entity {
    /// As the change log names it.
    pub name: &'static str,
    pub table: &'static str,
    pub sheet: &'static SheetFormat,
    pub fields: &'static [Field],
    /// Fields whose live rows must be unique together (one sign-in per person and session): a
    /// merge that would make two live keeps the older record and retires the other.
    pub once: &'static [&'static str],
    /// How a record is named in a preview: the field shown.
    pub label: &'static str,
}

impl Entity {
    pub fn field(&self, log: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.log == log)
    }

    pub fn index(&self, log: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.log == log)
    }

    /// The workshop record is its own workshop; every other record has a `workshop_id`.
    pub fn is_workshop(&self) -> bool {
        self.name == WORKSHOP.name
    }

    /// The sheet's header for the database column `column` of this table.
    pub fn header_of(&self, column: &str) -> Option<&'static str> {
        let source = format!("{}.{column}", self.table);
        self.sheet.columns.iter().find_map(|c| match c.source {
            Source::Stored(at) if at == source => match &c.header {
                std::borrow::Cow::Borrowed(header) => Some(*header),
                std::borrow::Cow::Owned(_) => None,
            },
            _ => None,
        })
    }

    /// The sheet's column kind for `column`.
    pub fn kind_of(&self, column: &str) -> Option<format::Kind> {
        let source = format!("{}.{column}", self.table);
        self.sheet
            .columns
            .iter()
            .find(|c| matches!(c.source, Source::Stored(at) if at == source))
            .map(|c| c.kind)
    }
}

pub(crate) const WORKSHOP: Entity = Entity {
    name: "workshop",
    table: "workshop",
    sheet: &format::WORKSHOP,
    label: "title",
    once: &[],
    fields: &[
        required("title", "title", Store::Text),
        field("venueCity", "venue_city", Store::Text),
        field("country", "country", Store::OptionalText),
        required("startDate", "start_date", Store::Text),
        required("endDate", "end_date", Store::Text),
        required("sessionsPerDay", "sessions_per_day", Store::Integer),
        comma_list("sessionStarts", "session_starts", false),
        field("organisers", "organisers", Store::Text),
        field("programmeCode", "programme_code", Store::Text),
        comma_list("workingLanguages", "working_languages", true),
        required("youthAgeLimit", "youth_age_limit", Store::Integer),
        field("archivedAt", "archived_at", Store::OptionalText),
    ],
};

pub(crate) const PARTICIPANT: Entity = Entity {
    name: "participant",
    table: "participant",
    sheet: &format::PARTICIPANTS,
    label: "fullName",
    once: &[],
    fields: &[
        required("fullName", "full_name", Store::Text),
        field("nameLatin", "name_latin", Store::Text),
        required("sex", "sex", Store::Text),
        field("birthYear", "birth_year", Store::Integer),
        field("country", "country", Store::OptionalText),
        field("organisation", "organisation", Store::Text),
        field("position", "position", Store::Text),
        required("role", "role", Store::Text),
        field("email", "email", Store::Text),
        field("phone", "phone", Store::Text),
        field("consentContact", "consent_contact", Store::Bool),
        field("consentPhotos", "consent_photos", Store::Bool),
        field("notes", "notes", Store::Text),
        field("badgeCode", "badge_code", Store::Text),
        required("registeredBy", "registered_by", Store::Text),
        field("reviewedAt", "reviewed_at", Store::OptionalText),
        DELETED,
    ],
};

pub(crate) const ATTENDANCE: Entity = Entity {
    name: "attendance",
    table: "attendance",
    sheet: &format::SIGN_INS,
    label: "day",
    once: &["participant_id", "day", "session"],
    fields: &[
        reference("participantId", "participant_id", "participant"),
        required("day", "day", Store::Text),
        required("session", "session", Store::Integer),
        required("method", "method", Store::Text),
        required("signedInAt", "signed_in_at", Store::Text),
        field("reason", "reason", Store::Text),
        Field {
            logged: false,
            ..required("deviceId", "device_id", Store::Text)
        },
        DELETED,
    ],
};

pub(crate) const GROUPING: Entity = Entity {
    name: "grouping",
    table: "grouping",
    sheet: &format::GROUPINGS,
    label: "name",
    once: &[],
    fields: &[required("name", "name", Store::Text), POSITION, DELETED],
};

pub(crate) const GROUP: Entity = Entity {
    name: "group",
    table: "work_group",
    sheet: &format::WORKING_GROUPS,
    label: "name",
    once: &[],
    fields: &[
        reference("groupingId", "grouping_id", "grouping"),
        required("name", "name", Store::Text),
        POSITION,
        DELETED,
    ],
};

pub(crate) const MEMBER: Entity = Entity {
    name: "group_member",
    table: "group_member",
    sheet: &format::GROUPS,
    label: "participantId",
    once: &["grouping_id", "participant_id"],
    fields: &[
        reference("groupingId", "grouping_id", "grouping"),
        reference("groupId", "group_id", "group"),
        reference("participantId", "participant_id", "participant"),
        DELETED,
    ],
};

pub(crate) const BOARD: Entity = Entity {
    name: "board",
    table: "board",
    sheet: &format::BOARDS,
    label: "question",
    once: &[],
    fields: &[
        required("question", "question", Store::Text),
        optional_reference("groupId", "group_id", "group"),
        required("priorityVotes", "priority_votes", Store::Integer),
        POSITION,
        DELETED,
    ],
};

pub(crate) const NOTE: Entity = Entity {
    name: "note",
    table: "note",
    sheet: &format::SWOT,
    label: "text",
    once: &[],
    fields: &[
        reference("boardId", "board_id", "board"),
        required("quadrant", "quadrant", Store::Text),
        required("text", "text", Store::Text),
        POSITION,
        required("votes", "votes", Store::Integer),
        field("isHeading", "is_heading", Store::Bool),
        optional_reference("headingId", "heading_id", "note"),
        optional_reference("raisedByGroupId", "raised_by_group_id", "group"),
        optional_reference(
            "raisedByParticipantId",
            "raised_by_participant_id",
            "participant",
        ),
        optional_reference("mergedInto", "merged_into", "note"),
        DELETED,
    ],
};

pub(crate) const PLAN: Entity = Entity {
    name: "plan",
    table: "action_plan",
    sheet: &format::PLANS,
    label: "title",
    once: &[],
    fields: &[
        required("scope", "scope", Store::Text),
        field("country", "country", Store::OptionalText),
        field("organisation", "organisation", Store::Text),
        required("title", "title", Store::Text),
        optional_reference("groupId", "group_id", "group"),
        POSITION,
        DELETED,
    ],
};

pub(crate) const ACTION: Entity = Entity {
    name: "action",
    table: "action",
    sheet: &format::ACTION_PLANS,
    label: "description",
    once: &[],
    fields: &[
        reference("planId", "plan_id", "plan"),
        required("description", "description", Store::Text),
        required("responsible", "responsible", Store::Text),
        field("partners", "partners", Store::Text),
        field("startDate", "start_date", Store::OptionalText),
        field("dueDate", "due_date", Store::OptionalText),
        required("status", "status", Store::Text),
        field("resources", "resources", Store::Text),
        field("indicator", "indicator", Store::Text),
        field("baseline", "baseline", Store::Text),
        field("target", "target", Store::Text),
        field("themes", "themes", Store::Json),
        POSITION,
        DELETED,
    ],
};

pub(crate) const LINK: Entity = Entity {
    name: "action_note",
    table: "action_note",
    sheet: &format::LINKS,
    label: "actionId",
    once: &["action_id", "note_id"],
    fields: &[
        reference("actionId", "action_id", "action"),
        reference("noteId", "note_id", "note"),
        DELETED,
    ],
};

/// Every record type, in an order where a record comes after those it refers to (a note's
/// heading, another note, is the one exception: references are checked once all are known).
pub(crate) const ALL: [&Entity; 11] = [
    &WORKSHOP,
    &PARTICIPANT,
    &GROUPING,
    &GROUP,
    &MEMBER,
    &ATTENDANCE,
    &BOARD,
    &NOTE,
    &PLAN,
    &ACTION,
    &LINK,
];

pub(crate) fn by_name(name: &str) -> Option<&'static Entity> {
    ALL.into_iter().find(|e| e.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field has its column on the sheet, and every stored column of a record's sheet is
    /// a field (or one of the columns every record has): nothing a workbook carries is dropped
    /// on the way back.
    #[test]
    fn every_stored_column_of_a_record_sheet_is_a_field_and_back() {
        let common = ["id", "created_at", "updated_at", "deleted_at"];
        for entity in ALL {
            assert_eq!(entity.sheet.entity, Some(entity.name), "{}", entity.name);
            for f in entity.fields {
                assert!(
                    entity.header_of(f.column).is_some(),
                    "{}.{} has no column on {}",
                    entity.table,
                    f.column,
                    entity.sheet.name
                );
            }
            for column in entity.sheet.columns {
                if let Source::Stored(at) = column.source {
                    let (table, name) = at.split_once('.').unwrap();
                    assert_eq!(table, entity.table, "{at}");
                    assert!(
                        common.contains(&name) || entity.fields.iter().any(|f| f.column == name),
                        "{at} is written to {} but not read back",
                        entity.sheet.name
                    );
                }
            }
        }
    }

    #[test]
    fn references_name_known_entities_and_labels_are_fields() {
        for entity in ALL {
            assert!(entity.field(entity.label).is_some(), "{}", entity.name);
            for f in entity.fields {
                if let Some(to) = f.refers_to {
                    assert!(by_name(to).is_some(), "{} refers to {to}", entity.name);
                }
            }
            for column in entity.once {
                assert!(entity.fields.iter().any(|f| f.column == *column));
            }
        }
    }

    /// The capture tables' undo descriptions and these agree on every field.
    #[test]
    fn capture_fields_match_the_undo_tables() {
        let pairs: [(&Entity, &crate::edit::Table); 8] = [
            (&GROUPING, &crate::groups::GROUPING),
            (&GROUP, &crate::groups::GROUP),
            (&MEMBER, &crate::groups::MEMBER),
            (&BOARD, &crate::board::BOARD),
            (&NOTE, &crate::board::NOTE),
            (&PLAN, &crate::plans::PLAN),
            (&ACTION, &crate::plans::ACTION),
            (&LINK, &crate::plans::LINK),
        ];
        for (entity, table) in pairs {
            assert_eq!(entity.table, table.name);
            let ours: Vec<_> = entity
                .fields
                .iter()
                .map(|f| (f.log, f.column, f.store))
                .collect();
            let theirs: Vec<_> = table.fields.to_vec();
            assert_eq!(ours, theirs, "{}", entity.name);
        }
    }
}
