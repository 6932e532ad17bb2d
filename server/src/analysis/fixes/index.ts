/**
 * Quick fixes: pure edit computation for findings, keyed by rule code and the finding's `data`.
 * Edits are chunk-local offsets (the service shifts them into the file); callers apply them as one
 * change. A fix that cannot be computed safely for the layout at hand is simply not offered.
 */
import * as l10n from '@vscode/l10n';
import { convertToSidecarFixes, initContainerFieldFixes, initRestartPolicyFixes } from './containerFixes';
import { field } from './context';
import type { FixInput, QuickFix } from './context';
import { requestToLimitFixes, restartPolicyFixes } from './podFixes';
import { startupProbeFixes, successThresholdFixes } from './probeFixes';
import { eol, lineStart } from './text';
import type { TextEdit } from './text';

export type { FixInput, QuickFix } from './context';
export type { TextEdit } from './text';
export { applyEdits } from './text';

type FixBuilder = (input: FixInput) => QuickFix[];

/** By rule code; rules from other files are matched by the `data.fix` they attach, too. */
const BY_CODE: Record<string, FixBuilder> = {
  'init-container-forbidden-field': initContainerFieldFixes,
  'init-container-restart-policy': initRestartPolicyFixes,
  'legacy-sidecar-in-job': convertToSidecarFixes,
  'probe-success-threshold': successThresholdFixes,
  'workload-restart-policy': restartPolicyFixes,
  'invalid-restart-policy': restartPolicyFixes,
  'request-exceeds-limit': requestToLimitFixes,
  'non-overcommittable-resource': requestToLimitFixes,
  'liveness-probe-before-startup': startupProbeFixes,
};

const BY_DATA: Record<string, FixBuilder> = {
  'set-success-threshold-1': successThresholdFixes,
  'set-restart-policy': restartPolicyFixes,
  'set-request-to-limit': requestToLimitFixes,
  'convert-to-sidecar': convertToSidecarFixes,
  'add-startup-probe': startupProbeFixes,
};

export function quickFixes(input: FixInput): QuickFix[] {
  const byCode = BY_CODE[input.finding.code];
  const kind = field(input.finding.data, 'fix');
  const builder = byCode ?? (typeof kind === 'string' ? BY_DATA[kind] : undefined);
  if (!builder) return [];
  try {
    return builder(input).filter((f) => f.edits.length > 0);
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
