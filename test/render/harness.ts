/**
 * Serves the real preview page (html.ts shell + dist/webview.js + client/media/preview.css) over a
 * local HTTP origin that plays the part of `webview.cspSource`, and opens it in headless Chromium
 * (Debian /usr/bin/chromium) through playwright-core from .e2e/playwright (scripts/setup-e2e.sh).
 * A stub `acquireVsCodeApi` and the theme's --vscode-* variables are injected as init scripts, the
 * way VS Code itself sets them (CSSOM on <html>, a class on <body>); the page's own CSP stays in force.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { renderShell } from '../../client/src/preview/html';
import { previewStrings } from '../../client/src/preview/strings';
import type { Localizer } from '../../client/src/preview/strings';
import type { Theme } from './themes';

export const ROOT = path.resolve(__dirname, '../../..');
const PLAYWRIGHT = path.join(ROOT, '.e2e', 'playwright', 'node_modules', 'playwright-core');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// Minimal structural types for the parts of playwright-core we use (it is not a dependency of the package).
export interface Page {
  goto(url: string): Promise<unknown>;
  addInitScript(script: { content: string }): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  waitForFunction<A>(fn: (arg: A) => unknown, arg?: A, opts?: { timeout?: number }): Promise<unknown>;
  screenshot(opts: { path: string; fullPage?: boolean }): Promise<unknown>;
  on(event: 'console', fn: (m: { type(): string; text(): string }) => void): void;
  on(event: 'pageerror', fn: (e: Error) => void): void;
  on(event: 'dialog', fn: (d: { message(): string; dismiss(): Promise<void> }) => void): void;
  on(event: 'request', fn: (r: { url(): string }) => void): void;
  click(selector: string, opts?: { position?: { x: number; y: number } }): Promise<void>;
  hover(selector: string, opts?: { position?: { x: number; y: number } }): Promise<void>;
  focus(selector: string): Promise<void>;
  selectOption(selector: string, value: string): Promise<unknown>;
  fill(selector: string, value: string): Promise<void>;
  keyboard: { press(key: string): Promise<void> };
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  close(): Promise<void>;
}
interface Browser {
  newPage(opts: { viewport: { width: number; height: number }; deviceScaleFactor?: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Fails (never skips) when Chromium or playwright-core is missing: the render test must run. */
export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  if (!fs.existsSync(PLAYWRIGHT)) throw new Error(`playwright-core not found at ${PLAYWRIGHT}: run "npm run setup:e2e" (scripts/setup-e2e.sh)`);
  const pw = createRequire(__filename)(PLAYWRIGHT) as { chromium: { launch(o: object): Promise<Browser> } };
  return pw.chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
}

export interface PageServer {
  readonly origin: string;
  /** URLs asked for that the server does not have (the page must not ask for anything else). */
  readonly unknown: string[];
  close(): Promise<void>;
}

/** The page at `/`, our two resources, nothing else. */
export async function serve(l10n: Localizer): Promise<PageServer> {
  const unknown: string[] = [];
  let origin = '';
  const files: Record<string, { file: string; type: string }> = {
    '/ext/dist/webview.js': { file: path.join(ROOT, 'dist', 'webview.js'), type: 'text/javascript' },
    '/ext/client/media/preview.css': { file: path.join(ROOT, 'client', 'media', 'preview.css'), type: 'text/css' },
  };
  const server = http.createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0]!;
    if (url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(renderShell({
        cspSource: origin, scriptUri: `${origin}/ext/dist/webview.js`, styleUri: `${origin}/ext/client/media/preview.css`,
        strings: previewStrings(l10n), title: 'Lifecycle Preview', lang: 'en',
      }));
      return;
    }
    const f = files[url];
    if (f && fs.existsSync(f.file)) {
      res.writeHead(200, { 'content-type': f.type });
      res.end(fs.readFileSync(f.file));
      return;
    }
    if (url === '/favicon.ico') { res.writeHead(204); res.end(); return; }
    if (!url.endsWith('.map')) unknown.push(url);
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, unknown, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface PageProbe {
  readonly page: Page;
  readonly problems: string[];
  readonly requests: string[];
}

// The page's globals, seen from functions that Playwright runs in the page (the root tsconfig has no DOM lib).
declare const window: { __posted: unknown[]; __violations: string[]; __state: unknown; postMessage(m: unknown, o: string): void };

/** A page with the VS Code stub and the theme, loaded and past its `ready` message. */
export async function openPreview(browser: Browser, server: PageServer, theme: Theme, state?: unknown, size = { width: 1180, height: 900 }): Promise<PageProbe> {
  const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning' || /Content Security Policy|Refused to/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  page.on('request', (r) => requests.push(r.url()));
  const stub = fs.readFileSync(path.join(ROOT, 'test', 'render', 'pageStub.js'), 'utf8')
    .replace('__PL_STUB__', JSON.stringify({ vars: theme.vars, bodyClass: theme.bodyClass, initial: state ?? null }));
  await page.addInitScript({ content: stub });
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => window.__posted.some((m) => (m as { type?: string }).type === 'ready'), undefined, { timeout: 10_000 });
  return { page, problems, requests };
}

/** Post a host message into the page, as VS Code delivers webview.postMessage. */
export async function send(page: Page, message: unknown): Promise<void> {
  await page.evaluate((m) => { window.postMessage(m, '*'); }, message);
}
