-- Practice incidents (drills): a full incident run in a drill- channel, announced as practice and paging nobody. It
-- counts toward duty load like any incident; the digest keeps it out of incident counts, response times and back
-- pressure and lists it apart. A flag, 0 or 1, like is_private.
ALTER TABLE incidents ADD COLUMN practice INTEGER NOT NULL DEFAULT 0;
