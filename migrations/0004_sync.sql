-- Import and merge of workbooks (sync between laptops).

-- A change-log entry written by an import rather than by a person: another laptop's value
-- adopted, a conflict settled, a duplicate sign-in retired. It holds the ID of the import that
-- wrote it; NULL for every entry a person made. Merging looks past these entries to the
-- changes people made, so that two laptops come to the same values whichever imports the
-- other's file first.
ALTER TABLE change_log ADD COLUMN merged_by TEXT;

-- Every import applied: which file, from which laptop and export, and what it did.
CREATE TABLE import (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshop(id),
    file_name   TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    profile     TEXT NOT NULL,
    from_device TEXT NOT NULL,
    exported_at TEXT NOT NULL,
    applied_at  TEXT NOT NULL,
    device_id   TEXT NOT NULL,
    backup_file TEXT,
    -- {"new": n, "updated": n, "conflicts": n, ...}
    counts      TEXT NOT NULL
) STRICT;

CREATE INDEX import_by_workshop ON import (workshop_id, applied_at);
