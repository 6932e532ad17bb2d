/**
 * Gate fields the API server drops before validation when their gate is off, beyond what the corpus
 * (gateCases.ts GATE_VERSIONED) shows:
 * - K: pkg/api/pod/util.go dropDisabledFields sets every container's resizePolicy to nil, ephemeral
 *   containers included, and dropDisabledDynamicResourceAllocationFields sets their resources.claims to
 *   nil, so validateEphemeralContainers' allow-list never sees either (a `resources` holding only claims
 *   is then the zero value);
 * - K: pkg/api/pod/util.go dropImageVolumes removes every volumeMount naming a removed image volume
 *   (confirmed with the conformance reference at 1.34: stored without the volume and without the mounts);
 * - K: pkg/registry/batch/job/strategy.go PrepareForCreate drops backoffLimitPerIndex after
 *   pkg/apis/batch/v1 SetDefaults_Job has already set a missing backoffLimit to MaxInt32, so the Job hover
 *   at 1.28 shows backoffLimit 2147483647 and no per-index back-off.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { droppedFields, isDropped } from '../../../server/src/model/droppedFields';
import { parseFile } from '../../../server/src/model/parse';
import { entry, get, getPath, items } from '../../../server/src/model/tree';
import type { YMap } from '../../../server/src/model/tree';
import { parseKubeVersion } from '../../../server/src/model/version';
import { analyzeYaml } from '../helpers';
import { md } from '../hover/hoverHelpers';
import { pod } from './corpusCases';

const EPHEMERAL = pod(`
containers:
  - { name: app, image: "nginx:1.27" }
ephemeralContainers:
  - name: debug
    image: busybox:1.36
    resizePolicy: [{ resourceName: cpu, restartPolicy: NotRequired }]
    resources: { claims: [{ name: gpu }] }`);

describe('gate fields dropped before validation', () => {
  it('an ephemeral container\'s resizePolicy (1.32) and claims-only resources (1.33) never reach the allow-list', () => {
    const at = (v: string) => analyzeYaml(EPHEMERAL, { kubernetesVersion: v }).diagnostics.filter((d) => d.code === 'ephemeral-container-field').map((d) => d.message.split(':')[0]);
    assert.deepEqual(at('1.32'), ['spec.ephemeralContainers']);
    assert.deepEqual(at('1.33'), ['spec.ephemeralContainers', 'spec.ephemeralContainers[0].resizePolicy']);
    assert.deepEqual(at('1.34'), ['spec.ephemeralContainers', 'spec.ephemeralContainers[0].resources', 'spec.ephemeralContainers[0].resizePolicy']);
  });

  it('an image volume goes with every mount of it, in every container list, at 1.34 only', () => {
    const text = pod(`
initContainers:
  - { name: init, image: "busybox:1.36", volumeMounts: [{ name: model, mountPath: /m }, { name: data, mountPath: /d }] }
containers:
  - { name: app, image: "nginx:1.27", volumeMounts: [{ name: model, mountPath: /m }] }
volumes:
  - { name: model, image: { reference: "registry.example/model:v1" } }
  - { name: data, emptyDir: {} }`);
    const spec = getPath(parseFile(text).documents[0]!.root, ['spec']) as YMap;
    const mountName = (list: string, i: number) => entry(items(get(items(get(spec, list))[0], 'volumeMounts'))[i] as YMap, 'name');
    const dropped = droppedFields(spec, parseKubeVersion('1.34')!);
    assert.deepEqual(dropped.map((d) => `${d.gate} ${d.path}`), ['ImageVolume volumes[0]']);
    assert.ok(isDropped(dropped, mountName('initContainers', 0)));
    assert.ok(isDropped(dropped, mountName('containers', 0)));
    assert.ok(!isDropped(dropped, mountName('initContainers', 1)), 'the emptyDir mount stays');
    assert.deepEqual(droppedFields(spec, parseKubeVersion('1.35')!), []);
  });

  it('the Job hover at 1.28 leaves out backoffLimitPerIndex but keeps the backoffLimit it defaulted', () => {
    const job = 'apiVersion: batch/v1\n‸kind: Job\nmetadata:\n  name: j\nspec:\n  backoffLimitPerIndex: 2\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - { name: work, image: "busybox:1.36" }\n';
    const old = md(job, { kubernetesVersion: '1.28' });
    assert.match(old, /Fails after 2147483647 retries \(backoffLimit\)/);
    assert.doesNotMatch(old, /backoffLimitPerIndex/);
    assert.match(md(job, { kubernetesVersion: '1.29' }), /Each index may fail 2 time\(s\) \(backoffLimitPerIndex\)/);
  });
});
