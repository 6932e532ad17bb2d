/**
 * The facade: the only thing the LSP adapters and the CLI call. It parses once per document version
 * (and per YAML document inside it), caches the result per URI, and never throws: a fault is logged
 * once and the rest of the analysis is still returned.
 */
import { LineIndex } from '../model/lineIndex';
import type { Position, Range } from '../model/lineIndex';
import { kubeVersionOrLatest, formatKubeVersion } from '../model/version';
import type { AnalysisResult, PodSummary } from '../protocol/analysis';
import { codeActions } from './codeActions';
import type { ClientDiagnostic, PodCodeAction } from './codeActions';
import { codeLenses } from './codeLens';
import { hover } from './hover';
import type { PodHover } from './hover';
import type { PodCodeLens } from './codeLens';
import { toDiagnostics } from './diagnostics';
import type { PodDiagnostic } from './diagnostics';
import { analyzeFileInSteps, podAt } from './fileAnalysis';
import type { AdmissionContext } from '../analysis/admission/context';
import { admissionFor, limitRangesInText } from '../analysis/admission/fileLimitRanges';

/** The namespace of an object that names none (kubectl's without a context namespace). */
const DEFAULT_NAMESPACE = 'default';
import type { ChunkCache, FileAnalysis, PartialFileAnalysis, PodRef } from './fileAnalysis';
import { withDefaults } from './settings';
import type { PodLensSettings } from './settings';
import { podSummary } from './summary';
import { lifecycle } from './lifecycle';
import type { LifecycleQuery } from './lifecycle';
import type { LifecycleTimeline } from '../protocol/lifecycle';

export interface TextSnapshot {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
}

export interface ServiceOptions {
  /** Called once per distinct fault (where + message). */
  readonly log?: (message: string) => void;
  /**
   * Whether to keep a document's analysis cached (default: yes, until `close`). The language server
   * keeps only open documents: a request that was in flight when its document closed would otherwise
   * cache it again after `close`, and the cache would grow with every such race.
   */
  readonly retain?: (uri: string) => boolean;
  /** The clock for what depends on it (an observed pod's lens: "next restart in 2m40s"); default Date.now. */
  readonly now?: () => number;
  /**
   * Whether a document is a piece of a chart or overlay (a Helm template, a patch a kustomization names):
   * such a file is never judged alone (issue 15). It keeps its YAML notices and has no pods, so no rule,
   * lens, hover or preview speaks about the fragment. Injected by the Node entry (node/render/pieces.ts).
   */
  readonly pieceOf?: (uri: string) => 'helm-template' | 'kustomize-patch' | undefined;
  /**
   * The LimitRanges the pods of a document are admitted with (issue 16): the workspace index's, injected
   * by the language server and the CLI (service/workspaceAdmission.ts). Without it, or when it answers
   * undefined (a document outside the workspace), those written in the document itself.
   */
  readonly admission?: (doc: TextSnapshot) => AdmissionContext | undefined;
}

/** The LimitRanges of the document itself (a LimitRange applies to the pods of its namespace). */
export function sameFileAdmission(doc: TextSnapshot): AdmissionContext | undefined {
  const file = doc.uri.slice(doc.uri.lastIndexOf('/') + 1);
  const ranges = limitRangesInText(doc.text, file);
  return admissionFor(ranges, DEFAULT_NAMESPACE, ranges.length ? `same-file:${fingerprint(ranges.map((r) => doc.text.slice(r.root.span.start, r.root.span.end)).join('\u0000'))}` : '');
}

/** FNV-1a of a string, as hex: a short cache key. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${text.length.toString(16)}-${h.toString(16)}`;
}

/** The findings a piece keeps: syntax and the template notice, nothing about a pod. */
function asPiece(file: FileAnalysis): FileAnalysis {
  const kept = (f: { code: string }) => f.code.startsWith('yaml-') || f.code === 'helm-template';
  return {
    ...file, pods: [], findings: file.findings.filter(kept),
    // Hovers read the chunks' own analyses: a piece's chunks have no pods either.
    chunks: file.chunks.map((c) => ({ ...c, analysis: { ...c.analysis, pods: [], observed: [], findings: c.analysis.findings.filter(kept) } })),
  };
}

interface CacheEntry {
  readonly version: number;
  readonly textLength: number;
  readonly settingsKey: string;
  readonly file: FileAnalysis;
  readonly chunks: ChunkCache;
}

export interface PodService {
  analyze(doc: TextSnapshot, settings?: Partial<PodLensSettings>): FileAnalysis;
  diagnostics(doc: TextSnapshot, settings?: Partial<PodLensSettings>): PodDiagnostic[];
  /**
   * The same diagnostics in steps, for a publisher that shows the top of a large file early: when a
   * file needs more than FIRST_STEP_CHARS of fresh analysis, it first yields the diagnostics of the
   * documents at the top of the file (exactly those of the complete set that lie there), then returns
   * the complete set, equal to `diagnostics`. Call `next()` again to go on; dropping it is fine.
   */
  diagnosticsInSteps(doc: TextSnapshot, settings?: Partial<PodLensSettings>): Generator<PodDiagnostic[], PodDiagnostic[], void>;
  codeLenses(doc: TextSnapshot, settings?: Partial<PodLensSettings>): PodCodeLens[];
  /** The i-th code lens of `codeLenses`, for codeLens/resolve. */
  codeLensAt(doc: TextSnapshot, settings: Partial<PodLensSettings> | undefined, i: number): PodCodeLens | undefined;
  /** The pods of a document (all, the one at `position`, or the one with file-level index `pod`). */
  analysis(doc: TextSnapshot, settings?: Partial<PodLensSettings>, scope?: { readonly position?: Position; readonly pod?: number }): AnalysisResult;
  offsetAt(doc: TextSnapshot, position: Position, settings?: Partial<PodLensSettings>): number;
  /** Markdown explaining the pod field under the cursor, or undefined. */
  hover(doc: TextSnapshot, settings: Partial<PodLensSettings> | undefined, position: Position): PodHover | undefined;
  /** Quick fixes for the given diagnostics (those the client shows in `range`). */
  codeActions<D extends ClientDiagnostic>(doc: TextSnapshot, settings: Partial<PodLensSettings> | undefined, range: Range, diagnostics: readonly D[]): PodCodeAction<D>[];
  /** Simulated lifecycle of the pod at a position (or file-level pod index); null when there is none. */
  lifecycle(doc: TextSnapshot, settings: Partial<PodLensSettings> | undefined, query: LifecycleQuery): LifecycleTimeline | null;
  /** Forget a closed document. */
  close(uri: string): void;
  /** Number of cached documents (for leak tests). */
  cacheSize(): number;
}

export function createPodService(options: ServiceOptions = {}): PodService {
  const cache = new Map<string, CacheEntry>();
  const reported = new Set<string>();
  const onFault = (where: string, error: unknown) => {
    const msg = `${where}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
    const key = `${where}: ${error instanceof Error ? error.message : String(error)}`;
    if (reported.has(key)) return;
    if (reported.size >= 1000) reported.clear(); // bounded: a long session with ever-new messages must not grow it
    reported.add(key);
    options.log?.(`[pod-lens] analysis fault in ${msg}`);
  };

  // Whole-file answers derived from one FileAnalysis (there is a new one per document version and
  // settings): built once, not per request. The editor asks for code lenses and the preview for the
  // analysis again and again on an unchanged document; on a 50k-line file building them took
  // 15-30 ms per request (bench/README.md). Weak keys: they go when the analysis is replaced.
  const lensCache = new WeakMap<FileAnalysis, { uri: string; lenses: PodCodeLens[] }>();
  const summaryCache = new WeakMap<FileAnalysis, Map<number, PodSummary>>();

  // A document's own LimitRanges, kept per version: asked before every cache lookup, so a file that mentions
  // LimitRange must not be parsed again for each hover or lens.
  const ownAdmissions = new Map<string, { version: number; text: string; admission: AdmissionContext | undefined }>();
  function ownAdmission(doc: TextSnapshot): AdmissionContext | undefined {
    const hit = ownAdmissions.get(doc.uri);
    if (hit && hit.version === doc.version && hit.text === doc.text) return hit.admission;
    const admission = sameFileAdmission(doc);
    ownAdmissions.set(doc.uri, { version: doc.version, text: doc.text, admission });
    return admission;
  }

  function analyze(doc: TextSnapshot, partial?: Partial<PodLensSettings>): FileAnalysis {
    const steps = analyzeInSteps(doc, partial, Infinity);
    let r = steps.next();
    while (!r.done) r = steps.next();
    return r.value;
  }

  /** `analyze`, pausing once with the analysed top of a large file (fileAnalysis.ts, analyzeFileInSteps). */
  function* analyzeInSteps(doc: TextSnapshot, partial: Partial<PodLensSettings> | undefined, firstStepChars?: number): Generator<PartialFileAnalysis, FileAnalysis, void> {
    const settings = withDefaults(partial);
    const version = kubeVersionOrLatest(settings.kubernetesVersion);
    const piece = options.pieceOf?.(doc.uri);
    const admission = piece ? undefined : options.admission?.(doc) ?? ownAdmission(doc);
    const settingsKey = `${formatKubeVersion(version)}|${settings.maxFileSize}|${piece ?? ''}|${admission?.key ?? ''}`;
    const cached = () => {
      const hit = cache.get(doc.uri);
      return hit && hit.version === doc.version && hit.settingsKey === settingsKey && hit.textLength === doc.text.length && hit.file.text === doc.text ? hit.file : undefined;
    };
    const done = cached();
    if (done) return done;
    const hit = cache.get(doc.uri);
    const previous = hit && hit.settingsKey === settingsKey ? hit.chunks : undefined;
    let result: { file: FileAnalysis; cache: ChunkCache };
    try {
      const steps = analyzeFileInSteps(doc.text, version, settings.maxFileSize, previous, onFault, firstStepChars, admission);
      let r = steps.next();
      while (!r.done) {
        yield piece ? { ...r.value, file: asPiece(r.value.file) } : r.value;
        // While paused, a request may have analysed this very version: use that, do not redo it.
        const meanwhile = cached();
        if (meanwhile) return meanwhile;
        r = steps.next();
      }
      result = r.value;
    } catch (e) {
      // Last line of defence (chunk analysis already isolates rules): an empty analysis, never a throw.
      onFault('file analysis', e);
      return { text: doc.text, lines: new LineIndex(doc.text), chunks: [], pods: [], findings: [], skipped: false };
    }
    const { cache: chunks } = result;
    const file = piece ? asPiece(result.file) : result.file;
    const newer = cache.get(doc.uri);
    if (newer && newer.version > doc.version) return file; // analysed in steps while a later version was cached
    if (options.retain && !options.retain(doc.uri)) { cache.delete(doc.uri); ownAdmissions.delete(doc.uri); }
    else cache.set(doc.uri, { version: doc.version, textLength: doc.text.length, settingsKey, file, chunks });
    return file;
  }

  function* diagnosticsInSteps(doc: TextSnapshot, s: Partial<PodLensSettings> | undefined): Generator<PodDiagnostic[], PodDiagnostic[], void> {
    const settings = withDefaults(s);
    const steps = analyzeInSteps(doc, s);
    let r = steps.next();
    while (!r.done) {
      yield toDiagnostics(r.value.file, settings, r.value.chunkStarts);
      r = steps.next();
    }
    return toDiagnostics(r.value, settings);
  }

  /** Built once per document version (they are resolved one by one, so no rebuild per resolve). */
  function lensesOf(doc: TextSnapshot, s: Partial<PodLensSettings> | undefined): readonly PodCodeLens[] {
    if (!withDefaults(s).codeLens) return [];
    const file = analyze(doc, s);
    const hit = lensCache.get(file);
    if (hit && hit.uri === doc.uri) return hit.lenses;
    const lenses = codeLenses(file, doc.uri, (options.now ?? Date.now)());
    // An observed pod's lens counts down against the clock: build those files' lenses afresh.
    if (!lenses.some((l) => l.timed)) lensCache.set(file, { uri: doc.uri, lenses });
    return lenses;
  }

  return {
    analyze,
    diagnostics: (doc, s) => toDiagnostics(analyze(doc, s), withDefaults(s)),
    diagnosticsInSteps,
    codeLenses: (doc, s) => [...lensesOf(doc, s)],
    codeLensAt: (doc, s, i) => lensesOf(doc, s)[i],
    analysis(doc, s, scope) {
      const file = analyze(doc, s);
      let done = summaryCache.get(file);
      if (!done) { done = new Map(); summaryCache.set(file, done); }
      const cached = done;
      const summary = (ref: PodRef): PodSummary => {
        let p = cached.get(ref.index);
        if (!p) { p = podSummary(file, ref); cached.set(ref.index, p); }
        return p;
      };
      let refs: readonly PodRef[] = file.pods;
      if (scope?.pod !== undefined) refs = file.pods.filter((r) => r.index === scope.pod);
      else if (scope?.position) {
        const ref = podAt(file, file.lines.offset(scope.position));
        refs = ref ? [ref] : [];
      }
      return {
        uri: doc.uri, version: doc.version,
        kubernetesVersion: formatKubeVersion(kubeVersionOrLatest(withDefaults(s).kubernetesVersion)),
        pods: refs.map(summary),
      };
    },
    offsetAt: (doc, position, s) => analyze(doc, s).lines.offset(position),
    hover(doc, s, position) {
      const file = analyze(doc, s);
      try { return hover(file, position); } catch (e) { onFault('hover', e); return undefined; }
    },
    codeActions: (doc, s, _range, diagnostics) => codeActions(analyze(doc, s), doc.uri, withDefaults(s), diagnostics),
    lifecycle(doc, s, query) {
      const file = analyze(doc, s);
      try { return lifecycle(file, doc.uri, doc.version, query ?? {}); } catch (e) { onFault('lifecycle', e); return null; }
    },
    close: (uri) => { cache.delete(uri); ownAdmissions.delete(uri); },
    cacheSize: () => cache.size,
  };
}
