/** The observed times over the predicted timeline (analysis/observed/overlay.ts), through the service's podLens/lifecycle. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diverges } from '../../../server/src/analysis/observed/overlay';
import { createPodService } from '../../../server/src/service/index';
import { timelineSvg } from '../../../server/src/lifecycleView/svg';
import { fixture } from './helpers';

const service = createPodService({ log: (m) => { throw new Error(m); } });
const lifecycle = (text: string) => service.lifecycle({ uri: `test://o-${Math.random()}.yaml`, version: 1, text }, {}, { pod: 0 })!;

describe('observed times over the predicted lifecycle', () => {
  it('places startedAt, lastState and lastTransitionTime from status.startTime / PodScheduled, and marks divergences', () => {
    const t = lifecycle(fixture('init-stuck.yaml'));
    const o = t.observed!;
    assert.equal(o.origin, '2026-12-04T08:00:00Z');
    const at = (container: string, kind: string) => o.marks.find((m) => m.container === container && m.kind === kind);
    assert.deepEqual([at('log-shipper', 'startedAt')!.at, at('wait-db', 'lastStartedAt')!.at, at('wait-db', 'lastFinishedAt')!.at], [4, 69, 70]);
    const predictedStart = t.containers.find((c) => c.name === 'log-shipper')!.startedAt;
    assert.equal(at('log-shipper', 'startedAt')!.predicted, predictedStart);
    const initialized = o.marks.find((m) => m.condition === 'Initialized')!;
    assert.equal(initialized.status, 'False');
    assert.equal(initialized.diverges, true, 'still not initialized at 70 s where the simulator has it at its predicted time');
    assert.equal(o.divergences, o.marks.filter((m) => m.diverges).length);
    assert.match(timelineSvg(t), /<path d="M[^"]+" fill="none" stroke="#a4262c"/);
  });

  it('compares only first runs and tolerates small differences', () => {
    assert.equal(diverges(12, 9), false);
    assert.equal(diverges(40, 9), true);
    assert.equal(diverges(100, 85), false);
    assert.equal(diverges(5, null), false);
    const t = lifecycle(fixture('crashloop-oom.yaml'));
    assert.ok(t.observed!.marks.filter((m) => m.container === 'app').every((m) => m.predicted === null), 'a restarted container is not compared');
  });

  it('a plain spec has no overlay', () => {
    assert.equal(lifecycle('apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: a, image: "x:1" }] }\n').observed, undefined);
  });
});
