-- Foundation: the installation, workshops, participants and the append-only change log.
-- IDs are UUIDv7 text; times are RFC 3339 UTC text with milliseconds, so they sort as text.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE workshop (
    id                TEXT PRIMARY KEY,
    title             TEXT NOT NULL,
    venue_city        TEXT NOT NULL DEFAULT '',
    country           TEXT,
    start_date        TEXT NOT NULL,
    end_date          TEXT NOT NULL,
    sessions_per_day  INTEGER NOT NULL DEFAULT 1 CHECK (sessions_per_day BETWEEN 1 AND 3),
    organisers        TEXT NOT NULL DEFAULT '',
    programme_code    TEXT NOT NULL DEFAULT '',
    working_languages TEXT NOT NULL DEFAULT '[]',
    youth_age_limit   INTEGER NOT NULL DEFAULT 35,
    archived_at       TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT,
    CHECK (end_date >= start_date)
) STRICT;

CREATE TABLE participant (
    id              TEXT PRIMARY KEY,
    workshop_id     TEXT NOT NULL REFERENCES workshop(id),
    full_name       TEXT NOT NULL,
    name_latin      TEXT NOT NULL DEFAULT '',
    sex             TEXT NOT NULL DEFAULT 'not_stated'
                    CHECK (sex IN ('woman', 'man', 'another', 'not_stated')),
    birth_year      INTEGER,
    country         TEXT,
    organisation    TEXT NOT NULL DEFAULT '',
    position        TEXT NOT NULL DEFAULT '',
    role            TEXT NOT NULL DEFAULT 'participant'
                    CHECK (role IN ('participant', 'resource_person', 'facilitator',
                                    'organiser_staff', 'observer')),
    email           TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    consent_contact INTEGER NOT NULL DEFAULT 0 CHECK (consent_contact IN (0, 1)),
    consent_photos  INTEGER NOT NULL DEFAULT 0 CHECK (consent_photos IN (0, 1)),
    notes           TEXT NOT NULL DEFAULT '',
    badge_code      TEXT NOT NULL,
    -- Derived from the name, kept for fast duplicate checks and search; never shown.
    name_key        TEXT NOT NULL,
    search_text     TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT,
    UNIQUE (workshop_id, badge_code)
) STRICT;

CREATE INDEX participant_by_workshop ON participant (workshop_id, deleted_at);
CREATE INDEX participant_by_name_key ON participant (workshop_id, name_key);
CREATE INDEX participant_by_email ON participant (workshop_id, lower(email));

-- Every create, update, delete and restore, with the changed fields' old and new values.
-- Backs undo in the app and merging of workbooks later; never updated, never deleted.
CREATE TABLE change_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    workshop_id TEXT,
    op          TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete', 'restore')),
    changes     TEXT NOT NULL,
    at          TEXT NOT NULL,
    device_id   TEXT NOT NULL
) STRICT;

CREATE INDEX change_log_by_entity ON change_log (entity, entity_id);
CREATE INDEX change_log_by_workshop ON change_log (workshop_id, seq);

CREATE TRIGGER change_log_is_append_only_update BEFORE UPDATE ON change_log
BEGIN
    SELECT RAISE(ABORT, 'the change log is append-only');
END;

CREATE TRIGGER change_log_is_append_only_delete BEFORE DELETE ON change_log
BEGIN
    SELECT RAISE(ABORT, 'the change log is append-only');
END;
