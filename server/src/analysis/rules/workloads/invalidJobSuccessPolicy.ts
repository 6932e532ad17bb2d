/**
 * A Job's `successPolicy` (JobSuccessPolicy: beta, on by default, in 1.31; GA 1.33) declares the Job
 * succeeded early once some completion indexes succeed. It needs `completionMode: Indexed`, at least
 * one rule, and each rule a `succeededCount` and/or `succeededIndexes`; a count may not exceed
 * `completions`. Below 1.31 the field is dropped. (The succeededIndexes syntax is not checked here.)
 * Spec: pkg/apis/batch/validation validateJobSpec, validateSuccessPolicy, validateSuccessPolicyRule
 * (the whole policy is printed as Go's internal struct: `{"Rules":[{"SucceededIndexes":null,"SucceededCount":1}]}`).
 * https://kubernetes.io/docs/concepts/workloads/controllers/job/#success-policy
 */
import * as l10n from '@vscode/l10n';
import { isDropped } from '../../../model/droppedFields';
import { entry, get, int, isMap, isSeq, items, str } from '../../../model/tree';
import type { YNode } from '../../../model/tree';
import { featureEnabled } from '../../../model/version';
import type { Rule, RuleFinding } from '../rule';
import { jobSpecOf } from '../shared/podParts';
import { valueSpan } from '../shared/spans';

/** batch.SuccessPolicy as field.Invalid prints it (JSON of the internal type, Go field names). */
function goSuccessPolicy(policy: YNode | undefined): string {
  const rules = get(policy, 'rules');
  const list = isSeq(rules)
    ? `[${rules.items.map((r) => `{"SucceededIndexes":${str(get(r, 'succeededIndexes')) !== undefined ? JSON.stringify(str(get(r, 'succeededIndexes'))) : 'null'},"SucceededCount":${int(get(r, 'succeededCount')) ?? 'null'}}`).join(',')}]`
    : 'null';
  return `{"Rules":${list}}`;
}

export const invalidJobSuccessPolicy: Rule = {
  code: 'invalid-job-success-policy',
  severity: 'error',
  summary: () => l10n.t('A Job successPolicy that the API server rejects.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/#success-policy',
  check({ analysis: { pod }, version }) {
    const job = jobSpecOf(pod);
    // Below the gate's alpha the API has no such field; from it until the gate is on the API server drops the
    // field before validation (model/droppedFields.ts), so nothing here is validated.
    if (!job || !featureEnabled(version, 'JobSuccessPolicy')) return [];
    const e = entry(job.node, 'successPolicy');
    if (!e || !isMap(e.value) || isDropped(pod.dropped, e)) return [];
    const path = `${job.path}.successPolicy`;
    if (str(get(job.node, 'completionMode')) !== 'Indexed') {
      return [{
        span: e.keySpan,
        message: l10n.t('{0}: Invalid value: {1}: requires indexed completion mode. A success policy names completion indexes; add completionMode: Indexed and completions.', path, goSuccessPolicy(e.value)),
      }];
    }
    const out: RuleFinding[] = [];
    const rules = entry(e.value, 'rules');
    if (items(rules?.value).length === 0) {
      out.push({ span: rules?.keySpan ?? e.keySpan, message: l10n.t('{0}.rules: Required value: at least one rules must be specified when the successPolicy is specified.', path) });
    }
    const completions = int(get(job.node, 'completions'));
    items(rules?.value).forEach((rule, i) => {
      if (!isMap(rule)) return;
      const count = entry(rule, 'succeededCount');
      const countValue = int(count?.value);
      if (countValue === undefined && str(get(rule, 'succeededIndexes')) === undefined) {
        out.push({ span: rule.entries[0]?.keySpan ?? rules!.keySpan, message: l10n.t('{0}.rules[{1}]: Required value: at least one of succeededCount or succeededIndexes must be specified.', path, i) });
      }
      if (countValue === undefined) return;
      if (countValue < 0) {
        out.push({ span: valueSpan(count, count!.keySpan), message: l10n.t('{0}.rules[{1}].succeededCount: Invalid value: {2}: must be greater than or equal to 0.', path, i, countValue) });
      }
      if (completions !== undefined && countValue > completions) {
        out.push({ span: valueSpan(count, count!.keySpan), message: l10n.t('{0}.rules[{1}].succeededCount: Invalid value: {2}: must be less than or equal to {3} (the number of specified completions). The Job can never have more succeeded indexes than completions.', path, i, countValue, completions) });
      }
    });
    return out;
  },
};
