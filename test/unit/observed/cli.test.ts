/** `pod-lens explain`: the JSON shape of issue 14, exit codes, --now, stdin, usage errors, zh-cn. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { run } from '../../../server/src/cli/main';
import { CAUSES } from '../../../server/src/analysis/observed/index';
import { FIXTURES, fixture } from './helpers';

function cli(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, { out: (s) => out.push(s), err: (s) => err.push(s), stdin: () => stdin });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const file = (name: string) => path.join(FIXTURES, name);
const NOW = '2026-12-04T10:21:00Z';

describe('pod-lens explain', () => {
  it('prints the documented JSON shape for a crash-looping pod and exits 1', () => {
    const r = cli(['explain', '--format', 'json', '--now', NOW, file('crashloop-oom.yaml')]);
    assert.equal(r.code, 1, r.err);
    const json = JSON.parse(r.out);
    const pod = json.pods[0];
    for (const k of ['name', 'namespace', 'phase', 'diagnosis', 'containers']) assert.ok(k in pod, k);
    assert.equal(pod.diagnosis, 'CrashLoopBackOff: app exited 137 (OOMKilled at 256Mi) 5 times; next restart in 2m20s');
    const c = pod.containers[0];
    assert.deepEqual(
      { name: c.name, role: c.role, state: c.state, reason: c.reason, exitCode: c.exitCode, signal: c.signal, restartCount: c.restartCount, cause: c.cause, backoffSeconds: c.backoffSeconds, nextRestartAt: c.nextRestartAt, memoryLimit: c.memoryLimit },
      { name: 'app', role: 'app', state: 'waiting', reason: 'CrashLoopBackOff', exitCode: 137, signal: 9, restartCount: 5, cause: 'oom-killed', backoffSeconds: 160, nextRestartAt: '2026-12-04T10:23:20Z', memoryLimit: '256Mi' },
    );
  });

  it('ContainerCreating: progressing (exit 0) within the kubelet\'s 2m3s volume wait, stuck (exit 1) with a warning at the reason past it', () => {
    const early = cli(['explain', '--format', 'json', '--now', '2026-12-04T11:01:00Z', file('container-creating.yaml')]);
    assert.equal(early.code, 0, early.err);
    assert.deepEqual(JSON.parse(early.out).pods.map((p: { attention: string }) => p.attention), ['ok', 'ok']);
    const late = cli(['explain', '--format', 'json', '--now', '2026-12-04T11:05:12Z', file('container-creating.yaml')]);
    assert.equal(late.code, 1, late.err);
    const pods = JSON.parse(late.out).pods;
    assert.deepEqual(pods.map((p: { attention: string }) => p.attention), ['stuck', 'stuck']);
    const warning = pods[0].explanations.find((e: { message: string }) => /ContainerCreating for 5m12s/.test(e.message));
    assert.equal(warning.severity, 'warning');
    const lines = fs.readFileSync(file('container-creating.yaml'), 'utf8').split('\n');
    assert.match(lines[warning.line - 1]!, /waiting: \{ reason: ContainerCreating \}/);
  });

  it('every cause in the JSON is one of the documented values', () => {
    for (const f of ['container-creating.yaml', 'crashloop-oom.yaml', 'image-pull.yaml', 'config-error.yaml', 'init-stuck.yaml', 'liveness-kill.yaml', 'deleting.yaml', 'evicted.yaml', 'unschedulable.yaml', 'exit-codes.yaml', 'running.yaml']) {
      const json = JSON.parse(cli(['explain', '--format', 'json', '--now', NOW, file(f)]).out);
      for (const p of json.pods) {
        for (const c of p.containers) {
          assert.ok(c.cause === null || (CAUSES as readonly string[]).includes(c.cause), `${f}: ${c.cause}`);
          assert.ok(['init', 'sidecar', 'app', 'ephemeral'].includes(c.role));
          assert.ok(c.state === null || ['waiting', 'running', 'terminated'].includes(c.state));
        }
      }
    }
  });

  it('exits 0 when nothing needs attention and 1 when a pod is stuck', () => {
    assert.equal(cli(['explain', file('running.yaml')]).code, 0);
    assert.equal(cli(['explain', file('liveness-kill.yaml')]).code, 0);
    assert.equal(cli(['explain', file('unschedulable.yaml')]).code, 1);
    assert.equal(cli(['explain', '--now', '2026-12-04T12:00:10Z', file('deleting.yaml')]).code, 0);
    assert.equal(cli(['explain', '--now', '2026-12-04T13:00:00Z', file('deleting.yaml')]).code, 1);
  });

  it('reads stdin and prints text with line numbers, the spec link under its explanation', () => {
    const r = cli(['explain', '--now', NOW, '-'], fixture('crashloop-oom.yaml'));
    assert.equal(r.code, 1);
    assert.match(r.out, /^-:6: Pod\/shop\/web-7d4b9c-x2x5k \[Running\]: CrashLoopBackOff: app exited 137/m);
    assert.match(r.out, /:43: containers\[0\]\.resources\.limits\.memory: Observed: app was OOMKilled at this limit \(256Mi\)/);
  });

  it('usage and I/O errors exit 2', () => {
    assert.equal(cli(['explain', '--now', 'tomorrow', file('running.yaml')]).code, 2);
    assert.equal(cli(['explain', '--format', 'sarif', file('running.yaml')]).code, 2);
    assert.equal(cli(['explain']).code, 2);
    assert.equal(cli(['explain', file('running.yaml'), file('evicted.yaml')]).code, 2);
    assert.equal(cli(['explain', path.join(FIXTURES, 'missing.yaml')]).code, 2);
    const none = cli(['explain', '-'], 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: a, image: "x:1" }] }\n');
    assert.equal(none.code, 2);
    assert.match(none.err, /no observed pod/);
  });

  it('speaks zh-cn, at 1.34 too', () => {
    // The bundle the build merges from l10n/parts (as test/unit/l10n.test.ts does it).
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-l10n-'));
    const merged: Record<string, string> = {};
    const parts = path.resolve(__dirname, '../../../../l10n/parts');
    for (const f of fs.readdirSync(parts).sort()) if (f.endsWith('.zh-cn.json')) Object.assign(merged, JSON.parse(fs.readFileSync(path.join(parts, f), 'utf8')));
    fs.writeFileSync(path.join(tmp, 'bundle.l10n.zh-cn.json'), JSON.stringify(merged));
    process.env['VSCODE_L10N_BUNDLE_LOCATION'] = tmp;
    let r;
    try {
      r = cli(['explain', '--locale', 'zh-cn', '--kubernetes-version', '1.34', '--now', NOW, file('crashloop-oom.yaml')]);
    } finally {
      l10n.config({ contents: {} });
      delete process.env['VSCODE_L10N_BUNDLE_LOCATION'];
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    assert.equal(r.code, 1);
    assert.match(r.out, /容器“app”反复退出，kubelet 在重启它之前等待 2m40s/);
    assert.match(r.out, /app 以 137 退出（在 256Mi 时 OOMKilled）5 次/);
  });
});
