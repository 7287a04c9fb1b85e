// The terminal's readline keys in headless Chromium: Tab completion, history with Up/Down
// (kept across a reload), Ctrl-U/Ctrl-W/Ctrl-C/Ctrl-D/Ctrl-L, a multi-line paste run line by
// line, and the Undo button.
//
//   node tests/e2e/keys.mjs URL
//
// scripts/test serves dist/ and runs this; playwright-core comes from tools/node_modules.

import { check, runBrowserTest } from './browser.mjs';

await runBrowserTest('tests/e2e/keys.mjs URL', async (browser, url) => {
  const context = await browser.newContext({ viewport: { width: 900, height: 600 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(url);
  const input = page.locator('#command');
  await input.waitFor();

  // Tab completes a unique path; a second ambiguous Tab lists the candidates.
  await input.pressSequentially('cat ma');
  await input.press('Tab');
  check(await input.inputValue() === 'cat main.py ', `Tab completed "cat ma" (got "${await input.inputValue()}")`);
  await input.press('Enter');
  await page.locator('.transcript .stdout', { hasText: 'import numpy' }).waitFor();
  await input.pressSequentially('pyth');
  await input.press('Tab');
  check((await input.inputValue()).startsWith('python'), 'Tab extended "pyth" to the common prefix');
  await input.press('Tab');
  await page.locator('.suggestions', { hasText: 'python3' }).waitFor();

  // Ctrl-U empties the line; Ctrl-W deletes the word before the cursor; Ctrl-C abandons a line.
  await input.press('Control+u');
  check(await input.inputValue() === '', 'Ctrl-U emptied the line');
  await input.pressSequentially('echo one two');
  await input.press('Control+w');
  check(await input.inputValue() === 'echo one ', `Ctrl-W deleted a word (got "${await input.inputValue()}")`);
  await input.press('Control+c');
  check(await input.inputValue() === '', 'Ctrl-C abandoned the line');
  await page.locator('.transcript .command', { hasText: 'echo one ^C' }).waitFor();

  // Ctrl-D ends the input of a program reading the terminal: the REPL exits to the shell.
  await input.pressSequentially('python3');
  await input.press('Enter');
  await page.locator('label[for="command"]', { hasText: '>>>' }).waitFor();
  await input.pressSequentially('6 * 7');
  await input.press('Enter');
  await page.locator('.transcript .stdout', { hasText: /^42$/m }).waitFor();
  await input.press('Control+d');
  await page.locator('label[for="command"]', { hasText: 'kai@laptop' }).waitFor();
  // On a line with text, Ctrl-D deletes the character under the cursor.
  await input.pressSequentially('echo abc');
  await input.press('Home');
  await input.press('Control+d');
  check(await input.inputValue() === 'cho abc', `Ctrl-D deleted under the cursor (got "${await input.inputValue()}")`);
  await input.fill('');

  // Up brings back earlier lines, Down returns to the draft.
  await input.pressSequentially('echo first');
  await input.press('Enter');
  await input.pressSequentially('draft');
  await input.press('ArrowUp');
  check(await input.inputValue() === 'echo first', 'Up shows the last line');
  await input.press('ArrowUp');
  check(await input.inputValue() === '6 * 7', 'Up again shows the one before');
  await input.press('ArrowDown');
  await input.press('ArrowDown');
  check(await input.inputValue() === 'draft', 'Down returns to the draft');
  await input.fill('');

  // A pasted block runs line by line; the unfinished last line stays in the input.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text', 'mkdir pasted\ncd pasted\npwd');
    document.getElementById('command').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.locator('.transcript .command', { hasText: 'cd pasted' }).waitFor();
  check(await input.inputValue() === 'pwd', 'the last pasted line waits in the input');

  // Undo takes back the last command (cd pasted): the prompt is in the project again.
  await page.getByRole('button', { name: /Undo/ }).click();
  await page.locator('.transcript .notice', { hasText: 'Undone: cd pasted' }).waitFor();
  check((await page.locator('label[for="command"]').innerText()).endsWith('~/Projects/example$ '), 'undo put the shell back in the project');
  // Ctrl-L clears the screen and keeps the line being typed.
  await input.focus();
  await input.press('Control+l');
  check(await page.locator('.transcript .entry').count() === 0, 'Ctrl-L cleared the screen');
  check(await input.inputValue() === 'pwd', 'Ctrl-L kept the line being typed');

  // History survives a reload.
  await page.reload();
  await input.waitFor();
  await input.press('ArrowUp');
  check(await input.inputValue() === 'cd pasted', `history was kept across a reload (got "${await input.inputValue()}")`);
  // An embed: no header, only the panels asked for, a notice for an unknown one.
  const embed = await context.newPage();
  await embed.setViewportSize({ width: 700, height: 480 });
  await embed.goto(new URL('?lesson=create-activate&embed=1&panels=lesson,terminal,nope', url).href);
  await embed.locator('#command').waitFor();
  check(await embed.locator('header.bar').count() === 0, 'an embed has no header');
  check(await embed.locator('.tree').count() === 0, 'an embed shows only the panels asked for');
  await embed.locator('.layout-notice', { hasText: 'nope' }).waitFor();
  await embed.screenshot({ path: 'target/embed.png' });

  // A scripted embed types its commands out, then Share links to what was typed.
  const replay = await context.newPage();
  await replay.goto(new URL('?run=mkdir%20demo;cd%20demo;pwd', url).href);
  await replay.locator('.replay', { hasText: 'Replaying 1 of 3' }).waitFor();
  await replay.locator('.transcript .stdout', { hasText: '/home/kai/Projects/example/demo' }).waitFor();
  await replay.locator('.replay').waitFor({ state: 'detached' });
  await replay.getByRole('button', { name: 'Share' }).click();
  const link = await replay.getByLabel('A link that replays your commands').inputValue();
  check(link.endsWith('?run=mkdir%20demo;cd%20demo;pwd'), `Share links to the commands typed (got ${link})`);
  await replay.goto(new URL('?run=echo%20one;echo%20two', url).href);
  await replay.getByRole('button', { name: 'Skip to the end' }).click();
  await replay.locator('.transcript .stdout', { hasText: /^two/ }).waitFor();

  console.log('ok: Tab completion, Ctrl-U/W/C/D/L, the REPL left with Ctrl-D, Up/Down history kept across a reload, multi-line paste, undo; an embed with chosen panels (target/embed.png); a ?run= replay, skip and share');
});
