/**
 * Splits a multi-document YAML stream at its document markers (`---` / `...` at the start of a line),
 * so that each document can be parsed, analysed and cached on its own: an edit in one document of a
 * 50k-line file re-parses only that document. A marker at column 0 always ends a document in YAML,
 * even inside block scalars, so this split agrees with the parser.
 */
export interface Chunk {
  /** Offset of the chunk in the whole text. */
  readonly start: number;
  readonly text: string;
}

const MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;

export function splitDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    if (m.index === start) continue; // marker at the chunk's own start belongs to it
    if (m[0] === '---') {
      chunks.push({ start, text: text.slice(start, m.index) });
      start = m.index;
    } else {
      // `...` ends a document: keep it with the document it ends.
      const lineEnd = text.indexOf('\n', m.index);
      const end = lineEnd < 0 ? text.length : lineEnd + 1;
      chunks.push({ start, text: text.slice(start, end) });
      start = end;
      MARKER.lastIndex = end;
    }
  }
  if (start < text.length || chunks.length === 0) chunks.push({ start, text: text.slice(start) });
  return chunks;
}
