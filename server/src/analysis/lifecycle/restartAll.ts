/**
 * RestartAllContainers (RestartAllContainersOnContainerExits, beta on from 1.36): an exit that matches a
 * restartPolicyRules entry with that action restarts the whole pod in its sandbox. What the kubelet does
 * (K = k8s.io/kubernetes v1.37.2):
 *  - status: the AllContainersRestarting condition turns True (GenerateAllContainersRestartingCondition,
 *    K: pkg/kubelet/status/generate.go; ShouldAllContainersRestart in K: pkg/kubelet/container/helpers.go);
 *  - computePodActions (K: pkg/kubelet/kuberuntime/kuberuntime_manager.go) lists every container to reset:
 *    the other app containers, then the other init containers, in spec order, then the ones whose exit
 *    triggered it; SyncPod kills each running one in turn with grace period 0 (killContainer skips preStop
 *    and raises the grace to the 2 s minimum) and removes it;
 *  - with every container gone the condition turns False and the next sync starts the pod again from its
 *    first init container. No exited container is left, so doBackOff finds nothing to back off from: the
 *    restart is immediate. Initialized stays True (GeneratePodInitializedCondition keeps it), each container's
 *    restartCount goes up by one (convertToAPIContainerStatuses), and getPhase says Pending while a regular
 *    init container runs again.
 */
import { MIN_STOP_GRACE_SECONDS, terminationTimeline } from '../timing';
import { setReady } from './containers';
import { M } from './messages';
import { RM } from './restartMessages';
import { emit, pushSegment, schedule } from './state';
import type { ContainerState, SimState } from './state';

const RUNNING = new Set(['starting', 'running', 'terminating']);
const RESTARTING = 'RestartingAllContainers';

/** The kill order of computePodActions: the other app containers, then the other init containers. */
function resetOrder(state: SimState, source: ContainerState): ContainerState[] {
  const others = state.containers.filter((c) => c !== source);
  return [...others.filter((c) => c.spec.role === 'app'), ...others.filter((c) => c.spec.role !== 'app')];
}

function closeSegment(container: ContainerState, t: number): void {
  const seg = container.seg;
  if (seg && t > seg.from) pushSegment(container, seg.state, seg.from, t, seg.reason, seg.range);
  container.seg = undefined;
}

/** The container is gone from the runtime at `t`; from then on it waits for the fresh start. */
function removed(container: ContainerState, t: number): void {
  closeSegment(container, t);
  container.status = 'idle';
  container.seg = { state: 'waiting', from: t, reason: RESTARTING };
}

/**
 * `source` exited at `t` with a code that matched a RestartAllContainers rule: kill the others one by one
 * (grace 0), then queue the fresh start ('restartAll') once the last one is gone.
 */
export function beginRestartAll(state: SimState, source: ContainerState, t: number): void {
  state.restartingAll = true;
  emit(state, t, 'restart', RM.restartAllBegins(), undefined, source.spec.ownRestartPolicySpan);
  removed(source, t);
  let cursor = t;
  for (const container of resetOrder(state, source)) {
    container.epoch++;
    container.started = false;
    setReady(state, container, false, cursor);
    if (RUNNING.has(container.status)) {
      const shutdown = container.spec.shellPid1 ? {} : { exitAfterSigtermSeconds: state.assumptions.shutdownSeconds };
      const step = terminationTimeline(0, [{ name: container.spec.name, role: 'app', preStopSeconds: 0, ...shutdown }])[0]!;
      emit(state, cursor + step.sigterm, 'sigterm', container.spec.shellPid1 ? M.sigtermIgnored() : RM.restartAllKill(MIN_STOP_GRACE_SECONDS), container);
      if (step.killed) emit(state, cursor + step.sigkillDeadline, 'sigkill', M.sigkill(), container);
      const exitAt = cursor + step.exit + (step.killed ? state.assumptions.killSeconds : 0);
      closeSegment(container, cursor);
      pushSegment(container, 'terminating', cursor, exitAt, 'RestartAllContainers');
      container.lastExitCode = step.killed ? 137 : 0;
      cursor = exitAt;
    }
    removed(container, cursor);
  }
  schedule(state, { t: cursor, type: 'restartAll', containerIndex: -1, epoch: 0 });
}

/** Every container is removed: the pod starts again from its first init container, without back-off. */
export function finishRestartAll(state: SimState, t: number, startFirst: () => void): void {
  if (!state.restartingAll) return;
  state.restartingAll = false;
  if (state.stopping || state.nodeLost) return;
  for (const container of state.containers) {
    if (container.startedAt !== null || container.lastExitCode !== undefined) container.restarts++;
    container.advanced = false;
    container.startupDone = false;
    container.killedByProbe = false;
  }
  emit(state, t, 'restart', RM.restartAllStarts());
  state.initNext = 0;
  state.reinitializing = true;
  startFirst();
}
