import type { FromWorker, ToWorker } from './contract';

/** The minimal shape the client needs from whatever carries its messages (a Worker, a MessagePort). */
export interface Endpoint {
  postMessage(message: ToWorker): void;
  /** Starts listening; `onDeath` fires once if the other side can no longer answer. Returns a stop function. */
  listen(onMessage: (message: FromWorker) => void, onDeath: (reason: string) => void): () => void;
}

/** Adapts a dedicated Web Worker. A worker that throws at top level or fails to load is treated as dead. */
export function workerEndpoint(worker: Worker): Endpoint {
  return {
    postMessage: (message) => worker.postMessage(message),
    listen(onMessage, onDeath) {
      const handleMessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
      const handleError = (event: ErrorEvent) => {
        event.preventDefault();
        onDeath(event.message ? `The database worker stopped: ${event.message}` : 'The database worker stopped.');
      };
      const handleMessageError = () => onDeath('A message from the database worker could not be read.');
      worker.addEventListener('message', handleMessage);
      worker.addEventListener('error', handleError);
      worker.addEventListener('messageerror', handleMessageError);
      return () => {
        worker.removeEventListener('message', handleMessage);
        worker.removeEventListener('error', handleError);
        worker.removeEventListener('messageerror', handleMessageError);
      };
    }
  };
}

/** Adapts a MessagePort (a channel to a worker in another tab, or a test's channel). Ports give no death signal of their own. */
export function portEndpoint(port: MessagePort): Endpoint {
  return {
    postMessage: (message) => port.postMessage(message),
    listen(onMessage, onDeath) {
      const handleMessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
      const handleMessageError = () => onDeath('A message from the database could not be read.');
      port.addEventListener('message', handleMessage);
      port.addEventListener('messageerror', handleMessageError);
      port.start();
      return () => {
        port.removeEventListener('message', handleMessage);
        port.removeEventListener('messageerror', handleMessageError);
      };
    }
  };
}
