/**
 * The timeline types, one set for the simulator and the protocol: generic over `Loc`, what a
 * `range` field points at. The simulator fills them with chunk-local offset `Span`s
 * (`Timeline<Span>`), podLens/lifecycle with LSP `Range`s (`Timeline<Range>`, protocol/lifecycle.ts);
 * service/lifecycle.ts converts one into the other. The field names are those of the JSON the
 * server and `pod-lens simulate --format json` print.
 *
 * Every time is in seconds from pod creation (t = 0 is when the API server accepted the pod).
 */
import type { Span } from '../../model/tree';
import type { Scenario, ScenarioKind } from './scenarios/index';

export type { Scenario, ScenarioKind };
export type ProbeKind = 'liveness' | 'readiness' | 'startup';
export type Role = 'init' | 'sidecar' | 'app' | 'ephemeral';

/** Assumed durations (seconds). All are inputs; the result echoes the values used. */
export interface Assumptions {
  /** Scheduler binding the pod to a node. */
  readonly schedulingSeconds: number;
  /** Pod sandbox + CNI network setup. */
  readonly sandboxSeconds: number;
  /** Pulling one image (applies when the pull policy pulls; IfNotPresent assumes a cold node). */
  readonly imagePullSeconds: number;
  /** Runtime create + start of one container. */
  readonly containerStartSeconds: number;
  /** The app inside the container becomes healthy this long after the process started. */
  readonly appStartSeconds: number;
  /** Per-container override of appStartSeconds (by container name). */
  readonly appStartSecondsByContainer: Readonly<Record<string, number>>;
  /** How long an init container (or an app container of a Job) runs before exiting 0. */
  readonly runToCompletionSeconds: number;
  /** How long an exec/http postStart or preStop handler takes (a sleep action takes its own seconds). */
  readonly hookSeconds: number;
  /** How long the app takes to exit after SIGTERM (when it handles SIGTERM). */
  readonly shutdownSeconds: number;
  /** How long a container takes to exit after SIGKILL is sent. */
  readonly killSeconds: number;
  /** Seconds simulated and shown; 0 = chosen from the scenario; capped by the simulator (see notes). */
  readonly horizon: number;
  /** Whether images are already present on the node (IfNotPresent pulls are then skipped). */
  readonly imagesCached: boolean;
  /** kube-controller-manager --node-monitor-grace-period: a silent node is marked Unknown after this. */
  readonly nodeMonitorGraceSeconds: number;
  /** Where probe ticks fall: 'best' = the first tick exactly when probing may begin, 'worst' = just missed. */
  readonly probePhase: 'best' | 'worst';
}

export type SegmentState =
  | 'waiting' | 'pulling' | 'starting' | 'running' | 'probing' | 'ready'
  | 'terminating' | 'backoff' | 'completed' | 'failed'
  /** The node stopped reporting: the API no longer knows what the container does. */
  | 'unknown';

export interface TimelineSegment<Loc> {
  readonly state: SegmentState;
  readonly from: number;
  readonly to: number;
  /** Kubernetes reason where one applies (ContainerCreating, CrashLoopBackOff, Completed, Error, OOMKilled...). */
  readonly reason?: string;
  /** The YAML that causes this segment (a probe, a hook, the image...), if any. */
  readonly range?: Loc;
}

export type EventKind =
  | 'created' | 'scheduled' | 'sandbox' | 'pullStart' | 'pulled' | 'containerStarted'
  | 'postStartDone' | 'probeSuccess' | 'probeFailure' | 'startupSucceeded' | 'ready' | 'notReady'
  | 'exited' | 'restart' | 'backoff' | 'initialized' | 'containersReady' | 'podReady' | 'podNotReady'
  | 'deleteRequested' | 'preStop' | 'sigterm' | 'sigkill' | 'killed' | 'nodeUnreachable' | 'taintAdded'
  | 'evicted' | 'memoryPressure' | 'oomKilled' | 'phase' | 'completed' | 'readinessGate' | 'horizon';

export interface TimelineEvent<Loc> {
  readonly at: number;
  readonly kind: EventKind;
  /** Localized (server locale) sentence. */
  readonly message: string;
  readonly container?: string;
  readonly range?: Loc;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

export interface PhaseBand {
  readonly phase: PodPhase;
  readonly from: number;
  readonly to: number;
  /** deletionTimestamp is set (kubectl shows "Terminating"); the phase stays what it was. */
  readonly terminating?: boolean;
}

/**
 * The pod conditions the kubelet and scheduler set, in the order they turn True. PodReadyToStartContainers
 * (1.29+, PodReadyToStartContainersCondition): True once the sandbox exists with its network
 * (GeneratePodReadyToStartContainersCondition, K: pkg/kubelet/status/generate.go).
 */
export type ConditionType = 'PodScheduled' | 'PodReadyToStartContainers' | 'Initialized' | 'ContainersReady' | 'Ready';

export interface TimelineCondition {
  readonly type: ConditionType;
  /** First time the condition became True, or null if it never did within the horizon. */
  readonly at: number | null;
  /** Time it went back to False (after being True), if it did. */
  readonly lostAt?: number | null;
  /** Every stretch of True, in order (`to` null: still True at the end of the horizon). */
  readonly intervals: readonly { readonly from: number; readonly to: number | null }[];
}

export interface ContainerTimeline<Loc> {
  readonly name: string;
  readonly role: Role;
  /** Index in its list (initContainers / containers / ephemeralContainers). */
  readonly index: number;
  /** First time the container counted as started (postStart done, startupProbe passed), or null. */
  readonly startedAt: number | null;
  /** First time it was ready, or null. */
  readonly readyAt: number | null;
  /** Time its last run ended for good (completed / killed and not restarted), or null. */
  readonly finishedAt: number | null;
  readonly restarts: number;
  readonly exitCode?: number;
  readonly range: Loc;
  readonly segments: readonly TimelineSegment<Loc>[];
  readonly events: readonly TimelineEvent<Loc>[];
}

/** A figure computed from the spec (not from the scenario): best/worst in seconds. */
export interface Bounds {
  readonly best: number;
  readonly worst: number;
}

export interface ProbeFigure<Loc> {
  readonly container: string;
  readonly probe: ProbeKind;
  /** Seconds from the app hanging to the kubelet acting (restart for liveness/startup, NotReady for readiness). */
  readonly hangToAction: Bounds;
  readonly range?: Loc;
}

export interface LifecycleFigures<Loc> {
  /** From pod creation to Ready, given the assumptions; null if the pod never becomes Ready. */
  readonly timeToReady: Bounds | null;
  /** Liveness: hang -> restart. Readiness: hang -> NotReady (per container/probe). */
  readonly hangToRestart: readonly ProbeFigure<Loc>[];
  /** Per container with a startupProbe: seconds the app has to start before it is killed. */
  readonly startupBudget: readonly { readonly container: string; readonly seconds: number; readonly range?: Loc }[];
  /** Delete -> all containers gone, in the worst case (preStop + grace period, sidecars included). */
  readonly worstCaseTermination: number;
  readonly terminationGracePeriodSeconds: number;
  /** Seconds of tolerance to node.kubernetes.io/unreachable (null = tolerates forever). */
  readonly unreachableTolerationSeconds: number | null;
  readonly notReadyTolerationSeconds: number | null;
  readonly qosClass: 'Guaranteed' | 'Burstable' | 'BestEffort';
  /** Where this pod stands in the kubelet's memory-pressure eviction order. */
  readonly evictionRank: string;
}

/** What the scenario picker may offer for this pod. */
export interface AvailableScenarios {
  readonly kinds: readonly ScenarioKind[];
  /** Containers that can exit (init, sidecar and app containers). */
  readonly exitContainers: readonly { readonly name: string; readonly role: Role }[];
  /** Probes defined per container. */
  readonly probes: readonly { readonly container: string; readonly probes: readonly ProbeKind[] }[];
}

export interface TimelineNote<Loc> {
  readonly severity: 'info' | 'warning';
  readonly code: string;
  readonly message: string;
  readonly range?: Loc;
}

export interface TimelinePod<Loc> {
  readonly kind: string;
  readonly name: string | null;
  readonly range: Loc;
}

export interface Timeline<Loc> {
  readonly pod: TimelinePod<Loc>;
  readonly scenario: Scenario;
  readonly assumptions: Assumptions;
  readonly availableScenarios: AvailableScenarios;
  /** Seconds shown (the end of the time axis). */
  readonly horizon: number;
  readonly restartPolicy: 'Always' | 'OnFailure' | 'Never';
  readonly phases: readonly PhaseBand[];
  readonly conditions: readonly TimelineCondition[];
  /** Init containers (incl. sidecars) in spec order, then app containers in spec order. */
  readonly containers: readonly ContainerTimeline<Loc>[];
  /** All events in time order (pod-level and per container). */
  readonly events: readonly TimelineEvent<Loc>[];
  /** Seconds from pod creation to the Ready condition, or null. */
  readonly readyAt: number | null;
  /** When the deletionTimestamp was set (delete or eviction), or null. */
  readonly terminatingAt: number | null;
  readonly figures: LifecycleFigures<Loc>;
  readonly notes: readonly TimelineNote<Loc>[];
  /** True when the event cap or horizon cap cut the simulation short. */
  readonly truncated: boolean;
}

// The simulator's instantiation: ranges are chunk-local offsets.
export type SimTimeline = Timeline<Span>;
export type SimContainerOut = ContainerTimeline<Span>;
export type SimSegment = TimelineSegment<Span>;
export type SimEventOut = TimelineEvent<Span>;
export type SimNote = TimelineNote<Span>;
export type SimFigures = LifecycleFigures<Span>;
export type SimProbeFigure = ProbeFigure<Span>;
