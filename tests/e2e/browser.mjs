// What the browser tests share: the npm tools in tools/ (never a browser download), Debian's
// Chromium launched headless, and the check that throws with what was expected.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const toolsDir = process.env.VENVLAB_TOOLS ?? fileURLToPath(new URL('../../tools/', import.meta.url));

/** Requires (or resolves, via `.resolve`) a package installed in tools/ by scripts/setup. */
export const requireTool = createRequire(toolsDir + '/');

/** Launches Debian's /usr/bin/chromium (or $CHROMIUM) headless, as the tests run it. */
export function launch() {
  const { chromium } = requireTool('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** Throws unless `condition` holds, naming what was expected. */
export function check(condition, what) {
  if (!condition) throw new Error(`expected: ${what}`);
}
