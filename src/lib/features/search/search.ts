import * as v from 'valibot';
import type { SearchEntityType } from '../../db/schema/model-tables';

export const SEARCHABLE: readonly SearchEntityType[] = [
  'task',
  'journal_entry',
  'learning',
  'meeting',
  'feedback',
  'decision',
  'event',
  'goal',
  'person',
  'project'
];

/** Marks the matched words inside a snippet; the UI renders them as text, never as HTML. */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

export interface SearchHit {
  readonly entityType: SearchEntityType;
  readonly entityId: string;
  readonly title: string;
  /** Text around the match with HIGHLIGHT_START/END around matched words. */
  readonly snippet: string;
  /**
   * BM25 rank, lower is better, in `relevance` order; null in `recent` order, where it would cost a
   * pass over every match of each word (BM25's word weights) for a number nothing sorts by.
   */
  readonly rank: number | null;
}

/**
 * `recent`: newest first (by when each item was first written). It reads the matches from the
 * newest end and stops after `limit`, so its cost stays the same however much has been written:
 * the order for search as you type. `relevance`: best BM25 match first (title weighted 3x) among
 * the newest RELEVANCE_WINDOW matches, so a very common word costs the same at ten years as at one.
 */
export const SEARCH_ORDERS = ['recent', 'relevance'] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

/**
 * How many of the newest matches `relevance` ranks. Scoring is about 1 µs a match natively and a
 * word like "the" matches 55,000 items at ten years; a search that matches fewer is ranked whole.
 */
export const RELEVANCE_WINDOW = 2000;

export const SearchInput = v.object({
  query: v.pipe(v.string('Type something to search for.'), v.trim(), v.minLength(1, 'Type something to search for.'), v.maxLength(200, 'A search is at most 200 characters.')),
  types: v.optional(v.array(v.picklist(SEARCHABLE as [SearchEntityType, ...SearchEntityType[]], 'Unknown kind to search.'))),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))),
  order: v.optional(v.picklist(SEARCH_ORDERS, 'Results are ordered by recent or relevance.'), 'recent')
});

/** The shortest last word searched as the start of words; shorter ones are matched whole. */
export const MIN_PREFIX_LENGTH = 3;

/**
 * Turns what a person types into a safe FTS5 query: every word must appear, the last one as a
 * prefix (search as you type) once it has three characters: a shorter prefix matches a large part
 * of everything. Migration 0009 indexes prefixes of 3 to 12 characters, so such a last word reads
 * one posting list from the newest end. Quotes keep FTS5 operators in the text from being interpreted.
 */

export function toFtsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  return words
    .map((word, index) => {
      const isPrefix = index === words.length - 1 && [...word].length >= MIN_PREFIX_LENGTH;
      return `"${word}"${isPrefix ? '*' : ''}`;
    })
    .join(' ');
}
