import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, md } from './hoverHelpers';
import { WEB, asWorkload, caret } from './fixtures';

const withPolicy = (policy: string | undefined) => WEB.replace('  restartPolicy: Always\n', policy ? `  restartPolicy: ${policy}\n` : '');

describe('restartPolicy hovers', () => {
  it('Always on a bare Pod: every exit restarts with back-off, sidecars named, never rescheduled', () => {
    const marked = caret(WEB, 'restartPolicy');
    assert.equal(covered(marked), 'restartPolicy');
    const m = md(marked);
    assert.match(m, /^### restartPolicy: Always\n/);
    assert.match(m, /exits, with any code, is restarted \(restartPolicy Always\): first restart at once, then back-off 10 s, 20 s, 40 s … capped at 5 min; CrashLoopBackOff/);
    assert.match(m, /init containers are retried as with OnFailure/);
    assert.match(m, /Sidecars `proxy`, `log-shipper` are restarted whenever they exit/);
    assert.match(m, /keeps its name and IP/);
    assert.match(m, /A bare Pod is never rescheduled/);
  });

  it('omitted in a Job template: the default Always is rejected (kind hover says so)', () => {
    const job = asWorkload('Job', withPolicy(undefined));
    assert.match(md(caret(job, 'Job', 0)), /restartPolicy must be OnFailure or Never: Always \(the default\) is rejected/);
    assert.match(md(caret(withPolicy(undefined), 'Pod', 0)), /restartPolicy \(Always\)/);
  });

  it('OnFailure: exit 0 ends it; in a Job each restart counts against backoffLimit', () => {
    const m = md(caret(withPolicy('OnFailure'), 'restartPolicy'));
    assert.match(m, /exits non-zero \(or fails its liveness probe\) is restarted \(restartPolicy OnFailure\).*Exit 0 ends it for good/);
    assert.match(m, /restarted by the kubelet \(restartPolicy OnFailure\)/);
    const job = md(caret(asWorkload('Job', withPolicy('OnFailure')), 'restartPolicy'));
    assert.match(job, /With OnFailure, failed containers restart in the same pod; each restart counts against the Job's backoffLimit/);
  });

  it('Never: nothing is restarted but sidecars; a failed init container fails the pod; a Job replaces the pod', () => {
    const m = md(caret(withPolicy('Never'), 'restartPolicy'));
    assert.match(m, /^### restartPolicy: Never/);
    assert.match(m, /is not restarted \(restartPolicy Never\)/);
    assert.match(m, /fails the whole pod at once \(phase Failed, restartPolicy Never\)/);
    assert.match(m, /Sidecars `proxy`, `log-shipper` are restarted whenever they exit, whatever this policy says/);
    assert.doesNotMatch(m, /CrashLoopBackOff/);
    const job = md(caret(asWorkload('Job', withPolicy('Never')), 'restartPolicy'));
    assert.match(job, /a failed pod is replaced by a new pod from the Job controller \(counted against backoffLimit\)/);
  });

  it('a Deployment only accepts Always; a Job rejects Always', () => {
    assert.match(md(caret(asWorkload('Deployment', WEB), 'restartPolicy')), /A Deployment only accepts Always: its pods are meant to run forever/);
    assert.match(md(caret(asWorkload('Deployment', withPolicy('OnFailure')), 'restartPolicy')), /A Deployment only accepts Always: the API server rejects OnFailure/);
    assert.match(md(caret(asWorkload('Job', WEB), 'restartPolicy')), /A Job only accepts OnFailure or Never: the API server rejects Always/);
    assert.match(md(caret(asWorkload('StatefulSet', withPolicy('Never')), 'restartPolicy')), /A StatefulSet only accepts Always: the API server rejects Never/);
  });

  // This test used to expect "needs the ContainerRestartRules feature gate (alpha)": wrong from 1.35, where
  // the gate is beta and on (kube_features.go) and ContainerShouldRestart (pkg/api/v1/pod/util.go) uses the
  // container's policy; at 1.34 dropContainerRestartRules (pkg/api/pod/util.go) drops the field.
  it('container-level restartPolicy on an app container: its own policy from 1.35, dropped at 1.34', () => {
    const pod = WEB.replace('    - name: app\n      image: app:1.2\n', '    - name: app\n      image: app:1.2\n      restartPolicy: Never\n');
    const at = caret(pod, 'restartPolicy: Never', 0, 1);
    const m = md(at);
    assert.match(m, /^### restartPolicy on `app`/);
    assert.match(m, /Its own restartPolicy Never replaces the pod's \(Always\) for this container: it is not restarted/);
    assert.doesNotMatch(m, /alpha/);
    assert.match(md(at, { kubernetesVersion: '1.34' }), /At Kubernetes 1\.34 the API server drops this field/);
  });
});
