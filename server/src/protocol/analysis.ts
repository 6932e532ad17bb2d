/**
 * `podLens/analysis` params and result: the pods of a document with their effective resources and
 * QoS. The CLI's JSON output uses the same `PodSummary` shape. Type-only imports, so the client,
 * the server, the CLI and the webview share it (the request object itself is in requests.ts).
 */
import type { Position, Range, TextDocumentIdentifier } from 'vscode-languageserver-protocol';

export type QuantityList = Record<string, string>;

export interface ContainerSummary {
  readonly name: string;
  readonly role: 'init' | 'sidecar' | 'app' | 'ephemeral';
  readonly index: number;
  readonly range: Range;
  /** After API defaulting (requests taken from limits). */
  readonly requests: QuantityList;
  readonly limits: QuantityList;
}

export interface BreakdownSummary {
  readonly apps: QuantityList;
  readonly sidecars: QuantityList;
  readonly steady: QuantityList;
  readonly initPeak: QuantityList;
  readonly initPeakBy: Record<string, string>;
  readonly podLevel: QuantityList;
  readonly overhead: QuantityList;
}

export interface PodSummary {
  readonly kind: string;
  readonly name: string | null;
  readonly namespace?: string;
  /** YAML document index in the file (0-based). */
  readonly document: number;
  /** Pod spec index in the file (0-based). */
  readonly index: number;
  readonly range: Range;
  readonly qosClass: 'Guaranteed' | 'Burstable' | 'BestEffort';
  readonly qosReason: string;
  readonly requests: QuantityList;
  readonly limits: QuantityList;
  readonly containers: readonly ContainerSummary[];
  readonly breakdown: { readonly requests: BreakdownSummary; readonly limits: BreakdownSummary };
  /** The admission that changed or checked the pod before the numbers above (issue 16): its LimitRanges. */
  readonly admission?: readonly AdmissionSummary[];
}

/** A LimitRange the LimitRanger plugin applied to the pod, and what it set. */
export interface AdmissionSummary {
  readonly kind: 'LimitRange';
  readonly name: string;
  /** Its file as messages show it (workspace-relative; the pod's own file when written there). */
  readonly file: string;
  /** The LimitRange object in that file, when known. */
  readonly range?: Range;
  readonly uri?: string;
  /** The values it wrote into containers that had none. */
  readonly set: readonly AdmittedValueSummary[];
}

export interface AdmittedValueSummary {
  readonly container: string;
  readonly side: 'requests' | 'limits';
  readonly resource: string;
  readonly quantity: string;
  /** The LimitRange field the value was written in (`default`, `defaultRequest`, `max`, `min`), and its line (1-based; 0 unknown). */
  readonly from: string;
  readonly line: number;
}

export interface AnalysisParams {
  readonly textDocument: TextDocumentIdentifier;
  /** Only the pod spec that contains this position. */
  readonly position?: Position;
  /** Only the pod spec with this file-level index. */
  readonly pod?: number;
}

export interface AnalysisResult {
  readonly uri: string;
  readonly version: number;
  readonly kubernetesVersion: string;
  readonly pods: readonly PodSummary[];
}
