const rules = new Intl.PluralRules('en');

/** A count with its noun: "1 row", "2 rows", "1,200 rows". */
export function counted(count: number, one: string, other: string): string {
  return `${count.toLocaleString()} ${rules.select(count) === 'one' ? one : other}`;
}
