/**
 * The shape of a rule. One rule per file, `<topic>/<camelCaseCode>.ts` (invalid-handler lives in
 * probes/invalidHandler.ts), registered in index.ts; its doc page is docs/rules/<code>.md.
 */
import type { Severity } from '../finding';
import type { FixInput, QuickFix } from '../fixes/context';
import type { PodAnalysis } from '../podAnalysis';
import type { KubeVersion } from '../../model/version';
import type { Span } from '../../model/tree';
import type { PodExplanation } from '../observed/index';

export interface RuleContext {
  readonly analysis: PodAnalysis;
  readonly version: KubeVersion;
  /** All pods of the same YAML document chunk (e.g. for cross-object checks). */
  readonly siblings: readonly PodAnalysis[];
  /** The pod's YAML document contained template actions ({{ ... }}): any field may come from them. */
  readonly templated?: boolean;
  /** The pod's observed status explained, when the object is a Pod with `status` (analysis/observed). */
  readonly observed?: PodExplanation;
}

export interface RuleFinding {
  readonly span: Span;
  readonly message: string;
  /** Overrides the rule's default severity for this finding (rare). */
  readonly severity?: Severity;
  /** Plain JSON the rule's quick fixes read back (e.g. which container); echoed by LSP clients. */
  readonly data?: unknown;
}

export interface Rule {
  /** Stable code; documented in docs/rules/<code>.md. */
  readonly code: string;
  readonly severity: Severity;
  /**
   * One line saying what the rule finds, localised when called (SARIF's short description). A rule
   * without one is described by the "What" paragraph of its doc page.
   */
  readonly summary?: () => string;
  /** Kubernetes documentation that defines the behaviour. */
  readonly docUrl?: string;
  /**
   * Stay quiet on documents with template actions (Helm): the rule is about what is missing or how
   * values combine, and a template may well supply the missing part. The runner skips the rule there.
   */
  readonly quietOnTemplates?: boolean;
  check(ctx: RuleContext): RuleFinding[];
  /** Quick fixes for one of this rule's findings (chosen by the finding's code); none offered when absent. */
  fixes?(input: FixInput): QuickFix[];
}
