// The service's podLens/lifecycle path: the pod at a position, and reuse of a simulation while the
// pod's YAML is unchanged (the panel asks on every cursor move).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPodService } from '../../../server/src/service/index';
import { podYaml } from './helpers';

const YAML = podYaml(`
  containers:
    - name: app
      image: x:1
      readinessProbe: { httpGet: { path: /ready, port: 8080 } }
`);

describe('lifecycle through the service', () => {
  it('answers the same timeline for the same pod and query, and a new one for another scenario or text', () => {
    const service = createPodService();
    const doc = { uri: 'file:///l.yaml', version: 1, text: YAML };
    const a = service.lifecycle(doc, {}, { position: { line: 3, character: 2 } });
    const b = service.lifecycle(doc, {}, { position: { line: 4, character: 2 } });
    assert.ok(a && b);
    assert.deepEqual(b, a);
    const deleted = service.lifecycle(doc, {}, { pod: 0, scenario: { kind: 'delete', at: 40 } });
    assert.equal(deleted!.scenario.kind, 'delete');
    assert.ok(deleted!.terminatingAt !== null);
    assert.equal(a.terminatingAt, null);
    const edited = service.lifecycle({ ...doc, version: 2, text: YAML.replace('name: app', 'name: web') }, {}, { pod: 0 });
    assert.deepEqual(edited!.containers.map((c) => c.name), ['web']);
  });
});
