/**
 * End to end: `pod-lens check DIR --format json` (the built dist/cli.js) indexes every file given, so a
 * Service in one file is checked against the workloads of another, in their namespaces.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deployment } from './helpers';

const BIN = path.join(__dirname, '../../../../../dist/cli.js');

interface Report { files: { file: string; diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number } } }[] }[] }

function check(files: Record<string, string>, ...args: string[]): { status: number | null; report: Report } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-ws-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    const res = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', ...args, dir], { encoding: 'utf8', timeout: 60_000 });
    const report = JSON.parse(res.stdout) as Report;
    return { status: res.status, report: { files: report.files.map((f) => ({ ...f, file: path.relative(dir, f.file) })) } };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: http\n';

describe('workspace rules in pod-lens check DIR', () => {
  it('reports a Service whose selector matches no workload of another file, at its selector line', () => {
    const { status, report } = check({ 'svc.yaml': SERVICE, 'deploy/web.yaml': deployment('webapp') });
    const svc = report.files.find((f) => f.file === 'svc.yaml')!;
    const found = svc.diagnostics.filter((d) => d.code === 'service-selector-no-pods');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'warning');
    assert.deepEqual(found[0]!.range.start, { line: 5, character: 2 });
    assert.match(found[0]!.message, /namespace default has the labels \{"app":"web"\}/);
    assert.equal(status, 0, 'a warning does not fail the default --fail-on error');
    assert.deepEqual(report.files.find((f) => f.file === path.join('deploy', 'web.yaml'))!.diagnostics.filter((d) => d.code.startsWith('service-')), []);
  });

  it('is quiet when the other file has the pods, keeps namespaces apart, and follows podLens rule levels and suppression comments', () => {
    assert.deepEqual(check({ 'svc.yaml': SERVICE, 'web.yaml': deployment('web') }).report.files.flatMap((f) => f.diagnostics.filter((d) => d.code.startsWith('service-'))), []);
    const apart = check({ 'svc.yaml': SERVICE, 'web.yaml': deployment('web', { ns: 'other' }), 'api.yaml': deployment('api') });
    assert.deepEqual(apart.report.files.flatMap((f) => f.diagnostics.map((d) => d.code)).filter((c) => c.startsWith('service-')), ['service-selector-no-pods']);
    const suppressed = SERVICE.replace('  selector:', '  # pod-lens-disable-next-line service-selector-no-pods\n  selector:');
    assert.deepEqual(check({ 'svc.yaml': suppressed, 'api.yaml': deployment('api') }).report.files.flatMap((f) => f.diagnostics.map((d) => d.code)).filter((c) => c.startsWith('service-')), []);
    assert.equal(check({ 'svc.yaml': SERVICE, 'api.yaml': deployment('api') }, '--fail-on', 'warning').status, 1);
  });
});
