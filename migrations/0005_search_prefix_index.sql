-- Daybook 0005: prefix indexes for search as you type.
-- A query ends in a prefix ("deplo*"), which FTS5 answers by merging the posting lists of every
-- word that starts with it: thousands of lists for a short prefix at ten years of writing.
-- prefix='3' stores the list of every 3-character prefix too, so a short prefix reads one list and a
-- longer one starts from a narrow set (search takes a last word of one or two characters whole,
-- not as a prefix). A 2-character index as well would add another 14 MB at ten years. An FTS5 table's options are fixed when it is
-- made, so the index is rebuilt: its rows (and rowids, which search_index_keys points at) are kept
-- aside, the table made again, and the rows put back. The *_search_* triggers refer to the table
-- by name and keep working.
CREATE TABLE _search_index_rows AS SELECT rowid AS search_rowid, entity_type, entity_id, title, body FROM search_index;

DROP TABLE search_index;

CREATE VIRTUAL TABLE search_index USING fts5 (
  entity_type UNINDEXED,
  entity_id UNINDEXED,
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '3'
);

INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
SELECT search_rowid, entity_type, entity_id, title, body FROM _search_index_rows ORDER BY search_rowid;

DROP TABLE _search_index_rows;

-- One b-tree per index instead of one segment per insert batch: the first searches stay fast.
INSERT INTO search_index (search_index) VALUES ('optimize');
