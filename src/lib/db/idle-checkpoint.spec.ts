import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleCheckpoint, WAL_CHECKPOINT_LIMIT } from './idle-checkpoint';

let executed: string[];
const raw = { exec: (sql: string) => executed.push(sql) };
const checkpoints = () => executed.filter((sql) => sql.startsWith('PRAGMA wal_checkpoint')).length;

beforeEach(() => {
  executed = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('IdleCheckpoint', () => {
  it('sets SQLite’s own checkpoint limit, for writes that never pause', () => {
    new IdleCheckpoint({ raw, canRun: () => true });
    expect(executed).toEqual([`PRAGMA wal_autocheckpoint = ${WAL_CHECKPOINT_LIMIT}`]);
  });

  it('checkpoints once, when the writes pause', () => {
    const idle = new IdleCheckpoint({ raw, canRun: () => true, delayMs: 100 });
    for (let i = 0; i < 5; i++) {
      idle.afterCommit();
      vi.advanceTimersByTime(60);
    }
    expect(checkpoints()).toBe(0);
    vi.advanceTimersByTime(100);
    expect(executed.at(-1)).toBe('PRAGMA wal_checkpoint(PASSIVE)');
    expect(checkpoints()).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(checkpoints()).toBe(1);
  });

  it('waits while a transaction or a restore is in progress', () => {
    let busy = true;
    const idle = new IdleCheckpoint({ raw, canRun: () => !busy, delayMs: 100 });
    idle.afterCommit();
    vi.advanceTimersByTime(350);
    expect(checkpoints()).toBe(0);
    busy = false;
    vi.advanceTimersByTime(100);
    expect(checkpoints()).toBe(1);
  });

  it('does the idle work first, one step per task, then checkpoints', () => {
    let remaining = 3;
    const idleStep = () => {
      executed.push('step');
      return --remaining > 0;
    };
    const idle = new IdleCheckpoint({ raw, canRun: () => true, idleStep, delayMs: 100 });
    executed = [];
    idle.afterCommit();
    vi.advanceTimersByTime(100);
    expect(executed).toEqual(['step']);
    vi.advanceTimersByTime(1);
    vi.advanceTimersByTime(1);
    expect(executed).toEqual(['step', 'step', 'step', 'PRAGMA wal_checkpoint(PASSIVE)']);
  });

  it('stops its idle work when a write comes, and goes on at the next pause', () => {
    const idle = new IdleCheckpoint({ raw, canRun: () => true, idleStep: () => (executed.push('step'), true), delayMs: 100 });
    executed = [];
    idle.afterCommit();
    vi.advanceTimersByTime(100);
    idle.afterCommit();
    vi.advanceTimersByTime(50);
    expect(executed).toEqual(['step']);
    vi.advanceTimersByTime(50);
    expect(executed).toEqual(['step', 'step']);
    idle.cancel();
  });

  it('checkpoints when a step fails, and leaves the rest to the next pause', () => {
    const idle = new IdleCheckpoint({
      raw,
      canRun: () => true,
      idleStep: () => {
        throw new Error('no search index');
      },
      delayMs: 100
    });
    idle.afterCommit();
    vi.advanceTimersByTime(100);
    expect(checkpoints()).toBe(1);
  });

  it('does nothing once cancelled (the database closed)', () => {
    const idle = new IdleCheckpoint({ raw, canRun: () => true, delayMs: 100 });
    idle.afterCommit();
    idle.cancel();
    vi.advanceTimersByTime(1000);
    expect(checkpoints()).toBe(0);
  });
});
