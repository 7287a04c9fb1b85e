// Addresses in headless Chromium: `?world=` (the known worlds, and a bad name falling back with a
// notice), the back and forward buttons between lessons, restarting a lesson, and the example
// blog page (www/blog.html) whose embeds load.
//
//   node tests/e2e/links.mjs URL
//
// scripts/test serves dist/ and runs this; playwright-core comes from tools/node_modules.

import { check, runBrowserTest } from './browser.mjs';

await runBrowserTest('tests/e2e/links.mjs URL', async (browser, url) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(20_000);
  const title = page.locator('.lesson-title');

  // A world by name (the fresh laptop has python3 only); a bad name falls back to the default world, saying so.
  await page.goto(new URL('?world=default', url).href);
  await page.locator('#command').waitFor();
  check(await page.locator('.notice-box').count() === 0, '?world=default opens without a notice');
  await page.goto(new URL('?world=fresh-ubuntu', url).href);
  const input = page.locator('#command');
  await input.waitFor();
  check(await page.locator('.notice-box').count() === 0, '?world=fresh-ubuntu opens without a notice');
  await input.pressSequentially('type -a python python3');
  await input.press('Enter');
  await page.locator('.transcript .stderr', { hasText: 'bash: type: python: not found' }).waitFor();
  await page.locator('.transcript .stdout', { hasText: 'python3 is /usr/bin/python3' }).first().waitFor();
  await page.goto(new URL('?world=mars', url).href);
  await page.locator('.notice-box', { hasText: 'There is no world called “mars”' }).waitFor();
  check((await title.innerText()).startsWith('Sandbox'), 'a bad world falls back to the sandbox');

  // Opening lessons adds history entries: back and forward move between them.
  await page.goto(url);
  await page.locator('#command').waitFor();
  await page.locator('[data-lesson="path-lookup"] button').click();
  await title.filter({ hasText: 'How the shell finds python' }).waitFor();
  await page.locator('.course summary').click();
  await page.locator('[data-lesson="create-activate"] button').click();
  await title.filter({ hasText: 'Creating and activating a venv' }).waitFor();
  check(page.url().endsWith('?lesson=create-activate'), `the address follows the lesson (${page.url()})`);
  await page.goBack();
  await title.filter({ hasText: 'How the shell finds python' }).waitFor();
  await page.goBack();
  await title.filter({ hasText: 'Sandbox' }).waitFor();
  await page.goForward();
  await title.filter({ hasText: 'How the shell finds python' }).waitFor();

  // Restart: back to step 1 on a fresh machine.
  await page.getByRole('button', { name: 'Skip step →' }).click();
  await page.locator('.step-count', { hasText: 'Step 2 of' }).waitFor();
  await page.getByRole('button', { name: '↺ Restart lesson' }).click();
  await page.locator('.step-count', { hasText: 'Step 1 of' }).waitFor();

  // The example blog page embeds two lessons and a replay, each a working lab.
  await page.goto(new URL('blog.html', url).href);
  const frames = page.locator('iframe');
  check(await frames.count() === 3, 'the blog page has three embeds');
  for (let i = 0; i < 3; i++) {
    await frames.nth(i).scrollIntoViewIfNeeded();
    const frame = page.frameLocator('iframe').nth(i);
    await frame.locator('#command').waitFor();
    check(await frame.locator('header.bar').count() === 0, `embed ${i + 1} has no header`);
  }
  await page.frameLocator('iframe').nth(0).locator('.lesson-title', { hasText: 'How the shell finds python' }).waitFor();
  await page.frameLocator('iframe').nth(1).locator('.transcript .stdout', { hasText: '/home/kai/Projects/example/.venv/bin/python' }).waitFor();
  await page.frameLocator('iframe').nth(2).locator('.lesson-title', { hasText: 'Why moving a venv breaks it' }).waitFor();
  await page.screenshot({ path: 'target/blog.png', fullPage: true });

  console.log('ok: ?world= known (default; fresh-ubuntu, which has no python) and unknown; back/forward between lessons; restart lesson; the blog page\'s three embeds load (target/blog.png)');
});
