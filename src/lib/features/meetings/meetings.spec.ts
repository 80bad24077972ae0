import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';

let client: RpcClient;
let close: () => void;

beforeEach(async () => {
  ({ client, close } = await openTestClient());
});

afterEach(() => close());

describe('meetings (through the generic entity commands)', () => {
  it('creates a meeting with defaults from the database and reads it back', async () => {
    const meeting = expectOk(await client.call('meetings.create', { title: 'Weekly 1:1', meetingDate: '2026-11-20', meetingTime: '09:30' }));
    expect(meeting).toMatchObject({ title: 'Weekly 1:1', meetingDate: '2026-11-20', meetingTime: '09:30', outcomeNotes: '', deletedAt: null });
    expect(expectOk(await client.call('meetings.get', { id: meeting.id }))).toEqual(meeting);
  });

  it('names the field of a bad input and writes nothing', async () => {
    const bad = await client.call('meetings.create', { title: 'Standup', meetingDate: '2026-11-20', meetingTime: '25:00' });
    expect(bad).toEqual({ ok: false, error: { code: 'validation', message: 'Time must be a time like 09:30.', field: 'meetingTime' } });
    const missing = await client.call('meetings.create', { title: '', meetingDate: '2026-11-20' });
    expect(missing.ok === false && missing.error).toMatchObject({ field: 'title', message: 'Title is required.' });
    expect(expectOk(await client.call('meetings.list', {})).items).toEqual([]);
  });

  it('lists newest first within a date range, a page at a time', async () => {
    for (const day of ['2026-11-01', '2026-11-10', '2026-11-20', '2026-12-01']) {
      expectOk(await client.call('meetings.create', { title: `Meeting ${day}`, meetingDate: day }));
    }
    const november = expectOk(await client.call('meetings.list', { from: '2026-11-01', to: '2026-11-30', limit: 2 }));
    expect(november.items.map((meeting) => meeting.meetingDate)).toEqual(['2026-11-20', '2026-11-10']);
    expect(november.hasMore).toBe(true);
    const next = expectOk(await client.call('meetings.list', { from: '2026-11-01', to: '2026-11-30', limit: 2, offset: 2 }));
    expect(next.items.map((meeting) => meeting.meetingDate)).toEqual(['2026-11-01']);
    expect(next.hasMore).toBe(false);
  });

  it('edits only the fields given and can clear an optional one', async () => {
    const meeting = expectOk(await client.call('meetings.create', { title: 'Retro', meetingDate: '2026-11-20', meetingTime: '15:00' }));
    const edited = expectOk(await client.call('meetings.update', { id: meeting.id, outcomeNotes: 'Ship smaller', meetingTime: null }));
    expect(edited).toMatchObject({ title: 'Retro', outcomeNotes: 'Ship smaller', meetingTime: null });
  });

  it('adds and removes attendees, and filters meetings by person', async () => {
    const ana = expectOk(await client.call('people.create', { name: 'Ana' }));
    const ben = expectOk(await client.call('people.create', { name: 'Ben' }));
    const planning = expectOk(await client.call('meetings.create', { title: 'Planning', meetingDate: '2026-11-20' }));
    const review = expectOk(await client.call('meetings.create', { title: 'Review', meetingDate: '2026-11-21' }));
    expectOk(await client.call('meetings.addAttendee', { id: planning.id, personId: ben.id }));
    expectOk(await client.call('meetings.addAttendee', { id: planning.id, personId: ana.id }));
    expectOk(await client.call('meetings.addAttendee', { id: planning.id, personId: ana.id }));
    expectOk(await client.call('meetings.addAttendee', { id: review.id, personId: ben.id }));

    const attendees = expectOk(await client.call('meetings.attendees', { id: planning.id }));
    expect(attendees.map((person) => person.name)).toEqual(['Ana', 'Ben']);
    const withAna = expectOk(await client.call('meetings.list', { personId: ana.id }));
    expect(withAna.items.map((meeting) => meeting.title)).toEqual(['Planning']);

    expectOk(await client.call('meetings.removeAttendee', { id: planning.id, personId: ana.id }));
    expect(expectOk(await client.call('meetings.attendees', { id: planning.id })).map((person) => person.name)).toEqual(['Ben']);
  });

  it('refuses an attendee who does not exist', async () => {
    const meeting = expectOk(await client.call('meetings.create', { title: 'Planning', meetingDate: '2026-11-20' }));
    const answer = await client.call('meetings.addAttendee', { id: meeting.id, personId: 'nobody' });
    expect(answer.ok === false && answer.error.code).toBe('constraint');
  });

  it('moves a meeting to the trash, hides it, and restores it', async () => {
    const meeting = expectOk(await client.call('meetings.create', { title: 'Oops', meetingDate: '2026-11-20' }));
    expectOk(await client.call('meetings.delete', { id: meeting.id }));
    expect(expectOk(await client.call('meetings.list', {})).items).toEqual([]);
    expect(await client.call('meetings.get', { id: meeting.id })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'This meeting no longer exists.' }
    });
    expectOk(await client.call('meetings.restore', { id: meeting.id }));
    expect(expectOk(await client.call('meetings.list', {})).items.map((m) => m.id)).toEqual([meeting.id]);
  });
});
