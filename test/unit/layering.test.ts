/**
 * The layers (docs/architecture.md): `model/` and `analysis/` are pure — no editor API, no processes,
 * files or network — and import nothing from the layers above them (service, lsp, cli, node, client).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const PURE = ['server/src/model', 'server/src/analysis', 'server/src/lifecycleView', 'server/src/render', 'server/src/cluster'];
const FORBIDDEN_MODULES = /^(?:node:)?(?:child_process|net|tls|http|https|fs|fs\/promises|worker_threads|dgram)$|^vscode(?:-languageserver|-languageclient|-jsonrpc)?(?:\/|$)/;
const ABOVE = ['server/src/service', 'server/src/lsp', 'server/src/cli', 'server/src/node', 'client'];

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)]
    .map((m) => m[1] ?? m[2] ?? m[3]!);
}

describe('layering', () => {
  for (const layer of PURE) {
    it(`${layer} is pure and imports no layer above it`, () => {
      const files = tsFiles(path.join(ROOT, layer));
      assert.ok(files.length > 0, `${layer} has its files`);
      const problems: string[] = [];
      for (const file of files) {
        for (const spec of imports(file)) {
          const rel = path.relative(ROOT, file);
          if (FORBIDDEN_MODULES.test(spec)) problems.push(`${rel} imports ${spec}`);
          if (spec.startsWith('.')) {
            const target = path.relative(ROOT, path.resolve(path.dirname(file), spec));
            if (ABOVE.some((above) => target === above || target.startsWith(above + '/'))) problems.push(`${rel} imports ${target}`);
          }
        }
      }
      assert.deepEqual(problems, []);
    });
  }
  it('finds a forbidden import when there is one (the check itself works)', () => {
    assert.ok(FORBIDDEN_MODULES.test('node:child_process') && FORBIDDEN_MODULES.test('vscode') && FORBIDDEN_MODULES.test('vscode-languageserver/node'));
    assert.ok(!FORBIDDEN_MODULES.test('yaml') && !FORBIDDEN_MODULES.test('@vscode/l10n'));
  });
});
