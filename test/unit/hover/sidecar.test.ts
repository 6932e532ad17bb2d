import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, md } from './hoverHelpers';
import { WEB, asWorkload, caret } from './fixtures';

describe('sidecar hovers', () => {
  it('a sidecar with a startupProbe gates the next init container on it, with the computed window', () => {
    const m = md(caret(WEB, 'proxy'));
    assert.match(m, /^### Sidecar `proxy` \(init container 2 of 4, restartPolicy: Always\)/);
    assert.match(m, /Starts after `wait-db` exits with code 0\./);
    // startupProbe period 2 s, threshold 1: the first tick at 0..2 s.
    assert.match(m, /The next step \(`migrate`\) starts once this sidecar's startupProbe has succeeded \(0 s – 2 s after it starts\)\./);
    assert.match(m, /keeps running beside the app containers/);
    assert.match(m, /Its readinessProbe counts toward the pod's Ready condition/);
  });

  it('a sidecar without a startupProbe gates on being started, not on readiness', () => {
    const m = md(caret(WEB, 'log-shipper'));
    assert.match(m, /The next step \(the app containers\) starts as soon as this sidecar is running .* it does not wait for readiness\./);
  });

  it('stops after the app containers in reverse order', () => {
    assert.match(md(caret(WEB, 'proxy')), /in reverse order of declaration\. It stops after `log-shipper`\./);
    assert.match(md(caret(WEB, 'log-shipper')), /It stops before `proxy`\./);
  });

  it('restarts whatever the pod restartPolicy, Never included', () => {
    const never = WEB.replace('restartPolicy: Always\n  termination', 'restartPolicy: Never\n  termination');
    assert.match(md(caret(never, 'proxy')), /It is restarted whenever it exits, whatever the pod's restartPolicy \(Never\)/);
  });

  it('shows what it adds to the effective requests (from the shared breakdown)', () => {
    const m = md(caret(WEB, 'proxy'));
    assert.match(m, /\| cpu +\| +100m \| +150m \| +610m \|/);
    assert.match(m, /\| memory +\| +64Mi \| +96Mi \| +352Mi \|/);
  });

  it('the container-level restartPolicy: Always is a sidecar hover too', () => {
    const marked = caret(WEB, 'restartPolicy: Always', 1, 1);
    assert.equal(covered(marked), 'restartPolicy');
    assert.match(md(marked), /### Sidecar `proxy`/);
    assert.match(md(caret(WEB, 'Always', 1)), /### Sidecar `proxy`/);
  });

  it('in a Job, a sidecar does not keep the pod from completing', () => {
    const job = asWorkload('Job', WEB.replace('restartPolicy: Always\n  termination', 'restartPolicy: OnFailure\n  termination'));
    assert.match(md(caret(job, 'log-shipper')), /does not keep a Job's pod from completing/);
  });

  it('before Kubernetes 1.29 the field is dropped and it runs as a regular init container', () => {
    const marked = caret(WEB, 'restartPolicy: Always', 1, 1);
    const m = md(marked, { kubernetesVersion: '1.28' });
    assert.match(m, /Kubernetes 1\.28 has no sidecar containers/);
    assert.match(m, /`proxy` runs as a regular init container/);
    assert.match(md(caret(WEB, 'proxy'), { kubernetesVersion: '1.28' }), /### Init container 2 of 4: `proxy`/);
  });
});
