/**
 * Containers ending: exits, probe kills, restarts with back-off, and pod-level stops (deletion,
 * eviction, Job completion, init failure). The termination steps come from timing.ts
 * (terminationTimeline: preStop, then SIGTERM, at least 2 s, SIGKILL; sidecars after the apps, in
 * reverse order, sharing the grace period) so hovers and the simulator agree.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
 */
import { containerShouldRestart, matchingRestartRule, restartsAllContainers } from '../containerRestart';
import { kubeletPodGrace, nextRestart, probeKillGracePeriod, terminationTimeline } from '../timing';
import { setReady } from './containers';
import { M } from './messages';
import { R } from './restartMessages';
import { beginRestartAll } from './restartAll';
import { emit, pushSegment, schedule, setCondition, setSegment } from './state';
import type { ContainerState, QueuedEvent, SimState } from './state';

const RUNNING = new Set(['starting', 'running']);

/** Plans one container's stop at `t` with `grace` seconds; the exit is queued. */
function planStop(state: SimState, container: ContainerState, t: number, step: ReturnType<typeof terminationTimeline>[number]): void {
  container.epoch++;
  setReady(state, container, false, t);
  setSegment(state, container, t, undefined);
  container.status = 'terminating';
  const sp = container.spec;
  if (sp.preStopSeconds !== undefined && step.preStopEnd > 0) {
    emit(state, t, 'preStop', M.preStop(), container, sp.preStopSpan);
    pushSegment(container, 'terminating', t, t + step.preStopEnd, 'PreStopHook', sp.preStopSpan);
  }
  if (step.sigterm > step.preStopEnd) pushSegment(container, sp.role === 'sidecar' ? 'running' : 'terminating', t + step.preStopEnd, t + step.sigterm, 'WaitingForAppContainers');
  emit(state, t + step.sigterm, 'sigterm', sp.shellPid1 ? M.sigtermIgnored() : M.sigterm(), container, sp.shellPid1 ? sp.commandSpan : undefined);
  pushSegment(container, 'terminating', t + step.sigterm, t + step.exit, sp.shellPid1 ? 'SIGTERMIgnored' : 'SIGTERM', sp.shellPid1 ? sp.commandSpan : undefined);
  if (step.killed) emit(state, t + step.sigkillDeadline, 'sigkill', M.sigkill(), container);
  const exitAt = t + step.exit + (step.killed ? state.assumptions.killSeconds : 0);
  if (step.killed && state.assumptions.killSeconds > 0) pushSegment(container, 'terminating', t + step.exit, exitAt, 'SIGKILL');
  schedule(state, { t: exitAt, type: 'exit', containerIndex: container.index, epoch: container.epoch, code: step.killed ? 137 : 0, reason: 'stopped' });
  container.seg = undefined;
}

function stopInput(state: SimState, container: ContainerState) {
  return {
    name: container.spec.name,
    role: container.spec.role === 'sidecar' ? 'sidecar' as const : 'app' as const,
    preStopSeconds: container.spec.preStopSeconds ?? 0,
    ...(container.spec.shellPid1 ? {} : { exitAfterSigtermSeconds: state.assumptions.shutdownSeconds }),
  };
}

/** A failed liveness/startup probe: kill (probe-level grace if set), then restart per policy. */
export function onKill(state: SimState, container: ContainerState, event: QueuedEvent): void {
  if (container.status !== 'running' && container.status !== 'starting') return;
  const probe = container.spec.probes[event.probe ?? 'liveness'];
  const grace = probe ? probeKillGracePeriod(probe.timing, state.pod.grace) : state.pod.grace;
  emit(state, event.t, 'killed', M.probeKill(event.probe ?? 'liveness', probe?.timing.failureThreshold ?? 0, grace), container, probe?.span);
  container.killedByProbe = true;
  planStop(state, container, event.t, terminationTimeline(grace, [stopInput(state, container)])[0]!);
}

/**
 * Stops every container still around at `t` (kubelet killPod): running ones get the termination
 * sequence, waiting ones just never start. Callers pass the grace period the pod worker computes
 * (calculateEffectiveGracePeriod, K: pkg/kubelet/pod_workers.go: at least 1 s, kubeletPodGrace).
 */
export function stopPod(state: SimState, t: number, grace: number): void {
  state.stopping = true;
  const running = state.containers.filter((container) => RUNNING.has(container.status));
  const plan = terminationTimeline(grace, running.map((container) => stopInput(state, container)));
  running.forEach((container, k) => planStop(state, container, t, plan[k]!));
  for (const container of state.containers) {
    if (container.status === 'idle' || container.status === 'backoff') {
      container.epoch++;
      setSegment(state, container, t, undefined);
      container.status = 'done';
    }
  }
  checkFinished(state, t);
}

/**
 * Whether the kubelet starts this exited container again. A regular init container that exited 0 is
 * done (isInitContainerFailed in computeInitContainerActions, K: pkg/kubelet/kuberuntime/kuberuntime_container.go).
 * A probe kill is decided when the kubelet kills (computePodActions, kuberuntime_manager.go): restart
 * unless the pod's restartPolicy is Never — or, 1.35+, unless the container's own policy is Never (its
 * rules are not read for a running container); otherwise a later sync asks ShouldContainerBeRestarted
 * with the exit code. Every other exit: ContainerShouldRestart (K: pkg/api/v1/pod/util.go, ported in
 * containerRestart.ts): the first matching restartPolicyRules entry, then the container's own
 * restartPolicy, then the pod's; sidecars always restart.
 */
function restartAllowed(state: SimState, container: ContainerState, code: number): boolean {
  if (state.stopping || state.nodeLost) return false;
  const sp = container.spec;
  if (sp.role === 'init' && code === 0) return false;
  if (container.killedByProbe && (sp.ownRestartPolicy !== undefined ? sp.ownRestartPolicy !== 'Never' : state.pod.restartPolicy !== 'Never')) return true;
  return containerShouldRestart(sp.model, state.pod.pod, code, state.pod.version);
}

/** The event that says why a container is restarted when one of its restartPolicyRules decided (1.35+). */
function ruleEvent(state: SimState, container: ContainerState, code: number, t: number): void {
  const sp = container.spec;
  if (sp.ownRestartPolicy !== undefined && !container.killedByProbe && matchingRestartRule(sp.model, code)?.action === 'Restart') {
    emit(state, t, 'exited', R.ruleRestart(code), container, sp.ownRestartPolicySpan);
  }
}

export function onExit(state: SimState, container: ContainerState, event: QueuedEvent): void {
  const code = event.code ?? 0;
  container.lastExitCode = code;
  container.started = false;
  container.epoch++;
  setReady(state, container, false, event.t);
  const wasStop = event.reason === 'stopped';
  if (!wasStop || code !== 0) emit(state, event.t, 'exited', code === 0 ? M.completed() : M.exited(code), container);
  // RestartAllContainers (1.36+, sidecars' rules too): ShouldAllContainersRestart (K: pkg/kubelet/container/helpers.go)
  // reads any exited container's code, a probe kill's included; the whole pod restarts (restartAll.ts).
  if (!state.stopping && !state.nodeLost && !state.restartingAll && restartsAllContainers(container.spec.model, code, state.pod.version)) {
    emit(state, event.t, 'exited', R.ruleRestartAll(code), container, container.spec.ownRestartPolicySpan);
    beginRestartAll(state, container, event.t);
    return;
  }
  if (restartAllowed(state, container, code)) {
    ruleEvent(state, container, code, event.t);
    const r = nextRestart(container.backoff, event.t);
    container.backoff = r.state;
    container.killedByProbe = false;
    if (r.waited > 0) {
      container.status = 'backoff';
      setSegment(state, container, event.t, 'backoff', 'CrashLoopBackOff');
      emit(state, event.t, 'backoff', M.backoff(r.waited), container);
    } else setSegment(state, container, event.t, undefined);
    schedule(state, { t: r.at, type: 'restart', containerIndex: container.index, epoch: container.epoch });
    return;
  }
  container.status = 'done';
  container.finishedAt = event.t;
  setSegment(state, container, event.t, code === 0 ? 'completed' : 'failed', code === 0 ? 'Completed' : code === 137 ? 'Killed' : 'Error');
  if (state.stopping || state.nodeLost) { checkFinished(state, event.t); return; }
  if (container.spec.role === 'init') {
    if (code === 0) { schedule(state, { t: event.t, type: 'initAdvance', containerIndex: container.index, epoch: 0 }); return; }
    // getPhase (K: pkg/kubelet/kubelet_pods.go): a failed regular init container that will not restart -> Failed.
    const own = container.spec.ownRestartPolicy;
    emit(state, event.t, 'phase', own !== undefined ? R.initFailedOwn(own) : M.initFailedNever(), undefined);
    state.forcedPhase = 'Failed';
    stopPod(state, event.t, kubeletPodGrace(state.pod.grace));
    return;
  }
  if (container.spec.role === 'app') {
    const own = container.spec.ownRestartPolicy;
    emit(state, event.t, 'exited', own !== undefined ? R.notRestartedOwn(own) : M.notRestarted(state.pod.restartPolicy), container, own !== undefined ? container.spec.ownRestartPolicySpan : undefined);
    const apps = state.containers.filter((x) => x.spec.role === 'app');
    if (apps.every((x) => x.status === 'done')) {
      if (state.containers.some((x) => x.spec.role === 'sidecar' && x.status !== 'done')) emit(state, event.t, 'completed', M.sidecarStop());
      stopPod(state, event.t, kubeletPodGrace(state.pod.grace));
    }
  }
}

export function onRestart(state: SimState, container: ContainerState, event: QueuedEvent, start: (container: ContainerState, t: number) => void): void {
  if (state.stopping || state.nodeLost) return;
  container.restarts++;
  emit(state, event.t, 'restart', M.restart(container.restarts), container);
  setSegment(state, container, event.t, undefined);
  start(container, event.t);
}

/** When nothing runs any more after a stop: the terminal phase. */
export function checkFinished(state: SimState, t: number): void {
  if (!state.stopping || state.terminal) return;
  if (state.containers.some((container) => container.status !== 'done' && container.status !== 'idle')) return;
  const apps = state.containers.filter((container) => container.spec.role === 'app');
  const ok = apps.length > 0 && apps.every((container) => container.lastExitCode === 0);
  state.terminal = state.forcedPhase ?? (ok ? 'Succeeded' : 'Failed');
  // SyncTerminatingPod (K: pkg/kubelet/kubelet.go) stops the sandbox with the containers (killPod) and
  // reports the stopped status: no ready sandbox -> PodReadyToStartContainers False. A lost node reports nothing.
  if (!state.nodeLost) setCondition(state, 'PodReadyToStartContainers', false, t);
  emit(state, t, 'phase', M.phase(state.terminal));
}
