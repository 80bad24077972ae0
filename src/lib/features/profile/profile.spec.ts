import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';

let client: RpcClient;
let close: () => void;

beforeEach(async () => {
  ({ client, close } = await openTestClient());
});

afterEach(() => close());

describe('profile', () => {
  it('exists from the start and keeps what is changed', async () => {
    expect(expectOk(await client.call('profile.get', undefined))).toMatchObject({ id: 'local', weekStart: 1, theme: 'system' });
    const updated = expectOk(
      await client.call('profile.update', { displayName: 'Sam', timezone: 'Europe/Berlin', weekStart: 7, preferences: { compact: true } })
    );
    expect(updated).toMatchObject({ displayName: 'Sam', timezone: 'Europe/Berlin', weekStart: 7, preferences: '{"compact":true}' });
  });

  it('refuses an unknown time zone and a week start out of range, changing nothing', async () => {
    expect(await client.call('profile.update', { timezone: 'Mars/Olympus' })).toEqual({
      ok: false,
      error: { code: 'validation', message: 'Time zone must be a name like Europe/Berlin.', field: 'timezone' }
    });
    const week = await client.call('profile.update', { weekStart: 8 });
    expect(week.ok === false && week.error.field).toBe('weekStart');
    expect(expectOk(await client.call('profile.get', undefined))).toMatchObject({ timezone: 'UTC', weekStart: 1 });
  });
});
