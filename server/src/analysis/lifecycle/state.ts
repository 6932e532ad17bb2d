/**
 * The simulation's mutable state and the recording helpers (segments, events, conditions, phase).
 * Modules that act on containers (containers.ts, stop.ts; scenarios/ through engine.ts's ScenarioRun) only import this file and
 * talk to each other through queued events, so the dispatch stays in engine.ts.
 */
import type { Span } from '../../model/tree';
import type { BackoffState } from '../timing';
import { EventQueue } from './queue';
import type { SimContainer, SimPod } from './spec';
import type { Assumptions, ConditionType, EventKind, PhaseBand, PodPhase, ProbeKind, Scenario, SegmentState, SimEventOut, SimNote, SimSegment } from './types';

export type EvType =
  | 'scheduled' | 'sandbox' | 'begin' | 'pulled' | 'processStarted' | 'visible' | 'tick' | 'probeResult'
  | 'exit' | 'kill' | 'restart' | 'initAdvance'
  /** The scenario's begin (at `at`), or a `step` it queued (scenarios/definition.ts). */
  | 'scenario';

export interface Ev {
  readonly t: number;
  seq: number;
  readonly type: EvType;
  readonly c: number;
  readonly epoch: number;
  readonly probe?: ProbeKind;
  readonly ok?: boolean;
  readonly code?: number;
  readonly reason?: string;
  readonly step?: string;
}

export type Status = 'idle' | 'starting' | 'running' | 'terminating' | 'backoff' | 'done' | 'unknown';

export interface CState {
  readonly spec: SimContainer;
  readonly i: number;
  epoch: number;
  status: Status;
  restarts: number;
  processStart: number;
  started: boolean;
  ready: boolean;
  startupDone: boolean;
  /** Whether this (sidecar/init) container already let the next init container start. */
  advanced: boolean;
  succ: Record<ProbeKind, number>;
  fail: Record<ProbeKind, number>;
  backoff: BackoffState | undefined;
  lastExitCode: number | undefined;
  /** Run length of the scenario's failing run: later runs exit after the same time. */
  exitRunLength: number | undefined;
  killedByProbe: boolean;
  startedAt: number | null;
  readyAt: number | null;
  finishedAt: number | null;
  seg: { state: SegmentState; from: number; reason?: string; range?: Span } | undefined;
  readonly segments: SimSegment[];
  readonly events: SimEventOut[];
}

export interface SimState {
  readonly pod: SimPod;
  readonly asm: Assumptions;
  readonly scenario: Scenario;
  readonly limit: number;
  readonly q: EventQueue<Ev>;
  readonly cs: CState[];
  readonly podEvents: SimEventOut[];
  /** Every event in emission order (pod-level and per container). */
  readonly allEvents: SimEventOut[];
  readonly notes: SimNote[];
  readonly phases: PhaseBand[];
  readonly cond: Record<ConditionType, { at: number | null; lostAt: number | null; value: boolean; intervals: { from: number; to: number | null }[] }>;
  readonly pulled: Set<string>;
  now: number;
  processed: number;
  outEvents: number;
  truncated: boolean;
  initNext: number;
  initialized: boolean;
  /** A pod-level stop (delete, eviction, completion, init failure) is under way. */
  stopping: boolean;
  /** The phase once everything has stopped (Failed for evictions and Never init failures). */
  forcedPhase: PodPhase | undefined;
  terminal: PodPhase | undefined;
  deletionAt: number | null;
  nodeLost: boolean;
  busyUntil: number;
  lastActivity: number;
}

export const MAX_PROCESSED = 250_000;
export const MAX_OUTPUT_EVENTS = 5_000;

export function newState(pod: SimPod, asm: Assumptions, scenario: Scenario, limit: number): SimState {
  const zero = (): Record<ProbeKind, number> => ({ liveness: 0, readiness: 0, startup: 0 });
  const c0 = () => ({ at: null, lostAt: null, value: false, intervals: [] });
  return {
    pod, asm, scenario, limit, q: new EventQueue<Ev>(),
    cs: pod.containers.map((spec, i) => ({
      spec, i, epoch: 0, status: 'idle', restarts: 0, processStart: 0, started: false, ready: false, startupDone: false,
      advanced: false, succ: zero(), fail: zero(), backoff: undefined, lastExitCode: undefined, exitRunLength: undefined,
      killedByProbe: false, startedAt: null, readyAt: null, finishedAt: null, seg: undefined, segments: [], events: [],
    })),
    podEvents: [], allEvents: [], notes: [], phases: [],
    cond: { PodScheduled: c0(), Initialized: c0(), ContainersReady: c0(), Ready: c0() },
    pulled: new Set(), now: 0, processed: 0, outEvents: 0, truncated: false, initNext: 0, initialized: false,
    stopping: false, forcedPhase: undefined, terminal: undefined, deletionAt: null, nodeLost: false, busyUntil: 0, lastActivity: 0,
  };
}

export function schedule(s: SimState, ev: Omit<Ev, 'seq'>): void {
  if (!(ev.t <= s.limit)) return; // beyond the simulated time (or NaN): never happens
  s.q.push({ ...ev, seq: 0 });
}

/** Closes the container's open segment at `t` and opens `state` (if given). */
export function setSegment(s: SimState, c: CState, t: number, state: SegmentState | undefined, reason?: string, span?: Span): void {
  const cur = c.seg;
  if (cur && cur.state === state && cur.reason === reason) return;
  if (cur && t > cur.from) c.segments.push({ state: cur.state, from: cur.from, to: t, ...(cur.reason ? { reason: cur.reason } : {}), ...(cur.range ? { range: cur.range } : {}) });
  c.seg = state ? { state, from: t, ...(reason ? { reason } : {}), ...(span ? { range: span } : {}) } : undefined;
  s.lastActivity = Math.max(s.lastActivity, Math.min(t, s.limit));
}

/** A fixed segment (termination steps are known in advance). */
export function pushSegment(c: CState, state: SegmentState, from: number, to: number, reason?: string, span?: Span): void {
  if (!(to > from)) return;
  c.segments.push({ state, from, to, ...(reason ? { reason } : {}), ...(span ? { range: span } : {}) });
}

export function emit(s: SimState, at: number, kind: EventKind, message: string, c?: CState, span?: Span): void {
  if (s.outEvents >= MAX_OUTPUT_EVENTS) { s.truncated = true; return; }
  s.outEvents++;
  const e: SimEventOut = { at, kind, message, ...(c ? { container: c.spec.name } : {}), ...(span ? { range: span } : {}) };
  (c ? c.events : s.podEvents).push(e);
  s.allEvents.push(e);
  if (at <= s.limit) s.lastActivity = Math.max(s.lastActivity, at);
}

export function setCondition(s: SimState, type: ConditionType, value: boolean, t: number): boolean {
  const c = s.cond[type];
  if (c.value === value) return false;
  c.value = value;
  if (value && c.at === null) c.at = t;
  if (!value && c.at !== null && c.lostAt === null) c.lostAt = t;
  // Every True stretch, so a pod that is Ready again after a restart shows it.
  if (value) c.intervals.push({ from: t, to: null });
  else { const last = c.intervals[c.intervals.length - 1]; if (last && last.to === null) last.to = t; }
  return true;
}

export function setPhase(s: SimState, phase: PodPhase, t: number, terminating: boolean): void {
  const last = s.phases[s.phases.length - 1];
  if (last && last.phase === phase && !!last.terminating === terminating) return;
  if (last) s.phases[s.phases.length - 1] = { ...last, to: t };
  s.phases.push({ phase, from: t, to: t, ...(terminating ? { terminating: true } : {}) });
}

export function note(s: SimState, severity: 'info' | 'warning', code: string, message: string, span?: Span): void {
  if (s.notes.length >= 200 || s.notes.some((n) => n.code === code && n.message === message)) return;
  s.notes.push({ severity, code, message, ...(span ? { range: span } : {}) });
}

/** App containers and sidecars: the ones whose readiness makes the pod Ready. */
export function countsForReady(c: CState): boolean {
  return c.spec.role === 'app' || c.spec.role === 'sidecar';
}
