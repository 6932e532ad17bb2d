/** The sentences the engine shows, localized (l10n/parts/lifecycle.zh-cn.json); each scenario keeps its own (scenarios/). */
import * as l10n from '@vscode/l10n';
import type { ProbeKind } from './types';

/** A probe kind as words inside a sentence ("liveness probe", 存活探针): the kind itself stays English only in field names. */
export function probeName(probe: ProbeKind): string {
  return probe === 'liveness' ? l10n.t('liveness probe') : probe === 'readiness' ? l10n.t('readiness probe') : l10n.t('startup probe');
}

export const M = {
  created: () => l10n.t('Pod created (accepted by the API server).'),
  scheduled: () => l10n.t('Scheduled to a node: PodScheduled.'),
  sandbox: () => l10n.t('Pod sandbox and network are ready.'),
  pullStart: (image: string, policy: string) => l10n.t('Pulling image {0} (imagePullPolicy {1}).', image, policy),
  pulled: (image: string) => l10n.t('Image {0} pulled.', image),
  processStarted: (hook: boolean) => (hook ? l10n.t('Container process started; the postStart hook runs.') : l10n.t('Container process started.')),
  postStartDone: () => l10n.t('postStart hook finished: the container is Running.'),
  startupSucceeded: () => l10n.t('startupProbe succeeded: the container counts as started.'),
  started: () => l10n.t('The container counts as started.'),
  probeFailed: (probe: ProbeKind, n: number, of: number) => l10n.t('{0} failed ({1} of {2}).', probeName(probe), n, of),
  ready: () => l10n.t('Container is ready.'),
  notReady: (n: number) => l10n.t('Container is not ready: its readiness probe failed {0} times in a row.', n),
  exited: (code: number) => l10n.t('Exited with code {0}.', code),
  completed: () => l10n.t('Completed (exit code 0).'),
  restart: (n: number) => l10n.t('Restarted (restart {0}).', n),
  backoff: (seconds: number) => l10n.t('CrashLoopBackOff: the kubelet waits {0} s before starting it again.', seconds),
  notRestarted: (policy: string) => l10n.t('Not restarted (restartPolicy {0}).', policy),
  initialized: () => l10n.t('All init containers are done: Initialized.'),
  containersReady: () => l10n.t('All containers are ready: ContainersReady.'),
  podReady: () => l10n.t('The pod is Ready and receives traffic from Services.'),
  podNotReady: () => l10n.t('The pod is no longer Ready: it is removed from Service endpoints.'),
  preStop: () => l10n.t('preStop hook starts.'),
  sigterm: () => l10n.t('SIGTERM sent.'),
  sigtermIgnored: () => l10n.t('SIGTERM sent; the shell running as PID 1 ignores it.'),
  sigkill: () => l10n.t('SIGKILL sent: the grace period ran out.'),
  probeKill: (probe: ProbeKind, n: number, grace: number) => l10n.t('The kubelet kills the container: its {0} failed {1} times (grace period {2} s).', probeName(probe), n, grace),
  phase: (p: string) => l10n.t('Pod phase: {0}.', p),
  readinessGates: (names: string) => l10n.t('Readiness gates ({0}) are assumed True as soon as the containers are ready.', names),
  sidecarStop: () => l10n.t('The regular containers have finished: the kubelet stops the sidecars.'),
  initFailedNever: () => l10n.t('An init container failed and restartPolicy is Never: the pod fails.'),
  horizonReached: () => l10n.t('End of the simulated time.'),
};

export const N = {
  shellPid1: (name: string, grace: number) => l10n.t('{0} runs a "-c" shell script whose last command is not started with exec: the simulation assumes the shell stays PID 1 (dash, the sh of Debian and Ubuntu, always does; bash and busybox sh do for some scripts) and ignores SIGTERM, so every stop waits the full grace period ({1} s) and ends in SIGKILL. Start the last command with exec.', name, grace),
  probePhaseBest: () => l10n.t('Probe ticks are placed in the best case (a tick exactly when probing may begin); the Time to Ready figure also gives the worst case.'),
  probePhaseWorst: () => l10n.t('Probe ticks are placed in the worst case (each first tick just missed).'),
  sequential: () => l10n.t('The kubelet starts the containers of one sync one after another: each image pull and postStart hook delays the next container.'),
  truncated: (n: number) => l10n.t('The simulation was cut short after {0} steps; later events are not shown.', n),
  dropped: (kept: number, more: number) => l10n.t('Only the first {0} containers are simulated ({1} more are not shown).', kept, more),
  ephemeral: () => l10n.t('Ephemeral containers are added at run time (kubectl debug) and are not simulated.'),
  noContainer: (name: string) => l10n.t('The scenario names container "{0}", which this pod does not have: nothing fails.', name),
  gates: (names: string) => l10n.t('This pod has readiness gates ({0}); other controllers set their conditions. The simulation assumes they turn True at once.', names),
  rankBestEffort: () => l10n.t('Under memory pressure the kubelet evicts first the pods whose memory use is above their request, lower priority first, then those furthest above it; the QoS class is not a rank. This BestEffort pod requests no memory, so any use counts as above its request. Its containers get oom_score_adj 1000: the kernel\'s OOM killer picks them first.'),
  rankBurstable: () => l10n.t('Under memory pressure the kubelet evicts first the pods whose memory use is above their request, lower priority first, then those furthest above it; the QoS class is not a rank. This Burstable pod is among the first candidates whenever it uses more memory than it requests, even before a BestEffort pod of the same priority that uses less. Its containers get an oom_score_adj between 3 and 999 (higher for a smaller memory request).'),
  rankGuaranteed: () => l10n.t('Under memory pressure the kubelet evicts first the pods whose memory use is above their request, lower priority first, then those furthest above it; the QoS class is not a rank. This Guaranteed pod cannot use more than it requests (its limit), so it ranks after every pod above its request; among the pods below, lower priority goes first. Its containers get oom_score_adj -997: the OOM killer picks them last.'),
  jobSidecars: () => l10n.t('In a Job the sidecars do not keep the pod running: the kubelet stops them once the regular containers have finished.'),
  horizonCapped: (seconds: number) => l10n.t('The time shown is capped at {0} s.', seconds),
  noApps: () => l10n.t('The pod has no app containers: it never becomes Ready.'),
};

/**
 * Where a pod of this QoS class stands under memory pressure: rankMemoryPressure
 * (pkg/kubelet/eviction/helpers.go) orders by usage above the memory request, then priority, then
 * usage - request; QoS only sets the OOM score (GetContainerOOMScoreAdjust, pkg/kubelet/qos/policy.go).
 */
export function evictionRank(qos: 'Guaranteed' | 'Burstable' | 'BestEffort'): string {
  return qos === 'BestEffort' ? N.rankBestEffort() : qos === 'Burstable' ? N.rankBurstable() : N.rankGuaranteed();
}
