/**
 * The conformance generator's object model and a small YAML writer. Objects are plain JSON-like
 * trees; a `Plain` leaf is written verbatim as an unquoted YAML scalar (`cpu: 1e3`, `memory: 010`),
 * every string is written double-quoted, so the only YAML 1.1-vs-1.2 questions are the ones the
 * generator asks on purpose.
 */
export class Plain {
  constructor(readonly text: string) {}
}

export type Value = string | number | boolean | null | Plain | Value[] | { [key: string]: Value };
export type Obj = { [key: string]: Value };

export function isObj(v: Value | undefined): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Plain);
}

const PLAIN_KEY = /^[A-Za-z][A-Za-z0-9_.\/-]*$/;
// Keys YAML 1.1 would read as booleans or null if left plain.
const AMBIGUOUS_KEY = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;

function key(k: string): string {
  return PLAIN_KEY.test(k) && !AMBIGUOUS_KEY.test(k) ? k : JSON.stringify(k);
}

function scalar(v: Value): string | undefined {
  if (v === null) return 'null';
  if (v instanceof Plain) return v.text;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.length === 0) return '[]';
  if (isObj(v) && Object.keys(v).length === 0) return '{}';
  return undefined;
}

function lines(v: Value, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  if (Array.isArray(v)) {
    for (const item of v) {
      const s = scalar(item);
      if (s !== undefined) { out.push(`${pad}- ${s}`); continue; }
      const start = out.length;
      lines(item, indent + 2, out);
      out[start] = `${pad}- ${out[start]!.slice(indent + 2)}`;
    }
    return;
  }
  if (isObj(v)) {
    for (const [k, child] of Object.entries(v)) {
      const s = scalar(child);
      if (s !== undefined) { out.push(`${pad}${key(k)}: ${s}`); continue; }
      out.push(`${pad}${key(k)}:`);
      lines(child, indent + 2, out);
    }
    return;
  }
  out.push(pad + scalar(v)!);
}

/** One YAML document (no `---`), ending in a newline. */
export function toYaml(v: Value): string {
  const out: string[] = [];
  lines(v, 0, out);
  return out.join('\n') + '\n';
}

export function clone<T extends Value>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => clone(x)) as T;
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)])) as T;
  return v;
}

/** A JSON value (from the fixture tables) as a Value. */
export function fromJson(v: unknown): Value {
  if (Array.isArray(v)) return v.map(fromJson);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromJson(x)]));
  return v as Value;
}
