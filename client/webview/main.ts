/**
 * The lifecycle preview page (runs inside the webview; bundled to dist/webview.js as an iife).
 * It draws what the host sends (`update` / `empty`, see client/src/preview/messages.ts) and posts the
 * user's actions back. Strings come localized from the host in `data-strings`. The page state
 * (scenario, assumptions, scroll, which pod) is kept with setState so a reload restores it, as in
 * microsoft/vscode-extension-samples webview-sample/media/main.js.
 */
import type { Range } from 'vscode-languageserver-protocol';
import type { Scenario } from '../../server/src/protocol/lifecycle';
import type { AssumptionOverrides, FromWebview, PreviewState, ToWebview } from '../src/preview/messages';
import type { PreviewStrings } from '../src/preview/strings';
import { renderChart } from './chart';
import { renderAssumptions, renderScenario } from './controls';
import { h } from './dom';
import { renderFigures } from './figures';
import { Tooltip } from './hover';
import { renderLegend } from './legend';
import { patternDefs } from './patterns';

interface PageState extends PreviewState {
  readonly assumptionsOpen?: boolean;
  readonly chartScrollX?: number;
}

type Update = Extract<ToWebview, { type: 'update' }>;

const vscode = acquireVsCodeApi<PageState>();
const root = document.getElementById('root') ?? document.body;

/** Unknown ids show as themselves rather than "undefined" (a stale bundle, a missing translation). */
function readStrings(el: HTMLElement): PreviewStrings {
  let parsed: Record<string, unknown> = {};
  try {
    const v: unknown = JSON.parse(el.dataset['strings'] ?? '{}');
    if (v && typeof v === 'object') parsed = v as Record<string, unknown>;
  } catch { /* keep the ids */ }
  return new Proxy(parsed, { get: (o, k) => (typeof o[k as string] === 'string' ? o[k as string] : String(k)) }) as unknown as PreviewStrings;
}

const strings = readStrings(root);
let state: PageState = vscode.getState() ?? {};
let current: Update | undefined;
let restoredScroll = false;

function save(patch: Partial<PageState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
}

function post(m: FromWebview): void {
  vscode.postMessage(m);
}

document.body.appendChild(patternDefs());
const tooltip = new Tooltip(document.body);
const reveal = (range: Range) => post({ type: 'reveal', range });

const controls = {
  strings,
  setScenario: (scenario: Scenario) => { save({ scenario }); post({ type: 'setScenario', scenario }); },
  setAssumptions: (assumptions: AssumptionOverrides) => { save({ assumptions }); post({ type: 'setAssumptions', assumptions }); },
};

/** The chart fits the panel (an editor split is often ~500 px); below 420 px it scrolls sideways. */
function chartWidth(): number {
  return Math.max(420, Math.floor(root.clientWidth - 32));
}

function renderTimeline(u: Update): HTMLElement {
  const box = h('div', { class: 'timeline' });
  box.appendChild(renderChart(u.timeline, chartWidth(), { strings, tooltip, reveal }));
  box.addEventListener('scroll', () => save({ chartScrollX: box.scrollLeft }), { passive: true });
  return box;
}

function render(u: Update): void {
  const t = u.timeline;
  // Rebuilding replaces the inputs: keep the keyboard focus where it was.
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  tooltip.hide();
  const present = new Set<string>(t.containers.flatMap((c) => c.segments.map((x) => x.state)));
  const notes = [...t.notes.map((n) => ({ text: n.message, severity: n.severity, range: n.range })), ...(t.truncated ? [{ text: strings.truncated, severity: 'warning' as const, range: undefined }] : [])];
  const noteList = notes.length ? h('ul', { class: 'notes', 'aria-label': strings.notes }, ...notes.map((n) => {
    const li = h('li', { class: `note note-${n.severity}` }, n.text);
    if (n.range) {
      const range = n.range;
      li.classList.add('link');
      li.setAttribute('tabindex', '0');
      li.setAttribute('role', 'button');
      li.addEventListener('click', () => reveal(range));
      li.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); reveal(range); } });
    }
    return li;
  })) : null;
  root.replaceChildren(
    h('h1', {}, `${t.pod.kind}/${t.pod.name ?? '—'}`),
    h('p', { class: 'subtitle' }, `${u.fileName} · restartPolicy: ${t.restartPolicy}`),
    renderScenario(t, u.scenario, controls),
    renderAssumptions(t, u.assumptions, u.defaults, !!state.assumptionsOpen, (open) => save({ assumptionsOpen: open }), controls),
    renderFigures(t.figures, strings, reveal, t.pod.range),
    renderTimeline(u),
    renderLegend(strings, present),
    ...(noteList ? [noteList] : []),
  );
  if (focused) document.getElementById(focused)?.focus();
  if (!restoredScroll) {
    restoredScroll = true;
    const box = root.querySelector('.timeline');
    if (box && state.chartScrollX) box.scrollLeft = state.chartScrollX;
    if (state.scrollX || state.scrollY) window.scrollTo(state.scrollX ?? 0, state.scrollY ?? 0);
  }
}

function showEmpty(message: string, reason: string): void {
  current = undefined;
  tooltip.hide();
  root.replaceChildren(h('div', { class: `message${reason === 'error' ? ' error' : ''}`, role: 'status' }, message));
}

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  const m = e.data as ToWebview | null;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'update' && m.timeline && typeof m.timeline === 'object') {
    current = m;
    save({ uri: m.timeline.uri, pod: m.timeline.pod.index, scenario: m.scenario, assumptions: m.assumptions });
    render(m);
  } else if (m.type === 'empty' && typeof m.message === 'string') {
    showEmpty(m.message, m.reason);
  }
});

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  if (resizeTimer) clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    const box = root.querySelector('.timeline');
    if (current && box) box.replaceWith(renderTimeline(current));
  }, 100);
});

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  if (scrollTimer) clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => save({ scrollX: window.scrollX, scrollY: window.scrollY }), 150);
}, { passive: true });

window.addEventListener('keydown', (e) => { if (e.key === 'Escape') tooltip.hide(); });

post({ type: 'ready' });
