/**
 * Pod timing: the single source of truth for every number Pod Lens shows about probes, restarts and
 * termination. Hovers and the lifecycle simulator both import these functions, so they always agree.
 * Pure: plain numbers in seconds, no model or YAML types except the optional `ProbeModel` adapter.
 *
 * What the kubelet does (pkg/kubelet/prober/worker.go, pkg/kubelet/kuberuntime):
 * - a probe worker ticks every periodSeconds, but runs the next attempt only after the previous
 *   one returned (so attempts are max(periodSeconds, attempt duration) apart); ticks earlier than
 *   initialDelaySeconds after the container started are skipped; liveness and readiness ticks are
 *   skipped until the startup probe has succeeded; a result flips after successThreshold /
 *   failureThreshold consecutive results; a probe that does not answer fails after timeoutSeconds.
 * - a failed liveness or startup probe kills the container (preStop, SIGTERM, grace, SIGKILL);
 *   a failed readiness probe only marks it not ready.
 * https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
 */
import type { ProbeModel } from '../model/pod';

/** A probe's timing fields after API defaulting. */
export interface ProbeTiming {
  readonly initialDelaySeconds: number;
  readonly periodSeconds: number;
  readonly timeoutSeconds: number;
  readonly successThreshold: number;
  readonly failureThreshold: number;
  /** Probe-level grace period for a liveness/startup kill, when set. */
  readonly terminationGracePeriodSeconds?: number;
}

/**
 * SetDefaults_Probe (pkg/apis/core/v1/defaults.go): a missing or zero field gets its default.
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes
 */
export const PROBE_DEFAULTS: Readonly<Omit<ProbeTiming, 'terminationGracePeriodSeconds'>> = {
  initialDelaySeconds: 0,
  periodSeconds: 10,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
};

export type ProbeField = keyof typeof PROBE_DEFAULTS;
export const PROBE_FIELDS: readonly ProbeField[] = ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold'];

function finite(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * Timing from raw values (undefined = omitted). Zero means "default" for the four fields the API
 * server defaults; values the API server would reject (negative) are clamped so that the arithmetic
 * stays meaningful (a rule reports them).
 */
export function probeTimingFrom(raw: Partial<Record<ProbeField, number>> & { terminationGracePeriodSeconds?: number }): ProbeTiming {
  const pick = (k: ProbeField, min: number) => {
    const v = finite(raw[k]);
    if (v === undefined || (v === 0 && k !== 'initialDelaySeconds')) return PROBE_DEFAULTS[k];
    return Math.max(min, Math.floor(v));
  };
  const tgp = finite(raw.terminationGracePeriodSeconds);
  return {
    initialDelaySeconds: pick('initialDelaySeconds', 0),
    periodSeconds: pick('periodSeconds', 1),
    timeoutSeconds: pick('timeoutSeconds', 1),
    successThreshold: pick('successThreshold', 1),
    failureThreshold: pick('failureThreshold', 1),
    ...(tgp !== undefined ? { terminationGracePeriodSeconds: Math.max(0, Math.floor(tgp)) } : {}),
  };
}

/** The model's probe -> timing (defaults applied). */
export function probeTiming(p: ProbeModel): ProbeTiming;
export function probeTiming(p: ProbeModel | undefined): ProbeTiming | undefined;
export function probeTiming(p: ProbeModel | undefined): ProbeTiming | undefined {
  if (!p) return undefined;
  const written = (f: { value: number; node: unknown }) => (f.node === undefined ? undefined : f.value);
  return probeTimingFrom({
    initialDelaySeconds: written(p.initialDelaySeconds),
    periodSeconds: written(p.periodSeconds),
    timeoutSeconds: written(p.timeoutSeconds),
    successThreshold: written(p.successThreshold),
    failureThreshold: written(p.failureThreshold),
    ...(p.terminationGracePeriodSeconds ? { terminationGracePeriodSeconds: p.terminationGracePeriodSeconds.value } : {}),
  });
}

/** An interval of seconds: the best and the worst case given tick alignment. */
export interface Window {
  readonly earliest: number;
  readonly latest: number;
}

/** Assumptions about the application that the spec cannot tell us. */
export interface AppAssumptions {
  /** Seconds from container start until the app answers its probes. Default 0. */
  readonly appStartSeconds?: number;
}

const appStart = (a: AppAssumptions | undefined) => Math.max(0, finite(a?.appStartSeconds) ?? 0);

/**
 * Seconds from container start until a probe first reports `threshold` consecutive successes, for
 * an app that answers from `ready` on and probing that may begin at `from`:
 * earliest = max(initialDelay, from) + (successThreshold - 1) x period (a tick lands exactly then),
 * latest = max(initialDelay, from, appStart) + successThreshold x period (the tick just missed).
 */
function successWindow(p: ProbeTiming, from: Window, ready: number, threshold: number): Window {
  const earliest = Math.max(p.initialDelaySeconds, from.earliest, ready) + (threshold - 1) * p.periodSeconds;
  const latest = Math.max(p.initialDelaySeconds, from.latest, ready) + threshold * p.periodSeconds;
  return { earliest, latest };
}

/**
 * When the container counts as started: at once without a startupProbe; otherwise when the startup
 * probe succeeds (its successThreshold must be 1). Liveness and readiness wait for this.
 * https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/#startup-probe
 */
export function timeToStarted(startup: ProbeTiming | undefined, a?: AppAssumptions): Window {
  if (!startup) return { earliest: 0, latest: 0 };
  return successWindow(startup, { earliest: 0, latest: 0 }, appStart(a), 1);
}

/**
 * When the container becomes Ready, from its start: without a readinessProbe, as soon as it has
 * started; otherwise after successThreshold consecutive readiness successes, which only begin after
 * the startup probe succeeded and initialDelaySeconds passed.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes
 */
export function timeToReady(probes: { readonly startup?: ProbeTiming; readonly readiness?: ProbeTiming }, a?: AppAssumptions): Window {
  const started = timeToStarted(probes.startup, a);
  if (!probes.readiness) return started;
  return successWindow(probes.readiness, started, appStart(a), probes.readiness.successThreshold);
}

/**
 * How a failing probe attempt fails. 'hang': the app accepts but does not answer, so each attempt
 * runs for timeoutSeconds; 'refused': it fails at once (nothing listens yet, an exec check exits
 * non-zero). The lifecycle simulator's app that is not up yet is 'refused'.
 */
export type FailureMode = 'hang' | 'refused';

/**
 * The one function behind every "failure -> action" number (hovers, the panel's figures, the probe
 * rules): seconds from `from` (the moment the probe starts to fail) until the kubelet acts, after
 * failureThreshold consecutive failed attempts.
 *
 * worker.run (pkg/kubelet/prober/worker.go) loops `for w.doProbe(ctx) { <-probeTicker.C }`:
 * doProbe blocks for the whole attempt (up to timeoutSeconds), and a Go ticker keeps one tick
 * for a slow reader, so attempts start max(periodSeconds, attempt duration) apart. The first
 * failing attempt starts 0..periodSeconds after `from` (where the tick falls); the decision comes
 * when the last failing attempt returns:
 * earliest = from + (failureThreshold - 1) x max(period, d) + d,
 * latest = earliest + period, with d = timeoutSeconds for a hang, 0 when refused.
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes
 */
export function failureWindow(p: ProbeTiming, from: number, mode: FailureMode): Window {
  const d = mode === 'hang' ? p.timeoutSeconds : 0;
  const decision = (p.failureThreshold - 1) * Math.max(p.periodSeconds, d) + d;
  return { earliest: from + decision, latest: from + p.periodSeconds + decision };
}

/**
 * From the moment a running app hangs until the kubelet acts on the probe: kills the container
 * (liveness) or marks it not ready (readiness). failureWindow with a hang.
 */
export function hangToAction(p: ProbeTiming): Window {
  return failureWindow(p, 0, 'hang');
}

/** Seconds from a readiness failure (the app stops answering) until the container is removed from endpoints. */
export function hangToNotReady(p: ProbeTiming): Window {
  return hangToAction(p);
}

/**
 * When a container whose app never comes up is killed, from its start, by a startupProbe (or a
 * liveness probe without one): failures begin with the first tick after initialDelaySeconds.
 * 'refused' (the default, what the simulator does for an app that is not up): nothing answers;
 * 'hang': the app accepts but never answers, each attempt takes timeoutSeconds.
 */
export function neverUpKill(p: ProbeTiming, mode: FailureMode = 'refused'): Window {
  return failureWindow(p, p.initialDelaySeconds, mode);
}

/**
 * Seconds the startup probe allows the app to start: initialDelaySeconds + failureThreshold x
 * periodSeconds, the documented formula and the latest never-up kill of an app that refuses
 * connections (neverUpKill). An app that hangs instead gets neverUpKill(p, 'hang').
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-startup-probes
 */
export function startupBudget(startup: ProbeTiming): number {
  return neverUpKill(startup, 'refused').latest;
}

/**
 * The grace period used when a liveness or startup probe kills the container: the probe-level
 * terminationGracePeriodSeconds when set, else the pod's.
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#probe-level-terminationgraceperiodseconds
 */
export function probeKillGracePeriod(p: ProbeTiming, podGraceSeconds: number): number {
  return p.terminationGracePeriodSeconds ?? Math.max(0, podGraceSeconds);
}

/** The kubelet's container restart back-off (MaxContainerBackOff, backOffPeriod in pkg/kubelet). */
export interface BackoffPolicy {
  readonly initialSeconds: number;
  readonly maxSeconds: number;
  /** A container that ran this long without exiting starts again from the initial delay. */
  readonly resetAfterSeconds: number;
}

/**
 * 10 s doubling, capped at 300 s, reset after 10 minutes of running.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restarts
 */
export const BACKOFF_DEFAULTS: BackoffPolicy = { initialSeconds: 10, maxSeconds: 300, resetAfterSeconds: 600 };

/**
 * Seconds the kubelet waits before restart number `n` (1 = first restart) of a container that keeps
 * exiting. The first restart is immediate (no back-off entry exists yet, doBackOff in kuberuntime);
 * then initial, doubling, capped: 0, 10, 20, 40, 80, 160, 300, 300, ...
 */
export function restartDelay(n: number, policy: BackoffPolicy = BACKOFF_DEFAULTS): number {
  if (!(n > 1)) return 0;
  let d = policy.initialSeconds;
  for (let i = 2; i < n && d < policy.maxSeconds; i++) d *= 2;
  return Math.min(d, policy.maxSeconds);
}

/** The back-off delays (without the immediate first restart) until the cap: 10, 20, 40, 80, 160, 300. */
export function backoffSequence(policy: BackoffPolicy = BACKOFF_DEFAULTS): number[] {
  const out: number[] = [];
  for (let n = 2; out.length < 32; n++) {
    const d = restartDelay(n, policy);
    out.push(d);
    if (d >= policy.maxSeconds) break;
  }
  return out;
}

/** The kubelet's back-off entry for one container (a flowcontrol.Backoff item). */
export interface BackoffState {
  /** The current back-off delay (seconds). */
  readonly delay: number;
  /** When the entry was last moved on (the time of the last restart). */
  readonly lastUpdate: number;
}

/**
 * One restart decision, as doBackOff (pkg/kubelet/kuberuntime/kuberuntime_container.go) drives
 * flowcontrol.Backoff (client-go/util/flowcontrol/backoff.go) for a container that exited at
 * `finishedAt`: while `finishedAt + delay` has not passed the container waits (CrashLoopBackOff);
 * an entry whose lastUpdate is more than resetAfterSeconds (2 x max) before `finishedAt` counts as
 * expired (the container had been running stably), so the restart is immediate and the delay starts
 * over. At the restart the entry moves on: initial delay when new or expired, else doubled, capped;
 * lastUpdate = the restart time. Crashing at once every time gives restartDelay(n): 0, 10, 20, 40...
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restarts
 */
export function nextRestart(state: BackoffState | undefined, finishedAt: number, policy: BackoffPolicy = BACKOFF_DEFAULTS): { readonly at: number; readonly waited: number; readonly state: BackoffState } {
  const expired = !state || finishedAt - state.lastUpdate > policy.resetAfterSeconds;
  const at = expired ? finishedAt : Math.max(finishedAt, finishedAt + state.delay);
  const delay = expired ? policy.initialSeconds : Math.min(state.delay * 2, policy.maxSeconds);
  return { at, waited: at - finishedAt, state: { delay, lastUpdate: at } };
}

/**
 * The time a probe worker first probes after `allowedFrom` (the moment probing may begin, e.g. the
 * startup probe succeeded), on a tick grid of `periodSeconds`. 'best': a tick lands exactly then
 * (timeToReady's earliest); 'worst': the tick was just missed, one period later (its latest).
 */
export function firstProbeTick(p: ProbeTiming, containerStart: number, allowedFrom: number, phase: 'best' | 'worst'): number {
  const from = Math.max(containerStart + p.initialDelaySeconds, allowedFrom);
  return phase === 'best' ? from : from + p.periodSeconds;
}

/** The kubelet never gives a container less than this after preStop (minimumGracePeriodInSeconds). */
export const MIN_STOP_GRACE_SECONDS = 2;

export interface TerminatingContainer {
  readonly name: string;
  /** Sidecars (restartable init containers) stop after every app container, in reverse spec order. */
  readonly role: 'app' | 'sidecar';
  /** Assumed duration of the preStop hook (0 or undefined: none). */
  readonly preStopSeconds?: number;
  /** Assumed seconds from SIGTERM to exit; undefined: ignores SIGTERM (e.g. `sh -c` as PID 1) and is killed. */
  readonly exitAfterSigtermSeconds?: number;
}

export interface ContainerTermination {
  readonly name: string;
  readonly role: 'app' | 'sidecar';
  /** preStop runs from 0 to preStopEnd (capped at the grace period). */
  readonly preStopEnd: number;
  readonly sigterm: number;
  /** SIGKILL is sent at this time if the container has not exited. */
  readonly sigkillDeadline: number;
  readonly exit: number;
  readonly killed: boolean;
}

/**
 * Pod termination (killContainer in pkg/kubelet/kuberuntime/kuberuntime_container.go), times from
 * the deletion: every container runs its preStop hook at once (at most the grace period), the time
 * it took is subtracted; a sidecar then waits until every app container and every later sidecar has
 * exited, which also comes out of its grace; SIGTERM follows with what is left, at least 2 s, then
 * SIGKILL.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle
 */
export function terminationTimeline(graceSeconds: number, containers: readonly TerminatingContainer[]): ContainerTermination[] {
  const grace = Math.max(0, finite(graceSeconds) ?? 30);
  const out = new Map<number, ContainerTermination>();
  const stop = (c: TerminatingContainer, waitUntil: number): ContainerTermination => {
    const preStopEnd = Math.min(grace, Math.max(0, finite(c.preStopSeconds) ?? 0));
    let remaining = grace - preStopEnd;
    let start = preStopEnd;
    if (waitUntil > start && remaining > 0) {
      const waited = Math.min(remaining, waitUntil - start);
      start += waited;
      remaining -= Math.floor(waited);
    }
    const window = Math.max(remaining, MIN_STOP_GRACE_SECONDS);
    const exitAfter = finite(c.exitAfterSigtermSeconds);
    const killed = exitAfter === undefined || exitAfter >= window;
    return { name: c.name, role: c.role, preStopEnd, sigterm: start, sigkillDeadline: start + window, exit: start + (killed ? window : Math.max(0, exitAfter!)), killed };
  };
  let appsDone = 0;
  containers.forEach((c, i) => {
    if (c.role !== 'app') return;
    const t = stop(c, 0);
    out.set(i, t);
    appsDone = Math.max(appsDone, t.exit);
  });
  // Sidecars in reverse: each waits for the apps and the sidecars declared after it.
  let laterDone = appsDone;
  for (let i = containers.length - 1; i >= 0; i--) {
    const c = containers[i]!;
    if (c.role !== 'sidecar') continue;
    const t = stop(c, laterDone);
    out.set(i, t);
    laterDone = Math.max(laterDone, t.exit);
  }
  return containers.map((_, i) => out.get(i)!);
}

/**
 * Seconds from a liveness/startup kill decision until SIGKILL at the latest: the container's preStop
 * hook and then SIGTERM, within the probe-level (else the pod's) grace period, and never less than
 * MIN_STOP_GRACE_SECONDS after SIGTERM (terminationTimeline for a single container).
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#probe-level-terminationgraceperiodseconds
 */
export function probeKillDeadline(p: ProbeTiming, podGraceSeconds: number, preStopSeconds = 0): number {
  return terminationTimeline(probeKillGracePeriod(p, podGraceSeconds), [{ name: '', role: 'app', preStopSeconds }])[0]!.sigkillDeadline;
}

/**
 * The grace period the kubelet uses when it kills the whole pod (deletion, eviction):
 * calculateEffectiveGracePeriod (pkg/kubelet/pod_workers.go) gives "no matter what" at least 1 s,
 * so terminationGracePeriodSeconds 0 still runs preStop for up to 1 s and SIGKILLs about 3 s
 * later (killContainer's 2 s minimum). A liveness/startup kill does not go through it: it uses
 * probeKillGracePeriod as is (0: no preStop, SIGKILL 2 s after SIGTERM).
 */
export function kubeletPodGrace(graceSeconds: number): number {
  return Math.max(1, finite(graceSeconds) ?? 30);
}

/** Seconds until the last container of the pod has exited. */
export function terminationTotal(timeline: readonly ContainerTermination[]): number {
  return timeline.reduce((m, t) => Math.max(m, t.exit), 0);
}

/**
 * The default tolerations the DefaultTolerationSeconds admission plugin adds for
 * node.kubernetes.io/not-ready and /unreachable (NoExecute): the pod stays bound this long.
 * https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions
 */
export const DEFAULT_TOLERATION_SECONDS = 300;
