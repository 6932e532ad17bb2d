/**
 * The workspace index: every Kubernetes object of the workspace's YAML files, by file and by
 * namespace, with the facts cross-object checks need (objects.ts). Pure: the adapters (lsp/workspace.ts,
 * node/workspaceFiles.ts, the CLI) read the files and hand over text or parsed documents.
 *
 * Namespaces: a kustomization's `namespace` for the files it lists in `resources` (kustomize's
 * namespace transformer overrides metadata.namespace; the outermost kustomization wins), else
 * metadata.namespace, else the default namespace (the podLens.defaultNamespace setting).
 *
 * Updates are per file: `setFile` replaces that file's objects only. Memory is bounded: at most
 * `maxFiles` files and `maxObjects` objects (MAX_OBJECTS_PER_FILE per file); a file that would pass a
 * cap is not indexed and `stats().full` says so.
 */
import { parseFile } from '../../model/parse';
import { splitDocuments } from '../../model/split';
import { isKustomizationFile, objectsOfDocuments, withTreeLines } from './objects';
import type { IndexedObject } from './objects';
import { dirname, joinPath, normalizePath } from './paths';

export const DEFAULT_NAMESPACE = 'default';
export const MAX_INDEXED_FILES = 20_000;
export const MAX_INDEXED_OBJECTS = 200_000;

export interface IndexOptions {
  readonly defaultNamespace?: string;
  readonly maxFiles?: number;
  readonly maxObjects?: number;
}

/** What an update touched: the namespaces whose objects changed, or every namespace (a kustomization changed). */
export type IndexChange = { readonly all: true } | { readonly all: false; readonly namespaces: ReadonlySet<string> };

export interface IndexStats {
  readonly files: number;
  readonly objects: number;
  /** A file was refused because a cap was reached. */
  readonly full: boolean;
}

/** The read side, what rules get (WorkspaceIndex implements it). */
export interface WorkspaceView {
  /** The effective namespace of an object. */
  namespaceOf(object: IndexedObject): string;
  /** Every object in a namespace (index order: file, then document). */
  objectsIn(namespace: string): readonly IndexedObject[];
  /** Objects in a namespace with a kind (and a name). */
  find(namespace: string, kind: string, name?: string): IndexedObject[];
  /** The objects of one file, in document order. */
  objectsOf(file: string): readonly IndexedObject[];
  /** Whether some file holds a pod or workload (anywhere). */
  hasPodOwners(): boolean;
  namespaces(): string[];
  /**
   * Changes whenever what the view answers may have changed (a file set or removed, the default namespace).
   * Rules cache what they derive from a namespace under it; a view without one is never cached.
   */
  readonly generation?: number;
}

export class WorkspaceIndex implements WorkspaceView {
  private readonly files = new Map<string, readonly IndexedObject[]>();
  private objectCount = 0;
  private refused = false;
  private defaultNs: string;
  private readonly maxFiles: number;
  private readonly maxObjects: number;
  /** Namespace per file from kustomizations; rebuilt when a kustomization changes. */
  private kustomizeNs: Map<string, string> | undefined;
  /** Objects per namespace, kept up to date incrementally; rebuilt when namespaces may have moved. */
  private byNamespace: Map<string, Set<IndexedObject>> | undefined;
  private nsCache = new WeakMap<IndexedObject, string>();
  private podOwners = 0;
  private changes = 0;
  private limitRangeChanges = 0;

  constructor(options: IndexOptions = {}) {
    this.defaultNs = options.defaultNamespace || DEFAULT_NAMESPACE;
    this.maxFiles = options.maxFiles ?? MAX_INDEXED_FILES;
    this.maxObjects = options.maxObjects ?? MAX_INDEXED_OBJECTS;
  }

  get defaultNamespace(): string { return this.defaultNs; }

  get generation(): number { return this.changes; }

  /**
   * Changes whenever the LimitRanges a pod may be admitted with could have changed: a file that holds or held
   * one, a kustomization (namespaces), the default namespace. The admission cache key of every pod.
   */
  get limitRangeGeneration(): number { return this.limitRangeChanges; }

  /** Returns whether it changed anything. */
  setDefaultNamespace(ns: string | undefined): boolean {
    const next = ns || DEFAULT_NAMESPACE;
    if (next === this.defaultNs) return false;
    this.defaultNs = next;
    this.changes++;
    this.limitRangeChanges++;
    this.invalidateNamespaces();
    return true;
  }

  /** Replace a file's objects (an empty list keeps the file known, with nothing in it). */
  setFile(file: string, objects: readonly IndexedObject[]): IndexChange {
    const key = normalizePath(file);
    const old = this.files.get(key);
    this.changes++;
    if (!old) {
      if (this.files.size >= this.maxFiles || this.objectCount + objects.length > this.maxObjects) {
        this.refused = true;
        return { all: false, namespaces: new Set() };
      }
    } else if (this.objectCount - old.length + objects.length > this.maxObjects) {
      this.refused = true;
      return this.removeFile(key);
    }
    const touched = new Set<string>();
    if (old) for (const o of old) touched.add(this.namespaceOf(o));
    const kustomizationChanged = isKustomizationFile(key) || old?.some((o) => o.kustomization) || objects.some((o) => o.kustomization);
    if (kustomizationChanged || old?.some(isLimitRangeObject) || objects.some(isLimitRangeObject)) this.limitRangeChanges++;
    this.detach(old);
    const stored = objects.map((o) => (o.file === key ? o : { ...o, file: key }));
    this.files.set(key, stored);
    this.objectCount += stored.length;
    this.podOwners += stored.filter((o) => o.pod).length;
    if (kustomizationChanged) {
      this.invalidateNamespaces();
      return { all: true };
    }
    this.attach(stored);
    for (const o of stored) touched.add(this.namespaceOf(o));
    return { all: false, namespaces: touched };
  }

  /** Parse a file's text with the project's parser (its budgets) and index what it holds. */
  setFileText(file: string, text: string): IndexChange {
    return this.setFile(file, objectsOfText(file, text));
  }

  removeFile(file: string): IndexChange {
    const key = normalizePath(file);
    const old = this.files.get(key);
    if (!old) return { all: false, namespaces: new Set() };
    this.changes++;
    const touched = new Set(old.map((o) => this.namespaceOf(o)));
    this.detach(old);
    this.files.delete(key);
    const kustomizationRemoved = isKustomizationFile(key) || old.some((o) => o.kustomization);
    if (kustomizationRemoved || old.some(isLimitRangeObject)) this.limitRangeChanges++;
    if (kustomizationRemoved) {
      this.invalidateNamespaces();
      return { all: true };
    }
    return { all: false, namespaces: touched };
  }

  hasFile(file: string): boolean { return this.files.has(normalizePath(file)); }

  fileNames(): string[] { return [...this.files.keys()]; }

  stats(): IndexStats { return { files: this.files.size, objects: this.objectCount, full: this.refused }; }

  objectsOf(file: string): readonly IndexedObject[] { return this.files.get(normalizePath(file)) ?? []; }

  hasPodOwners(): boolean { return this.podOwners > 0; }

  /**
   * The namespace an object of `file` with this metadata.namespace is created in (what `namespaceOf` answers
   * for indexed objects): for a pod read from a file's current text, indexed or not.
   */
  namespaceForFile(file: string, metadataNamespace: string | undefined): string {
    return this.kustomizeNamespaces().get(normalizePath(file)) ?? metadataNamespace ?? this.defaultNs;
  }

  namespaceOf(object: IndexedObject): string {
    const hit = this.nsCache.get(object);
    if (hit !== undefined) return hit;
    const ns = this.kustomizeNamespaces().get(object.file) ?? object.metadataNamespace ?? this.defaultNs;
    this.nsCache.set(object, ns);
    return ns;
  }

  objectsIn(namespace: string): readonly IndexedObject[] {
    const set = this.namespaceMap().get(namespace);
    return set ? [...set] : [];
  }

  find(namespace: string, kind: string, name?: string): IndexedObject[] {
    const set = this.namespaceMap().get(namespace);
    const out: IndexedObject[] = [];
    for (const o of set ?? []) if (o.kind === kind && (name === undefined || o.name === name)) out.push(o);
    return out;
  }

  namespaces(): string[] { return [...this.namespaceMap().keys()].sort(); }

  private detach(old: readonly IndexedObject[] | undefined): void {
    if (!old) return;
    this.objectCount -= old.length;
    this.podOwners -= old.filter((o) => o.pod).length;
    if (this.byNamespace) {
      for (const o of old) {
        const ns = this.namespaceOf(o);
        const set = this.byNamespace.get(ns);
        set?.delete(o);
        if (set && set.size === 0) this.byNamespace.delete(ns);
      }
    }
  }

  private attach(objects: readonly IndexedObject[]): void {
    if (!this.byNamespace) return;
    for (const o of objects) {
      const ns = this.namespaceOf(o);
      let set = this.byNamespace.get(ns);
      if (!set) { set = new Set(); this.byNamespace.set(ns, set); }
      set.add(o);
    }
  }

  private invalidateNamespaces(): void {
    this.kustomizeNs = undefined;
    this.byNamespace = undefined;
    this.nsCache = new WeakMap();
  }

  private namespaceMap(): Map<string, Set<IndexedObject>> {
    if (!this.byNamespace) {
      this.byNamespace = new Map();
      for (const objects of this.files.values()) this.attach(objects);
    }
    return this.byNamespace;
  }

  /** file -> namespace from kustomizations, the outermost kustomization with a namespace winning. */
  private kustomizeNamespaces(): Map<string, string> {
    if (this.kustomizeNs) return this.kustomizeNs;
    const kustomizations = new Map<string, { namespace: string | undefined; targets: string[] }>();
    for (const [file, objects] of this.files) {
      for (const o of objects) {
        if (!o.kustomization) continue;
        const dir = dirname(file);
        kustomizations.set(dir, { namespace: o.kustomization.namespace, targets: o.kustomization.resources.map((r) => joinPath(dir, r)) });
      }
    }
    const referenced = new Set<string>();
    for (const k of kustomizations.values()) for (const t of k.targets) if (kustomizations.has(t)) referenced.add(t);
    const out = new Map<string, string>();
    const visit = (dir: string, outer: string | undefined, depth: number, seen: Set<string>) => {
      const k = kustomizations.get(dir);
      if (!k || seen.has(dir) || depth > 20) return;
      seen.add(dir);
      const ns = outer ?? k.namespace;
      for (const t of k.targets) {
        if (kustomizations.has(t)) visit(t, ns, depth + 1, seen);
        else if (ns !== undefined && !out.has(t)) out.set(t, ns);
      }
      seen.delete(dir);
    };
    for (const dir of kustomizations.keys()) if (!referenced.has(dir)) visit(dir, undefined, 0, new Set());
    // Kustomizations only reachable through a cycle: each on its own.
    for (const dir of kustomizations.keys()) if (referenced.has(dir)) visit(dir, undefined, 0, new Set());
    this.kustomizeNs = out;
    return out;
  }
}

function isLimitRangeObject(o: IndexedObject): boolean {
  return o.kind === 'LimitRange';
}

/**
 * The objects of a file's text, parsed per YAML document (model/split.ts) with the project's parser
 * and its budgets, so hostile YAML costs bounded time and memory and never throws.
 */
export function objectsOfText(file: string, text: string): IndexedObject[] {
  const out: IndexedObject[] = [];
  let docBase = 0;
  for (const chunk of splitDocuments(text)) {
    const parsed = parseFile(chunk.text);
    objectsOfDocuments(file, parsed.documents, chunk.start, docBase, out);
    docBase += parsed.documents.filter((d) => d.root !== undefined || /^---/.test(chunk.text)).length;
  }
  return withTreeLines(out, text);
}
