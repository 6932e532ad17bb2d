import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenario } from '../../../server/src/analysis/lifecycle/index';
import { box, podYaml, sim } from './helpers';

describe('lifecycle: totality', () => {
  it('absurd numbers, wrong types and garbage scenario/assumptions still give a bounded timeline', () => {
    const yaml = podYaml(`
  terminationGracePeriodSeconds: 1000000000000
  restartPolicy: [x]
  containers:
    - name: app
      image: { a: 1 }
      command: 5
      livenessProbe: { httpGet: { port: x }, periodSeconds: 1000000000000, initialDelaySeconds: -5, timeoutSeconds: "x" }
      readinessProbe: { exec: { command: [x] }, periodSeconds: 1, failureThreshold: 1000000000000 }
      lifecycle: { preStop: { sleep: { seconds: 1000000000000 } }, postStart: 7 }
    - 42
    - name: null
`);
    for (const sc of [undefined, null, 5, 'x', { kind: 'exit' }, { kind: 'delete', at: -1 }, { kind: 'delete', at: 1e308 }, { kind: 'probeFailure', container: 7, probe: 'nope', at: 'soon' }]) {
      for (const asm of [undefined, null, [], { horizon: 1e308, imagePullSeconds: NaN, appStartSecondsByContainer: 5 }, { horizon: -1, probePhase: 'x' }]) {
        const t = sim(yaml, sc, asm);
        assert.ok(Number.isFinite(t.horizon) && t.horizon > 0);
        JSON.stringify(t);
        for (const c of t.containers) for (const s of c.segments) assert.ok(s.from <= s.to && s.to <= t.horizon);
      }
    }
  });

  it('10k containers and 1 s probes over a long horizon are cut with notes, not hung', () => {
    const many = Array.from({ length: 10000 }, (_, i) => `    - name: c${i}\n      image: x:1\n      livenessProbe: { exec: { command: [x] }, periodSeconds: 1 }\n      readinessProbe: { exec: { command: [x] }, periodSeconds: 1 }`).join('\n');
    const t = sim(podYaml(`  containers:\n${many}`), { kind: 'probeFailure', container: 'c0', probe: 'liveness', at: 5 }, { horizon: 604800 });
    assert.equal(t.containers.length, 200);
    assert.ok(t.notes.some((n) => n.code === 'containers-dropped'));
    assert.ok(box(t, 'c0').restarts > 0);
  });

  it('unknown scenario containers and probes are reported, not thrown', () => {
    const t = sim(podYaml(`
  containers:
    - name: app
      image: x:1
`), { kind: 'probeFailure', container: 'app', probe: 'startup', at: 5 });
    assert.ok(t.notes.some((n) => n.code === 'scenario-probe'));
    const u = sim(podYaml(`
  containers:
    - name: app
      image: x:1
`), { kind: 'exit', container: 'nope', exitCode: 1, at: 5 });
    assert.ok(u.notes.some((n) => n.code === 'scenario-container'));
    assert.equal(box(u, 'app').restarts, 0);
  });

  it('parses the CLI scenario syntax', () => {
    assert.deepEqual(parseScenario('happy'), { kind: 'happy' });
    assert.deepEqual(parseScenario('exit:web:137@30'), { kind: 'exit', container: 'web', exitCode: 137, at: 30 });
    assert.deepEqual(parseScenario('probe:web:readiness@12.5'), { kind: 'probeFailure', container: 'web', probe: 'readiness', at: 12.5 });
    assert.deepEqual(parseScenario('delete@60'), { kind: 'delete', at: 60 });
    assert.deepEqual(parseScenario('unreachable@10'), { kind: 'nodeUnreachable', at: 10 });
    assert.deepEqual(parseScenario('memory-pressure@10'), { kind: 'memoryPressure', at: 10 });
    assert.equal(parseScenario('explode@10'), undefined);
    assert.equal(parseScenario('delete'), undefined);
  });
});
