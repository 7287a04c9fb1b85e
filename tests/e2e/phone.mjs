// The phone layout in headless Chromium: a 375px-wide touch screen, light and dark. A command
// is typed through the on-screen input (text inserted as a phone keyboard does, without key
// events) and run with the on-screen Run key; the Tab key completes; output appears. Saves
// target/phone.png and target/phone-dark.png.
//
//   node tests/e2e/phone.mjs URL
//
// scripts/test serves dist/ and runs this; playwright-core comes from tools/node_modules.

import { check, runBrowserTest } from './browser.mjs';

await runBrowserTest('tests/e2e/phone.mjs URL', async (browser, url) => {
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({
      viewport: { width: 375, height: 740 }, colorScheme, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(url);
    const input = page.locator('#command');
    await input.waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    check(width <= 375, `the page fits 375px without scrolling sideways (it is ${width}px wide)`);

    // Typed on the on-screen keyboard: text arrives as input, not as key presses.
    await input.tap();
    await page.keyboard.insertText('echo typed on a phone');
    await page.getByRole('button', { name: 'Run' }).tap();
    await page.locator('.transcript .stdout', { hasText: 'typed on a phone' }).waitFor();
    check(await input.inputValue() === '', 'the input is empty after Run');

    // A phone keyboard's Enter submits the form, even when it sends no usable key event.
    await page.keyboard.insertText('pwd');
    await page.evaluate(() => document.querySelector('form.input-line').requestSubmit());
    await page.locator('.transcript .stdout', { hasText: '/home/kai/Projects/example' }).waitFor();

    // Tab, which phone keyboards lack, is an on-screen key.
    await page.keyboard.insertText('cat mai');
    await page.getByRole('button', { name: 'Tab: complete' }).tap();
    check(await input.inputValue() === 'cat main.py ', `the Tab key completed (got "${await input.inputValue()}")`);
    await page.getByRole('button', { name: 'Run' }).tap();
    await page.locator('.transcript .stdout', { hasText: 'import numpy' }).waitFor();

    // ls lays out columns for the phone's width, not for 80 characters.
    await input.fill('ls /usr/bin');
    await page.getByRole('button', { name: 'Run' }).tap();
    const listing = page.locator('.transcript .entry').last();
    await listing.locator('.stdout', { hasText: 'python3.12' }).waitFor();
    const lines = (await listing.locator('.stdout').allInnerTexts()).join('').split('\n').filter(Boolean);
    const widest = Math.max(...lines.map((l) => l.length));
    check(widest <= 45 && lines.some((l) => l.trim().includes('  ')), `ls fits the phone in several columns (widest line ${widest})`);

    const file = colorScheme === 'light' ? 'target/phone.png' : 'target/phone-dark.png';
    await page.screenshot({ path: file, fullPage: true });
    console.log(`ok: ${colorScheme}: 375px phone: on-screen input ran "echo typed on a phone", a form submission ran pwd, the Tab key completed, ls fits its columns to the screen; ${file}`);
    await context.close();
  }
});
