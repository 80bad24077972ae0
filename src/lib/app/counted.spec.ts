import { describe, expect, it } from 'vitest';
import { counted } from './counted';

describe('counted', () => {
  it('uses the singular for one and the plural otherwise, with the count grouped', () => {
    expect(counted(1, 'row', 'rows')).toBe('1 row');
    expect(counted(0, 'row', 'rows')).toBe('0 rows');
    expect(counted(2, 'journal entry', 'journal entries')).toBe('2 journal entries');
    expect(counted(1200, 'row', 'rows')).toBe((1200).toLocaleString() + ' rows');
  });
});
