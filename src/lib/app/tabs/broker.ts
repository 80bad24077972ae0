/// <reference lib="webworker" />
import type { FromBroker, ToBroker } from './broker-protocol';

// The tab broker: a SharedWorker every Daybook tab connects to. It only introduces tabs to the
// tab whose worker holds the database; the calls themselves then flow over direct MessagePorts.
const scope = self as unknown as SharedWorkerGlobalScope;

let owner: MessagePort | null = null;
let nextRequestId = 1;
const tabs = new Set<MessagePort>();
const requests = new Map<number, MessagePort>();
const waiting = new Map<MessagePort, number>();

const send = (port: MessagePort, message: FromBroker, transfer: Transferable[] = []) => port.postMessage(message, transfer);

function requestPort(tab: MessagePort, schemaVersion: number): void {
  if (!owner || owner === tab) {
    waiting.set(tab, schemaVersion);
    return;
  }
  const requestId = nextRequestId++;
  requests.set(requestId, tab);
  send(owner, { type: 'open-port', requestId, schemaVersion });
}

function receive(tab: MessagePort, message: ToBroker, ports: readonly MessagePort[]): void {
  switch (message.type) {
    case 'owner': {
      owner = tab;
      waiting.delete(tab);
      requests.clear();
      for (const other of tabs) if (other !== tab) send(other, { type: 'owner-changed' });
      for (const [other, schemaVersion] of waiting) requestPort(other, schemaVersion);
      waiting.clear();
      break;
    }
    case 'need-port':
      requestPort(tab, message.schemaVersion);
      break;
    case 'port': {
      const asker = requests.get(message.requestId);
      requests.delete(message.requestId);
      const [port] = ports;
      if (asker && port) send(asker, { type: 'port' }, [port]);
      break;
    }
    case 'bye':
      tabs.delete(tab);
      waiting.delete(tab);
      if (owner === tab) owner = null;
      break;
  }
}

scope.addEventListener('connect', (event: MessageEvent) => {
  const [tab] = event.ports;
  if (!tab) return;
  tabs.add(tab);
  tab.addEventListener('message', (message: MessageEvent<ToBroker>) => receive(tab, message.data, message.ports));
  tab.start();
});
