/**
 * `kustomize build DIR` for Pod Lens: running it, and reading the overlay's layers (kustomization,
 * resources, bases, patch files) for the mapping (render/kustomizeMap.ts). Remote bases (URLs) are never
 * fetched by Pod Lens; kustomize itself is run as the user configured it, with no network flags added.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFile } from '../../model/parse';
import { get, isSeq, str } from '../../model/tree';
import type { YNode } from '../../model/tree';
import type { RawFile, RawLayer } from '../../render/kustomizeSet';
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
  const resources: (RawFile | RawLayer)[] = [];
  for (const entry of [...strings(get(k, 'resources')), ...strings(get(k, 'bases'))]) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(entry)) continue;
    const abs = path.resolve(dir, entry);
    const name = display(shown, entry);
    let st: fs.Stats;
    try { st = fs.statSync(abs); } catch { continue; }
    if (st.isDirectory()) { const layer = readLayer(abs, name, seen, depth + 1, overlay); if (layer) resources.push(layer); }
    else { const f = readRaw(abs, name, overlay); if (f) resources.push(f); }
  }
  const patchFiles = new Map<string, RawFile>();
  const patchPaths = [...strings(get(k, 'patchesStrategicMerge')).filter((p) => !p.includes('\n')), ...pathsOf(get(k, 'patches')), ...pathsOf(get(k, 'patchesJson6902'))];
  for (const p of patchPaths) {
    const f = readRaw(path.resolve(dir, p), display(shown, p), overlay);
    if (f) patchFiles.set(p, f);
  }
  return { kustomization: kraw, resources, patchFiles };
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
