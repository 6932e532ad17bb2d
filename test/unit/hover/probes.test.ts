import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, md } from './hoverHelpers';
import { WEB, caret } from './fixtures';

const PLAIN = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  restartPolicy: Never
  terminationGracePeriodSeconds: 20
  initContainers:
    - name: setup
      image: x:1
      livenessProbe:
        exec: { command: [true] }
  containers:
    - name: app
      image: x:1
      livenessProbe:
        tcpSocket: { port: 80 }
        terminationGracePeriodSeconds: 5
      readinessProbe:
        tcpSocket: { port: 80 }
        periodSeconds: 0
`;

describe('probe hovers', () => {
  it('liveness: restart on failure, waits for the startup probe, hang-to-kill window', () => {
    const m = md(caret(WEB, 'livenessProbe'));
    assert.match(m, /^### livenessProbe of `app`/);
    assert.match(m, /On failure \(3 in a row\): the kubelet kills the container and restarts it \(restartPolicy Always\)/);
    assert.match(m, /only starts probing once the startupProbe has succeeded/);
    // failureThreshold 3 × period 15 + timeout 2 = 47; earliest (3-1) × 15 + 2 = 32.
    assert.match(m, /Hang → kill .*\| +32 s – 47 s \|/);
    assert.match(m, /Then grace period before SIGKILL +\| +45 s \|/);
    // Defaults shown where omitted.
    assert.match(m, /\| initialDelaySeconds +\| +0 \| default +\|/);
    assert.match(m, /\| periodSeconds +\| +15 \| +\|/);
    assert.match(m, /\| failureThreshold +\| +3 \| default +\|/);
  });

  it('readiness: out of endpoints, not restarted; Ready window after the startup probe', () => {
    const m = md(caret(WEB, 'readinessProbe', 1));
    assert.match(m, /removed from Service endpoints\. It is not restarted/);
    // startup: 0..10 s; readiness initialDelay 5, period 10, successThreshold 2 -> 15..30 s.
    assert.match(m, /Ready \(earliest – latest after the container starts\) +\| +15 s – 30 s \|/);
    assert.match(m, /Hang → removed from endpoints +\| +21 s – 31 s \|/);
    assert.doesNotMatch(m, /terminationGracePeriodSeconds/);
  });

  it('startup: budget and kill window; liveness and readiness wait for it', () => {
    const m = md(caret(WEB, 'startupProbe', 1));
    assert.match(m, /Until it succeeds, liveness and readiness probes are not run/);
    assert.match(m, /Startup budget .*\| +5 min \|/);
    // Never up (timing.ts failureWindow from initialDelaySeconds): nothing answers -> (f-1)..f × period;
    // every attempt times out -> + timeout. The old single row gave only the second.
    assert.match(m, /An app that never comes up \(nothing answers\) is killed after +\| +4 min 50 s – 5 min \|/);
    assert.match(m, /An app that never answers \(each probe times out\) is killed after +\| +4 min 51 s – 5 min 1 s \|/);
  });

  it('a sidecar\'s startupProbe gates the next init container; its readiness counts for the pod', () => {
    assert.match(md(caret(WEB, 'startupProbe')), /The next init container starts only after this startupProbe succeeds/);
    assert.match(md(caret(WEB, 'readinessProbe')), /A sidecar's readiness counts toward the pod's Ready condition, but does not hold back the next init container/);
  });

  it('restartPolicy Never: a liveness failure kills without restart; probe-level grace period', () => {
    const m = md(caret(PLAIN, 'livenessProbe', 1));
    assert.match(m, /with restartPolicy Never, does not restart it/);
    assert.match(m, /\| terminationGracePeriodSeconds \| +5 \|/);
    assert.match(m, /Then grace period before SIGKILL +\| +5 s \|/);
    // Without a startup probe a slow start is killed after initialDelay + (f-1)..f × period (+ timeout
    // when each attempt times out).
    assert.match(m, /An app that never comes up \(nothing answers\) is killed after +\| +20 s – 30 s \|/);
    assert.match(m, /An app that never answers \(each probe times out\) is killed after +\| +21 s – 31 s \|/);
  });

  it('timeoutSeconds > periodSeconds: attempts that time out are timeoutSeconds apart (issue 20 example)', () => {
    // pkg/kubelet/prober/worker.go worker.run: `for w.doProbe(ctx) { <-probeTicker.C }` - the next
    // probe starts only after doProbe returned, so attempts are max(periodSeconds, timeoutSeconds)
    // apart. period 5, timeout 10, failureThreshold 3: first failing attempt 0..5 s after the hang,
    // then 2 × 10 s + 10 s -> 30 s – 35 s (the old arithmetic said 20 s – 25 s).
    const yaml = PLAIN.replace('        terminationGracePeriodSeconds: 5\n', '        terminationGracePeriodSeconds: 5\n        periodSeconds: 5\n        timeoutSeconds: 10\n');
    const m = md(caret(yaml, 'livenessProbe', 1));
    assert.match(m, /Hang → kill .*\| +30 s – 35 s \|/);
    assert.match(m, /Hang → SIGKILL at the latest +\| +40 s \|/);
    // Never up: refused at once -> 10 s – 15 s; every attempt times out -> 30 s – 35 s.
    assert.match(m, /An app that never comes up \(nothing answers\) is killed after +\| +10 s – 15 s \|/);
    assert.match(m, /An app that never answers \(each probe times out\) is killed after +\| +30 s – 35 s \|/);
    assert.match(m, /timeoutSeconds \(10 s\) is longer than periodSeconds \(5 s\)/);
    assert.doesNotMatch(md(caret(PLAIN, 'livenessProbe', 1)), /is longer than periodSeconds/);
  });

  it('a zero period means the default 10 s', () => {
    const m = md(caret(PLAIN, 'readinessProbe'));
    assert.match(m, /\| periodSeconds +\| +10 \| 0 means the default \|/);
    assert.match(m, /Ready \(earliest – latest after the container starts\) +\| +0 s – 10 s \|/);
  });

  it('timing fields hover too (key and value)', () => {
    const marked = caret(WEB, 'periodSeconds: 15');
    assert.equal(covered(marked), 'periodSeconds');
    assert.match(md(marked), /### livenessProbe of `app`/);
    assert.match(md(caret(WEB, 'periodSeconds: 15', 0, 15)), /### livenessProbe of `app`/);
  });

  it('probes on a regular init container are rejected by the API server', () => {
    assert.match(md(caret(PLAIN, 'livenessProbe')), /Regular init containers cannot have probes/);
  });
});
