/**
 * `helm template` for Pod Lens: the arguments (values files, --set, release name, namespace; never
 * --dependency-update or anything that reaches a repository), reading the chart's files for the mapping,
 * and the render failure helm reports, placed at the file and line it names.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ChartInput } from '../../render/helmChart';
import { dependencyEntry, packagedOf } from '../../render/packagedOrigin';
import { readPackagedChart } from './packagedChart';
import { runTool } from './run';
import type { RunOptions, RunResult } from './run';

export interface HelmRequest {
  /** The helm binary (podLens.helm.path, --helm-path, POD_LENS_HELM; default `helm` on PATH). */
  readonly helm: string;
  /** The chart directory as the user wrote it. */
  readonly chart: string;
  readonly valuesFiles: readonly string[];
  readonly set: readonly string[];
  readonly release: string;
  readonly namespace?: string;
}

export function helmArgs(req: HelmRequest): string[] {
  const args = ['template', req.release, req.chart];
  for (const f of req.valuesFiles) args.push('--values', f);
  for (const s of req.set) args.push('--set', s);
  if (req.namespace) args.push('--namespace', req.namespace);
  return args;
}

export function runHelm(req: HelmRequest, options: RunOptions = {}): Promise<RunResult> {
  return runTool(req.helm, helmArgs(req), options);
}

const MAX_CHART_FILES = 2000;
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** A folder with Chart.yaml is a chart. */
export function isChartDir(dir: string): boolean {
  try { return fs.statSync(path.join(dir, 'Chart.yaml')).isFile(); } catch { return false; }
}

/**
 * The chart's files the mapping reads (templates, helpers, values.yaml of the chart and of its subcharts
 * under charts/), and the `-f` files; `overlay` (absolute path -> text: the editor's open buffers) wins over
 * the disk. A packaged subchart (`charts/<name>-<version>.tgz`) is read from the archive, its files keyed as
 * if unpacked (`charts/<name>/...`, the path helm's `# Source:` lines use) and listed in `packaged`: nobody
 * can edit them, so the mapping moves its findings to the parent chart (helmChart.ts).
 */
export function readChart(req: HelmRequest, overlay?: ReadonlyMap<string, string>): ChartInput {
  const files = new Map<string, string>();
  const walk = (dir: string, rel: string, depth: number) => {
    if (depth > 12 || files.size >= MAX_CHART_FILES) return;
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name.startsWith('.')) continue;
        if (rel === '' || /(^|\/)(templates|charts)(\/|$)/.test(r) || /(^|\/)charts\/[^/]+$/.test(r)) walk(abs, r, depth + 1);
      } else if (e.isFile() && (/(^|\/)templates\//.test(r) || /(^|\/)values\.ya?ml$/.test(r) || /(^|\/)Chart\.yaml$/.test(r))) {
        read(abs, r);
      } else if (e.isFile() && /(^|\/)charts\/[^/]+\.tgz$/.test(r)) {
        archives.push([abs, r]);
      }
    }
  };
  const read = (abs: string, rel: string) => {
    const open = overlay?.get(path.resolve(abs));
    if (open !== undefined) { files.set(rel, open); return; }
    try {
      if (fs.statSync(abs).size > MAX_FILE_BYTES) return;
      files.set(rel, fs.readFileSync(abs, 'utf8'));
    } catch { /* unreadable: not mapped */ }
  };
  const archives: [string, string][] = [];
  walk(req.chart, '', 0);
  const packaged = new Map<string, string>();
  for (const [abs, rel] of archives) unpack(abs, rel, files, packaged);
  const ownValues = path.resolve(req.chart, 'values.yaml');
  const valuesFiles = req.valuesFiles
    .filter((f) => path.resolve(f) !== ownValues)
    .flatMap((f) => {
      const open = overlay?.get(path.resolve(f));
      if (open !== undefined) return [{ file: f, text: open }];
      try { return [{ file: f, text: fs.readFileSync(f, 'utf8') }]; } catch { return []; }
    });
  return { display: req.chart.replace(/\/+$/, '') || '.', files, valuesFiles, set: req.set, ...(packaged.size ? { packaged } : {}) };
}

const PACKAGED_WANTED = /^[^/]+\/(charts\/[^/]+\/)*(templates\/.+|values\.ya?ml|Chart\.yaml)$/;

/** A packaged subchart's files into `files` as `charts/<name>/...`; an unpacked folder of that name wins. */
function unpack(abs: string, rel: string, files: Map<string, string>, packaged: Map<string, string>): void {
  let archive: Buffer;
  try {
    if (fs.statSync(abs).size > MAX_FILE_BYTES) return;
    archive = fs.readFileSync(abs);
  } catch { return; }
  const entries = readPackagedChart(archive, (p) => PACKAGED_WANTED.test(p));
  const name = entries?.find((f) => /^[^/]+\/Chart\.yaml$/.test(f.path))?.path.split('/')[0];
  if (!entries || !name) return;
  const base = `${rel.slice(0, rel.lastIndexOf('/') + 1)}${name}/`;
  if ([...files.keys()].some((k) => k.startsWith(base)) || packaged.has(base)) return;
  packaged.set(base, rel);
  for (const f of entries) {
    if (files.size >= MAX_CHART_FILES) break;
    if (f.path.startsWith(`${name}/`)) files.set(base + f.path.slice(name.length + 1), f.text);
  }
}

export interface ToolFailure {
  readonly file: string;
  /** 0-based line, or undefined when the tool named no line. */
  readonly line?: number;
  readonly message: string;
  /** Set when Pod Lens refused to run the tool because the project names this network resource. */
  readonly remote?: string;
}

/**
 * The file and line of a helm error: `template: web/templates/x.yaml:12:14: executing ...`,
 * `YAML parse error on web/templates/x.yaml: ... line 25: ...`, `parse error at (web/templates/x.yaml:7): ...`.
 * Paths are chart-relative after the chart's name; returned joined to the chart as the user wrote it.
 */
export function helmFailure(stderr: string, chartDisplay: string, chart?: ChartInput): ToolFailure {
  const failure = failureAt(stderr, chartDisplay);
  return chart ? outOfArchive(failure, chart) : failure;
}

/**
 * A failure in a packaged subchart's file cannot be shown there (nobody opens the archive): it goes on the
 * dependency's entry in the parent's Chart.yaml, and the message names the archive and the line helm named.
 */
function outOfArchive(failure: ToolFailure, chart: ChartInput): ToolFailure {
  const prefix = chart.display && chart.display !== '.' ? `${chart.display}/` : '';
  if (!failure.file.startsWith(prefix)) return failure;
  const rel = failure.file.slice(prefix.length);
  const pkg = packagedOf(rel, chart.packaged);
  if (!pkg) return failure;
  const parent = pkg.base.replace(/charts\/[^/]+\/$/, '');
  const chartFile = `${parent}Chart.yaml`;
  const text = chart.files.get(chartFile);
  const span = dependencyEntry(text, pkg.base.slice(parent.length + 'charts/'.length, -1));
  const line = span && text !== undefined ? text.slice(0, span.start).split('\n').length - 1 : 0;
  const where = `${pkg.archive}: ${rel.slice(pkg.base.length)}${failure.line !== undefined ? `:${failure.line + 1}` : ''}`;
  return { file: `${prefix}${chartFile}`, line, message: `${where}: ${failure.message}` };
}

function failureAt(stderr: string, chartDisplay: string): ToolFailure {
  const text = stderr.replace(/^Error:\s*/m, '').trim();
  const message = firstLines(text);
  const join = (rel: string) => (chartDisplay && chartDisplay !== '.' ? `${chartDisplay}/${rel}` : rel);
  const lead = /^([^\s:()]+?\/[^\s:()]+?):(\d+)(?::\d+)?\s*$/m.exec(text.split('\n')[0] ?? '');
  if (lead) return { file: join(lead[1]!.replace(/^[^/]+\//, '')), line: Number(lead[2]) - 1, message };
  const at = /(?:template: |parse error at \(|YAML parse error on )([^\s:()]+?\/[^\s:()]+?)(?::(\d+))?(?::\d+)?[:)]/.exec(text);
  if (at) {
    const rel = at[1]!.replace(/^[^/]+\//, '');
    const yamlLine = /YAML parse error on/.test(at[0]) ? /line (\d+)/.exec(text.slice(at.index)) : undefined;
    const line = at[2] ? Number(at[2]) - 1 : yamlLine ? Number(yamlLine[1]) - 1 : undefined;
    return { file: join(rel), ...(line !== undefined ? { line } : {}), message };
  }
  const chartFile = /Chart\.yaml/.test(text) ? 'Chart.yaml' : undefined;
  return { file: join(chartFile ?? 'Chart.yaml'), message };
}

export function firstLines(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^Use --debug flag/.test(l));
  return lines.slice(0, 3).join(' ').slice(0, 800);
}
