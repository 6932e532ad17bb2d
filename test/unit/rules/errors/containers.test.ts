import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, deployment, diags, expectCode, expectNoErrors, pod } from './errorsHelpers';

describe('no-containers', () => {
  it('reports a pod with only init containers', () => {
    const text = pod(`
  initContainers:
    - { name: i, image: x:1 }`);
    const [d] = expectCode(text, 'no-containers', 1);
    assert.match(d!.message, /^spec\.containers: Required value/);
  });
  it('reports an empty list at the key, and is quiet with one container', () => {
    const text = pod('  containers: []');
    const [d] = expectCode(text, 'no-containers', 1);
    assert.equal(covered(text, d!), 'containers');
    expectCode(pod('  containers:\n    - { name: a, image: x:1 }'), 'no-containers', 0);
  });
  it('uses the template path in a Deployment', () => {
    const [d] = expectCode(deployment('containers: []'), 'no-containers', 1);
    assert.match(d!.message, /^spec\.template\.spec\.containers: Required value/);
  });
});

describe('invalid-container-name', () => {
  it('requires a name', () => {
    const [d] = expectCode(pod('  containers:\n    - { image: x:1 }'), 'invalid-container-name', 1);
    assert.match(d!.message, /spec\.containers\[0\]\.name: Required value/);
  });
  it('rejects upper case, underscores and dots, pointing at the value', () => {
    const text = pod('  containers:\n    - name: My_App\n      image: x:1');
    const [d] = expectCode(text, 'invalid-container-name', 1);
    assert.equal(covered(text, d!), 'My_App');
    assert.match(d!.message, /Invalid value: "My_App": a lowercase RFC 1123 label/);
    assert.deepEqual((d!.data as { suggestion: string }).suggestion, 'my-app');
    const [dots] = expectCode(pod('  containers:\n    - { name: a.b, image: x:1 }'), 'invalid-container-name', 1);
    assert.match(dots!.message, /must not contain dots/);
  });
  it('rejects names over 63 characters and accepts valid labels', () => {
    expectCode(pod(`  containers:\n    - { name: ${'a'.repeat(64)}, image: x:1 }`), 'invalid-container-name', 1);
    expectCode(pod(`  containers:\n    - { name: ${'a'.repeat(63)}, image: x:1 }\n    - { name: 123-abc, image: x:1 }`), 'invalid-container-name', 0);
  });
});

describe('duplicate-container-name', () => {
  it('reports duplicates across containers, init containers and ephemeral containers', () => {
    const text = pod(`
  initContainers:
    - { name: app, image: x:1 }
  containers:
    - { name: app, image: x:1 }
    - { name: other, image: x:1 }
  ephemeralContainers:
    - { name: other, image: busybox }`);
    const found = expectCode(text, 'duplicate-container-name', 2);
    assert.match(found[0]!.message, /^spec\.initContainers\[0\]\.name: Duplicate value: "app"/);
    assert.match(found[1]!.message, /^spec\.ephemeralContainers\[0\]\.name: Duplicate value: "other"/);
  });
  it('is quiet for distinct names', () => {
    expectCode(pod('  initContainers:\n    - { name: a, image: x:1 }\n  containers:\n    - { name: b, image: x:1 }'), 'duplicate-container-name', 0);
  });
});

describe('container-image-required', () => {
  it('requires an image on app and init containers', () => {
    const text = pod(`
  initContainers:
    - { name: i }
  containers:
    - name: a
      image: ""`);
    const found = expectCode(text, 'container-image-required', 2);
    assert.match(found.map((d) => d.message).join('\n'), /spec\.initContainers\[0\]\.image: Required value/);
    assert.equal(covered(text, found.find((d) => d.message.includes('containers[0]') && !d.message.includes('init'))!), 'image');
  });
  it('rejects surrounding whitespace on Pods only', () => {
    expectCode(pod('  containers:\n    - { name: a, image: " nginx:1" }'), 'container-image-required', 1);
    expectCode(deployment('containers:\n  - { name: a, image: " nginx:1" }'), 'container-image-required', 0);
  });
});

describe('init containers', () => {
  it('forbids probes and lifecycle on regular init containers', () => {
    const text = pod(`
  initContainers:
    - name: migrate
      image: x:1
      livenessProbe: { exec: { command: [true] } }
      lifecycle: { preStop: { exec: { command: [true] } } }
  containers:
    - { name: a, image: x:1 }`);
    const found = expectCode(text, 'init-container-forbidden-field', 2);
    assert.match(found[1]!.message, /^spec\.initContainers\[0\]\.livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always/);
    assert.equal(covered(text, found[1]!), 'livenessProbe');
  });
  it('accepts sidecars with probes and lifecycle hooks (valid)', () => {
    expectNoErrors(pod(`
  initContainers:
    - name: proxy
      image: envoy:1
      restartPolicy: Always
      startupProbe: { tcpSocket: { port: 15000 } }
      readinessProbe: { httpGet: { path: /ready, port: 15000 } }
      livenessProbe: { httpGet: { path: /live, port: admin } }
      lifecycle: { preStop: { exec: { command: [sleep, "5"] } } }
      ports: [{ name: admin, containerPort: 15000 }]
  containers:
    - { name: a, image: x:1 }`));
  });
  // validateInitContainerRestartPolicy / validateContainers without AllowContainerRestartPolicyRules:
  // before 1.34 only `Always` on init containers, nothing on regular containers.
  it('rejects a container restartPolicy other than Always on init containers before 1.34', () => {
    const text = pod(`
  initContainers:
    - { name: i, image: x:1, restartPolicy: Never }
  containers:
    - { name: a, image: x:1 }`);
    const [d] = expectCode(text, 'init-container-restart-policy', 1, '1.33');
    assert.match(d!.message, /restartPolicy: Unsupported value: "Never": supported values: "Always"/);
    assert.equal(covered(text, d!), 'Never');
  });
  it('forbids restartPolicy on app containers before 1.34', () => {
    const text = pod('  containers:\n    - { name: a, image: x:1, restartPolicy: Always }');
    const [d] = expectCode(text, 'container-restart-policy-forbidden', 1, '1.33');
    assert.match(d!.message, /^spec\.containers\[0\]\.restartPolicy: Forbidden: may not be set for non-init containers/);
  });
  // pkg/api/pod/util.go dropContainerRestartRules (ContainerRestartRules off at 1.34): dropped, never validated.
  it('drops container restartPolicy and restartPolicyRules at 1.34 with a hint, not an error', () => {
    const text = pod(`
  initContainers:
    - { name: i, image: x:1, restartPolicy: OnFailure, restartPolicyRules: [{ action: Nope }] }
    - { name: s, image: x:1, restartPolicy: Always }
  containers:
    - { name: a, image: x:1, restartPolicy: Sometimes }`);
    expectNoErrors(text, '1.34');
    const hints = expectCode(text, 'field-dropped-by-version', 3, '1.34');
    assert.deepEqual(hints.map((d) => [d.severity, covered(text, d)]), [['information', 'restartPolicy'], ['information', 'restartPolicyRules'], ['information', 'restartPolicy']]);
  });
  // validateContainerRestartPolicy with AllowContainerRestartPolicyRules (ContainerRestartRules on from 1.35).
  it('accepts Always/Never/OnFailure on any container from 1.35', () => {
    for (const v of ['1.35', '1.37']) {
      expectNoErrors(pod(`
  initContainers:
    - { name: i, image: x:1, restartPolicy: OnFailure, restartPolicyRules: [{ action: Restart, exitCodes: { operator: In, values: [3] } }] }
    - { name: j, image: x:1, restartPolicy: Never }
  containers:
    - { name: a, image: x:1, restartPolicy: Always }
    - { name: b, image: x:1, restartPolicy: Never, restartPolicyRules: [{ action: Restart, exitCodes: { operator: NotIn, values: [0] } }] }`), v);
    }
  });
  it('reports every restartPolicyRules problem of one container at 1.37 (as the reference does)', () => {
    const text = pod(`
  containers:
    - name: c
      image: x:1
      restartPolicy: Never
      restartPolicyRules:
        - { action: Bogus, exitCodes: { operator: Maybe, values: [1] } }
        - { action: Restart }`);
    assert.deepEqual(expectCode(text, 'invalid-container-restart-policy', 3).map((d) => d.message.split('. ')[0]), [
      'spec.containers[0].restartPolicyRules[0].action: Unsupported value: "Bogus": supported values: "Restart", "RestartAllContainers"',
      'spec.containers[0].restartPolicyRules[0].exitCodes.operator: Unsupported value: "Maybe": supported values: "In", "NotIn"',
      'spec.containers[0].restartPolicyRules[1].exitCodes: Required value: must be specified',
    ]);
  });
});

describe('sidecar-unsupported-version', () => {
  const text = pod(`
  initContainers:
    - { name: proxy, image: envoy:1, restartPolicy: Always, readinessProbe: { tcpSocket: { port: 1 } } }
  containers:
    - { name: a, image: x:1 }`);
  it('reports sidecars for targets before 1.29 (and their probes become forbidden)', () => {
    const [d] = expectCode(text, 'sidecar-unsupported-version', 1, '1.28');
    assert.match(d!.message, /1\.29/);
    assert.match(d!.message, /never starts/);
    expectCode(text, 'init-container-forbidden-field', 1, '1.28');
  });
  it('is quiet from 1.29', () => {
    expectCode(text, 'sidecar-unsupported-version', 0, '1.29');
    expectNoErrors(text, '1.29');
  });
});

describe('ephemeral-container-field', () => {
  it('forbids ports, probes, resources and lifecycle on ephemeral containers', () => {
    const text = pod(`
  containers:
    - { name: a, image: x:1 }
  ephemeralContainers:
    - name: debug
      image: busybox
      ports: [{ containerPort: 80 }]
      resources: { limits: { cpu: 1 } }
      readinessProbe: { exec: { command: [true] } }
      lifecycle: { postStart: { exec: { command: [true] } } }`);
    const found = diags(text, undefined, 'ephemeral-container-field');
    const fields = found.map((d) => d.message.split(':')[0]);
    assert.deepEqual(fields, [
      'spec.ephemeralContainers',
      'spec.ephemeralContainers[0].ports', 'spec.ephemeralContainers[0].resources',
      'spec.ephemeralContainers[0].readinessProbe', 'spec.ephemeralContainers[0].lifecycle',
    ]);
    assert.match(found[1]!.message, /Forbidden: cannot be set for an Ephemeral Container/);
    assert.match(found[0]!.message, /cannot be set on create/);
  });
  it('forbids ephemeral containers in pod templates', () => {
    const [d] = expectCode(deployment('containers:\n  - { name: a, image: x:1 }\nephemeralContainers:\n  - { name: dbg, image: busybox }'), 'ephemeral-container-field', 1);
    assert.match(d!.message, /ephemeral containers not allowed in pod template/);
  });
});
