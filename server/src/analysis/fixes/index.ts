/**
 * Quick fixes: pure edit computation for findings. A rule offers its own (`Rule.fixes`, in the
 * rule's file); they are chosen by the finding's code. This folder holds what they share: the
 * input and result types (context.ts), YAML text edits (text.ts), fixes used by several rules
 * (restartPolicy.ts, requestToLimit.ts, sidecar.ts), and the suppression comment every
 * diagnostic gets. Edits are chunk-local offsets (the service shifts them into the file); callers
 * apply them as one change. A fix that cannot be computed safely for the layout at hand is simply
 * not offered.
 */
import * as l10n from '@vscode/l10n';
import { ruleByCode } from '../rules/index';
import type { FixInput, QuickFix } from './context';
import { eol, lineStart } from './text';
import type { TextEdit } from './text';

export type { FixInput, QuickFix } from './context';
export type { TextEdit } from './text';
export { applyEdits } from './text';

export function quickFixes(input: FixInput): QuickFix[] {
  const rule = ruleByCode(input.finding.code);
  if (!rule?.fixes) return [];
  try {
    return rule.fixes(input).filter((f) => f.edits.length > 0);
  } catch {
    return []; // a fix that cannot be computed is not offered; analysis never fails because of it
  }
}

/**
 * `# pod-lens-disable-next-line <code>` above the line at `offset` (same indentation; a `- ` item
 * line gets the comment at its dash).
 */
export function suppressionEdit(text: string, offset: number, code: string): TextEdit {
  const start = lineStart(text, offset);
  const indent = /^[ \t]*/.exec(text.slice(start))![0];
  return { start, end: start, newText: `${indent}# pod-lens-disable-next-line ${code}${eol(text)}` };
}

export function suppressionFix(text: string, offset: number, code: string): QuickFix {
  return { title: l10n.t('Disable {0} for this line', code), edits: [suppressionEdit(text, offset, code)] };
}
