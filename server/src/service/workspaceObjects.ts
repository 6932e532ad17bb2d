/**
 * The workspace index's objects of an open document, from the analysis the service already made of its
 * current text (no second parse): each chunk's parsed documents, cached per chunk analysis, so an edit
 * re-extracts only the chunks it changed.
 */
import { objectsOfDocuments } from '../analysis/workspace/objects';
import type { IndexedObject } from '../analysis/workspace/objects';
import type { FileAnalysis } from './fileAnalysis';

interface ChunkObjects { readonly file: string; readonly start: number; readonly docBase: number; readonly objects: readonly IndexedObject[] }

const byChunk = new WeakMap<object, ChunkObjects>();

export function objectsOfAnalysis(file: string, analysis: FileAnalysis): IndexedObject[] {
  const out: IndexedObject[] = [];
  for (const chunk of analysis.chunks) {
    let hit = byChunk.get(chunk.analysis);
    if (!hit || hit.file !== file || hit.start !== chunk.start || hit.docBase !== chunk.docBase) {
      const objects = objectsOfDocuments(file, chunk.analysis.documents, chunk.start, chunk.docBase)
        .map((o) => (o.tree ? { ...o, tree: { ...o.tree, lines: analysis.lines } } : o));
      hit = { file, start: chunk.start, docBase: chunk.docBase, objects };
      byChunk.set(chunk.analysis, hit);
    }
    out.push(...hit.objects);
  }
  return out;
}
