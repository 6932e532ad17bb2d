/**
 * The real helm and kustomize for the tests, built from tools/ by scripts/build-tools.sh (cached; a cold
 * build takes minutes, `npm test` runs it first). Fails, never skips, when they cannot be built.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../../..');
export const FIXTURES = path.join('test', 'fixtures');

let cached: { helm: string; kustomize: string } | undefined;

export function tools(): { helm: string; kustomize: string } {
  if (cached) return cached;
  const out = execFileSync('bash', [path.join(ROOT, 'scripts/build-tools.sh')], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 20 * 60_000 });
  const get = (name: string) => {
    const line = out.split('\n').find((l) => l.startsWith(`${name}=`));
    if (!line) throw new Error(`build-tools.sh printed no ${name}`);
    return line.slice(name.length + 1);
  };
  cached = { helm: get('helm'), kustomize: get('kustomize') };
  return cached;
}

/** `[file, 1-based line, code]` of every diagnostic, sorted; files relative to `base`. */
export function findingsOf(files: readonly { file: string; diagnostics: readonly { code: string; range: { start: { line: number } } }[] }[], base: string): [string, number, string][] {
  const out: [string, number, string][] = [];
  for (const f of files) {
    for (const d of f.diagnostics) out.push([f.file.startsWith(base + '/') ? f.file.slice(base.length + 1) : f.file, d.range.start.line + 1, d.code]);
  }
  return out.sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1] || a[2].localeCompare(b[2]));
}
