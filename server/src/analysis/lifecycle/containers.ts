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
import type { CState, Ev, SimState } from './state';
import type { ProbeKind } from './types';

function needsPull(s: SimState, c: CState): boolean {
  const p = c.spec.pullPolicy;
  if (p === 'Never') return false;
  if (p === 'Always') return true;
  return !s.asm.imagesCached && !s.pulled.has(c.spec.image);
}

/** Queue the start of a container: after whatever the kubelet is still doing in this sync. */
export function startContainer(s: SimState, c: CState, t: number): void {
  const begin = Math.max(t, s.busyUntil);
  const pull = needsPull(s, c) ? s.asm.imagePullSeconds : 0;
  if (pull > 0 || c.spec.pullPolicy !== 'Always') s.pulled.add(c.spec.image);
  const processStart = begin + pull + s.asm.containerStartSeconds;
  const visible = processStart + (c.spec.postStartSeconds ?? 0);
  s.busyUntil = visible;
  c.status = 'starting';
  c.epoch++;
  if (begin > t) setSegment(s, c, t, 'waiting', c.spec.role === 'app' ? 'ContainerCreating' : 'PodInitializing');
  schedule(s, { t: begin, type: 'begin', c: c.i, epoch: c.epoch, ...(pull > 0 ? { ok: true } : {}) });
  if (pull > 0) schedule(s, { t: begin + pull, type: 'pulled', c: c.i, epoch: c.epoch });
  schedule(s, { t: processStart, type: 'processStarted', c: c.i, epoch: c.epoch });
  schedule(s, { t: visible, type: 'visible', c: c.i, epoch: c.epoch });
}

export function onBegin(s: SimState, c: CState, ev: Ev): void {
  if (ev.ok) {
    setSegment(s, c, ev.t, 'pulling', 'Pulling', c.spec.imageSpan);
    emit(s, ev.t, 'pullStart', M.pullStart(c.spec.image, c.spec.pullPolicy), c, c.spec.imageSpan);
  } else setSegment(s, c, ev.t, 'starting', 'ContainerCreating', c.spec.imageSpan);
}

export function onPulled(s: SimState, c: CState, ev: Ev): void {
  emit(s, ev.t, 'pulled', M.pulled(c.spec.image), c, c.spec.imageSpan);
  setSegment(s, c, ev.t, 'starting', 'ContainerCreating', c.spec.imageSpan);
}

export function onProcessStarted(s: SimState, c: CState, ev: Ev): void {
  c.processStart = ev.t;
  c.succ = { liveness: 0, readiness: 0, startup: 0 };
  c.fail = { liveness: 0, readiness: 0, startup: 0 };
  c.startupDone = false;
  const hook = c.spec.postStartSeconds !== undefined;
  emit(s, ev.t, 'containerStarted', M.processStarted(hook), c, c.spec.span);
  if (hook) setSegment(s, c, ev.t, 'starting', 'PostStartHook', c.spec.postStartSpan);
  scheduleExit(s, c, ev.t);
}

/** Natural exits: init containers and Job containers run to completion; the scenario's exit. */
function scheduleExit(s: SimState, c: CState, processStart: number): void {
  const role = c.spec.role;
  let at = Infinity;
  let code = 0;
  if (role === 'init' || (role === 'app' && s.pod.runToCompletion)) at = processStart + s.asm.runToCompletionSeconds;
  const forced = scenarioDefinition(s.scenario.kind).exit?.(s.scenario, c, processStart, at);
  if (forced) {
    at = forced.at;
    code = forced.code;
  }
  if (at < Infinity) schedule(s, { t: at, type: 'exit', c: c.i, epoch: c.epoch, code });
}

export function onVisible(s: SimState, c: CState, ev: Ev): void {
  c.status = 'running';
  if (c.spec.postStartSeconds !== undefined) emit(s, ev.t, 'postStartDone', M.postStartDone(), c, c.spec.postStartSpan);
  if (c.spec.role === 'init') { setSegment(s, c, ev.t, 'running', 'Running'); return; }
  const startup = c.spec.probes.startup;
  if (startup) {
    setSegment(s, c, ev.t, 'probing', 'StartupProbe', startup.span);
    schedule(s, { t: firstProbeTick(startup.timing, c.processStart, ev.t, s.asm.probePhase), type: 'tick', c: c.i, epoch: c.epoch, probe: 'startup' });
    return;
  }
  onStarted(s, c, ev.t, false);
}

/** postStart done and startupProbe (if any) passed: liveness/readiness begin; sidecars free the next init container. */
function onStarted(s: SimState, c: CState, t: number, viaProbe: boolean): void {
  c.started = true;
  if (c.startedAt === null) c.startedAt = t;
  emit(s, t, viaProbe ? 'startupSucceeded' : 'containerStarted', viaProbe ? M.startupSucceeded() : M.started(), c, viaProbe ? c.spec.probes.startup?.span : undefined);
  if (c.spec.role === 'sidecar' && !c.advanced) {
    c.advanced = true;
    schedule(s, { t, type: 'initAdvance', c: c.i, epoch: 0 });
  }
  const { liveness, readiness } = c.spec.probes;
  if (liveness) schedule(s, { t: firstProbeTick(liveness.timing, c.processStart, t, s.asm.probePhase), type: 'tick', c: c.i, epoch: c.epoch, probe: 'liveness' });
  if (readiness) {
    setSegment(s, c, t, 'probing', 'ReadinessProbe', readiness.span);
    schedule(s, { t: firstProbeTick(readiness.timing, c.processStart, t, s.asm.probePhase), type: 'tick', c: c.i, epoch: c.epoch, probe: 'readiness' });
  } else setReady(s, c, true, t);
}

/** `byProbe`: the readiness probe decided it (an event says so); otherwise the container is stopping. */
export function setReady(s: SimState, c: CState, ready: boolean, t: number, byProbe = false): void {
  if (c.ready === ready) return;
  c.ready = ready;
  if (ready) {
    if (c.readyAt === null) c.readyAt = t;
    setSegment(s, c, t, 'ready', 'Ready');
    emit(s, t, 'ready', M.ready(), c, c.spec.probes.readiness?.span);
  } else if (c.status === 'running' && byProbe) {
    setSegment(s, c, t, 'running', 'NotReady', c.spec.probes.readiness?.span);
    emit(s, t, 'notReady', M.notReady(c.fail.readiness), c, c.spec.probes.readiness?.span);
  }
}

/** From when on the scenario makes this probe of this container fail (undefined: never). */
function failingFrom(s: SimState, c: CState, probe: ProbeKind): number | undefined {
  return scenarioDefinition(s.scenario.kind).probeFailsFrom?.(s.scenario, c, probe);
}

/** Whether this probe of this container is made to fail at time t by the scenario. */
function hung(s: SimState, c: CState, probe: ProbeKind, t: number): boolean {
  const from = failingFrom(s, c, probe);
  return from !== undefined && t >= from;
}

export function onTick(s: SimState, c: CState, ev: Ev): void {
  const probe = ev.probe!;
  const p = c.spec.probes[probe];
  if (!p || c.status !== 'running' || (probe === 'startup' && c.startupDone)) return;
  const tm = p.timing;
  const t = ev.t;
  let resultAt = t;
  let ok = true;
  if (hung(s, c, probe, t)) { ok = false; resultAt = t + tm.timeoutSeconds; }
  else if (t < c.processStart + c.spec.appStartSeconds) ok = false; // nothing listens yet: refused at once
  schedule(s, { t: resultAt, type: 'probeResult', c: c.i, epoch: c.epoch, probe, ok });
  // A probe slower than the period delays the next one (the ticker keeps one tick buffered).
  let next = Math.max(t + tm.periodSeconds, resultAt);
  const stable = ok && (probe === 'liveness' || (probe === 'readiness' && c.ready) || probe === 'startup');
  if (stable && probe !== 'startup') {
    // Every later tick succeeds until the scenario's failure time: jump to the first tick after it.
    const from = failingFrom(s, c, probe);
    if (from === undefined || !(from > t)) return;
    if (from > next) next += Math.ceil((from - next) / tm.periodSeconds) * tm.periodSeconds;
  }
  schedule(s, { t: next, type: 'tick', c: c.i, epoch: c.epoch, probe });
}

export function onProbeResult(s: SimState, c: CState, ev: Ev): void {
  const probe = ev.probe!;
  const p = c.spec.probes[probe];
  if (!p || c.status !== 'running') return;
  const tm = p.timing;
  if (ev.ok) {
    c.fail[probe] = 0;
    c.succ[probe]++;
    if (probe === 'startup' && !c.startupDone) { c.startupDone = true; onStarted(s, c, ev.t, true); }
    if (probe === 'readiness' && !c.ready && c.succ.readiness >= tm.successThreshold) setReady(s, c, true, ev.t);
    return;
  }
  c.succ[probe] = 0;
  c.fail[probe]++;
  // Failures before the app is up are expected and not worth an event each; a hang is.
  if (hung(s, c, probe, ev.t) || (c.fail[probe] >= tm.failureThreshold && (probe !== 'readiness' || c.ready))) emit(s, ev.t, 'probeFailure', M.probeFailed(probe, Math.min(c.fail[probe], tm.failureThreshold), tm.failureThreshold), c, p.span);
  if (c.fail[probe] < tm.failureThreshold) return;
  if (probe === 'readiness') { if (c.ready) setReady(s, c, false, ev.t, true); return; }
  schedule(s, { t: ev.t, type: 'kill', c: c.i, epoch: c.epoch, probe, reason: probe === 'startup' ? 'StartupProbe' : 'LivenessProbe' });
}

/** The next init container, or the app containers once every init container is done. */
export function advanceInit(s: SimState, t: number, emitInitialized: (t: number) => void): void {
  if (s.stopping || s.nodeLost) return;
  const inits = s.cs.filter((c) => c.spec.role === 'init' || c.spec.role === 'sidecar');
  const next = inits[s.initNext];
  if (next) { s.initNext++; startContainer(s, next, t); return; }
  if (s.initialized) return;
  s.initialized = true;
  emitInitialized(t);
  for (const c of s.cs) if (c.spec.role === 'app') startContainer(s, c, t);
}
