import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, deployment, expectCode, expectNoErrors, job, pod } from './errorsHelpers';

const C = 'containers:\n  - { name: a, image: x:1 }';

describe('invalid-restart-policy', () => {
  it('rejects values other than Always, OnFailure, Never', () => {
    const text = pod('  restartPolicy: always\n  containers:\n    - { name: a, image: x:1 }');
    const [d] = expectCode(text, 'invalid-restart-policy', 1);
    assert.match(d!.message, /^spec\.restartPolicy: Unsupported value: "always": supported values: "Always", "OnFailure", "Never"/);
    assert.equal(covered(text, d!), 'always');
    assert.deepEqual(d!.data, { value: 'Always' });
    expectCode(pod('  restartPolicy: OnFailure\n  containers:\n    - { name: a, image: x:1 }'), 'invalid-restart-policy', 0);
  });
});

describe('invalid-active-deadline-seconds and negative-termination-grace-period', () => {
  it('requires activeDeadlineSeconds >= 1', () => {
    const [d] = expectCode(pod(`  activeDeadlineSeconds: 0\n  ${C.replace('\n', '\n  ')}`), 'invalid-active-deadline-seconds', 1);
    assert.match(d!.message, /activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive/);
    expectCode(pod(`  activeDeadlineSeconds: 600\n  ${C.replace('\n', '\n  ')}`), 'invalid-active-deadline-seconds', 0);
  });
  it('warns (not errors) on a negative grace period, which the API server treats as 1', () => {
    const [d] = expectCode(pod(`  terminationGracePeriodSeconds: -1\n  ${C.replace('\n', '\n  ')}`), 'negative-termination-grace-period', 1);
    assert.equal(d!.severity, 'warning');
    assert.match(d!.message, /must be >= 0; negative values are invalid and will be treated as 1/);
    expectCode(pod(`  terminationGracePeriodSeconds: 0\n  ${C.replace('\n', '\n  ')}`), 'negative-termination-grace-period', 0);
  });
});

describe('workload-restart-policy', () => {
  it('requires Always in a Deployment', () => {
    const text = deployment(`restartPolicy: Never\n${C}`);
    const [d] = expectCode(text, 'workload-restart-policy', 1);
    assert.match(d!.message, /^spec\.template\.spec\.restartPolicy: Unsupported value: "Never": supported values: "Always"/);
    assert.equal(covered(text, d!), 'Never');
    expectCode(deployment(C), 'workload-restart-policy', 0);
  });
  it('rejects a Job without restartPolicy and says it defaults to Always', () => {
    const [d] = expectCode(job(C), 'workload-restart-policy', 1);
    assert.match(d!.message, /^spec\.template\.spec\.restartPolicy: Required value: valid values: "OnFailure", "Never"/);
    assert.match(d!.message, /defaults to Always/);
    assert.deepEqual(d!.data, { value: 'Never' });
  });
  it('accepts a Job with Never or OnFailure (valid)', () => {
    expectNoErrors(job(`restartPolicy: Never\n${C}`));
    expectNoErrors(job(`restartPolicy: OnFailure\n${C}`));
  });
  it('checks CronJob templates', () => {
    const text = `apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: c }\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Always\n          containers: [{ name: a, image: x:1 }]\n`;
    const [d] = expectCode(text, 'workload-restart-policy', 1);
    assert.match(d!.message, /^spec\.jobTemplate\.spec\.template\.spec\.restartPolicy/);
  });
});

describe('workload-active-deadline-seconds', () => {
  it('forbids activeDeadlineSeconds in a Deployment template, not in a Job', () => {
    const [d] = expectCode(deployment(`activeDeadlineSeconds: 60\n${C}`), 'workload-active-deadline-seconds', 1);
    assert.match(d!.message, /Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported/);
    expectCode(job(`restartPolicy: Never\nactiveDeadlineSeconds: 60\n${C}`), 'workload-active-deadline-seconds', 0);
  });
});

describe('rolling-update-stuck', () => {
  const strat = (s: string) => deployment(C, `  strategy:\n    rollingUpdate: ${s}\n`);
  it('rejects maxSurge and maxUnavailable both 0 (ints or percents)', () => {
    const text = strat('{ maxSurge: 0%, maxUnavailable: 0 }');
    const [d] = expectCode(text, 'rolling-update-stuck', 1);
    assert.match(d!.message, /^spec\.strategy\.rollingUpdate\.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0/);
    assert.equal(covered(text, d!), '0');
  });
  it('accepts one of them 0 (the other defaults to 25%)', () => {
    expectCode(strat('{ maxSurge: 0 }'), 'rolling-update-stuck', 0);
    expectCode(strat('{ maxSurge: 0, maxUnavailable: 1 }'), 'rolling-update-stuck', 0);
  });
  it('checks DaemonSets: maxSurge alone conflicts with the default maxUnavailable 1', () => {
    const ds = (ru: string) => `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: ds }\nspec:\n  selector: { matchLabels: { a: b } }\n  updateStrategy:\n    rollingUpdate: ${ru}\n  template:\n    metadata: { labels: { a: b } }\n    spec:\n      containers: [{ name: a, image: x:1 }]\n`;
    const [d] = expectCode(ds('{ maxSurge: 1 }'), 'rolling-update-stuck', 1);
    assert.match(d!.message, /maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero/);
    expectCode(ds('{ maxSurge: 1, maxUnavailable: 0 }'), 'rolling-update-stuck', 0);
    expectCode(ds('{ maxUnavailable: 0 }'), 'rolling-update-stuck', 1);
  });
});

describe('negative-job-field', () => {
  const JOB = (spec: string) => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n${spec}\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - { name: a, image: x:1 }\n`;
  it('rejects negative counts and durations of a Job, in the API server\'s words, on the value', () => {
    const text = JOB('  parallelism: -1\n  completions: 3\n  activeDeadlineSeconds: -300\n  backoffLimit: -1\n  ttlSecondsAfterFinished: -5');
    const found = expectCode(text, 'negative-job-field', 4);
    assert.deepEqual(found.map((d) => covered(text, d)), ['-1', '-300', '-1', '-5']);
    assert.match(found[1]!.message, /^spec\.activeDeadlineSeconds: Invalid value: -300: must be greater than or equal to 0\./);
    assert.equal(found[0]!.severity, 'error');
  });
  it('accepts zero, positive values and absent fields', () => {
    expectCode(JOB('  parallelism: 0\n  backoffLimit: 0\n  activeDeadlineSeconds: 60\n  ttlSecondsAfterFinished: 0'), 'negative-job-field', 0);
    expectNoErrors(JOB('  completions: 1'));
  });
  it('checks a CronJob\'s own limits and its job template', () => {
    const text = `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "0 * * * *"\n  startingDeadlineSeconds: -10\n  successfulJobsHistoryLimit: 0\n  failedJobsHistoryLimit: -1\n  jobTemplate:\n    spec:\n      backoffLimit: -2\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - { name: a, image: x:1 }\n`;
    const found = expectCode(text, 'negative-job-field', 3);
    assert.deepEqual(found.map((d) => d.message.split(':')[0]), ['spec.startingDeadlineSeconds', 'spec.failedJobsHistoryLimit', 'spec.jobTemplate.spec.backoffLimit']);
  });
  it('does not apply to other kinds', () => {
    expectCode(`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  backoffLimit: -1\n  selector: { matchLabels: { a: b } }\n  template:\n    metadata: { labels: { a: b } }\n    spec:\n      containers:\n        - { name: a, image: x:1 }\n`, 'negative-job-field', 0);
  });
});

describe('cronjob-job-selector', () => {
  const CRON = (jobSpec: string) => `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n${jobSpec}      template:\n        metadata: { labels: { app: c, tier: batch } }\n        spec:\n          restartPolicy: Never\n          containers:\n            - { name: a, image: x:1 }\n`;
  it('a selector in the job template, in the API server\'s words with the selector as Go\'s JSON', () => {
    const text = CRON('      selector:\n        matchLabels: { tier: batch, app: c }\n        matchExpressions:\n          - { key: env, operator: In, values: [prod, "1"] }\n');
    const [d] = expectCode(text, 'cronjob-job-selector', 1);
    assert.equal(d!.message.split('. ')[0], 'spec.jobTemplate.spec.selector: Invalid value: {"matchLabels":{"app":"c","tier":"batch"},"matchExpressions":[{"key":"env","operator":"In","values":["prod","1"]}]}: `selector` will be auto-generated');
    assert.equal(covered(text, d!), 'selector');
    assert.equal(d!.severity, 'error');
  });
  it('manualSelector: true, and an empty selector, each refused', () => {
    const found = expectCode(CRON('      manualSelector: true\n      selector: {}\n'), 'cronjob-job-selector', 2);
    assert.match(found[0]!.message, /^spec\.jobTemplate\.spec\.selector: Invalid value: \{\}: `selector` will be auto-generated\./);
    assert.match(found[1]!.message, /^spec\.jobTemplate\.spec\.manualSelector: Unsupported value: true: supported values: "nil", "false"\./);
  });
  it('quiet without them, with manualSelector: false, and for a Job (workload-selector checks a Job\'s)', () => {
    expectCode(CRON(''), 'cronjob-job-selector', 0);
    expectCode(CRON('      manualSelector: false\n      selector: null\n'), 'cronjob-job-selector', 0);
    expectCode(`apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  manualSelector: true\n  selector: { matchLabels: { app: j } }\n  template:\n    metadata: { labels: { app: j } }\n    spec:\n      restartPolicy: Never\n      containers:\n        - { name: a, image: x:1 }\n`, 'cronjob-job-selector', 0);
  });
});
