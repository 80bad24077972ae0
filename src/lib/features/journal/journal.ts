import * as v from 'valibot';
import { defineEntity, type EntityRow } from '../../db/entities/entity';
import { calendarDay, clockTime, oneOf, optionalNullableText, optionalText, rating } from '../../validation/fields';

export const JOURNAL_CATEGORIES = ['personal', 'work', 'health', 'reflection', 'learning', 'other'] as const;

const sleepMessage = 'Sleep is a number of hours from 0 to 24.';
const sleepHours = v.pipe(v.number(sleepMessage), v.finite(sleepMessage), v.minValue(0, sleepMessage), v.maxValue(24, sleepMessage));

/** A journal entry with the day's mood, energy, stress and sleep. */
export const journalEntryEntity = defineEntity({
  table: 'journal_entries',
  noun: 'journal entry',
  trash: true,
  titleColumn: 'title',
  dateColumn: 'entry_date',
  fields: {
    entryDate: calendarDay('Date'),
    entryTime: v.optional(v.nullable(clockTime('Time'))),
    title: v.optional(optionalText('Title', 200)),
    content: v.optional(optionalText('Entry', 100000)),
    mood: v.optional(v.nullable(rating('Mood', 1, 10))),
    energyLevel: v.optional(v.nullable(rating('Energy', 1, 10))),
    stressLevel: v.optional(v.nullable(rating('Stress', 1, 10))),
    sleepHours: v.optional(v.nullable(sleepHours)),
    category: v.optional(v.nullable(oneOf('Category', JOURNAL_CATEGORIES))),
    location: v.optional(optionalNullableText('Location', 200)),
    weather: v.optional(optionalNullableText('Weather', 100))
  },
  filters: { category: oneOf('Category', JOURNAL_CATEGORIES) },
  order: [
    ['entry_date', 'desc'],
    ['entry_time', 'desc']
  ],
  tagLink: { table: 'journal_entry_tags', column: 'journal_entry_id' }
});

export type JournalEntry = EntityRow<'journal_entries'>;
