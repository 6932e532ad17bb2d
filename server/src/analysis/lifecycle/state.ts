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

export type QueuedEventType =
  | 'scheduled' | 'sandbox' | 'begin' | 'pulled' | 'processStarted' | 'visible' | 'tick' | 'probeResult'
  | 'exit' | 'kill' | 'restart' | 'initAdvance'
  /** Every container is removed after a RestartAllContainers exit (restartAll.ts). */
  | 'restartAll'
  /** The scenario's begin (at `at`), or a `step` it queued (scenarios/definition.ts). */
  | 'scenario';

export interface QueuedEvent {
  readonly t: number;
  seq: number;
  readonly type: QueuedEventType;
  readonly containerIndex: number;
  readonly epoch: number;
  readonly probe?: ProbeKind;
  readonly ok?: boolean;
  readonly code?: number;
  readonly reason?: string;
  readonly step?: string;
}

export type Status = 'idle' | 'starting' | 'running' | 'terminating' | 'backoff' | 'done' | 'unknown';

export interface ContainerState {
  readonly spec: SimContainer;
  readonly index: number;
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
  readonly assumptions: Assumptions;
  readonly scenario: Scenario;
  readonly limit: number;
  readonly queue: EventQueue<QueuedEvent>;
  readonly containers: ContainerState[];
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
  /** A RestartAllContainers reset is removing the containers (restartAll.ts). */
  restartingAll: boolean;
  /** After that reset the init containers run again; the app containers start once they are done. */
  reinitializing: boolean;
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

export function newState(pod: SimPod, assumptions: Assumptions, scenario: Scenario, limit: number): SimState {
  const zero = (): Record<ProbeKind, number> => ({ liveness: 0, readiness: 0, startup: 0 });
  const c0 = () => ({ at: null, lostAt: null, value: false, intervals: [] });
  return {
    pod, assumptions, scenario, limit, queue: new EventQueue<QueuedEvent>(),
    containers: pod.containers.map((spec, index) => ({
      spec, index, epoch: 0, status: 'idle', restarts: 0, processStart: 0, started: false, ready: false, startupDone: false,
      advanced: false, succ: zero(), fail: zero(), backoff: undefined, lastExitCode: undefined, exitRunLength: undefined,
      killedByProbe: false, startedAt: null, readyAt: null, finishedAt: null, seg: undefined, segments: [], events: [],
    })),
    podEvents: [], allEvents: [], notes: [], phases: [],
    cond: { PodScheduled: c0(), PodReadyToStartContainers: c0(), Initialized: c0(), ContainersReady: c0(), Ready: c0() },
    pulled: new Set(), now: 0, processed: 0, outEvents: 0, truncated: false, initNext: 0, initialized: false, restartingAll: false, reinitializing: false,
    stopping: false, forcedPhase: undefined, terminal: undefined, deletionAt: null, nodeLost: false, busyUntil: 0, lastActivity: 0,
  };
}

export function schedule(state: SimState, event: Omit<QueuedEvent, 'seq'>): void {
  if (!(event.t <= state.limit)) return; // beyond the simulated time (or NaN): never happens
  state.queue.push({ ...event, seq: 0 });
}

/** Closes the container's open segment at `t` and opens `state` (if given). */
export function setSegment(state: SimState, container: ContainerState, t: number, segmentState: SegmentState | undefined, reason?: string, span?: Span): void {
  const cur = container.seg;
  if (cur && cur.state === segmentState && cur.reason === reason) return;
  if (cur && t > cur.from) container.segments.push({ state: cur.state, from: cur.from, to: t, ...(cur.reason ? { reason: cur.reason } : {}), ...(cur.range ? { range: cur.range } : {}) });
  container.seg = segmentState ? { state: segmentState, from: t, ...(reason ? { reason } : {}), ...(span ? { range: span } : {}) } : undefined;
  state.lastActivity = Math.max(state.lastActivity, Math.min(t, state.limit));
}

/** A fixed segment (termination steps are known in advance). */
export function pushSegment(container: ContainerState, segmentState: SegmentState, from: number, to: number, reason?: string, span?: Span): void {
  if (!(to > from)) return;
  container.segments.push({ state: segmentState, from, to, ...(reason ? { reason } : {}), ...(span ? { range: span } : {}) });
}

export function emit(state: SimState, at: number, kind: EventKind, message: string, container?: ContainerState, span?: Span): void {
  if (state.outEvents >= MAX_OUTPUT_EVENTS) { state.truncated = true; return; }
  state.outEvents++;
  const e: SimEventOut = { at, kind, message, ...(container ? { container: container.spec.name } : {}), ...(span ? { range: span } : {}) };
  (container ? container.events : state.podEvents).push(e);
  state.allEvents.push(e);
  if (at <= state.limit) state.lastActivity = Math.max(state.lastActivity, at);
}

export function setCondition(state: SimState, type: ConditionType, value: boolean, t: number): boolean {
  const condition = state.cond[type];
  if (condition.value === value) return false;
  condition.value = value;
  if (value && condition.at === null) condition.at = t;
  if (!value && condition.at !== null && condition.lostAt === null) condition.lostAt = t;
  // Every True stretch, so a pod that is Ready again after a restart shows it.
  if (value) condition.intervals.push({ from: t, to: null });
  else { const last = condition.intervals[condition.intervals.length - 1]; if (last && last.to === null) last.to = t; }
  return true;
}

export function setPhase(state: SimState, phase: PodPhase, t: number, terminating: boolean): void {
  const last = state.phases[state.phases.length - 1];
  if (last && last.phase === phase && !!last.terminating === terminating) return;
  if (last) state.phases[state.phases.length - 1] = { ...last, to: t };
  state.phases.push({ phase, from: t, to: t, ...(terminating ? { terminating: true } : {}) });
}

export function note(state: SimState, severity: 'info' | 'warning', code: string, message: string, span?: Span): void {
  if (state.notes.length >= 200 || state.notes.some((n) => n.code === code && n.message === message)) return;
  state.notes.push({ severity, code, message, ...(span ? { range: span } : {}) });
}

/** App containers and sidecars: the ones whose readiness makes the pod Ready. */
export function countsForReady(container: ContainerState): boolean {
  return container.spec.role === 'app' || container.spec.role === 'sidecar';
}
