/**
 * A Job's per-index back-off (JobBackoffLimitPerIndex: beta, on by default, in 1.29; GA 1.33):
 * `backoffLimitPerIndex` and `maxFailedIndexes` only work with `completionMode: Indexed`,
 * `maxFailedIndexes` needs `backoffLimitPerIndex` and at most `completions`, and the pod failure
 * policy action FailIndex needs `backoffLimitPerIndex`. Below 1.29 the fields are dropped.
 * Spec: pkg/apis/batch/validation validateJobSpec and validatePodFailurePolicyRule.
 * https://kubernetes.io/docs/concepts/workloads/controllers/job/#backoff-limit-per-index
 */
import * as l10n from '@vscode/l10n';
import { isDropped } from '../../../model/droppedFields';
import { entry, get, int, isMap, items, str } from '../../../model/tree';
import { featureEnabled } from '../../../model/version';
import type { Rule, RuleFinding } from '../rule';
import { jobSpecOf } from '../shared/podParts';
import { valueSpan } from '../shared/spans';

export const invalidJobBackoffPerIndex: Rule = {
  code: 'invalid-job-backoff-per-index',
  severity: 'error',
  summary: () => l10n.t('backoffLimitPerIndex or maxFailedIndexes that the API server rejects for this Job.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/#backoff-limit-per-index',
  check({ analysis: { pod }, version }) {
    const job = jobSpecOf(pod);
    // Below the gate's alpha the API has no such field; from it until the gate is on the API server drops the
    // field before validation (model/droppedFields.ts), so nothing here is validated.
    if (!job || !featureEnabled(version, 'JobBackoffLimitPerIndex')) return [];
    const { node: spec, path } = job;
    const out: RuleFinding[] = [];
    const kept = (key: string) => { const e = entry(spec, key); return isDropped(pod.dropped, e) ? undefined : e; };
    const perIndexEntry = kept('backoffLimitPerIndex');
    const perIndex = int(perIndexEntry?.value);
    const maxEntry = kept('maxFailedIndexes');
    const maxFailed = int(maxEntry?.value);
    const mode = str(get(spec, 'completionMode'));
    const completions = int(get(spec, 'completions'));
    if (maxFailed !== undefined && perIndex === undefined) {
      out.push({ span: maxEntry!.keySpan, message: l10n.t('{0}.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified. maxFailedIndexes counts indexes that used up their own back-off limit; set backoffLimitPerIndex too.', path) });
    }
    if (mode === 'Indexed') {
      if (maxFailed !== undefined && completions !== undefined && maxFailed > completions) {
        out.push({ span: valueSpan(maxEntry, maxEntry!.keySpan), message: l10n.t('{0}.maxFailedIndexes: Invalid value: {1}: must be less than or equal to completions.', path, maxFailed) });
      }
    } else if (mode === undefined || mode === 'NonIndexed') {
      if (perIndex !== undefined) {
        out.push({ span: valueSpan(perIndexEntry, perIndexEntry!.keySpan), message: l10n.t('{0}.backoffLimitPerIndex: Invalid value: {1}: requires indexed completion mode. Per-index back-off counts failures of each completion index; add completionMode: Indexed and completions.', path, perIndex) });
      }
      if (maxFailed !== undefined) {
        out.push({ span: valueSpan(maxEntry, maxEntry!.keySpan), message: l10n.t('{0}.maxFailedIndexes: Invalid value: {1}: requires indexed completion mode.', path, maxFailed) });
      }
    }
    if (perIndex === undefined) {
      items(get(get(spec, 'podFailurePolicy'), 'rules')).forEach((rule, i) => {
        if (!isMap(rule)) return;
        const action = entry(rule, 'action');
        if (str(action?.value) !== 'FailIndex' || isDropped(pod.dropped, action)) return;
        out.push({
          span: valueSpan(action, action!.keySpan),
          message: l10n.t('{0}.podFailurePolicy.rules[{1}].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set. FailIndex fails one completion index; without per-index back-off there are no indexes to fail.', path, i),
        });
      });
    }
    return out;
  },
};
