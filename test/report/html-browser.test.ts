import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempHome, writeTemp } from '../cli/run-cli.js';
import { ARTIFACTS, launchChromium, openFile } from './browser.js';

// The HTML report as a study group would see it: opened from a file in a real browser.

/** What these checks read of the page, as it runs in the browser (the tests compile without the DOM library). */
interface BrowserWindow {
  document: { documentElement: { scrollWidth: number } };
  innerWidth: number;
  __pwned?: number;
}
interface SvgShape {
  getBBox(): { width: number };
}

const HOSTILE =
  '<script>window.__pwned = 1; document.title = "pwned"</script><img src="http://127.0.0.1:9/x.png" onerror="window.__pwned = 2">';

const guideline = (title: string) => `kind: guideline
id: g-html
title: ${JSON.stringify(title)}
version: 1.0.0
sections:
  - id: "1"
    title: ${JSON.stringify(`Reading ${title}`)}
    rules:
      - {id: "1.r1", text: ${JSON.stringify(`Read it all. ${title}`)}}
  - id: "2"
    title: Rating
    rules:
      - {id: "2.r1", text: Rate with care.}
`;

const bank = (text: string) => `kind: bank
id: html-bank
title: ${JSON.stringify(`Report ${text}`)}
guideline: g-html
version: 1.0.0
exam:
  pass_mark: 70
questions:
  - id: q1
    type: single-choice
    sections: ["1"]
    rules: ["1.r1"]
    prompt: ${JSON.stringify(`Which first? ${text}`)}
    options:
      - {id: a, text: ${JSON.stringify(`Rate at once ${text}`)}, feedback: ${JSON.stringify(`Too fast ${text}`)}}
      - {id: b, text: Read the task}
    answer: b
    explanation: ${JSON.stringify(`Reading comes first. ${text}`)}
  - id: q2
    type: true-false
    sections: ["2"]
    rules: ["2.r1"]
    prompt: Rating needs care.
    answer: true
  - id: q3
    type: true-false
    sections: ["2"]
    prompt: A careless rating is fine.
    answer: false
`;

/** Two attempts at a bank (a worse one, then the reported one), and the report of the second as HTML. */
async function htmlReport(text: string): Promise<string> {
  const home = tempHome();
  const content = path.join(home, 'shared');
  writeTemp(content, 'guideline.yaml', guideline(text));
  writeTemp(content, 'bank.yaml', bank(text));
  const first = writeTemp(home, 'first.yaml', 'q1: a\nq2: false\nq3: true\n');
  const second = writeTemp(
    home,
    'second.yaml',
    'q1: {answer: a, confidence: high}\nq2: {answer: true, confidence: high}\nq3: {answer: false, confidence: low}\n',
  );
  const args = ['--content', content, 'exam', 'html-bank', '--practice'];
  expect((await cli([...args, '--answers', first], { home, now: '2026-03-01T10:00:00Z' })).code).toBe(0);
  expect((await cli([...args, '--answers', second], { home, now: '2026-03-02T10:00:00Z' })).code).toBe(0);
  const out = path.join(home, 'report.html');
  const result = await cli(['--content', content, 'report', '--format', 'html', '--out', out], {
    home,
    now: '2026-03-02T11:00:00Z',
  });
  expect(result.stderr).toContain('report.html');
  expect(result.code).toBe(0);
  return out;
}

describe('qualify report --format html in headless chromium', () => {
  let browser: BrowserContext;
  let profile: string;
  beforeAll(async () => {
    ({ browser, profile } = await launchChromium());
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  it('renders the score, section rows, the charts and every mistake, with no errors and no requests', async () => {
    const file = await htmlReport('on sharing');
    const opened = await openFile(browser, file);
    const { page } = opened;
    expect(await page.title()).toBe('Report on sharing — attempt #2');
    const body = await page.locator('body').innerText();
    expect(body).toContain('Not passed');
    expect(body).toContain('2 / 3 points (66.7%)');

    const sectionRows = page.locator('#sections tr.section-row');
    expect(await sectionRows.count()).toBe(2);
    expect(await sectionRows.nth(0).innerText()).toMatch(/^1\s+Reading on sharing\s+0\s+1\s+1$/);

    // Section bars: one per section, the earned share drawn to scale, and the pass mark line.
    const bars = page.locator('#sections svg.bar-chart rect.bar');
    expect(await bars.count()).toBe(2);
    const widths = await bars.evaluateAll((rects) => rects.map((r) => (r as unknown as SvgShape).getBBox().width));
    expect(widths[0]).toBe(0);
    expect(widths[1]).toBeGreaterThan(100);
    expect(await page.locator('#sections svg line.reference').count()).toBe(1);

    // The trend: one point per attempt, joined by a line that is really drawn.
    expect(await page.locator('#trend svg circle.point').count()).toBe(2);
    const trendBox = await page.locator('#trend svg path.trend-line').boundingBox();
    expect(trendBox!.width).toBeGreaterThan(50);
    expect(trendBox!.height).toBeGreaterThan(10);

    // Confidence: a bar per level of sureness given.
    expect(await page.locator('#confidence svg rect.bar').count()).toBe(2);
    expect(await page.locator('#confidence').innerText()).toContain('1 of 2 right');

    const mistake = await page.locator('#mistakes article.mistake').innerText();
    expect(mistake).toContain('Read it all. on sharing');
    // Options are labelled by their place in the attempt's shuffled order: one is a), the other b).
    const labelOf = (text: string) => new RegExp(`\\b([ab])\\) ${text}`).exec(mistake)?.[1];
    expect([labelOf('Rate at once on sharing'), labelOf('Read the task')].sort()).toEqual(['a', 'b']);

    expect(opened.consoleErrors).toEqual([]);
    expect(opened.requests).toEqual([]);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'html-report.png'), fullPage: true });
    await opened.close();
  }, 60_000);

  it('fits a phone screen without sideways scrolling and prints every mistake', async () => {
    const file = await htmlReport('for phones with a rather long bank title that has to wrap somewhere');
    const opened = await openFile(browser, file, { width: 360, height: 740 });
    const { page } = opened;
    const widths = await page.evaluate(() => {
      const view = globalThis as unknown as BrowserWindow;
      return { content: view.document.documentElement.scrollWidth, screen: view.innerWidth };
    });
    expect(widths.content).toBeLessThanOrEqual(widths.screen);
    await page.screenshot({ path: path.join(ARTIFACTS, 'html-report-phone.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('article.mistake').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await opened.close();
  }, 60_000);

  it("shows a hostile bank's markup as text and never runs its script", async () => {
    const file = await htmlReport(HOSTILE);
    const opened = await openFile(browser, file);
    const { page } = opened;
    expect(await page.evaluate(() => (globalThis as unknown as BrowserWindow).__pwned)).toBeUndefined();
    expect(await page.title()).toBe(`Report ${HOSTILE} — attempt #2`);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    const body = await page.locator('body').innerText();
    expect(body).toContain(`Which first? ${HOSTILE}`);
    expect(body).toContain(`Too fast ${HOSTILE}`);
    expect(opened.requests).toEqual([]);
    expect(opened.consoleErrors).toEqual([]);
    await opened.close();
  }, 60_000);
});
