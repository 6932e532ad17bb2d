/**
 * The workspace's YAML files on disk, for the workspace index (issue 16): a bounded walk of the workspace
 * folders and bounded reads. Skips what is never a manifest a person edits (VCS and dependency folders,
 * hidden folders), symlinked folders (no cycles), files above MAX_FILE_BYTES, and stops at MAX_FILES.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkspaceFiles } from '../lsp/workspace';

export const MAX_FILES = 20_000;
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_DEPTH = 16;
const SKIPPED_DIRS = new Set(['node_modules', 'vendor', 'dist', 'out', 'target', '__pycache__']);
const YAML = /\.ya?ml$/i;

export const nodeWorkspaceFiles: WorkspaceFiles = {
  async list(roots) {
    const out: string[] = [];
    const walk = async (dir: string, depth: number): Promise<void> => {
      if (out.length >= MAX_FILES || depth > MAX_DEPTH) return;
      let entries: import('node:fs').Dirent[];
      try { entries = await fs.readdir(dir, { withFileTypes: true }); } catch { return; }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        if (out.length >= MAX_FILES) return;
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name)) await walk(p, depth + 1);
        } else if (e.isFile() && YAML.test(e.name)) out.push(p);
      }
    };
    for (const root of roots) await walk(root, 0);
    return out;
  },
  async read(file) {
    try {
      const st = await fs.stat(file);
      if (!st.isFile() || st.size > MAX_FILE_BYTES) return undefined;
      return await fs.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  pathOf(uri) {
    if (!uri.startsWith('file:')) return undefined;
    try { return fileURLToPath(uri); } catch { return undefined; }
  },
  uriOf: (file) => pathToFileURL(file).href,
};
