/**
 * The simulator's own types: the timeline of protocol/lifecycle.ts with chunk-local `Span`s where the
 * protocol has LSP `Range`s (the service converts). Kept structurally parallel to the protocol so the
 * service's conversion is checked by the compiler.
 */
import type { Span } from '../../model/tree';

export type ProbeKind = 'liveness' | 'readiness' | 'startup';
export type Role = 'init' | 'sidecar' | 'app' | 'ephemeral';

/** What happens to the pod. `at` = seconds from pod creation. */
export type Scenario =
  | { readonly kind: 'happy' }
  /** The named container's process exits with `exitCode` at `at` (and again on every later run). */
  | { readonly kind: 'exit'; readonly container: string; readonly exitCode: number; readonly at: number }
  /** From `at` on, every attempt of that probe of that container fails (the app hangs / is unhealthy). */
  | { readonly kind: 'probeFailure'; readonly container: string; readonly probe: ProbeKind; readonly at: number }
  /** `kubectl delete pod` (graceful, the pod's terminationGracePeriodSeconds) at `at`. */
  | { readonly kind: 'delete'; readonly at: number }
  /** The node stops reporting at `at`; taint-based eviction after the pod's tolerationSeconds. */
  | { readonly kind: 'nodeUnreachable'; readonly at: number }
  /** The node reaches the kubelet memory eviction threshold at `at`. */
  | { readonly kind: 'memoryPressure'; readonly at: number };

export type ScenarioKind = Scenario['kind'];

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
export const SCENARIO_KINDS: readonly ScenarioKind[] = ['happy', 'exit', 'probeFailure', 'delete', 'nodeUnreachable', 'memoryPressure'];


export type SegmentState =
  | 'waiting' | 'pulling' | 'starting' | 'running' | 'probing' | 'ready'
  | 'terminating' | 'backoff' | 'completed' | 'failed'
  /** The node stopped reporting: the API no longer knows what the container does. */
  | 'unknown';

export type EventKind =
  | 'created' | 'scheduled' | 'sandbox' | 'pullStart' | 'pulled' | 'containerStarted'
  | 'postStartDone' | 'probeSuccess' | 'probeFailure' | 'startupSucceeded' | 'ready' | 'notReady'
  | 'exited' | 'restart' | 'backoff' | 'initialized' | 'containersReady' | 'podReady' | 'podNotReady'
  | 'deleteRequested' | 'preStop' | 'sigterm' | 'sigkill' | 'killed' | 'nodeUnreachable' | 'taintAdded'
  | 'evicted' | 'memoryPressure' | 'oomKilled' | 'phase' | 'completed' | 'readinessGate' | 'horizon';

export interface SimSegment { readonly state: SegmentState; readonly from: number; readonly to: number; readonly reason?: string; readonly span?: Span }
export interface SimEventOut { readonly at: number; readonly kind: EventKind; readonly container?: string; readonly message: string; readonly span?: Span }
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';
export interface SimPhase { readonly phase: PodPhase; readonly from: number; readonly to: number; readonly terminating?: boolean }
export type ConditionType = 'PodScheduled' | 'Initialized' | 'ContainersReady' | 'Ready';
export interface SimCondition { readonly type: ConditionType; readonly at: number | null; readonly lostAt?: number | null; readonly intervals: readonly { readonly from: number; readonly to: number | null }[] }

export interface SimContainerOut {
  readonly name: string;
  readonly role: Role;
  readonly index: number;
  readonly span: Span;
  readonly startedAt: number | null;
  readonly readyAt: number | null;
  readonly finishedAt: number | null;
  readonly restarts: number;
  readonly exitCode?: number;
  readonly segments: readonly SimSegment[];
  readonly events: readonly SimEventOut[];
}

export interface Bounds { readonly best: number; readonly worst: number }
export interface SimProbeFigure { readonly container: string; readonly probe: ProbeKind; readonly hangToAction: Bounds; readonly span?: Span }

export interface SimFigures {
  readonly timeToReady: Bounds | null;
  readonly hangToRestart: readonly SimProbeFigure[];
  readonly startupBudget: readonly { readonly container: string; readonly seconds: number; readonly span?: Span }[];
  readonly worstCaseTermination: number;
  readonly terminationGracePeriodSeconds: number;
  readonly unreachableTolerationSeconds: number | null;
  readonly notReadyTolerationSeconds: number | null;
  readonly qosClass: 'Guaranteed' | 'Burstable' | 'BestEffort';
  readonly evictionRank: string;
}

export interface SimAvailable {
  readonly kinds: readonly ScenarioKind[];
  readonly exitContainers: readonly { readonly name: string; readonly role: Role }[];
  readonly probes: readonly { readonly container: string; readonly probes: readonly ProbeKind[] }[];
}

export interface SimNote { readonly severity: 'info' | 'warning'; readonly code: string; readonly message: string; readonly span?: Span }

export interface SimTimeline {
  readonly kind: string;
  readonly name: string | null;
  readonly span: Span;
  readonly scenario: Scenario;
  readonly assumptions: Assumptions;
  readonly availableScenarios: SimAvailable;
  readonly horizon: number;
  readonly restartPolicy: 'Always' | 'OnFailure' | 'Never';
  readonly phases: readonly SimPhase[];
  readonly conditions: readonly SimCondition[];
  readonly containers: readonly SimContainerOut[];
  readonly events: readonly SimEventOut[];
  readonly readyAt: number | null;
  readonly terminatingAt: number | null;
  readonly figures: SimFigures;
  readonly notes: readonly SimNote[];
  readonly truncated: boolean;
}
