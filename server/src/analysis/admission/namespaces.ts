/**
 * What the namespace around a pod holds that changes the pod the API server admits: its LimitRanges, read from
 * every file Pod Lens was given (the CLI's FILE/DIR arguments, the editor's workspace). A pod without
 * metadata.namespace is created in the default namespace (kubectl's context namespace; `default` unless set).
 */
import { findLimitRanges } from '../../model/limitRange';
import type { LimitRangeModel } from '../../model/limitRange';
import { LineIndex } from '../../model/lineIndex';
import { parseFile } from '../../model/parse';
import type { LimitRangeSource } from './limitRanger';

export const DEFAULT_NAMESPACE = 'default';

export interface NamespaceContext {
  readonly defaultNamespace: string;
  /** The LimitRanges of a namespace, by name (the informer's order is not defined). */
  limitRanges(namespace: string | undefined): readonly LimitRangeSource[];
  /** Equal for two contexts exactly when every answer is the same (a cache key). */
  readonly fingerprint: string;
}

/** A file's LimitRanges, to be kept per file and replaced when the file changes. */
export function limitRangesOfFile(file: string, text: string, defaultNamespace: string = DEFAULT_NAMESPACE): LimitRangeSource[] {
  if (!/\bLimitRange\b/.test(text)) return [];
  const parsed = parseFile(text);
  const ranges = findLimitRanges(parsed.documents);
  if (!ranges.length) return [];
  const lines = new LineIndex(text);
  return ranges.map((range: LimitRangeModel) => {
    const kindRange = lines.range(range.kindSpan.start, range.kindSpan.end);
    return { range: { ...range, kindRange }, file, line: kindRange.start.line + 1, namespace: range.namespace ?? defaultNamespace };
  });
}

export function namespaceContext(sources: readonly LimitRangeSource[], defaultNamespace: string = DEFAULT_NAMESPACE): NamespaceContext {
  const byNamespace = new Map<string, LimitRangeSource[]>();
  for (const source of sources) {
    // A LimitRange without a namespace is created in the default namespace, whichever that is now.
    const s = source.range.namespace === undefined ? { ...source, namespace: defaultNamespace } : source;
    const ns = s.namespace;
    let list = byNamespace.get(ns);
    if (!list) byNamespace.set(ns, (list = []));
    list.push(s);
  }
  for (const list of byNamespace.values()) list.sort((a, b) => (a.range.name < b.range.name ? -1 : a.range.name > b.range.name ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const fingerprint = `${defaultNamespace}\u0000${[...byNamespace].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ns, list]) => `${ns}:${list.map(describe).join(',')}`).join(';')}`;
  return {
    defaultNamespace,
    limitRanges: (namespace) => byNamespace.get(namespace ?? defaultNamespace) ?? [],
    fingerprint,
  };
}

function describe(s: LimitRangeSource): string {
  const items = s.range.items.map((item) => `${item.type}{${[...item.values].map(([c, m]) => `${c}=${[...m].map(([k, v]) => `${k}:${v.quantity.mantissa}e${v.quantity.exponent}${v.quantity.format[0]}@${v.span?.start ?? ''}`).join('|')}`).join(' ')}}`);
  return `${s.range.name}@${s.file}:${s.line}[${items.join('')}]`;
}
