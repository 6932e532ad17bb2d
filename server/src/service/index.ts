/**
 * The facade: the only thing the LSP adapters and the CLI call. It parses once per document version
 * (and per YAML document inside it), caches the result per URI, and never throws: a fault is logged
 * once and the rest of the analysis is still returned.
 */
import { LineIndex } from '../model/lineIndex';
import type { Position, Range } from '../model/lineIndex';
import { kubeVersionOrLatest, formatKubeVersion } from '../model/version';
import type { AnalysisResult } from '../protocol/analysis';
import { codeActions } from './codeActions';
import type { ClientDiagnostic, PodCodeAction } from './codeActions';
import { codeLenses } from './codeLens';
import { hover } from './hover';
import type { PodHover } from './hover';
import type { PodCodeLens } from './codeLens';
import { toDiagnostics } from './diagnostics';
import type { PodDiagnostic } from './diagnostics';
import { analyzeFile } from './fileAnalysis';
import type { ChunkCache, FileAnalysis } from './fileAnalysis';
import { withDefaults } from './settings';
import type { PodLensSettings } from './settings';
import { podSummary } from './summary';

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
  codeLenses(doc: TextSnapshot, settings?: Partial<PodLensSettings>): PodCodeLens[];
  analysis(doc: TextSnapshot, settings?: Partial<PodLensSettings>): AnalysisResult;
  offsetAt(doc: TextSnapshot, position: Position, settings?: Partial<PodLensSettings>): number;
  /** Markdown explaining the pod field under the cursor, or undefined. */
  hover(doc: TextSnapshot, settings: Partial<PodLensSettings> | undefined, position: Position): PodHover | undefined;
  /** Quick fixes for the given diagnostics (those the client shows in `range`). */
  codeActions<D extends ClientDiagnostic>(doc: TextSnapshot, settings: Partial<PodLensSettings> | undefined, range: Range, diagnostics: readonly D[]): PodCodeAction<D>[];
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

  function analyze(doc: TextSnapshot, partial?: Partial<PodLensSettings>): FileAnalysis {
    const settings = withDefaults(partial);
    const version = kubeVersionOrLatest(settings.kubernetesVersion);
    const settingsKey = `${formatKubeVersion(version)}|${settings.maxFileSize}`;
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.settingsKey === settingsKey && hit.textLength === doc.text.length && hit.file.text === doc.text) return hit.file;
    const previous = hit && hit.settingsKey === settingsKey ? hit.chunks : undefined;
    let result: ReturnType<typeof analyzeFile>;
    try {
      result = analyzeFile(doc.text, version, settings.maxFileSize, previous, onFault);
    } catch (e) {
      // Last line of defence (chunk analysis already isolates rules): an empty analysis, never a throw.
      onFault('file analysis', e);
      return { text: doc.text, lines: new LineIndex(doc.text), chunks: [], pods: [], findings: [], skipped: false };
    }
    const { file, cache: chunks } = result;
    if (options.retain && !options.retain(doc.uri)) cache.delete(doc.uri);
    else cache.set(doc.uri, { version: doc.version, textLength: doc.text.length, settingsKey, file, chunks });
    return file;
  }

  return {
    analyze,
    diagnostics: (doc, s) => toDiagnostics(analyze(doc, s), withDefaults(s)),
    codeLenses: (doc, s) => (withDefaults(s).codeLens ? codeLenses(analyze(doc, s), doc.uri) : []),
    analysis(doc, s) {
      const file = analyze(doc, s);
      return {
        uri: doc.uri, version: doc.version,
        kubernetesVersion: formatKubeVersion(kubeVersionOrLatest(withDefaults(s).kubernetesVersion)),
        pods: file.pods.map((p) => podSummary(file, p)),
      };
    },
    offsetAt: (doc, position, s) => analyze(doc, s).lines.offset(position),
    hover(doc, s, position) {
      const file = analyze(doc, s);
      try { return hover(file, position); } catch (e) { onFault('hover', e); return undefined; }
    },
    codeActions: (doc, s, _range, diagnostics) => codeActions(analyze(doc, s), doc.uri, withDefaults(s), diagnostics),
    close: (uri) => { cache.delete(uri); },
    cacheSize: () => cache.size,
  };
}
