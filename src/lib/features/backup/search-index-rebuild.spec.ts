import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/sqlite';
import { expectOk, openTestClient, type TestDatabase } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';
import { readUserTables } from './catalog';
import { fillWithSampleData } from './sample-data';
import { readSearchSources } from './search-index-rebuild';

let source: { client: RpcClient; database: TestDatabase; close: () => void };
let target: { client: RpcClient; database: TestDatabase; close: () => void };

beforeEach(async () => {
  source = await openTestClient();
  target = await openTestClient();
  await fillWithSampleData(source.client);
});

afterEach(() => {
  source.close();
  target.close();
});

const rawOf = (side: typeof source): Database => side.database.host.session.raw;

/** The search keys in key order, and the index's text by key: what the triggers keep. */
function searchState(raw: Database) {
  return {
    keys: raw.selectArrays('SELECT search_rowid, entity_type, entity_id FROM search_index_keys ORDER BY search_rowid'),
    index: raw.selectArrays('SELECT rowid, entity_type, entity_id, title, body FROM search_index ORDER BY rowid')
  };
}

async function importSourceIntoTarget(): Promise<void> {
  const { data } = expectOk(await source.client.call('backup.exportJson', undefined));
  expectOk(await target.client.call('backup.importJson', { document: data }));
}

describe('search index rebuilt by an import', () => {
  it('runs the search trigger of every searchable kind as one statement per table', () => {
    const raw = rawOf(target);
    const kinds = readSearchSources(raw, readUserTables(raw)).map((source) => source.kind);
    expect(kinds.sort()).toEqual(['decision', 'event', 'feedback', 'goal', 'journal_entry', 'learning', 'meeting', 'person', 'project', 'task']);
  });

  it('holds exactly the keys and text the triggers wrote as the items were made, trashed items keyed but not indexed', async () => {
    const before = searchState(rawOf(source));
    expect(before.keys.length).toBeGreaterThan(before.index.length);
    await importSourceIntoTarget();
    expect(searchState(rawOf(target))).toEqual(before);
    rawOf(target).exec("INSERT INTO search_index(search_index) VALUES('integrity-check')");
    // The build's larger FTS5 hash is not left behind as a setting, and the migrations' are kept.
    expect(rawOf(target).selectValue("SELECT count(*) FROM search_index_config WHERE k = 'hashsize'")).toBe(0);
    expect(rawOf(target).selectValue("SELECT v FROM search_index_config WHERE k = 'automerge'")).toBe(0);
  });

  it('keeps a search trigger of another shape running row by row, with the same result, and puts every trigger back', async () => {
    const raw = rawOf(target);
    const original = String(raw.selectValue("SELECT sql FROM sqlite_schema WHERE name = 'tasks_search_insert'"));
    const reshaped = original.replace('FOR EACH ROW', 'FOR EACH ROW WHEN 1');
    raw.exec('DROP TRIGGER tasks_search_insert');
    raw.exec(reshaped);
    const triggers = raw.selectArrays("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name");
    expect(readSearchSources(raw, readUserTables(raw)).map((source) => source.kind)).not.toContain('task');

    const before = searchState(rawOf(source));
    await importSourceIntoTarget();
    expect(searchState(raw)).toEqual(before);
    expect(raw.selectArrays("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")).toEqual(triggers);
  });

  it('indexes items written after the import through the triggers again', async () => {
    await importSourceIntoTarget();
    const created = expectOk(await target.client.call('tasks.create', { title: 'Quasar review', focusDate: '2026-03-05' }));
    const hits = expectOk(await target.client.call('search.query', { query: 'quasar' }));
    expect(hits.map((hit) => hit.entityId)).toEqual([created.id]);
  });
});
