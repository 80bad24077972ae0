import { Prng } from './prng';
import { peerQueries, prose, title } from './text';

/**
 * The peers workload (issue item 6), identical on every stack: 100,000 task rows, 1,000 point reads by
 * primary key, 200 full-text queries over 20,000 documents. Everything is derived from fixed seeds.
 */
export const PEER_ROWS = 100_000;
export const PEER_READS = 1_000;
export const PEER_DOCUMENTS = 20_000;
export const PEER_QUERIES = 200;

export interface PeerTask {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly priority: string;
  readonly status: string;
  readonly focusDate: string;
  readonly createdAt: string;
}

export interface PeerDocument {
  readonly id: number;
  readonly title: string;
  readonly body: string;
}

export const PEER_TASK_SQL = [
  `CREATE TABLE tasks (
     id TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL,
     priority TEXT NOT NULL, status TEXT NOT NULL, focus_date TEXT, created_at TEXT NOT NULL
   ) STRICT`,
  'CREATE INDEX tasks_focus_date ON tasks (focus_date)'
];
export const PEER_INSERT_SQL = 'INSERT INTO tasks (id, title, description, priority, status, focus_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)';
export const PEER_READ_SQL = 'SELECT * FROM tasks WHERE id = ?';
export const PEER_FTS_SQL = ["CREATE VIRTUAL TABLE docs USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2')"];
export const PEER_FTS_INSERT_SQL = 'INSERT INTO docs (rowid, title, body) VALUES (?, ?, ?)';
export const PEER_FTS_QUERY_SQL = "SELECT rowid AS id, title, snippet(docs, 1, '[', ']', '…', 16) AS snippet, bm25(docs) AS rank FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 20";

export function peerTasks(count = PEER_ROWS): PeerTask[] {
  const random = new Prng('peers/tasks');
  const rows: PeerTask[] = [];
  const start = Date.parse('2016-01-01T09:00:00.000Z');
  for (let i = 0; i < count; i++) {
    const created = new Date(start + i * 3_000_000);
    rows.push({
      id: `${created.getTime().toString(16).padStart(12, '0')}-${random.hex(20)}`,
      title: title(random, 2, 7),
      description: random.chance(0.5) ? prose(random, random.int(5, 60)) : '',
      priority: random.pick(['high', 'medium', 'low']),
      status: random.pick(['todo', 'done', 'done', 'done', 'cancelled']),
      focusDate: created.toISOString().slice(0, 10),
      createdAt: created.toISOString()
    });
  }
  return rows;
}

/** Which rows the point reads ask for, in order. */
export function peerReadIds(rows: readonly PeerTask[], count = PEER_READS): string[] {
  const random = new Prng('peers/reads');
  return Array.from({ length: count }, () => random.pick(rows).id);
}

export function peerDocuments(count = PEER_DOCUMENTS): PeerDocument[] {
  const random = new Prng('peers/documents');
  return Array.from({ length: count }, (_, i) => ({ id: i + 1, title: title(random, 2, 7), body: prose(random, random.int(40, 200)) }));
}

/** The words of each query; on SQLite they become an FTS5 query of quoted terms (all must match). */
export function peerFtsQueries(count = PEER_QUERIES): string[][] {
  return peerQueries(new Prng('peers/queries'), count);
}

export function toFtsMatch(words: readonly string[]): string {
  return words.map((word) => `"${word}"`).join(' ');
}

/** The tokens Dexie indexes for a document (lower-cased words), as a full-text index would. */
export function tokens(text: string): string[] {
  return [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])];
}
