import { afterEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient } from '../db/testing';
import { WarmCalls } from './warm-calls';

let cleanup: (() => void) | null = null;

afterEach(() => {
  cleanup?.();
  cleanup = null;
});

async function connected() {
  const opened = await openTestClient();
  cleanup = opened.close;
  return opened;
}

describe('WarmCalls', () => {
  it('sends what was planned when the opening is posted, and gives each answer once', async () => {
    const { client } = await connected();
    const warm = new WarmCalls();
    warm.plan('tasks.listForDay', { date: '2026-11-23' });
    expect(warm.take('tasks.listForDay', { date: '2026-11-23' })).toBeNull();
    warm.begin(() => client);
    warm.plan('tasks.listUnfinishedBefore', { date: '2026-11-23' });
    warm.finish();
    const answer = warm.take('tasks.listForDay', { date: '2026-11-23' });
    expect(expectOk((await answer) ?? expect.fail('an early answer'))).toEqual([]);
    expect(warm.take('tasks.listForDay', { date: '2026-11-23' })).toBeNull();
    expect(await warm.take('tasks.listUnfinishedBefore', { date: '2026-11-23' })).toEqual({ ok: true, value: [] });
    expect(warm.take('tasks.listForDay', { date: '2026-11-24' })).toBeNull();
  });

  it('passes on a call it has no early answer of that name for without serializing its input (a restore sends a 250 MB file)', async () => {
    const { client } = await connected();
    const warm = new WarmCalls();
    warm.plan('tasks.listForDay', { date: '2026-11-23' });
    warm.begin(() => client);
    warm.finish();
    const file = new Uint8Array(16);
    Object.defineProperty(file, 'toJSON', { value: () => expect.fail('the file was serialized') });
    expect(warm.take('restore.preview', { file })).toBeNull();
    expect(warm.take('tasks.listForDay', { date: '2026-11-23' })).not.toBeNull();
  });

  it('plans nothing more once the database is open', async () => {
    const { client } = await connected();
    const warm = new WarmCalls();
    warm.begin(() => client);
    warm.finish();
    warm.plan('tasks.listForDay', { date: '2026-11-23' });
    expect(warm.take('tasks.listForDay', { date: '2026-11-23' })).toBeNull();
  });

  it('drops answers when the data changes', async () => {
    const { client } = await connected();
    const warm = new WarmCalls();
    warm.plan('tasks.listForDay', { date: '2026-11-23' });
    warm.begin(() => client);
    warm.finish();
    warm.clear();
    expect(warm.take('tasks.listForDay', { date: '2026-11-23' })).toBeNull();
  });

  it('keeps its plans for the next try when an opening fails, and answers nothing from the failed one', async () => {
    const first = await openTestClient();
    const warm = new WarmCalls();
    warm.plan('tasks.listForDay', { date: '2026-11-23' });
    warm.begin(() => first.client);
    warm.abort();
    first.close();
    expect(warm.take('tasks.listForDay', { date: '2026-11-23' })).toBeNull();
    const { client } = await connected();
    warm.begin(() => client);
    warm.finish();
    expect(await warm.take('tasks.listForDay', { date: '2026-11-23' })).toEqual({ ok: true, value: [] });
  });
});
