/**
 * Pod-level scenarios: deletion, a node that stops reporting (taint-based eviction), and node
 * memory pressure (kubelet eviction).
 * https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions
 * https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/
 */
import { M, N } from './messages';
import { emit, note, schedule, setCondition, setSegment } from './state';
import type { Ev, SimState } from './state';
import { stopPod } from './stop';

/**
 * Hard eviction thresholds kill with this grace period (immediateEvictionGracePeriodSeconds in
 * pkg/kubelet/eviction/eviction_manager.go); killContainer still leaves at least 2 s after SIGTERM.
 */
export const EVICTION_GRACE_SECONDS = 1;

export function scheduleScenario(s: SimState): void {
  const sc = s.scenario;
  if (sc.kind === 'delete' || sc.kind === 'nodeUnreachable' || sc.kind === 'memoryPressure') {
    schedule(s, { t: sc.at, type: 'scenario', c: -1, epoch: 0 });
  }
}

export function evictionRank(s: SimState): string {
  const q = s.pod.qosClass;
  return q === 'BestEffort' ? N.rankBestEffort() : q === 'Burstable' ? N.rankBurstable() : N.rankGuaranteed();
}

export function onScenario(s: SimState, ev: Ev): void {
  const sc = s.scenario;
  if (s.terminal || s.stopping) return;
  if (sc.kind === 'delete') {
    s.deletionAt = ev.t;
    emit(s, ev.t, 'deleteRequested', M.deleteRequested(s.pod.grace), undefined, s.pod.graceSpan);
    // Endpoints drop a terminating pod at once; the kubelet then stops the containers.
    stopPod(s, ev.t, s.pod.grace);
    return;
  }
  if (sc.kind === 'memoryPressure') {
    emit(s, ev.t, 'memoryPressure', M.memoryPressure());
    note(s, 'info', 'eviction-rank', evictionRank(s));
    if (s.pod.qosClass === 'Guaranteed') { note(s, 'info', 'guaranteed-kept', N.guaranteedKept()); return; }
    note(s, 'info', 'eviction-interval', N.evictionInterval());
    emit(s, ev.t, 'evicted', M.memoryEvicted(s.pod.qosClass, EVICTION_GRACE_SECONDS));
    s.forcedPhase = 'Failed';
    stopPod(s, ev.t, EVICTION_GRACE_SECONDS);
    return;
  }
  if (sc.kind === 'nodeUnreachable') {
    emit(s, ev.t, 'nodeUnreachable', M.nodeUnreachable());
    s.nodeLost = true;
    for (const c of s.cs) {
      c.epoch++;
      if (c.status !== 'done' && c.status !== 'idle') { setSegment(s, c, ev.t, 'unknown', 'NodeUnreachable'); c.status = 'unknown'; }
    }
    schedule(s, { t: ev.t + s.asm.nodeMonitorGraceSeconds, type: 'nodeMarked', c: -1, epoch: 0 });
  }
}

export function onNodeMarked(s: SimState, ev: Ev): void {
  emit(s, ev.t, 'taintAdded', M.taintAdded(), undefined, s.pod.tolerationsSpan);
  // The node lifecycle controller marks the pod's Ready condition False (MarkPodsNotReady).
  if (setCondition(s, 'Ready', false, ev.t)) emit(s, ev.t, 'podNotReady', M.podNotReady());
  const tol = s.pod.unreachableToleration;
  if (tol === null) { note(s, 'info', 'tolerates-forever', N.toleratesForever(), s.pod.tolerationsSpan); return; }
  schedule(s, { t: ev.t + tol, type: 'taintEvict', c: -1, epoch: 0 });
}

export function onTaintEvict(s: SimState, ev: Ev): void {
  s.deletionAt = ev.t;
  emit(s, ev.t, 'evicted', M.taintEvicted(s.pod.unreachableToleration ?? 0), undefined, s.pod.tolerationsSpan);
  note(s, 'info', 'unreachable', N.unreachable());
}
