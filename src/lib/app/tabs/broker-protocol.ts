/** Messages between the pages and the tab broker (a SharedWorker). */
export type ToBroker =
  /** This tab now holds the database; send it the other tabs' port requests. */
  | { readonly type: 'owner' }
  /** This tab wants a direct line to the holder's database worker. */
  | { readonly type: 'need-port'; readonly schemaVersion: number }
  /** The holder's answer to `open-port`, with the port transferred alongside. */
  | { readonly type: 'port'; readonly requestId: number }
  /** The tab is going away. */
  | { readonly type: 'bye' };

export type FromBroker =
  /** To the holder: make a port to your worker for another tab. */
  | { readonly type: 'open-port'; readonly requestId: number; readonly schemaVersion: number }
  /** To a tab that asked: here is your port (transferred alongside). */
  | { readonly type: 'port' }
  /** To every other tab: the holder changed, ask again. */
  | { readonly type: 'owner-changed' };
