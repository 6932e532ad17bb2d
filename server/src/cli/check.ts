/** `pod-lens check`: diagnostics and effective resources for files, as text or JSON. */
import * as l10n from '@vscode/l10n';
import type { Severity } from '../analysis/finding';
import type { PodSummary } from '../protocol/analysis';
import type { PodDiagnostic } from '../service/diagnostics';
import type { PodService } from '../service/index';
import type { PodLensSettings } from '../service/settings';
import { withDefaults } from '../service/settings';
import { WorkspaceIndex } from '../analysis/workspace/index';
import { workspaceDiagnostics } from '../service/workspaceDiagnostics';
import type { InputError, Source } from './files';

export interface CheckedFile {
  readonly file: string;
  readonly diagnostics: readonly PodDiagnostic[];
  readonly pods: readonly PodSummary[];
}

/** Each source's diagnostics: its own, then the workspace rules' over every source given (one WorkspaceIndex). */
export function checkSources(service: PodService, sources: readonly Source[], settings: Partial<PodLensSettings>): CheckedFile[] {
  const index = new WorkspaceIndex();
  sources.forEach((s, i) => index.setFileText(workspaceKey(s, i), s.text));
  const resolved = withDefaults(settings);
  return sources.map((s, i) => {
    const doc = { uri: `file-${i}:${s.name}`, version: 1, text: s.text };
    const diagnostics = [...service.diagnostics(doc, settings), ...workspaceDiagnostics(index, workspaceKey(s, i), s.text, resolved)];
    const result: CheckedFile = { file: s.name, diagnostics, pods: service.analysis(doc, settings).pods };
    service.close(doc.uri);
    return result;
  });
}

/** The index key of a source: its path (standard input gets a name of its own, beside the files given). */
function workspaceKey(s: Source, i: number): string {
  return s.name === '-' ? `/dev/stdin/${i}` : s.name;
}

export function jsonReport(files: readonly CheckedFile[], errors: readonly InputError[]): string {
  return JSON.stringify({
    files: files.map((f) => ({
      file: f.file,
      diagnostics: f.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range, source: d.source, href: d.href })),
      pods: f.pods,
    })),
    ...(errors.length ? { errors } : {}),
  }, null, 2);
}

function list(q: Record<string, string>): string {
  const parts = Object.entries(q).map(([k, v]) => `${k}=${v}`);
  return parts.length ? parts.join(' ') : '-';
}

/** The severity word of a text line, in the reader's language (JSON and SARIF keep the machine values). */
export function severityWord(severity: Severity): string {
  switch (severity) {
    case 'error': return l10n.t('error');
    case 'warning': return l10n.t('warning');
    case 'information': return l10n.t('information');
    case 'hint': return l10n.t('hint');
    default: return String(severity);
  }
}

export function textReport(files: readonly CheckedFile[]): string {
  const out: string[] = [];
  for (const f of files) {
    for (const d of f.diagnostics) {
      out.push(`${f.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severityWord(d.severity)} [${d.code}] ${d.message}`);
    }
    for (const p of f.pods) {
      const name = `${p.kind}/${p.name ?? l10n.t('(unnamed)')}`;
      out.push(`${f.file}:${p.range.start.line + 1}: ${l10n.t('{0}: QoS {1}; requests {2}; limits {3}', name, p.qosClass, list(p.requests), list(p.limits))}`);
      out.push(`    ${p.qosReason}`);
    }
  }
  const errors = files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 'error').length, 0);
  const warnings = files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  const pods = files.reduce((n, f) => n + f.pods.length, 0);
  out.push(l10n.t('{0} file(s), {1} pod spec(s), {2} error(s), {3} warning(s)', files.length, pods, errors, warnings));
  return out.join('\n');
}

export function exitCode(files: readonly CheckedFile[], failOn: 'error' | 'warning'): number {
  const bad = files.some((f) => f.diagnostics.some((d) => d.severity === 'error' || (failOn === 'warning' && d.severity === 'warning')));
  return bad ? 1 : 0;
}
