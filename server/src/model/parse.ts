/**
 * YAML text -> plain trees (tree.ts), one per document, plus syntax problems.
 * Kubernetes decodes manifests as YAML 1.1 (on/yes are booleans, merge keys apply), so we do too.
 * Aliases are shared, not copied, and their total expansion is bounded (alias bombs); nesting depth
 * is bounded (deep nesting); Helm/Go template actions are blanked out before parsing so that a
 * chart template yields one notice instead of a flood of syntax errors.
 */
import { Composer, Parser, parseAllDocuments } from 'yaml';
import type { CST, Node as YamlNode, Document } from 'yaml';
import type { Span, YNode } from './tree';
import { TreeBuilder, newAliasBudget } from './treeBuilder';
import { COMPOSE_OPTIONS, cstDocuments } from './cstTree';
import type { CstDocument } from './cstTree';
import { lineDocuments } from './lineTree';

export interface ParseLimits {
  /** Deepest nesting converted; deeper content is replaced by null and reported. */
  readonly maxDepth: number;
  /** Upper bound on nodes reachable through aliases (expanded size), as go-yaml's "excessive aliasing". */
  readonly maxAliasExpansion: number;
  /** The limit named in the excessive-aliasing message when it differs (a file-wide budget already spent). */
  readonly reportedAliasLimit?: number;
}

export const DEFAULT_LIMITS: ParseLimits = { maxDepth: 200, maxAliasExpansion: 100_000 };

export type SyntaxProblemCode = 'yaml-syntax' | 'yaml-duplicate-key' | 'yaml-nesting' | 'yaml-aliases' | 'helm-template';

export interface SyntaxProblem {
  readonly code: SyntaxProblemCode;
  readonly severity: 'error' | 'warning' | 'information';
  readonly span: Span;
  readonly message: string;
  /** Arguments for the localised message (the service formats the final text). */
  readonly args?: readonly (string | number)[];
}

export interface ParsedDocument {
  readonly index: number;
  readonly span: Span;
  readonly root: YNode | undefined;
  /** The document contained template actions ({{ ... }}), which were blanked before parsing. */
  readonly templated: boolean;
  /** The document has syntax errors; its tree may be partial. */
  readonly hasErrors: boolean;
  /** Nodes charged to the alias budget in this document (0 without aliases); lets a caller bound a whole file. */
  readonly aliasExpansion: number;
}

export interface ParsedFile {
  readonly documents: readonly ParsedDocument[];
  readonly problems: readonly SyntaxProblem[];
}

/**
 * Replace `{{ ... }}` with spaces (newlines kept) so offsets stay valid. A linear scan: a lazy
 * `/\{\{[\s\S]*?\}\}/g` is quadratic on a long run of unterminated `{{` (minutes for one 4 MB line).
 */
export function blankTemplates(text: string): { text: string; spans: Span[] } {
  let open = text.indexOf('{{');
  if (open < 0) return { text, spans: [] };
  const spans: Span[] = [];
  const parts: string[] = [];
  let last = 0;
  while (open >= 0) {
    const close = text.indexOf('}}', open + 2);
    if (close < 0) break; // no later `}}` can close this or any later `{{`
    const end = close + 2;
    spans.push({ start: open, end });
    parts.push(text.slice(last, open), text.slice(open, end).replace(/[^\r\n]/g, ' '));
    last = end;
    open = text.indexOf('{{', end);
  }
  if (spans.length === 0) return { text, spans };
  parts.push(text.slice(last));
  return { text: parts.join(''), spans };
}

/**
 * Which way a text became trees: read line by line (lineTree.ts), straight from the CST (cstTree.ts), or
 * through the Composer's Documents.
 */
export type ParsePath = 'lines' | 'cst' | 'document';

export function parseFile(text: string, limits: ParseLimits = DEFAULT_LIMITS): ParsedFile {
  return parseFileVia(text, limits, 'lines').parsed;
}

/**
 * `parseFile`, saying which path it took. `prefer: 'document'` always composes Documents (the
 * reference the other paths are tested against); `'cst'` builds from the CST unless some document needs
 * the Composer, and then composes the same tokens (the text is parsed once either way); `'lines'` first
 * reads the text line by line, and takes the CST path when the text has anything that reader leaves to it.
 */
export function parseFileVia(text: string, limits: ParseLimits, prefer: ParsePath): { parsed: ParsedFile; path: ParsePath } {
  const { text: blanked, spans: templateSpans } = blankTemplates(text);
  // A lone \r is a line break in YAML (and in LSP positions), but the parser only knows \n and \r\n:
  // same length, so offsets are unchanged.
  const source = blanked.includes('\r') ? blanked.replace(/\r(?!\n)/g, '\n') : blanked;
  let docs: Document.Parsed[];
  if (prefer === 'lines') {
    const read = lineDocuments(source, limits);
    if (read) return { parsed: fromCst(read, templateSpans), path: 'lines' };
  }
  try {
    if (prefer !== 'document') {
      const tokens: CST.Token[] = Array.from(new Parser().parse(source));
      const built = cstDocuments(tokens, limits, newAliasBudget(limits));
      if (built) return { parsed: fromCst(built, templateSpans), path: 'cst' };
      docs = Array.from(new Composer(COMPOSE_OPTIONS).compose(tokens)) as Document.Parsed[];
    } else {
      docs = parseAllDocuments(source, COMPOSE_OPTIONS) as Document.Parsed[];
      if (!Array.isArray(docs)) docs = [];
    }
  } catch (e) {
    // The parser itself recursed too deep or failed: report once, analyse nothing.
    return { parsed: unparsable(text, e), path: 'document' };
  }
  return { parsed: fromDocuments(docs, templateSpans, limits), path: 'document' };
}

function unparsable(text: string, e: unknown): ParsedFile {
  return { documents: [], problems: [{ code: 'yaml-nesting', severity: 'error', span: { start: 0, end: Math.min(text.length, 1) }, message: 'The YAML could not be parsed: {0}', args: [String((e as Error)?.message ?? e)] }] };
}

function isTemplated(templateSpans: readonly Span[], span: Span): boolean {
  return templateSpans.some((t) => t.start >= span.start && t.start < Math.max(span.end, span.start + 1));
}

function templateNotice(templateSpans: readonly Span[], span: Span): SyntaxProblem {
  const first = templateSpans.find((t) => t.start >= span.start)!;
  return { code: 'helm-template', severity: 'information', span: first, message: 'This document contains template expressions ({{ ... }}); they were ignored and values they produce are not checked.' };
}

function fromCst(built: readonly CstDocument[], templateSpans: readonly Span[]): ParsedFile {
  const problems: SyntaxProblem[] = [];
  const documents = built.map((d, index): ParsedDocument => {
    const templated = isTemplated(templateSpans, d.span);
    if (templated) problems.push(templateNotice(templateSpans, d.span));
    for (const p of d.problems) problems.push(p);
    return { index, span: d.span, root: d.root, templated, hasErrors: false, aliasExpansion: d.aliasExpansion };
  });
  return { documents, problems };
}

function fromDocuments(docs: readonly Document.Parsed[], templateSpans: readonly Span[], limits: ParseLimits): ParsedFile {
  const problems: SyntaxProblem[] = [];
  const documents: ParsedDocument[] = [];
  const budget = newAliasBudget(limits);
  docs.forEach((doc, index) => {
    const range = doc.range ?? [0, 0, 0];
    const span: Span = { start: range[0], end: range[2] ?? range[1] };
    const templated = isTemplated(templateSpans, span);
    const errors = doc.errors ?? [];
    errors.forEach((err, i) => {
      if (templated && i > 0) return; // one is enough for a template
      const [s, e] = err.pos ?? [0, 0];
      problems.push({ code: 'yaml-syntax', severity: 'error', span: { start: s, end: Math.max(e, s) }, message: 'YAML syntax error: {0}', args: [firstLine(err.message)] });
    });
    if (templated) problems.push(templateNotice(templateSpans, span));
    let root: YNode | undefined;
    const before = budget.alias;
    try {
      root = doc.contents ? new TreeBuilder(doc, limits, budget, problems).build(doc.contents as YamlNode) : undefined;
    } catch (e) {
      problems.push({ code: 'yaml-nesting', severity: 'error', span, message: 'The YAML could not be parsed: {0}', args: [String((e as Error)?.message ?? e)] });
      root = undefined;
    }
    budget.active.clear();
    documents.push({ index, span, root, templated, hasErrors: errors.length > 0, aliasExpansion: Math.max(0, before - budget.alias) });
  });
  return { documents, problems };
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return (i < 0 ? s : s.slice(0, i)).trim();
}
