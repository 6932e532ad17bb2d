/**
 * A Job's counts and durations, and a CronJob's, are non-negative: parallelism, completions,
 * activeDeadlineSeconds, backoffLimit, ttlSecondsAfterFinished, backoffLimitPerIndex, maxFailedIndexes; a
 * CronJob's startingDeadlineSeconds and history limits. Below zero the API server rejects the object.
 * Spec: pkg/apis/batch/validation validateJobSpec and validateCronJobSpec (ValidateNonnegativeField).
 * https://kubernetes.io/docs/concepts/workloads/controllers/job/
 */
import * as l10n from '@vscode/l10n';
import { isDropped } from '../../../model/droppedFields';
import { entry, get, int, isMap } from '../../../model/tree';
import type { YMap } from '../../../model/tree';
import type { Rule, RuleFinding } from '../rule';
import { jobSpecOf } from '../shared/podParts';
import { valueSpan } from '../shared/spans';

const JOB_FIELDS = ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes'];
const CRON_JOB_FIELDS = ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'];

export const negativeJobField: Rule = {
  code: 'negative-job-field',
  severity: 'error',
  summary: () => l10n.t('A Job or CronJob count or duration below zero.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    const check = (spec: YMap, path: string, keys: readonly string[]) => {
      for (const key of keys) {
        const e = entry(spec, key);
        const value = int(e?.value);
        if (value === undefined || value >= 0 || isDropped(pod.dropped, e)) continue;
        out.push({
          span: valueSpan(e, e!.keySpan),
          message: l10n.t('{0}.{1}: Invalid value: {2}: must be greater than or equal to 0. Counts and durations of a Job cannot be negative; use 0 or remove the field for the default.', path, key, value),
        });
      }
    };
    if (pod.kind === 'CronJob') {
      const spec = get(pod.root, 'spec');
      if (isMap(spec)) check(spec, 'spec', CRON_JOB_FIELDS);
    }
    const job = jobSpecOf(pod);
    if (job) check(job.node, job.path, JOB_FIELDS);
    return out;
  },
};
