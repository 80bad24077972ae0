import { parseMigrationFiles, withChecksums } from './migration-files';

/**
 * Checksums computed when the app was built (vite.config.ts). A dev server may have been started
 * before a migration was edited, and other tools (vite-node) do not define them: there the runner
 * hashes the files itself.
 */
const builtChecksums: Readonly<Record<string, string>> =
  typeof __DAYBOOK_MIGRATION_CHECKSUMS__ === 'object' && !import.meta.env.DEV ? __DAYBOOK_MIGRATION_CHECKSUMS__ : {};

/** Every file in the top-level `migrations/` folder, bundled into the worker at build time. */
export const bundledMigrations = withChecksums(
  parseMigrationFiles(import.meta.glob<string>('/migrations/*.sql', { query: '?raw', import: 'default', eager: true })),
  builtChecksums
);
