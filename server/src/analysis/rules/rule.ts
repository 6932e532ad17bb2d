/** The shape of a rule: one file per rule in this folder, registered in index.ts. */
import type { Severity } from '../finding';
import type { PodAnalysis } from '../podAnalysis';
import type { KubeVersion } from '../../model/version';
import type { Span } from '../../model/tree';

export interface RuleContext {
  readonly analysis: PodAnalysis;
  readonly version: KubeVersion;
  /** All pods of the same YAML document chunk (e.g. for cross-object checks). */
  readonly siblings: readonly PodAnalysis[];
  /** The pod's YAML document contained template actions ({{ ... }}): any field may come from them. */
  readonly templated?: boolean;
}

export interface RuleFinding {
  readonly span: Span;
  readonly message: string;
  /** Overrides the rule's default severity for this finding (rare). */
  readonly severity?: Severity;
  readonly data?: unknown;
}

export interface Rule {
  /** Stable code; documented in docs/rules/<code>.md. */
  readonly code: string;
  readonly severity: Severity;
  /** Kubernetes documentation that defines the behaviour. */
  readonly docUrl?: string;
  check(ctx: RuleContext): RuleFinding[];
}
