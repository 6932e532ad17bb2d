/**
 * A plain, position-keeping view of a YAML document. The `yaml` package's classes never leave
 * `model/`: everything else reads these plain objects. Offsets are UTF-16 code-unit offsets into the
 * document text (what JavaScript strings and LSP positions use).
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type YNode = YMap | YSeq | YScalar;

interface YBase {
  readonly span: Span;
  /** Explicit tag as written (`!!str`, `!custom`), if any. */
  readonly tag?: string;
}

export interface YEntry {
  readonly key: string;
  readonly keySpan: Span;
  /** Undefined only when the key has no value node at all. A `key:` with nothing after it is a null scalar. */
  readonly value: YNode | undefined;
}

export interface YMap extends YBase {
  readonly type: 'map';
  readonly entries: readonly YEntry[];
}

export interface YSeq extends YBase {
  readonly type: 'seq';
  readonly items: readonly YNode[];
}

export type ScalarValue = string | number | boolean | null;

export interface YScalar extends YBase {
  readonly type: 'scalar';
  /** The value as YAML 1.1 resolves it (what Kubernetes' YAML decoder sees). */
  readonly value: ScalarValue;
  /** The text as written, for plain scalars; the decoded string for quoted ones. */
  readonly source: string;
  readonly quoted: boolean;
}

export function isMap(n: YNode | undefined): n is YMap {
  return n !== undefined && n.type === 'map';
}

export function isSeq(n: YNode | undefined): n is YSeq {
  return n !== undefined && n.type === 'seq';
}

export function isScalar(n: YNode | undefined): n is YScalar {
  return n !== undefined && n.type === 'scalar';
}

/** The last entry with this key wins, as in Kubernetes' decoder (duplicates are reported separately). */
export function entry(map: YNode | undefined, key: string): YEntry | undefined {
  if (!isMap(map)) return undefined;
  for (let i = map.entries.length - 1; i >= 0; i--) {
    const e = map.entries[i]!;
    if (e.key === key) return e;
  }
  return undefined;
}

export function get(map: YNode | undefined, key: string): YNode | undefined {
  return entry(map, key)?.value;
}

export function getPath(node: YNode | undefined, path: readonly string[]): YNode | undefined {
  let cur = node;
  for (const k of path) cur = get(cur, k);
  return cur;
}

/** A string value, or undefined when absent or not a string. */
export function str(node: YNode | undefined): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** An integer value, or undefined when absent or not an integer. */
export function int(node: YNode | undefined): number | undefined {
  return isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) ? node.value : undefined;
}

export function bool(node: YNode | undefined): boolean | undefined {
  return isScalar(node) && typeof node.value === 'boolean' ? node.value : undefined;
}

export function isNull(node: YNode | undefined): boolean {
  return node === undefined || (isScalar(node) && node.value === null);
}

export function items(node: YNode | undefined): readonly YNode[] {
  return isSeq(node) ? node.items : [];
}

/** A list of strings (e.g. `command`), or undefined if absent or not a list of scalars. */
export function strList(node: YNode | undefined): string[] | undefined {
  if (!isSeq(node)) return undefined;
  const out: string[] = [];
  for (const it of node.items) {
    if (!isScalar(it) || it.value === null) return undefined;
    out.push(String(it.value));
  }
  return out;
}
