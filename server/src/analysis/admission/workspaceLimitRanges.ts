/**
 * The LimitRanges a pod is admitted with when the workspace is known (issue 16): those of the pod's namespace
 * anywhere in the workspace index, where the pod's namespace is resolved as the index resolves every object's
 * (a kustomization's `namespace`, else metadata.namespace, else the default namespace). The pod's own file is
 * read from its current text (`own`), not from the index, which may hold an older version of it.
 */
import type { PodSpecModel } from '../../model/pod';
import type { Span } from '../../model/tree';
import type { IndexedObject } from '../workspace/objects';
import type { AdmissionContext } from './context';
import { readLimitRange } from './limitRangeModel';
import type { LimitRangeModel } from './limitRangeModel';

/** What this needs of the workspace index (WorkspaceIndex implements it). */
export interface LimitRangeIndex {
  namespaceForFile(file: string, metadataNamespace: string | undefined): string;
  namespaceOf(object: IndexedObject): string;
  namespaces(): string[];
  find(namespace: string, kind: string): IndexedObject[];
  hasFile(file: string): boolean;
  readonly limitRangeGeneration: number;
}

export interface WorkspaceAdmissionInput {
  readonly index: LimitRangeIndex;
  /** The pod's file, as the index keys it. */
  readonly file: string;
  /** The LimitRanges written in the pod's file now, and a key of their text. */
  readonly own: readonly LimitRangeModel[];
  readonly ownKey: string;
  /** How messages show another file (workspace-relative path), and its URI for links. */
  readonly display: (file: string) => { readonly file: string; readonly uri?: string };
}

interface IndexedLimitRange { readonly file: string; readonly model: LimitRangeModel }

const byIndex = new WeakMap<object, { generation: number; byNamespace: Map<string, IndexedLimitRange[]> }>();
const models = new WeakMap<IndexedObject, LimitRangeModel | null>();

export function workspaceAdmission(input: WorkspaceAdmissionInput): AdmissionContext | undefined {
  const { index, file, own } = input;
  const all = limitRangesByNamespace(index, input.display);
  if (all.size === 0 && own.length === 0) return undefined;
  return {
    key: `ws${index.limitRangeGeneration}|${input.ownKey}`,
    limitRangesFor(pod: PodSpecModel): readonly LimitRangeModel[] {
      const ns = index.namespaceForFile(file, pod.namespace);
      const others = (all.get(ns) ?? []).filter((lr) => lr.file !== file).map((lr) => lr.model);
      const mine = own.filter((lr) => index.namespaceForFile(file, lr.namespace) === ns);
      return others.length === 0 ? mine : [...others, ...mine];
    },
  };
}

/** Every indexed LimitRange by its namespace, in index order; rebuilt when the index's LimitRanges change. */
function limitRangesByNamespace(index: LimitRangeIndex, display: WorkspaceAdmissionInput['display']): Map<string, IndexedLimitRange[]> {
  const hit = byIndex.get(index);
  if (hit && hit.generation === index.limitRangeGeneration) return hit.byNamespace;
  const byNamespace = new Map<string, IndexedLimitRange[]>();
  for (const ns of index.namespaces()) {
    const found: IndexedLimitRange[] = [];
    for (const o of index.find(ns, 'LimitRange')) {
      const model = modelOf(o, display);
      if (model) found.push({ file: o.file, model });
    }
    if (found.length) byNamespace.set(ns, found);
  }
  byIndex.set(index, { generation: index.limitRangeGeneration, byNamespace });
  return byNamespace;
}

function modelOf(o: IndexedObject, display: WorkspaceAdmissionInput['display']): LimitRangeModel | undefined {
  const known = models.get(o);
  if (known !== undefined) return known ?? undefined;
  const tree = o.tree;
  let model: LimitRangeModel | undefined;
  if (tree) {
    const shown = display(o.file);
    const lines = tree.lines;
    model = readLimitRange(tree.root, {
      file: shown.file,
      ...(shown.uri ? { uri: shown.uri } : {}),
      lineOf: (offset) => (lines ? lines.position(offset + tree.offset).line + 1 : 0),
      ...(lines ? { rangeOf: (s: Span) => lines.range(s.start + tree.offset, s.end + tree.offset) } : {}),
    });
  }
  models.set(o, model ?? null);
  return model;
}
