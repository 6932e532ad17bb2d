/**
 * A whole file's analysis, assembled from per-document chunk analyses. Chunks are cached by their
 * text, so an edit re-analyses only the document it touches. Chunk-local spans are turned into
 * file offsets with `chunk.start`.
 */
import * as l10n from '@vscode/l10n';
import { analyzeChunk } from '../analysis/chunkAnalysis';
import type { ChunkAnalysis, FaultHandler } from '../analysis/chunkAnalysis';
import type { Finding } from '../analysis/finding';
import { innermostPod } from '../analysis/innermostPod';
import type { PodAnalysis } from '../analysis/podAnalysis';
import { LineIndex } from '../model/lineIndex';
import { DEFAULT_LIMITS } from '../model/parse';
import type { ParseLimits } from '../model/parse';
import { splitDocuments } from '../model/split';
import type { Span } from '../model/tree';
import type { KubeVersion } from '../model/version';
import type { AdmissionContext } from '../analysis/admission/context';

export interface ChunkEntry {
  readonly start: number;
  readonly text: string;
  readonly analysis: ChunkAnalysis;
  /** File-level index of the chunk's first YAML document and first pod. */
  readonly docBase: number;
  readonly podBase: number;
}

export interface PodRef {
  /** File-level pod index. */
  readonly index: number;
  /** File-level YAML document index. */
  readonly document: number;
  readonly chunk: ChunkEntry;
  readonly analysis: PodAnalysis;
}

export interface FileAnalysis {
  readonly text: string;
  readonly lines: LineIndex;
  readonly chunks: readonly ChunkEntry[];
  readonly pods: readonly PodRef[];
  /** File-offset findings (`pod` = file-level index). */
  readonly findings: readonly Finding[];
  readonly skipped: boolean;
}

export type ChunkCache = Map<string, ChunkAnalysis>;

/**
 * Alias expansion allowed across a whole file. parse.ts bounds each document (DEFAULT_LIMITS), but a
 * file of thousands of small documents, each a bounded alias bomb, would still build billions of
 * nodes; once this is spent, later documents that use aliases are analysed with aliases unexpanded.
 */
export const FILE_ALIAS_BUDGET = 1_000_000;
const NO_ALIASES: ParseLimits = { ...DEFAULT_LIMITS, maxAliasExpansion: 0, reportedAliasLimit: FILE_ALIAS_BUDGET };
/** Cache key prefix of chunks analysed without alias expansion (their analysis differs for the same text). */
const NO_ALIASES_KEY = '\u0000no-aliases\u0000';

/**
 * What the first publish of a large file covers: the documents at the top of the file, about this many
 * characters of freshly analysed text (~1,300 lines of typical manifests, a few screens), so that the
 * editor shows their diagnostics while the rest of the file is analysed (bench/README.md, "Profile").
 */
export const FIRST_STEP_CHARS = 32 * 1024;

/** The analysed top of a file, handed out while the rest is analysed (`analyzeFileInSteps`). */
export interface PartialFileAnalysis {
  /** The chunks analysed so far (a prefix of the file's chunks), their pods and findings. */
  readonly file: FileAnalysis;
  /** Where every chunk of the whole file starts: suppression directives are scoped by them. */
  readonly chunkStarts: readonly number[];
}

export function analyzeFile(text: string, version: KubeVersion, maxFileSize: number, previous: ChunkCache | undefined, onFault: FaultHandler, admission?: AdmissionContext): { file: FileAnalysis; cache: ChunkCache } {
  const steps = analyzeFileInSteps(text, version, maxFileSize, previous, onFault, Infinity, admission);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/**
 * `analyzeFile`, pausing once: when `firstStepChars` of text have been analysed afresh (cached chunks
 * cost nothing and do not count) and at least as much is left, it yields the analysed top of the file.
 * The chunks are analysed in file order either way, so the result is the same as `analyzeFile`'s.
 */
export function* analyzeFileInSteps(text: string, version: KubeVersion, maxFileSize: number, previous: ChunkCache | undefined, onFault: FaultHandler, firstStepChars = FIRST_STEP_CHARS, admission?: AdmissionContext): Generator<PartialFileAnalysis, { file: FileAnalysis; cache: ChunkCache }, void> {
  const lines = new LineIndex(text);
  if (text.length > maxFileSize) {
    const finding: Finding = {
      code: 'file-too-large', severity: 'information', span: { start: 0, end: 0 },
      message: l10n.t('Pod Lens skipped this file: it is {0} characters long, above the podLens.maxFileSize limit of {1}.', text.length, maxFileSize),
    };
    return { file: { text, lines, chunks: [], pods: [], findings: [finding], skipped: true }, cache: new Map() };
  }
  const cache: ChunkCache = new Map();
  const chunks: ChunkEntry[] = [];
  const pods: PodRef[] = [];
  const findings: Finding[] = [];
  const split = splitDocuments(text);
  let docBase = 0;
  let aliasNodes = 0;
  let fresh = 0;
  let paused = false;
  for (const c of split) {
    const limited = aliasNodes > FILE_ALIAS_BUDGET && c.text.includes('*');
    const key = limited ? NO_ALIASES_KEY + c.text : c.text;
    let analysis = cache.get(key) ?? previous?.get(key);
    if (!analysis) {
      analysis = analyzeChunk(c.text, version, onFault, undefined, limited ? NO_ALIASES : DEFAULT_LIMITS, admission);
      fresh += c.text.length;
    }
    cache.set(key, analysis);
    for (const d of analysis.documents) aliasNodes += d.aliasExpansion ?? 0;
    const entry: ChunkEntry = { start: c.start, text: c.text, analysis, docBase, podBase: pods.length };
    chunks.push(entry);
    for (const p of analysis.pods) {
      pods.push({ index: entry.podBase + p.pod.index, document: docBase + p.pod.document, chunk: entry, analysis: p });
    }
    for (const f of analysis.findings) {
      findings.push({ ...f, span: shift(f.span, c.start), ...(f.pod !== undefined ? { pod: entry.podBase + f.pod } : {}) });
    }
    docBase += analysis.documents.filter((d) => d.root !== undefined || /^---/.test(c.text)).length;
    const rest = text.length - (c.start + c.text.length);
    if (!paused && fresh >= firstStepChars && rest >= firstStepChars) {
      paused = true;
      yield { file: { text, lines, chunks: [...chunks], pods: [...pods], findings: [...findings], skipped: false }, chunkStarts: split.map((x) => x.start) };
    }
  }
  return { file: { text, lines, chunks, pods, findings, skipped: false }, cache };
}

export function shift(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

/** The chunk containing a file offset. */
export function chunkAt(file: FileAnalysis, offset: number): ChunkEntry | undefined {
  let lo = 0;
  let hi = file.chunks.length - 1;
  let found: ChunkEntry | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = file.chunks[mid]!;
    if (c.start <= offset) { found = c; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/** The pod at a file offset (analysis/innermostPod.ts: the one rule hovers and requests share). */
export function podAt(file: FileAnalysis, offset: number): PodRef | undefined {
  return innermostPod(file.pods, (ref) => shift(ref.analysis.pod.span, ref.chunk.start), offset);
}
