import { describe, expect, it } from 'vitest';
import { LongCall } from './long-call.svelte';

describe('LongCall', () => {
  it('shows the worker’s reports while it runs, stops on request, and forgets it all once answered', () => {
    const call = new LongCall();
    const options = call.start();
    expect(call.running).toBe(true);
    expect(call.progress).toBeNull();

    options.onProgress?.(4, 10, 'copying');
    expect(call.progress).toEqual({ done: 4, total: 10, phase: 'copying' });
    options.onProgress?.(5, 10);
    expect(call.progress).toEqual({ done: 5, total: 10 });

    call.stop();
    expect(options.signal?.aborted).toBe(true);
    call.finish();
    expect(call.running).toBe(false);
    expect(call.progress).toBeNull();
    // A new call has a signal of its own.
    expect(call.start().signal?.aborted).toBe(false);
  });
});
