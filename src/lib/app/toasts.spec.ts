import { afterEach, describe, expect, it, vi } from 'vitest';
import { toasts } from './toasts.svelte';

afterEach(() => {
  vi.runOnlyPendingTimers();
  vi.useRealTimers();
});

describe('toasts.pending', () => {
  it('stays while the work runs, however long, and gives its place to the outcome', () => {
    vi.useFakeTimers();
    const undoing = toasts.pending('Undoing the import…');
    vi.advanceTimersByTime(60_000);
    expect(toasts.items.map((toast) => toast.message)).toContain('Undoing the import…');

    undoing.settle('The import was undone.');
    expect(toasts.items.map((toast) => toast.message)).not.toContain('Undoing the import…');
    expect(toasts.items.at(-1)).toMatchObject({ message: 'The import was undone.', tone: 'info' });
    // The outcome goes like any message.
    vi.advanceTimersByTime(6_000);
    expect(toasts.items.map((toast) => toast.message)).not.toContain('The import was undone.');
  });

  it('shows a failure as an error', () => {
    vi.useFakeTimers();
    toasts.pending('Undoing the restore…').settle('This snapshot no longer exists.', 'error');
    expect(toasts.items.at(-1)).toMatchObject({ message: 'This snapshot no longer exists.', tone: 'error' });
  });
});
