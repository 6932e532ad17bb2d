/**
 * Rendering for the editor (issue 15): which chart or overlay an open file belongs to, and rendering it
 * with the editor's open buffers winning over the disk. The key of a render is the content of the files the
 * mapping reads plus the tool's arguments: an unchanged key needs no new run. When a buffer differs from
 * the disk, the tool runs on a private copy (a temporary directory, removed afterwards) with the buffers
 * written in; the mapping still names the real files.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chartMapper } from '../../render/helmChart';
import type { ChartInput } from '../../render/helmChart';
import { kustomizeRendered } from '../../render/kustomizeSet';
import type { RawLayer } from '../../render/kustomizeSet';
import type { RenderSettings } from '../../service/settings';
import { helmFailure, isChartDir, readChart, runHelm } from './helm';
import type { HelmRequest } from './helm';
import { kustomizationFile, kustomizeFailure, layerFiles, readLayer, remoteFailure, runKustomize } from './kustomize';
import type { RenderOutcome } from './renderProject';

export interface EditorProject {
  readonly kind: 'helm' | 'kustomize';
  /** Absolute directory of the chart (the outermost one, for a subchart's files) or the overlay. */
  readonly dir: string;
}

/**
 * The chart or overlay an open file is part of: a file inside a chart (the outermost chart, when the file is
 * in a subchart under `charts/`), else a YAML file beside a kustomization. Undefined for a plain file.
 */
export function projectOf(file: string): EditorProject | undefined {
  if (!/\.(ya?ml|tpl)$/i.test(file) && path.basename(file) !== 'Kustomization') return undefined;
  let chart: string | undefined;
  let dir = path.dirname(file);
  for (let i = 0; i < 12; i++) {
    if (isChartDir(dir)) {
      chart = dir;
      // A subchart (`<parent>/charts/<name>`) renders as part of its parent.
      if (path.basename(path.dirname(dir)) !== 'charts') break;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  if (chart) return { kind: 'helm', dir: chart };
  const here = path.dirname(file);
  return kustomizationFile(here) ? { kind: 'kustomize', dir: here } : undefined;
}

export interface EditorRender {
  /** The content key of this render (tool, arguments, every file the mapping read). */
  readonly key: string;
  /** Undefined when the key equals `previousKey`: nothing changed, the previous result stands. */
  readonly outcome?: RenderOutcome;
}

export interface EditorRenderOptions {
  readonly settings: RenderSettings;
  /** Absolute path -> text of the editor's open buffers. */
  readonly overlay: ReadonlyMap<string, string>;
  readonly previousKey?: string;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

export async function renderForEditor(project: EditorProject, o: EditorRenderOptions): Promise<EditorRender> {
  return project.kind === 'helm' ? renderChart(project.dir, o) : renderOverlay(project.dir, o);
}

function keyOf(parts: readonly unknown[], files: readonly (readonly [string, string])[]): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(parts));
  for (const [name, text] of [...files].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) h.update(`\0${name}\0${text.length}\0${text}`);
  return h.digest('hex');
}

/** Open buffers, among `files` (absolute paths), whose text differs from the disk. */
function dirtyOf(files: Iterable<string>, overlay: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const abs of files) {
    const open = overlay.get(abs);
    if (open === undefined) continue;
    let disk: string | undefined;
    try { disk = fs.readFileSync(abs, 'utf8'); } catch { disk = undefined; }
    if (disk !== open) out.set(abs, open);
  }
  return out;
}

const COPY_FILE_LIMIT = 5000;

/** A private copy of `root` for a run with unsaved buffers: `dirs` copied (recursively when `deep`), `dirty` written in. */
function privateCopy(root: string, dirs: readonly string[], deep: boolean, dirty: ReadonlyMap<string, string>): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-render-'));
  let count = 0;
  for (const dir of dirs) {
    const target = path.join(tmp, path.relative(root, dir));
    fs.mkdirSync(target, { recursive: true });
    if (deep) {
      fs.cpSync(dir, target, {
        recursive: true, dereference: false,
        filter: (src) => !path.basename(src).startsWith('.') || src === dir ? ++count <= COPY_FILE_LIMIT : false,
      });
    } else {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isFile() && ++count <= COPY_FILE_LIMIT) fs.copyFileSync(path.join(dir, e.name), path.join(target, e.name));
      }
    }
  }
  for (const [abs, text] of dirty) {
    const target = path.join(tmp, path.relative(root, abs));
    if (target.startsWith(tmp + path.sep)) { fs.mkdirSync(path.dirname(target), { recursive: true }); fs.writeFileSync(target, text); }
  }
  return tmp;
}

function removeCopy(tmp: string | undefined): void {
  if (tmp) { try { fs.rmSync(tmp, { recursive: true, force: true }); } catch { /* best effort */ } }
}

async function renderChart(dir: string, o: EditorRenderOptions): Promise<EditorRender> {
  const s = o.settings;
  const valuesFiles = s.helmValuesFiles.map((f) => path.resolve(dir, f)).filter((f) => f !== path.join(dir, 'values.yaml'));
  const req: HelmRequest = {
    helm: s.helmPath, chart: dir, valuesFiles, set: [], release: s.helmRelease,
    ...(s.helmNamespace ? { namespace: s.helmNamespace } : {}),
  };
  const chart: ChartInput = readChart(req, o.overlay);
  const sources: [string, string][] = [...chart.files].map(([rel, text]) => [path.join(dir, rel), text]);
  for (const v of chart.valuesFiles) sources.push([v.file, v.text]);
  const key = keyOf(['helm', s.helmPath, s.helmRelease, s.helmNamespace, valuesFiles], sources);
  if (key === o.previousKey) return { key };
  const dirty = dirtyOf(sources.map(([f]) => f), o.overlay);
  let tmp: string | undefined;
  try {
    let run = req;
    if (dirty.size > 0) {
      tmp = privateCopy(dir, [dir], true, new Map([...dirty].filter(([f]) => f.startsWith(dir + path.sep))));
      const outside = [...dirty].filter(([f]) => !f.startsWith(dir + path.sep));
      const values = valuesFiles.map((f, i) => {
        const text = outside.find(([abs]) => abs === f)?.[1];
        if (text === undefined) return f;
        const copy = path.join(tmp!, `.values-${i}.yaml`);
        fs.writeFileSync(copy, text);
        return copy;
      });
      run = { ...req, chart: tmp, valuesFiles: values };
    }
    const running = runHelm(run, { ...(o.signal ? { signal: o.signal } : {}), ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}) });
    const mapOutput = chartMapper(chart); // prepared while helm renders
    const result = await running;
    const sourceMap = new Map(sources);
    if (result.ok) return { key, outcome: { ok: true, set: mapOutput(result.stdout) } };
    if (result.reason === 'missing') return { key, outcome: { ok: false, kind: 'missing', tool: 'helm', command: s.helmPath } };
    if (result.reason === 'cancelled') return { key, outcome: { ok: false, kind: 'cancelled' } };
    const stderr = tmp ? (result.stderr || result.message).split(tmp).join(dir) : result.stderr || result.message;
    return { key, outcome: { ok: false, kind: 'failed', failure: helmFailure(stderr, chart.display, chart), sources: sourceMap } };
  } finally {
    removeCopy(tmp);
  }
}

function layerDirs(layer: RawLayer, out: Set<string> = new Set()): Set<string> {
  out.add(path.dirname(path.resolve(layer.kustomization.file)));
  for (const r of layer.resources) if ('kustomization' in r) layerDirs(r, out);
  return out;
}

function commonRoot(paths: readonly string[]): string {
  let root = paths[0] ?? path.sep;
  for (const p of paths) {
    while (root !== path.dirname(root) && p !== root && !p.startsWith(root + path.sep)) root = path.dirname(root);
  }
  return root;
}

async function renderOverlay(dir: string, o: EditorRenderOptions): Promise<EditorRender> {
  const tool = o.settings.kustomizePath;
  const layer = readLayer(dir, dir, new Set(), 0, o.overlay);
  const files = layer ? layerFiles(layer).map((f) => [path.resolve(f.file), f.text] as [string, string]) : [];
  const key = keyOf(['kustomize', tool], files);
  if (key === o.previousKey) return { key };
  const sources = new Map(layer ? layerFiles(layer).map((f) => [f.file, f.text]) : []);
  const refused = layer && remoteFailure(layer);
  if (refused) return { key, outcome: { ok: false, kind: 'failed', failure: refused, sources } };
  const dirty = dirtyOf(files.map(([f]) => f), o.overlay);
  let tmp: string | undefined;
  try {
    let runDir = dir;
    if (dirty.size > 0 && layer) {
      const dirs = [...layerDirs(layer)];
      const root = commonRoot([...dirs, ...files.map(([f]) => path.dirname(f))]);
      tmp = privateCopy(root, dirs, false, dirty);
      for (const [abs] of files) {
        const target = path.join(tmp, path.relative(root, abs));
        if (!fs.existsSync(target)) { fs.mkdirSync(path.dirname(target), { recursive: true }); fs.copyFileSync(abs, target); }
      }
      runDir = path.join(tmp, path.relative(root, dir));
    }
    const result = await runKustomize(tool, runDir, { ...(o.signal ? { signal: o.signal } : {}), ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}) });
    if (!result.ok) {
      if (result.reason === 'missing') return { key, outcome: { ok: false, kind: 'missing', tool: 'kustomize', command: tool } };
      if (result.reason === 'cancelled') return { key, outcome: { ok: false, kind: 'cancelled' } };
      const stderr = tmp ? (result.stderr || result.message).split(tmp).join(dir) : result.stderr || result.message;
      return { key, outcome: { ok: false, kind: 'failed', failure: kustomizeFailure(stderr, layer, dir), sources } };
    }
    if (!layer) return { key, outcome: { ok: false, kind: 'failed', failure: { file: path.join(dir, 'kustomization.yaml'), message: 'no kustomization.yaml' }, sources } };
    return { key, outcome: { ok: true, set: kustomizeRendered(result.stdout, layer) } };
  } finally {
    removeCopy(tmp);
  }
}
