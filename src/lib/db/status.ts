import type { MigrationReport } from './migrations/report';

export type StorageKind = 'persistent' | 'memory';

/** Where the database stands, as the UI needs to know it. Plain data: it crosses the worker boundary. */
export type DatabaseStatus =
  | { readonly state: 'closed' }
  /** Migrations are being applied to data written by an older version (seconds at ten years, once). */
  | { readonly state: 'updating' }
  /** `notice`: something the opening found and did that the person should hear of (an unfinished import undone). */
  | { readonly state: 'ready'; readonly storage: StorageKind; readonly schemaVersion: number; readonly notice?: string }
  /** Another tab's worker holds the database files. */
  | { readonly state: 'locked'; readonly message: string }
  /** This browser (or window, e.g. private browsing) cannot keep files. */
  | { readonly state: 'unsupported'; readonly message: string }
  /** Migrations were refused or failed; the data is as it was and can still be downloaded. */
  | { readonly state: 'blocked'; readonly storage: StorageKind; readonly report: MigrationReport; readonly message: string }
  | { readonly state: 'error'; readonly message: string };
