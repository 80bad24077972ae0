/**
 * Lets messages that already arrived (a cancel, another call) run before long work goes on. A
 * message task, not `setTimeout(0)`: timers set from timer callbacks are clamped to 4 ms after five
 * levels, which added seconds to a large import.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
