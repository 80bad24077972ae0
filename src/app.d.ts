// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {}
  /** Number of migrations this build ships; defined in vite.config.ts. */
  const __DAYBOOK_SCHEMA_VERSION__: number;
}

export {};
