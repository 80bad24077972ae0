// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {}
  interface Window {
    /** The database worker app.html's inline script starts; null once the page has its worker (database.svelte.ts). */
    daybookDatabaseWorker?: Worker | null;
    /**
     * The Web Lock `daybook-database-owner` app.html asks for at once (`ifAvailable`): resolves to
     * its release function when granted, to null when another tab holds it. Null once the page took it.
     */
    daybookDatabaseLock?: Promise<(() => void) | null> | null;
    /**
     * The answer to the `system.open` app.html sends as soon as that lock is granted (where OPFS
     * exists), so the database opens while the page's code loads. Null once the page took it.
     */
    daybookDatabaseOpen?: Promise<import('$lib/rpc/result').Result<import('$lib/db/status').DatabaseStatus>> | null;
    /** The last status the worker sent while that early opening ran (`updating` while it migrates). */
    daybookOpeningStatus?: import('$lib/db/status').DatabaseStatus | null;
  }
  /** Number of migrations this build ships; defined in vite.config.ts. */
  const __DAYBOOK_SCHEMA_VERSION__: number;
  /** SHA-256 of each migration file by file name, computed at build time; defined in vite.config.ts. */
  const __DAYBOOK_MIGRATION_CHECKSUMS__: Readonly<Record<string, string>> | undefined;
}

export {};
