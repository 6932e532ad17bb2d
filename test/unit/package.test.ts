/**
 * The shipped .vsix: packs the current dist/ bundles with `node scripts/package.mjs --no-build`
 * (vsce, offline) into a temporary file, reads the zip, and checks that it holds exactly what the
 * installed extension needs (allowlist in .vscodeignore) and a manifest vsce and VS Code accept.
 * Needs `npm run build` first (npm test does it).
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';

const ROOT = path.resolve(__dirname, '../../..');

interface ZipEntry { readonly name: string; readonly data: () => Buffer }

/** Reads a zip's central directory (no zip64, which vsce never writes for a package this size). */
function readZip(file: string): ZipEntry[] {
  const buf = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  assert.ok(eocd >= 0, `${file} is not a zip (no end of central directory)`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'central directory entry signature');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    out.push({
      name,
      data: () => {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const raw = buf.subarray(start, start + size);
        return method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
      },
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const exists = (rel: string) => fs.existsSync(path.join(ROOT, rel));
const listDir = (rel: string, re: RegExp) => (exists(rel) ? fs.readdirSync(path.join(ROOT, rel)).filter((f) => re.test(f)) : []);
/** Every file under a folder, relative to ROOT. */
function walk(rel: string): string[] {
  if (!exists(rel)) return [];
  return fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(`${rel}/${e.name}`) : [`${rel}/${e.name}`]);
}

describe('packaged extension (.vsix)', () => {
  let entries: ZipEntry[];
  let files: string[];
  const entry = (name: string) => {
    const e = entries.find((x) => x.name === name);
    assert.ok(e, `${name} is in the .vsix`);
    return e;
  };

  before(() => {
    assert.ok(exists('dist/extension.js') && exists('dist/server.js'), 'run `npm run build` first');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-vsix-'));
    const vsix = path.join(dir, 'test.vsix');
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/package.mjs'), '--no-build', '--out', vsix], { cwd: ROOT, stdio: 'pipe' });
    entries = readZip(vsix);
    files = entries.map((e) => e.name).filter((n) => !n.endsWith('/'));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has exactly the allowed top-level entries', () => {
    const top = new Set(files.map((f) => f.split('/')[0]));
    assert.deepEqual([...top].sort(), ['[Content_Types].xml', 'extension', 'extension.vsixmanifest']);
    const inExtension = new Set(files.filter((f) => f.startsWith('extension/')).map((f) => f.split('/')[1]));
    assert.deepEqual([...inExtension].sort(), [
      'LICENSE.txt', 'changelog.md', 'client', 'dist', 'l10n', 'media',
      'package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'readme.md', 'syntaxes',
    ]);
  });

  it('ships the bundles, grammars, translations and media, and nothing else', () => {
    const expected = [
      'extension/LICENSE.txt', 'extension/changelog.md', 'extension/readme.md', 'extension/package.json',
      ...listDir('.', /^package\.nls(\.[\w-]+)?\.json$/).map((f) => `extension/${f}`),
      'extension/dist/extension.js', 'extension/dist/server.js',
      // @kubernetes/client-node: the server loads it when the user runs a cluster command (issue 17)
      'extension/dist/kube-client.js',
      // the lifecycle preview's script, once client/webview/main.ts exists (esbuild.mjs builds it then)
      ...(exists('client/webview/main.ts') ? ['extension/dist/webview.js'] : []),
      ...listDir('syntaxes', /\.tmLanguage\.json$/).map((f) => `extension/syntaxes/${f}`),
      ...listDir('l10n', /^bundle\.l10n\.[\w-]+\.json$/).map((f) => `extension/l10n/${f}`),
      ...walk('client/media').map((f) => `extension/${f}`),
      'extension/media/icon.png',
    ];
    assert.deepEqual(files.filter((f) => f.startsWith('extension/')).sort(), [...new Set(expected)].sort());
  });

  it('has no sources, tests, source maps or node_modules', () => {
    const forbidden = /(^|\/)(node_modules|out|test|server|scripts|bin|examples|docs|\.e2e|\.git|\.vscode-test)\/|\.(ts|map|vsix)$|(^|\/)(tsconfig\.json|esbuild\.mjs|package-lock\.json|\.vscodeignore|\.gitignore)$/;
    assert.deepEqual(files.filter((f) => forbidden.test(f.replace(/^extension\//, ''))), []);
    assert.ok(!files.includes('extension/client/src/extension.ts'));
  });

  it('bundles are self-contained: they require only Node built-ins (and vscode in the client)', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    // kube-client.js: client-node's optional native helpers (ws, node-fetch) are required inside try/catch.
    const bundles = [['extension/dist/extension.js', ['vscode']], ['extension/dist/server.js', []], ['extension/dist/kube-client.js', ['bufferutil', 'utf-8-validate', 'encoding']]] as const;
    for (const [name, allowed] of bundles) {
      const text = entry(name).data().toString('utf8');
      const required = [...text.matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)].map((m) => m[1]!);
      assert.deepEqual([...new Set(required.filter((r) => !builtins.has(r) && !(allowed as readonly string[]).includes(r)))], [], name);
    }
  });

  it('every bundle a shipped bundle loads at run time is shipped beside it', () => {
    for (const name of ['extension/dist/extension.js', 'extension/dist/server.js']) {
      const text = entry(name).data().toString('utf8');
      const relative = [...text.matchAll(/\b(?:require|import)\(\s*["'](\.\/[^"']+)["']\s*\)/g)].map((m) => path.posix.join(path.posix.dirname(name), m[1]!));
      for (const target of relative) assert.ok(files.includes(target), `${name} loads ${target}, which is not in the .vsix`);
      if (name.endsWith('server.js')) assert.ok(relative.includes('extension/dist/kube-client.js'), 'the server loads the cluster client on demand');
    }
  });

  it('manifest: publisher, repository, engines, categories, keywords, activation, contributions resolve', () => {
    const pkg = JSON.parse(entry('extension/package.json').data().toString('utf8'));
    assert.match(pkg.publisher, /^[a-z0-9][a-z0-9-]*$/);
    assert.match(pkg.name, /^[a-z0-9][a-z0-9-]*$/);
    assert.match(pkg.version, /^\d+\.\d+\.\d+$/);
    assert.ok(pkg.repository?.url || typeof pkg.repository === 'string', 'repository');
    assert.match(pkg.engines.vscode, /^\^1\.\d+\.\d+$/);
    assert.ok(Array.isArray(pkg.categories) && pkg.categories.length > 0);
    assert.ok(Array.isArray(pkg.keywords) && pkg.keywords.length > 0 && pkg.keywords.length <= 30);
    assert.ok(pkg.activationEvents.includes('onLanguage:yaml'));
    assert.equal(pkg.license, 'MIT');
    const inZip = (rel: string) => files.includes(`extension/${path.posix.normalize(rel.replace(/^\.\//, ''))}`);
    assert.ok(inZip(pkg.main), `main ${pkg.main}`);
    assert.ok(inZip(pkg.icon), `icon ${pkg.icon}`);
    assert.ok(pkg.contributes.grammars.length > 0);
    for (const g of pkg.contributes.grammars) {
      assert.ok(inZip(g.path), `grammar ${g.path}`);
      assert.deepEqual(g.injectTo, ['source.yaml']);
    }
    assert.ok(files.some((f) => f.startsWith(`extension/${pkg.l10n.replace(/^\.\//, '')}/bundle.l10n.`)), 'l10n bundles');
    // every %key% of the manifest has an English string
    const nls = JSON.parse(entry('extension/package.nls.json').data().toString('utf8'));
    const keys = [...JSON.stringify(pkg).matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]!);
    assert.deepEqual(keys.filter((k) => !(k in nls)), []);
  });

  it('the vsix manifest names the extension, its icon and its license', () => {
    const xml = entry('extension.vsixmanifest').data().toString('utf8');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.match(xml, new RegExp(`<Identity [^>]*Id="${pkg.name}"[^>]*Version="${pkg.version.replace(/\./g, '\\.')}"[^>]*Publisher="${pkg.publisher}"`));
    assert.match(xml, /Path="extension\/media\/icon\.png"/);
    assert.match(xml, /Path="extension\/LICENSE\.txt"/);
    const png = entry('extension/media/icon.png').data();
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
});
