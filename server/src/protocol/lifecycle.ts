/**
 * `podLens/lifecycle` params and result: a simulated lifecycle timeline of one pod (the pod at
 * `position`, or the file-level pod `pod`) under one scenario. The CLI's
 * `pod-lens simulate --format json` prints the same `LifecycleTimeline` shape.
 *
 * The timeline types are the simulator's own (analysis/lifecycle/types.ts), instantiated with LSP
 * `Range`s where the simulator has chunk-local offsets. The JSON is complete for drawing: a panel
 * never has to compute anything except x positions (and `server/src/lifecycleView/layout.ts` does
 * that too).
 *
 * Type-only imports, so the client, the server, the CLI and the webview share it (the request
 * object itself is in requests.ts).
 */
import type { Position, Range, TextDocumentIdentifier } from 'vscode-languageserver-protocol';
import type * as Generic from '../analysis/lifecycle/types';
import type { Assumptions, Role, Scenario, Timeline, TimelinePod } from '../analysis/lifecycle/types';
import type { ObservedOverlay } from '../analysis/observed/overlay';

export type { ObservedMark, ObservedMarkKind, ObservedOverlay } from '../analysis/observed/overlay';

export type {
  AvailableScenarios, Assumptions, Bounds, ConditionType, EventKind, PhaseBand, PodPhase, ProbeKind, Scenario, ScenarioKind,
  SegmentState, TimelineCondition,
} from '../analysis/lifecycle/types';

export type ContainerRole = Role;

export interface LifecycleParams {
  readonly textDocument: TextDocumentIdentifier;
  readonly position?: Position;
  /** File-level pod index (as PodSummary.index); used when position is absent. */
  readonly pod?: number;
  readonly scenario?: Scenario;
  readonly assumptions?: Partial<Assumptions>;
}

export type TimelineSegment = Generic.TimelineSegment<Range>;
export type TimelineEvent = Generic.TimelineEvent<Range>;
export type ContainerTimeline = Generic.ContainerTimeline<Range>;
export type ProbeFigure = Generic.ProbeFigure<Range>;
export type LifecycleFigures = Generic.LifecycleFigures<Range>;
export type TimelineNote = Generic.TimelineNote<Range>;

export interface LifecycleTimeline extends Omit<Timeline<Range>, 'pod'> {
  readonly uri: string;
  readonly version: number;
  /** `index`: the file-level pod index (as PodSummary.index). */
  readonly pod: { readonly index: number } & TimelinePod<Range>;
  /**
   * For an observed pod (a Pod with `status`): its observed times over the predicted ones, and where they
   * diverge (analysis/observed/overlay.ts). Absent for a plain spec.
   */
  readonly observed?: ObservedOverlay;
}
