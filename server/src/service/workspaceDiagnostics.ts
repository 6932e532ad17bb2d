/**
 * Workspace (cross-object) findings of one file as diagnostics: the rules of analysis/workspace/rules over
 * a WorkspaceIndex, with the same podLens.rules levels and suppression comments as the file rules.
 */
import type { WorkspaceView } from '../analysis/workspace/index';
import { checkWorkspaceFile, workspaceQuickFixes, workspaceRuleByCode } from '../analysis/workspace/rules/index';
import type { ClientDiagnostic, PodCodeAction } from './codeActions';
import type { Severity } from '../analysis/finding';
import { LineIndex } from '../model/lineIndex';
import { splitDocuments } from '../model/split';
import { ruleDocHref } from './diagnostics';
import type { PodDiagnostic } from './diagnostics';
import type { PodLensSettings } from './settings';
import { parseSuppressions } from './suppression';

const LEVELS: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

export function workspaceDiagnostics(view: WorkspaceView, file: string, text: string, settings: PodLensSettings): PodDiagnostic[] {
  const level = (code: string): Severity | 'off' => {
    const s = settings.rules[code];
    return typeof s === 'string' && LEVELS.includes(s) ? (s as Severity | 'off') : workspaceRuleByCode(code)?.severity ?? 'warning';
  };
  const findings = checkWorkspaceFile({ view, file, kubernetesVersion: settings.kubernetesVersion }, level);
  if (findings.length === 0) return [];
  const suppressed = parseSuppressions(text, splitDocuments(text).map((c) => c.start));
  const lines = new LineIndex(text);
  return findings
    .filter((f) => !(suppressed.count > 0 && suppressed.isSuppressed(f.code, f.span.start)))
    .map((f) => ({
      code: f.code, severity: f.severity, message: f.message, source: 'pod-lens' as const,
      range: lines.range(f.span.start, f.span.end),
      href: ruleDocHref(f.code),
      ...(f.data !== undefined ? { data: f.data } : {}),
    }));
}

/**
 * Quick fixes for the workspace findings among `diagnostics` (the client's, matched to the rules' own
 * findings of the file by code and start, so the fix data is the server's), as LSP-shaped code actions.
 */
export function workspaceCodeActions<D extends ClientDiagnostic>(view: WorkspaceView, file: string, uri: string, text: string, settings: PodLensSettings, diagnostics: readonly D[]): PodCodeAction<D>[] {
  const ours = diagnostics.filter((d) => typeof d.code === 'string' && workspaceRuleByCode(d.code)?.fixes);
  if (ours.length === 0) return [];
  const lines = new LineIndex(text);
  const findings = checkWorkspaceFile({ view, file, kubernetesVersion: settings.kubernetesVersion });
  const out: PodCodeAction<D>[] = [];
  for (const d of ours) {
    const start = lines.offset(d.range.start);
    const f = findings.find((x) => x.code === d.code && x.span.start === start);
    if (!f) continue;
    for (const fix of workspaceQuickFixes({ text, finding: { code: f.code, span: f.span, data: f.data } })) {
      out.push({
        title: fix.title, kind: 'quickfix', diagnostics: [d],
        ...(fix.preferred ? { isPreferred: true } : {}),
        edit: { changes: { [uri]: fix.edits.map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText })) } },
      });
    }
  }
  return out;
}
