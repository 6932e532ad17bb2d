import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, hoverAtCaret, md } from './hoverHelpers';
import { WEB, asWorkload, caret } from './fixtures';

function withPolicy(policy: string | undefined, kind = 'Pod'): string {
  const body = WEB.replace('  restartPolicy: Always\n', policy ? `  restartPolicy: ${policy}\n` : '');
  return kind === 'Pod' ? body : body.replace('kind: Pod', `kind: ${kind}`);
}

describe('init container hovers', () => {
  it('names the position, the predecessor and the successor', () => {
    const m = md(caret(WEB, 'migrate'));
    assert.match(m, /^### Init container 3 of 4: `migrate`/);
    assert.match(m, /Starts after sidecar `proxy` has started and its startupProbe has succeeded\./);
    assert.match(m, /The next step \(sidecar `log-shipper`\) starts only after this one exits with code 0\./);
    assert.match(m, /Sidecars already running beside it: `proxy`\./);
    assert.match(m, /Init:2\/4/);
    assert.match(m, /idempotent/);
  });

  it('the first one starts first and hands over to the next', () => {
    const m = md(caret(WEB, 'wait-db'));
    assert.match(m, /Init container 1 of 4: `wait-db`/);
    assert.match(m, /Starts first/);
    assert.match(m, /The next step \(sidecar `proxy`\)/);
  });

  it('hovering the name key gives the same explanation, with the key as range', () => {
    assert.equal(covered(caret(WEB, 'name: migrate', 0, 1)), 'name');
    assert.equal(covered(caret(WEB, 'migrate', 0, 2)), 'migrate');
    assert.match(md(caret(WEB, 'name: migrate', 0, 1)), /Init container 3 of 4/);
  });

  it('restartPolicy Always: retried as OnFailure, back-off 10 s, 20 s, 40 s capped at 5 min, Init:CrashLoopBackOff', () => {
    const m = md(caret(WEB, 'migrate'));
    assert.match(m, /pod restartPolicy Always → init containers are retried as with OnFailure/);
    assert.match(m, /first restart at once, then back-off 10 s, 20 s, 40 s … capped at 5 min/);
    assert.match(m, /Init:CrashLoopBackOff/);
  });

  it('restartPolicy omitted is Always', () => {
    assert.match(md(caret(withPolicy(undefined), 'migrate')), /pod restartPolicy Always → init containers are retried as with OnFailure/);
  });

  it('restartPolicy OnFailure: retried with back-off', () => {
    const m = md(caret(withPolicy('OnFailure'), 'migrate'));
    assert.match(m, /restarted by the kubelet \(restartPolicy OnFailure\)/);
    assert.doesNotMatch(m, /phase Failed/);
  });

  it('restartPolicy Never: the pod fails, no retry; in a Job a new pod counts against backoffLimit', () => {
    const m = md(caret(withPolicy('Never'), 'migrate'));
    assert.match(m, /fails the whole pod at once \(phase Failed, restartPolicy Never\): it is not retried\./);
    assert.doesNotMatch(m, /CrashLoopBackOff/);
    const job = asWorkload('Job', withPolicy('Never'));
    assert.match(md(caret(job, 'migrate')), /The Job controller may create a new pod, counted against backoffLimit/);
  });

  it('reports the init-phase peak it sets, from the shared effective resources', () => {
    assert.match(md(caret(WEB, 'migrate')), /init-phase peak request: cpu 600m, memory 192Mi/);
    assert.doesNotMatch(md(caret(WEB, 'wait-db')), /init-phase peak/);
  });

  it('the initContainers key lists the sequence', () => {
    const m = md(caret(WEB, 'initContainers'));
    assert.match(m, /### Init containers \(4\)/);
    assert.match(m, /1\. `wait-db`: runs to completion/);
    assert.match(m, /2\. `proxy` \(sidecar\): starts, keeps running/);
    assert.match(m, /4\. `log-shipper` \(sidecar\)/);
  });

  it('fields without semantics (image) have no hover', () => {
    assert.equal(hoverAtCaret(caret(WEB, 'image: busybox', 0, 1)), undefined);
    assert.equal(hoverAtCaret(caret(WEB, 'busybox')), undefined);
  });
});
