/**
 * The parts of Go template syntax that decide where a rendered value comes from: the actions of a
 * template (`{{ ... }}`, with `{{-`/`-}}` trimming and `{{/* comments *\/}}`), classified as control
 * (define, if, else, with, range, end) or output, and the references an action makes (`.Values.a.b`,
 * `$.Values.a`, `.field` against the current dot, `$var.field`, `.` itself). A static reading only: it
 * never evaluates a function; what it cannot follow it leaves out, and the mapping then falls back to the
 * template line (render/helmSkeleton.ts).
 */

export interface Action {
  /** Offsets of `{{` and just past `}}` in the template text. */
  readonly start: number;
  readonly end: number;
  /** The text between the delimiters, trim markers removed. */
  readonly body: string;
}

/** Every action of a template, in order; an unterminated `{{` ends the scan. */
export function actions(text: string): Action[] {
  const out: Action[] = [];
  let open = text.indexOf('{{');
  while (open >= 0) {
    const close = closeOf(text, open + 2);
    if (close < 0) break;
    let body = text.slice(open + 2, close);
    if (body.startsWith('-')) body = body.slice(1);
    if (body.endsWith('-')) body = body.slice(0, -1);
    out.push({ start: open, end: close + 2, body: body.trim() });
    open = text.indexOf('{{', close + 2);
  }
  return out;
}

/** The `}}` closing an action, skipping `}}` inside string literals and comments. */
function closeOf(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === '`') {
      const quote = ch;
      i++;
      while (i < text.length && text[i] !== quote) i += text[i] === '\\' && quote === '"' ? 2 : 1;
      i++;
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return -1;
      i = end + 2;
      continue;
    }
    if (ch === '}' && text[i + 1] === '}') return i;
    i++;
  }
  return -1;
}

/** A reference an action makes, before it is bound to the scope it is read in. */
export type Ref =
  | { readonly base: 'values'; readonly path: readonly string[] }
  | { readonly base: 'dot'; readonly path: readonly string[] }
  | { readonly base: 'var'; readonly name: string; readonly path: readonly string[] };

export type ActionKind =
  | { readonly kind: 'comment' }
  | { readonly kind: 'define'; readonly name: string }
  | { readonly kind: 'if' }
  | { readonly kind: 'else'; readonly with?: Ref }
  | { readonly kind: 'with'; readonly ref: Ref | undefined }
  | { readonly kind: 'range'; readonly ref: Ref | undefined; readonly key?: string; readonly value?: string }
  | { readonly kind: 'end' }
  /** `merged`: `$v := merge A B` / `mergeOverwrite A B`, the maps it merges, highest precedence first. */
  | { readonly kind: 'set'; readonly name: string; readonly ref: Ref | undefined; readonly merged?: readonly Ref[] }
  | {
    readonly kind: 'output'; readonly refs: readonly Ref[];
    /** The value `toYaml` writes; `toYamlAll`: every map it merges, highest precedence first (`merge`, `mergeOverwrite`). */
    readonly toYaml?: Ref; readonly toYamlAll?: readonly Ref[];
    /** `dict`: the include's argument built as `(dict "key" ref ...)`, each key with the reference it holds. */
    readonly include?: { readonly name: string; readonly arg: Ref | undefined; readonly dict?: ReadonlyMap<string, Ref | undefined> };
    readonly indent?: number;
  };

const WORD = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Classify one action body. */
export function classify(body: string): ActionKind {
  if (body.startsWith('/*')) return { kind: 'comment' };
  const head = WORD.exec(body)?.[0];
  const rest = head ? body.slice(head.length).trim() : body;
  switch (head) {
    case 'define': case 'block': return { kind: 'define', name: stringLiteral(rest) ?? '' };
    case 'if': return { kind: 'if' };
    case 'else': {
      const inner = rest.replace(/^(if|with)\b/, '').trim();
      return /^with\b/.test(rest) ? { kind: 'else', with: firstRef(inner) } : { kind: 'else' };
    }
    case 'with': return { kind: 'with', ref: firstRef(rest) };
    case 'range': {
      const decl = /^(\$[A-Za-z0-9_]*)\s*(?:,\s*(\$[A-Za-z0-9_]*))?\s*:=\s*(.*)$/s.exec(rest);
      if (decl) {
        const two = decl[2] !== undefined;
        return { kind: 'range', ref: firstRef(decl[3]!), ...(two ? { key: decl[1]!.slice(1), value: decl[2]!.slice(1) } : { value: decl[1]!.slice(1) }) };
      }
      return { kind: 'range', ref: firstRef(rest) };
    }
    case 'end': return { kind: 'end' };
    default: break;
  }
  const set = /^\$([A-Za-z0-9_]+)\s*:?=\s*(.*)$/s.exec(body);
  if (set) {
    const merged = mergedRefs(set[2]!);
    return { kind: 'set', name: set[1]!, ref: firstRef(set[2]!), ...(merged ? { merged } : {}) };
  }
  const indent = /\b(?:nindent|indent)\s+([0-9]+)/.exec(body);
  const include = /\b(?:include|template)\s+("(?:[^"\\]|\\.)*")\s*(\S+)?/.exec(body);
  const dict = include && include[2]?.startsWith('(dict') ? dictArg(body.slice(include.index + include[0].length - include[2].length)) : undefined;
  const yaml = include ? undefined : toYamlSources(body);
  return {
    kind: 'output',
    refs: refsOf(body),
    ...(yaml?.length ? { toYaml: yaml[0], toYamlAll: yaml } : {}),
    ...(include ? { include: { name: stringLiteral(include[1]!) ?? '', arg: include[2] && !dict ? refOf(include[2].replace(/\)+$/, '')) : undefined, ...(dict ? { dict } : {}) } } : {}),
    ...(indent ? { indent: Number(indent[1]) } : {}),
  };
}

function stringLiteral(text: string): string | undefined {
  const m = /^"((?:[^"\\]|\\.)*)"/.exec(text.trim());
  return m ? m[1] : undefined;
}

const REF_TOKEN = /(\$[A-Za-z0-9_]*)?((?:\.[A-Za-z_][A-Za-z0-9_]*)+)|(\$[A-Za-z0-9_]*)|(?<![A-Za-z0-9_)\]"])\.(?![A-Za-z0-9_])/g;

/** One token as a reference: `.Values.a`, `$.Values.a`, `.a`, `$v.a`, `$v`, `.`. */
export function refOf(token: string): Ref | undefined {
  const t = token.replace(/^\(+/, '').replace(/\)+$/, '');
  if (t === '.') return { base: 'dot', path: [] };
  const m = /^(\$[A-Za-z0-9_]*)?((?:\.[A-Za-z_][A-Za-z0-9_]*)*)$/.exec(t);
  if (!m) return undefined;
  const path = m[2] ? m[2].slice(1).split('.') : [];
  const v = m[1];
  if (v === '$' || v === undefined) {
    if (path[0] === 'Values') return { base: 'values', path: path.slice(1) };
    if (v === '$') return undefined; // $.Chart, $.Release: not values
    if (path.length === 0) return undefined;
    return { base: 'dot', path };
  }
  return { base: 'var', name: v.slice(1), path };
}

/** `index X "a" "b"`: a lookup by literal keys (keys with dashes or dots); its reference is X's path extended. */
const INDEX_CALL = /\bindex\s+(\(?(?:\$[A-Za-z0-9_]*)?(?:\.[A-Za-z_][A-Za-z0-9_]*)*\)?|\.)((?:\s+"(?:[^"\\]|\\.)*")+)/g;

/** All references of an expression, in order, string literals skipped. */
export function refsOf(body: string): Ref[] {
  const found: { at: number; ref: Ref }[] = [];
  let rest = body;
  for (const m of body.matchAll(INDEX_CALL)) {
    const base = refOf(m[1]!);
    const keys = [...m[2]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((k) => k[1]!);
    if (base) found.push({ at: m.index!, ref: { ...base, path: [...base.path, ...keys] } as Ref });
    rest = rest.slice(0, m.index!) + ' '.repeat(m[0].length) + rest.slice(m.index! + m[0].length);
  }
  const text = rest.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, (s) => ' '.repeat(s.length));
  for (const m of text.matchAll(REF_TOKEN)) {
    const ref = refOf(m[0]);
    if (ref) found.push({ at: m.index!, ref });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.ref);
}

function firstRef(text: string): Ref | undefined {
  return refsOf(text)[0];
}

/**
 * What `toYaml` writes: `toYaml X`, `X | toYaml`, `omit X "k" | toYaml`, `toYaml (merge A B)` (A wins),
 * `toYaml (mergeOverwrite A B)` (B wins), `tpl (X | toYaml) ctx`; highest precedence first.
 */
function toYamlSources(body: string): Ref[] | undefined {
  const text = body.replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, (s) => ' '.repeat(s.length));
  let expr: string | undefined;
  const prefix = /\btoYaml\s+(\([^)]*\)|\S+)/.exec(text);
  if (prefix) expr = prefix[1]!;
  else {
    const piped = /(?:^|[(|])\s*([^|()]*?)\s*\|\s*toYaml\b/.exec(text);
    if (piped) expr = piped[1]!;
  }
  if (expr === undefined) return undefined;
  expr = expr.replace(/^\(|\)$/g, '').trim();
  const refs = mergedRefs(expr) ?? refsOf(expr).slice(0, 1);
  return refs.length ? refs : undefined;
}

/** The maps `merge A B` (A wins) or `mergeOverwrite A B` (B wins) merges, highest precedence first. */
function mergedRefs(expr: string): Ref[] | undefined {
  const head = WORD.exec(expr.trim())?.[0];
  if (head !== 'merge' && head !== 'mergeOverwrite') return undefined;
  const refs = refsOf(expr);
  return head === 'mergeOverwrite' ? refs.reverse() : refs;
}

/** `(dict "a" .x "b" $y ...)` at the start of `text`: each key with its reference (undefined for literals and calls). */
function dictArg(text: string): Map<string, Ref | undefined> | undefined {
  const open = /^\(dict\b/.exec(text);
  if (!open) return undefined;
  const tokens: string[] = [];
  let i = open[0].length;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === ')') break;
    if (ch === '"') {
      const m = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(i));
      if (!m) return undefined;
      tokens.push(m[0]); i += m[0].length; continue;
    }
    if (ch === '(') {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) { if (text[j] === '(') depth++; else if (text[j] === ')' && --depth === 0) break; }
      tokens.push(text.slice(i, j + 1)); i = j + 1; continue;
    }
    const m = /^[^\s()]+/.exec(text.slice(i))!;
    tokens.push(m[0]); i += m[0].length;
  }
  const out = new Map<string, Ref | undefined>();
  for (let k = 0; k + 1 < tokens.length; k += 2) {
    const key = stringLiteral(tokens[k]!);
    if (key === undefined) continue;
    const value = tokens[k + 1]!;
    out.set(key, value.startsWith('"') || value.startsWith('(') ? undefined : refOf(value));
  }
  return out;
}
