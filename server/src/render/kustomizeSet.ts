/** `kustomize build` output -> rendered documents with the files that last set their values (kustomizeMap.ts). */
import { parseFile } from '../model/parse';
import { get, str } from '../model/tree';
import { isLayer, kustomizeOrigin, kustomizeResource } from './kustomizeMap';
import type { KustomizeFile, KustomizeLayer } from './kustomizeMap';
import type { RenderedDocument, RenderedSet, SourceOrigin } from './rendered';

export interface RawFile { readonly file: string; readonly text: string }
export interface RawLayer {
  readonly kustomization: RawFile;
  readonly resources: readonly (RawFile | RawLayer)[];
  readonly patchFiles: ReadonlyMap<string, RawFile>;
  /** Entries kustomize would fetch over the network (remote bases, components, helm chart repos). */
  readonly remote?: readonly RemoteReference[];
}

/** A kustomization entry that names something on the network, with its 0-based line in the kustomization. */
export interface RemoteReference {
  readonly entry: string;
  readonly line: number;
}

function isRawLayer(x: RawFile | RawLayer): x is RawLayer {
  return 'kustomization' in x;
}

function parsed(raw: RawFile, sources: Map<string, string>): KustomizeFile {
  sources.set(raw.file, raw.text);
  return { file: raw.file, documents: parseFile(raw.text).documents.map((d) => d.root) };
}

function layerOf(raw: RawLayer, sources: Map<string, string>): KustomizeLayer {
  return {
    kustomization: parsed(raw.kustomization, sources),
    resources: raw.resources.map((r) => (isRawLayer(r) ? layerOf(r, sources) : parsed(r, sources))),
    patchFiles: new Map([...raw.patchFiles].map(([k, v]) => [k, parsed(v, sources)])),
  };
}

/** Split a multi-document YAML stream at its `---` lines. */
export function splitYamlStream(output: string): string[] {
  return output.split(/^---[ \t]*\r?\n/m).filter((d) => d.trim() !== '');
}

export function kustomizeRendered(output: string, raw: RawLayer): RenderedSet {
  const sources = new Map<string, string>();
  const layer = layerOf(raw, sources);
  const documents: RenderedDocument[] = [];
  for (const text of splitYamlStream(output)) {
    const root = parseFile(text).documents[0]?.root;
    const object = { kind: str(get(root, 'kind')) ?? '', name: str(get(get(root, 'metadata'), 'name')) ?? '', root };
    const resource = kustomizeResource(layer, object);
    const from = resource ? { file: resource.file, span: { start: resource.root.span.start, end: resource.root.span.start } } : { file: raw.kustomization.file, line: 0 };
    documents.push({
      text,
      from,
      label: resource?.file ?? raw.kustomization.file,
      origin(path, rendered): SourceOrigin {
        const o = kustomizeOrigin(layer, { ...object, root: rendered ?? root }, path);
        return o ? { place: { file: o.file, span: o.span }, exact: true } : { place: from, exact: false };
      },
    });
  }
  return { documents, sources };
}

