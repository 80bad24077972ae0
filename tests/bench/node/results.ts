import type { Summary } from '../shared/stats';
import type { BulkReading } from '../page/protocol';
import type { AnalysedView } from './prepare';

export type { BulkReading };

/** Everything one run of `npm run bench` measured; report.ts turns it into BENCHMARKS.md. */
export interface Machine {
  readonly date: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly chromium: string;
  readonly node: string;
  readonly packages: Readonly<Record<string, string>>;
  readonly nativeSqlite: string;
  readonly commit: string;
  readonly timersIsolated: boolean;
  /** 1-minute load average when the run started and ended (other work on the machine skews numbers). */
  readonly loadAverage: { readonly start: number; readonly end: number };
}

export interface Dataset {
  readonly file: string;
  readonly years: number;
  readonly seed: string;
  readonly endDay: string;
  readonly today: string;
  readonly toppedUp: number;
  readonly megabytes: number;
  readonly generationSeconds: number;
  readonly counts: Readonly<Record<string, number>>;
}

export interface ColdStart {
  readonly app: Summary;
  /** The day's first opening, when the day's snapshot (a copy of the whole file) is due. */
  readonly appFirstOfDay?: Summary;
  readonly bare: Summary;
  /** First frame after Today's list appeared in the DOM. */
  readonly appPainted: Summary;
  readonly appDomContentLoaded: Summary;
  /** When the page asked for the database worker's script (resource timing), since navigation start. */
  readonly appWorkerRequested: Summary;
  /** `system.open` answered `ready` in the page (its performance mark); Today's early answers follow. */
  readonly appDatabaseReady?: Summary;
  readonly bareWorkerRequested: Summary;
  /** From the bench page, no UI: spawn the worker, open, answer Today's queries. */
  readonly workerOnly: { readonly appOpen: Summary; readonly appTotal: Summary; readonly bareOpen: Summary; readonly bareTotal: Summary };
  readonly todayRows: number;
}

export interface MessageLayer {
  readonly emptyRoundTrip?: Summary;
  readonly inWorkerQuery?: Summary;
  readonly bareRoundTrip?: Summary;
  readonly typedRoundTrip?: Summary;
  readonly writes?: Readonly<Record<string, Summary>>;
  readonly uiWrites?: Readonly<Record<string, Summary>>;
}

export interface ViewResult {
  readonly view: AnalysedView;
  readonly typed: Summary;
  readonly inWorker: Summary;
  readonly native: Summary;
}

export interface PeerStack {
  readonly bulkInsertRowsPerSecond: Summary;
  readonly pointReads: Summary;
  /** For sqlite-wasm: one postMessage round trip per read from the page (what the UI would see). */
  readonly pointReadsFromPage?: Summary;
  readonly ftsSetupMs: number;
  readonly ftsQueries: Summary;
  readonly ftsHits: number;
}

export interface Peers {
  readonly wasm: PeerStack;
  readonly wasmUntunedBulkRowsPerSecond: Summary;
  readonly dexie: PeerStack;
  readonly native: PeerStack;
}

export interface MemoryReading {
  readonly label: string;
  readonly pageHeapMiB: number | null;
  readonly workerHeapMiB: number;
  readonly wasmMiB: number;
}

/** A file saved from the Data page: click to the browser's download, and the page thread's longest task meanwhile. */
export interface DataPageSave {
  readonly label: string;
  readonly ms: number;
  readonly longestTaskMs: number;
}

export interface Download {
  readonly typedExport: Summary;
  readonly nativeCopy: Summary;
  readonly megabytes: number;
  /** Absent in results written before it was measured. */
  readonly fromDataPage?: readonly DataPageSave[];
}

export interface Results {
  readonly machine: Machine;
  readonly dataset: Dataset;
  readonly phases: readonly string[];
  readonly durationSeconds: number;
  readonly appOpenMs: number;
  readonly coldStart?: ColdStart;
  readonly layer?: MessageLayer;
  readonly views?: readonly ViewResult[];
  readonly searches?: readonly ViewResult[];
  readonly download?: Download;
  readonly bulk?: BulkReading;
  readonly peers?: Peers;
  readonly memory?: readonly MemoryReading[];
}
