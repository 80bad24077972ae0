import { describe, expect, it } from 'vitest';
import { camelizeRow, camelToSnake, snakeToCamel, toColumns } from './case';

describe('case conversion between columns and the contract', () => {
  it('round-trips column names', () => {
    for (const column of ['focus_date', 'estimated_minutes', 'id', 'energy_before']) {
      expect(camelToSnake(snakeToCamel(column))).toBe(column);
    }
  });

  it('leaves out undefined input but keeps null (which clears a column)', () => {
    expect(toColumns({ dueDate: undefined, projectId: null, title: 'x' })).toEqual({ project_id: null, title: 'x' });
  });

  it('camelizes a row', () => {
    expect(camelizeRow({ focus_date: '2026-11-23', id: 'a' })).toEqual({ focusDate: '2026-11-23', id: 'a' });
  });
});
