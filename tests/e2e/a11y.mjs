// Accessibility checked by a tool: axe-core run on the main views in headless Chromium, light
// and dark — the sandbox after a few commands (coloured ls and grep output among them), a
// lesson, an embed and a phone-sized page — must
// report no serious or critical violation. A keyboard-only pass then completes a lesson step:
// Tab to the lesson's "Type it for me" button, press Enter, and see the goal ticked.
//
//   node tests/e2e/a11y.mjs URL

import { readFileSync } from 'node:fs';
import { requireTool, runBrowserTest } from './browser.mjs';
const axeSource = readFileSync(requireTool.resolve('axe-core/axe.min.js'), 'utf8');

const views = [
  // Last, output in the terminal's colours (grep's matches; ls's directories, links, and /tmp's
  // black on green), so that their contrast is checked on screen.
  { name: 'sandbox', query: '', width: 1280, height: 800, lines: ['python -m venv .venv', 'source .venv/bin/activate', 'which python', 'no-such-command', 'grep numpy main.py', 'ls -la /'] },
  { name: 'lesson', query: '?lesson=create-activate', width: 1280, height: 800, lines: ['python -m venv .venv'] },
  { name: 'embed', query: '?lesson=why-venvs&embed=1&panels=lesson,terminal', width: 700, height: 480, lines: [] },
  { name: 'phone', query: '?lesson=path-lookup', width: 375, height: 740, lines: ['echo $PATH'] },
];

const report = [];
const problems = [];
await runBrowserTest('tests/e2e/a11y.mjs URL', async (browser, url) => {
  for (const colorScheme of ['light', 'dark']) {
    for (const view of views) {
      const page = await browser.newPage({ viewport: { width: view.width, height: view.height }, colorScheme });
      page.setDefaultTimeout(20_000);
      await page.goto(new URL(view.query, url).href);
      const input = page.locator('#command');
      await input.waitFor();
      for (const line of view.lines) {
        await input.fill(line);
        await input.press('Enter');
        await page.locator('.transcript .command', { hasText: line }).last().waitFor();
      }
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      for (const v of bad) {
        const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ');
        problems.push(`${colorScheme} ${view.name}: ${v.impact} ${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${where})`);
      }
      report.push(`${colorScheme} ${view.name}: ${bad.length} serious/critical of ${result.violations.length} violations`);
      await page.close();
    }
  }

  // Keyboard only: from the terminal, Tab to "Type it for me", press Enter, see the goal ticked.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(new URL('?lesson=create-activate', url).href);
  await page.locator('#command').waitFor();
  let reached = false;
  for (let i = 0; i < 60 && !reached; i++) {
    await page.keyboard.press('Shift+Tab');
    reached = await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Type it for me');
  }
  if (!reached) throw new Error('expected: "Type it for me" reachable with the keyboard');
  await page.keyboard.press('Enter');
  await page.locator('.transcript .command', { hasText: 'python -m venv .venv' }).waitFor();
  await page.getByText('Step 1 done', { exact: false }).first().waitFor();
  await page.close();
  report.push('keyboard only: a lesson step completed without the mouse');
}, problems);
console.log(`ok: axe-core — ${report.join('; ')}`);
