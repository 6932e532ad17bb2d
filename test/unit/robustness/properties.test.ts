/**
 * Property-based tests (fast-check): generated and mutated pod YAML through the real service.
 * CI runs a short seeded run; FUZZ_RUNS, FUZZ_SEED (a number, or `random`) and FUZZ_PATH replay or
 * lengthen it. On failure fast-check prints `{ seed, path }`: rerun with FUZZ_SEED=<seed> FUZZ_PATH=<path>.
 * The long run is `npm run fuzz` (scripts/fuzz.ts).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareQuantities, parseQuantity } from '../../../server/src/model/quantity';
import { expectedEffective, expectedQos, fuzzParams, properties } from './properties';
import type { GenPod } from './arbitraries';

const params = fuzzParams(100);

describe('properties (fast-check)', () => {
  it('the independent expectations are right on hand-checked pods', () => {
    // Guards the oracle itself: a sidecar adds to the steady state and to later init containers.
    const p: GenPod = {
      kind: 'Pod', name: 'p', version: '1.35',
      init: [
        { name: 'init-0', image: 'x', resources: { requests: { cpu: '1' } } },
        { name: 'side-1', image: 'x', restartPolicy: 'Always', resources: { requests: { cpu: '200m' }, limits: { memory: '64Mi' } } },
        { name: 'init-2', image: 'x', resources: { requests: { cpu: '900m' } } },
      ],
      apps: [{ name: 'app-0', image: 'x', resources: { requests: { cpu: '300m', memory: '10Mi' } } }],
    };
    const r = expectedEffective(p, 'requests');
    assert.deepEqual([...r.keys()].sort(), ['cpu', 'memory']);
    assert.equal(compareQuantities(r.get('cpu')!, parseQuantity('1100m')!), 0); // init-2 (900m) + side-1 (200m)
    assert.equal(compareQuantities(r.get('memory')!, parseQuantity('74Mi')!), 0); // app 10Mi + sidecar 64Mi (request from limit)
    assert.equal(expectedQos(p), 'Burstable');
    const old = expectedEffective({ ...p, version: '1.28' }, 'requests');
    assert.equal(compareQuantities(old.get('cpu')!, parseQuantity('1')!), 0); // no sidecars before 1.29: max(init) = 1
    const g: GenPod = { ...p, init: [], apps: [{ name: 'a', image: 'x', resources: { limits: { cpu: '1', memory: '1Gi' } } }] };
    assert.equal(expectedQos(g), 'Guaranteed');
    assert.equal(expectedQos({ ...g, apps: [{ name: 'a', image: 'x', resources: { requests: { cpu: 0 } } }] }), 'BestEffort');
  });

  for (const { name, property } of properties()) {
    it(name, () => {
      fc.assert(property, params);
    });
  }
});
