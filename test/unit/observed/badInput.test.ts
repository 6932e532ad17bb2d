/**
 * Partial or garbled status never crashes: bad timestamps, unknown reasons, a huge restartCount, missing
 * specs, wrong types, a List with junk items. Each gets a clear explanation (with a note on what was
 * ignored) or none — through the analysis, the service (diagnostics, hovers, lenses) and the CLI.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diagnosisLine, needsAttention } from '../../../server/src/analysis/observed/index';
import { run } from '../../../server/src/cli/main';
import { createPodService } from '../../../server/src/service/index';
import { explain, only } from './helpers';

const SPEC = `spec:
  containers:
  - { name: app, image: "x:1", resources: { requests: { cpu: 10m, memory: 8Mi }, limits: { memory: 8Mi } } }`;

function podWith(status: string, spec = SPEC, meta = 'metadata: { name: p }'): string {
  return `apiVersion: v1\nkind: Pod\n${meta}\n${spec}\nstatus:\n${status}\n`;
}

function everywhere(text: string): void {
  const service = createPodService({ log: (m) => { throw new Error(m); } });
  const doc = { uri: 'test://bad.yaml', version: 1, text };
  service.diagnostics(doc, {});
  service.codeLenses(doc, {});
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    for (let character = 0; character <= lines[line]!.length; character += 3) service.hover(doc, {}, { line, character });
  }
  const out: string[] = [];
  const code = run(['explain', '--now', '2026-12-04T10:00:00Z', '-'], { out: (s) => out.push(s), err: (s) => out.push(s), stdin: () => text });
  assert.ok(code === 0 || code === 1 || code === 2, `exit ${code}`);
}

describe('observed pods: bad input', () => {
  it('bad timestamps are noted and left out; no next restart is invented', () => {
    const text = podWith(`  startTime: yesterday
  containerStatuses:
  - name: app
    restartCount: 2
    lastState: { terminated: { exitCode: 1, reason: Error, startedAt: 17, finishedAt: "2026-02-30T10:00:00Z" } }
    state: { waiting: { reason: CrashLoopBackOff } }`);
    const p = only(text);
    const c = p.containers[0]!;
    assert.equal(c.backoffSeconds, 20);
    assert.equal(c.nextRestartAt, null);
    assert.deepEqual(p.notes.map((n) => [n.field, n.problem]), [
      ['status.containerStatuses[0].lastState.terminated.startedAt', 'time'],
      ['status.containerStatuses[0].lastState.terminated.finishedAt', 'time'],
      ['status.startTime', 'time'],
    ]);
    everywhere(text);
  });

  it('unknown reasons: the reason and message are shown as they are, the cause is unknown only when no exit code says more', () => {
    const text = podWith(`  phase: Wobbly
  containerStatuses:
  - name: app
    restartCount: 0
    state: { waiting: { reason: QuantumFluxError, message: "the flux is out of phase" } }`);
    const p = only(text);
    assert.equal(p.containers[0]!.reason, 'QuantumFluxError');
    assert.equal(p.containers[0]!.cause, null);
    assert.ok(p.points.some((x) => /QuantumFluxError/.test(x.message) && /flux is out of phase/.test(x.message)));
    assert.equal(needsAttention(p, 0), true);
    const t = only(podWith(`  containerStatuses:
  - { name: app, state: { terminated: { exitCode: 42, reason: Mystery } } }`));
    assert.equal(t.containers[0]!.cause, 'error-exit');
    everywhere(text);
  });

  it('a restartCount beyond int32 or negative is noted and ignored; 2147483647 is kept and the back-off stays capped', () => {
    const huge = only(podWith(`  containerStatuses:
  - { name: app, restartCount: 99999999999999999999, state: { waiting: { reason: CrashLoopBackOff } } }`));
    assert.equal(huge.containers[0]!.restartCount, null);
    assert.deepEqual(huge.notes.map((n) => n.problem), ['range']);
    const negative = only(podWith(`  containerStatuses:
  - { name: app, restartCount: -3 }`));
    assert.equal(negative.notes[0]!.problem, 'range');
    const max = only(podWith(`  containerStatuses:
  - { name: app, restartCount: 2147483647, state: { waiting: { reason: CrashLoopBackOff } } }`));
    assert.equal(max.containers[0]!.backoffSeconds, 300);
    everywhere(podWith(`  containerStatuses:
  - { name: app, restartCount: 1e400, state: { waiting: { reason: CrashLoopBackOff } } }`));
  });

  it('a missing spec: the status is still explained, without spec links or limits', () => {
    const text = podWith(`  phase: Running
  containerStatuses:
  - name: app
    restartCount: 4
    lastState: { terminated: { exitCode: 137, reason: OOMKilled, startedAt: "2026-12-04T09:59:00Z", finishedAt: "2026-12-04T09:59:30Z" } }
    state: { waiting: { reason: CrashLoopBackOff } }`, '');
    const p = only(text);
    assert.equal(p.hasSpec, false);
    const c = p.containers[0]!;
    assert.deepEqual([c.cause, c.memoryLimit, c.backoffSeconds], ['oom-killed', null, 80]);
    assert.ok(p.points.every((x) => x.spec === undefined));
    assert.match(diagnosisLine(p, Date.parse('2026-12-04T09:59:30Z')), /next restart in 1m20s/);
    everywhere(text);
  });

  it('garbled status: wrong types everywhere are noted, nothing throws', () => {
    for (const status of [
      '  containerStatuses: 5\n  conditions: {a: 1}\n  phase: [Running]',
      '  containerStatuses:\n  - 7\n  - { name: [x] }\n  - { name: app, state: [waiting], lastState: { terminated: 3 }, ready: maybe }',
      '  containerStatuses:\n  - { name: app, state: { waiting: null, running: { startedAt: 12 } } }',
      '  conditions:\n  - { type: Ready, status: "False", lastTransitionTime: "never" }\n  - 3',
    ]) {
      const text = podWith(status);
      const p = only(text);
      assert.ok(p.notes.length > 0, status);
      everywhere(text);
    }
    const scalar = podWith('  ').replace(/status:\n\s*\n$/, 'status: broken\n');
    assert.deepEqual(explain(scalar).map((p) => p.notes.map((n) => n.field)), [['status']]);
    everywhere(scalar);
  });

  it('a List with junk items: only the Pods with status are explained', () => {
    const text = `apiVersion: v1
kind: List
items:
- 42
- null
- [a, b]
- { kind: Service, metadata: { name: s }, status: { loadBalancer: {} } }
- { kind: Pod, metadata: { name: no-status }, spec: { containers: [{ name: a, image: "x:1" }] } }
- { kind: Pod, metadata: { name: seen }, status: { phase: Pending } }
- { kind: Pod, status: 3 }
`;
    assert.deepEqual(explain(text).map((p) => p.name), ['seen', null]);
    everywhere(text);
  });
});
