/**
 * Observed pods of a file (analysis/observed), with their chunk's offset so spans become file positions.
 * Shared by the code lens, the CLI's `explain` and the protocol.
 */
import type { PodExplanation } from '../analysis/observed/index';
import type { Range } from '../model/lineIndex';
import type { Span } from '../model/tree';
import type { FileAnalysis } from './fileAnalysis';

export interface ObservedRef {
  readonly explanation: PodExplanation;
  /** File offset of the chunk the spans are local to. */
  readonly chunkStart: number;
}

export function observedPods(file: FileAnalysis): ObservedRef[] {
  return file.chunks.flatMap((c) => (c.analysis.observed ?? []).map((explanation) => ({ explanation, chunkStart: c.start })));
}

export function rangeOf(file: FileAnalysis, ref: ObservedRef, span: Span): Range {
  return file.lines.range(ref.chunkStart + span.start, ref.chunkStart + span.end);
}
