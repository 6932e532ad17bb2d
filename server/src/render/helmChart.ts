/**
 * `helm template` output -> rendered documents with their origins. The output is split at each
 * `# Source: <chart>/<path>` header; the k-th document of a source is the k-th YAML document of that
 * template. Values come from the `-f` files (the last one first), then the chart's values.yaml, and for a
 * subchart `charts/<name>/` its parent's values under `<name>:` before its own values.yaml.
 * `--set` values have no line: a value they set maps to the template line.
 */
import { parseFile } from '../model/parse';
import { collectHelpers, templateSkeleton } from './helmSkeleton';
import type { TemplateDocument } from './helmSkeleton';
import { helmOrigin, rangeKeys } from './helmMap';
import type { Origin, ValuesSource } from './helmMap';
import type { PathSeg } from './yamlPath';
import { packagedOf, relocatePackaged } from './packagedOrigin';
import type { RenderedDocument, RenderedSet, SourceOrigin } from './rendered';

export interface ChartInput {
  /** How the chart directory is named in reports (the CHART argument as given). */
  readonly display: string;
  /** Chart-relative path (`templates/deployment.yaml`, `charts/cache/values.yaml`) -> text: templates, helpers, values.yaml files. */
  readonly files: ReadonlyMap<string, string>;
  /** The `-f` files in the order given, named as given. */
  readonly valuesFiles: readonly { readonly file: string; readonly text: string }[];
  /** The `--set` arguments (`a.b=1,c[0].d=x`): the values they set have no line, so they map to the template. */
  readonly set?: readonly string[];
  /** Packaged subcharts: the base their files are keyed under in `files` (`charts/keyvalue/`) -> the archive (`charts/keyvalue-3.1.4.tgz`). */
  readonly packaged?: ReadonlyMap<string, string>;
}

/** The values paths `--set` arguments write (`a.b=1,c[0].d=x` -> [a,b], [c,0,d]); escaped `\,` and `\.` kept. */
export function setPaths(args: readonly string[]): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (const arg of args) {
    for (const pair of arg.split(/(?<!\\),/)) {
      const eq = pair.search(/(?<!\\)=/);
      if (eq <= 0) continue;
      const path: (string | number)[] = [];
      for (const part of pair.slice(0, eq).split(/(?<!\\)\./)) {
        const m = /^(.*?)((?:\[[0-9]+\])*)$/.exec(part)!;
        if (m[1]) path.push(m[1].replace(/\\(.)/g, '$1'));
        for (const i of m[2]!.matchAll(/\[([0-9]+)\]/g)) path.push(Number(i[1]));
      }
      if (path.length) out.push(path);
    }
  }
  return out;
}

export interface HelmSection { readonly source: string; readonly text: string }

/** Split `helm template` output into its `# Source:` sections (`source` without the chart's own name). */
export function splitHelmOutput(output: string): HelmSection[] {
  const out: HelmSection[] = [];
  const lines = output.split('\n');
  let current: { source: string; lines: string[] } | undefined;
  const flush = () => {
    if (current && current.lines.some((l) => l.trim() !== '')) out.push({ source: current.source, text: current.lines.join('\n') });
    current = undefined;
  };
  for (const line of lines) {
    const header = /^# Source: (.+?)\s*$/.exec(line);
    if (header) {
      flush();
      current = { source: header[1]!.replace(/^[^/]+\//, ''), lines: [] };
      continue;
    }
    if (/^---\s*$/.test(line)) { if (current) flush(); continue; }
    if (current) current.lines.push(line);
  }
  flush();
  return out;
}

export function join(dir: string, rel: string): string {
  if (!dir || dir === '.') return rel;
  return dir.endsWith('/') ? dir + rel : `${dir}/${rel}`;
}

/** The subchart names on the way to a chart-relative file: `charts/a/charts/b/templates/x.yaml` -> [a, b]. */
export function subchartChain(rel: string): string[] {
  const out: string[] = [];
  const re = /^charts\/([^/]+)\//;
  let rest = rel;
  for (let m = re.exec(rest); m; m = re.exec(rest)) { out.push(m[1]!); rest = rest.slice(m[0].length); }
  return out;
}

/** One rendered document's template document, with the entry of the top-level `range` that wrote it. */
interface Expanded { readonly doc: TemplateDocument; readonly bindings?: ReadonlyMap<number, PathSeg> }

/** The template's documents in output order: a document inside a top-level `range` once per entry. */
function expand(docs: readonly TemplateDocument[], values: readonly ValuesSource[]): Expanded[] {
  const out: Expanded[] = [];
  for (const doc of docs) {
    const keys = doc.repeat ? rangeKeys(doc.repeat.list, values) : [];
    if (!doc.repeat || keys.length === 0) { out.push({ doc }); continue; }
    for (const key of keys) out.push({ doc, bindings: new Map([[doc.repeat.range, key]]) });
  }
  return out;
}

export function helmRendered(output: string, chart: ChartInput): RenderedSet {
  return chartMapper(chart)(output);
}

/** Files helm renders into output: under templates/, not partials (`_*`) and not NOTES.txt. */
const RENDERED_TEMPLATE = /(^|\/)templates\/(?:[^/]+\/)*(?!_)(?!NOTES\.txt$)[^/]+$/;

/**
 * Everything the mapping needs that does not depend on helm's output (helpers, each template's skeleton,
 * the values trees), done at once, so that it can run while helm renders; the result maps one output.
 */
export function chartMapper(chart: ChartInput): (output: string) => RenderedSet {
  const sources = new Map<string, string>();
  const packagedFiles = new Set<string>();
  for (const [rel, text] of chart.files) {
    if (packagedOf(rel, chart.packaged)) packagedFiles.add(join(chart.display, rel));
    else sources.set(join(chart.display, rel), text);
  }
  for (const v of chart.valuesFiles) sources.set(v.file, v.text);
  const helpers = collectHelpers([...chart.files].filter(([rel]) => /\.(tpl|ya?ml|txt)$/.test(rel) && /(^|\/)templates\//.test(rel)).map(([rel, text]) => ({ file: join(chart.display, rel), text })));
  const parsedValues = new Map<string, ReturnType<typeof parseFile>['documents'][number]['root']>();
  const valuesRoot = (file: string, text: string) => {
    if (!parsedValues.has(file)) parsedValues.set(file, parseFile(text).documents[0]?.root);
    return parsedValues.get(file);
  };
  const valuesFor = (rel: string): ValuesSource[] => {
    const chain = subchartChain(rel);
    const out: ValuesSource[] = [];
    if (overridden.length) out.push({ file: '', root: undefined, prefix: chain, set: overridden });
    for (const v of [...chart.valuesFiles].reverse()) out.push({ file: v.file, root: valuesRoot(v.file, v.text), prefix: chain });
    let dir = '';
    for (let i = 0; i <= chain.length; i++) {
      const rel2 = `${dir}values.yaml`;
      const text = chart.files.get(rel2);
      if (text !== undefined) out.push({ file: join(chart.display, rel2), root: valuesRoot(join(chart.display, rel2), text), prefix: chain.slice(i) });
      if (i < chain.length) dir += `charts/${chain[i]}/`;
    }
    return out;
  };
  const overridden = setPaths(chart.set ?? []);
  const expanded = new Map<string, Expanded[]>();
  const expandedOf = (rel: string, values: readonly ValuesSource[]): Expanded[] | undefined => {
    let docs = expanded.get(rel);
    const text = chart.files.get(rel);
    if (!docs && text !== undefined) { docs = expand(templateSkeleton(join(chart.display, rel), text, helpers), values); expanded.set(rel, docs); }
    return docs;
  };
  for (const rel of chart.files.keys()) if (RENDERED_TEMPLATE.test(rel)) expandedOf(rel, valuesFor(rel));
  return (output) => {
    const seen = new Map<string, number>();
    const documents: RenderedDocument[] = [];
    for (const section of splitHelmOutput(output)) {
      const k = seen.get(section.source) ?? 0;
      seen.set(section.source, k + 1);
      const file = join(chart.display, section.source);
      const values = valuesFor(section.source);
      const docs = expandedOf(section.source, values);
      const at = docs?.[Math.min(k, docs.length - 1)];
      const doc = at?.doc;
      const repeated = at?.bindings;
      const firstLine = doc?.firstLine ?? 0;
      const pkg = packagedOf(section.source, chart.packaged);
      // A packaged subchart's findings move to the parent chart (packagedOrigin.ts).
      const place = (o: Origin, exactTemplate: boolean): SourceOrigin => {
        if (pkg && packagedFiles.has(o.file)) {
          return relocatePackaged(o, { pkg, display: (rel) => join(chart.display, rel), files: chart.files, values, isPackaged: (f) => packagedFiles.has(f) });
        }
        if (o.via === 'values') return { place: { file: o.file, span: o.span }, exact: true };
        return { place: { file: o.file, line: o.line }, exact: exactTemplate && o.via === 'template' };
      };
      const start: Origin = { via: 'first-line', file, line: firstLine };
      documents.push({
        text: section.text,
        from: place(start, false).place,
        label: pkg ? `${pkg.archive}: ${section.source.slice(pkg.base.length)}` : section.source,
        origin(path, _root, value): SourceOrigin {
          if (!doc) return place(start, false);
          return place(helmOrigin(doc.root, firstLine, path, values, value, false, repeated), true);
        },
        writer(path): SourceOrigin {
          if (!doc) return place(start, false);
          return place(helmOrigin(doc.root, firstLine, path, values, undefined, true, repeated), true);
        },
      });
    }
    return { documents, sources };
  };
}
