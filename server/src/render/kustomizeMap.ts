/**
 * Where a value of a `kustomize build` result was last set (issue 15): the base resource file, a
 * strategic-merge patch, a JSON 6902 patch operation, or the `images:` / `replicas:` entry of a
 * kustomization. The layers (a kustomization with its resources, bases and patch files) are read by the
 * node adapter (node/render/kustomizeSources.ts); this is pure.
 * Followed: resources (files and bases), `patches` (strategic merge or JSON 6902, by path or inline),
 * `patchesStrategicMerge`, `patchesJson6902`, `images`, `replicas`, `namePrefix`/`nameSuffix`. Items of a
 * list are matched by `name` where both sides have one (containers, env, ports), else by index.
 * Not followed (the value is attributed to the base resource): generators, components, replacements,
 * vars, helmCharts, and transformers configured in other files.
 */
import type { Span, YNode } from '../model/tree';
import { entry, get, isMap, isScalar, isSeq, str } from '../model/tree';
import { deepestAlong, nodeAtPath } from './yamlPath';
import type { PathSeg, YamlPath } from './yamlPath';

export interface KustomizeFile {
  /** The path as the user would write it (starting with the overlay directory given). */
  readonly file: string;
  /** Its YAML documents (roots; offsets into `text`). */
  readonly documents: readonly (YNode | undefined)[];
}

export interface KustomizeLayer {
  readonly kustomization: KustomizeFile;
  /** `resources:` (and legacy `bases:`) in order: a resource file or a nested layer. */
  readonly resources: readonly (KustomizeFile | KustomizeLayer)[];
  /** Patch files named by the kustomization, by the entry's path value. */
  readonly patchFiles: ReadonlyMap<string, KustomizeFile>;
}

export function isLayer(x: KustomizeFile | KustomizeLayer): x is KustomizeLayer {
  return 'kustomization' in x;
}

export interface KustomizeOrigin {
  readonly file: string;
  readonly span: Span;
  /** Which kind of source set it. */
  readonly via: 'resource' | 'patch' | 'json6902' | 'images' | 'replicas';
}

/** The identity of a rendered object. */
export interface RenderedObject {
  readonly kind: string;
  readonly name: string;
  readonly root: YNode | undefined;
}

interface Candidate { readonly origin: KustomizeOrigin; readonly depth: number; readonly full: boolean }

/** The last source that set `path` of `object` (or, for a value nobody set, the deepest key along it). */
export function kustomizeOrigin(layer: KustomizeLayer, object: RenderedObject, path: YamlPath): KustomizeOrigin | undefined {
  const candidates: Candidate[] = [];
  const original = originalName(layer, object.name);
  visit(layer, object, original, path, candidates);
  const full = candidates.filter((c) => c.full);
  if (full.length) return full[full.length - 1]!.origin;
  let best: Candidate | undefined;
  for (const c of candidates) if (!best || c.depth >= best.depth) best = c;
  return best?.origin;
}

/** The base resource (file and document) an object comes from. */
export function kustomizeResource(layer: KustomizeLayer, object: RenderedObject): { file: string; root: YNode } | undefined {
  const original = originalName(layer, object.name);
  for (const r of layer.resources) {
    if (isLayer(r)) {
      const hit = kustomizeResource(r, { ...object, name: original });
      if (hit) return hit;
      continue;
    }
    for (const doc of r.documents) if (doc && identifies(doc, object.kind, original, object.name)) return { file: r.file, root: doc };
  }
  return undefined;
}

function visit(layer: KustomizeLayer, object: RenderedObject, original: string, path: YamlPath, out: Candidate[]): void {
  const k = layer.kustomization.documents[0];
  for (const r of layer.resources) {
    if (isLayer(r)) { visit(r, object, originalName(r, original), path, out); continue; }
    for (const doc of r.documents) {
      if (!doc || !identifies(doc, object.kind, original, object.name)) continue;
      push(out, r.file, doc, translate(path, object.root, doc), 'resource', path.length);
    }
  }
  for (const patch of patchEntries(k)) {
    const file = patch.path !== undefined ? layer.patchFiles.get(patch.path) : undefined;
    const docs = file ? file.documents : patch.inline ? [patch.inline] : [];
    const fileName = file?.file ?? layer.kustomization.file;
    for (const doc of docs) {
      if (isSeq(doc) || patch.json6902) { json6902(fileName, doc, object, original, patch.target, path, out); continue; }
      if (!doc) continue;
      if (patch.target ? !targets(patch.target, object.kind, original, object.name) : !identifies(doc, object.kind, original, object.name)) continue;
      push(out, fileName, doc, translate(path, object.root, doc), 'patch', path.length);
    }
  }
  images(layer.kustomization.file, k, object, path, out);
  replicas(layer.kustomization.file, k, original, object.name, path, out);
}

function push(out: Candidate[], file: string, root: YNode, sourcePath: YamlPath | undefined, via: KustomizeOrigin['via'], length: number): void {
  if (!sourcePath) return;
  const hit = deepestAlong(root, sourcePath);
  if (hit.depth === 0) return;
  // A patch that only names the object (apiVersion/kind/metadata) sets nothing along a spec path.
  if (via === 'patch' && hit.depth < 2) return;
  out.push({ origin: { file, span: hit.span, via }, depth: hit.depth, full: hit.depth === length });
}

/**
 * The rendered path in a source document's terms: each list index becomes the index of the item with
 * the same `name` in the source's list (kustomize merges containers by name); without names, the index.
 */
function translate(path: YamlPath, rendered: YNode | undefined, source: YNode): YamlPath | undefined {
  const out: PathSeg[] = [];
  let r = rendered;
  let s: YNode | undefined = source;
  for (const seg of path) {
    if (typeof seg === 'number') {
      const item = isSeq(r) ? r.items[seg] : undefined;
      const name = str(get(item, 'name'));
      let index = seg;
      if (name !== undefined && isSeq(s)) {
        const i = s.items.findIndex((it) => str(get(it, 'name')) === name);
        if (i < 0) return out.length ? [...out, -1] : undefined;
        index = i;
      }
      out.push(index);
      r = item;
      s = isSeq(s) ? s.items[index] : undefined;
    } else {
      out.push(seg);
      r = get(r, seg);
      s = get(s, seg);
    }
  }
  return out;
}

interface PatchEntry { readonly path?: string; readonly inline?: YNode; readonly target?: YNode; readonly json6902: boolean }

function patchEntries(k: YNode | undefined): PatchEntry[] {
  const out: PatchEntry[] = [];
  for (const it of isSeq(get(k, 'patchesStrategicMerge')) ? (get(k, 'patchesStrategicMerge') as { items: readonly YNode[] }).items : []) {
    const p = str(it);
    if (p !== undefined) out.push({ path: p, json6902: false });
  }
  for (const key of ['patchesJson6902', 'patches']) {
    const list = get(k, key);
    if (!isSeq(list)) continue;
    for (const it of list.items) {
      const path = str(get(it, 'path'));
      const inline = get(it, 'patch');
      const target = get(it, 'target');
      out.push({ ...(path !== undefined ? { path } : {}), ...(inline ? { inline } : {}), ...(target ? { target } : {}), json6902: key === 'patchesJson6902' });
    }
  }
  return out;
}

function json6902(file: string, doc: YNode | undefined, object: RenderedObject, original: string, target: YNode | undefined, path: YamlPath, out: Candidate[]): void {
  if (!isSeq(doc) || !target || !targets(target, object.kind, original, object.name)) return;
  for (const op of doc.items) {
    const verb = str(get(op, 'op'));
    const pointer = str(get(op, 'path'));
    if (!pointer || !verb || verb === 'remove' || verb === 'test') continue;
    const segs = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^[0-9]+$/.test(s) ? Number(s) : s));
    // `-` appends: the rendered index is the list's last.
    const resolved = segs.map((s, i) => (s === '-' ? lastIndex(object.root, segs.slice(0, i)) : s));
    if (!prefixOf(resolved, path)) continue;
    const valueEntry = entry(op, 'value');
    const rest = path.slice(resolved.length);
    if (valueEntry?.value && rest.length) {
      const hit = deepestAlong(valueEntry.value, rest);
      out.push({ origin: { file, span: hit.depth ? hit.span : valueEntry.keySpan, via: 'json6902' }, depth: resolved.length + hit.depth, full: hit.depth === rest.length });
    } else {
      out.push({ origin: { file, span: (valueEntry ?? entry(op, 'path'))!.keySpan, via: 'json6902' }, depth: resolved.length, full: true });
    }
  }
}

function lastIndex(root: YNode | undefined, path: readonly PathSeg[]): number {
  const list = nodeAtPath(root, path);
  return isSeq(list) ? list.items.length - 1 : -1;
}

function prefixOf(a: readonly PathSeg[], b: YamlPath): boolean {
  return a.length <= b.length && a.every((s, i) => s === b[i]);
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

function images(file: string, k: YNode | undefined, object: RenderedObject, path: YamlPath, out: Candidate[]): void {
  const list = get(k, 'images');
  const n = path.length;
  if (!isSeq(list) || n < 3 || path[n - 1] !== 'image' || typeof path[n - 2] !== 'number' || !CONTAINER_LISTS.has(String(path[n - 3]))) return;
  const image = str(nodeAtPath(object.root, path));
  if (image === undefined) return;
  const name = image.replace(/@.*$/, '').replace(/:[^:/]*$/, '');
  for (const it of list.items) {
    const from = str(get(it, 'name'));
    const to = str(get(it, 'newName'));
    if (name !== from && name !== to) continue;
    const key = ['digest', 'newTag', 'newName'].map((x) => entry(it, x)).find((e) => e !== undefined) ?? entry(it, 'name');
    if (key) out.push({ origin: { file, span: key.keySpan, via: 'images' }, depth: n, full: true });
  }
}

function replicas(file: string, k: YNode | undefined, original: string, rendered: string, path: YamlPath, out: Candidate[]): void {
  const list = get(k, 'replicas');
  if (!isSeq(list) || path.length !== 2 || path[0] !== 'spec' || path[1] !== 'replicas') return;
  for (const it of list.items) {
    const name = str(get(it, 'name'));
    const count = entry(it, 'count');
    if (count && (name === original || name === rendered)) out.push({ origin: { file, span: count.keySpan, via: 'replicas' }, depth: 2, full: true });
  }
}

function identifies(doc: YNode, kind: string, original: string, rendered: string): boolean {
  if (!isMap(doc) || str(get(doc, 'kind')) !== kind) return false;
  const name = str(get(get(doc, 'metadata'), 'name'));
  return name === original || name === rendered;
}

function targets(target: YNode, kind: string, original: string, rendered: string): boolean {
  const tk = str(get(target, 'kind'));
  const tn = str(get(target, 'name'));
  if (tk !== undefined && tk !== kind) return false;
  if (tn !== undefined && tn !== original && tn !== rendered && !safeRegex(tn, original)) return false;
  return true;
}

function safeRegex(pattern: string, name: string): boolean {
  if (!/[*?[\]^$|()+]/.test(pattern)) return false;
  try { return new RegExp(`^(?:${pattern})$`).test(name); } catch { return false; }
}

/** The name before this layer's namePrefix/nameSuffix. */
function originalName(layer: KustomizeLayer, name: string): string {
  const k = layer.kustomization.documents[0];
  const prefix = scalarString(get(k, 'namePrefix'));
  const suffix = scalarString(get(k, 'nameSuffix'));
  let out = name;
  if (prefix && out.startsWith(prefix)) out = out.slice(prefix.length);
  if (suffix && out.endsWith(suffix)) out = out.slice(0, -suffix.length);
  return out;
}

function scalarString(n: YNode | undefined): string | undefined {
  return isScalar(n) && n.value !== null ? String(n.value) : undefined;
}
