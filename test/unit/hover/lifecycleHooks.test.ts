import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, md } from './hoverHelpers';
import { WEB, caret } from './fixtures';

const POST = WEB.replace('      lifecycle:\n        preStop:', '      lifecycle:\n        postStart:\n          exec: { command: [touch, /tmp/up] }\n        preStop:');
const SIDE_POST = WEB.replace('    - name: log-shipper\n      image: fluent-bit:3\n', '    - name: log-shipper\n      image: fluent-bit:3\n      lifecycle:\n        postStart: { sleep: { seconds: 3 } }\n        preStop: { sleep: { seconds: 5 } }\n');

describe('lifecycle hook hovers', () => {
  it('postStart on an app container: parallel to the entrypoint, blocks Running and probes, failure kills', () => {
    const marked = caret(POST, 'postStart');
    assert.equal(covered(marked), 'postStart');
    const m = md(marked);
    assert.match(m, /^### postStart hook of `app`/);
    assert.match(m, /at the same time as its entrypoint: there is no guarantee it runs first/);
    assert.match(m, /not Running, and its probes do not start, until this hook has finished/);
    assert.match(m, /If the hook fails, the container is killed and restarted\./);
    const never = md(caret(POST.replace('restartPolicy: Always\n  termination', 'restartPolicy: Never\n  termination'), 'postStart'));
    assert.match(never, /killed \(and, with restartPolicy Never, not restarted\)/);
  });

  it('postStart on a sidecar holds back the next init container', () => {
    const m = md(caret(SIDE_POST, 'postStart'));
    assert.match(m, /^### postStart hook of `log-shipper`/);
    assert.match(m, /The sidecar does not count as started, and the next init container waits, until this hook has finished/);
    assert.match(m, /killed and restarted/); // sidecars always restart
  });

  it('preStop: its duration comes out of the grace period; the table gives this pod\'s numbers', () => {
    const m = md(caret(WEB, 'preStop'));
    assert.match(m, /^### preStop hook of `app`/);
    assert.match(m, /The preStop hook takes 10 s; it runs before SIGTERM, and its time comes out of the grace period/);
    assert.match(m, /not when the container exits by itself/);
    // grace 45, preStop 10: SIGTERM at 10 s, SIGKILL at 45 s; the focused row is bold.
    assert.match(m, /\| \*\*`app`\*\* +\| app +\| +10 s \| +10 s \| +45 s \|/);
  });

  it('a sidecar\'s preStop starts with the pod\'s termination; SIGTERM waits for the app containers', () => {
    // KEP-753 / kuberuntime killContainer: preStop first (at once), then waitForTurn, then SIGTERM.
    const m = md(caret(SIDE_POST, 'preStop', 0));
    assert.match(m, /^### preStop hook of `log-shipper`/);
    assert.match(m, /0 s: the pod is marked Terminating .* every preStop hook starts/);
    // log-shipper: preStop ends at 5 s, waits for app (killed at 45 s): SIGTERM at 45 s with
    // 45 - 5 - floor(40) = 0 left, so the 2 s minimum: SIGKILL at 47 s. proxy waits too, its
    // grace ends at 45 s: SIGTERM 45 s, SIGKILL 47 s.
    assert.match(m, /\| \*\*`log-shipper`\*\* \| sidecar \| +5 s \| +45 s \| +47 s \|/);
    assert.match(m, /\| `proxy` +\| sidecar \| +— \| +45 s \| +47 s \|/);
    assert.match(m, /Sidecars get SIGTERM only after every app container has exited, in reverse order of declaration/);
  });

  it('an unknown preStop duration (httpGet) is said to be unknown', () => {
    const pod = WEB.replace('          exec:\n            command: ["sleep", "10"]', '          httpGet: { path: /drain, port: 8080 }');
    const m = md(caret(pod, 'preStop'));
    assert.match(m, /The preStop hook runs before SIGTERM; its time comes out of the grace period\./);
    assert.match(m, /\| \*\*`app`\*\* +\| app +\| +unknown \| after preStop \| +45 s \|/);
    assert.match(m, /Worst case: the last container is gone at least 47 s after termination starts \(some preStop durations are unknown\)/);
  });

  it('regular init containers may not have hooks', () => {
    const pod = WEB.replace('      command: ["sh", "-c", "until nc -z db 5432; do sleep 1; done"]\n', '      command: ["sh", "-c", "until nc -z db 5432; do sleep 1; done"]\n      lifecycle:\n        preStop: { sleep: { seconds: 1 } }\n');
    assert.match(md(caret(pod, 'preStop')), /Only app containers and sidecars may have lifecycle hooks: the API server rejects them here/);
  });
});
