/**
 * Starting containers and probing them. The kubelet's SyncPod starts the containers it decided to
 * start one after another; startContainer pulls the image, creates and starts the container and
 * then runs the postStart hook synchronously, so each step delays the next container of that sync.
 * Probes (pkg/kubelet/prober/worker.go): startup first; liveness and readiness only after it passed.
 * https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/
 * https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
 */
import { firstProbeTick } from '../timing';
import { M } from './messages';
import { scenarioDefinition } from './scenarios/index';
import { emit, schedule, setSegment } from './state';
import type { ContainerState, QueuedEvent, SimState } from './state';
import type { ProbeKind } from './types';

function needsPull(state: SimState, container: ContainerState): boolean {
  const p = container.spec.pullPolicy;
  if (p === 'Never') return false;
  if (p === 'Always') return true;
  return !state.assumptions.imagesCached && !state.pulled.has(container.spec.image);
}

/** Queue the start of a container: after whatever the kubelet is still doing in this sync. */
export function startContainer(state: SimState, container: ContainerState, t: number): void {
  const begin = Math.max(t, state.busyUntil);
  const pull = needsPull(state, container) ? state.assumptions.imagePullSeconds : 0;
  if (pull > 0 || container.spec.pullPolicy !== 'Always') state.pulled.add(container.spec.image);
  const processStart = begin + pull + state.assumptions.containerStartSeconds;
  const visible = processStart + (container.spec.postStartSeconds ?? 0);
  state.busyUntil = visible;
  container.status = 'starting';
  container.epoch++;
  if (begin > t) setSegment(state, container, t, 'waiting', container.spec.role === 'app' ? 'ContainerCreating' : 'PodInitializing');
  schedule(state, { t: begin, type: 'begin', containerIndex: container.index, epoch: container.epoch, ...(pull > 0 ? { ok: true } : {}) });
  if (pull > 0) schedule(state, { t: begin + pull, type: 'pulled', containerIndex: container.index, epoch: container.epoch });
  schedule(state, { t: processStart, type: 'processStarted', containerIndex: container.index, epoch: container.epoch });
  schedule(state, { t: visible, type: 'visible', containerIndex: container.index, epoch: container.epoch });
}

export function onBegin(state: SimState, container: ContainerState, event: QueuedEvent): void {
  if (event.ok) {
    setSegment(state, container, event.t, 'pulling', 'Pulling', container.spec.imageSpan);
    emit(state, event.t, 'pullStart', M.pullStart(container.spec.image, container.spec.pullPolicy), container, container.spec.imageSpan);
  } else setSegment(state, container, event.t, 'starting', 'ContainerCreating', container.spec.imageSpan);
}

export function onPulled(state: SimState, container: ContainerState, event: QueuedEvent): void {
  emit(state, event.t, 'pulled', M.pulled(container.spec.image), container, container.spec.imageSpan);
  setSegment(state, container, event.t, 'starting', 'ContainerCreating', container.spec.imageSpan);
}

export function onProcessStarted(state: SimState, container: ContainerState, event: QueuedEvent): void {
  container.processStart = event.t;
  container.succ = { liveness: 0, readiness: 0, startup: 0 };
  container.fail = { liveness: 0, readiness: 0, startup: 0 };
  container.startupDone = false;
  const hook = container.spec.postStartSeconds !== undefined;
  emit(state, event.t, 'containerStarted', M.processStarted(hook), container, container.spec.span);
  if (hook) setSegment(state, container, event.t, 'starting', 'PostStartHook', container.spec.postStartSpan);
  scheduleExit(state, container, event.t);
}

/** Natural exits: init containers and Job containers run to completion; the scenario's exit. */
function scheduleExit(state: SimState, container: ContainerState, processStart: number): void {
  const role = container.spec.role;
  let at = Infinity;
  let code = 0;
  if (role === 'init' || (role === 'app' && state.pod.runToCompletion)) at = processStart + state.assumptions.runToCompletionSeconds;
  const forced = scenarioDefinition(state.scenario.kind).exit?.(state.scenario, container, processStart, at);
  if (forced) {
    at = forced.at;
    code = forced.code;
  }
  if (at < Infinity) schedule(state, { t: at, type: 'exit', containerIndex: container.index, epoch: container.epoch, code });
}

export function onVisible(state: SimState, container: ContainerState, event: QueuedEvent): void {
  container.status = 'running';
  if (container.spec.postStartSeconds !== undefined) emit(state, event.t, 'postStartDone', M.postStartDone(), container, container.spec.postStartSpan);
  if (container.spec.role === 'init') {
    // A regular init container has no probes: it counts as started once postStart has returned.
    if (container.startedAt === null) container.startedAt = event.t;
    setSegment(state, container, event.t, 'running', 'Running');
    return;
  }
  const startup = container.spec.probes.startup;
  if (startup) {
    setSegment(state, container, event.t, 'probing', 'StartupProbe', startup.span);
    schedule(state, { t: firstProbeTick(startup.timing, container.processStart, event.t, state.assumptions.probePhase), type: 'tick', containerIndex: container.index, epoch: container.epoch, probe: 'startup' });
    return;
  }
  onStarted(state, container, event.t, false);
}

/** postStart done and startupProbe (if any) passed: liveness/readiness begin; sidecars free the next init container. */
function onStarted(state: SimState, container: ContainerState, t: number, viaProbe: boolean): void {
  container.started = true;
  if (container.startedAt === null) container.startedAt = t;
  emit(state, t, viaProbe ? 'startupSucceeded' : 'containerStarted', viaProbe ? M.startupSucceeded() : M.started(), container, viaProbe ? container.spec.probes.startup?.span : undefined);
  if (container.spec.role === 'sidecar' && !container.advanced) {
    container.advanced = true;
    schedule(state, { t, type: 'initAdvance', containerIndex: container.index, epoch: 0 });
  }
  const { liveness, readiness } = container.spec.probes;
  if (liveness) schedule(state, { t: firstProbeTick(liveness.timing, container.processStart, t, state.assumptions.probePhase), type: 'tick', containerIndex: container.index, epoch: container.epoch, probe: 'liveness' });
  if (readiness) {
    setSegment(state, container, t, 'probing', 'ReadinessProbe', readiness.span);
    schedule(state, { t: firstProbeTick(readiness.timing, container.processStart, t, state.assumptions.probePhase), type: 'tick', containerIndex: container.index, epoch: container.epoch, probe: 'readiness' });
  } else setReady(state, container, true, t);
}

/** `byProbe`: the readiness probe decided it (an event says so); otherwise the container is stopping. */
export function setReady(state: SimState, container: ContainerState, ready: boolean, t: number, byProbe = false): void {
  if (container.ready === ready) return;
  container.ready = ready;
  if (ready) {
    if (container.readyAt === null) container.readyAt = t;
    setSegment(state, container, t, 'ready', 'Ready');
    emit(state, t, 'ready', M.ready(), container, container.spec.probes.readiness?.span);
  } else if (container.status === 'running' && byProbe) {
    setSegment(state, container, t, 'running', 'NotReady', container.spec.probes.readiness?.span);
    emit(state, t, 'notReady', M.notReady(container.fail.readiness), container, container.spec.probes.readiness?.span);
  }
}

/** From when on the scenario makes this probe of this container fail (undefined: never). */
function failingFrom(state: SimState, container: ContainerState, probe: ProbeKind): number | undefined {
  return scenarioDefinition(state.scenario.kind).probeFailsFrom?.(state.scenario, container, probe);
}

/** Whether this probe of this container is made to fail at time t by the scenario. */
function hung(state: SimState, container: ContainerState, probe: ProbeKind, t: number): boolean {
  const from = failingFrom(state, container, probe);
  return from !== undefined && t >= from;
}

export function onTick(state: SimState, container: ContainerState, event: QueuedEvent): void {
  const probe = event.probe!;
  const p = container.spec.probes[probe];
  if (!p || container.status !== 'running' || (probe === 'startup' && container.startupDone)) return;
  const tm = p.timing;
  const t = event.t;
  let resultAt = t;
  let ok = true;
  if (hung(state, container, probe, t)) { ok = false; resultAt = t + tm.timeoutSeconds; }
  else if (t < container.processStart + container.spec.appStartSeconds) ok = false; // nothing listens yet: refused at once
  schedule(state, { t: resultAt, type: 'probeResult', containerIndex: container.index, epoch: container.epoch, probe, ok });
  // A probe slower than the period delays the next one (the ticker keeps one tick buffered).
  let next = Math.max(t + tm.periodSeconds, resultAt);
  const stable = ok && (probe === 'liveness' || (probe === 'readiness' && container.ready) || probe === 'startup');
  if (stable && probe !== 'startup') {
    // Every later tick succeeds until the scenario's failure time: jump to the first tick after it.
    const from = failingFrom(state, container, probe);
    if (from === undefined || !(from > t)) return;
    if (from > next) next += Math.ceil((from - next) / tm.periodSeconds) * tm.periodSeconds;
  }
  schedule(state, { t: next, type: 'tick', containerIndex: container.index, epoch: container.epoch, probe });
}

export function onProbeResult(state: SimState, container: ContainerState, event: QueuedEvent): void {
  const probe = event.probe!;
  const p = container.spec.probes[probe];
  if (!p || container.status !== 'running') return;
  const tm = p.timing;
  if (event.ok) {
    container.fail[probe] = 0;
    container.succ[probe]++;
    if (probe === 'startup' && !container.startupDone) { container.startupDone = true; onStarted(state, container, event.t, true); }
    if (probe === 'readiness' && !container.ready && container.succ.readiness >= tm.successThreshold) setReady(state, container, true, event.t);
    return;
  }
  container.succ[probe] = 0;
  container.fail[probe]++;
  // Failures before the app is up are expected and not worth an event each; a hang is.
  if (hung(state, container, probe, event.t) || (container.fail[probe] >= tm.failureThreshold && (probe !== 'readiness' || container.ready))) emit(state, event.t, 'probeFailure', M.probeFailed(probe, Math.min(container.fail[probe], tm.failureThreshold), tm.failureThreshold), container, p.span);
  if (container.fail[probe] < tm.failureThreshold) return;
  if (probe === 'readiness') { if (container.ready) setReady(state, container, false, event.t, true); return; }
  schedule(state, { t: event.t, type: 'kill', containerIndex: container.index, epoch: container.epoch, probe, reason: probe === 'startup' ? 'StartupProbe' : 'LivenessProbe' });
}

/** The next init container, or the app containers once every init container is done. */
export function advanceInit(state: SimState, t: number, emitInitialized: (t: number) => void): void {
  if (state.stopping || state.nodeLost) return;
  const inits = state.containers.filter((container) => container.spec.role === 'init' || container.spec.role === 'sidecar');
  const next = inits[state.initNext];
  if (next) { state.initNext++; startContainer(state, next, t); return; }
  if (state.initialized && !state.reinitializing) return;
  state.reinitializing = false;
  if (!state.initialized) {
    state.initialized = true;
    emitInitialized(t);
  }
  for (const container of state.containers) if (container.spec.role === 'app') startContainer(state, container, t);
}
