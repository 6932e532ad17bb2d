/**
 * The CLI on bad inputs: unreadable files, special files, directories, symlink loops and stdin.
 * Exit codes: 0 clean, 1 findings, 2 usage or I/O error — with a clear message naming the input.
 * Tests run as root in CI, where chmod 000 does not stop reads: those cases use a dangling symlink,
 * a FIFO and a device instead (and chmod only when not root).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../server/src/cli/main';
import { readStdin } from '../../../server/src/cli/files';
import * as l10n from '@vscode/l10n';
import { POD, invalidUtf8 } from './samples';

function cli(args: string[], stdin: string | (() => string) = '') {
  const out: string[] = [];
  const err: string[] = [];
  let reads = 0;
  const code = run(args, { out: (s) => out.push(s), err: (s) => err.push(s), stdin: () => { reads++; return typeof stdin === 'function' ? stdin() : stdin; } });
  return { code, out: out.join('\n'), err: err.join('\n'), reads };
}

function tmp(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-cli-rb-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const BAD = POD.replace('cpu: 500m', 'cpu: lots');

describe('CLI inputs', () => {
  it('a dangling symlink given explicitly: exit 2, says the link is broken', () => {
    const dir = tmp();
    const link = path.join(dir, 'gone.yaml');
    fs.symlinkSync(path.join(dir, 'missing.yaml'), link);
    const r = cli(['check', link]);
    assert.equal(r.code, 2);
    assert.match(r.err, /gone\.yaml: broken symbolic link/);
  });

  it('a dangling symlink inside a directory: the other files are still checked, exit 2', () => {
    const dir = tmp({ 'a.yaml': POD });
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'b.yaml'));
    const r = cli(['check', '--format', 'json', dir]);
    assert.equal(r.code, 2);
    const json = JSON.parse(r.out);
    assert.deepEqual(json.files.map((f: { file: string }) => path.basename(f.file)), ['a.yaml']);
    assert.deepEqual(json.errors, [{ name: path.join(dir, 'b.yaml'), message: 'broken symbolic link (its target does not exist)' }]);
  });

  it('unreadable files and directories (chmod 000; as root the built CLI runs as nobody)', () => {
    const dir = tmp({ 'a.yaml': POD, 'sub/b.yaml': POD });
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'a.yaml'), 0o000);
    fs.chmodSync(path.join(dir, 'sub'), 0o000);
    try {
      let r: { code: number; err: string };
      if (isRoot) {
        // Root reads mode-000 files, so drop to an unprivileged user for the real bundled CLI.
        const bin = path.join(__dirname, '../../../../dist/cli.js');
        const res = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, bin, 'check', dir], { encoding: 'utf8' });
        assert.equal(res.error, undefined, String(res.error));
        r = { code: res.status ?? -1, err: res.stderr };
      } else {
        r = cli(['check', dir]);
      }
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /a\.yaml: permission denied/);
      assert.match(r.err, /sub: permission denied/);
    } finally {
      fs.chmodSync(path.join(dir, 'sub'), 0o755);
    }
  });

  it('a FIFO is never read (it would block forever)', () => {
    const dir = tmp();
    const fifo = path.join(dir, 'pipe.yaml');
    try { execFileSync('mkfifo', [fifo]); } catch { return; }
    const r = cli(['check', fifo]);
    assert.equal(r.code, 2);
    assert.match(r.err, /pipe\.yaml: not a regular file or directory/);
    // Inside a directory it is skipped silently, like any non-YAML entry.
    fs.writeFileSync(path.join(dir, 'ok.yaml'), POD);
    assert.equal(cli(['check', dir]).code, 0);
  });

  it('a device that never ends (/dev/zero) is refused, not read', { skip: !fs.existsSync('/dev/zero') }, () => {
    const r = cli(['check', '/dev/zero']);
    assert.equal(r.code, 2);
    assert.match(r.err, /\/dev\/zero: not a regular file/);
  });

  it('a directory named like a YAML file is walked, and an empty tree says so', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'looks.yaml'));
    const r = cli(['check', path.join(dir, 'looks.yaml')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /no YAML files found/);
    fs.writeFileSync(path.join(dir, 'looks.yaml', 'inner.yml'), BAD);
    const r2 = cli(['check', dir + path.sep]);
    assert.equal(r2.code, 1);
    assert.match(r2.out, /inner\.yml:18:26: error \[invalid-quantity\]/);
  });

  it('a path through a regular file (ENOTDIR) is reported clearly', () => {
    const dir = tmp({ 'a.yaml': POD });
    const r = cli(['check', path.join(dir, 'a.yaml', 'x.yaml')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /x\.yaml: not a directory/);
  });

  it('symlink loops: explicit, inside a directory, and directory cycles', () => {
    const dir = tmp({ 'a.yaml': POD });
    fs.symlinkSync(path.join(dir, 'l2.yaml'), path.join(dir, 'l1.yaml'));
    fs.symlinkSync(path.join(dir, 'l1.yaml'), path.join(dir, 'l2.yaml'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.symlinkSync(dir, path.join(dir, 'sub', 'up'));
    const explicit = cli(['check', path.join(dir, 'l1.yaml')]);
    assert.equal(explicit.code, 2);
    assert.match(explicit.err, /l1\.yaml: too many levels of symbolic links/);
    const walked = cli(['check', dir]);
    assert.equal(walked.code, 2);
    assert.match(walked.err, /l1\.yaml: too many levels/);
    assert.match(walked.err, /l2\.yaml: too many levels/);
    assert.match(walked.out, /1 file\(s\), 1 pod spec\(s\)/);
  });

  it('stdin: read once even when - is given twice, findings give exit 1, empty stdin exit 0', () => {
    const twice = cli(['check', '--format', 'json', '-', '-'], BAD);
    assert.equal(twice.code, 1);
    assert.equal(twice.reads, 1);
    assert.equal(JSON.parse(twice.out).files.length, 2);
    const empty = cli(['check', '-'], '');
    assert.equal(empty.code, 0);
    assert.match(empty.out, /1 file\(s\), 0 pod spec\(s\), 0 error\(s\)/);
  });

  it('stdin that fails to read is an I/O error (exit 2), not a crash', () => {
    const r = cli(['check', '-'], () => { throw Object.assign(new Error('boom'), { code: 'EIO' }); });
    assert.equal(r.code, 2);
    assert.match(r.err, /-: boom/);
  });

  it('stdin bytes are decoded like files: BOM stripped, invalid UTF-8 replaced', () => {
    const dir = tmp({ 'in.bin': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), invalidUtf8()]) });
    const fd = fs.openSync(path.join(dir, 'in.bin'), 'r');
    let text: string;
    try { text = readStdin(fd); } finally { fs.closeSync(fd); }
    assert.equal(text.charCodeAt(0), 'a'.charCodeAt(0));
    assert.ok(text.includes('name: w\ufffd'));
    const r = cli(['check', '--format', 'json', '-'], text);
    assert.ok(r.code === 0 || r.code === 1, r.err);
    assert.deepEqual(JSON.parse(r.out).files[0].pods[0].range.start, { line: 0, character: 0 });
  });

  it('input errors are translated (--locale zh-cn)', () => {
    const dir = path.resolve(__dirname, '../../../../l10n');
    if (!fs.existsSync(path.join(dir, 'bundle.l10n.zh-cn.json'))) return; // built by `npm run build`
    const prev = process.env['VSCODE_L10N_BUNDLE_LOCATION'];
    process.env['VSCODE_L10N_BUNDLE_LOCATION'] = dir;
    try {
      const r = cli(['check', '--locale', 'zh-cn', '/nonexistent/pods.yaml', '/dev/zero']);
      assert.equal(r.code, 2);
      assert.match(r.err, /pods\.yaml: 没有那个文件或目录/);
      assert.match(r.err, /zero: 不是普通文件或目录/);
    } finally {
      if (prev === undefined) delete process.env['VSCODE_L10N_BUNDLE_LOCATION']; else process.env['VSCODE_L10N_BUNDLE_LOCATION'] = prev;
      l10n.config({ contents: {} });
    }
  });

  it('I/O errors win over findings: exit 2 when one input is missing and another has errors', () => {
    const dir = tmp({ 'bad.yaml': BAD });
    const r = cli(['check', path.join(dir, 'bad.yaml'), path.join(dir, 'missing.yaml')]);
    assert.equal(r.code, 2);
    assert.match(r.out, /bad\.yaml:18:26: error \[invalid-quantity\]/);
    assert.match(r.err, /missing\.yaml: no such file or directory/);
  });
});
