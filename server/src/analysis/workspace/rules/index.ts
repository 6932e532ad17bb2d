/**
 * The registry of workspace (cross-object) rules: checks that need more than one object, such as a
 * Service and the pods it selects. The service, the language server and the CLI call
 * `checkWorkspaceFile` for every indexed file of a namespace that an index change touched, and
 * `workspaceQuickFixes` for the code actions of a workspace finding (edits are file offsets).
 */
import type { Finding, Severity } from '../../finding';
import type { QuickFix } from '../../fixes/context';
import { hpaMissingRequest } from './hpaMissingRequest';
import { pdbBlocksEviction } from './pdbBlocksEviction';
import { resourceQuotaExceeded } from './resourceQuotaExceeded';
import { resourceQuotaSurge } from './resourceQuotaSurge';
import { serviceSelectorNoPods } from './serviceSelectorNoPods';
import { serviceTargetPortUnknown } from './serviceTargetPortUnknown';
import type { WorkspaceFixInput, WorkspaceRule, WorkspaceRuleContext } from './rule';

export type { WorkspaceFixInput, WorkspaceRule, WorkspaceRuleContext } from './rule';

/** The order findings are reported in, for the same file. */
export const WORKSPACE_RULES: readonly WorkspaceRule[] = [
  serviceSelectorNoPods,
  serviceTargetPortUnknown,
  pdbBlocksEviction,
  hpaMissingRequest,
  resourceQuotaExceeded,
  resourceQuotaSurge,
];

export function workspaceRuleByCode(code: string): WorkspaceRule | undefined {
  return WORKSPACE_RULES.find((r) => r.code === code);
}

/**
 * Every workspace finding located in `ctx.file`. `enabled` gives a code's configured severity, or
 * 'off' (podLens.rules); without it each rule keeps its default. A rule that fails is skipped.
 */
export function checkWorkspaceFile(ctx: WorkspaceRuleContext, enabled?: (code: string) => Severity | 'off'): Finding[] {
  const out: Finding[] = [];
  for (const rule of WORKSPACE_RULES) {
    const level = enabled ? enabled(rule.code) : rule.severity;
    if (level === 'off') continue;
    let found: Finding[];
    try {
      found = rule.check(ctx);
    } catch {
      continue; // a rule fault never costs the file its other findings
    }
    for (const f of found) out.push(f.severity === level ? f : { ...f, severity: level });
  }
  return out;
}

/** Quick fixes for a workspace finding (chosen by its code); edits are offsets in `input.text`, the file's text. */
export function workspaceQuickFixes(input: WorkspaceFixInput): QuickFix[] {
  const rule = workspaceRuleByCode(input.finding.code);
  if (!rule?.fixes) return [];
  try {
    return rule.fixes(input).filter((f) => f.edits.length > 0);
  } catch {
    return [];
  }
}
