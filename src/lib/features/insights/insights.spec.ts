import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';

let client: RpcClient;
let close: () => void;
const now = new Date('2026-11-23T12:00:00.000Z');

beforeEach(async () => {
  ({ client, close } = await openTestClient({ now: () => now }));
});

afterEach(() => close());

describe('insights', () => {
  it('offers insights that are neither dismissed nor expired', async () => {
    const open = expectOk(
      await client.call('insights.create', { type: 'pattern', title: 'Mornings are your best hours', description: '', confidence: 0.8, supportingData: { days: 30 } })
    );
    const dismissed = expectOk(await client.call('insights.create', { type: 'suggestion', title: 'Dismiss me', description: '', confidence: 0.5 }));
    expectOk(await client.call('insights.create', { type: 'warning', title: 'Old news', description: '', confidence: 0.5, expiresAt: '2026-11-01T00:00:00Z' }));
    expectOk(await client.call('insights.update', { id: dismissed.id, dismissedAt: now.toISOString() }));

    const offered = expectOk(await client.call('insights.open', {}));
    expect(offered.map((insight) => insight.id)).toEqual([open.id]);
    expect(offered[0]?.supportingData).toBe('{"days":30}');
  });

  it('refuses a confidence outside 0 to 1 and a helpfulness outside 1 to 5', async () => {
    const bad = await client.call('insights.create', { type: 'pattern', title: 'x', description: '', confidence: 1.5 });
    expect(bad).toEqual({ ok: false, error: { code: 'validation', message: 'Confidence is a number from 0 to 1.', field: 'confidence' } });
    const insight = expectOk(await client.call('insights.create', { type: 'pattern', title: 'x', description: '', confidence: 0.5 }));
    const rating = await client.call('insights.update', { id: insight.id, helpfulRating: 9 });
    expect(rating.ok === false && rating.error.field).toBe('helpfulRating');
  });
});
