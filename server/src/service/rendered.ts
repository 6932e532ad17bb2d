/**
 * Analysis of rendered Helm/Kustomize output (issue 15): every rendered document goes through the
 * ordinary service, and each finding moves to the source line its value came from (render/). Findings
 * that land on the same line for several rendered objects (a values key two templates use) become one
 * diagnostic naming them all. Pods keep their summary, with `renderedFrom` (the template or resource)
 * and their ranges moved to the source.
 */
import * as l10n from '@vscode/l10n';
import { LineIndex } from '../model/lineIndex';
import type { Range } from '../model/lineIndex';
import type { YNode } from '../model/tree';
import type { FileAnalysis } from './fileAnalysis';
import { get, isScalar, str } from '../model/tree';
import type { PodSummary, ContainerSummary } from '../protocol/analysis';
import { findingPath, findingValue, pairedPath } from '../render/findingTarget';
import type { RenderedDocument, RenderedSet, SourcePlace } from '../render/rendered';
import { formatPath, nodeAtPath, pathAt } from '../render/yamlPath';
import { ruleDocHref } from './diagnostics';
import type { PodDiagnostic } from './diagnostics';
import type { PodService, TextSnapshot } from './index';
import type { PodLensSettings } from './settings';

export interface RenderedPod extends PodSummary {
  readonly renderedFrom: { readonly file: string; readonly range: Range };
}

export interface RenderedFileReport {
  readonly file: string;
  readonly diagnostics: PodDiagnostic[];
  readonly pods: RenderedPod[];
}

/** Source place -> LSP range in that source (a whole line's text when only the line is known). */
export function sourceRanges(set: RenderedSet): (place: SourcePlace) => Range {
  const lineIndexes = new Map<string, LineIndex>();
  return (place) => {
    const text = set.sources.get(place.file) ?? '';
    let lines = lineIndexes.get(place.file);
    if (!lines) { lines = new LineIndex(text); lineIndexes.set(place.file, lines); }
    if ('span' in place) return lines.range(place.span.start, place.span.end);
    const start = lines.offset({ line: place.line, character: 0 });
    const end = lines.offset({ line: place.line + 1, character: 0 });
    const lineText = text.slice(start, end).replace(/\r?\n$/, '');
    const indent = lineText.length - lineText.trimStart().length;
    return { start: { line: place.line, character: indent }, end: { line: place.line, character: lineText.length } };
  };
}

/** The service's snapshot of the i-th rendered document (the editor keeps them for hovers and the preview). */
export function renderedSnapshot(uriPrefix: string, i: number, doc: RenderedDocument): TextSnapshot {
  return { uri: `${uriPrefix}:${i}:${doc.label}`, version: 1, text: doc.text };
}

/** `keep`: leave the rendered documents' analyses in the service (the editor asks about them again). */
export function analyzeRendered(service: PodService, set: RenderedSet, settings: Partial<PodLensSettings>, uriPrefix = 'rendered', keep = false): RenderedFileReport[] {
  const rangeOf = sourceRanges(set);
  const files = new Map<string, RenderedFileReport>();
  const fileOf = (name: string) => {
    let f = files.get(name);
    if (!f) { f = { file: name, diagnostics: [], pods: [] }; files.set(name, f); }
    return f;
  };
  for (const name of [...set.sources.keys()].sort()) fileOf(name);
  const merged = new Map<string, { diagnostic: PodDiagnostic; base: string; objects: string[] }>();
  let podIndex = 0;

  set.documents.forEach((doc, i) => {
    const snapshot = renderedSnapshot(uriPrefix, i, doc);
    const analysis = service.analyze(snapshot, settings);
    // The service already parsed the document: its tree, with the chunk's start to turn file offsets into its own.
    const { root, base } = firstRoot(analysis);
    const kind = str(get(root, 'kind')) ?? '';
    const name = str(get(get(root, 'metadata'), 'name')) ?? '';
    for (const d of service.diagnostics(snapshot, settings)) {
      const offset = analysis.lines.offset(d.range.start);
      const path = findingPath(d.code, pathAt(root, offset - base));
      const at = nodeAtPath(root, path);
      let origin = doc.origin(path, root, findingValue(d.code, isScalar(at) && at.value !== null ? String(at.value) : undefined));
      // Two fields written from the same values key (both probes from one `toYaml`): only the template can tell them apart.
      const pair = pairedPath(d.code, path);
      if (pair && doc.writer && samePlace(origin.place, doc.origin(pair, root).place)) origin = doc.writer(path, root);
      const range = rangeOf(origin.place);
      const object = origin.exact
        ? l10n.t('the rendered {0} {1} from {2}', kind, name, doc.label)
        : l10n.t('the rendered {0} {1} from {2}, at {3}', kind, name, doc.label, formatPath(path));
      const key = `${origin.place.file}|${range.start.line}:${range.start.character}|${d.code}|${d.message}`;
      const hit = merged.get(key);
      if (hit) { if (!hit.objects.includes(object)) hit.objects.push(object); continue; }
      const diagnostic: PodDiagnostic = { code: d.code, severity: d.severity, message: d.message, source: d.source, href: d.href, range };
      merged.set(key, { diagnostic, base: d.message, objects: [object] });
      fileOf(origin.place.file).diagnostics.push(diagnostic);
    }
    for (const pod of service.analysis(snapshot, settings).pods) {
      const fromPlace = doc.origin(['kind'], root);
      const from = fromPlace.exact ? fromPlace.place : doc.from;
      const range = rangeOf(from);
      const containers: ContainerSummary[] = pod.containers.map((c) => {
        const at = pathAt(root, analysis.lines.offset(c.range.start) - base);
        let item = at.length - 1;
        while (item >= 0 && typeof at[item] !== 'number') item--;
        const o = doc.origin(item >= 0 ? at.slice(0, item + 1) : at, root);
        return { ...c, range: rangeOf(o.place) };
      });
      // `document` and `index` count the rendered documents and pods of the whole render.
      fileOf(from.file).pods.push({ ...pod, document: i, index: podIndex++, range, containers, renderedFrom: { file: from.file, range } });
    }
    if (!keep) service.close(snapshot.uri);
  });
  // One diagnostic per line and finding, naming every rendered object it is about.
  for (const m of merged.values()) {
    const where = m.objects.join('; ');
    (m.diagnostic as { message: string }).message = l10n.t('{0} (in {1})', m.base, where);
  }
  return [...files.values()];
}

function samePlace(a: SourcePlace, b: SourcePlace): boolean {
  if (a.file !== b.file) return false;
  if ('span' in a && 'span' in b) return a.span.start === b.span.start;
  return 'line' in a && 'line' in b && a.line === b.line;
}

/** A render failure as one error diagnostic at the file and line the tool named, beside the source files. */
export function failureReports(sources: ReadonlyMap<string, string>, failure: { readonly file: string; readonly line?: number; readonly message: string; readonly remote?: string }, tool: string): RenderedFileReport[] {
  const files = new Map<string, RenderedFileReport>();
  for (const name of [...sources.keys(), failure.file].sort()) if (!files.has(name)) files.set(name, { file: name, diagnostics: [], pods: [] });
  const text = sources.get(failure.file) ?? '';
  const line = failure.line ?? 0;
  const lines = new LineIndex(text);
  const start = lines.offset({ line, character: 0 });
  const end = lines.offset({ line: line + 1, character: 0 });
  const lineText = text.slice(start, end).replace(/\r?\n$/, '');
  const range = { start: { line, character: lineText.length - lineText.trimStart().length }, end: { line, character: lineText.length } };
  files.get(failure.file)!.diagnostics.push({
    code: 'render-failed', severity: 'error', source: 'pod-lens', href: ruleDocHref('render-failed'), range,
    message: failure.remote !== undefined
      ? l10n.t('Not rendered: "{1}" is a remote resource, and {0} would fetch it over the network. Pod Lens renders only from local files: vendor it into the repository, or check the output yourself ({0} build DIR | pod-lens check -).', tool, failure.remote)
      : l10n.t('{0} could not render this: {1}', tool, failure.message),
  });
  return [...files.values()];
}

/** How to point Pod Lens at a tool it could not run. */
export function missingToolMessage(tool: 'helm' | 'kustomize', command: string): string {
  return tool === 'helm'
    ? l10n.t('helm was not found (tried "{0}"). Install helm, or set its path: podLens.helm.path in the editor, --helm-path or POD_LENS_HELM for the CLI.', command)
    : l10n.t('kustomize was not found (tried "{0}"). Install kustomize (or use kubectl), or set its path: podLens.kustomize.path in the editor, --kustomize-path or POD_LENS_KUSTOMIZE for the CLI.', command);
}

export function firstRoot(file: FileAnalysis): { root: YNode | undefined; base: number } {
  for (const chunk of file.chunks) {
    for (const d of chunk.analysis.documents) if (d.root) return { root: d.root, base: chunk.start };
  }
  return { root: undefined, base: 0 };
}
