/** `pod-lens check`: diagnostics and effective resources for files, as text or JSON. */
import * as l10n from '@vscode/l10n';
import type { Severity } from '../analysis/finding';
import type { AdmissionSummary, PodSummary } from '../protocol/analysis';
import type { PodDiagnostic } from '../service/diagnostics';
import type { PodService } from '../service/index';
import type { PodLensSettings } from '../service/settings';
import { withDefaults } from '../service/settings';
import { WorkspaceIndex } from '../analysis/workspace/index';
import { workspaceDiagnostics } from '../service/workspaceDiagnostics';
import { workspaceAdmissionHook } from '../service/workspaceAdmission';
import type { AdmissionContext } from '../analysis/admission/context';
import type { TextSnapshot } from '../service/index';
import type { InputError, Source } from './files';

export interface CheckedFile {
  readonly file: string;
  readonly diagnostics: readonly PodDiagnostic[];
  readonly pods: readonly PodSummary[];
}

/**
 * The sources given to `pod-lens check`, as one workspace: an index of their objects (cross-object rules) that
 * also admits each pod with the LimitRanges of its namespace from any of the files. Give `admission` to the
 * service (ServiceOptions.admission) before checking.
 */
export class CheckWorkspace {
  readonly index: WorkspaceIndex;
  private readonly hook: ReturnType<typeof workspaceAdmissionHook>;
  constructor(defaultNamespace?: string) {
    this.index = new WorkspaceIndex(defaultNamespace ? { defaultNamespace } : {});
    this.hook = workspaceAdmissionHook(this.index, {
      fileOf: (uri) => (uri.startsWith(CHECK_URI) ? uri.slice(CHECK_URI.length) : undefined),
      display: (file) => ({ file }),
    });
  }
  readonly admission = (doc: TextSnapshot): AdmissionContext | undefined => this.hook.admission(doc);
}

const CHECK_URI = 'pod-lens-check:';

/** Each source's diagnostics: its own, then the workspace rules' over every source given (one WorkspaceIndex). */
export function checkSources(service: PodService, sources: readonly Source[], settings: Partial<PodLensSettings>, workspace = new CheckWorkspace()): CheckedFile[] {
  const index = workspace.index;
  sources.forEach((s, i) => index.setFileText(workspaceKey(s, i), s.text));
  const resolved = withDefaults(settings);
  return sources.map((s, i) => {
    const doc = { uri: `${CHECK_URI}${workspaceKey(s, i)}`, version: 1, text: s.text };
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

/** "admitted with LimitRange defaults (ns/limits.yaml:3): it set app's memory limit 512Mi (default, line 12)". */
function admissionLine(a: AdmissionSummary): string {
  const where = a.range ? `${a.file}:${a.range.start.line + 1}` : a.file;
  if (a.set.length === 0) return l10n.t('admitted with LimitRange {0} ({1}): it set nothing; its min, max and ratios were checked', a.name, where);
  const values = a.set.map((v) => l10n.t('{0} {1} of {2}: {3} ({4}, line {5})', v.resource, v.side === 'limits' ? l10n.t('limit') : l10n.t('request'), v.container, v.quantity, v.from, v.line));
  return l10n.t('admitted with LimitRange {0} ({1}), which set {2}', a.name, where, values.join('; '));
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
      for (const a of p.admission ?? []) out.push(`    ${admissionLine(a)}`);
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
