/**
 * Containers ending: exits, probe kills, restarts with back-off, and pod-level stops (deletion,
 * eviction, Job completion, init failure). The termination steps come from timing.ts
 * (terminationTimeline: preStop, then SIGTERM, at least 2 s, SIGKILL; sidecars after the apps, in
 * reverse order, sharing the grace period) so hovers and the simulator agree.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
 */
import { nextRestart, probeKillGracePeriod, terminationTimeline } from '../timing';
import { setReady } from './containers';
import { M } from './messages';
import { emit, pushSegment, schedule, setSegment } from './state';
import type { CState, Ev, SimState } from './state';

const RUNNING = new Set(['starting', 'running']);

/** Plans one container's stop at `t` with `grace` seconds; the exit is queued. */
function planStop(s: SimState, c: CState, t: number, step: ReturnType<typeof terminationTimeline>[number]): void {
  c.epoch++;
  setReady(s, c, false, t);
  setSegment(s, c, t, undefined);
  c.status = 'terminating';
  const sp = c.spec;
  if (sp.preStopSeconds !== undefined && step.preStopEnd > 0) {
    emit(s, t, 'preStop', M.preStop(), c, sp.preStopSpan);
    pushSegment(c, 'terminating', t, t + step.preStopEnd, 'PreStopHook', sp.preStopSpan);
  }
  if (step.sigterm > step.preStopEnd) pushSegment(c, sp.role === 'sidecar' ? 'running' : 'terminating', t + step.preStopEnd, t + step.sigterm, 'WaitingForAppContainers');
  emit(s, t + step.sigterm, 'sigterm', sp.shellPid1 ? M.sigtermIgnored() : M.sigterm(), c, sp.shellPid1 ? sp.commandSpan : undefined);
  pushSegment(c, 'terminating', t + step.sigterm, t + step.exit, sp.shellPid1 ? 'SIGTERMIgnored' : 'SIGTERM', sp.shellPid1 ? sp.commandSpan : undefined);
  if (step.killed) emit(s, t + step.sigkillDeadline, 'sigkill', M.sigkill(), c);
  const exitAt = t + step.exit + (step.killed ? s.asm.killSeconds : 0);
  if (step.killed && s.asm.killSeconds > 0) pushSegment(c, 'terminating', t + step.exit, exitAt, 'SIGKILL');
  schedule(s, { t: exitAt, type: 'exit', c: c.i, epoch: c.epoch, code: step.killed ? 137 : 0, reason: 'stopped' });
  c.seg = undefined;
}

function stopInput(s: SimState, c: CState) {
  return {
    name: c.spec.name,
    role: c.spec.role === 'sidecar' ? 'sidecar' as const : 'app' as const,
    preStopSeconds: c.spec.preStopSeconds ?? 0,
    ...(c.spec.shellPid1 ? {} : { exitAfterSigtermSeconds: s.asm.shutdownSeconds }),
  };
}

/** A failed liveness/startup probe: kill (probe-level grace if set), then restart per policy. */
export function onKill(s: SimState, c: CState, ev: Ev): void {
  if (c.status !== 'running' && c.status !== 'starting') return;
  const probe = c.spec.probes[ev.probe ?? 'liveness'];
  const grace = probe ? probeKillGracePeriod(probe.timing, s.pod.grace) : s.pod.grace;
  emit(s, ev.t, 'killed', M.probeKill(ev.probe ?? 'liveness', probe?.timing.failureThreshold ?? 0, grace), c, probe?.span);
  c.killedByProbe = true;
  planStop(s, c, ev.t, terminationTimeline(grace, [stopInput(s, c)])[0]!);
}

/**
 * Stops every container still around at `t` (kubelet killPod): running ones get the termination
 * sequence, waiting ones just never start.
 */
export function stopPod(s: SimState, t: number, grace: number): void {
  s.stopping = true;
  const running = s.cs.filter((c) => RUNNING.has(c.status));
  const plan = terminationTimeline(grace, running.map((c) => stopInput(s, c)));
  running.forEach((c, k) => planStop(s, c, t, plan[k]!));
  for (const c of s.cs) {
    if (c.status === 'idle' || c.status === 'backoff') {
      c.epoch++;
      setSegment(s, c, t, undefined);
      c.status = 'done';
    }
  }
  checkFinished(s, t);
}

function restartAllowed(s: SimState, c: CState, code: number): boolean {
  if (s.stopping || s.nodeLost) return false;
  if (c.spec.role === 'sidecar') return true; // sidecars always restart
  if (c.spec.role === 'init') return code !== 0 && s.pod.restartPolicy !== 'Never'; // Always acts as OnFailure
  const p = s.pod.restartPolicy;
  if (p === 'Always') return true;
  if (p === 'OnFailure') return code !== 0 || c.killedByProbe;
  return false;
}

export function onExit(s: SimState, c: CState, ev: Ev): void {
  const code = ev.code ?? 0;
  c.lastExitCode = code;
  c.started = false;
  c.epoch++;
  setReady(s, c, false, ev.t);
  const wasStop = ev.reason === 'stopped';
  if (!wasStop || code !== 0) emit(s, ev.t, 'exited', code === 0 ? M.completed() : M.exited(code), c);
  if (restartAllowed(s, c, code)) {
    const r = nextRestart(c.backoff, ev.t);
    c.backoff = r.state;
    c.killedByProbe = false;
    if (r.waited > 0) {
      c.status = 'backoff';
      setSegment(s, c, ev.t, 'backoff', 'CrashLoopBackOff');
      emit(s, ev.t, 'backoff', M.backoff(r.waited), c);
    } else setSegment(s, c, ev.t, undefined);
    schedule(s, { t: r.at, type: 'restart', c: c.i, epoch: c.epoch });
    return;
  }
  c.status = 'done';
  c.finishedAt = ev.t;
  setSegment(s, c, ev.t, code === 0 ? 'completed' : 'failed', code === 0 ? 'Completed' : code === 137 ? 'Killed' : 'Error');
  if (s.stopping || s.nodeLost) { checkFinished(s, ev.t); return; }
  if (c.spec.role === 'init') {
    if (code === 0) { schedule(s, { t: ev.t, type: 'initAdvance', c: c.i, epoch: 0 }); return; }
    emit(s, ev.t, 'phase', M.initFailedNever());
    s.forcedPhase = 'Failed';
    stopPod(s, ev.t, s.pod.grace);
    return;
  }
  if (c.spec.role === 'app') {
    emit(s, ev.t, 'exited', M.notRestarted(s.pod.restartPolicy), c);
    const apps = s.cs.filter((x) => x.spec.role === 'app');
    if (apps.every((x) => x.status === 'done')) {
      if (s.cs.some((x) => x.spec.role === 'sidecar' && x.status !== 'done')) emit(s, ev.t, 'completed', M.sidecarStop());
      stopPod(s, ev.t, s.pod.grace);
    }
  }
}

export function onRestart(s: SimState, c: CState, ev: Ev, start: (c: CState, t: number) => void): void {
  if (s.stopping || s.nodeLost) return;
  c.restarts++;
  emit(s, ev.t, 'restart', M.restart(c.restarts), c);
  setSegment(s, c, ev.t, undefined);
  start(c, ev.t);
}

/** When nothing runs any more after a stop: the terminal phase. */
export function checkFinished(s: SimState, t: number): void {
  if (!s.stopping || s.terminal) return;
  if (s.cs.some((c) => c.status !== 'done' && c.status !== 'idle')) return;
  const apps = s.cs.filter((c) => c.spec.role === 'app');
  const ok = apps.length > 0 && apps.every((c) => c.lastExitCode === 0);
  s.terminal = s.forcedPhase ?? (ok ? 'Succeeded' : 'Failed');
  emit(s, t, 'phase', M.phase(s.terminal));
}
