/**
 * A packaged chart (`charts/<name>-<version>.tgz`, what `helm dependency build` leaves) read for the
 * mapping: the gzip is inflated with a cap and the tar entries are walked in memory. Only regular files
 * count; PAX (`x`) and GNU long-name (`L`) records supply long paths. Nothing is written to disk.
 */
import * as zlib from 'node:zlib';

const BLOCK = 512;
/** Inflated bytes read from one archive at most (a chart is kilobytes; a hostile archive must not fill memory). */
export const MAX_PACKAGED_BYTES = 16 * 1024 * 1024;
export const MAX_PACKAGED_FILES = 2000;

export interface PackagedFile {
  /** The path inside the archive, `keyvalue/templates/statefulset.yaml`. */
  readonly path: string;
  readonly text: string;
}

/** The archive's regular files (`wanted` filters by path), or undefined when it is no readable tar.gz. */
export function readPackagedChart(archive: Buffer, wanted: (path: string) => boolean = () => true): PackagedFile[] | undefined {
  let tar: Buffer;
  try { tar = zlib.gunzipSync(archive, { maxOutputLength: MAX_PACKAGED_BYTES }); } catch { return undefined; }
  const out: PackagedFile[] = [];
  let longName: string | undefined;
  for (let at = 0; at + BLOCK <= tar.length && out.length < MAX_PACKAGED_FILES;) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) break;
    const size = octal(header, 124, 12);
    if (size === undefined) return out.length ? out : undefined;
    const type = String.fromCharCode(header[156]!);
    const body = tar.subarray(at + BLOCK, at + BLOCK + size);
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') { longName = paxPath(body.toString('utf8')) ?? longName; continue; }
    if (type === 'L') { longName = cString(body, 0, body.length); continue; }
    const name = longName ?? joinUstar(cString(header, 345, 155), cString(header, 0, 100));
    longName = undefined;
    if ((type !== '0' && type !== '\0') || body.length < size) continue;
    const path = name.replace(/^\.\//, '');
    if (path.split('/').includes('..') || path.startsWith('/')) continue;
    if (wanted(path)) out.push({ path, text: body.toString('utf8') });
  }
  return out;
}

function octal(buf: Buffer, start: number, length: number): number | undefined {
  const text = cString(buf, start, length).trim();
  if (!/^[0-7]+$/.test(text)) return undefined;
  return parseInt(text, 8);
}

function cString(buf: Buffer, start: number, length: number): string {
  const slice = buf.subarray(start, start + length);
  const end = slice.indexOf(0);
  return slice.subarray(0, end < 0 ? slice.length : end).toString('utf8');
}

function joinUstar(prefix: string, name: string): string {
  return prefix ? `${prefix}/${name}` : name;
}

/** `path=` from PAX records (`<len> path=<value>\n`). */
function paxPath(records: string): string | undefined {
  for (const line of records.split('\n')) {
    const m = /^\d+ path=(.*)$/.exec(line);
    if (m) return m[1];
  }
  return undefined;
}
