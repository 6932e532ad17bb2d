/**
 * The shape of a workspace (cross-object) rule: it reads the workspace index (WorkspaceView) and
 * reports findings located in one file. One rule per file, `<camelCaseCode>.ts`, registered in
 * index.ts; its doc page is docs/rules/<code>.md.
 */
import type { Finding } from '../../finding';
import type { QuickFix } from '../../fixes/context';
import type { Span } from '../../../model/tree';
import type { WorkspaceView } from '../index';

export interface WorkspaceRuleContext {
  readonly view: WorkspaceView;
  readonly file: string;
  readonly kubernetesVersion: string;
}

/** What a workspace rule's quick fix gets: the whole file's text and the finding (spans and edits are file offsets). */
export interface WorkspaceFixInput {
  readonly text: string;
  readonly finding: { readonly code: string; readonly span: Span; readonly data?: unknown };
}

export interface WorkspaceRule {
  /** Stable code; documented in docs/rules/<code>.md. */
  readonly code: string;
  /** The default; podLens.rules can re-level it or turn it off, like file rules. */
  readonly severity: Finding['severity'];
  /** One line saying what the rule finds, localised when called (SARIF's short description). */
  readonly summary?: () => string;
  /** Kubernetes documentation that defines the behaviour. */
  readonly docUrl?: string;
  /** Findings located in ctx.file (spans = offsets in that file). Pure, never throws. */
  check(ctx: WorkspaceRuleContext): Finding[];
  /** Quick fixes for one of this rule's findings, from what `check` put in `data`; none offered when absent. */
  fixes?(input: WorkspaceFixInput): QuickFix[];
}
