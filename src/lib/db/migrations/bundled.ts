import { parseMigrationFiles } from './migration-files';

/** Every file in the top-level `migrations/` folder, bundled into the worker at build time. */
export const bundledMigrations = parseMigrationFiles(
  import.meta.glob<string>('/migrations/*.sql', { query: '?raw', import: 'default', eager: true })
);
