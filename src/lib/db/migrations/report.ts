/** What happened to one migration in a run. */
export interface MigrationStep {
  readonly id: number;
  readonly name: string;
  readonly status: 'applied' | 'skipped' | 'failed' | 'not_executed';
  readonly error?: string;
}

export type RefusalReason = 'checksum_mismatch' | 'newer_database' | 'not_a_prefix';

/** The whole run: the runner never throws halfway, it reports. */
export type MigrationReport =
  | { readonly outcome: 'ok'; readonly schemaVersion: number; readonly steps: readonly MigrationStep[] }
  | { readonly outcome: 'failed'; readonly schemaVersion: number; readonly steps: readonly MigrationStep[]; readonly message: string }
  | { readonly outcome: 'refused'; readonly schemaVersion: number; readonly reason: RefusalReason; readonly message: string };
