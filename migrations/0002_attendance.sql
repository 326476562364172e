-- Attendance per participant, workshop day and session; walk-ins registered at the kiosk;
-- the workshop's session start times.

-- Start times of the sessions as a JSON list of "HH:MM" (one per session); empty means the
-- defaults (a morning until 13:00, an afternoon after).
ALTER TABLE workshop ADD COLUMN session_starts TEXT NOT NULL DEFAULT '[]';

-- Who registered the participant: the facilitator, or the participant at the kiosk ("walk-in",
-- to be reviewed by the facilitator, who then sets reviewed_at).
ALTER TABLE participant ADD COLUMN registered_by TEXT NOT NULL DEFAULT 'facilitator'
    CHECK (registered_by IN ('facilitator', 'kiosk'));
ALTER TABLE participant ADD COLUMN reviewed_at TEXT;

CREATE TABLE attendance (
    id             TEXT PRIMARY KEY,
    workshop_id    TEXT NOT NULL REFERENCES workshop(id),
    participant_id TEXT NOT NULL REFERENCES participant(id),
    day            TEXT NOT NULL,
    session        INTEGER NOT NULL CHECK (session BETWEEN 1 AND 3),
    method         TEXT NOT NULL CHECK (method IN ('kiosk', 'badge', 'facilitator', 'paper')),
    -- When the person signed in; for a late entry, the time the facilitator gives.
    signed_in_at   TEXT NOT NULL,
    reason         TEXT NOT NULL DEFAULT '',
    device_id      TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
) STRICT;

-- One sign-in per participant and session; an unmarked (deleted) one may be marked again.
CREATE UNIQUE INDEX attendance_once ON attendance (participant_id, day, session)
    WHERE deleted_at IS NULL;
CREATE INDEX attendance_by_workshop ON attendance (workshop_id, day, session);
