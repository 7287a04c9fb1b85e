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

/**
 * Runs one browser test file: the page's URL (and any further arguments) from the command
 * line, Debian's Chromium launched, `body(browser, url, ...args)` run, the browser closed. A
 * thrown error is printed as FAILED, and so is each of the `problems` the body collected (page
 * errors, failed requests); either exits 1. Without a URL, `usage` is printed and the exit
 * status is 2.
 */
export async function runBrowserTest(usage, body, problems = []) {
  const [url, ...args] = process.argv.slice(2);
  if (!url) {
    console.error(`usage: node ${usage}`);
    process.exit(2);
  }
  const browser = await launch();
  let failed = false;
  try {
    await body(browser, url, ...args);
  } catch (error) {
    failed = true;
    console.error(`FAILED: ${error.message}`);
  } finally {
    await browser.close();
  }
  for (const problem of problems) console.error(`FAILED: ${problem}`);
  if (failed || problems.length > 0) process.exit(1);
}
