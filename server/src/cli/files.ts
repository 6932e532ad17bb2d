/**
 * Expands CLI inputs (files, directories, `-` for stdin) into readable YAML sources, with clear errors.
 * Only regular files are read: a FIFO would block forever and /dev/zero never ends, so anything else
 * given explicitly is an input error. Files are read as bytes and decoded here (BOM stripped, invalid
 * UTF-8 replaced by U+FFFD), so any byte sequence gives a result.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';

export interface Source { readonly name: string; readonly text: string }
export interface InputError { readonly name: string; readonly message: string }

const YAML_EXT = /\.(ya?ml)$/i;

/**
 * Larger files are not read at all. The service skips anything above podLens.maxFileSize (5M
 * characters by default) with a notice; this only keeps a huge file from exhausting memory
 * (V8 strings stop at about 512M characters).
 */
export const MAX_READ_BYTES = 256 * 1024 * 1024;

/** All of stdin (or another fd) as bytes, decoded like a file. Retries EAGAIN (non-blocking pipes). */
export function readStdin(fd = 0): string {
  const chunks: Buffer[] = [];
  const buf = Buffer.alloc(64 * 1024);
  let total = 0;
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException)?.code;
      if (code === 'EAGAIN') { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); continue; }
      if (code === 'EOF') break; // Windows: stdin closed
      throw e;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
    total += n;
    if (total > MAX_READ_BYTES) throw Object.assign(new Error('too large'), { code: 'EFBIG' });
  }
  return decode(Buffer.concat(chunks));
}

export function collectSources(inputs: readonly string[], stdin: () => string = readStdin): { sources: Source[]; errors: InputError[] } {
  const sources: Source[] = [];
  const errors: InputError[] = [];
  const seenDirs = new Set<string>();
  let stdinText: string | undefined;
  const walk = (dir: string) => {
    let real: string;
    try { real = fs.realpathSync(dir); } catch (e) { errors.push({ name: dir, message: errMsg(e, dir) }); return; }
    if (seenDirs.has(real)) return; // symlink loop or repeated directory
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch (e) { errors.push({ name: dir, message: errMsg(e, dir) }); return; }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      let st: fs.Stats;
      try { st = fs.statSync(p); } catch (err) {
        if (YAML_EXT.test(e.name)) errors.push({ name: p, message: errMsg(err, p) });
        continue;
      }
      if (st.isDirectory()) { if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p); }
      else if (st.isFile() && YAML_EXT.test(e.name)) readOne(p, st);
    }
  };
  const readOne = (p: string, st: fs.Stats) => {
    if (st.size > MAX_READ_BYTES) {
      errors.push({ name: p, message: l10n.t('file is too large to read ({0} bytes; the limit is {1})', st.size, MAX_READ_BYTES) });
      return;
    }
    try { sources.push({ name: p, text: decode(fs.readFileSync(p)) }); } catch (e) { errors.push({ name: p, message: errMsg(e, p) }); }
  };
  for (const input of inputs) {
    if (input === '-') {
      // Stdin can be read once; `-` given twice means the same text.
      if (stdinText === undefined) {
        try { stdinText = stdin(); } catch (e) { errors.push({ name: '-', message: errMsg(e, '-') }); continue; }
      }
      sources.push({ name: '-', text: stdinText });
      continue;
    }
    let st: fs.Stats;
    try { st = fs.statSync(input); } catch (e) { errors.push({ name: input, message: errMsg(e, input) }); continue; }
    if (st.isDirectory()) walk(input);
    else if (st.isFile()) readOne(input, st);
    else errors.push({ name: input, message: l10n.t('not a regular file or directory (a device, FIFO or socket is never read)') });
  }
  return { sources, errors };
}

/** UTF-8 with a BOM stripped; invalid bytes become U+FFFD (reported by the YAML parser if they matter). */
export function decode(buf: Buffer): string {
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function isSymlink(p: string): boolean {
  try { return fs.lstatSync(p).isSymbolicLink(); } catch { return false; }
}

function errMsg(e: unknown, p?: string): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT': return p && isSymlink(p) ? l10n.t('broken symbolic link (its target does not exist)') : l10n.t('no such file or directory');
    case 'EACCES': case 'EPERM': return l10n.t('permission denied');
    case 'ELOOP': return l10n.t('too many levels of symbolic links (a symlink loop?)');
    case 'EISDIR': return l10n.t('is a directory');
    case 'ENOTDIR': return l10n.t('not a directory');
    case 'EFBIG': case 'ERR_STRING_TOO_LONG': return l10n.t('file is too large to read');
    default: return err?.message ?? String(e);
  }
}
