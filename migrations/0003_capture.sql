-- Working groups, SWOT boards and action plans, captured live; every edit undoable.
-- All rows are soft-deleted (deleted_at) so that an undo can bring them back and a merge of
-- workbooks can tell a deletion from a row never seen. `position` is a REAL sort key: a move
-- changes one row (placed between its new neighbours), not the numbering of a whole list.

-- One user action (type a note, merge two, move one) is one edit: the change-log entries it
-- wrote carry its ID, and undo applies them backwards. `state` makes the undo/redo stack:
-- undo takes the newest `done` edit, redo the oldest `undone` one, and a new edit discards
-- what could have been redone.
ALTER TABLE change_log ADD COLUMN edit_id TEXT;
CREATE INDEX change_log_by_edit ON change_log (edit_id) WHERE edit_id IS NOT NULL;

CREATE TABLE edit (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshop(id),
    label       TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('done', 'undone', 'discarded')),
    at          TEXT NOT NULL,
    device_id   TEXT NOT NULL
) STRICT;

CREATE INDEX edit_by_workshop ON edit (workshop_id, state, seq);

-- A way of dividing the participants into working groups ("By sub-region, day 2").
CREATE TABLE grouping (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshop(id),
    name        TEXT NOT NULL,
    position    REAL NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE TABLE work_group (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshop(id),
    grouping_id TEXT NOT NULL REFERENCES grouping(id),
    name        TEXT NOT NULL,
    position    REAL NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE INDEX work_group_by_grouping ON work_group (grouping_id);

CREATE TABLE group_member (
    id             TEXT PRIMARY KEY,
    workshop_id    TEXT NOT NULL REFERENCES workshop(id),
    grouping_id    TEXT NOT NULL REFERENCES grouping(id),
    group_id       TEXT NOT NULL REFERENCES work_group(id),
    participant_id TEXT NOT NULL REFERENCES participant(id),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
) STRICT;

-- A participant is in at most one group of a grouping.
CREATE UNIQUE INDEX group_member_once ON group_member (grouping_id, participant_id)
    WHERE deleted_at IS NULL;
CREATE INDEX group_member_by_group ON group_member (group_id);

CREATE TABLE board (
    id             TEXT PRIMARY KEY,
    workshop_id    TEXT NOT NULL REFERENCES workshop(id),
    question       TEXT NOT NULL,
    group_id       TEXT REFERENCES work_group(id),
    -- A note with at least this many votes is a priority.
    priority_votes INTEGER NOT NULL DEFAULT 3,
    position       REAL NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
) STRICT;

CREATE INDEX board_by_workshop ON board (workshop_id);

-- A note of a SWOT quadrant, or a heading that notes of the same quadrant are grouped under.
CREATE TABLE note (
    id                       TEXT PRIMARY KEY,
    workshop_id              TEXT NOT NULL REFERENCES workshop(id),
    board_id                 TEXT NOT NULL REFERENCES board(id),
    quadrant                 TEXT NOT NULL,
    text                     TEXT NOT NULL,
    position                 REAL NOT NULL,
    votes                    INTEGER NOT NULL DEFAULT 0,
    is_heading               INTEGER NOT NULL DEFAULT 0,
    heading_id               TEXT REFERENCES note(id),
    raised_by_group_id       TEXT REFERENCES work_group(id),
    raised_by_participant_id TEXT REFERENCES participant(id),
    -- Set on the note that was merged into another (and deleted with it).
    merged_into              TEXT REFERENCES note(id),
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL,
    deleted_at               TEXT
) STRICT;

CREATE INDEX note_by_board ON note (board_id, quadrant, position);

CREATE TABLE action_plan (
    id           TEXT PRIMARY KEY,
    workshop_id  TEXT NOT NULL REFERENCES workshop(id),
    scope        TEXT NOT NULL,
    country      TEXT,
    organisation TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL,
    group_id     TEXT REFERENCES work_group(id),
    position     REAL NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
) STRICT;

CREATE INDEX action_plan_by_workshop ON action_plan (workshop_id);

CREATE TABLE action (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshop(id),
    plan_id     TEXT NOT NULL REFERENCES action_plan(id),
    description TEXT NOT NULL,
    responsible TEXT NOT NULL,
    partners    TEXT NOT NULL DEFAULT '',
    start_date  TEXT,
    due_date    TEXT,
    status      TEXT NOT NULL DEFAULT 'planned',
    resources   TEXT NOT NULL DEFAULT '',
    indicator   TEXT NOT NULL DEFAULT '',
    baseline    TEXT NOT NULL DEFAULT '',
    target      TEXT NOT NULL DEFAULT '',
    -- A JSON list of theme tags.
    themes      TEXT NOT NULL DEFAULT '[]',
    position    REAL NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE INDEX action_by_plan ON action (plan_id, position);
CREATE INDEX action_by_workshop ON action (workshop_id);

-- Which SWOT notes an action answers (many to many).
CREATE TABLE action_note (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshop(id),
    action_id   TEXT NOT NULL REFERENCES action(id),
    note_id     TEXT NOT NULL REFERENCES note(id),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
) STRICT;

CREATE UNIQUE INDEX action_note_once ON action_note (action_id, note_id) WHERE deleted_at IS NULL;
CREATE INDEX action_note_by_note ON action_note (note_id);
