import { localDay } from './dates';

/**
 * Saves a file the worker made: the save picker where the browser has one (and the click that
 * asked is recent enough for it), a plain download otherwise. The Blob's bytes never come onto the
 * page's thread.
 */
export async function saveFile(blob: Blob, fileName: string): Promise<boolean> {
  const picker = (window as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  if (picker) {
    try {
      const handle = await picker({ suggestedName: fileName });
      const writable = await handle.createWritable();
      await writable.write(blob);
      await writable.close();
      return true;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return false;
      // Some browsers expose the picker but refuse it (e.g. in a sandboxed frame): fall back.
    }
  }
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

export function databaseFileName(): string {
  return `daybook-${localDay()}.sqlite3`;
}

type SaveFilePicker = (options: { suggestedName: string }) => Promise<{
  createWritable(): Promise<{ write(data: Blob): Promise<void>; close(): Promise<void> }>;
}>;
