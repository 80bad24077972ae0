/// <reference types="node" />
/**
 * Memory readings through the Chrome DevTools Protocol: the JS heap of a page and of its dedicated
 * workers (each worker is its own V8 isolate), and the WebAssembly memory a worker holds (found in a
 * heap snapshot of the worker: no change to the app is needed).
 */
import type { CDPSession, Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';

interface TargetSession {
  readonly sessionId: string;
  readonly url: string;
}

interface HeapSnapshot {
  readonly snapshot: { readonly meta: { readonly node_fields: readonly string[]; readonly edge_fields: readonly string[] } };
  readonly nodes: readonly number[];
  readonly edges: readonly number[];
  readonly strings: readonly string[];
}

interface ProtocolReply {
  readonly method?: string;
  readonly params?: { readonly chunk?: string };
  readonly id: number;
  readonly result?: unknown;
  readonly error?: { readonly message: string };
}

export interface HeapUsage {
  readonly usedSize: number;
  readonly totalSize: number;
}

export class MemoryProbe {
  readonly #cdp: CDPSession;
  readonly #workers: TargetSession[] = [];
  readonly #pending = new Map<number, (reply: ProtocolReply) => void>();
  #nextId = 1;
  #chunkSink: ((chunk: string) => void) | null = null;

  private constructor(cdp: CDPSession) {
    this.#cdp = cdp;
  }

  /** Call before the page starts its workers: they are attached as they appear. */
  static async attach(page: Page): Promise<MemoryProbe> {
    const cdp = await page.context().newCDPSession(page);
    const probe = new MemoryProbe(cdp);
    cdp.on('Target.attachedToTarget', (event: { sessionId: string; targetInfo: { type: string; url: string } }) => {
      if (event.targetInfo.type === 'worker') probe.#workers.push({ sessionId: event.sessionId, url: event.targetInfo.url });
    });
    cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
      const reply = JSON.parse(event.message) as ProtocolReply;
      if (reply.method === 'HeapProfiler.addHeapSnapshotChunk') {
        probe.#chunkSink?.(reply.params?.chunk ?? '');
        return;
      }
      const resolve = probe.#pending.get(reply.id);
      if (resolve) {
        probe.#pending.delete(reply.id);
        resolve(reply);
      }
    });
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    return probe;
  }

  workerUrls(): string[] {
    return this.#workers.map((worker) => worker.url);
  }

  async pageHeap(): Promise<HeapUsage> {
    await this.#cdp.send('HeapProfiler.collectGarbage');
    const usage = await this.#cdp.send('Runtime.getHeapUsage');
    return { usedSize: usage.usedSize, totalSize: usage.totalSize };
  }

  async workerHeap(urlPart: string): Promise<HeapUsage & { wasmBytes: number }> {
    const target = this.#worker(urlPart);
    await this.#send(target, 'HeapProfiler.collectGarbage', {});
    const usage = (await this.#send(target, 'Runtime.getHeapUsage', {})) as HeapUsage;
    return { usedSize: usage.usedSize, totalSize: usage.totalSize, wasmBytes: await this.#wasmBytes(target) };
  }

  /**
   * The bytes behind every WebAssembly.Memory in the worker, from a heap snapshot: each Memory
   * object leads (through its ArrayBuffer) to a "system / JSArrayBufferData" node whose size is the
   * memory's. (Runtime.queryObjects would be simpler but never answers in a worker running sqlite-wasm.)
   */
  async #wasmBytes(target: TargetSession): Promise<number> {
    const chunks: string[] = [];
    this.#chunkSink = (chunk) => chunks.push(chunk);
    try {
      await this.#send(target, 'HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    } finally {
      this.#chunkSink = null;
    }
    const snapshot = JSON.parse(chunks.join('')) as HeapSnapshot;
    const { node_fields: nodeFields, edge_fields: edgeFields } = snapshot.snapshot.meta;
    const nameField = nodeFields.indexOf('name');
    const sizeField = nodeFields.indexOf('self_size');
    const edgeCountField = nodeFields.indexOf('edge_count');
    const toField = edgeFields.indexOf('to_node');
    const { nodes, edges, strings } = snapshot;
    // Where each node's edges start.
    const firstEdge = new Map<number, number>();
    for (let node = 0, edge = 0; node < nodes.length; node += nodeFields.length) {
      firstEdge.set(node, edge);
      edge += (nodes[node + edgeCountField] ?? 0) * edgeFields.length;
    }
    const found = new Set<number>();
    const name = (node: number) => strings[nodes[node + nameField] ?? 0];
    const children = (node: number) => {
      const start = firstEdge.get(node) ?? 0;
      const count = nodes[node + edgeCountField] ?? 0;
      return Array.from({ length: count }, (_, i) => edges[start + i * edgeFields.length + toField] ?? 0);
    };
    // WebAssembly.Memory (named "Memory" in snapshots) -> its ArrayBuffer -> the backing store.
    for (let node = 0; node < nodes.length; node += nodeFields.length) {
      if (name(node) !== 'Memory' && name(node) !== 'WebAssembly.Memory') continue;
      for (const buffer of children(node)) {
        if (name(buffer) !== 'ArrayBuffer') continue;
        for (const store of children(buffer)) if (name(store) === 'system / JSArrayBufferData') found.add(store);
      }
    }
    let bytes = 0;
    for (const node of found) bytes += nodes[node + sizeField] ?? 0;
    return bytes;
  }

  /** Evaluates an expression in a worker's global scope. */
  async workerEvaluate(urlPart: string, expression: string): Promise<unknown> {
    const reply = (await this.#send(this.#worker(urlPart), 'Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })) as {
      result: { value?: unknown };
      exceptionDetails?: { text: string };
    };
    if (reply.exceptionDetails) throw new Error(`worker evaluate: ${reply.exceptionDetails.text}`);
    return reply.result.value;
  }

  async detach(): Promise<void> {
    await this.#cdp.detach().catch(() => undefined);
  }

  #worker(urlPart: string): TargetSession {
    const target = [...this.#workers].reverse().find((worker) => worker.url.includes(urlPart));
    if (!target) throw new Error(`No worker matching ${urlPart}; attached: ${this.workerUrls().join(', ')}`);
    return target;
  }

  #send(target: TargetSession, method: string, params: object): Promise<unknown> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`${method}: no answer from the worker within 20 s`));
      }, 20_000);
      this.#pending.set(id, (reply) => {
        clearTimeout(timer);
        if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
        else resolve(reply.result);
      });
      // Non-flattened sessions are the way to reach a worker through a page's CDPSession.
      this.#cdp.send('Target.sendMessageToTarget', { sessionId: target.sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  }
}

/** A Chrome trace of a page (its renderer's threads and workers, with the JS sampler), for BENCH_TRACE. */
export async function startTrace(page: Page): Promise<{ stopInto(file: string): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing', 'loading'];
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReturnAsStream' });
  return {
    async stopInto(file: string) {
      const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (event: { stream?: string }) => resolve(event.stream ?? '')));
      await cdp.send('Tracing.end');
      const stream = await done;
      let text = '';
      for (;;) {
        const chunk = await cdp.send('IO.read', { handle: stream });
        text += chunk.data;
        if (chunk.eof) break;
      }
      await cdp.send('IO.close', { handle: stream });
      writeFileSync(file, text);
      await cdp.detach();
    }
  };
}
