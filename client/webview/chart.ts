/**
 * The timeline chart: an SVG built node by node from `layoutTimeline` (server/src/lifecycleView/layout.ts,
 * the same layout the CLI's SVG output uses). Top: the pod phase and the pod conditions; then one
 * lane per container in start order (init, sidecars, app containers); bottom: the time axis.
 * Every bar, marker and lane label is focusable and reveals its YAML (click, Enter or Space).
 */
import type { Range } from 'vscode-languageserver-protocol';
import type { ConditionType, EventKind, LifecycleTimeline } from '../../server/src/protocol/lifecycle';
import { formatSeconds, layoutTimeline, observedMarkSubject } from '../../server/src/lifecycleView/layout';
import type { LayoutLane, LayoutMarker, LayoutObservedMark } from '../../server/src/lifecycleView/layout';
import type { PreviewStrings } from '../src/preview/strings';
import { ellipsis, format, px, s } from './dom';
import type { HoverContent, Tooltip } from './hover';
import { stateRect } from './patterns';

export interface ChartContext {
  readonly strings: PreviewStrings;
  readonly tooltip: Tooltip;
  readonly reveal: (range: Range) => void;
}

// Lane: a bar of BAR_H px from BAR_TOP, then a strip for the event markers below it.
const LANE = 34;
const BAR_TOP = 4;
const BAR_H = 18;
const MARK_Y = 27;
// Top band: the phase row, a strip for pod-level events, then one thin row per condition.
const PHASE_ROW = 18;
const POD_MARKS = 14;
const COND_ROW = 11;
const COND_GAP = 4;
const ALL_CONDITIONS: readonly ConditionType[] = ['PodScheduled', 'PodReadyToStartContainers', 'Initialized', 'ContainersReady', 'Ready'];
/** The rows drawn: PodReadyToStartContainers only when the timeline has it (the kubelet reports it from 1.29). */
function conditionRows(timeline: LifecycleTimeline): readonly ConditionType[] {
  return ALL_CONDITIONS.filter((c) => c !== 'PodReadyToStartContainers' || timeline.conditions.some((x) => x.type === c));
}
const topBand = (rows: number) => PHASE_ROW + POD_MARKS + rows * (COND_ROW + COND_GAP);
const CHAR = 7; // average px per character at 12px; labels are estimated, not measured (no layout pass needed)

export type Severity = 'info' | 'warning' | 'error';

const ERROR_EVENTS: ReadonlySet<EventKind> = new Set(['oomKilled', 'killed', 'sigkill', 'evicted']);
const WARNING_EVENTS: ReadonlySet<EventKind> = new Set([
  'probeFailure', 'notReady', 'podNotReady', 'exited', 'restart', 'backoff', 'deleteRequested', 'preStop', 'sigterm',
  'nodeUnreachable', 'taintAdded', 'memoryPressure', 'horizon',
]);

export function severityOf(kind: EventKind): Severity {
  return ERROR_EVENTS.has(kind) ? 'error' : WARNING_EVENTS.has(kind) ? 'warning' : 'info';
}

/** A marker shape per severity (circle, triangle, diamond), so it reads without colour. */
export function markerShape(sev: Severity, x: number, y: number, r = 4.5): SVGElement {
  const cls = `event-mark sev-${sev}`;
  if (sev === 'info') return s('circle', { cx: px(x), cy: px(y), r: r - 0.5, class: cls });
  const pts = sev === 'warning'
    ? [[x, y - r - 0.5], [x + r + 0.5, y + r - 0.5], [x - r - 0.5, y + r - 0.5]]
    : [[x, y - r - 1], [x + r + 1, y], [x, y + r + 1], [x - r - 1, y]];
  return s('polygon', { points: pts.map(([a, b]) => `${px(a!)},${px(b!)}`).join(' '), class: cls });
}

/** Markers closer than this (px) are merged into one whose hover lists them all. */
const CLUSTER_PX = 9;

interface Cluster {
  readonly x: number;
  readonly markers: readonly LayoutMarker[];
}

function clusters(markers: readonly LayoutMarker[]): Cluster[] {
  const sorted = [...markers].sort((a, b) => a.x - b.x);
  const out: { x: number; markers: LayoutMarker[] }[] = [];
  for (const m of sorted) {
    const lastC = out[out.length - 1];
    if (lastC && m.x - lastC.x < CLUSTER_PX) lastC.markers.push(m);
    else out.push({ x: m.x, markers: [m] });
  }
  return out;
}

function worst(markers: readonly LayoutMarker[]): Severity {
  const sev = markers.map((m) => severityOf(m.kind));
  return sev.includes('error') ? 'error' : sev.includes('warning') ? 'warning' : 'info';
}

/** Make an element a keyboard- and mouse-operable link to its YAML, with a hover box. */
function interactive(el: SVGElement, ctx: ChartContext, content: () => HoverContent, range: Range | undefined): void {
  const c = content();
  el.setAttribute('tabindex', '0');
  el.setAttribute('aria-label', [c.title, ...c.lines].join('. '));
  el.setAttribute('role', range ? 'button' : 'img');
  ctx.tooltip.attach(el, () => {
    const cc = content();
    return range ? { title: cc.title, lines: [...cc.lines, ctx.strings.revealHint] } : cc;
  });
  if (!range) return;
  el.classList.add('link');
  el.addEventListener('click', () => ctx.reveal(range));
  el.addEventListener('keydown', (e) => {
    const k = (e as KeyboardEvent).key;
    if (k === 'Enter' || k === ' ') {
      e.preventDefault();
      ctx.reveal(range);
    }
  });
}

function labelWidthFor(timeline: LifecycleTimeline, strings: PreviewStrings): number {
  let max = Math.max(strings.phase.length, ...conditionRows(timeline).map((c) => c.length * 0.85)) * CHAR;
  for (const c of timeline.containers) {
    const role = (strings[`role.${c.role}` as const] ?? c.role).length * 6.5;
    max = Math.max(max, Math.min(30, [...c.name].length) * CHAR + role + 20);
  }
  return Math.round(Math.min(300, Math.max(140, max + 12)));
}

export function renderChart(timeline: LifecycleTimeline, width: number, ctx: ChartContext): SVGSVGElement {
  const { strings } = ctx;
  const labelWidth = labelWidthFor(timeline, strings);
  const conditions = conditionRows(timeline);
  const layout = layoutTimeline(timeline, { width, laneHeight: LANE, labelWidth, padding: 12, phaseHeight: topBand(conditions.length), axisHeight: 26, minTickSpacing: 64 });
  const podName = timeline.pod.name ?? timeline.pod.kind;
  const svg = s('svg', {
    class: 'chart', width: layout.width, height: layout.height, viewBox: `0 0 ${layout.width} ${layout.height}`,
    role: 'group', 'aria-label': format(strings.timeline, podName),
  });
  const { plotX, plotWidth, horizon } = layout;
  const xOf = (t: number) => plotX + (Math.min(horizon, Math.max(0, t)) / horizon) * plotWidth;
  const left = 12;
  const top = layout.phaseBand.y;
  const bottom = layout.axis.y;
  const dur = (a: number, b: number) => format(strings.span, formatSeconds(a), formatSeconds(b), formatSeconds(b - a));

  // Grid first, so everything else draws over it.
  const grid = s('g', { class: 'grid', 'aria-hidden': 'true' });
  for (const t of layout.axis.ticks) grid.appendChild(s('line', { x1: px(t.x), x2: px(t.x), y1: top, y2: bottom, class: 'grid-line' }));
  svg.appendChild(grid);

  // ---- phase and conditions ----
  const band = s('g', { class: 'band' });
  band.appendChild(s('text', { x: left, y: top + PHASE_ROW / 2, 'dominant-baseline': 'central', class: 'band-label' }, strings.phase));
  band.appendChild(s('rect', { x: plotX, y: top, width: plotWidth, height: PHASE_ROW, class: 'band-bg' }));
  for (const p of layout.phaseBand.items) {
    if (p.w <= 0) continue;
    const g = s('g', {});
    g.appendChild(s('rect', { x: px(p.x), y: top, width: px(p.w), height: PHASE_ROW, class: `phase phase-${p.phase}${p.terminating ? ' terminating' : ''}` }));
    if (p.terminating) g.appendChild(s('rect', { x: px(p.x), y: top, width: px(p.w), height: PHASE_ROW, fill: 'url(#pl-pattern-terminating)', class: 'seg-pattern' }));
    const text = p.terminating ? `${p.phase} · ${strings['state.terminating']}` : p.phase;
    if (p.w > text.length * 6.5 + 8) g.appendChild(s('text', { x: px(p.x + 5), y: top + PHASE_ROW / 2, 'dominant-baseline': 'central', class: `seg-label on-phase-${p.phase}` }, text));
    interactive(g, ctx, () => ({ title: text, lines: [dur(p.from, p.to)] }), timeline.pod.range);
    band.appendChild(g);
  }
  conditions.forEach((type, i) => {
    const y = top + PHASE_ROW + POD_MARKS + i * (COND_ROW + COND_GAP);
    const c = timeline.conditions.find((x) => x.type === type);
    band.appendChild(s('text', { x: left + 8, y: y + COND_ROW / 2, 'dominant-baseline': 'central', class: 'cond-label' }, type));
    band.appendChild(s('rect', { x: plotX, y, width: plotWidth, height: COND_ROW, class: 'cond-false' }));
    const stretches = c ? (Array.isArray(c.intervals) ? c.intervals : c.at !== null ? [{ from: c.at, to: typeof c.lostAt === 'number' ? c.lostAt : null }] : []) : [];
    for (const st of stretches) {
      if (typeof st.from !== 'number' || st.from > horizon) continue;
      const end = typeof st.to === 'number' ? st.to : horizon;
      const x = xOf(st.from);
      const w = Math.max(1.5, xOf(end) - x);
      const g = s('g', {});
      g.appendChild(s('rect', { x: px(x), y, width: px(w), height: COND_ROW, class: 'cond-true' }));
      const label = formatSeconds(st.from);
      if (w > label.length * 6 + 6) g.appendChild(s('text', { x: px(x + 4), y: y + COND_ROW / 2, 'dominant-baseline': 'central', class: 'cond-value' }, label));
      interactive(g, ctx, () => ({ title: `${type}: True`, lines: [dur(st.from, end)] }), timeline.pod.range);
      band.appendChild(g);
    }
  });
  svg.appendChild(band);

  // ---- lanes ----
  const lanes = s('g', { class: 'lanes' });
  layout.lanes.forEach((lane, i) => lanes.appendChild(renderLane(timeline, lane, i, layout.plotX, layout.plotWidth, labelWidth, ctx, dur)));
  svg.appendChild(lanes);

  // Pod Ready and deletion: dashed lines over all lanes.
  const lines = s('g', { class: 'markers', 'aria-hidden': 'true' });
  if (layout.readyX !== null) lines.appendChild(s('line', { x1: px(layout.readyX), x2: px(layout.readyX), y1: top + PHASE_ROW, y2: bottom, class: 'marker-line ready-line' }));
  if (typeof timeline.terminatingAt === 'number' && timeline.terminatingAt <= horizon) {
    const x = px(xOf(timeline.terminatingAt));
    lines.appendChild(s('line', { x1: x, x2: x, y1: top, y2: bottom, class: 'marker-line terminating-line' }));
  }
  svg.appendChild(lines);

  // Pod-level events, on the phase row.
  const podEvents = s('g', { class: 'pod-events' });
  for (const c of clusters(layout.podMarkers)) podEvents.appendChild(renderCluster(c, top + PHASE_ROW + POD_MARKS / 2, ctx, timeline.pod.range));
  for (const m of layout.podObserved ?? []) podEvents.appendChild(renderObserved(m, top + PHASE_ROW + POD_MARKS / 2, ctx, timeline.pod.range));
  svg.appendChild(podEvents);

  // ---- axis ----
  const axis = s('g', { class: 'axis', 'aria-hidden': 'true' });
  axis.appendChild(s('line', { x1: plotX, x2: plotX + plotWidth, y1: bottom, y2: bottom, class: 'axis-line' }));
  layout.axis.ticks.forEach((t, i) => {
    axis.appendChild(s('line', { x1: px(t.x), x2: px(t.x), y1: bottom, y2: bottom + 4, class: 'axis-line' }));
    const last = i === layout.axis.ticks.length - 1 && t.x > plotX + plotWidth - 20;
    axis.appendChild(s('text', { x: px(t.x), y: bottom + 16, 'text-anchor': last ? 'end' : i === 0 ? 'start' : 'middle', class: 'tick-label' }, t.label));
  });
  svg.appendChild(axis);
  return svg;
}

function renderLane(
  timeline: LifecycleTimeline, lane: LayoutLane, i: number, plotX: number, plotWidth: number, labelWidth: number,
  ctx: ChartContext, dur: (a: number, b: number) => string,
): SVGGElement {
  const { strings } = ctx;
  const c = timeline.containers[i];
  const g = s('g', { class: `lane role-${lane.role}`, 'data-container': lane.container });
  const mid = lane.y + BAR_TOP + BAR_H / 2; // names line up with the bars
  if (i % 2 === 0) g.appendChild(s('rect', { x: 0, y: lane.y, width: plotX + plotWidth + 12, height: lane.height, class: 'lane-bg' }));

  // The label column: name (bold) and role; the whole cell reveals the container.
  const role = strings[`role.${lane.role}` as 'role.app'] ?? lane.role;
  const roleW = role.length * 6.5;
  const maxChars = Math.max(4, Math.floor((labelWidth - roleW - 28) / CHAR));
  const head = s('g', { class: 'lane-head' });
  head.appendChild(s('rect', { x: 4, y: lane.y + 2, width: labelWidth + 2, height: lane.height - 4, rx: 3, class: 'lane-hit' }));
  head.appendChild(s('text', { x: 14, y: mid, 'dominant-baseline': 'central', class: 'lane-name' }, ellipsis(lane.container, maxChars)));
  head.appendChild(s('text', { x: plotX - 10, y: mid, 'dominant-baseline': 'central', 'text-anchor': 'end', class: 'role' }, role));
  const facts = c ? [
    c.readyAt !== null ? format(strings.readyAt, formatSeconds(c.readyAt)) : '',
    c.restarts ? format(strings.restarts, c.restarts) : '',
  ].filter(Boolean) : [];
  interactive(head, ctx, () => ({ title: `${lane.container} (${role})`, lines: facts }), lane.range);
  g.appendChild(head);

  const barY = lane.y + BAR_TOP;
  const barH = BAR_H;
  const barMid = barY + barH / 2;
  for (const b of lane.bars) {
    const w = Math.max(b.w, 1.5);
    const bar = stateRect(b.state, px(b.x), barY, px(w), barH);
    bar.classList.add('bar');
    bar.setAttribute('data-state', b.state);
    const name = strings[`state.${b.state}` as 'state.running'] ?? b.state;
    const seg = c?.segments.find((x) => x.from === b.from && x.to === b.to && x.state === b.state);
    const short = seg?.reason && b.state !== 'running' && b.state !== 'ready' ? seg.reason : name;
    if (w > short.length * 6.2 + 10) bar.appendChild(s('text', { x: px(b.x + 5), y: barMid, 'dominant-baseline': 'central', class: `seg-label on-${b.state}` }, short));
    interactive(bar, ctx, () => ({
      title: `${lane.container}: ${name}`,
      // A reason that only repeats the state ("Ready", "Running") adds nothing.
      lines: [dur(b.from, b.to), ...(seg?.reason && seg.reason.toLowerCase() !== b.state && seg.reason !== name ? [format(strings.reason, seg.reason)] : [])],
    }), b.range ?? lane.range);
    g.appendChild(bar);
  }
  for (const cl of clusters(lane.markers)) g.appendChild(renderCluster(cl, lane.y + MARK_Y, ctx, lane.range));
  for (const m of lane.observed ?? []) g.appendChild(renderObserved(m, lane.y + MARK_Y, ctx, lane.range));
  return g;
}

/** An observed time of an observed pod (analysis/observed/overlay.ts): an outlined diamond, red where it diverges. */
function renderObserved(m: LayoutObservedMark, y: number, ctx: ChartContext, range: Range | undefined): SVGGElement {
  const g = s('g', { class: `observed${m.diverges ? ' diverges' : ''}`, 'data-kind': m.kind });
  g.appendChild(s('rect', { x: px(m.x - 6), y: y - 6, width: 12, height: 12, class: 'event-hit' }));
  g.appendChild(s('path', { d: `M${px(m.x)} ${y - 5} L${px(m.x + 5)} ${y} L${px(m.x)} ${y + 5} L${px(m.x - 5)} ${y} Z`, class: 'observed-mark' }));
  const what = observedMarkSubject(m);
  interactive(g, ctx, () => ({
    title: format(ctx.strings.observedMark, what, formatSeconds(m.at), m.time),
    lines: [
      ...(m.predicted !== null ? [format(ctx.strings.observedPredicted, formatSeconds(m.predicted))] : []),
      ...(m.diverges ? [ctx.strings.observedDiverges] : []),
    ],
  }), range);
  return g;
}

function renderCluster(c: Cluster, y: number, ctx: ChartContext, fallback: Range | undefined): SVGGElement {
  const sev = worst(c.markers);
  const g = s('g', { class: `event sev-${sev}`, 'data-kind': c.markers.map((m) => m.kind).join(' ') });
  g.appendChild(s('rect', { x: px(c.x - 6), y: y - 6, width: 12, height: 12, class: 'event-hit' }));
  g.appendChild(markerShape(sev, c.x, y));
  const range = c.markers.find((m) => m.range)?.range ?? fallback;
  interactive(g, ctx, () => ({
    title: c.markers.length === 1 ? ctx.strings.marker : `${ctx.strings.events} (${c.markers.length})`,
    lines: c.markers.map((m) => m.label),
  }), range);
  return g;
}
