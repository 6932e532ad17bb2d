import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, hoverAtCaret, md } from './hoverHelpers';
import { WEB, asWorkload, caret } from './fixtures';

const JOBPOD = WEB.replace('restartPolicy: Always\n  term', 'restartPolicy: Never\n  term');
const kindAt = (yaml: string, kind: string) => md(caret(yaml, `kind: ${kind}`, 0, 6));

describe('workload kind hover', () => {
  it('Pod: no controller recreates it; the hover range is the kind value', () => {
    const marked = caret(WEB, 'kind: Pod', 0, 6);
    assert.equal(covered(marked), 'Pod');
    const m = md(marked);
    assert.match(m, /^### Pod `web`/);
    assert.match(m, /no controller recreates it if it is deleted, evicted, or its node fails/);
    assert.match(m, /restartPolicy \(Always\)/);
    assert.match(md(caret(WEB, 'kind: Pod')), /^### Pod `web`/); // the key too
  });

  it('Deployment: replicas through a ReplicaSet; restartPolicy must be Always', () => {
    const m = kindAt(asWorkload('Deployment', WEB, 'replicas: 3\n'), 'Deployment');
    assert.match(m, /^### Deployment `w`/);
    assert.match(m, /Keeps 3 replica\(s\) of this pod through a ReplicaSet/);
    assert.match(m, /restartPolicy must be Always \(it is Always here\)/);
    assert.match(kindAt(asWorkload('Deployment', JOBPOD), 'Deployment'), /restartPolicy must be Always \(it is Never here\)/);
  });

  it('StatefulSet: stable names, OrderedReady or Parallel', () => {
    const m = kindAt(asWorkload('StatefulSet', WEB, 'replicas: 2\n'), 'StatefulSet');
    assert.match(m, /Creates 2 pod\(s\) with stable names `w-0` …/);
    assert.match(m, /OrderedReady: each pod must be Running and Ready before the next is created/);
    assert.match(kindAt(asWorkload('StatefulSet', WEB, 'podManagementPolicy: Parallel\n'), 'StatefulSet'), /Parallel: pods are created and deleted all at once/);
  });

  it('DaemonSet, ReplicaSet, ReplicationController', () => {
    assert.match(kindAt(asWorkload('DaemonSet', WEB), 'DaemonSet'), /one copy of this pod on every eligible node/);
    assert.match(kindAt(asWorkload('ReplicaSet', WEB, 'replicas: 5\n'), 'ReplicaSet'), /Keeps 5 replica\(s\) .* A template change does not touch existing pods/);
    const rc = asWorkload('ReplicationController', WEB).replace('apiVersion: apps/v1', 'apiVersion: v1');
    assert.match(kindAt(rc, 'ReplicationController'), /^### ReplicationController `w`[\s\S]*replicationcontroller\//);
  });

  // The Job controller's pod-failure back-off is capped at MaxJobPodFailureBackOff = 10 min
  // (K: pkg/controller/job/job_controller.go, 1.34-1.37); the hover used to say 6 min.
  it('Job: completions, parallelism, backoffLimit (default 6) and the back-off capped at 10 min', () => {
    const m = kindAt(asWorkload('Job', JOBPOD, 'completions: 5\nparallelism: 2\nbackoffLimit: 4\n'), 'Job');
    assert.match(m, /Complete when 5 pod\(s\) have succeeded .*; parallelism 2\./);
    assert.match(m, /restartPolicy Never: a failed pod is replaced by a new pod/);
    assert.match(m, /Fails after 4 retries \(backoffLimit\); failed pods are recreated with back-off 10 s, 20 s, 40 s … capped at 10 min/);
    assert.match(m, /podReplacementPolicy TerminatingOrFailed: a replacement pod is created as soon as the old pod is terminating/);
    assert.match(m, /Sidecars do not keep a pod from completing/);
    assert.match(kindAt(asWorkload('Job', JOBPOD), 'Job'), /Complete when 1 pod\(s\)[\s\S]*Fails after 6 retries/);
    assert.match(kindAt(asWorkload('Job', JOBPOD, 'parallelism: 3\n'), 'Job'), /No completions, parallelism 3: a work queue/);
  });

  // K: pkg/apis/batch/v1/defaults.go SetDefaults_Job: backoffLimit is MaxInt32 when backoffLimitPerIndex is
  // set; podReplacementPolicy defaults to Failed with a podFailurePolicy, else TerminatingOrFailed.
  it('Job: backoffLimitPerIndex, maxFailedIndexes, successPolicy and podReplacementPolicy', () => {
    const indexed = 'completionMode: Indexed\ncompletions: 5\nbackoffLimitPerIndex: 2\n';
    const m = kindAt(asWorkload('Job', JOBPOD, `${indexed}maxFailedIndexes: 1\nsuccessPolicy: { rules: [{ succeededCount: 3 }] }\n`), 'Job');
    assert.match(m, /Each index may fail 2 time\(s\) \(backoffLimitPerIndex\).*capped at 10 min\. backoffLimit defaults to 2147483647 here/);
    assert.doesNotMatch(m, /Fails after/);
    assert.match(m, /The Job fails as soon as more than 1 index\(es\) have failed \(maxFailedIndexes\)/);
    assert.match(m, /successPolicy: the Job succeeds as soon as one of its rules is met/);
    assert.match(kindAt(asWorkload('Job', JOBPOD, indexed), 'Job'), /No maxFailedIndexes: the other indexes keep running, and the Job fails at the end if any index failed/);
    const pfp = 'podFailurePolicy: { rules: [{ action: FailJob, onExitCodes: { operator: In, values: [42] } }] }\n';
    assert.match(kindAt(asWorkload('Job', JOBPOD, pfp), 'Job'), /podReplacementPolicy Failed: a replacement pod is created only once the old pod has fully terminated/);
    assert.match(kindAt(asWorkload('Job', JOBPOD, 'podReplacementPolicy: Failed\n'), 'Job'), /podReplacementPolicy Failed/);
  });

  it('CronJob: schedule and concurrencyPolicy, then the Job', () => {
    const m = kindAt(asWorkload('CronJob', JOBPOD, 'backoffLimit: 1\n'), 'CronJob');
    assert.match(m, /Creates a Job from jobTemplate on the schedule `\*\/5 \* \* \* \*` \(concurrencyPolicy Allow\)/);
    assert.match(m, /Fails after 1 retries/);
  });

  it('PodTemplate: nothing runs it', () => {
    const t = `apiVersion: v1\nkind: PodTemplate\nmetadata:\n  name: tpl\ntemplate:\n  spec:\n    containers:\n      - name: a\n        image: x:1\n`;
    const m = kindAt(t, 'PodTemplate');
    assert.match(m, /^### PodTemplate `tpl`/);
    assert.match(m, /A stored template: nothing runs it by itself/);
  });

  it('apiVersion has no hover', () => {
    assert.equal(hoverAtCaret(caret(WEB, 'v1')), undefined);
  });
});
