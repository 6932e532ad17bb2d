/**
 * The checks the `yaml` package's Composer makes on the tokens around a node (its properties and
 * what follows it), for cstTree.ts. Where the Composer would report an error or a warning, these
 * throw `CstFallback` instead: the document is then composed the ordinary way, which reports it.
 * Tags are not supported here (they fall back too).
 */
import type { CST } from 'yaml';

/** Thrown when the CST path cannot build a document exactly as the Composer would. */
export class CstFallback extends Error {}

export function fallback(): never {
  throw new CstFallback();
}

export type Indicator = 'doc-start' | 'explicit-key-ind' | 'map-value-ind' | 'seq-item-ind';

export interface Props {
  readonly found: CST.SourceToken | null;
  readonly anchor: CST.SourceToken | null;
  readonly comma: CST.SourceToken | null;
  readonly newlineAfterProp: CST.SourceToken | null;
  readonly hasNewline: boolean;
  readonly hasComment: boolean;
  /** Offset after the last token (or `offset` when there are none). */
  readonly end: number;
}

/** Mirrors `resolveProps` (compose/resolve-props.js), minus what only builds comments. */
export function readProps(
  tokens: readonly CST.SourceToken[], flow: boolean, indicator: Indicator, next: CST.Token | undefined | null,
  offset: number, parentIndent: number, startOnNewline: boolean,
): Props {
  let atNewline = startOnNewline;
  let hasSpace = startOnNewline;
  let hasNewline = false;
  let hasComment = false;
  let reqSpace = false;
  let tab: CST.SourceToken | null = null;
  let anchor: CST.SourceToken | null = null;
  let newlineAfterProp: CST.SourceToken | null = null;
  let comma: CST.SourceToken | null = null;
  let found: CST.SourceToken | null = null;
  for (const token of tokens) {
    const type = token.type;
    if (reqSpace) {
      if (type !== 'space' && type !== 'newline' && type !== 'comma') fallback();
      reqSpace = false;
    }
    if (tab) {
      if (atNewline && type !== 'comment' && type !== 'newline') fallback();
      tab = null;
    }
    if (type === 'space') {
      if (!flow && (indicator !== 'doc-start' || next?.type !== 'flow-collection') && token.source.includes('\t')) tab = token;
      hasSpace = true;
    } else if (type === 'comment') {
      if (!hasSpace) fallback();
      hasComment = true;
      atNewline = false;
    } else if (type === 'newline') {
      atNewline = true;
      hasNewline = true;
      if (anchor) newlineAfterProp = token;
      hasSpace = true;
    } else if (type === 'anchor') {
      if (anchor || token.source.endsWith(':')) fallback();
      anchor = token;
      atNewline = false;
      hasSpace = false;
      reqSpace = true;
    } else if (type === indicator) {
      if (anchor || found) fallback();
      found = token;
      atNewline = indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
      hasSpace = false;
    } else if (type === 'comma' && flow) {
      if (comma) fallback();
      comma = token;
      atNewline = false;
      hasSpace = false;
    } else {
      fallback(); // a tag, or a token the Composer reports as unexpected
    }
  }
  const last = tokens[tokens.length - 1];
  const end = last ? last.offset + last.source.length : offset;
  if (reqSpace && next && next.type !== 'space' && next.type !== 'newline' && next.type !== 'comma' && (next.type !== 'scalar' || (next as CST.FlowScalar).source !== '')) fallback();
  if (tab && ((atNewline && tab.indent <= parentIndent) || next?.type === 'block-map' || next?.type === 'block-seq')) fallback();
  return { found, anchor, comma, newlineAfterProp, hasNewline, hasComment, end };
}

/** Mirrors `resolveEnd` (compose/resolve-end.js) with `strict: false`: the offset after a node's trailing tokens. */
export function endOffset(end: readonly CST.SourceToken[] | undefined, offset: number): number {
  if (!end) return offset;
  for (const token of end) {
    const type = token.type;
    if (type !== 'space' && type !== 'comment' && type !== 'newline') fallback();
    offset += token.source.length;
  }
  return offset;
}

/** Mirrors `emptyScalarPosition` (compose/util-empty-scalar-position.js). */
export function emptyScalarPosition(offset: number, before: readonly CST.SourceToken[] | undefined): number {
  if (!before) return offset;
  for (let i = before.length - 1; i >= 0; --i) {
    let st = before[i]!;
    if (st.type === 'space' || st.type === 'comment' || st.type === 'newline') {
      offset -= st.source.length;
      continue;
    }
    st = before[++i]!;
    while (st?.type === 'space') {
      offset += st.source.length;
      st = before[++i]!;
    }
    break;
  }
  return offset;
}

/** Mirrors `containsNewline` (compose/util-contains-newline.js) for the keys cstTree.ts accepts. */
export function keyContainsNewline(key: CST.FlowScalar): boolean {
  if (key.source.includes('\n')) return true;
  if (key.end) for (const st of key.end) if (st.type === 'newline') return true;
  return false;
}
