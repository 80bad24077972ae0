import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDLE_CHECKPOINT_DELAY_MS } from './idle-checkpoint';
import type { Session } from './session';
import { expectOk, openTestClient } from './testing';
import type { RpcClient } from '../rpc/client';
import { mergeSearchSegments } from './search-merge';

let client: RpcClient;
let close: () => void;
let session: Session;

beforeEach(async () => {
  let database;
  ({ client, close, database } = await openTestClient());
  session = database.host.session;
});

afterEach(() => close());

/** The search index's b-tree segments: each has rows in FTS5's %_idx table. */
const segments = () => Number(session.raw.selectValue('SELECT count(DISTINCT segid) FROM search_index_idx'));

async function addTasks(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(expectOk(await client.call('tasks.create', { title: `Quarterly planning ${i}`, focusDate: '2026-12-07' })).id);
  }
  return ids;
}

const search = async () => expectOk(await client.call('search.query', { query: 'quarterly planning' })).map((hit) => hit.entityId);

describe('search index merging', () => {
  it('is off inside writes once the migrations ran (0010)', () => {
    expect(session.raw.selectValue("SELECT v FROM search_index_config WHERE k = 'automerge'")).toBe(0);
  });

  it('leaves each write its own segment, and merges them in steps without changing a result', async () => {
    await addTasks(12);
    expect(segments()).toBeGreaterThanOrEqual(12);
    const before = await search();
    let steps = 0;
    while (mergeSearchSegments(session.sqlite3, session.raw)) steps++;
    expect(steps).toBeGreaterThan(0);
    expect(segments()).toBeLessThan(4);
    expect(await search()).toEqual(before);
    session.raw.exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')");
  });

  it('answers that there is nothing to do when no level has four segments', async () => {
    await addTasks(2);
    expect(mergeSearchSegments(session.sqlite3, session.raw)).toBe(false);
  });

  it('is done by the worker once the writes pause', async () => {
    const ids = await addTasks(12);
    expect(segments()).toBeGreaterThanOrEqual(12);
    await new Promise((resolve) => setTimeout(resolve, IDLE_CHECKPOINT_DELAY_MS + 500));
    expect(segments()).toBeLessThan(4);
    expect((await search()).sort()).toEqual(ids.sort());
  });
});
