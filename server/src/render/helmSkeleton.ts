/**
 * The YAML skeleton of a Helm template: which keys each template line writes, and where the values come
 * from. A static reading of the template (goTemplate.ts) line by line, tracking
 * - the YAML keys and sequence items the lines write (by indentation, actions blanked),
 * - `with` and `range` scopes (what `.` and `$var` mean), `define`d helpers and their `include`s (the
 *   helper's lines are read in place, at the include's `nindent`, with `.` bound to the argument),
 * - what an action writes: a scalar from references (`{{ .Values.a | default "x" }}`, `index .Values "a-b"`),
 *   or a block (`{{ toYaml .Values.x | nindent N }}`, `tpl (toYaml .Values.x) .`) whose keys are the values' own keys,
 * - variables set from `merge`/`mergeOverwrite` (a block or a field reads each merged map, highest precedence
 *   first), `dict` arguments of includes, and a map range's `$key` (the entry's own line),
 * - documents repeated by a `range` around `---`: each rendered document is bound to its entry (helmChart.ts).
 * Not covered (the mapping falls back to the template line): items or documents an `if` drops or repeats,
 * values computed by other functions, keys written by a helper that builds YAML with `printf`, and
 * flow-style YAML written around actions.
 */
import { actions, classify } from './goTemplate';
import type { ActionKind, Ref } from './goTemplate';

/** A values path; `{ range: n }` stands for the item of range `n`, bound when a rendered item is mapped. */
export type VSeg = string | { readonly range: number };
export type ValuesRef = readonly VSeg[];

export interface TemplateNode {
  readonly file: string;
  /** 0-based line of the key or item in `file`. */
  readonly line: number;
  readonly children: Map<string, TemplateNode>;
  /** The sources of the items of the sequence under this key, in template order. */
  readonly items: ItemSource[];
  /** Values maps written under this key by `toYaml` (their keys become this key's keys). */
  readonly blocks: ValuesRef[];
  /** The values a scalar written on this line can come from, in order of preference. */
  scalar?: ValuesRef[];
}

export type ItemSource =
  | { readonly kind: 'static'; readonly node: TemplateNode }
  /** The items of a values list (or map): a `range` body (`node` = the item written per element) or `toYaml` of a list. */
  | { readonly kind: 'values'; readonly list: ValuesRef; readonly range?: number; readonly node?: TemplateNode; readonly file: string; readonly line: number };

export interface Helper { readonly file: string; readonly text: string; readonly firstLine: number; readonly lines: readonly string[] }

/** A document a top-level `range` writes once per entry of `list` (map keys in sorted order, as Go ranges). */
export interface Repeat { readonly range: number; readonly list: ValuesRef }

export interface TemplateDocument {
  readonly root: TemplateNode;
  /** 0-based line where the document starts. */
  readonly firstLine: number;
  readonly repeat?: Repeat;
}

/** `define` blocks of the given files (helpers usually live in `_helpers.tpl`, but any file may define). */
export function collectHelpers(files: ReadonlyArray<{ readonly file: string; readonly text: string }>): Map<string, Helper> {
  const out = new Map<string, Helper>();
  for (const { file, text } of files) {
    const lineOf = lineLookup(text);
    let depth = 0;
    let open: { name: string; bodyStart: number; depth: number } | undefined;
    for (const a of actions(text)) {
      const k = classify(a.body);
      if (k.kind === 'define') {
        // `-}}` trims the newline after the define: the body's first line is the next one either way.
        if (!open) open = { name: k.name, bodyStart: text[a.end] === '\n' ? a.end + 1 : a.end, depth };
        depth++;
      } else if (k.kind === 'if' || k.kind === 'with' || k.kind === 'range') depth++;
      else if (k.kind === 'end') {
        depth--;
        if (open && depth === open.depth) {
          const body = text.slice(open.bodyStart, a.start);
          if (!out.has(open.name)) out.set(open.name, { file, text: body, firstLine: lineOf(open.bodyStart), lines: body.split('\n') });
          open = undefined;
        }
      }
    }
  }
  return out;
}

function lineLookup(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
}

/** What `.` or a variable stands for: the root context, a values path, or a `dict` built for an include. */
type Binding = { readonly root: true } | { readonly values: ValuesRef } | { readonly fields: ReadonlyMap<string, Binding> } | { readonly merged: readonly ValuesRef[] } | undefined;

interface Scope { readonly dot: Binding; readonly vars: ReadonlyMap<string, Binding> }

interface Frame {
  readonly kind: 'if' | 'with' | 'range' | 'define' | 'other';
  readonly scope: Scope;
  /** Range frames: their id, list, and the stack depth when opened (items written deeper belong to the range). */
  readonly range?: { readonly id: number; readonly list: ValuesRef; readonly stackDepth: number; source?: ItemSource };
}

interface StackEntry { readonly indent: number; readonly node: TemplateNode }

const KEY_LINE = /^(\s*)((?:-[ \t]+)*)((?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s#'"{}[\],&*!|>%@`-][^:#]*?|[^\s#'"{}[\],&*!|>%@`][^:#]*?)):(?:[ \t]|$)/;
const DASH_ONLY = /^(\s*)((?:-[ \t]*)+)(.*)$/;

function newNode(file: string, line: number): TemplateNode {
  return { file, line, children: new Map(), items: [], blocks: [] };
}

class SkeletonBuilder {
  private rangeIds = 0;
  /** Set while reading a template file itself (not a helper): document separators and the first write of each document. */
  private topLevel: { separator(line: number): void; wrote(): void } | undefined;
  constructor(private readonly helpers: ReadonlyMap<string, Helper>) {}

  documents(file: string, text: string): TemplateDocument[] {
    const docs: { root: TemplateNode; firstLine: number; repeat?: Repeat; written: boolean }[] = [];
    const lines = text.split('\n');
    const frames: Frame[] = [{ kind: 'other', scope: { dot: { root: true }, vars: new Map([['', { root: true }]]) } }];
    const stack: StackEntry[] = [];
    const start = (line: number) => {
      const root = newNode(file, line);
      docs.push({ root, firstLine: line, written: false });
      stack.length = 0;
      stack.push({ indent: -1, node: root });
    };
    start(0);
    // One pass over the whole file, so that a `range` (or `with`) around `---` scopes the documents it repeats.
    this.topLevel = {
      separator: (line) => start(line + 1),
      wrote: () => {
        const doc = docs[docs.length - 1]!;
        if (doc.written) return;
        doc.written = true;
        const repeat = documentRange(frames);
        if (repeat) doc.repeat = repeat;
      },
    };
    this.readLines(file, lines, 0, 0, stack, frames, 0);
    this.topLevel = undefined;
    // A template whose first lines are only a `---` or comments: drop documents that wrote nothing.
    const written = docs.filter((d) => d.root.children.size > 0 || d.root.blocks.length > 0);
    return (written.length ? written : docs.slice(0, 1)).map((d) => ({ root: d.root, firstLine: d.firstLine, ...(d.repeat ? { repeat: d.repeat } : {}) }));
  }

  /** Read template lines at `indentOffset` (the `nindent` of an include), extending `stack` in place. */
  private readLines(file: string, lines: readonly string[], firstLine: number, indentOffset: number, stack: StackEntry[], frames: Frame[], depth: number): void {
    const text = lines.join('\n');
    const acts = actions(text);
    let lineStart = 0;
    let ai = 0;
    let coveredUntil = 0;
    for (let li = 0; li < lines.length; li++) {
      const raw = lines[li]!;
      const lineEnd = lineStart + raw.length;
      const inLine: { kind: ActionKind; start: number; end: number }[] = [];
      while (ai < acts.length && acts[ai]!.start < lineEnd + 1) {
        const a = acts[ai]!;
        inLine.push({ kind: classify(a.body), start: a.start - lineStart, end: a.end - lineStart });
        coveredUntil = Math.max(coveredUntil, a.end);
        ai++;
      }
      if (inLine.length === 0 && coveredUntil > lineStart) { lineStart = lineEnd + 1; continue; } // inside a multi-line action
      const line = firstLine + li;
      if (depth === 0 && this.topLevel && inLine.length === 0 && /^---(\s|$)/.test(raw)) {
        this.topLevel.separator(line);
        lineStart = lineEnd + 1;
        continue;
      }
      const blanked = blank(raw, inLine);
      const scope = () => frames[frames.length - 1]!.scope;
      // Control actions first (they usually stand alone on their line).
      for (const a of inLine) this.control(a.kind, frames, stack);
      const key = KEY_LINE.exec(blanked);
      const dash = key ? undefined : DASH_ONLY.exec(blanked);
      if (key || (dash && dash[2]!.trim() !== '')) {
        if (depth === 0 && stack.length === 1) this.topLevel?.wrote();
        const lead = (key ? key[1]! : dash![1]!).length + indentOffset;
        const dashes = key ? key[2]! : dash![2]!;
        let col = lead;
        const dashCount = (dashes.match(/-/g) ?? []).length;
        let parentPopped = false;
        for (let d = 0; d < dashCount; d++) {
          if (!parentPopped) { popTo(stack, col); parentPopped = true; }
          const parent = stack[stack.length - 1]!.node;
          const item = newNode(file, line);
          parent.items.push(this.itemSource(item, parent, frames, stack.length, file, line));
          stack.push({ indent: col, node: item });
          col += 2;
        }
        if (key) {
          const keyCol = lead + dashes.length;
          if (!parentPopped) popTo(stack, keyCol);
          const name = unquote(key[3]!.trim());
          const parent = stack[stack.length - 1]!.node;
          let node = parent.children.get(name);
          if (!node) { node = newNode(file, line); parent.children.set(name, node); }
          stack.push({ indent: keyCol, node });
          const valueFrom = key[0].length;
          const outputs = inLine.filter((a) => a.start >= valueFrom && a.kind.kind === 'output');
          this.writeOutputs(outputs.map((a) => a.kind), node, scope(), stack, frames, keyCol, depth, true);
        } else {
          const node = stack[stack.length - 1]!.node;
          this.writeOutputs(inLine.filter((a) => a.kind.kind === 'output').map((a) => a.kind), node, scope(), stack, frames, col, depth, true);
        }
      } else {
        // A line of actions only: a block (`toYaml ... | nindent N`) or an include, placed by its indent.
        const outputs = inLine.filter((a) => a.kind.kind === 'output');
        for (const a of outputs) {
          const k = a.kind as Extract<ActionKind, { kind: 'output' }>;
          if (k.indent === undefined) {
            // `{{ toYaml . }}` or `{{ include ... }}` at its line's column (indent), not nindent.
            if (!k.toYaml && !k.include) continue;
          }
          const at = k.indent !== undefined ? k.indent + indentOffset : a.start + indentOffset;
          popTo(stack, at);
          if (depth === 0 && stack.length === 1) this.topLevel?.wrote();
          this.writeOutputs([k], stack[stack.length - 1]!.node, scope(), stack, frames, at, depth, false);
        }
      }
      lineStart = lineEnd + 1;
    }
  }

  private itemSource(item: TemplateNode, parent: TemplateNode, frames: Frame[], stackDepth: number, file: string, line: number): ItemSource {
    // The innermost range opened inside this sequence (deeper than the parent key) writes the items.
    for (let i = frames.length - 1; i >= 0; i--) {
      const r = frames[i]!.range;
      if (!r) continue;
      if (r.stackDepth >= stackDepth) {
        if (r.source) return { kind: 'static', node: item }; // a second item per iteration: not followed
        r.source = { kind: 'values', list: r.list, range: r.id, node: item, file, line };
        return r.source;
      }
      break;
    }
    void parent;
    return { kind: 'static', node: item };
  }

  private control(k: ActionKind, frames: Frame[], stack: StackEntry[]): void {
    const top = frames[frames.length - 1]!;
    switch (k.kind) {
      case 'if': frames.push({ kind: 'if', scope: top.scope }); break;
      case 'define': frames.push({ kind: 'define', scope: top.scope }); break;
      case 'with': frames.push({ kind: 'with', scope: { dot: bind(k.ref, top.scope), vars: top.scope.vars } }); break;
      case 'else': {
        if (frames.length > 1) {
          const outer = frames[frames.length - 2]!;
          if (k.with) frames[frames.length - 1] = { kind: 'with', scope: { dot: bind(k.with, outer.scope), vars: outer.scope.vars } };
          else if (top.kind === 'with' || top.kind === 'range') frames[frames.length - 1] = { kind: 'if', scope: outer.scope };
        }
        break;
      }
      case 'range': {
        const list = bind(k.ref, top.scope);
        if (list && 'values' in list) {
          const id = this.rangeIds++;
          const item: Binding = { values: [...list.values, { range: id }] };
          const vars = new Map(top.scope.vars);
          if (k.value !== undefined) vars.set(k.value, item);
          // `$key` writes the entry's key: its origin is the entry's own line.
          if (k.key !== undefined) vars.set(k.key, item);
          frames.push({ kind: 'range', scope: { dot: item, vars }, range: { id, list: list.values, stackDepth: stack.length } });
        } else frames.push({ kind: 'range', scope: { dot: undefined, vars: top.scope.vars } });
        break;
      }
      case 'end': if (frames.length > 1) frames.pop(); break;
      case 'set': {
        const vars = new Map(top.scope.vars);
        vars.set(k.name, k.merged ? mergedBinding(k.merged, top.scope) : bind(k.ref, top.scope));
        frames[frames.length - 1] = { ...top, scope: { dot: top.scope.dot, vars } };
        break;
      }
      default: break;
    }
  }

  private writeOutputs(outputs: readonly ActionKind[], node: TemplateNode, scope: Scope, stack: StackEntry[], frames: Frame[], indent: number, depth: number, inline: boolean): void {
    for (const k of outputs) {
      if (k.kind !== 'output') continue;
      if (k.toYaml) {
        // `toYaml (merge A B)`: every merged map is a block, highest precedence first.
        for (const ref of k.toYamlAll ?? [k.toYaml]) {
          const b = bind(ref, scope);
          const paths = b && 'values' in b ? [b.values] : b && 'merged' in b ? b.merged : [];
          for (const p of paths) {
            node.blocks.push(p);
            node.items.push({ kind: 'values', list: p, file: node.file, line: node.line });
          }
        }
        continue;
      }
      if (k.include) {
        const helper = this.helpers.get(k.include.name);
        const dict = k.include.dict;
        const arg: Binding = dict ? { fields: new Map([...dict].map(([key, ref]) => [key, bind(ref, scope)])) } : k.include.arg ? bind(k.include.arg, scope) : undefined;
        if (helper && depth < 8 && (k.indent !== undefined || !inline)) {
          const helperStack = stack.slice();
          const base = k.indent ?? indent;
          const helperFrames: Frame[] = [{ kind: 'other', scope: { dot: arg, vars: new Map([['', arg]]) } }];
          this.readLines(helper.file, helper.lines, helper.firstLine, base, helperStack, helperFrames, depth + 1);
        } else if (helper && inline) {
          // `key: {{ include "x" . }}`: the helper's scalar; its references against the argument.
          const refs = helperRefs(helper, arg);
          if (refs.length) node.scalar = [...(node.scalar ?? []), ...refs];
        }
        continue;
      }
      const refs = k.refs.map((r) => bind(r, scope)).flatMap(valuesPaths);
      if (refs.length && inline) node.scalar = [...(node.scalar ?? []), ...refs];
    }
    void frames;
  }
}

function helperRefs(helper: Helper, arg: Binding): ValuesRef[] {
  const vars = new Map<string, Binding>([['', arg]]);
  const scope: Scope = { dot: arg, vars };
  const out: ValuesRef[] = [];
  for (const a of actions(helper.text)) {
    const k = classify(a.body);
    // `$tag := .image.tag | default ...`: the variable stands for its first reference (the first value set wins).
    if (k.kind === 'set') { if (!vars.get(k.name)) vars.set(k.name, bind(k.ref, scope)); continue; }
    if (k.kind !== 'output') continue;
    for (const r of k.refs) out.push(...valuesPaths(bind(r, scope)));
  }
  return out;
}

/** The values paths a binding reads: one, or each merged map's (highest precedence first). */
function valuesPaths(b: Binding): ValuesRef[] {
  return b && 'values' in b ? [b.values] : b && 'merged' in b ? [...b.merged] : [];
}

/** `$v := merge A B`: the values maps merged, highest precedence first (those that are values). */
function mergedBinding(refs: readonly Ref[], scope: Scope): Binding {
  const paths = refs.map((r) => bind(r, scope)).flatMap((b) => (b && 'values' in b ? [b.values] : b && 'merged' in b ? b.merged : []));
  return paths.length ? { merged: paths } : undefined;
}

/** A reference in a scope: a values path, the root context, or unknown. */
function bind(ref: Ref | undefined, scope: Scope): Binding {
  if (!ref) return undefined;
  if (ref.base === 'values') return { values: ref.path };
  const base = ref.base === 'dot' ? scope.dot : scope.vars.get(ref.name);
  if (!base) return undefined;
  // A field of merged maps: the field of each, highest precedence first.
  if ('merged' in base) return ref.path.length === 0 ? base : { merged: base.merged.map((p) => [...p, ...ref.path]) };
  if ('fields' in base) {
    if (ref.path.length === 0) return base;
    const field = base.fields.get(ref.path[0]!);
    if (!field) return undefined;
    return ref.path.length === 1 ? field : bind({ base: 'dot', path: ref.path.slice(1) }, { dot: field, vars: scope.vars });
  }
  if ('root' in base) {
    if (ref.path.length === 0) return base;
    return ref.path[0] === 'Values' ? { values: ref.path.slice(1) } : undefined;
  }
  return { values: [...base.values, ...ref.path] };
}

/** The innermost range opened outside any key (around whole documents), when one is open. */
function documentRange(frames: readonly Frame[]): Repeat | undefined {
  for (let i = frames.length - 1; i >= 0; i--) {
    const r = frames[i]!.range;
    if (r && r.stackDepth <= 1) return { range: r.id, list: r.list };
  }
  return undefined;
}

function popTo(stack: StackEntry[], indent: number): void {
  while (stack.length > 1 && stack[stack.length - 1]!.indent >= indent) stack.pop();
}

function blank(line: string, inLine: readonly { start: number; end: number }[]): string {
  let out = line;
  for (const a of inLine) {
    const s = Math.max(0, a.start);
    const e = Math.min(line.length, a.end);
    if (e > s) out = out.slice(0, s) + ' '.repeat(e - s) + out.slice(e);
  }
  return out;
}

function unquote(key: string): string {
  if ((key.startsWith('"') && key.endsWith('"')) || (key.startsWith("'") && key.endsWith("'"))) return key.slice(1, -1);
  return key;
}

/** The skeletons of a template's YAML documents, with helpers from all the chart's files. */
export function templateSkeleton(file: string, text: string, helpers: ReadonlyMap<string, Helper>): TemplateDocument[] {
  return new SkeletonBuilder(helpers).documents(file, text);
}
