/**
 * Render test of the lifecycle preview in headless Chromium: the real page (html.ts shell,
 * dist/webview.js, preview.css) fed with timelines from the real simulator (createPodService().lifecycle),
 * in a light, a dark and a high-contrast theme. Checks the DOM (lanes in start order, names as text,
 * a hostile container name stays text), the messages the page posts (all accepted by the host's
 * validator), that the CSP blocks nothing, and saves screenshots to test-results/preview/.
 * Needs `npm run build` first (dist/webview.js). Run: node --test out/test/render/
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFromWebview } from '../../client/src/preview/messages';
import type { ToWebview } from '../../client/src/preview/messages';
import type { LifecycleTimeline, Scenario } from '../../server/src/protocol/lifecycle';
import { createPodService } from '../../server/src/service/index';
import { ROOT, launch, openPreview, send, serve } from './harness';
import type { Page, PageServer } from './harness';
import { DARK, HIGH_CONTRAST, LIGHT } from './themes';
import type { Theme } from './themes';

// The page's globals, seen from functions Playwright runs in the page (the root tsconfig has no DOM lib).
declare const window: { __posted: unknown[]; __violations: string[]; __state: unknown; scrollTo(x: number, y: number): void };
declare const document: {
  querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null; textContent: string | null; querySelector(s: string): { textContent: string | null } | null; querySelectorAll(s: string): ArrayLike<unknown> }>;
  querySelector(s: string): { textContent: string | null; hidden?: boolean } | null;
  activeElement: { getAttribute(n: string): string | null } | null;
};

const SHOTS = path.join(ROOT, 'test-results', 'preview');
const XSS = '<img src=x onerror=alert(1)>';

const WEB = fs.readFileSync(path.join(ROOT, 'examples', 'web.yaml'), 'utf8');

const HOSTILE = `apiVersion: v1
kind: Pod
metadata:
  name: "<script>alert('pod')</script>"
spec:
  initContainers:
    - name: ${JSON.stringify(XSS)}
      image: busybox:1.36
      command: ["sh", "-c", "sleep 5"]
  containers:
    - name: "app&amp;<b>bold</b>"
      image: nginx:1.27
      readinessProbe:
        httpGet: { path: /, port: 80 }
`;

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: backup
spec:
  backoffLimit: 3
  template:
    spec:
      restartPolicy: OnFailure
      containers:
        - name: dump
          image: postgres:16
          command: ["pg_dump"]
`;

// An observed pod (kubectl get pod -o yaml): its observed times are drawn over the prediction.
const OBSERVED = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'observed', 'init-stuck.yaml'), 'utf8');

const service = createPodService({ log: (m) => { throw new Error(m); } });
let n = 0;

function timeline(text: string, pod: number, scenario?: Scenario): LifecycleTimeline {
  const t = service.lifecycle({ uri: `file:///workspace/render-${n++}.yaml`, version: 1, text }, {}, { pod, ...(scenario ? { scenario } : {}) });
  assert.ok(t, 'the simulator returns a timeline');
  return t;
}

function update(t: LifecycleTimeline, fileName: string): ToWebview {
  return { type: 'update', timeline: t, fileName, scenario: t.scenario, assumptions: {}, defaults: t.assumptions };
}

interface Case {
  readonly name: string;
  readonly message: ToWebview & { type: 'update' };
}

function cases(): Case[] {
  const web = timeline(WEB, 0);
  const webHang = timeline(WEB, 0, { kind: 'probeFailure', container: 'app', probe: 'liveness', at: 60 });
  const webDelete = timeline(WEB, 0, { kind: 'delete', at: 65 });
  const job = timeline(JOB, 0, { kind: 'exit', container: 'dump', exitCode: 1, at: 20 });
  const hostile = timeline(HOSTILE, 0);
  const observed = timeline(OBSERVED, 0);
  return [
    { name: 'observed-init-stuck', message: update(observed, 'init-stuck.yaml') as Case['message'] },
    { name: 'web', message: update(web, 'web.yaml') as Case['message'] },
    { name: 'web-liveness-hang', message: update(webHang, 'web.yaml') as Case['message'] },
    { name: 'web-delete', message: update(webDelete, 'web.yaml') as Case['message'] },
    { name: 'job-exit', message: update(job, 'job.yaml') as Case['message'] },
    { name: 'hostile', message: update(hostile, 'hostile.yaml') as Case['message'] },
  ];
}

async function posted(page: Page): Promise<unknown[]> {
  return page.evaluate(() => window.__posted);
}

async function lanes(page: Page): Promise<{ container: string | null; name: string | null; bars: number }[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll('svg.chart g.lane')).map((g) => ({
    container: g.getAttribute('data-container'),
    name: g.querySelector('.lane-name')?.textContent ?? null,
    bars: g.querySelectorAll('.bar').length,
  })));
}

async function clean(page: Page, problems: string[], server: PageServer): Promise<void> {
  const violations = await page.evaluate(() => window.__violations);
  assert.deepEqual(violations, [], 'no CSP violations');
  assert.deepEqual(problems, [], 'no console errors, page errors or dialogs');
  assert.deepEqual(server.unknown, [], 'the page asked only for its own script and stylesheet');
}

describe('lifecycle preview render (headless Chromium)', () => {
  let browser: Awaited<ReturnType<typeof launch>>;
  let server: PageServer;
  const all = cases();

  before(async () => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'webview.js')), 'dist/webview.js exists (run npm run build)');
    browser = await launch();
    server = await serve({ t: (m) => m });
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const theme of [LIGHT, DARK, HIGH_CONTRAST] as readonly Theme[]) {
    it(`draws every pod in the ${theme.name} theme`, async () => {
      const { page, problems, requests } = await openPreview(browser, server, theme);
      for (const c of all) {
        await send(page, c.message);
        await page.waitForFunction((title) => document.querySelector('h1')?.textContent === title, `${c.message.timeline.pod.kind}/${c.message.timeline.pod.name}`);
        const t = c.message.timeline;
        const drawn = await lanes(page);
        // One lane per container, in the order they start (init, sidecars, app containers).
        assert.deepEqual(drawn.map((l) => l.container), t.containers.map((x) => x.name), c.name);
        assert.deepEqual(drawn.map((l) => l.bars), t.containers.map((x) => x.segments.length), `${c.name}: a bar per segment`);
        for (const l of drawn) assert.ok(l.container && l.name && (l.container === l.name || l.name.endsWith('…')) && l.container.startsWith(l.name.replace(/…$/, '')), `${c.name}: lane label ${l.name}`);
        const figures = await page.evaluate(() => Array.from(document.querySelectorAll('.figure')).map((f) => f.getAttribute('data-figure')));
        assert.ok(figures.includes('timeToReady') && figures.includes('worstTermination'), `${c.name}: key figures`);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: path.join(SHOTS, `${theme.name}-${c.name}.png`), fullPage: true });
      }
      await clean(page, problems, server);
      assert.deepEqual(requests.filter((u) => !u.startsWith(server.origin)), [], 'no remote requests');
      await page.close();
    });
  }

  it('draws an observed pod\'s observed times as diamonds, the diverging ones marked', async () => {
    const { page, problems } = await openPreview(browser, server, LIGHT);
    const c = all.find((x) => x.name === 'observed-init-stuck')!;
    await send(page, c.message);
    await page.waitForFunction(() => document.querySelectorAll('g.lane').length > 0);
    const r = await page.evaluate(() => ({
      marks: document.querySelectorAll('g.observed').length,
      diverging: Array.from(document.querySelectorAll('g.observed.diverges')).map((g) => g.getAttribute('data-kind')),
    }));
    const marks = c.message.timeline.observed!.marks;
    assert.equal(r.marks, marks.length);
    assert.deepEqual(r.diverging, marks.filter((m) => m.diverges).map((m) => m.kind));
    assert.ok(r.diverging.length > 0, 'Initialized and Ready still False long after the prediction');
    await clean(page, problems, server);
    await page.close();
  });

  it('shows a hostile container name as literal text and creates no element from it', async () => {
    const { page, problems } = await openPreview(browser, server, LIGHT);
    const c = all.find((x) => x.name === 'hostile')!;
    await send(page, c.message);
    await page.waitForFunction(() => document.querySelectorAll('g.lane').length > 0);
    const r = await page.evaluate(() => ({
      imgs: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      bold: document.querySelectorAll('b').length,
      names: Array.from(document.querySelectorAll('g.lane')).map((g) => g.getAttribute('data-container')),
      texts: Array.from(document.querySelectorAll('.lane-name')).map((g) => g.textContent),
      title: document.querySelector('h1')?.textContent,
      options: Array.from(document.querySelectorAll('#sc-kind option')).length,
    }));
    assert.equal(r.imgs, 0);
    assert.equal(r.bold, 0);
    assert.equal(r.scripts, 1, 'only the page script');
    assert.deepEqual(r.names, [XSS, 'app&amp;<b>bold</b>']);
    assert.equal(r.texts[0], XSS);
    assert.equal(r.title, "Pod/<script>alert('pod')</script>");
    // The scenario picker lists the hostile container by name, as text.
    await page.selectOption('#sc-kind', 'exit');
    const last = (await posted(page)).at(-1);
    assert.deepEqual(parseFromWebview(last), last, 'the host accepts it unchanged');
    assert.equal((last as { scenario: { container: string } }).scenario.container, 'app&amp;<b>bold</b>');
    await clean(page, problems, server);
    await page.close();
  });

  it('posts reveal for bars, lanes and events (click and Enter) with ranges the host accepts', async () => {
    const { page, problems } = await openPreview(browser, server, LIGHT);
    const c = all.find((x) => x.name === 'web')!;
    const t = c.message.timeline;
    await send(page, c.message);
    await page.waitForFunction(() => document.querySelectorAll('g.lane').length > 0);
    const before = (await posted(page)).length;

    await page.click('g.lane[data-container="migrate"] .lane-head');
    await page.focus('g.lane[data-container="app"] .lane-head');
    await page.keyboard.press('Enter');
    await page.click('g.lane[data-container="migrate"] .bar[data-state="pulling"]');
    await page.focus('g.lane[data-container="app"] .event');
    await page.keyboard.press('Enter');

    const reveals = (await posted(page)).slice(before);
    assert.equal(reveals.length, 4);
    for (const m of reveals) assert.deepEqual(parseFromWebview(m), m, 'valid reveal');
    const ranges = reveals.map((m) => (m as { range: unknown }).range);
    const migrate = t.containers.find((x) => x.name === 'migrate')!;
    const app = t.containers.find((x) => x.name === 'app')!;
    assert.deepEqual(ranges[0], migrate.range);
    assert.deepEqual(ranges[1], app.range);
    assert.deepEqual(ranges[2], migrate.segments.find((s) => s.state === 'pulling')!.range ?? migrate.range);
    assert.ok(ranges[3], 'an event reveals its YAML');

    // Hover details: the hover box fills with text for a bar.
    await page.hover('g.lane[data-container="app"] .bar[data-state="ready"]');
    const hover = await page.evaluate(() => { const el = document.querySelector('#pl-hover'); return { hidden: el?.hidden, text: el?.textContent }; });
    assert.equal(hover.hidden, false);
    assert.match(hover.text ?? '', /^app: Ready/);
    await page.screenshot({ path: path.join(SHOTS, 'light-web-hover.png') });
    await clean(page, problems, server);
    await page.close();
  });

  it('posts setScenario and setAssumptions that the host validator accepts, and keeps them in the state', async () => {
    const { page, problems } = await openPreview(browser, server, DARK);
    const c = all.find((x) => x.name === 'web')!;
    await send(page, c.message);
    await page.waitForFunction(() => document.querySelectorAll('#sc-kind').length > 0);
    const before = (await posted(page)).length;
    await page.selectOption('#sc-kind', 'probeFailure');
    await page.evaluate(() => { (document.querySelector('details.assumptions') as unknown as { open: boolean }).open = true; });
    await page.fill('#as-imagePullSeconds', '30');
    await page.keyboard.press('Enter');
    await page.fill('#as-schedulingSeconds', '-4'); // invalid: not sent
    await page.keyboard.press('Enter');
    await page.screenshot({ path: path.join(SHOTS, 'dark-web-assumptions.png') });
    const msgs = (await posted(page)).slice(before);
    for (const m of msgs) assert.deepEqual(parseFromWebview(m), m, JSON.stringify(m));
    assert.deepEqual(msgs.map((m) => (m as { type: string }).type), ['setScenario', 'setAssumptions']);
    assert.deepEqual((msgs[0] as { scenario: Scenario }).scenario.kind, 'probeFailure');
    assert.deepEqual((msgs[1] as { assumptions: unknown }).assumptions, { imagePullSeconds: 30 });
    const state = await page.evaluate(() => window.__state) as { uri?: string; pod?: number; assumptions?: unknown };
    assert.equal(state.uri, c.message.timeline.uri);
    assert.equal(state.pod, c.message.timeline.pod.index);
    assert.deepEqual(state.assumptions, { imagePullSeconds: 30 });
    await clean(page, problems, server);
    await page.close();
  });

  it('shows the host\'s empty message as text', async () => {
    const { page, problems } = await openPreview(browser, server, LIGHT);
    await send(page, { type: 'empty', reason: 'noPod', message: `No pod here ${XSS}` } satisfies ToWebview);
    await page.waitForFunction(() => document.querySelector('.message') !== null);
    assert.equal(await page.evaluate(() => document.querySelector('.message')?.textContent), `No pod here ${XSS}`);
    assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
    await clean(page, problems, server);
    await page.close();
  });
});
