/** What the browser says about keeping this site's data: persisted or not, and how much room there is. */
class StorageInfo {
  persisted = $state<boolean | null>(null);
  usage = $state<number | null>(null);
  quota = $state<number | null>(null);
  supported = typeof navigator !== 'undefined' && 'storage' in navigator && typeof navigator.storage.persist === 'function';

  async refresh(): Promise<void> {
    if (!this.supported) return;
    this.persisted = await navigator.storage.persisted();
    const estimate = await navigator.storage.estimate();
    this.usage = estimate.usage ?? null;
    this.quota = estimate.quota ?? null;
  }

  /** Asks the browser not to evict Daybook's data under storage pressure. */
  async requestPersistence(): Promise<boolean> {
    if (!this.supported) return false;
    this.persisted = await navigator.storage.persist();
    return this.persisted;
  }
}

export const storageInfo = new StorageInfo();

/** "12.3 MB" in the person's locale. */
export function formatBytes(bytes: number, locale?: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
