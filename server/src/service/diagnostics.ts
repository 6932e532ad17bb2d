/** Findings -> plain diagnostics (LSP-shaped data, no LSP import), with rule settings applied. */
import type { Finding, Severity } from '../analysis/finding';
import { ruleByCode } from '../analysis/rules/index';
import type { Range } from '../model/lineIndex';
import type { FileAnalysis } from './fileAnalysis';
import type { PodLensSettings } from './settings';
import { parseSuppressions } from './suppression';

export interface PodDiagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly range: Range;
  readonly message: string;
  readonly source: 'pod-lens';
  /** Documentation of the rule. */
  readonly href: string;
  readonly data?: unknown;
  readonly pod?: number;
}

export const RULE_DOCS_BASE = 'https://github.com/pod-lens/pod-lens/blob/main/docs/rules/';

export function ruleDocHref(code: string): string {
  return `${RULE_DOCS_BASE}${code}.md`;
}

/** `chunkStarts`: of the whole file, when `file` is only its analysed top (fileAnalysis.ts, PartialFileAnalysis). */
export function toDiagnostics(file: FileAnalysis, settings: PodLensSettings, chunkStarts: readonly number[] = file.chunks.map((c) => c.start)): PodDiagnostic[] {
  const out: PodDiagnostic[] = [];
  const suppressed = parseSuppressions(file.text, chunkStarts);
  for (const f of file.findings) {
    if (suppressed.count > 0 && suppressed.isSuppressed(f.code, f.span.start)) continue;
    const severity = effectiveSeverity(f, settings);
    if (!severity) continue;
    out.push({
      code: f.code, severity, message: f.message, source: 'pod-lens',
      range: file.lines.range(f.span.start, f.span.end),
      href: ruleDocHref(f.code),
      ...(f.data !== undefined ? { data: f.data } : {}),
      ...(f.pod !== undefined ? { pod: f.pod } : {}),
    });
  }
  return out;
}

function effectiveSeverity(f: Finding, settings: PodLensSettings): Severity | undefined {
  const s = settings.rules[f.code];
  if (s === 'off') return undefined;
  if (s === 'error' || s === 'warning' || s === 'information' || s === 'hint') {
    // A rule's own severity override (e.g. a syntax error) is only lowered/raised when the rule exists.
    return ruleByCode(f.code) || f.code.startsWith('yaml-') ? s : f.severity;
  }
  return f.severity;
}
