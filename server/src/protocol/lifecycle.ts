/**
 * `podLens/lifecycle`: sent from the client to the server; answers a simulated lifecycle timeline of
 * one pod (the pod at `position`, or the file-level pod `pod`) under one scenario. The CLI's
 * `pod-lens simulate --format json` prints the same `LifecycleTimeline` shape.
 *
 * Every time is in seconds from pod creation (t = 0 is when the API server accepted the pod).
 * The JSON is complete for drawing: a panel never has to compute anything except x positions
 * (and `server/src/lifecycleView/layout.ts` does that too).
 *
 * Type-only imports, so the client, the server and the webview share it (see protocol/analysis.ts).
 */
import type { Position, Range, TextDocumentIdentifier } from 'vscode-languageserver-protocol';

export type ProbeKind = 'liveness' | 'readiness' | 'startup';
export type ContainerRole = 'init' | 'sidecar' | 'app' | 'ephemeral';

import type { Assumptions, Scenario, ScenarioKind } from '../analysis/lifecycle/types';

export type { Assumptions, Scenario, ScenarioKind };

export interface LifecycleParams {
  readonly textDocument: TextDocumentIdentifier;
  readonly position?: Position;
  /** File-level pod index (as PodSummary.index); used when position is absent. */
  readonly pod?: number;
  readonly scenario?: Scenario;
  readonly assumptions?: Partial<Assumptions>;
}

export type SegmentState =
  | 'waiting' | 'pulling' | 'starting' | 'running' | 'probing' | 'ready'
  | 'terminating' | 'backoff' | 'completed' | 'failed'
  /** The node stopped reporting: the API no longer knows what the container does. */
  | 'unknown';

export interface TimelineSegment {
  readonly state: SegmentState;
  readonly from: number;
  readonly to: number;
  /** Kubernetes reason where one applies (ContainerCreating, CrashLoopBackOff, Completed, Error, OOMKilled...). */
  readonly reason?: string;
  /** The YAML that causes this segment (a probe, a hook, the image...), if any. */
  readonly range?: Range;
}

export type EventKind =
  | 'created' | 'scheduled' | 'sandbox' | 'pullStart' | 'pulled' | 'containerStarted'
  | 'postStartDone' | 'probeSuccess' | 'probeFailure' | 'startupSucceeded' | 'ready' | 'notReady'
  | 'exited' | 'restart' | 'backoff' | 'initialized' | 'containersReady' | 'podReady' | 'podNotReady'
  | 'deleteRequested' | 'preStop' | 'sigterm' | 'sigkill' | 'killed' | 'nodeUnreachable' | 'taintAdded'
  | 'evicted' | 'memoryPressure' | 'oomKilled' | 'phase' | 'completed' | 'readinessGate' | 'horizon';

export interface TimelineEvent {
  readonly at: number;
  readonly kind: EventKind;
  readonly container?: string;
  /** Localized (server locale) sentence. */
  readonly message: string;
  readonly range?: Range;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

export interface PhaseBand {
  readonly phase: PodPhase;
  readonly from: number;
  readonly to: number;
  /** deletionTimestamp is set (kubectl shows "Terminating"); the phase stays what it was. */
  readonly terminating?: boolean;
}

export type ConditionType = 'PodScheduled' | 'Initialized' | 'ContainersReady' | 'Ready';

export interface TimelineCondition {
  readonly type: ConditionType;
  /** First time the condition became True, or null if it never did within the horizon. */
  readonly at: number | null;
  /** Time it went back to False (after being True), if it did. */
  readonly lostAt?: number | null;
  /** Every stretch of True, in order (`to` null: still True at the end of the horizon). */
  readonly intervals: readonly { readonly from: number; readonly to: number | null }[];
}

export interface ContainerTimeline {
  readonly name: string;
  readonly role: ContainerRole;
  /** Index in its list (initContainers / containers / ephemeralContainers). */
  readonly index: number;
  readonly range: Range;
  /** First time the container counted as started (postStart done, startupProbe passed), or null. */
  readonly startedAt: number | null;
  /** First time it was ready, or null. */
  readonly readyAt: number | null;
  /** Time its last run ended for good (completed / killed and not restarted), or null. */
  readonly finishedAt: number | null;
  readonly restarts: number;
  readonly exitCode?: number;
  readonly segments: readonly TimelineSegment[];
  readonly events: readonly TimelineEvent[];
}

/** A figure computed from the spec (not from the scenario): best/worst in seconds. */
export interface Bounds {
  readonly best: number;
  readonly worst: number;
}

export interface ProbeFigure {
  readonly container: string;
  readonly probe: ProbeKind;
  /** Seconds from the app hanging to the kubelet acting (restart for liveness/startup, NotReady for readiness). */
  readonly hangToAction: Bounds;
  readonly range?: Range;
}

export interface LifecycleFigures {
  /** From pod creation to Ready, given the assumptions; null if the pod never becomes Ready. */
  readonly timeToReady: Bounds | null;
  /** Liveness: hang -> restart. Readiness: hang -> NotReady (per container/probe). */
  readonly hangToRestart: readonly ProbeFigure[];
  /** Per container with a startupProbe: seconds the app has to start before it is killed. */
  readonly startupBudget: readonly { readonly container: string; readonly seconds: number; readonly range?: Range }[];
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

export interface AvailableScenarios {
  readonly kinds: readonly ScenarioKind[];
  /** Containers that can exit (init, sidecar and app containers). */
  readonly exitContainers: readonly { readonly name: string; readonly role: ContainerRole }[];
  /** Probes defined per container. */
  readonly probes: readonly { readonly container: string; readonly probes: readonly ProbeKind[] }[];
}

export interface TimelineNote {
  readonly severity: 'info' | 'warning';
  readonly code: string;
  readonly message: string;
  readonly range?: Range;
}

export interface LifecycleTimeline {
  readonly uri: string;
  readonly version: number;
  readonly pod: { readonly index: number; readonly kind: string; readonly name: string | null; readonly range: Range };
  readonly scenario: Scenario;
  readonly assumptions: Assumptions;
  readonly availableScenarios: AvailableScenarios;
  /** Seconds shown (the end of the time axis). */
  readonly horizon: number;
  readonly restartPolicy: 'Always' | 'OnFailure' | 'Never';
  readonly phases: readonly PhaseBand[];
  readonly conditions: readonly TimelineCondition[];
  /** Init containers (incl. sidecars) in spec order, then app containers in spec order. */
  readonly containers: readonly ContainerTimeline[];
  /** All events in time order (pod-level and per container). */
  readonly events: readonly TimelineEvent[];
  /** Seconds from pod creation to the Ready condition, or null. */
  readonly readyAt: number | null;
  /** When the deletionTimestamp was set (delete or eviction), or null. */
  readonly terminatingAt: number | null;
  readonly figures: LifecycleFigures;
  readonly notes: readonly TimelineNote[];
  /** True when the event cap or horizon cap cut the simulation short. */
  readonly truncated: boolean;
}

export namespace LifecycleRequest {
  export const method = 'podLens/lifecycle';
}
