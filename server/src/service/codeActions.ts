/**
 * Quick fixes for the diagnostics the client sends back: each one is matched to the server's own
 * finding (same code and range, so the fix data is ours, not whatever the client echoes), the pure
 * fix builders compute chunk-local edits, and those become a workspace edit in file positions.
 * Every Pod Lens diagnostic also gets "Disable <code> for this line" (a suppression comment).
 */
import { kubeVersionOrLatest } from '../model/version';
import type { Range } from '../model/lineIndex';
import { quickFixes, suppressionFix } from '../analysis/fixes/index';
import type { QuickFix } from '../analysis/fixes/index';
import type { Finding } from '../analysis/finding';
import type { FileAnalysis } from './fileAnalysis';
import type { PodLensSettings } from './settings';

/** The parts of an LSP Diagnostic this needs. */
export interface ClientDiagnostic {
  readonly code?: string | number;
  readonly source?: string;
  readonly range: Range;
  readonly data?: unknown;
}

export interface PodTextEdit { readonly range: Range; readonly newText: string }

/** An LSP-shaped CodeAction (no LSP import). */
export interface PodCodeAction<D extends ClientDiagnostic = ClientDiagnostic> {
  readonly title: string;
  readonly kind: 'quickfix';
  readonly diagnostics: D[];
  readonly isPreferred?: boolean;
  readonly edit: { readonly changes: Record<string, PodTextEdit[]> };
}

const samePos = (a: Range['start'], b: Range['start']) => a.line === b.line && a.character === b.character;

function findingFor(file: FileAnalysis, d: ClientDiagnostic): Finding | undefined {
  if (typeof d.code !== 'string' || (d.source !== undefined && d.source !== 'pod-lens')) return undefined;
  let loose: Finding | undefined;
  for (const f of file.findings) {
    if (f.code !== d.code) continue;
    const r = file.lines.range(f.span.start, f.span.end);
    if (samePos(r.start, d.range.start) && samePos(r.end, d.range.end)) return f;
    if (!loose && samePos(r.start, d.range.start)) loose = f;
  }
  return loose;
}

export function codeActions<D extends ClientDiagnostic>(file: FileAnalysis, uri: string, settings: PodLensSettings, diagnostics: readonly D[]): PodCodeAction<D>[] {
  const version = kubeVersionOrLatest(settings.kubernetesVersion);
  const out: PodCodeAction<D>[] = [];
  const suppressions: PodCodeAction<D>[] = [];
  const toAction = (fix: QuickFix, base: number, d: D): PodCodeAction<D> => ({
    title: fix.title, kind: 'quickfix', diagnostics: [d],
    ...(fix.preferred ? { isPreferred: true } : {}),
    edit: { changes: { [uri]: fix.edits.map((e) => ({ range: file.lines.range(base + e.start, base + e.end), newText: e.newText })) } },
  });
  for (const d of diagnostics) {
    const f = findingFor(file, d);
    if (!f) continue;
    const ref = f.pod !== undefined ? file.pods.find((p) => p.index === f.pod) : undefined;
    if (ref) {
      const base = ref.chunk.start;
      const fixes = quickFixes({
        text: ref.chunk.text, analysis: ref.analysis, version,
        finding: { code: f.code, span: { start: f.span.start - base, end: f.span.end - base }, data: f.data },
      });
      for (const fix of fixes) out.push(toAction(fix, base, d));
    }
    suppressions.push(toAction(suppressionFix(file.text, f.span.start, f.code), 0, d));
  }
  // Real fixes first; one suppression per code and line.
  const seen = new Set<string>();
  for (const s of suppressions) {
    const key = `${s.title}@${s.edit.changes[uri]![0]!.range.start.line}`;
    if (!seen.has(key)) { seen.add(key); out.push(s); }
  }
  return out;
}
