import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, md } from './hoverHelpers';
import { WEB, asWorkload, caret } from './fixtures';

const deploy = (spec: string) => asWorkload('Deployment', WEB, spec);

describe('Deployment strategy hover', () => {
  it('defaults 25 %: surge rounds up, unavailable rounds down (10 replicas: 13 at most, 8 available)', () => {
    const marked = caret(deploy('replicas: 10\nstrategy:\n  type: RollingUpdate\n'), 'strategy');
    assert.equal(covered(marked), 'strategy');
    const m = md(marked);
    assert.match(m, /^### Deployment strategy: RollingUpdate/);
    assert.match(m, /replicas 10: during a rollout at most 13 pods exist \(maxSurge 3\) and at least 8 stay available \(maxUnavailable 2\)/);
  });

  it('3 replicas with the defaults: surge 1 (0.75 up), unavailable 0 (0.75 down)', () => {
    const m = md(caret(deploy('replicas: 3\nstrategy: {}\n'), 'strategy'));
    assert.match(m, /at most 4 pods exist \(maxSurge 1\) and at least 3 stay available \(maxUnavailable 0\)/);
  });

  it('explicit values, integers and percentages', () => {
    const m = md(caret(deploy('replicas: 4\nstrategy:\n  rollingUpdate:\n    maxSurge: 0\n    maxUnavailable: 50%\n'), 'maxSurge'));
    assert.match(m, /at most 4 pods exist \(maxSurge 0\) and at least 2 stay available \(maxUnavailable 2\)/);
    const n = md(caret(deploy('replicas: 5\nstrategy:\n  rollingUpdate:\n    maxSurge: 2\n    maxUnavailable: 10%\n'), 'strategy'));
    assert.match(n, /at most 7 pods exist \(maxSurge 2\) and at least 5 stay available \(maxUnavailable 0\)/);
  });

  it('both zero: ResolveFenceposts lets one pod be unavailable', () => {
    const m = md(caret(deploy('replicas: 1\nstrategy:\n  rollingUpdate:\n    maxSurge: 0%\n    maxUnavailable: 0\n'), 'strategy'));
    assert.match(m, /at most 1 pods exist \(maxSurge 0\) and at least 0 stay available \(maxUnavailable 1\)/);
  });

  it('the pod\'s Ready window, minReadySeconds and grace period come from this pod', () => {
    const m = md(caret(deploy('replicas: 2\nminReadySeconds: 20\n'), 'minReadySeconds'));
    // app: startup 0..10 s, readiness initialDelay 5, period 10, successThreshold 2 -> 15..30 s.
    assert.match(m, /joins the Service endpoints once it is Ready \(15 s – 30 s after its containers start, from its probes\), and counts as available after staying Ready for minReadySeconds \(20 s\)/);
    assert.match(m, /killed after at most 45 s/);
    assert.match(m, /progressDeadlineSeconds \(default 600 s\)/);
  });

  it('Recreate: downtime', () => {
    const m = md(caret(deploy('strategy:\n  type: Recreate\n'), 'Recreate'));
    assert.match(m, /^### Deployment strategy: Recreate/);
    assert.match(m, /There is downtime: nothing serves until a new pod is Ready \(15 s – 30 s/);
  });

  it('StatefulSet and DaemonSet updateStrategy', () => {
    assert.match(md(caret(asWorkload('StatefulSet', WEB, 'updateStrategy:\n  type: RollingUpdate\n'), 'updateStrategy')), /one at a time, from the highest ordinal down/);
    assert.match(md(caret(asWorkload('DaemonSet', WEB, 'updateStrategy:\n  type: OnDelete\n'), 'updateStrategy')), /^### DaemonSet updateStrategy: OnDelete/);
  });
});
