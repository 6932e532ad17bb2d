/**
 * Which objects of a file are observed pods: a Pod with a `status` mapping, on its own (`kubectl get pod
 * NAME -o yaml`) or as an item of a `kind: List` (`kubectl get pods -o yaml`). The spec, when the object
 * has one, is the PodAnalysis with the same root (findPods keeps the same List items).
 */
import type { ParsedDocument } from '../../model/parse';
import { entry, get, isMap, items, str } from '../../model/tree';
import type { Span, YMap } from '../../model/tree';
import type { PodAnalysis } from '../podAnalysis';

export interface ObservedObject {
  readonly root: YMap;
  readonly document: number;
  readonly listItem: number | undefined;
  /** The pod's analysis when it has a spec Pod Lens could read. */
  readonly analysis: PodAnalysis | undefined;
  /** Where to anchor a lens or a whole-pod note: the `kind:` entry, else the object. */
  readonly anchorSpan: Span;
}

function isObservedPod(root: YMap): boolean {
  return str(get(root, 'kind')) === 'Pod' && entry(root, 'status') !== undefined;
}

export function observedObjects(documents: readonly ParsedDocument[], pods: readonly PodAnalysis[]): ObservedObject[] {
  const byRoot = new Map<YMap, PodAnalysis>();
  for (const p of pods) byRoot.set(p.pod.root, p);
  const out: ObservedObject[] = [];
  const add = (root: YMap, document: number, listItem: number | undefined) => {
    if (!isObservedPod(root)) return;
    const kind = entry(root, 'kind');
    out.push({
      root, document, listItem, analysis: byRoot.get(root),
      anchorSpan: kind ? { start: kind.keySpan.start, end: kind.value?.span.end ?? kind.keySpan.end } : root.span,
    });
  };
  for (const doc of documents) {
    const root = doc.root;
    if (!isMap(root)) continue;
    const kind = str(get(root, 'kind'));
    if (kind === 'List' || (kind?.endsWith('List') && get(root, 'items'))) {
      items(get(root, 'items')).forEach((item, i) => { if (isMap(item)) add(item, doc.index, i); });
    } else add(root, doc.index, undefined);
  }
  return out;
}
