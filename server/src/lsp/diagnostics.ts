/** Debounced validation: the service's diagnostics -> LSP Diagnostic, pushed per document. */
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PodDiagnostic } from '../service/diagnostics';
import type { PodService, TextSnapshot } from '../service/index';
import type { PodLensSettings } from '../service/settings';
import type { SettingsCache } from './settings';

export interface Timer {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const SEVERITY: Record<PodDiagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(d: PodDiagnostic): Diagnostic {
  return {
    range: d.range, severity: SEVERITY[d.severity], code: d.code, source: d.source, message: d.message,
    codeDescription: { href: d.href },
    ...(d.data !== undefined ? { data: d.data } : {}),
  };
}

export class Validator {
  private readonly pending = new Map<string, unknown>();
  /** The latest validation started per URI: an older one still in flight must not publish. */
  private readonly latest = new Map<string, number>();
  private started = 0;
  /** Documents whose validation of this version is under way and has not yet merged the findings from elsewhere. */
  private readonly unmerged = new Map<string, number>();
  /** Documents closed while a validation awaited settings: it must neither publish nor re-cache them. */
  private readonly closed = new WeakSet<TextDocument>();
  constructor(
    private readonly connection: Connection,
    private readonly service: PodService,
    private readonly settings: SettingsCache,
    private readonly timer: Timer,
    private readonly delayMs: number,
    private readonly log: (m: string) => void,
    /**
     * A document's own findings merged with those landing in it from elsewhere: a rendered chart or overlay
     * (lsp/rendering.ts), the workspace's cross-object rules (lsp/workspace.ts).
     */
    private readonly merge: (doc: TextSnapshot, own: readonly PodDiagnostic[], settings: PodLensSettings) => readonly PodDiagnostic[] = (_doc, own) => own,
  ) {}

  /** Validate now (open) or after the debounce delay (edits). A newer request replaces an older one. */
  schedule(doc: TextDocument, immediate = false): void {
    this.cancel(doc.uri);
    if (immediate) { void this.validate(doc); return; }
    this.pending.set(doc.uri, this.timer.setTimeout(() => {
      this.pending.delete(doc.uri);
      void this.validate(doc);
    }, this.delayMs));
  }

  cancel(uri: string): void {
    const h = this.pending.get(uri);
    if (h !== undefined) { this.timer.clearTimeout(h); this.pending.delete(uri); }
  }

  /** The document closed: drop its pending validation and ignore one still in flight. */
  forget(doc: TextDocument): void {
    this.cancel(doc.uri);
    this.closed.add(doc);
    this.latest.delete(doc.uri);
    this.unmerged.delete(doc.uri);
  }

  /**
   * Validate again because findings from elsewhere changed, unless a validation of this version is still
   * under way: it merges them when it finishes, so a second run would publish the same set twice.
   */
  refresh(doc: TextDocument): void {
    if (this.unmerged.get(doc.uri) === doc.version && !this.pending.has(doc.uri)) return;
    this.schedule(doc);
  }

  /**
   * Publishes the service's diagnostics, in steps for a large file (service diagnosticsInSteps: the
   * documents at the top first, then the complete set). Between steps the event loop runs, so the
   * publish goes out and edits come in; a step is published only while this validation is the latest
   * of a document that is still open at the same version.
   */
  private async validate(doc: TextDocument): Promise<void> {
    const version = doc.version;
    const run = ++this.started;
    this.latest.set(doc.uri, run);
    this.unmerged.set(doc.uri, version);
    const current = () => doc.version === version && !this.closed.has(doc) && this.latest.get(doc.uri) === run;
    try {
      const s = await this.settings.get(doc.uri);
      const text = doc.getText();
      if (!current()) return; // a newer edit or validation will publish, or it closed
      const snap = { uri: doc.uri, version, text };
      const steps = this.service.diagnosticsInSteps(snap, s);
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done && this.latest.get(doc.uri) === run) this.unmerged.delete(doc.uri);
        const all = step.done ? this.merge(snap, step.value, s) : step.value;
        await this.connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: all.map(toLspDiagnostic) });
        if (step.done) break;
        await new Promise<void>((resolve) => this.timer.setTimeout(() => resolve(), 0));
        if (!current()) return;
      }
      if (this.latest.get(doc.uri) === run) this.latest.delete(doc.uri);
    } catch (e) {
      if (this.latest.get(doc.uri) === run) this.unmerged.delete(doc.uri);
      this.log(`[pod-lens] validation of ${doc.uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }
}

