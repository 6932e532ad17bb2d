/**
 * `kustomize build DIR` for Pod Lens: running it, and reading the overlay's layers (kustomization,
 * resources, bases, patch files) for the mapping (render/kustomizeMap.ts). Pod Lens never renders with the
 * network: an overlay that names a remote base, component or helm chart repository anywhere in its layers is
 * not rendered at all (remoteReference), because kustomize would clone or download it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFile } from '../../model/parse';
import { get, isSeq, str } from '../../model/tree';
import type { YNode } from '../../model/tree';
import { LineIndex } from '../../model/lineIndex';
import type { RawFile, RawLayer, RemoteReference } from '../../render/kustomizeSet';
import { firstLines } from './helm';
import type { ToolFailure } from './helm';
import { runTool } from './run';
import type { RunOptions, RunResult } from './run';

export const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export function kustomizationFile(dir: string): string | undefined {
  for (const name of KUSTOMIZATION_NAMES) {
    const p = path.join(dir, name);
    try { if (fs.statSync(p).isFile()) return p; } catch { /* next */ }
  }
  return undefined;
}

/** `kustomize build DIR`, or `kubectl kustomize DIR` when the configured tool is kubectl. */
export function kustomizeArgs(tool: string, dir: string): string[] {
  return /(^|[\\/])kubectl(\.exe)?$/.test(tool) ? ['kustomize', dir] : ['build', dir];
}

export function runKustomize(tool: string, dir: string, options: RunOptions = {}): Promise<RunResult> {
  return runTool(tool, kustomizeArgs(tool, dir), options);
}

function display(base: string, rel: string): string {
  return !base || base === '.' ? rel : `${base.replace(/\/+$/, '')}/${rel}`;
}

/**
 * The overlay's layers; `shown` is the directory as the user wrote it, paths below it are named from it.
 * `overlay` (absolute path -> text: the editor's open buffers) wins over the disk.
 */
export function readLayer(dir: string, shown: string = dir, seen: Set<string> = new Set(), depth = 0, overlay?: ReadonlyMap<string, string>): RawLayer | undefined {
  const kfile = kustomizationFile(dir);
  if (!kfile || depth > 20) return undefined;
  const real = safeReal(dir);
  if (seen.has(real)) return undefined;
  seen.add(real);
  const kraw = readRaw(kfile, display(shown, path.basename(kfile)), overlay);
  if (!kraw) return undefined;
  const k = parseFile(kraw.text).documents[0]?.root;
  const lines = new LineIndex(kraw.text);
  const remote: RemoteReference[] = [];
  const resources: (RawFile | RawLayer)[] = [];
  const components = entries(get(k, 'components'));
  for (const node of [...entries(get(k, 'resources')), ...entries(get(k, 'bases')), ...components]) {
    const entry = str(node)!;
    const abs = path.resolve(dir, entry);
    let st: fs.Stats | undefined;
    try { st = fs.statSync(abs); } catch { st = undefined; }
    if (!st) {
      if (looksRemote(entry)) remote.push({ entry, line: lines.position(node.span.start).line });
      continue;
    }
    if (components.includes(node)) continue; // a local component is read by kustomize; the mapping has no use for it yet
    const name = display(shown, entry);
    if (st.isDirectory()) { const layer = readLayer(abs, name, seen, depth + 1, overlay); if (layer) resources.push(layer); }
    else { const f = readRaw(abs, name, overlay); if (f) resources.push(f); }
  }
  const patchFiles = new Map<string, RawFile>();
  const patchPaths = [...strings(get(k, 'patchesStrategicMerge')).filter((p) => !p.includes('\n')), ...pathsOf(get(k, 'patches')), ...pathsOf(get(k, 'patchesJson6902'))];
  for (const p of patchPaths) {
    const f = readRaw(path.resolve(dir, p), display(shown, p), overlay);
    if (f) patchFiles.set(p, f);
  }
  const charts = get(k, 'helmCharts');
  if (isSeq(charts)) {
    for (const chart of charts.items) {
      const repo = get(chart, 'repo');
      const url = str(repo);
      if (repo && url && looksRemote(url)) remote.push({ entry: url, line: lines.position(repo.span.start).line });
    }
  }
  return { kustomization: kraw, resources, patchFiles, ...(remote.length ? { remote } : {}) };
}

/**
 * What kustomize would fetch instead of reading from disk (api/internal/git RepoSpec, and HTTP(S) resources):
 * a URL with a scheme, git@host:..., git::..., or a path that starts with a host name (github.com/org/repo).
 * Only entries that are not on disk are asked (a local folder named like a host is a folder).
 */
export function looksRemote(entry: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || /^git(@|::)/.test(entry) || /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(:\d+)?\//i.test(entry);
}

/** The failure to report instead of running kustomize on an overlay that names a network resource. */
export function remoteFailure(layer: RawLayer): ToolFailure | undefined {
  const found = remoteReference(layer);
  return found && { file: found.file, line: found.line, message: found.entry, remote: found.entry };
}

/** The first remote reference of the overlay's layers, with the kustomization file that names it. */
export function remoteReference(layer: RawLayer): { readonly file: string; readonly line: number; readonly entry: string } | undefined {
  const own = layer.remote?.[0];
  if (own) return { file: layer.kustomization.file, ...own };
  for (const r of layer.resources) {
    const found = 'kustomization' in r ? remoteReference(r) : undefined;
    if (found) return found;
  }
  return undefined;
}

function entries(n: YNode | undefined): YNode[] {
  return isSeq(n) ? n.items.filter((i) => str(i) !== undefined) : [];
}

function strings(n: YNode | undefined): string[] {
  return isSeq(n) ? n.items.map((i) => str(i)).filter((s): s is string => s !== undefined) : [];
}

function pathsOf(n: YNode | undefined): string[] {
  return isSeq(n) ? n.items.map((i) => str(get(i, 'path'))).filter((s): s is string => s !== undefined) : [];
}

function readRaw(abs: string, file: string, overlay?: ReadonlyMap<string, string>): RawFile | undefined {
  const open = overlay?.get(path.resolve(abs));
  if (open !== undefined) return { file, text: open };
  try {
    if (fs.statSync(abs).size > 4 * 1024 * 1024) return undefined;
    return { file, text: fs.readFileSync(abs, 'utf8') };
  } catch { return undefined; }
}

function safeReal(p: string): string {
  try { return fs.realpathSync(p); } catch { return path.resolve(p); }
}

/** Every file of a layer (for `files` in the report and the editor's cache key). */
export function layerFiles(layer: RawLayer): RawFile[] {
  const out: RawFile[] = [layer.kustomization];
  for (const r of layer.resources) out.push(...('kustomization' in r ? layerFiles(r) : [r]));
  out.push(...layer.patchFiles.values());
  return out;
}

/** The file and line kustomize names in its error, among the layer's files; else the kustomization. */
export function kustomizeFailure(stderr: string, layer: RawLayer | undefined, shown: string): ToolFailure {
  const text = stderr.replace(/^Error:\s*/m, '').trim();
  const message = firstLines(text);
  const files = layer ? layerFiles(layer) : [];
  const named = files.find((f) => text.includes(path.basename(f.file)) && f !== layer?.kustomization) ?? layer?.kustomization;
  const line = /line (\d+)/.exec(text);
  return { file: named?.file ?? display(shown, 'kustomization.yaml'), ...(line && named ? { line: Number(line[1]) - 1 } : {}), message };
}
