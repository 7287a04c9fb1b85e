// The lesson panel in headless Chromium (Debian's /usr/bin/chromium; Playwright never
// downloads a browser here).
//
//   node tests/e2e/lesson.mjs URL [SCREENSHOT.png]
//
// Opens URL?lesson=create-activate with no saved progress, and for each step reads the
// solution the panel shows, types it into the terminal and checks that the step is done with
// every goal ticked; checks the lesson ends with a link to the next, that progress is saved
// in localStorage and kept across a reload; then that a hint, "type it for me", a link to a
// step, a bad link and corrupt saved progress behave. Saves light, dark and phone screenshots.
// scripts/test serves dist/ and runs this after the smoke test.

import { check, runBrowserTest } from './browser.mjs';

// The page's address without its query, set once the URL is known; `at` adds a query to it.
let base = '';
const at = (query) => base + query;

const problems = [];
await runBrowserTest('tests/e2e/lesson.mjs URL [SCREENSHOT.png]', async (browser, url, screenshot = 'target/lesson.png') => {
  base = url.replace(/\?.*$/, '');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  const page = await open(context, '?lesson=create-activate');
  const panel = page.locator('.lesson');
  await panel.locator('.lesson-title', { hasText: 'Creating and activating a venv' }).waitFor();
  await panel.locator('.step-count', { hasText: 'Step 1 of 6' }).waitFor();
  check(await panel.locator('.step-text code', { hasText: '~/Projects/example' }).count() === 1, 'the step text renders code spans as <code>');

  const input = page.locator('#command');
  let steps = 0;
  for (let n = 1; n <= 6; n++) {
    await panel.locator('.step-count', { hasText: `Step ${n} of 6` }).waitFor();
    const goals = (await panel.locator('ul.goals[aria-live] .goal-text').allInnerTexts()).map((t) => t.trim());
    check(goals.length > 0, `step ${n} has goals`);
    check(await panel.locator('ul.goals[aria-live] li.met').count() < goals.length, `step ${n}'s goals are not all met at its start`);
    if (n === 2) {
      await panel.getByRole('button', { name: 'Hint' }).click();
      await panel.locator('.hints li').first().waitFor();
      await page.screenshot({ path: screenshot });
    }
    await panel.getByRole('button', { name: 'Show solution' }).click();
    const lines = (await panel.locator('.solution code').innerText()).split('\n').filter((l) => l.length > 0);
    for (const line of lines) {
      await input.pressSequentially(line);
      await input.press('Enter');
      await page.locator('.transcript .command', { hasText: line }).last().waitFor();
    }
    const done = panel.locator('.done', { hasText: `Step ${n} done` });
    await done.waitFor();
    const ticked = (await done.locator('li.met .goal-text').allInnerTexts()).map((t) => t.trim());
    for (const goal of goals) {
      check(ticked.includes(goal), `step ${n}'s goal "${goal}" is ticked`);
    }
    steps++;
  }
  await panel.locator('.finished .complete', { hasText: 'Lesson complete' }).waitFor();
  const next = panel.locator('.finished a');
  check((await next.getAttribute('href')) === '?lesson=inside-a-venv', 'the lesson ends with a link to the next');
  const saved = await page.evaluate(() => localStorage.getItem('venvlab.progress'));
  check(saved && saved.includes('create-activate') && saved.includes('without-activating'), 'progress is saved in localStorage');

  await page.reload();
  await page.locator('#command').waitFor();
  await page.locator('.course li.complete[data-lesson="create-activate"]').waitFor({ state: 'attached' });
  await page.locator('.course summary').click();
  await page.locator('.course li.complete[data-lesson="create-activate"]').waitFor();
  await page.screenshot({ path: screenshot.replace(/(\.png)?$/, '-index.png') });

  // The next lesson, from the index; "type it for me" runs the step's next solution line.
  await page.locator('.course li[data-lesson="inside-a-venv"] button').click();
  await panel.locator('.lesson-title', { hasText: 'Inside a venv' }).waitFor();
  check(page.url().endsWith('/?lesson=inside-a-venv'), 'the address follows the lesson opened');
  const before = await panel.locator('.step-count').innerText();
  check(before.startsWith('Step 1 of'), 'the next lesson opens at its first step');
  const typing = panel.getByRole('button', { name: 'Type it for me' });
  while (await typing.count() > 0 && (await panel.locator('.step-count').innerText()) === before) {
    await typing.click();
  }
  await panel.locator('.done', { hasText: 'Step 1 done' }).waitFor();
  await panel.getByRole('button', { name: 'Previous step' }).click();
  await panel.locator('.step-count', { hasText: 'Step 1 of' }).waitFor();

  // A link to a step; a bad link; corrupt saved progress.
  const linked = await open(context, '?lesson=create-activate&step=3');
  await linked.locator('.step-count', { hasText: 'Step 3 of 6' }).waitFor();
  check(await linked.locator('.tree .dir', { hasText: '.venv/' }).count() > 0, 'the steps before a linked step are replayed');
  await linked.close();
  const bad = await open(context, '?lesson=no-such-lesson');
  await bad.locator('.notice-box', { hasText: 'no lesson called' }).waitFor();
  await bad.locator('.step-count', { hasText: 'Free play' }).waitFor();
  await bad.locator('.notice-box .dismiss').click();
  check(await bad.locator('.notice-box').count() === 0, 'a notice can be dismissed');
  await bad.evaluate(() => localStorage.setItem('venvlab.progress', '{{{ not toml'));
  await bad.goto(at('?lesson=create-activate&step=0'));
  await bad.locator('.notice-box', { hasText: 'saved progress was discarded' }).waitFor();
  await bad.locator('.notice-box', { hasText: 'not a step number' }).waitFor();
  await bad.locator('.step-count', { hasText: 'Free play' }).waitFor();
  check(!(await bad.evaluate(() => localStorage.getItem('venvlab.progress'))).includes('{{{'), 'the corrupt entry is replaced');
  await bad.close();
  await page.close();
  await context.close();

  const dark = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
  const darkPage = await open(dark, '?lesson=create-activate&step=2');
  await darkPage.locator('.step-count', { hasText: 'Step 2 of 6' }).waitFor();
  await darkPage.getByRole('button', { name: 'Show solution' }).click();
  await darkPage.screenshot({ path: screenshot.replace(/(\.png)?$/, '-dark.png') });
  await dark.close();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'light', isMobile: true });
  const phonePage = await open(phone, '?lesson=path-lookup');
  await phonePage.locator('.step-count', { hasText: 'Step 1 of' }).waitFor();
  const [lessonBox, terminalBox] = [await phonePage.locator('.lesson').boundingBox(), await phonePage.locator('.terminal').boundingBox()];
  check(lessonBox.y + lessonBox.height <= terminalBox.y + 1 && lessonBox.width > 300, 'on a phone the lesson is stacked above the terminal');
  await phonePage.screenshot({ path: screenshot.replace(/(\.png)?$/, '-phone.png'), fullPage: true });
  await phone.close();

  console.log(`ok: create-activate played through its ${steps} steps by typing the solutions, every goal ticked, lesson complete with a link to the next; progress kept across a reload; type-it-for-me, previous step, a step link, a bad link and corrupt progress handled; ${screenshot} (and -index, -dark, -phone)`);
}, problems);


async function open(context, query) {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(at(query));
  await page.locator('#command').waitFor();
  return page;
}
