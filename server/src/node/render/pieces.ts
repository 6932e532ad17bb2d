/**
 * Whether an open file is a piece of a chart or an overlay that must not be judged alone (issue 15): a Helm
 * template (a file under `templates/` of a folder with Chart.yaml) or a patch a kustomization in its folder
 * names. Such a file's pod is not a pod: a strategic-merge patch has no image, a template's resources come
 * from values. Reads only the file system (a stat, and the sibling kustomization, cached by its mtime).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFile } from '../../model/parse';
import { get, isSeq, str } from '../../model/tree';
import { KUSTOMIZATION_NAMES } from './kustomize';

export type PieceKind = 'helm-template' | 'kustomize-patch';

const patchCache = new Map<string, { mtimeMs: number; size: number; patches: Set<string> }>();

export function pieceOf(uri: string): PieceKind | undefined {
  if (!uri.startsWith('file:')) return undefined;
  let file: string;
  try { file = fileURLToPath(uri); } catch { return undefined; }
  return helmTemplate(file) ? 'helm-template' : kustomizePatch(file) ? 'kustomize-patch' : undefined;
}

function helmTemplate(file: string): boolean {
  let dir = path.dirname(file);
  for (let i = 0; i < 8; i++) {
    if (path.basename(dir) === 'templates' && isFile(path.join(path.dirname(dir), 'Chart.yaml'))) return true;
    const up = path.dirname(dir);
    if (up === dir) return false;
    dir = up;
  }
  return false;
}

function kustomizePatch(file: string): boolean {
  const dir = path.dirname(file);
  for (const name of KUSTOMIZATION_NAMES) {
    const k = path.join(dir, name);
    let st: fs.Stats;
    try { st = fs.statSync(k); } catch { continue; }
    if (!st.isFile() || st.size > 1024 * 1024) continue;
    let hit = patchCache.get(k);
    if (!hit || hit.mtimeMs !== st.mtimeMs || hit.size !== st.size) {
      let text = '';
      try { text = fs.readFileSync(k, 'utf8'); } catch { /* unreadable: no patches */ }
      hit = { mtimeMs: st.mtimeMs, size: st.size, patches: patchPaths(text, dir) };
      if (patchCache.size > 200) patchCache.clear();
      patchCache.set(k, hit);
    }
    if (hit.patches.has(path.resolve(file))) return true;
  }
  return false;
}

/** The files a kustomization names as patches (patches[].path, patchesStrategicMerge[], patchesJson6902[].path). */
export function patchPaths(text: string, dir: string): Set<string> {
  const k = parseFile(text).documents[0]?.root;
  const out = new Set<string>();
  const add = (p: string | undefined) => { if (p && !p.includes('\n')) out.add(path.resolve(dir, p)); };
  for (const key of ['patches', 'patchesJson6902']) {
    const list = get(k, key);
    if (isSeq(list)) for (const it of list.items) add(str(get(it, 'path')));
  }
  const smp = get(k, 'patchesStrategicMerge');
  if (isSeq(smp)) for (const it of smp.items) add(str(it));
  return out;
}

function isFile(p: string): boolean {
  try { return fs.statSync(p).isFile(); } catch { return false; }
}
