/**
 * Findings in a packaged subchart (`charts/<name>-<version>.tgz`) cannot stay where its templates or
 * values put them: nobody edits inside the archive. They move to the parent chart, to the line a person
 * edits instead:
 * - a value from the archive's values.yaml -> the deepest key along its path under `<name>:` in the parent's
 *   values files (where the override goes; at least the `<name>:` key);
 * - anything else (the archive's template writes it) -> the dependency entry in the parent's Chart.yaml;
 * - else the parent's Chart.yaml first line.
 * The place is never exact, so the message also names the rendered path.
 */
import { parseFile } from '../model/parse';
import { get, isMap, isSeq, str } from '../model/tree';
import type { YNode } from '../model/tree';
import type { Origin, ValuesSource } from './helmMap';
import type { SourceOrigin } from './rendered';
import { deepestAlong } from './yamlPath';

export interface PackagedChart {
  /** Chart-relative base of the unpacked view, `charts/keyvalue/`. */
  readonly base: string;
  /** The archive, chart-relative: `charts/keyvalue-3.1.4.tgz`. */
  readonly archive: string;
}

/** The outermost packaged subchart a chart-relative file sits in. */
export function packagedOf(rel: string, packaged: ReadonlyMap<string, string> | undefined): PackagedChart | undefined {
  let found: PackagedChart | undefined;
  for (const [base, archive] of packaged ?? []) {
    if (rel.startsWith(base) && (!found || base.length < found.base.length)) found = { base, archive };
  }
  return found;
}

export interface PackagedContext {
  readonly pkg: PackagedChart;
  /** Display name of a chart-relative file (the chart directory joined). */
  readonly display: (rel: string) => string;
  readonly files: ReadonlyMap<string, string>;
  /** The section's values sources, highest precedence first. */
  readonly values: readonly ValuesSource[];
  /** Whether a display-named file is inside an archive. */
  readonly isPackaged: (file: string) => boolean;
}

export function relocatePackaged(origin: Origin, ctx: PackagedContext): SourceOrigin {
  if (origin.via === 'values') {
    let best: { file: string; depth: number; span: { start: number; end: number } } | undefined;
    for (const source of ctx.values) {
      if (source.set || ctx.isPackaged(source.file) || !source.root) continue;
      const hit = deepestAlong(source.root, [...source.prefix, ...origin.valuesPath]);
      if (hit.depth >= 1 && (!best || hit.depth > best.depth)) best = { file: source.file, depth: hit.depth, span: hit.span };
    }
    if (best) return { place: { file: best.file, span: best.span }, exact: false };
  }
  const parent = ctx.pkg.base.replace(/charts\/[^/]+\/$/, '');
  const name = ctx.pkg.base.slice(parent.length + 'charts/'.length, -1);
  const chartFile = `${parent}Chart.yaml`;
  const entry = dependencyEntry(ctx.files.get(chartFile), name);
  if (entry) return { place: { file: ctx.display(chartFile), span: entry }, exact: false };
  return { place: { file: ctx.display(chartFile), line: 0 }, exact: false };
}

/** The `- name: <name>` (or `alias: <name>`) item of Chart.yaml `dependencies`. */
export function dependencyEntry(text: string | undefined, name: string): { start: number; end: number } | undefined {
  if (text === undefined) return undefined;
  const root: YNode | undefined = parseFile(text).documents[0]?.root;
  const deps = get(root, 'dependencies');
  if (!isSeq(deps)) return undefined;
  const item = deps.items.find((d) => str(get(d, 'alias')) === name) ?? deps.items.find((d) => str(get(d, 'name')) === name && get(d, 'alias') === undefined);
  if (!isMap(item)) return undefined;
  const key = item.entries.find((e) => e.key === 'name') ?? item.entries[0];
  return key ? { start: key.keySpan.start, end: key.value?.span.end ?? key.keySpan.end } : undefined;
}
