import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { flag, optionalNullableText, stringList } from './fields';

/** The first message of a refusal, and where it points. */
function refusal(schema: v.GenericSchema, input: unknown): { field: string | null; message: string } {
  const result = v.safeParse(schema, input);
  if (result.success) throw new Error(`Accepted what it should refuse: ${JSON.stringify(input)}`);
  const [first] = result.issues;
  return { field: v.getDotPath(first), message: first.message };
}

describe('flag', () => {
  const done = flag('Done');

  it('takes a boolean or the 0/1 a row carries, and gives SQLite’s 0/1', () => {
    expect([true, false, 1, 0].map((value) => v.parse(done, value))).toEqual([1, 0, 1, 0]);
  });

  it('refuses anything else with one readable message', () => {
    for (const value of [2, 'yes', null, undefined]) expect(refusal(done, value)).toEqual({ field: null, message: 'Done is yes or no.' });
  });
});

describe('optionalNullableText', () => {
  const mood = optionalNullableText('Mood', 10);

  it('trims, and keeps empty text as null (not set)', () => {
    expect(v.parse(mood, '  calm ')).toBe('calm');
    expect(v.parse(mood, '   ')).toBeNull();
    expect(v.parse(mood, null)).toBeNull();
  });

  it('refuses text that is too long after trimming, and what is not text', () => {
    expect(v.parse(mood, `  ${'x'.repeat(10)}  `)).toBe('x'.repeat(10));
    expect(refusal(mood, 'x'.repeat(11))).toEqual({ field: null, message: 'Mood is at most 10 characters.' });
    expect(refusal(mood, 4)).toEqual({ field: null, message: 'Mood must be text.' });
  });
});

describe('stringList', () => {
  const tags = stringList('Mood tags', { item: 'mood tag', maxItems: 3, maxLength: 5 });
  const tools = stringList('Tools', { item: 'app', maxItems: 2 });

  it('trims each item and drops repeats, keeping the first one’s place', () => {
    expect(v.parse(tags, [' calm', 'tired', 'calm '])).toEqual(['calm', 'tired']);
    expect(v.parse(tags, [])).toEqual([]);
  });

  it('names the item that is wrong, in words', () => {
    expect(refusal(tags, ['calm', ' '])).toEqual({ field: '1', message: 'A mood tag cannot be empty.' });
    expect(refusal(tags, ['overjoyed'])).toEqual({ field: '0', message: 'A mood tag is at most 5 characters.' });
    expect(refusal(tags, [7])).toEqual({ field: '0', message: 'Each mood tag must be text.' });
    expect(refusal(tools, [''])).toEqual({ field: '0', message: 'An app cannot be empty.' });
  });

  it('refuses what is not a list, and too many items', () => {
    expect(refusal(tags, 'calm')).toEqual({ field: null, message: 'Mood tags must be a list of words.' });
    expect(refusal(tags, ['a', 'b', 'c', 'd'])).toEqual({ field: null, message: 'At most 3 mood tags.' });
    expect(refusal(tools, ['a', 'b', 'c'])).toEqual({ field: null, message: 'At most 2 apps.' });
  });
});
