/**
 * `lifecycle.stopSignal` (ContainerStopSignals) is alpha and off by default in every supported release
 * (pkg/features/kube_features.go v1.37.2: 1.33 alpha, no beta row), so the API server drops it
 * (K: pkg/api/pod/util.go dropContainerStopSignals), together with a lifecycle it leaves empty, and the
 * runtime keeps sending the image's STOPSIGNAL or SIGTERM. Confirmed with the conformance reference at
 * 1.34 and 1.37: the spec below is accepted and stored without stopSignal and without the init
 * container's lifecycle.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeYaml } from '../helpers';
import { pod } from './corpusCases';

const SPEC = pod(`
initContainers:
  - name: init
    image: busybox:1.36
    lifecycle: { stopSignal: SIGINT }
containers:
  - name: app
    image: nginx:1.27
    lifecycle: { stopSignal: SIGUSR1, preStop: { exec: { command: ["true"] } } }`);

describe('lifecycle.stopSignal is dropped (ContainerStopSignals off by default)', () => {
  for (const version of ['1.33', '1.34', '1.37']) {
    it(`at ${version}: a hint per container, no error (not even for the init container's lifecycle)`, () => {
      const ds = analyzeYaml(SPEC, { kubernetesVersion: version }).diagnostics;
      assert.deepEqual(ds.filter((d) => d.severity === 'error').map((d) => d.code), []);
      const hints = ds.filter((d) => d.code === 'field-dropped-by-version');
      assert.deepEqual(hints.map((d) => d.message.split(' is dropped')[0]), ['spec.initContainers[0].lifecycle.stopSignal', 'spec.containers[0].lifecycle.stopSignal']);
      assert.equal(hints[0]!.severity, 'information');
      assert.match(hints[1]!.message, new RegExp(`at Kubernetes ${version.replace('.', '\\.')}: the ContainerStopSignals feature gate is off by default\\. The container runtime stops the container with the image's STOPSIGNAL, or SIGTERM when the image sets none\\.$`));
    });
  }
});
