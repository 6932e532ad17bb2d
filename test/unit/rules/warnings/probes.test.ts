import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, deployment, expectCode, expectQuiet, job, RES } from './warningsHelpers';

const web = (probes: string, ports = 'ports: [{ name: http, containerPort: 8080 }]') => deployment(`
containers:
  - name: web
    image: registry.example.com/web:1.2.3
    ${ports}
    ${RES}
${probes.replace(/^\n/, '').replace(/\s+$/, '').split('\n').map((l) => `    ${l}`).join('\n')}`);

const READY = 'readinessProbe: { httpGet: { path: /ready, port: http }, periodSeconds: 5 }';

describe('missing-readiness-probe', () => {
  it('warns on a serving container without a readinessProbe, at its name', () => {
    const text = web('livenessProbe: { httpGet: { path: /healthz, port: http } }');
    const [d] = expectCode(text, 'missing-readiness-probe', 1);
    assert.equal(d!.severity, 'warning');
    assert.equal(covered(text, d!), 'name');
    assert.match(d!.message, /container "web" exposes port\(s\) 8080 but has no readinessProbe/);
  });
  it('is quiet with a readinessProbe, without ports, for UDP-only ports and in Jobs', () => {
    expectCode(web(READY), 'missing-readiness-probe', 0);
    expectCode(web('', ''), 'missing-readiness-probe', 0);
    expectCode(web('', 'ports: [{ containerPort: 53, protocol: UDP }]'), 'missing-readiness-probe', 0);
    expectCode(job(`restartPolicy: Never\ncontainers:\n  - { name: a, image: x:1, ports: [{ containerPort: 8080 }] }`), 'missing-readiness-probe', 0);
  });
  it('ignores sidecars and init containers (only app containers serve the pod)', () => {
    const text = deployment(`
initContainers:
  - { name: proxy, image: envoy:1.30, restartPolicy: Always, ports: [{ containerPort: 15001 }], ${RES} }
containers:
  - { name: a, image: x:1, ${RES} }`);
    expectCode(text, 'missing-readiness-probe', 0);
  });
});

describe('liveness-probe-before-startup', () => {
  it('warns when the liveness budget is under 30 s and there is no startupProbe', () => {
    const text = web(`${READY}\nlivenessProbe: { httpGet: { path: /healthz, port: http }, periodSeconds: 5, failureThreshold: 3 }`);
    const [d] = expectCode(text, 'liveness-probe-before-startup', 1);
    assert.equal(covered(text, d!), 'livenessProbe');
    // A range, the probe hover's never-up window (timing.ts neverUpKill): the first failing tick
    // falls 0..period after initialDelaySeconds (was: only the latest, "15 s").
    assert.match(d!.message, /restart the container between 10 s and 15 s after it starts, depending on where the probe ticks fall \(initialDelaySeconds 0, then failureThreshold 3 failed probes periodSeconds 5 apart\)/);
    assert.deepEqual(d!.data, { container: { list: 'containers', index: 0 }, periodSeconds: 5, failureThreshold: 60 });
  });
  it('applies API defaults to zero values (periodSeconds 0 means 10)', () => {
    const text = web(`${READY}\nlivenessProbe: { httpGet: { path: /healthz, port: http }, periodSeconds: 0, failureThreshold: 2 }`);
    const [d] = expectCode(text, 'liveness-probe-before-startup', 1);
    assert.match(d!.message, /between 10 s and 20 s/);
  });
  it('is quiet for the default timing (0 + 3 x 10 = 30 s), with a startupProbe, or with a long initial delay', () => {
    expectCode(web(`${READY}\nlivenessProbe: { httpGet: { path: /healthz, port: http } }`), 'liveness-probe-before-startup', 0);
    expectCode(web(`${READY}\nlivenessProbe: { httpGet: { path: /healthz, port: http }, periodSeconds: 5 }\nstartupProbe: { httpGet: { path: /healthz, port: http }, failureThreshold: 30 }`), 'liveness-probe-before-startup', 0);
    expectCode(web(`${READY}\nlivenessProbe: { httpGet: { path: /healthz, port: http }, periodSeconds: 5, initialDelaySeconds: 60 }`), 'liveness-probe-before-startup', 0);
  });
});

describe('liveness-fails-before-readiness', () => {
  it('reports a liveness probe that gives up sooner than readiness (information)', () => {
    const text = web(`readinessProbe: { httpGet: { path: /ready, port: http }, periodSeconds: 10, failureThreshold: 6 }\nlivenessProbe: { httpGet: { path: /healthz, port: http }, periodSeconds: 10, failureThreshold: 3 }`);
    const [d] = expectCode(text, 'liveness-fails-before-readiness', 1);
    assert.equal(d!.severity, 'information');
    // timing.ts hangToAction latest: period + (f-1) × max(period, timeout) + timeout (was f × period).
    assert.match(d!.message, /gives up at most 31 s after the app hangs .* sooner than the readinessProbe \(61 s\)/);
  });
  it('counts timeoutSeconds as the kubelet does: a long liveness timeout makes it the more patient one', () => {
    // pkg/kubelet/prober/worker.go: attempts that time out are timeoutSeconds apart when that is
    // longer than the period. liveness 5/20/3: 5 + 2 × 20 + 20 = 65 s; readiness 10/1/6: 61 s.
    expectCode(web(`readinessProbe: { httpGet: { path: /ready, port: http }, periodSeconds: 10, failureThreshold: 6 }\nlivenessProbe: { httpGet: { path: /healthz, port: http }, periodSeconds: 5, timeoutSeconds: 20, failureThreshold: 3 }`), 'liveness-fails-before-readiness', 0);
  });
  it('is quiet when liveness is at least as patient', () => {
    expectCode(web(`${READY}\nlivenessProbe: { httpGet: { path: /healthz, port: http }, periodSeconds: 10, failureThreshold: 6 }`), 'liveness-fails-before-readiness', 0);
  });
});

describe('identical-liveness-readiness', () => {
  it('warns when both probes are the same, timing included (key order and defaults do not matter)', () => {
    const text = web(`readinessProbe: { httpGet: { path: /healthz, port: http }, periodSeconds: 10 }\nlivenessProbe: { httpGet: { port: http, path: /healthz } }`);
    const [d] = expectCode(text, 'identical-liveness-readiness', 1);
    assert.equal(covered(text, d!), 'livenessProbe');
  });
  it('is quiet when the check or the timing differs', () => {
    expectCode(web(`readinessProbe: { httpGet: { path: /ready, port: http } }\nlivenessProbe: { httpGet: { path: /healthz, port: http } }`), 'identical-liveness-readiness', 0);
    expectCode(web(`readinessProbe: { httpGet: { path: /healthz, port: http } }\nlivenessProbe: { httpGet: { path: /healthz, port: http }, failureThreshold: 6 }`), 'identical-liveness-readiness', 0);
  });
});

describe('tcp-probe-on-http-port', () => {
  it('reports tcpSocket on a port named http and on 8080, pointing at the port', () => {
    const text = web(`readinessProbe: { tcpSocket: { port: http } }\nlivenessProbe: { tcpSocket: { port: 8080 }, failureThreshold: 6 }`);
    const found = expectCode(text, 'tcp-probe-on-http-port', 2);
    assert.equal(covered(text, found[0]!), '8080');
    assert.match(found[0]!.message, /livenessProbe uses tcpSocket on port 8080 \(http\)/);
    assert.equal(covered(text, found[1]!), 'http');
    assert.equal(found[1]!.severity, 'information');
  });
  it('is quiet for non-HTTP ports and for httpGet probes', () => {
    const db = deployment(`
containers:
  - name: db
    image: postgres:16.2
    ports: [{ name: postgres, containerPort: 5432 }, { name: grpc, containerPort: 8080 }]
    ${RES}
    readinessProbe: { tcpSocket: { port: 5432 } }
    livenessProbe: { tcpSocket: { port: 8080 }, failureThreshold: 6 }`);
    expectCode(db, 'tcp-probe-on-http-port', 0);
    expectCode(web(READY), 'tcp-probe-on-http-port', 0);
  });
});

describe('a well-probed serving Deployment', () => {
  it('stays quiet', () => {
    expectQuiet(web(`${READY}\nlivenessProbe: { httpGet: { path: /healthz, port: http }, failureThreshold: 6 }\nstartupProbe: { httpGet: { path: /healthz, port: http }, failureThreshold: 30, periodSeconds: 2 }`));
  });
});
