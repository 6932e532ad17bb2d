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

  it('names the container whose `sh -c` can keep the shell as PID 1, saying it depends on the image\'s sh', () => {
    // Measured on the real shells (docs/kubernetes-facts.md §5, test/unit/shellPid1.test.ts).
    assert.match(md(caret(WEB, 'terminationGracePeriodSeconds')), /⚠ `app` runs `sh -c` with a script whose last command is not started with exec, so the shell can stay PID 1\. It depends on which shell the image's "sh" is: dash .* stays PID 1 even for a single command/);
    // `exec` as the last step is safe with any shell: only the general caveat remains, and it no longer
    // says a TERM trap or a lone command is enough.
    const m = md(caret(TWO_APPS, 'terminationGracePeriodSeconds'));
    assert.doesNotMatch(m, /⚠/);
    assert.match(m, /Caveat: with a command like `sh -c '...'` the shell can stay PID 1.*dash \(Debian, Ubuntu\) stays PID 1 even for a single command.*a trap on TERM does not help/);
    // bash execs the last command of a plain list (bash 5.1+): no warning.
    assert.doesNotMatch(md(caret(TWO_APPS.replace('["/bin/sh", "-c", "exec /worker"]', '["bash", "-c", "./migrate && /worker"]'), 'terminationGracePeriodSeconds')), /⚠/);
  });

  it('grace 0: the API server deletes the pod at once; the kubelet still gives 1 s (preStop ≤ 1 s, SIGKILL at 3 s)', () => {
    // CheckGracefulDelete (pkg/registry/core/pod/strategy.go); calculateEffectiveGracePeriod
    // (pkg/kubelet/pod_workers.go); killContainer's 2 s minimum (kuberuntime_container.go).
    const m = md(caret(TWO_APPS.replace('terminationGracePeriodSeconds: 30', 'terminationGracePeriodSeconds: 0'), 'terminationGracePeriodSeconds'));
    assert.match(m, /deletes the pod object at once: it is never seen Terminating/);
    assert.doesNotMatch(m, /marked Terminating/);
    const rows = m.split('\n').filter((l) => /^\| `/.test(l)).map((l) => l.split('|').map((c) => c.trim()).filter(Boolean));
    assert.deepEqual(rows, [
      ['`api`', 'app', '1 s', '1 s', '3 s'],
      ['`worker`', 'app', '—', '0 s', '2 s'],
      ['`mesh`', 'sidecar', '1 s', '1 s', '3 s'],
    ]);
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
