//! The workbook's format, shared by export and import: the format version, the sheets in
//! order, each data sheet's columns (header, kind of cell, where the value comes from), the
//! labels of coded values, and the conversion of dates and times to Excel's serial numbers.
//!
//! `docs/workbook-format.md` describes the same for an analyst; the two must agree.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta, Utc};
use std::borrow::Cow;

/// The version of the workbook format. A reader refuses a file whose version is newer than the
/// one it knows; adding a sheet or a column at the end is compatible, anything else is a new
/// version.
pub const FORMAT_VERSION: u32 = 1;

/// The author of every workbook, in its document properties and its "About this file" sheet.
pub const APP_NAME: &str = "Workshop Desk";

/// The sheet names, as they appear on the tabs.
pub mod sheet {
    pub const SUMMARY: &str = "Summary";
    pub const PARTICIPANTS: &str = "Participants";
    pub const ATTENDANCE: &str = "Attendance";
    pub const SIGN_INS: &str = "Sign-ins";
    pub const COUNTRIES: &str = "Countries and organisations";
    pub const GROUPS: &str = "Groups";
    pub const SWOT: &str = "SWOT";
    pub const ACTION_PLANS: &str = "Action plans";
    pub const WORKSHOP: &str = "Workshop";
    pub const GROUPINGS: &str = "Groupings";
    pub const WORKING_GROUPS: &str = "Working groups";
    pub const BOARDS: &str = "Boards";
    pub const PLANS: &str = "Plans";
    pub const LINKS: &str = "Links";
    pub const CHANGE_LOG: &str = "Change log";
    pub const EDITS: &str = "Undo history";
    pub const ABOUT: &str = "About this file";
}

/// The labels of the "About this file" sheet: column A holds the label, column B its value.
pub mod about {
    pub const FORMAT_VERSION: &str = "Format version";
    pub const APP_VERSION: &str = "App version";
    pub const PROFILE: &str = "Profile";
    pub const WORKSHOP_ID: &str = "Workshop ID";
    pub const WORKSHOP: &str = "Workshop title";
    pub const DEVICE: &str = "Exporting device";
    pub const EXPORTED_AT: &str = "Exported at (UTC)";
    /// The header of the per-sheet list (sheet, rows, checksum).
    pub const SHEET: &str = "Sheet";
    pub const ROWS: &str = "Rows";
    pub const CHECKSUM: &str = "Checksum (SHA-256)";
    /// The last row: the seal over everything above it (see `checksum::seal`).
    pub const SEAL: &str = "Seal (SHA-256)";
    /// The metadata labels, in the order they are written.
    pub const METADATA: [&str; 7] = [
        FORMAT_VERSION,
        APP_VERSION,
        PROFILE,
        WORKSHOP_ID,
        WORKSHOP,
        DEVICE,
        EXPORTED_AT,
    ];
}

/// A coded value shown by its English label ("resource_person" is "Resource person").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub name: &'static str,
    /// `(code as stored, label as written)`.
    pub options: &'static [(&'static str, &'static str)],
}

impl Choice {
    /// The label of a stored code; an unknown code is written as it is.
    pub fn label<'a>(&self, code: &'a str) -> &'a str {
        self.options
            .iter()
            .find(|(c, _)| *c == code)
            .map_or(code, |(_, label)| label)
    }

    /// The stored code of a label (or of the code itself), ignoring case and surrounding spaces.
    pub fn code(&self, text: &str) -> Option<&'static str> {
        let text = text.trim();
        self.options
            .iter()
            .find(|(code, label)| {
                label.eq_ignore_ascii_case(text) || code.eq_ignore_ascii_case(text)
            })
            .map(|(code, _)| *code)
    }
}

pub const SEX: Choice = Choice {
    name: "sex",
    options: &[
        ("woman", "Woman"),
        ("man", "Man"),
        ("another", "Another"),
        ("not_stated", "Not stated"),
    ],
};

pub const ROLE: Choice = Choice {
    name: "role",
    options: &[
        ("participant", "Participant"),
        ("resource_person", "Resource person"),
        ("facilitator", "Facilitator"),
        ("organiser_staff", "Organiser staff"),
        ("observer", "Observer"),
    ],
};

pub const ORIGIN: Choice = Choice {
    name: "registered by",
    options: &[("facilitator", "Facilitator"), ("kiosk", "Kiosk (walk-in)")],
};

pub const METHOD: Choice = Choice {
    name: "method",
    options: &[
        ("kiosk", "Kiosk"),
        ("badge", "Badge"),
        ("facilitator", "Facilitator"),
        ("paper", "Paper sheet"),
    ],
};

pub const QUADRANT: Choice = Choice {
    name: "quadrant",
    options: &[
        ("strengths", "Strengths"),
        ("weaknesses", "Weaknesses"),
        ("opportunities", "Opportunities"),
        ("threats", "Threats"),
    ],
};

pub const SCOPE: Choice = Choice {
    name: "scope",
    options: &[
        ("regional", "Regional"),
        ("national", "National"),
        ("organisational", "Organisational"),
    ],
};

pub const STATUS: Choice = Choice {
    name: "status",
    options: &[
        ("planned", "Planned"),
        ("in_progress", "In progress"),
        ("done", "Done"),
        ("dropped", "Dropped"),
    ],
};

/// The attendance grid's letter for each way of signing in.
pub const MARK: Choice = Choice {
    name: "mark",
    options: &[
        ("kiosk", "K"),
        ("badge", "B"),
        ("facilitator", "F"),
        ("paper", "P"),
    ],
};

/// What a column's cells hold, which decides how they are written, formatted and read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A UUID as text.
    Id,
    /// One line of text.
    Text,
    /// Text that may run over several lines; wrapped.
    LongText,
    /// Items one per line (an action's themes); stored as a JSON list.
    List,
    /// A whole number.
    Integer,
    /// A real number (the sort keys called "Position"), written exactly.
    Real,
    /// A share between 0 and 1, shown as a percentage.
    Percent,
    /// A calendar date, as an Excel date.
    Date,
    /// A moment in UTC with milliseconds, as an Excel date-time.
    Timestamp,
    /// TRUE or FALSE.
    Bool,
    /// A coded value written as its label.
    Choice(&'static Choice),
    /// An attendance grid cell: the letter of the way the participant signed in.
    Mark,
}

/// Where a column's values come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A column of the database, as `table.column`: import reads it back.
    Stored(&'static str),
    /// Worked out from stored values for the reader (a name beside an ID, an age, a count):
    /// import ignores it.
    Derived,
}

/// One column of a data sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: Cow<'static, str>,
    pub kind: Kind,
    pub source: Source,
    /// Width in Excel's character units.
    pub width: f64,
    /// Only in the full transfer (the deletion time: the report leaves deleted rows out).
    pub full_only: bool,
}

impl Column {
    pub fn is_stored(&self) -> bool {
        matches!(self.source, Source::Stored(_))
    }
}

const fn column(header: &'static str, kind: Kind, source: Source, width: f64) -> Column {
    Column {
        header: Cow::Borrowed(header),
        kind,
        source,
        width,
        full_only: false,
    }
}

const fn stored(header: &'static str, kind: Kind, at: &'static str, width: f64) -> Column {
    column(header, kind, Source::Stored(at), width)
}

const fn derived(header: &'static str, kind: Kind, width: f64) -> Column {
    column(header, kind, Source::Derived, width)
}

const ID_WIDTH: f64 = 38.0;
const TIME_WIDTH: f64 = 23.0;

const fn id(at: &'static str) -> Column {
    stored("ID", Kind::Id, at, ID_WIDTH)
}

const fn reference(header: &'static str, at: &'static str) -> Column {
    stored(header, Kind::Id, at, ID_WIDTH)
}

const fn created(at: &'static str) -> Column {
    stored("Created at (UTC)", Kind::Timestamp, at, TIME_WIDTH)
}

const fn updated(at: &'static str) -> Column {
    stored("Updated at (UTC)", Kind::Timestamp, at, TIME_WIDTH)
}

const fn deleted(at: &'static str) -> Column {
    Column {
        header: Cow::Borrowed("Deleted at (UTC)"),
        kind: Kind::Timestamp,
        source: Source::Stored(at),
        width: TIME_WIDTH,
        full_only: true,
    }
}

const fn position(at: &'static str) -> Column {
    stored("Position", Kind::Real, at, 10.0)
}

/// A data sheet: an Excel table of one row per record (or per count, for the views).
#[derive(Debug, Clone, PartialEq)]
pub struct SheetFormat {
    pub name: &'static str,
    /// The Excel table's name (no spaces).
    pub table: &'static str,
    /// The record each row is, as the change log names it; `None` for a view of counts or a
    /// grid, which import ignores.
    pub entity: Option<&'static str>,
    pub columns: &'static [Column],
    /// Only in the full transfer.
    pub full_only: bool,
    /// Written in rust_xlsxwriter's constant-memory mode (the sheets that grow with the
    /// workshop).
    pub big: bool,
    /// A sheet for people (blue tab) rather than one that only completes the transfer (grey tab).
    pub for_reading: bool,
    /// Columns kept in view when scrolling right.
    pub frozen_columns: u16,
}

impl SheetFormat {
    /// The columns of this sheet in a profile.
    pub fn columns_for(&self, full: bool) -> Vec<Column> {
        self.columns
            .iter()
            .filter(|c| full || !c.full_only)
            .cloned()
            .collect()
    }
}

pub const PARTICIPANTS: SheetFormat = SheetFormat {
    name: sheet::PARTICIPANTS,
    table: "Participants",
    entity: Some("participant"),
    full_only: false,
    big: true,
    for_reading: true,
    frozen_columns: 1,
    columns: &[
        stored("Name", Kind::Text, "participant.full_name", 28.0),
        stored(
            "Name in Latin letters",
            Kind::Text,
            "participant.name_latin",
            24.0,
        ),
        stored("Sex", Kind::Choice(&SEX), "participant.sex", 11.0),
        stored("Birth year", Kind::Integer, "participant.birth_year", 10.0),
        derived("Age", Kind::Integer, 7.0),
        derived("Youth", Kind::Bool, 8.0),
        derived("Country", Kind::Text, 18.0),
        stored("Country code", Kind::Text, "participant.country", 9.0),
        derived("Sub-region", Kind::Text, 16.0),
        stored("Organisation", Kind::Text, "participant.organisation", 30.0),
        stored("Position", Kind::Text, "participant.position", 24.0),
        stored("Role", Kind::Choice(&ROLE), "participant.role", 16.0),
        stored("Email", Kind::Text, "participant.email", 28.0),
        stored("Phone", Kind::Text, "participant.phone", 16.0),
        derived("Contact details", Kind::Text, 26.0),
        stored(
            "Consents to contact",
            Kind::Bool,
            "participant.consent_contact",
            11.0,
        ),
        stored(
            "Consents to photos",
            Kind::Bool,
            "participant.consent_photos",
            11.0,
        ),
        stored("Notes", Kind::LongText, "participant.notes", 40.0),
        stored("Badge code", Kind::Text, "participant.badge_code", 10.0),
        stored(
            "Registered by",
            Kind::Choice(&ORIGIN),
            "participant.registered_by",
            15.0,
        ),
        stored(
            "Reviewed at (UTC)",
            Kind::Timestamp,
            "participant.reviewed_at",
            TIME_WIDTH,
        ),
        id("participant.id"),
        created("participant.created_at"),
        updated("participant.updated_at"),
        deleted("participant.deleted_at"),
    ],
};

/// The attendance grid's columns before the one column per day and session.
pub const ATTENDANCE_BEFORE_SLOTS: &[Column] = &[
    derived("Name", Kind::Text, 28.0),
    derived("Name in Latin letters", Kind::Text, 24.0),
    derived("Sex", Kind::Choice(&SEX), 11.0),
    derived("Country code", Kind::Text, 9.0),
];

/// The attendance grid's columns after the slots.
pub const ATTENDANCE_AFTER_SLOTS: &[Column] = &[
    derived("Sessions attended", Kind::Integer, 10.0),
    derived("Attendance rate", Kind::Percent, 11.0),
    derived("Participant ID", Kind::Id, ID_WIDTH),
    derived("Updated at (UTC)", Kind::Timestamp, TIME_WIDTH),
];

/// The width of a day-and-session column of the grid.
pub const SLOT_WIDTH: f64 = 9.0;

/// The grid: a view (import reads the sign-ins instead). Its slot columns depend on the
/// workshop, so `columns` holds only those before them; see [`attendance_columns`].
pub const ATTENDANCE: SheetFormat = SheetFormat {
    name: sheet::ATTENDANCE,
    table: "Attendance",
    entity: None,
    full_only: false,
    big: true,
    for_reading: true,
    frozen_columns: 1,
    columns: ATTENDANCE_BEFORE_SLOTS,
};

/// The grid's columns for a workshop whose slots are headed `slots`.
pub fn attendance_columns(slots: &[String]) -> Vec<Column> {
    ATTENDANCE_BEFORE_SLOTS
        .iter()
        .cloned()
        .chain(slots.iter().map(|header| Column {
            header: Cow::Owned(header.clone()),
            kind: Kind::Mark,
            source: Source::Derived,
            width: SLOT_WIDTH,
            full_only: false,
        }))
        .chain(ATTENDANCE_AFTER_SLOTS.iter().cloned())
        .collect()
}

pub const SIGN_INS: SheetFormat = SheetFormat {
    name: sheet::SIGN_INS,
    table: "SignIns",
    entity: Some("attendance"),
    full_only: false,
    big: true,
    for_reading: true,
    frozen_columns: 1,
    columns: &[
        derived("Name", Kind::Text, 28.0),
        stored("Day", Kind::Date, "attendance.day", 11.0),
        stored("Session", Kind::Integer, "attendance.session", 8.0),
        derived("Session name", Kind::Text, 11.0),
        stored("Method", Kind::Choice(&METHOD), "attendance.method", 12.0),
        stored(
            "Signed in at (UTC)",
            Kind::Timestamp,
            "attendance.signed_in_at",
            TIME_WIDTH,
        ),
        stored("Reason", Kind::LongText, "attendance.reason", 36.0),
        reference("Device", "attendance.device_id"),
        reference("Participant ID", "attendance.participant_id"),
        id("attendance.id"),
        created("attendance.created_at"),
        updated("attendance.updated_at"),
        deleted("attendance.deleted_at"),
    ],
};

pub const COUNTRIES: SheetFormat = SheetFormat {
    name: sheet::COUNTRIES,
    table: "Countries",
    entity: None,
    full_only: false,
    big: false,
    for_reading: true,
    frozen_columns: 1,
    columns: &[
        derived("Country", Kind::Text, 22.0),
        derived("Country code", Kind::Text, 9.0),
        derived("Sub-region", Kind::Text, 16.0),
        derived("Organisation", Kind::Text, 40.0),
        derived("Participants", Kind::Integer, 12.0),
        derived("Women", Kind::Integer, 9.0),
        derived("Men", Kind::Integer, 9.0),
        derived("Youth", Kind::Integer, 9.0),
        derived("Updated at (UTC)", Kind::Timestamp, TIME_WIDTH),
    ],
};

pub const GROUPS: SheetFormat = SheetFormat {
    name: sheet::GROUPS,
    table: "GroupMembers",
    entity: Some("group_member"),
    full_only: false,
    big: false,
    for_reading: true,
    frozen_columns: 0,
    columns: &[
        derived("Grouping", Kind::Text, 24.0),
        derived("Group", Kind::Text, 24.0),
        derived("Name", Kind::Text, 28.0),
        derived("Name in Latin letters", Kind::Text, 24.0),
        derived("Sex", Kind::Choice(&SEX), 11.0),
        derived("Country code", Kind::Text, 9.0),
        derived("Organisation", Kind::Text, 30.0),
        id("group_member.id"),
        reference("Grouping ID", "group_member.grouping_id"),
        reference("Group ID", "group_member.group_id"),
        reference("Participant ID", "group_member.participant_id"),
        created("group_member.created_at"),
        updated("group_member.updated_at"),
        deleted("group_member.deleted_at"),
    ],
};

pub const SWOT: SheetFormat = SheetFormat {
    name: sheet::SWOT,
    table: "SwotNotes",
    entity: Some("note"),
    full_only: false,
    big: true,
    for_reading: true,
    frozen_columns: 0,
    columns: &[
        derived("Question", Kind::LongText, 36.0),
        derived("Group", Kind::Text, 20.0),
        stored("Quadrant", Kind::Choice(&QUADRANT), "note.quadrant", 14.0),
        derived("Heading", Kind::Text, 24.0),
        stored("Text", Kind::LongText, "note.text", 48.0),
        stored("Is a heading", Kind::Bool, "note.is_heading", 9.0),
        stored("Votes", Kind::Integer, "note.votes", 7.0),
        derived("Rank", Kind::Integer, 6.0),
        derived("Priority", Kind::Bool, 9.0),
        derived("Raised by", Kind::Text, 22.0),
        derived("Linked actions", Kind::LongText, 40.0),
        reference("Merged into", "note.merged_into"),
        id("note.id"),
        reference("Board ID", "note.board_id"),
        reference("Heading ID", "note.heading_id"),
        reference("Raised by group ID", "note.raised_by_group_id"),
        reference("Raised by participant ID", "note.raised_by_participant_id"),
        position("note.position"),
        created("note.created_at"),
        updated("note.updated_at"),
        deleted("note.deleted_at"),
    ],
};

pub const ACTION_PLANS: SheetFormat = SheetFormat {
    name: sheet::ACTION_PLANS,
    table: "Actions",
    entity: Some("action"),
    full_only: false,
    big: true,
    for_reading: true,
    frozen_columns: 0,
    columns: &[
        derived("Plan", Kind::Text, 30.0),
        derived("Scope", Kind::Choice(&SCOPE), 14.0),
        derived("Country", Kind::Text, 16.0),
        derived("Organisation", Kind::Text, 24.0),
        derived("Group", Kind::Text, 20.0),
        stored("Action", Kind::LongText, "action.description", 44.0),
        stored("Responsible", Kind::Text, "action.responsible", 24.0),
        stored("Partners", Kind::Text, "action.partners", 24.0),
        stored("Start date", Kind::Date, "action.start_date", 11.0),
        stored("Due date", Kind::Date, "action.due_date", 11.0),
        stored("Status", Kind::Choice(&STATUS), "action.status", 12.0),
        stored("Resources", Kind::LongText, "action.resources", 24.0),
        stored("Indicator", Kind::LongText, "action.indicator", 24.0),
        stored("Baseline", Kind::LongText, "action.baseline", 20.0),
        stored("Target", Kind::LongText, "action.target", 20.0),
        stored("Themes", Kind::List, "action.themes", 26.0),
        derived("Linked notes", Kind::LongText, 40.0),
        id("action.id"),
        reference("Plan ID", "action.plan_id"),
        position("action.position"),
        created("action.created_at"),
        updated("action.updated_at"),
        deleted("action.deleted_at"),
    ],
};

pub const WORKSHOP: SheetFormat = SheetFormat {
    name: sheet::WORKSHOP,
    table: "WorkshopRecord",
    entity: Some("workshop"),
    full_only: false,
    big: false,
    for_reading: false,
    frozen_columns: 0,
    columns: &[
        stored("Title", Kind::Text, "workshop.title", 40.0),
        stored("Venue city", Kind::Text, "workshop.venue_city", 16.0),
        stored("Country code", Kind::Text, "workshop.country", 9.0),
        derived("Country", Kind::Text, 16.0),
        stored("Start date", Kind::Date, "workshop.start_date", 11.0),
        stored("End date", Kind::Date, "workshop.end_date", 11.0),
        derived("Days", Kind::Integer, 6.0),
        stored(
            "Sessions per day",
            Kind::Integer,
            "workshop.sessions_per_day",
            9.0,
        ),
        stored(
            "Session start times",
            Kind::Text,
            "workshop.session_starts",
            14.0,
        ),
        stored("Organisers", Kind::Text, "workshop.organisers", 30.0),
        stored(
            "Programme code",
            Kind::Text,
            "workshop.programme_code",
            14.0,
        ),
        stored(
            "Working languages",
            Kind::Text,
            "workshop.working_languages",
            12.0,
        ),
        stored(
            "Youth age limit",
            Kind::Integer,
            "workshop.youth_age_limit",
            9.0,
        ),
        stored(
            "Archived at (UTC)",
            Kind::Timestamp,
            "workshop.archived_at",
            TIME_WIDTH,
        ),
        id("workshop.id"),
        created("workshop.created_at"),
        updated("workshop.updated_at"),
    ],
};

pub const GROUPINGS: SheetFormat = SheetFormat {
    name: sheet::GROUPINGS,
    table: "Groupings",
    entity: Some("grouping"),
    full_only: false,
    big: false,
    for_reading: false,
    frozen_columns: 0,
    columns: &[
        stored("Grouping", Kind::Text, "grouping.name", 30.0),
        derived("Groups", Kind::Integer, 8.0),
        position("grouping.position"),
        id("grouping.id"),
        created("grouping.created_at"),
        updated("grouping.updated_at"),
        deleted("grouping.deleted_at"),
    ],
};

pub const WORKING_GROUPS: SheetFormat = SheetFormat {
    name: sheet::WORKING_GROUPS,
    table: "WorkingGroups",
    entity: Some("group"),
    full_only: false,
    big: false,
    for_reading: false,
    frozen_columns: 0,
    columns: &[
        derived("Grouping", Kind::Text, 24.0),
        stored("Group", Kind::Text, "work_group.name", 24.0),
        derived("Members", Kind::Integer, 9.0),
        derived("Women", Kind::Integer, 8.0),
        derived("Men", Kind::Integer, 8.0),
        position("work_group.position"),
        id("work_group.id"),
        reference("Grouping ID", "work_group.grouping_id"),
        created("work_group.created_at"),
        updated("work_group.updated_at"),
        deleted("work_group.deleted_at"),
    ],
};

pub const BOARDS: SheetFormat = SheetFormat {
    name: sheet::BOARDS,
    table: "Boards",
    entity: Some("board"),
    full_only: false,
    big: false,
    for_reading: false,
    frozen_columns: 0,
    columns: &[
        stored("Question", Kind::LongText, "board.question", 44.0),
        derived("Group", Kind::Text, 20.0),
        stored("Priority votes", Kind::Integer, "board.priority_votes", 9.0),
        derived("Notes", Kind::Integer, 8.0),
        derived("Priorities without action", Kind::Integer, 12.0),
        position("board.position"),
        id("board.id"),
        reference("Group ID", "board.group_id"),
        created("board.created_at"),
        updated("board.updated_at"),
        deleted("board.deleted_at"),
    ],
};

pub const PLANS: SheetFormat = SheetFormat {
    name: sheet::PLANS,
    table: "Plans",
    entity: Some("plan"),
    full_only: false,
    big: false,
    for_reading: false,
    frozen_columns: 0,
    columns: &[
        stored("Plan", Kind::Text, "action_plan.title", 34.0),
        stored("Scope", Kind::Choice(&SCOPE), "action_plan.scope", 14.0),
        stored("Country code", Kind::Text, "action_plan.country", 9.0),
        derived("Country", Kind::Text, 16.0),
        stored("Organisation", Kind::Text, "action_plan.organisation", 24.0),
        derived("Group", Kind::Text, 20.0),
        derived("Actions", Kind::Integer, 8.0),
        position("action_plan.position"),
        id("action_plan.id"),
        reference("Group ID", "action_plan.group_id"),
        created("action_plan.created_at"),
        updated("action_plan.updated_at"),
        deleted("action_plan.deleted_at"),
    ],
};

pub const LINKS: SheetFormat = SheetFormat {
    name: sheet::LINKS,
    table: "Links",
    entity: Some("action_note"),
    full_only: false,
    big: false,
    for_reading: false,
    frozen_columns: 0,
    columns: &[
        derived("Action", Kind::LongText, 40.0),
        derived("Note", Kind::LongText, 40.0),
        derived("Quadrant", Kind::Choice(&QUADRANT), 14.0),
        id("action_note.id"),
        reference("Action ID", "action_note.action_id"),
        reference("Note ID", "action_note.note_id"),
        created("action_note.created_at"),
        updated("action_note.updated_at"),
        deleted("action_note.deleted_at"),
    ],
};

/// Every change of the workshop's records (full transfer only). Entries never change, so
/// "At" is also their last update.
pub const CHANGE_LOG: SheetFormat = SheetFormat {
    name: sheet::CHANGE_LOG,
    table: "ChangeLog",
    entity: Some("change_log"),
    full_only: true,
    big: true,
    for_reading: false,
    frozen_columns: 0,
    columns: &[
        stored("At (UTC)", Kind::Timestamp, "change_log.at", TIME_WIDTH),
        stored("Entity", Kind::Text, "change_log.entity", 14.0),
        reference("Entity ID", "change_log.entity_id"),
        stored("Operation", Kind::Text, "change_log.op", 10.0),
        // One line each, not wrapped: tall rows of JSON help nobody, and a row of its own
        // height costs the writer memory for every one of many thousand rows.
        stored("Changes", Kind::Text, "change_log.changes", 60.0),
        reference("Device", "change_log.device_id"),
        reference("Edit ID", "change_log.edit_id"),
        id("change_log.id"),
        stored("Sequence", Kind::Integer, "change_log.seq", 10.0),
        reference("Merged by import", "change_log.merged_by"),
    ],
};

/// The undo stack (full transfer only).
pub const EDITS: SheetFormat = SheetFormat {
    name: sheet::EDITS,
    table: "Edits",
    entity: Some("edit"),
    full_only: true,
    big: false,
    for_reading: false,
    frozen_columns: 0,
    columns: &[
        stored("Edit", Kind::Text, "edit.label", 36.0),
        stored("State", Kind::Text, "edit.state", 10.0),
        stored("Sequence", Kind::Integer, "edit.seq", 10.0),
        stored("At (UTC)", Kind::Timestamp, "edit.at", TIME_WIDTH),
        reference("Device", "edit.device_id"),
        id("edit.id"),
    ],
};

/// The data sheets in the order they appear, between the Summary and "About this file".
pub const DATA_SHEETS: [&SheetFormat; 15] = [
    &PARTICIPANTS,
    &ATTENDANCE,
    &SIGN_INS,
    &COUNTRIES,
    &GROUPS,
    &SWOT,
    &ACTION_PLANS,
    &WORKSHOP,
    &GROUPINGS,
    &WORKING_GROUPS,
    &BOARDS,
    &PLANS,
    &LINKS,
    &CHANGE_LOG,
    &EDITS,
];

/// A session's name as the app shows it: "Day" when there is one a day, else "Morning",
/// "Afternoon", "Evening".
pub fn session_name(session: u8, per_day: u8) -> String {
    if per_day <= 1 {
        return "Day".to_string();
    }
    match session {
        1 => "Morning".to_string(),
        2 => "Afternoon".to_string(),
        3 => "Evening".to_string(),
        n => format!("Session {n}"),
    }
}

/// The number format of date cells.
pub const DATE_FORMAT: &str = "yyyy-mm-dd";
/// The number format of timestamp cells: milliseconds shown, as stored.
pub const TIMESTAMP_FORMAT: &str = "yyyy-mm-dd hh:mm:ss.000";

/// Excel's day 0 in the 1900 date system (as every modern Excel counts: 1899-12-30, which
/// absorbs the fictitious 1900-02-29 for every date after February 1900).
fn excel_epoch() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(1899, 12, 30)
        .unwrap_or_default()
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
}

const MS_PER_DAY: f64 = 86_400_000.0;

/// A date as Excel's serial day number.
pub fn date_serial(date: NaiveDate) -> f64 {
    (date - excel_epoch().date()).num_days() as f64
}

/// A serial day number back to a date (the fraction, a time of day, is ignored).
pub fn date_from_serial(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    excel_epoch()
        .date()
        .checked_add_signed(TimeDelta::days(serial.floor() as i64))
}

/// A moment as Excel's serial date-time (days and fraction of a day, UTC). At millisecond
/// precision a double holds it with room to spare: 0.6 µs of resolution in this century.
pub fn timestamp_serial(at: DateTime<Utc>) -> f64 {
    let ms = (at.naive_utc() - excel_epoch()).num_milliseconds();
    ms as f64 / MS_PER_DAY
}

/// A serial date-time back to the moment, rounded to the millisecond as Excel keeps it: the
/// exact inverse of [`timestamp_serial`] for every millisecond from 1900 to 9999.
pub fn timestamp_from_serial(serial: f64) -> Option<DateTime<Utc>> {
    if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let ms = (serial * MS_PER_DAY).round() as i64;
    excel_epoch()
        .checked_add_signed(TimeDelta::milliseconds(ms))
        .map(|at| at.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use rand::{Rng, SeedableRng};

    #[test]
    fn the_quadrants_are_labelled_in_the_boards_own_order() {
        // The Summary's SWOT table heads its columns from QUADRANT and fills them in
        // Quadrant::ALL's order.
        let codes: Vec<&str> = QUADRANT.options.iter().map(|(code, _)| *code).collect();
        let order: Vec<&str> = crate::board::Quadrant::ALL
            .iter()
            .map(|q| q.as_str())
            .collect();
        assert_eq!(codes, order);
    }

    #[test]
    fn every_millisecond_survives_the_trip_through_an_excel_serial() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(5);
        let first = Utc.with_ymd_and_hms(1950, 1, 1, 0, 0, 0).unwrap();
        for _ in 0..200_000 {
            let at = first + TimeDelta::milliseconds(rng.random_range(0..4_000_000_000_000));
            let serial = timestamp_serial(at);
            assert_eq!(timestamp_from_serial(serial), Some(at), "{at:?}");
            // As Excel writes it back (15 significant digits) it still rounds to the same
            // millisecond.
            let excel: f64 = format!("{serial:.15e}").parse().unwrap();
            let fifteen: f64 = format!("{:.14e}", excel).parse().unwrap();
            assert_eq!(
                timestamp_from_serial(fifteen),
                Some(at),
                "{at:?} at 15 digits"
            );
        }
    }

    #[test]
    fn dates_are_whole_serial_days() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(
            date_serial(date),
            46_349.0,
            "as Excel numbers 23 November 2026"
        );
        assert_eq!(date_from_serial(46_349.0), Some(date));
        assert_eq!(date_from_serial(-3.0), None);
        assert_eq!(date_from_serial(f64::NAN), None);
    }

    #[test]
    fn choices_read_back_from_labels_or_codes() {
        assert_eq!(ROLE.label("resource_person"), "Resource person");
        assert_eq!(ROLE.code(" resource person "), Some("resource_person"));
        assert_eq!(ROLE.code("resource_person"), Some("resource_person"));
        assert_eq!(SEX.code("Femme"), None);
        assert_eq!(
            SEX.label("unknown"),
            "unknown",
            "an unknown code is kept as it is"
        );
    }

    /// docs/workbook-format.md names every sheet, every column with its source, and every
    /// label of "About this file": the page for analysts follows the code.
    #[test]
    fn the_format_document_describes_every_sheet_and_column() {
        let doc = include_str!("../../docs/workbook-format.md");
        for sheet in DATA_SHEETS {
            let heading = format!("### {}", sheet.name);
            let start = doc
                .find(&heading)
                .unwrap_or_else(|| panic!("no section for {}", sheet.name));
            let section = &doc[start + heading.len()..];
            let section = &section[..section.find("\n### ").unwrap_or(section.len())];
            for column in sheet.columns {
                let source = match column.source {
                    Source::Stored(at) => at,
                    Source::Derived => "derived",
                };
                let row_start = format!("| {} |", column.header);
                let row = section
                    .lines()
                    .find(|line| line.starts_with(&row_start))
                    .unwrap_or_else(|| panic!("{}: no row for {:?}", sheet.name, column.header));
                assert!(
                    row.trim_end().ends_with(&format!("| {source} |")),
                    "{}: the row of {:?} should end with its source {source}: {row}",
                    sheet.name,
                    column.header
                );
            }
        }
        for label in
            about::METADATA
                .iter()
                .chain(&[about::SHEET, about::ROWS, about::CHECKSUM, about::SEAL])
        {
            assert!(doc.contains(label), "{label} is not described");
        }
        assert!(doc.contains(&format!("(format version {FORMAT_VERSION})")));
    }

    #[test]
    fn no_label_of_the_about_sheet_is_also_a_sheet_name() {
        for sheet in DATA_SHEETS {
            assert!(!about::METADATA.contains(&sheet.name), "{}", sheet.name);
            assert_ne!(sheet.name, about::SHEET);
            assert_ne!(sheet.name, about::SEAL);
        }
    }

    #[test]
    fn headers_are_unique_and_sheet_names_fit_excel() {
        for sheet in DATA_SHEETS {
            assert!(sheet.name.chars().count() <= 31, "{}", sheet.name);
            assert!(!sheet.table.contains(' '), "{}", sheet.table);
            let mut headers: Vec<&str> = sheet.columns.iter().map(|c| c.header.as_ref()).collect();
            headers.sort_unstable();
            let count = headers.len();
            headers.dedup();
            assert_eq!(
                headers.len(),
                count,
                "{}: a header appears twice",
                sheet.name
            );
        }
    }
}
