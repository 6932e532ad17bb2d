import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, md } from './hoverHelpers';
import { WEB, caret } from './fixtures';

const NO_INIT = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  restartPolicy: OnFailure
  terminationGracePeriodSeconds: 10
  containers:
    - name: a
      image: x:1
    - name: b
      image: x:1
      readinessProbe:
        exec: { command: [cat, /ready] }
        periodSeconds: 5
`;

describe('app container hovers', () => {
  it('an app container: after the last init container, Ready window from its probes, restart, termination', () => {
    const marked = caret(WEB, 'name: app', 0, 6);
    assert.equal(covered(marked), 'app');
    const m = md(marked);
    assert.match(m, /^### App container 1 of 1: `app`/);
    assert.match(m, /Starts after the last init container: sidecar `log-shipper` has started; sidecars `proxy`, `log-shipper` keep running beside it\./);
    assert.match(m, /Ready 15 s – 30 s after it starts/);
    assert.match(m, /restarted \(restartPolicy Always\)/);
    assert.match(m, /at most terminationGracePeriodSeconds \(45 s\) in all before SIGKILL/);
  });

  it('without init containers; no readinessProbe means Ready when running; OnFailure', () => {
    const a = md(caret(NO_INIT, 'name: a', 0, 6));
    assert.match(a, /^### App container 1 of 2: `a`/);
    assert.match(a, /as soon as the pod is scheduled \(there are no init containers\)/);
    assert.match(a, /No readinessProbe: it counts as Ready as soon as it is running/);
    assert.match(a, /exits non-zero .* is restarted \(restartPolicy OnFailure\)/);
    const b = md(caret(NO_INIT, 'name: b', 0, 6));
    assert.match(b, /^### App container 2 of 2: `b`/);
    assert.match(b, /Ready 0 s – 5 s after it starts/);
  });

  it('the containers key: the order, readiness and how they stop', () => {
    const m = md(caret(NO_INIT, 'containers'));
    assert.match(m, /^### App containers \(2\)/);
    assert.match(m, /They start together as soon as the pod is scheduled/);
    assert.match(m, /Readiness comes from the readinessProbe of `b`; the others are Ready once running/);
    const web = md(caret(WEB, 'containers:\n'));
    assert.match(web, /after every init container has succeeded and every sidecar has started/);
    assert.match(web, /sidecars stop after them/);
  });
});
