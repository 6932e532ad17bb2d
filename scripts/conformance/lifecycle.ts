/**
 * Lifecycle numbers: Pod Lens's server/src/analysis/timing.ts against `reference -lifecycle` (the
 * kubelet's crash-loop back-off with the release's feature gates, probe defaults from the create
 * path's defaulting, the default and deletion grace periods).
 */
import { crashLoopPolicy, observedBackoff } from '../../server/src/analysis/observed/backoff';
import type { ObservedContainerStatus } from '../../server/src/analysis/observed/status';
import { kubeVersionOrLatest } from '../../server/src/model/version';
import { BACKOFF_DEFAULTS, backoffSequence, nextRestart, PROBE_DEFAULTS, probeTimingFrom, terminationTimeline } from '../../server/src/analysis/timing';

export interface ReferenceLifecycle {
  kubernetes: string;
  backoff: { gates: Record<string, boolean>; initialSeconds: number; maxSeconds: number; resetAfterSeconds: number; sequence: number[]; afterLongRunWait: number; afterLongRunDelay: number };
  probeDefaults: Record<string, number> | null;
  probeDefaultsZero: Record<string, number> | null;
  gracePeriod: { defaultTerminationGracePeriodSeconds?: number; deleteGracePeriodSeconds?: number };
}

export interface LifecycleDifference { what: string; reference: string; podLens: string; responsible: string }

const show = (v: unknown) => JSON.stringify(v);

/**
 * A container in CrashLoopBackOff after `restarts` restarts of runs `ranSeconds` long, as its status shows it
 * (no waiting message, so the back-off comes from restartCount under the version's policy).
 */
function crashLooping(restarts: number, ranSeconds: number): ObservedContainerStatus {
  const span = { start: 0, end: 0 };
  const finishedAt = 1_000_000_000;
  const terminated = { exitCode: 1, signal: undefined, reason: 'Error', message: undefined, startedAt: finishedAt - ranSeconds * 1000, finishedAt, span };
  return {
    name: 'c', list: 'containers', index: 0, span, nameSpan: span, ready: false, started: false, restartCount: restarts, restartCountSpan: span,
    state: { kind: 'waiting', reason: 'CrashLoopBackOff', message: undefined, startedAt: undefined, terminated: undefined, span, reasonSpan: span },
    lastState: { kind: 'terminated', reason: 'Error', message: undefined, startedAt: terminated.startedAt, terminated, span, reasonSpan: span },
  };
}

export function compareLifecycle(ref: ReferenceLifecycle, version?: string): LifecycleDifference[] {
  const out: LifecycleDifference[] = [];
  const check = (what: string, r: unknown, p: unknown, responsible: string) => {
    if (show(r) !== show(p)) out.push({ what, reference: show(r), podLens: show(p), responsible });
  };
  const kubelet = `pkg/kubelet newCrashLoopBackOff + client-go flowcontrol.Backoff (gates ${show(ref.backoff.gates)})`;
  check('back-off initial seconds', ref.backoff.initialSeconds, BACKOFF_DEFAULTS.initialSeconds, kubelet);
  check('back-off max seconds', ref.backoff.maxSeconds, BACKOFF_DEFAULTS.maxSeconds, kubelet);
  check('back-off reset after seconds', ref.backoff.resetAfterSeconds, BACKOFF_DEFAULTS.resetAfterSeconds, 'pkg/kubelet NewMainKubelet crashLoopBackOff.HasExpiredFunc');
  check('back-off sequence', ref.backoff.sequence, backoffSequence(), kubelet);
  // A container that exits again after running 601 s past its last restart starts from the initial delay.
  let state = nextRestart(undefined, 0).state;
  for (let i = 0; i < 8; i++) state = nextRestart(state, state.lastUpdate).state;
  const long = nextRestart(state, state.lastUpdate + ref.backoff.resetAfterSeconds + 1);
  check('back-off: wait after a long run', ref.backoff.afterLongRunWait, long.waited, 'pkg/kubelet/kuberuntime doBackOff (flowcontrol IsInBackOffSince)');
  check('back-off: delay after a long run', ref.backoff.afterLongRunDelay, long.state.delay, kubelet);
  // An observed pod (analysis/observed/backoff.ts): the policy of the target version, and the wait of a container
  // in CrashLoopBackOff after r restarts = the entry after r calls of Next (reference sequence[r - 1]).
  const v = kubeVersionOrLatest(version ?? ref.kubernetes);
  const policy = crashLoopPolicy(v);
  check('observed: crash-loop policy', { initial: ref.backoff.initialSeconds, max: ref.backoff.maxSeconds, reset: ref.backoff.resetAfterSeconds }, { initial: policy.initialSeconds, max: policy.maxSeconds, reset: policy.resetAfterSeconds }, kubelet);
  check('observed: back-off after r restarts', ref.backoff.sequence, ref.backoff.sequence.map((_, i) => observedBackoff(crashLooping(i + 1, 1), v)?.seconds), 'pkg/kubelet/kuberuntime doBackOff + flowcontrol.Backoff');
  check('observed: back-off after a long run', ref.backoff.afterLongRunWait, observedBackoff(crashLooping(8, ref.backoff.resetAfterSeconds + 1), v)?.seconds, 'pkg/kubelet NewMainKubelet crashLoopBackOff.HasExpiredFunc');
  const fields = ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold'] as const;
  const pick = (o: Record<string, number>) => Object.fromEntries(fields.map((f) => [f, o[f]]));
  check('probe defaults (fields omitted)', ref.probeDefaults && pick(ref.probeDefaults), pick({ ...PROBE_DEFAULTS }), 'pkg/apis/core/v1 SetDefaults_Probe');
  check('probe defaults (fields set to 0)', ref.probeDefaultsZero && pick(ref.probeDefaultsZero), pick({ ...probeTimingFrom({ initialDelaySeconds: 0, periodSeconds: 0, timeoutSeconds: 0, successThreshold: 0, failureThreshold: 0 }) }), 'pkg/apis/core/v1 SetDefaults_Probe');
  // terminationTimeline(NaN) falls back to the pod default grace period.
  const podLensDefaultGrace = terminationTimeline(Number.NaN, [{ name: 'c', role: 'app', preStopSeconds: 0 }])[0]!.sigkillDeadline;
  check('default terminationGracePeriodSeconds', ref.gracePeriod.defaultTerminationGracePeriodSeconds, podLensDefaultGrace, 'pkg/apis/core/v1 SetDefaults_PodSpec');
  return out;
}
