/**
 * Pure layout of a LifecycleTimeline: lanes, bars and markers with x/y positions and a time axis with
 * "nice" ticks. Shared by the CLI's SVG/HTML output (svg.ts) and the webview panel. No DOM, no vscode.
 * Strings in the result (labels) are raw YAML-derived text: the renderer must escape them.
 */
import type { EventKind, LifecycleTimeline, ObservedMark, PhaseBand, SegmentState, TimelineEvent } from '../protocol/lifecycle';
import type { Range } from 'vscode-languageserver-protocol';

export interface LayoutOptions {
  /** Total width in px (default 960). */
  readonly width?: number;
  /** Height of one container lane (default 28). */
  readonly laneHeight?: number;
  /** Width of the label column at the left (default 180). */
  readonly labelWidth?: number;
  /** Outer padding (default 12). */
  readonly padding?: number;
  /** Height of the phase band at the top (default 22). */
  readonly phaseHeight?: number;
  /** Height of the axis at the bottom (default 24). */
  readonly axisHeight?: number;
  /** Minimum px between two axis ticks (default 70). */
  readonly minTickSpacing?: number;
  /** The words of the labels (default: the raw states and roles, in English); svg.ts passes localized ones. */
  readonly names?: LayoutNames;
}

/** How lane, bar and phase labels are worded: the webview draws its own, the CLI's SVG localizes these. */
export interface LayoutNames {
  lane(container: string, role: string): string;
  bar(state: SegmentState, reason: string | undefined): string;
  phase(phase: PhaseBand['phase'], terminating: boolean): string;
}

const RAW_NAMES: LayoutNames = {
  lane: (container, role) => `${container} (${role})`,
  bar: (state, reason) => `${state}${reason ? ` (${reason})` : ''}`,
  phase: (phase, terminating) => (terminating ? `${phase} (Terminating)` : phase),
};

export interface LayoutBar {
  readonly x: number;
  readonly w: number;
  readonly state: SegmentState;
  readonly from: number;
  readonly to: number;
  /** State (and reason) as text, for a tooltip. */
  readonly label: string;
  readonly range?: Range;
}

export interface LayoutMarker {
  readonly x: number;
  readonly kind: EventKind;
  readonly at: number;
  readonly label: string;
  readonly range?: Range;
}

/** An observed time (analysis/observed/overlay.ts) placed on the predicted timeline. */
export interface LayoutObservedMark extends ObservedMark {
  readonly x: number;
}

export interface LayoutLane {
  /** Container name ('' for the pod lane). */
  readonly container: string;
  readonly role: string;
  readonly label: string;
  readonly y: number;
  readonly height: number;
  readonly bars: readonly LayoutBar[];
  readonly markers: readonly LayoutMarker[];
  readonly range?: Range;
  /** Observed times of this container, for an observed pod only. */
  readonly observed?: readonly LayoutObservedMark[];
}

export interface LayoutPhase {
  readonly x: number;
  readonly w: number;
  readonly phase: PhaseBand['phase'];
  readonly terminating: boolean;
  readonly from: number;
  readonly to: number;
  readonly label: string;
}

export interface LayoutTick {
  readonly x: number;
  readonly t: number;
  readonly label: string;
}

export interface TimelineLayout {
  readonly width: number;
  readonly height: number;
  /** Left edge and width of the plotting area (time 0 .. horizon). */
  readonly plotX: number;
  readonly plotWidth: number;
  readonly horizon: number;
  readonly phaseBand: { readonly y: number; readonly height: number; readonly items: readonly LayoutPhase[] };
  /** Pod conditions and pod-level events drawn over the phase band. */
  readonly podMarkers: readonly LayoutMarker[];
  readonly lanes: readonly LayoutLane[];
  readonly axis: { readonly y: number; readonly ticks: readonly LayoutTick[] };
  /** x of the Ready condition, if the pod becomes Ready. */
  readonly readyX: number | null;
  /** Observed condition transitions, for an observed pod only. */
  readonly podObserved?: readonly LayoutObservedMark[];
}

const NICE_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

function num(v: unknown, d: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : d;
}

/** The status field an observed mark comes from, as written in the pod's status (the tooltip's subject). */
const OBSERVED_FIELD: Record<Exclude<ObservedMark['kind'], 'condition'>, string> = {
  startedAt: 'startedAt',
  finishedAt: 'finishedAt',
  lastStartedAt: 'lastState.terminated.startedAt',
  lastFinishedAt: 'lastState.terminated.finishedAt',
};

/** What an observed mark shows: the condition (with ": False" when it is not True) or the status field. */
export function observedMarkSubject(m: Pick<ObservedMark, 'kind' | 'condition' | 'status'>): string {
  if (m.kind === 'condition') return `${m.condition ?? ''}${m.status === 'False' ? ': False' : ''}`;
  return OBSERVED_FIELD[m.kind];
}

/** Seconds as a compact duration: 0s, 45s, 1m30s, 2h, 1h5m. */
export function formatSeconds(t: number): string {
  if (!Number.isFinite(t)) return '∞';
  const neg = t < 0;
  let s = Math.abs(t);
  if (s < 10 && s !== Math.floor(s)) return `${neg ? '-' : ''}${Math.round(s * 10) / 10}s`;
  s = Math.round(s);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  let out = '';
  if (h) out += `${h}h`;
  if (m) out += `${m}m`;
  if (sec || !out) out += `${sec}s`;
  return (neg ? '-' : '') + out;
}

/** A tick step from NICE_STEPS so that ticks are at least minSpacing px apart. */
export function tickStep(horizon: number, plotWidth: number, minSpacing: number): number {
  const maxTicks = Math.max(1, Math.floor(plotWidth / Math.max(1, minSpacing)));
  for (const s of NICE_STEPS) if (horizon / s <= maxTicks) return s;
  const day = 86400;
  return Math.ceil(horizon / maxTicks / day) * day;
}

function markerLabel(e: TimelineEvent): string {
  return `${formatSeconds(e.at)} ${e.message}`;
}

export function layoutTimeline(timeline: LifecycleTimeline, options: LayoutOptions = {}): TimelineLayout {
  const width = num(options.width, 960, 200, 20000);
  const laneHeight = num(options.laneHeight, 28, 8, 400);
  const labelWidth = num(options.labelWidth, 180, 0, width / 2);
  const padding = num(options.padding, 12, 0, 200);
  const phaseHeight = num(options.phaseHeight, 22, 4, 200);
  const axisHeight = num(options.axisHeight, 24, 4, 200);
  const minTick = num(options.minTickSpacing, 70, 10, 2000);
  const names = options.names ?? RAW_NAMES;
  const horizon = num(timeline.horizon, 60, 1e-3, 1e9);
  const plotX = padding + labelWidth;
  const plotWidth = Math.max(10, width - plotX - padding);
  const xOf = (t: number): number => plotX + (Math.min(horizon, Math.max(0, num(t, 0, -1e12, 1e12))) / horizon) * plotWidth;
  const span = (from: number, to: number): { x: number; w: number } => {
    const x = xOf(from);
    return { x, w: Math.max(0, xOf(to) - x) };
  };

  const phaseY = padding;
  const phases: LayoutPhase[] = (timeline.phases ?? []).map((p) => ({
    ...span(p.from, p.to), phase: p.phase, terminating: !!p.terminating, from: p.from, to: p.to,
    label: names.phase(p.phase, !!p.terminating),
  }));
  const podMarkers: LayoutMarker[] = [];
  for (const e of timeline.events ?? []) {
    if (e.container !== undefined) continue;
    podMarkers.push({ x: xOf(e.at), kind: e.kind, at: e.at, label: markerLabel(e), ...(e.range ? { range: e.range } : {}) });
  }

  const lanesTop = phaseY + phaseHeight + 6;
  const lanes: LayoutLane[] = (timeline.containers ?? []).map((c, i) => ({
    container: c.name,
    role: c.role,
    label: names.lane(c.name, c.role),
    y: lanesTop + i * laneHeight,
    height: laneHeight,
    ...(c.range ? { range: c.range } : {}),
    bars: c.segments.filter((s) => s.to > s.from || s.to === s.from).map((s) => ({
      ...span(s.from, s.to), state: s.state, from: s.from, to: s.to,
      label: `${names.bar(s.state, s.reason)} ${formatSeconds(s.from)}–${formatSeconds(s.to)}`,
      ...(s.range ? { range: s.range } : {}),
    })),
    markers: c.events.map((e) => ({ x: xOf(e.at), kind: e.kind, at: e.at, label: markerLabel(e), ...(e.range ? { range: e.range } : {}) })),
  }));

  const observed = Array.isArray(timeline.observed?.marks) ? timeline.observed.marks : undefined;
  const placed = (m: ObservedMark): LayoutObservedMark => ({ ...m, x: xOf(m.at) });
  const withObserved = observed ? lanes.map((l) => ({ ...l, observed: observed.filter((m) => m.container === l.container && l.container !== '').map(placed) })) : lanes;

  const axisY = lanesTop + lanes.length * laneHeight + 4;
  const step = tickStep(horizon, plotWidth, minTick);
  const ticks: LayoutTick[] = [];
  for (let t = 0; t <= horizon + 1e-9 && ticks.length < 1000; t += step) ticks.push({ x: xOf(t), t, label: formatSeconds(t) });
  const ready = typeof timeline.readyAt === 'number' ? xOf(timeline.readyAt) : null;
  return {
    width, height: axisY + axisHeight + padding, plotX, plotWidth, horizon,
    phaseBand: { y: phaseY, height: phaseHeight, items: phases },
    podMarkers, lanes: withObserved, axis: { y: axisY, ticks }, readyX: ready,
    ...(observed ? { podObserved: observed.filter((m) => m.container === '').map(placed) } : {}),
  };
}
