/** Expands CLI inputs (files, directories, `-` for stdin) into readable YAML sources, with clear errors. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Source { readonly name: string; readonly text: string }
export interface InputError { readonly name: string; readonly message: string }

const YAML_EXT = /\.(ya?ml)$/i;

export function readStdin(): string {
  try {
    return fs.readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}

export function collectSources(inputs: readonly string[], stdin: () => string = readStdin): { sources: Source[]; errors: InputError[] } {
  const sources: Source[] = [];
  const errors: InputError[] = [];
  const seenDirs = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    try { real = fs.realpathSync(dir); } catch (e) { errors.push({ name: dir, message: errMsg(e) }); return; }
    if (seenDirs.has(real)) return; // symlink loop or repeated directory
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch (e) { errors.push({ name: dir, message: errMsg(e) }); return; }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      let st: fs.Stats;
      try { st = fs.statSync(p); } catch (err) {
        if (YAML_EXT.test(e.name)) errors.push({ name: p, message: errMsg(err) });
        continue;
      }
      if (st.isDirectory()) { if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p); }
      else if (st.isFile() && YAML_EXT.test(e.name)) readOne(p);
    }
  };
  const readOne = (p: string) => {
    try { sources.push({ name: p, text: decode(fs.readFileSync(p)) }); } catch (e) { errors.push({ name: p, message: errMsg(e) }); }
  };
  for (const input of inputs) {
    if (input === '-') { sources.push({ name: '-', text: stdin() }); continue; }
    let st: fs.Stats;
    try { st = fs.statSync(input); } catch (e) { errors.push({ name: input, message: errMsg(e) }); continue; }
    if (st.isDirectory()) walk(input);
    else readOne(input);
  }
  return { sources, errors };
}

/** UTF-8 with a BOM stripped; invalid bytes become U+FFFD (reported by the YAML parser if they matter). */
export function decode(buf: Buffer): string {
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function errMsg(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'EISDIR': return 'is a directory';
    default: return err?.message ?? String(e);
  }
}
