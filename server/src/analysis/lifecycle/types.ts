/**
 * The simulator's own types: the timeline of protocol/lifecycle.ts with chunk-local `Span`s where the
 * protocol has LSP `Range`s (the service converts). Kept structurally parallel to the protocol so the
 * service's conversion is checked by the compiler.
 */
import type { Span } from '../../model/tree';

export type ProbeKind = 'liveness' | 'readiness' | 'startup';
export type Role = 'init' | 'sidecar' | 'app' | 'ephemeral';

export type Scenario =
  | { readonly kind: 'happy' }
  | { readonly kind: 'exit'; readonly container: string; readonly exitCode: number; readonly at: number }
  | { readonly kind: 'probeFailure'; readonly container: string; readonly probe: ProbeKind; readonly at: number }
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'nodeUnreachable'; readonly at: number }
  | { readonly kind: 'memoryPressure'; readonly at: number };
export type ScenarioKind = Scenario['kind'];
export const SCENARIO_KINDS: readonly ScenarioKind[] = ['happy', 'exit', 'probeFailure', 'delete', 'nodeUnreachable', 'memoryPressure'];

export interface Assumptions {
  readonly schedulingSeconds: number;
  readonly sandboxSeconds: number;
  readonly imagePullSeconds: number;
  readonly containerStartSeconds: number;
  readonly appStartSeconds: number;
  readonly appStartSecondsByContainer: Readonly<Record<string, number>>;
  readonly runToCompletionSeconds: number;
  readonly hookSeconds: number;
  readonly shutdownSeconds: number;
  readonly killSeconds: number;
  /** 0 = chosen from the scenario. */
  readonly horizon: number;
  readonly imagesCached: boolean;
  /** node-monitor-grace-period of kube-controller-manager. */
  readonly nodeMonitorGraceSeconds: number;
  /** Where probe ticks fall: 'best' = the first tick exactly when probing may begin; 'worst' = just missed. */
  readonly probePhase: 'best' | 'worst';
}

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
