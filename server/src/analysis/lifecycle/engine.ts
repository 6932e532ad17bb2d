/**
 * The event loop: pops the earliest event, hands it to the module that owns it, then recomputes
 * the pod's conditions and phase (pkg/kubelet/status/generate.go, getPhase in kubelet_pods.go).
 * Bounded: at most MAX_PROCESSED events and `limit` seconds; in automatic mode it also stops once
 * nothing visible has happened for QUIET_SECONDS.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-conditions
 */
import { advanceInit, onBegin, onProbeResult, onProcessStarted, onPulled, onTick, onVisible, startContainer } from './containers';
import { M, N } from './messages';
import { scenarioDefinition, scenarioTime } from './scenarios/index';
import type { ScenarioRun } from './scenarios/definition';
import { countsForReady, emit, MAX_PROCESSED, newState, note, schedule, setCondition, setPhase, setSegment } from './state';
import type { CState, Ev, SimState } from './state';
import type { SimPod } from './spec';
import type { Assumptions, Scenario } from './types';
import { checkFinished, onExit, onKill, onRestart, stopPod } from './stop';

export const QUIET_SECONDS = 600;

const CONTAINER_EVENTS = new Set(['begin', 'pulled', 'processStarted', 'visible', 'tick', 'probeResult', 'exit', 'kill', 'restart']);

function initialized(s: SimState, t: number): void {
  if (setCondition(s, 'Initialized', true, t)) emit(s, t, 'initialized', M.initialized());
}

function dispatch(s: SimState, ev: Ev): void {
  if (CONTAINER_EVENTS.has(ev.type)) {
    const c = s.cs[ev.c];
    if (!c || c.epoch !== ev.epoch || (s.nodeLost && ev.type !== 'exit')) return;
    container(s, c, ev);
    return;
  }
  switch (ev.type) {
    case 'scheduled':
      setCondition(s, 'PodScheduled', true, ev.t);
      emit(s, ev.t, 'scheduled', M.scheduled());
      schedule(s, { t: ev.t + s.asm.sandboxSeconds, type: 'sandbox', c: -1, epoch: 0 });
      return;
    case 'sandbox':
      emit(s, ev.t, 'sandbox', M.sandbox());
      advanceInit(s, ev.t, (t) => initialized(s, t));
      return;
    case 'initAdvance':
      advanceInit(s, ev.t, (t) => initialized(s, t));
      return;
    case 'scenario': onScenario(s, ev); return;
    default: return;
  }
}

/** The engine as the scenario definitions see it (scenarios/definition.ts). */
export function scenarioRun(s: SimState): ScenarioRun {
  return {
    state: s,
    schedule: (t, step) => schedule(s, { t, type: 'scenario', c: -1, epoch: 0, step }),
    emit: (t, kind, message, range) => emit(s, t, kind, message, undefined, range),
    note: (severity, code, message, range) => note(s, severity, code, message, range),
    setCondition: (type, value, t) => setCondition(s, type, value, t),
    setSegment: (c, t, state, reason) => setSegment(s, c, t, state, reason),
    stopPod: (t, grace) => stopPod(s, t, grace),
  };
}

/** The scenario's begin at `at` (nothing once the pod has stopped), or a step it queued. */
function onScenario(s: SimState, ev: Ev): void {
  const definition = scenarioDefinition(s.scenario.kind);
  if (ev.step !== undefined) definition.step?.(s.scenario, scenarioRun(s), ev.step, ev.t);
  else if (!s.terminal && !s.stopping) definition.begin?.(s.scenario, scenarioRun(s), ev.t);
}

function container(s: SimState, c: CState, ev: Ev): void {
  switch (ev.type) {
    case 'begin': onBegin(s, c, ev); return;
    case 'pulled': onPulled(s, c, ev); return;
    case 'processStarted': onProcessStarted(s, c, ev); return;
    case 'visible': onVisible(s, c, ev); return;
    case 'tick': onTick(s, c, ev); return;
    case 'probeResult': onProbeResult(s, c, ev); return;
    case 'kill': onKill(s, c, ev); return;
    case 'exit': onExit(s, c, ev); checkFinished(s, ev.t); return;
    case 'restart': onRestart(s, c, ev, (x, t) => startContainer(s, x, t)); return;
    default: return;
  }
}

/** Never started yet (Waiting without a previous termination): getPhase counts it as waiting -> Pending. */
function waiting(c: CState): boolean {
  return c.spec.role === 'app' && c.startedAt === null && c.restarts === 0 && c.lastExitCode === undefined && c.status !== 'running';
}

function updatePod(s: SimState, t: number): void {
  const terminating = s.deletionAt !== null && t >= s.deletionAt;
  if (!s.nodeLost) {
    const cs = s.cs.filter(countsForReady);
    const all = cs.length > 0 && cs.every((c) => c.ready);
    if (setCondition(s, 'ContainersReady', all, t) && all) emit(s, t, 'containersReady', M.containersReady());
    const ready = all && !terminating;
    if (setCondition(s, 'Ready', ready, t)) {
      emit(s, t, ready ? 'podReady' : 'podNotReady', ready ? M.podReady() : M.podNotReady());
      if (ready && s.pod.readinessGates.length) emit(s, t, 'readinessGate', M.readinessGates(s.pod.readinessGates.join(', ')), undefined, s.pod.readinessGatesSpan);
    }
  }
  const phase = s.terminal ?? (!s.initialized || s.cs.some(waiting) ? 'Pending' : 'Running');
  const before = s.phases[s.phases.length - 1];
  setPhase(s, phase, t, terminating && !s.terminal);
  if (before && before.phase !== phase && !s.terminal) emit(s, t, 'phase', M.phase(phase));
}

export interface RunResult { readonly s: SimState; readonly horizon: number }

/** Seconds the automatic horizon may reach: the scenario time plus what the spec can take. */
function autoLimit(pod: SimPod, asm: Assumptions, sc: Scenario): number {
  const per = asm.imagePullSeconds + asm.containerStartSeconds + asm.runToCompletionSeconds + asm.hookSeconds + asm.appStartSeconds;
  const extra = scenarioDefinition(sc.kind).extraSeconds?.(sc, pod, asm) ?? 0;
  return scenarioTime(sc) + asm.schedulingSeconds + asm.sandboxSeconds + pod.containers.length * per + extra + 2 * QUIET_SECONDS + pod.grace;
}

function niceCeil(t: number): number {
  const steps = [10, 30, 60, 120, 300, 600, 900, 1800, 3600];
  const step = steps.find((x) => t / x <= 12) ?? 3600;
  return Math.ceil(t / step) * step;
}

export function run(pod: SimPod, asm: Assumptions, sc: Scenario, maxHorizon: number): RunResult {
  const explicit = asm.horizon > 0;
  const wanted = explicit ? asm.horizon : autoLimit(pod, asm, sc);
  const limit = Math.min(maxHorizon, wanted);
  const scenarioAt = scenarioTime(sc);
  const s = newState(pod, asm, sc, limit);
  setPhase(s, 'Pending', 0, false);
  emit(s, 0, 'created', M.created());
  for (const c of s.cs) setSegment(s, c, 0, 'waiting', c.spec.role === 'app' ? 'PodInitializing' : 'Pending');
  schedule(s, { t: asm.schedulingSeconds, type: 'scheduled', c: -1, epoch: 0 });
  if (scenarioDefinition(sc.kind).begin && 'at' in sc) schedule(s, { t: sc.at, type: 'scenario', c: -1, epoch: 0 });
  for (;;) {
    const ev = s.q.pop();
    if (!ev || ev.t > limit) break;
    // Steady state: container events long after anything visible happened change nothing more.
    if (!explicit && ev.c >= 0 && ev.t > Math.max(s.lastActivity, scenarioAt) + QUIET_SECONDS) continue;
    if (++s.processed > MAX_PROCESSED) { s.truncated = true; break; }
    s.now = ev.t;
    dispatch(s, ev);
    if (ev.type !== 'tick') updatePod(s, ev.t);
  }
  if (s.truncated) note(s, 'warning', 'truncated', N.truncated(s.processed));
  let horizon = limit;
  if (!explicit) {
    const at = 'at' in sc ? sc.at + 10 : 0;
    horizon = Math.min(limit, niceCeil(Math.max(30, at, s.lastActivity * 1.1 + 5)));
  }
  if (!(horizon > 0)) horizon = 1;
  if (wanted > maxHorizon) note(s, 'info', 'horizon-capped', N.horizonCapped(maxHorizon));
  return { s, horizon };
}
