/**
 * The crash-loop back-off of an observed container, as the kubelet of the target version computes it.
 *
 * newCrashLoopBackOff (pkg/kubelet/kubelet.go) picks the policy: 10 s initial and MaxContainerBackOff
 * (300 s) as the cap; ReduceDefaultCrashLoopBackOffDecay (off by default in every supported release)
 * makes it 1 s / 60 s; KubeletCrashLoopBackOffMax (on from 1.35) takes the cap from the kubelet
 * configuration, whose default (crashLoopBackOff.maxContainerRestartPeriod, SetDefaults_KubeletConfiguration)
 * is MaxContainerBackOff again, and lowers the initial delay to the cap when the cap is smaller.
 * HasExpiredFunc (same file) resets an entry whose last update is more than 600 s before the exit.
 *
 * doBackOff (pkg/kubelet/kuberuntime/kuberuntime_manager.go) keeps the container waiting while
 * now - lastState.terminated.finishedAt < the entry's back-off, writes "back-off <d> restarting failed
 * container=..." as the waiting message and requeues the pod at finishedAt + back-off; flowcontrol.Backoff
 * (client-go/util/flowcontrol/backoff.go, no jitter) doubles the entry at every restart, capped.
 */
import { featureEnabled } from '../../model/version';
import type { KubeVersion } from '../../model/version';
import { BACKOFF_DEFAULTS, restartDelay } from '../timing';
import type { BackoffPolicy } from '../timing';
import type { ObservedContainerStatus } from './status';
import { parseGoDuration } from './time';

/** kubelet.go reducedInitialCrashLoopBackOff / reducedMaxCrashLoopBackOff. */
const REDUCED = { initialSeconds: 1, maxSeconds: 60 };
/** kubelet.go: HasExpiredFunc = eventTime - lastUpdate > 600 s (1.34 to 1.37). */
const RESET_AFTER_SECONDS = 600;

/** The kubelet's crash-loop policy at its defaults for a target version. */
export function crashLoopPolicy(version: KubeVersion): BackoffPolicy {
  let initialSeconds = BACKOFF_DEFAULTS.initialSeconds;
  let maxSeconds = BACKOFF_DEFAULTS.maxSeconds;
  if (featureEnabled(version, 'ReduceDefaultCrashLoopBackOffDecay')) ({ initialSeconds, maxSeconds } = REDUCED);
  if (featureEnabled(version, 'KubeletCrashLoopBackOffMax')) {
    // The configured cap; its default is MaxContainerBackOff (300 s).
    maxSeconds = BACKOFF_DEFAULTS.maxSeconds;
    if (maxSeconds < initialSeconds) initialSeconds = maxSeconds;
  }
  return { initialSeconds, maxSeconds, resetAfterSeconds: RESET_AFTER_SECONDS };
}

export interface ObservedBackoff {
  /** The back-off the container waits now (seconds). */
  readonly seconds: number;
  /** lastState.terminated.finishedAt + seconds (ms), when finishedAt is known. */
  readonly nextRestartAt: number | undefined;
  /** Where the number comes from: the kubelet's own waiting message, or restartCount under the policy. */
  readonly source: 'message' | 'restartCount' | 'reset';
  /** What restartCount under the policy gives (for a disagreement note). */
  readonly computed: number | undefined;
  readonly policy: BackoffPolicy;
}

/** "back-off 2m40s restarting failed container=app pod=..." -> 160. */
export function backoffFromMessage(message: string | undefined): number | undefined {
  const m = /^back-off (\S+) restarting failed container/.exec(message ?? '');
  return m ? parseGoDuration(m[1]!) : undefined;
}

/**
 * For a container in CrashLoopBackOff: with restartCount r, the entry has been moved on r times
 * (10 s at the first restart, then doubled), so the wait now is restartDelay(r + 1). A last run longer
 * than the reset window means the entry had expired: the restart is immediate.
 */
export function observedBackoff(cs: ObservedContainerStatus, version: KubeVersion): ObservedBackoff | undefined {
  if (cs.state?.kind !== 'waiting' || cs.state.reason !== 'CrashLoopBackOff') return undefined;
  const policy = crashLoopPolicy(version);
  const last = cs.lastState?.terminated;
  const finishedAt = last?.finishedAt;
  const ranSeconds = last?.startedAt !== undefined && finishedAt !== undefined ? (finishedAt - last.startedAt) / 1000 : undefined;
  const computed = cs.restartCount !== undefined ? restartDelay(cs.restartCount + 1, policy) : undefined;
  const fromMessage = backoffFromMessage(cs.state.message);
  let seconds: number | undefined;
  let source: ObservedBackoff['source'];
  if (fromMessage !== undefined) { seconds = fromMessage; source = 'message'; }
  else if (ranSeconds !== undefined && ranSeconds > policy.resetAfterSeconds) { seconds = 0; source = 'reset'; }
  else if (computed !== undefined) { seconds = computed; source = 'restartCount'; }
  else return undefined;
  return { seconds, nextRestartAt: finishedAt !== undefined ? finishedAt + seconds * 1000 : undefined, source, computed, policy };
}

/** For a running container that has restarted: the wait if it exits within the reset window of its start. */
export function backoffIfItExits(cs: ObservedContainerStatus, version: KubeVersion): { seconds: number; resetAt: number | undefined } | undefined {
  if (cs.state?.kind !== 'running' || !cs.restartCount) return undefined;
  const policy = crashLoopPolicy(version);
  const start = cs.state.startedAt;
  return { seconds: restartDelay(cs.restartCount + 1, policy), resetAt: start !== undefined ? start + policy.resetAfterSeconds * 1000 : undefined };
}
