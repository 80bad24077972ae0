-- Daybook 0009: a prefix index for every length a person types, 3 to 12 characters.
-- With an index for 3 only, the last word of a search as you type ("deplo*", "meeting*") made
-- FTS5 read and merge, in memory, the whole posting list of every word that starts with it, over
-- all the years, on every keystroke, even when only the newest 50 matches are shown; with an index
-- of its length it reads one list from the newest end and stops. At ten years: a search 3-5x
-- faster, best match under a frame; the index 33 -> 71 MB of a 250 MB file (words longer than 12
-- characters are rare and still merge, but only a few words share such a prefix).
-- An FTS5 table's options are fixed when it is made, so it is made again as in 0005: its rows
-- (and rowids, which search_index_keys points at) kept aside and put back. Aside in a TEMP table
-- this time (memory, not the file): a copy in the file left 39 MB of free pages in it at ten years,
-- which every download and snapshot would carry until a VACUUM.
CREATE TEMP TABLE _search_index_rows AS SELECT rowid AS search_rowid, entity_type, entity_id, title, body FROM search_index;

DROP TABLE search_index;

CREATE VIRTUAL TABLE search_index USING fts5 (
  entity_type UNINDEXED,
  entity_id UNINDEXED,
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '3 4 5 6 7 8 9 10 11 12'
);

INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
SELECT search_rowid, entity_type, entity_id, title, body FROM _search_index_rows ORDER BY search_rowid;

DROP TABLE temp._search_index_rows;

-- One b-tree per index instead of one segment per insert batch: the first searches stay fast.
INSERT INTO search_index (search_index) VALUES ('optimize');
