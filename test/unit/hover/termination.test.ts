import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, md } from './hoverHelpers';
import { WEB, caret } from './fixtures';

const TWO_APPS = `apiVersion: v1
kind: Pod
metadata:
  name: t
spec:
  terminationGracePeriodSeconds: 30
  initContainers:
    - name: mesh
      image: x:1
      restartPolicy: Always
      lifecycle: { preStop: { sleep: { seconds: 3 } } }
  containers:
    - name: api
      image: x:1
      command: ["/api"]
      lifecycle: { preStop: { exec: { command: ["sleep", "40"] } } }
    - name: worker
      image: x:1
      command: ["/bin/sh", "-c", "exec /worker"]
`;

describe('terminationGracePeriodSeconds hover', () => {
  it('the termination table: app first, then sidecars in reverse order, with the 2 s minimum', () => {
    const marked = caret(WEB, 'terminationGracePeriodSeconds');
    assert.equal(covered(marked), 'terminationGracePeriodSeconds');
    const m = md(marked);
    assert.match(m, /^### terminationGracePeriodSeconds: 45 s/);
    assert.match(m, /SIGKILL if it is still running when the 45 s grace period runs out \(at least 2 s after SIGTERM\)/);
    const rows = m.split('\n').filter((l) => /^\| `/.test(l)).map((l) => l.split('|').map((c) => c.trim()).filter(Boolean));
    assert.deepEqual(rows, [
      ['`app`', 'app', '10 s', '10 s', '45 s'],
      ['`log-shipper`', 'sidecar', '—', '45 s', '47 s'],
      ['`proxy`', 'sidecar', '—', '45 s', '47 s'],
    ]);
    assert.match(m, /Worst case: the last container is gone 47 s after termination starts\./);
  });

  it('names the container whose `sh -c` keeps the shell as PID 1', () => {
    assert.match(md(caret(WEB, 'terminationGracePeriodSeconds')), /⚠ `app` runs `sh -c` as PID 1: the shell ignores SIGTERM/);
    // `exec` as the last step is safe: only the general caveat remains.
    const m = md(caret(TWO_APPS, 'terminationGracePeriodSeconds'));
    assert.doesNotMatch(m, /⚠/);
    assert.match(m, /Caveat: a command like `sh -c '...; app'` makes the shell PID 1/);
  });

  it('a preStop longer than the grace period is cut; the sidecar\'s preStop runs at once', () => {
    const m = md(caret(TWO_APPS, 'terminationGracePeriodSeconds'));
    const rows = m.split('\n').filter((l) => /^\| `/.test(l)).map((l) => l.split('|').map((c) => c.trim()).filter(Boolean));
    assert.deepEqual(rows, [
      // api: preStop capped at the 30 s grace, then the 2 s minimum.
      ['`api`', 'app', '30 s', '30 s', '32 s'],
      ['`worker`', 'app', '—', '0 s', '30 s'],
      // mesh: preStop 0..3 s, then waits for api (exits at 32 s) but its grace ends at 30 s.
      ['`mesh`', 'sidecar', '3 s', '30 s', '32 s'],
    ]);
    assert.match(m, /Worst case: the last container is gone 32 s after termination starts\./);
  });

  it('omitted: the default 30 s', () => {
    const pod = TWO_APPS.replace('  terminationGracePeriodSeconds: 30\n', '');
    assert.match(md(caret(pod, 'containers')), /App containers \(2\)/);
    const m = md(caret(pod, 'preStop', 1));
    assert.match(m, /when the 30 s grace period runs out/);
  });
});
