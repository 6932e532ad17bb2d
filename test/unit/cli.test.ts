import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../server/src/cli/main';

function cli(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, { out: (s) => out.push(s), err: (s) => err.push(s), stdin: () => stdin });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const GOOD = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: a
          image: x:1
          resources: { requests: { cpu: 250m, memory: 64Mi }, limits: { cpu: 250m, memory: 64Mi } }
        - name: b
          image: x:1
          resources: { requests: { cpu: 500m, memory: 256Mi }, limits: { cpu: 500m, memory: 256Mi } }
`;

function tmp(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('pod-lens check', () => {
  it('prints JSON in the documented shape', () => {
    const dir = tmp({ 'a.yaml': GOOD });
    const file = path.join(dir, 'a.yaml');
    const r = cli(['check', '--format', 'json', file]);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.equal(json.files.length, 1);
    assert.equal(json.files[0].file, file);
    const pod = json.files[0].pods[0];
    assert.equal(pod.kind, 'Deployment');
    assert.equal(pod.name, 'web');
    assert.equal(pod.document, 0);
    assert.equal(pod.qosClass, 'Guaranteed');
    assert.deepEqual(pod.requests, { cpu: '750m', memory: '320Mi' });
    assert.deepEqual(pod.limits, { cpu: '750m', memory: '320Mi' });
    assert.deepEqual(pod.range.start, { line: 0, character: 0 });
  });

  it('exits 1 on an error diagnostic and reports it with its range', () => {
    const r = cli(['check', '--format', 'json', '-'], GOOD.replace('cpu: 250m, memory: 64Mi }, limits', 'cpu: 250 m, memory: 64Mi }, limits'));
    assert.equal(r.code, 1);
    const d = JSON.parse(r.out).files[0].diagnostics.find((x: { code: string }) => x.code === 'invalid-quantity');
    assert.equal(d.severity, 'error');
    assert.equal(d.range.start.line, 11);
  });

  it('walks directories, reads stdin, and prints text', () => {
    const dir = tmp({ 'x/a.yaml': GOOD, 'x/b.yml': GOOD, 'x/c.txt': 'not yaml' });
    const r = cli(['check', dir]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /2 file\(s\), 2 pod spec\(s\), 0 error\(s\)/);
    assert.match(r.out, /Deployment\/web: QoS Guaranteed/);
  });

  it('exits 2 with a clear message for missing files, bad options and no input', () => {
    const missing = cli(['check', '/nonexistent/pods.yaml']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no such file or directory/);
    assert.equal(cli(['check', '--format', 'xml', 'a.yaml']).code, 2);
    assert.equal(cli(['check', '--kubernetes-version', 'latest', 'a.yaml']).code, 2);
    assert.equal(cli(['check']).code, 2);
    assert.equal(cli(['frobnicate', 'a.yaml']).code, 2);
    assert.equal(cli(['--help']).code, 0);
  });

  it('survives a symlink loop', () => {
    const dir = tmp({ 'a.yaml': GOOD });
    fs.symlinkSync(dir, path.join(dir, 'loop'));
    const r = cli(['check', dir]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /1 file\(s\)/);
  });

  it('honours --kubernetes-version', () => {
    const sidecar = `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  initContainers:\n    - { name: s, image: x:1, restartPolicy: Always, resources: { requests: { cpu: 100m } } }\n  containers:\n    - { name: a, image: x:1, resources: { requests: { cpu: 200m } } }\n`;
    const now = JSON.parse(cli(['check', '--format', 'json', '-'], sidecar).out).files[0].pods[0];
    const old = JSON.parse(cli(['check', '--format', 'json', '--kubernetes-version', '1.28', '-'], sidecar).out).files[0].pods[0];
    assert.equal(now.requests.cpu, '300m');
    assert.equal(old.requests.cpu, '200m');
  });
});
