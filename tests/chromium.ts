import { existsSync } from 'node:fs';

/** Debian's Chromium: Playwright cannot download its own browser here. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * How the tests and the benchmark launch Chromium: the system browser when there is one (otherwise
 * Playwright's own), without the sandbox, the GPU and anything that would reach the network.
 */
export const chromiumLaunchOptions = {
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
  ],
  ...(existsSync(SYSTEM_CHROMIUM) && { executablePath: SYSTEM_CHROMIUM })
};
