import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from '../cli/run-cli.js';

/** Debian's chromium (installed by .ci/run); playwright never downloads a browser of its own. */
export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots the browser tests keep for people to look at (gitignored). */
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

export interface OpenedPage {
  page: Page;
  consoleErrors: string[];
  /** Every request the page made besides loading its own file. */
  requests: string[];
  close(): Promise<void>;
}

/** Launches headless chromium with a fresh profile (its --user-data-dir) and nothing that phones home. */
export async function launchChromium(): Promise<{ browser: BrowserContext; profile: string }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { browser, profile };
}

/** Opens a local HTML file at the given viewport, recording console errors and outside requests. */
export async function openFile(
  browser: BrowserContext,
  file: string,
  viewport = { width: 1000, height: 800 },
): Promise<OpenedPage> {
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const own = new URL(`file://${file}`).href;
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => {
    if (request.url() !== own) requests.push(request.url());
  });
  await page.goto(own, { waitUntil: 'load' });
  return { page, consoleErrors, requests, close: () => page.close() };
}
