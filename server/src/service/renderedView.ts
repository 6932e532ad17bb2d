/**
 * What the editor shows for one rendered chart or overlay (issue 15), per source file: the rendered
 * diagnostics that landed in it, a QoS lens above each template's `kind:`, hovers on template and values
 * lines showing the rendered result, the pods for podLens/analysis and the lifecycle preview of a rendered
 * pod with its ranges moved back to the source. Built once per render from the same analysis the CLI uses
 * (rendered.ts); the rendered documents stay analysed in `service` until `dispose`.
 */
import * as l10n from '@vscode/l10n';
import { joinList } from '../analysis/listWords';
import { LineIndex } from '../model/lineIndex';
import type { Position, Range } from '../model/lineIndex';
import { get, isMap, isSeq, str } from '../model/tree';
import type { YNode } from '../model/tree';
import type { LifecycleTimeline } from '../protocol/lifecycle';
import type { QuantityList } from '../protocol/analysis';
import type { RenderedDocument, RenderedSet, SourcePlace } from '../render/rendered';
import { pathAt } from '../render/yamlPath';
import type { PathSeg } from '../render/yamlPath';
import type { PodCodeLens } from './codeLens';
import type { PodDiagnostic } from './diagnostics';
import type { PodHover } from './hover';
import type { PodService, TextSnapshot } from './index';
import type { LifecycleQuery } from './lifecycle';
import { relocate } from './lifecycle';
import { analyzeRendered, failureReports, firstRoot, renderedSnapshot, sourceRanges } from './rendered';
import type { RenderedFileReport, RenderedPod } from './rendered';
import type { PodLensSettings } from './settings';
import { withDefaults } from './settings';

export interface RenderedView {
  /** Every source file's URI (diagnostics are published to each, empty ones too). */
  readonly uris: readonly string[];
  /** True when the tool rendered (false: a failure view). */
  readonly rendered: boolean;
  diagnostics(uri: string): PodDiagnostic[];
  lenses(uri: string): PodCodeLens[];
  /** The rendered pods whose object a file writes (PodSummary.index counts the pods of the whole render). */
  pods(uri: string): RenderedPod[];
  hover(uri: string, position: Position): PodHover | undefined;
  lifecycle(uri: string, version: number, query: LifecycleQuery): LifecycleTimeline | null;
  /** Drop the rendered documents' analyses from the service. */
  dispose(): void;
}

let views = 0;

function byUri(reports: readonly RenderedFileReport[], uriOf: (file: string) => string): Map<string, RenderedFileReport[]> {
  const out = new Map<string, RenderedFileReport[]>();
  for (const r of reports) {
    const uri = uriOf(r.file);
    out.set(uri, [...(out.get(uri) ?? []), r]);
  }
  return out;
}

/** A failed render: one diagnostic where the tool said, nothing else. */
export function failureView(sources: ReadonlyMap<string, string>, failure: { readonly file: string; readonly line?: number; readonly message: string; readonly remote?: string }, tool: string, uriOf: (file: string) => string): RenderedView {
  const files = byUri(failureReports(sources, failure, tool), uriOf);
  return {
    uris: [...files.keys()],
    rendered: false,
    diagnostics: (uri) => (files.get(uri) ?? []).flatMap((r) => r.diagnostics),
    lenses: () => [], pods: () => [], hover: () => undefined, lifecycle: () => null, dispose: () => undefined,
  };
}

interface DocState {
  readonly doc: RenderedDocument;
  readonly snapshot: TextSnapshot;
  root: YNode | undefined;
  base: number;
  lines: LineIndex | undefined;
}

interface LineUse { readonly doc: number; readonly path: PathSeg[]; readonly keyOffset: number }

export function renderedView(service: PodService, set: RenderedSet, settings: Partial<PodLensSettings>, uriOf: (file: string) => string): RenderedView {
  const prefix = `rendered-view-${++views}`;
  const reports = analyzeRendered(service, set, settings, prefix, true);
  const files = byUri(reports, uriOf);
  const rangeOf = sourceRanges(set);
  const docs: DocState[] = set.documents.map((doc, i) => ({ doc, snapshot: renderedSnapshot(prefix, i, doc), root: undefined, base: 0, lines: undefined }));
  const state = (i: number): DocState => {
    const d = docs[i]!;
    if (!d.lines) {
      const a = service.analyze(d.snapshot, settings);
      const r = firstRoot(a);
      d.root = r.root; d.base = r.base; d.lines = a.lines;
    }
    return d;
  };
  // Global pod index -> (document, the pod's index in that document's own analysis), in analyzeRendered's order.
  const podPlaces: { doc: number; local: number }[] = [];
  docs.forEach((d, i) => { for (const p of service.analysis(d.snapshot, settings).pods) podPlaces.push({ doc: i, local: p.index }); });
  const pods = (uri: string) => (files.get(uri) ?? []).flatMap((r) => r.pods);
  const version = withDefaults(settings).kubernetesVersion;

  // Source line -> the rendered keys it wrote (template keys, values keys), built on the first hover.
  let uses: Map<string, LineUse[]> | undefined;
  const lineUses = (): Map<string, LineUse[]> => {
    if (uses) return uses;
    uses = new Map();
    const add = (place: SourcePlace, use: LineUse) => {
      const line = 'span' in place ? rangeOf(place).start.line : place.line;
      const key = `${uriOf(place.file)}#${line}`;
      const list = uses!.get(key) ?? [];
      if (list.length < 50) list.push(use);
      uses!.set(key, list);
    };
    docs.forEach((_, i) => {
      const d = state(i);
      const walk = (node: YNode | undefined, path: PathSeg[], depth: number) => {
        if (depth > 40) return;
        if (isMap(node)) {
          for (const e of node.entries) {
            const p = [...path, e.key];
            const use = { doc: i, path: p, keyOffset: e.keySpan.start };
            const o = d.doc.origin(p, d.root);
            if (o.exact) add(o.place, use);
            const w = d.doc.writer?.(p, d.root);
            if (w?.exact && JSON.stringify(w.place) !== JSON.stringify(o.place)) add(w.place, use);
            walk(e.value, p, depth + 1);
          }
        } else if (isSeq(node)) node.items.forEach((it, k) => walk(it, [...path, k], depth + 1));
      };
      walk(d.root, [], 0);
    });
    return uses;
  };

  const objectName = (d: DocState) => `${str(get(d.root, 'kind')) ?? '?'} ${str(get(get(d.root, 'metadata'), 'name')) ?? '?'}`;

  return {
    uris: [...files.keys()],
    rendered: true,
    diagnostics: (uri) => (files.get(uri) ?? []).flatMap((r) => r.diagnostics),
    pods,
    lenses(uri) {
      if (!withDefaults(settings).codeLens) return [];
      return pods(uri).flatMap((p): PodCodeLens[] => [
        {
          range: p.renderedFrom.range,
          title: l10n.t('QoS {0} · requests {1} · limits {2}', p.qosClass, cpuMem(p.requests), cpuMem(p.limits)),
          tooltip: l10n.t('Effective pod resources as Kubernetes computes them (Kubernetes {0})', version),
          command: 'podLens.showEffectiveResources', arguments: [uri, p.index],
        },
        {
          range: p.renderedFrom.range,
          title: l10n.t('Lifecycle preview'),
          tooltip: l10n.t('Show how this pod starts, becomes Ready and terminates'),
          command: 'podLens.showLifecyclePreview', arguments: [uri, p.index],
        },
      ]);
    },
    hover(uri, position) {
      const found = lineUses().get(`${uri}#${position.line}`);
      if (!found?.length) return undefined;
      const first = found.reduce((a, b) => (b.path.length < a.path.length ? b : a));
      const d = state(first.doc);
      const at = d.lines!.position(d.base + first.keyOffset);
      const inner = service.hover(d.snapshot, settings, at);
      const users = [...new Set(found.map((u) => `${objectName(state(u.doc))} (${docs[u.doc]!.doc.label})`))];
      const header = l10n.t('Rendered in {0}', joinList(users.map((u) => `\`${u}\``)));
      const markdown = [header, fenced(renderedBlock(d, first.keyOffset)), inner?.markdown].filter((x): x is string => !!x).join('\n\n');
      const lineText = (set.sources.get([...set.sources.keys()].find((f) => uriOf(f) === uri) ?? '') ?? '').split('\n')[position.line] ?? '';
      const indent = lineText.length - lineText.trimStart().length;
      return { markdown, range: { start: { line: position.line, character: indent }, end: { line: position.line, character: lineText.replace(/\r$/, '').length } } };
    },
    lifecycle(uri, docVersion, query) {
      const mine = pods(uri);
      if (!mine.length) return null;
      let pod = typeof query.pod === 'number' ? mine.find((p) => p.index === query.pod) : undefined;
      if (!pod && query.position) pod = [...mine].reverse().find((p) => p.renderedFrom.range.start.line <= query.position!.line);
      pod ??= mine[0]!;
      const place = podPlaces[pod.index];
      if (!place) return null;
      const d = state(place.doc);
      const t = service.lifecycle(d.snapshot, settings, { pod: place.local, scenario: query.scenario, assumptions: query.assumptions });
      if (!t) return null;
      const fallback = pod.renderedFrom.range;
      const back = (r: Range): Range => {
        const path = pathAt(d.root, d.lines!.offset(r.start) - d.base);
        const o = d.doc.origin(path, d.root);
        return uriOf(o.place.file) === uri ? rangeOf(o.place) : fallback;
      };
      const moved = relocate(t, back);
      return { ...moved, uri, version: docVersion, pod: { ...moved.pod, index: pod.index } };
    },
    dispose() { for (const d of docs) service.close(d.snapshot.uri); },
  };
}

function cpuMem(q: QuantityList): string {
  return joinList(['cpu', 'memory'].map((k) => `${k} ${q[k] ?? '–'}`));
}

/** The rendered text of the key at `keyOffset` and its value, at most 30 lines, dedented. */
function renderedBlock(d: DocState, keyOffset: number): string {
  const text = d.snapshot.text;
  const start = text.lastIndexOf('\n', d.base + keyOffset - 1) + 1;
  const lines = text.slice(start).split('\n');
  const indent = (l: string) => l.length - l.trimStart().length;
  const own = indent(lines[0] ?? '');
  const head = lines[0] ?? '';
  const out = [head];
  // A block sequence may sit at the key's own indent (`containers:` then `- name: app`).
  const seqAtKey = /:\s*$/.test(head);
  for (const l of lines.slice(1)) {
    const blank = l.trim() === '';
    if (!blank && (indent(l) < own || (indent(l) === own && !(seqAtKey && l.trimStart().startsWith('- '))))) break;
    out.push(l);
    if (out.length >= 30) { out.push(' '.repeat(own) + '…'); break; }
  }
  while (out.length > 1 && out[out.length - 1]!.trim() === '') out.pop();
  return out.map((l) => l.slice(Math.min(own, indent(l)))).join('\n');
}

function fenced(yaml: string): string {
  const longest = Math.max(2, ...[...yaml.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}yaml\n${yaml}\n${fence}`;
}
