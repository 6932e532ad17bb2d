/**
 * Hover: an LSP position -> the chunk that holds it and a chunk-local offset -> the hover topics
 * (analysis/hover) -> markdown and a range in LSP positions.
 */
import { hoverAt } from '../analysis/hover/index';
import type { Position, Range } from '../model/lineIndex';
import { chunkAt } from './fileAnalysis';
import type { FileAnalysis } from './fileAnalysis';

export interface PodHover {
  readonly markdown: string;
  readonly range: Range;
}

export function hover(file: FileAnalysis, position: Position): PodHover | undefined {
  if (file.skipped) return undefined;
  const offset = file.lines.offset(position);
  const chunk = chunkAt(file, offset);
  if (!chunk) return undefined;
  const local = offset - chunk.start;
  if (local < 0 || local > chunk.text.length) return undefined;
  const h = hoverAt(chunk.analysis, local);
  if (!h) return undefined;
  return { markdown: h.markdown, range: file.lines.range(chunk.start + h.span.start, chunk.start + h.span.end) };
}
