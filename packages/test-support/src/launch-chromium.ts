import { execFileSync } from 'node:child_process';
import { type Browser, chromium } from 'playwright-core';

/**
 * The path of Debian's Chromium: `chromium` on the PATH, else `/usr/bin/chromium`. Browsers are
 * never downloaded; `./run test` installs Debian's package when it is missing.
 */
export function chromiumPath(): string {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || '/usr/bin/chromium';
  } catch {
    return '/usr/bin/chromium';
  }
}

/**
 * Starts Debian's Chromium headless for a browser test, without a sandbox (tests run as root in
 * CI) and without any network traffic of its own. Close the browser at the end of the test.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
