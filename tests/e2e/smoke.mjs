// Smoke test of the built page in headless Chromium (Debian's /usr/bin/chromium; Playwright never
// downloads a browser here).
//
//   node tests/e2e/smoke.mjs URL [SCREENSHOT.png]
//
// Opens URL, waits for the prompt (coloured by Ubuntu's .bashrc), runs `echo hello` and checks
// that `hello` is printed, runs an unknown command and checks that stderr is shown; makes a
// venv, sees `ls -a` show it in the directory colour, activates it and checks the file tree, the
// editor badge, the prompt and the explanation follow; saves light and dark screenshots.
// scripts/test serves dist/ and runs this; playwright-core comes from tools/node_modules.

import { check, runBrowserTest } from './browser.mjs';

const problems = [];
await runBrowserTest('tests/e2e/smoke.mjs URL [SCREENSHOT.png]', async (browser, url, screenshot = 'target/screenshot.png') => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 900, height: 540 }, colorScheme });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
    });

    // Record when the input first appears (the app's first render).
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.getElementById('command')) {
          window.venvlabReadyMs = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(url);
    const input = page.getByLabel(/\$\s*$/);
    await input.waitFor();
    const firstRender = await page.evaluate(() => Math.round(window.venvlabReadyMs));
    const prompt = (await page.locator('label[for="command"]').textContent()).replace(/^Command line, /, '');
    // Ubuntu's .bashrc colours the prompt on a terminal: user@host bold green, the directory bold blue.
    await page.locator('label[for="command"] .fg-green.bold', { hasText: /^kai@laptop$/ }).waitFor();
    await page.locator('label[for="command"] .fg-blue.bold', { hasText: /^~\/Projects\/example$/ }).waitFor();
    check(await input.evaluate((el) => el === document.activeElement), 'the input has the focus');

    await input.pressSequentially('echo hello');
    await input.press('Enter');
    const stdout = page.locator('.transcript .stdout', { hasText: /^hello\s*$/ });
    await stdout.first().waitFor();
    check((await page.locator('.transcript').innerText()).includes('echo hello'), 'the command is in the transcript');
    check(await input.evaluate((el) => el === document.activeElement && el.value === ''), 'the input is empty and focused');

    await input.pressSequentially('no-such-command');
    await input.press('Enter');
    await page.locator('.transcript .stderr').first().waitFor();

    check(await page.locator('.ide.missing').count() === 1, 'the editor badge says its interpreter is missing');
    await run(page, input, 'python -m venv .venv');
    await page.locator('.tree .dir.changed', { hasText: '.venv/' }).first().waitFor();
    await page.locator('.ide.ok').waitFor();
    // `ls` is Ubuntu's alias `ls --color=auto`: on the terminal, directories are bold blue.
    await run(page, input, 'ls -a');
    await page.locator('.transcript .stdout.fg-blue.bold', { hasText: /^\.venv$/ }).waitFor();
    check(await page.locator('.transcript .stdout', { hasText: /main\.py/ }).last().evaluate((el) => !el.className.includes('fg-')), 'main.py is not coloured');
    await run(page, input, 'source .venv/bin/activate');
    await page.locator('label[for="command"]', { hasText: /^Command line, \(\.venv\) / }).waitFor();
    await run(page, input, 'python -V');
    await page.locator('.explain .hit', { hasText: '/home/kai/Projects/example/.venv/bin' }).waitFor();
    await page.locator('.tree .link', { hasText: 'python → /home/kai/.pyenv/versions/3.12.7/bin/python' }).first().waitFor({ state: 'attached' });
    await page.locator('.tree .file > button', { hasText: /^main\.py$/ }).click();
    await page.locator('.tree .viewer pre', { hasText: 'import numpy' }).waitFor();

    const file = colorScheme === 'light' ? screenshot : screenshot.replace(/(\.png)?$/, '-dark.png');
    await page.screenshot({ path: file });
    console.log(`ok: ${colorScheme}: prompt "${prompt}" rendered ${firstRender} ms after navigation; echo hello printed hello; stderr shown; ls -a showed .venv in the directory colour; venv made and activated: tree, badge, prompt and explanation follow; main.py viewed from the tree; ${file}`);
    await page.close();
  }
}, problems);


async function run(page, input, line) {
  await input.pressSequentially(line);
  await input.press('Enter');
  await page.locator('.transcript .command', { hasText: line }).last().waitFor();
}
