/**
 * The event loop: pops the earliest event, hands it to the module that owns it, then recomputes
 * the pod's conditions and phase (pkg/kubelet/status/generate.go, getPhase in kubelet_pods.go).
 * Bounded: at most MAX_PROCESSED events and `limit` seconds; in automatic mode it also stops once
 * nothing visible has happened for QUIET_SECONDS.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-conditions
 */
import { featureEnabled } from '../../model/version';
import { joinList } from '../listWords';
import { advanceInit, onBegin, onProbeResult, onProcessStarted, onPulled, onTick, onVisible, startContainer } from './containers';
import { M, N } from './messages';
import { scenarioDefinition, scenarioTime } from './scenarios/index';
import type { ScenarioRun } from './scenarios/definition';
import { countsForReady, emit, MAX_PROCESSED, newState, note, schedule, setCondition, setPhase, setSegment } from './state';
import type { ContainerState, QueuedEvent, SimState } from './state';
import type { SimPod } from './spec';
import type { Assumptions, Scenario } from './types';
import { finishRestartAll } from './restartAll';
import { checkFinished, onExit, onKill, onRestart, stopPod } from './stop';

export const QUIET_SECONDS = 600;

const CONTAINER_EVENTS = new Set(['begin', 'pulled', 'processStarted', 'visible', 'tick', 'probeResult', 'exit', 'kill', 'restart']);

function initialized(state: SimState, t: number): void {
  if (setCondition(state, 'Initialized', true, t)) emit(state, t, 'initialized', M.initialized());
}

function dispatch(state: SimState, event: QueuedEvent): void {
  if (CONTAINER_EVENTS.has(event.type)) {
    const container = state.containers[event.containerIndex];
    if (!container || container.epoch !== event.epoch || (state.nodeLost && event.type !== 'exit')) return;
    onContainerEvent(state, container, event);
    return;
  }
  switch (event.type) {
    case 'scheduled':
      setCondition(state, 'PodScheduled', true, event.t);
      emit(state, event.t, 'scheduled', M.scheduled());
      schedule(state, { t: event.t + state.assumptions.sandboxSeconds, type: 'sandbox', containerIndex: -1, epoch: 0 });
      return;
    case 'sandbox':
      // GeneratePodReadyToStartContainersCondition (K: pkg/kubelet/status/generate.go): True once the
      // sandbox exists with networking configured (PodReadyToStartContainersCondition, on since 1.29).
      if (featureEnabled(state.pod.version, 'PodReadyToStartContainersCondition')) setCondition(state, 'PodReadyToStartContainers', true, event.t);
      emit(state, event.t, 'sandbox', M.sandbox());
      advanceInit(state, event.t, (t) => initialized(state, t));
      return;
    case 'initAdvance':
      advanceInit(state, event.t, (t) => initialized(state, t));
      return;
    case 'restartAll':
      finishRestartAll(state, event.t, () => advanceInit(state, event.t, (t) => initialized(state, t)));
      return;
    case 'scenario': onScenario(state, event); return;
    default: return;
  }
}

/** The engine as the scenario definitions see it (scenarios/definition.ts). */
export function scenarioRun(state: SimState): ScenarioRun {
  return {
    state,
    schedule: (t, step) => schedule(state, { t, type: 'scenario', containerIndex: -1, epoch: 0, step }),
    emit: (t, kind, message, range) => emit(state, t, kind, message, undefined, range),
    note: (severity, code, message, range) => note(state, severity, code, message, range),
    setCondition: (type, value, t) => setCondition(state, type, value, t),
    setSegment: (container, t, segmentState, reason) => setSegment(state, container, t, segmentState, reason),
    stopPod: (t, grace) => stopPod(state, t, grace),
  };
}

/** The scenario's begin at `at` (nothing once the pod has stopped), or a step it queued. */
function onScenario(state: SimState, event: QueuedEvent): void {
  const definition = scenarioDefinition(state.scenario.kind);
  if (event.step !== undefined) definition.step?.(state.scenario, scenarioRun(state), event.step, event.t);
  else if (!state.terminal && !state.stopping) definition.begin?.(state.scenario, scenarioRun(state), event.t);
}

function onContainerEvent(state: SimState, container: ContainerState, event: QueuedEvent): void {
  switch (event.type) {
    case 'begin': onBegin(state, container, event); return;
    case 'pulled': onPulled(state, container, event); return;
    case 'processStarted': onProcessStarted(state, container, event); return;
    case 'visible': onVisible(state, container, event); return;
    case 'tick': onTick(state, container, event); return;
    case 'probeResult': onProbeResult(state, container, event); return;
    case 'kill': onKill(state, container, event); return;
    case 'exit': onExit(state, container, event); checkFinished(state, event.t); return;
    case 'restart': onRestart(state, container, event, (x, t) => startContainer(state, x, t)); return;
    default: return;
  }
}

/** Never started yet (Waiting without a previous termination): getPhase counts it as waiting -> Pending. */
function waiting(container: ContainerState): boolean {
  return container.spec.role === 'app' && container.startedAt === null && container.restarts === 0 && container.lastExitCode === undefined && container.status !== 'running';
}

function updatePod(state: SimState, t: number): void {
  const terminating = state.deletionAt !== null && t >= state.deletionAt;
  if (!state.nodeLost) {
    const cs = state.containers.filter(countsForReady);
    const all = cs.length > 0 && cs.every((container) => container.ready);
    if (setCondition(state, 'ContainersReady', all, t) && all) emit(state, t, 'containersReady', M.containersReady());
    const ready = all && !terminating;
    if (setCondition(state, 'Ready', ready, t)) {
      emit(state, t, ready ? 'podReady' : 'podNotReady', ready ? M.podReady() : M.podNotReady());
      if (ready && state.pod.readinessGates.length) emit(state, t, 'readinessGate', M.readinessGates(joinList(state.pod.readinessGates)), undefined, state.pod.readinessGatesSpan);
    }
  }
  // getPhase counts a running regular init container as pending initialization, also when it runs
  // again after a RestartAllContainers reset (Initialized stays True then).
  const initRunning = state.containers.some((container) => container.spec.role === 'init' && (container.status === 'starting' || container.status === 'running'));
  const phase = state.terminal ?? (!state.initialized || initRunning || state.containers.some(waiting) ? 'Pending' : 'Running');
  const before = state.phases[state.phases.length - 1];
  setPhase(state, phase, t, terminating && !state.terminal);
  if (before && before.phase !== phase && !state.terminal) emit(state, t, 'phase', M.phase(phase));
}

export interface RunResult { readonly state: SimState; readonly horizon: number }

/** Seconds the automatic horizon may reach: the scenario time plus what the spec can take. */
function autoLimit(pod: SimPod, assumptions: Assumptions, scenario: Scenario): number {
  const per = assumptions.imagePullSeconds + assumptions.containerStartSeconds + assumptions.runToCompletionSeconds + assumptions.hookSeconds + assumptions.appStartSeconds;
  const extra = scenarioDefinition(scenario.kind).extraSeconds?.(scenario, pod, assumptions) ?? 0;
  return scenarioTime(scenario) + assumptions.schedulingSeconds + assumptions.sandboxSeconds + pod.containers.length * per + extra + 2 * QUIET_SECONDS + pod.grace;
}

function niceCeil(t: number): number {
  const steps = [10, 30, 60, 120, 300, 600, 900, 1800, 3600];
  const step = steps.find((x) => t / x <= 12) ?? 3600;
  return Math.ceil(t / step) * step;
}

export function run(pod: SimPod, assumptions: Assumptions, scenario: Scenario, maxHorizon: number): RunResult {
  const explicit = assumptions.horizon > 0;
  const wanted = explicit ? assumptions.horizon : autoLimit(pod, assumptions, scenario);
  const limit = Math.min(maxHorizon, wanted);
  const scenarioAt = scenarioTime(scenario);
  const state = newState(pod, assumptions, scenario, limit);
  setPhase(state, 'Pending', 0, false);
  emit(state, 0, 'created', M.created());
  for (const container of state.containers) setSegment(state, container, 0, 'waiting', container.spec.role === 'app' ? 'PodInitializing' : 'Pending');
  schedule(state, { t: assumptions.schedulingSeconds, type: 'scheduled', containerIndex: -1, epoch: 0 });
  if (scenarioDefinition(scenario.kind).begin && 'at' in scenario) schedule(state, { t: scenario.at, type: 'scenario', containerIndex: -1, epoch: 0 });
  for (;;) {
    const event = state.queue.pop();
    if (!event || event.t > limit) break;
    // Steady state: container events long after anything visible happened change nothing more.
    if (!explicit && event.containerIndex >= 0 && event.t > Math.max(state.lastActivity, scenarioAt) + QUIET_SECONDS) continue;
    if (++state.processed > MAX_PROCESSED) { state.truncated = true; break; }
    state.now = event.t;
    dispatch(state, event);
    if (event.type !== 'tick') updatePod(state, event.t);
  }
  if (state.truncated) note(state, 'warning', 'truncated', N.truncated(state.processed));
  let horizon = limit;
  if (!explicit) {
    const at = 'at' in scenario ? scenario.at + 10 : 0;
    horizon = Math.min(limit, niceCeil(Math.max(30, at, state.lastActivity * 1.1 + 5)));
  }
  if (!(horizon > 0)) horizon = 1;
  if (wanted > maxHorizon) note(state, 'info', 'horizon-capped', N.horizonCapped(maxHorizon));
  return { state, horizon };
}
