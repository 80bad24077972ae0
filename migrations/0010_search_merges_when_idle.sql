-- Daybook 0010: the search index merges its segments while the person pauses, not inside a write.
-- FTS5 writes each commit's words as a new small segment and, with its default automerge, merges
-- segments inside whichever write crosses a threshold: at ten years every 64th one-row write paid
-- ~20 ms of merging and now and then one paid ~200 ms (one level merged into the large one).
-- With automerge off the worker does that work in small steps once the writes pause
-- (db/idle-checkpoint.ts, db/search-merge.ts); crisismerge (16 segments on a level)
-- still bounds a stream of writes that never pauses.
INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0);
