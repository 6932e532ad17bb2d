import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, expectCode, expectNoErrors, pod } from './errorsHelpers';

const app = (extra: string) => pod(`
  containers:
    - name: a
      image: x:1
      ports: [{ name: http, containerPort: 8080 }]
${extra.replace(/^\n/, '').replace(/\s+$/, '')}`);

describe('invalid-handler', () => {
  it('requires a handler', () => {
    const text = app('      livenessProbe: { periodSeconds: 5 }');
    const [d] = expectCode(text, 'invalid-handler', 1);
    assert.match(d!.message, /^spec\.containers\[0\]\.livenessProbe: Required value: must specify a handler type/);
    assert.equal(covered(text, d!), 'livenessProbe');
  });
  it('forbids a second handler, pointing at it', () => {
    const text = app('      readinessProbe:\n        exec: { command: [true] }\n        httpGet: { path: /, port: 80 }');
    const [d] = expectCode(text, 'invalid-handler', 1);
    assert.match(d!.message, /readinessProbe\.httpGet: Forbidden: may not specify more than 1 handler type/);
    assert.equal(covered(text, d!), 'httpGet');
  });
  it('checks lifecycle hooks and exec commands', () => {
    expectCode(app('      lifecycle: { preStop: {} }'), 'invalid-handler', 1);
    const [d] = expectCode(app('      startupProbe: { exec: {} }'), 'invalid-handler', 1);
    assert.match(d!.message, /startupProbe\.exec\.command: Required value/);
  });
  // pkg/api/pod/util.go dropPodLifecycleSleepAction: before 1.30 sleep is set to nil and a hook left with no
  // exec/httpGet/tcpSocket is set to nil too, so validateHandler never sees it. (This test used to expect
  // invalid-handler and invalid-sleep-action errors at 1.29: wrong.)
  it('drops a sleep-only hook before 1.30: no error, a hint', () => {
    const text = app('      lifecycle: { preStop: { sleep: { seconds: 5 } } }');
    expectNoErrors(text, '1.29');
    expectCode(text, 'field-dropped-by-version', 1, '1.29');
    expectNoErrors(text, '1.30');
    expectCode(text, 'field-dropped-by-version', 0, '1.30');
  });
});

describe('invalid-handler-port', () => {
  it('accepts numbers and named ports (valid)', () => {
    expectNoErrors(app(`
      livenessProbe: { httpGet: { path: /healthz, port: http } }
      readinessProbe: { tcpSocket: { port: 8080 } }
      startupProbe: { grpc: { port: 9090 } }`));
  });
  it('rejects out-of-range numbers, missing ports and invalid names', () => {
    const text = app(`
      livenessProbe: { httpGet: { path: /, port: 70000 } }
      readinessProbe: { tcpSocket: {} }
      startupProbe: { httpGet: { path: /, port: "8080" } }`);
    const found = expectCode(text, 'invalid-handler-port', 3);
    assert.match(found[0]!.message, /livenessProbe\.httpGet\.port: Invalid value: 70000: must be between 1 and 65535, inclusive/);
    assert.equal(covered(text, found[0]!), '70000');
    assert.match(found[1]!.message, /readinessProbe\.tcpSocket\.port: Invalid value: 0/);
    assert.match(found[2]!.message, /Invalid value: "8080": must contain at least one letter/);
  });
  it('does not check that a named port exists (the API server does not)', () => {
    expectCode(app('      livenessProbe: { httpGet: { path: /, port: metrics } }'), 'invalid-handler-port', 0);
  });
});

describe('invalid-probe-field', () => {
  it('accepts 0 (defaulted) and rejects negative values', () => {
    expectCode(app('      readinessProbe: { exec: { command: [true] }, periodSeconds: 0, timeoutSeconds: 0, failureThreshold: 0 }'), 'invalid-probe-field', 0);
    const text = app('      readinessProbe: { exec: { command: [true] }, periodSeconds: -1, initialDelaySeconds: -5 }');
    const found = expectCode(text, 'invalid-probe-field', 2);
    assert.match(found.map((d) => d.message).join('\n'), /readinessProbe\.periodSeconds: Invalid value: -1: must be greater than or equal to 0/);
  });
  it('rejects a non-positive probe terminationGracePeriodSeconds', () => {
    const [d] = expectCode(app('      livenessProbe: { exec: { command: [true] }, terminationGracePeriodSeconds: 0 }'), 'invalid-probe-field', 1);
    assert.match(d!.message, /terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0/);
  });
});

describe('probe-success-threshold', () => {
  it('requires 1 for liveness and startup probes, with a quick fix', () => {
    const text = app('      livenessProbe: { exec: { command: [true] }, successThreshold: 3 }\n      startupProbe: { exec: { command: [true] }, successThreshold: 2 }');
    const found = expectCode(text, 'probe-success-threshold', 2);
    assert.match(found[0]!.message, /livenessProbe\.successThreshold: Invalid value: 3: must be 1/);
    assert.equal(covered(text, found[0]!), '3');
    assert.deepEqual(found[0]!.data, { container: { list: 'containers', index: 0, field: 'livenessProbe' } });
  });
  it('allows readiness probes to require several successes, and 0 or 1 anywhere', () => {
    expectCode(app('      readinessProbe: { exec: { command: [true] }, successThreshold: 3 }\n      livenessProbe: { exec: { command: [true] }, successThreshold: 1 }\n      startupProbe: { exec: { command: [true] }, successThreshold: 0 }'), 'probe-success-threshold', 0);
  });
});

describe('readiness-probe-grace-period', () => {
  it('forbids terminationGracePeriodSeconds on readiness probes only', () => {
    const [d] = expectCode(app('      readinessProbe: { exec: { command: [true] }, terminationGracePeriodSeconds: 10 }'), 'readiness-probe-grace-period', 1);
    assert.match(d!.message, /readinessProbe\.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes/);
    expectCode(app('      livenessProbe: { exec: { command: [true] }, terminationGracePeriodSeconds: 10 }'), 'readiness-probe-grace-period', 0);
  });
});

describe('invalid-sleep-action', () => {
  it('bounds seconds by the pod grace period', () => {
    const text = pod(`
  terminationGracePeriodSeconds: 10
  containers:
    - name: a
      image: x:1
      lifecycle: { preStop: { sleep: { seconds: 15 } } }`);
    const [d] = expectCode(text, 'invalid-sleep-action', 1);
    assert.match(d!.message, /lifecycle\.preStop\.sleep: Invalid value: 15: must be non-negative and less than terminationGracePeriodSeconds \(10\)/);
    assert.equal(covered(text, d!), '15');
  });
  it('allows seconds equal to the default grace period, and 0 only from 1.33', () => {
    expectCode(app('      lifecycle: { preStop: { sleep: { seconds: 30 } } }'), 'invalid-sleep-action', 0);
    const zero = app('      lifecycle: { preStop: { sleep: { seconds: 0 } } }');
    expectCode(zero, 'invalid-sleep-action', 0, '1.33');
    const [d] = expectCode(zero, 'invalid-sleep-action', 1, '1.32');
    assert.match(d!.message, /must be greater than 0/);
  });
});
