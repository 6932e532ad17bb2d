import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, md } from './hoverHelpers';
import { WEB, asWorkload, caret } from './fixtures';

const withDeadline = (s: number) => WEB.replace('  restartPolicy: Always\n', `  restartPolicy: Always\n  activeDeadlineSeconds: ${s}\n`);

describe('activeDeadlineSeconds hovers', () => {
  it('pod level: counts from status.startTime, fails the pod with DeadlineExceeded, no restart', () => {
    const marked = caret(withDeadline(90), 'activeDeadlineSeconds');
    assert.equal(covered(marked), 'activeDeadlineSeconds');
    const m = md(marked);
    assert.match(m, /^### activeDeadlineSeconds: 90 s/);
    assert.match(m, /status\.startTime\): image pulls and init containers use it up too/);
    assert.match(m, /pod ends Failed with reason DeadlineExceeded; it is not restarted, whatever the restartPolicy/);
    assert.doesNotMatch(m, /backoffLimit/);
  });

  it('in a Job\'s pod template it limits each pod; the Job-level field limits the whole Job', () => {
    const job = asWorkload('Job', withDeadline(3600).replace('restartPolicy: Always\n  active', 'restartPolicy: Never\n  active'), 'activeDeadlineSeconds: 600\n');
    const pod = md(caret(job, 'activeDeadlineSeconds', 1));
    assert.match(pod, /^### activeDeadlineSeconds: 60 min/);
    assert.match(pod, /This limits each pod; the Job may then create a new one \(counted against backoffLimit\)/);
    const whole = md(caret(job, 'activeDeadlineSeconds', 0));
    assert.match(whole, /^### Job activeDeadlineSeconds: 10 min/);
    assert.match(whole, /Job fails with reason DeadlineExceeded; it wins over backoffLimit/);
  });

  it('a CronJob\'s jobTemplate deadline is the Job-level one', () => {
    const cron = asWorkload('CronJob', WEB.replace('restartPolicy: Always\n  term', 'restartPolicy: OnFailure\n  term'), 'activeDeadlineSeconds: 120\n');
    assert.match(md(caret(cron, 'activeDeadlineSeconds')), /^### Job activeDeadlineSeconds: 2 min/);
  });

  it('long-running workloads reject it', () => {
    for (const kind of ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']) {
      assert.match(md(caret(asWorkload(kind, withDeadline(60)), 'activeDeadlineSeconds')), new RegExp(`A ${kind} rejects it`), kind);
    }
  });
});
