import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { md } from './hoverHelpers';
import { caret } from './fixtures';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: h
spec:
  containers:
    - name: a
      image: x:1
      ports: [{ name: web, containerPort: 8080 }]
      startupProbe:
        exec: { command: [cat, /tmp/started] }
      livenessProbe:
        httpGet: { path: /healthz, port: web }
      readinessProbe:
        tcpSocket: { port: 8080 }
    - name: b
      image: x:1
      livenessProbe:
        grpc: { port: 9090, service: health }
      readinessProbe:
        grpc: { port: 9090 }
        failureThreshold: 1
`;

describe('probe handler hovers', () => {
  it('exec: the command, exit 0, timeoutSeconds', () => {
    assert.match(md(caret(POD, 'startupProbe')), /exec: runs `cat \/tmp\/started` inside the container; exit code 0 is success\. A command still running after timeoutSeconds counts as a failure\./);
  });

  it('httpGet: path and (named) port; 200–399 is success', () => {
    assert.match(md(caret(POD, 'livenessProbe')), /httpGet: the kubelet sends GET `\/healthz` to port `web` of the pod IP .* a status from 200 to 399 is success/);
  });

  it('tcpSocket: a connection is enough, even from a hung app', () => {
    assert.match(md(caret(POD, 'readinessProbe')), /tcpSocket: success if the kubelet can open a TCP connection to port `8080` within timeoutSeconds; nothing is sent/);
  });

  it('grpc: the health checking protocol, SERVING; the service name when given', () => {
    const m = md(caret(POD, 'livenessProbe', 1));
    assert.match(m, /grpc: the kubelet calls the gRPC health checking protocol \(grpc\.health\.v1\.Health\/Check\) on port `9090` \(service `health`\); the status SERVING is success/);
    const r = md(caret(POD, 'readinessProbe', 1));
    assert.match(r, /on port `9090`; the status SERVING/);
    assert.match(r, /On failure \(1 in a row\)/);
  });

  it('liveness and startup kills: the same worst case as the simulator (deadline after the hang)', () => {
    // liveness defaults: hang -> kill 21..31 s; pod grace 30 s -> SIGKILL at the latest 61 s.
    const m = md(caret(POD, 'livenessProbe'));
    assert.match(m, /Hang → kill .*\| +21 s – 31 s \|/);
    assert.match(m, /Hang → SIGKILL at the latest +\| +61 s \|/);
    // startup defaults: never up -> killed 21..31 s, + 30 s.
    assert.match(md(caret(POD, 'startupProbe')), /Never up → SIGKILL at the latest +\| +61 s \|/);
  });

  it('a zero pod grace period still leaves 2 s before SIGKILL', () => {
    const m = md(caret(POD.replace('spec:\n', 'spec:\n  terminationGracePeriodSeconds: 0\n'), 'livenessProbe'));
    assert.match(m, /Then grace period before SIGKILL +\| +2 s \|/);
  });
});
