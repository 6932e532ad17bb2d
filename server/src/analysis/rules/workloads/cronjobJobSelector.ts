/**
 * A CronJob's job template may not set `selector` or `manualSelector: true`: every Job a CronJob creates gets a
 * generated selector (its own controller-uid), so the API server refuses both on create.
 * Spec: pkg/apis/batch/validation ValidateJobTemplateSpec (called by validateCronJobSpec), 1.37.2.
 * https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/
 */
import * as l10n from '@vscode/l10n';
import { isDropped } from '../../../model/droppedFields';
import { entry, getPath, isMap, isScalar, items, str } from '../../../model/tree';
import type { YNode } from '../../../model/tree';
import type { Rule, RuleFinding } from '../rule';
import { valueSpan } from '../shared/spans';

export const cronJobJobSelector: Rule = {
  code: 'cronjob-job-selector',
  severity: 'error',
  summary: () => l10n.t('A CronJob\'s job template sets selector or manualSelector: true, which the API server refuses.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/',
  quietOnTemplates: true,
  check({ analysis: { pod } }) {
    if (pod.kind !== 'CronJob') return [];
    const jobSpec = getPath(pod.root, ['spec', 'jobTemplate', 'spec']);
    if (!isMap(jobSpec)) return [];
    const out: RuleFinding[] = [];
    const selector = entry(jobSpec, 'selector');
    if (selector?.value && !(isScalar(selector.value) && selector.value.value === null) && !isDropped(pod.dropped, selector)) {
      out.push({
        span: selector.keySpan,
        message: l10n.t('spec.jobTemplate.spec.selector: Invalid value: {0}: `selector` will be auto-generated. Each Job a CronJob creates gets a selector of its own (its controller-uid label); remove spec.jobTemplate.spec.selector.', labelSelectorJson(selector.value)),
      });
    }
    const manual = entry(jobSpec, 'manualSelector');
    if (manual?.value && isScalar(manual.value) && manual.value.value === true && !isDropped(pod.dropped, manual)) {
      out.push({
        span: valueSpan(manual, manual.keySpan),
        message: l10n.t('spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: "nil", "false". A CronJob\'s Jobs always get a generated selector; remove manualSelector (and selector) from the job template.'),
      });
    }
    return out;
  },
};

/** A metav1.LabelSelector as Go's encoding/json writes it: matchLabels (keys sorted), then matchExpressions. */
function labelSelectorJson(node: YNode): string {
  if (!isMap(node)) return 'null';
  const parts: string[] = [];
  const labels = entry(node, 'matchLabels')?.value;
  if (isMap(labels) && labels.entries.length > 0) {
    const pairs = labels.entries
      .map((e) => [e.key, isScalar(e.value) && e.value.value !== null ? String(e.value.value) : ''] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    parts.push(`"matchLabels":{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`);
  }
  const expressions = items(entry(node, 'matchExpressions')?.value);
  if (expressions.length > 0) {
    const shown = expressions.map((x) => {
      const values = items(entry(x, 'values')?.value).map((v) => JSON.stringify(isScalar(v) && v.value !== null ? String(v.value) : ''));
      return `{"key":${JSON.stringify(str(entry(x, 'key')?.value) ?? '')},"operator":${JSON.stringify(str(entry(x, 'operator')?.value) ?? '')}${values.length ? `,"values":[${values.join(',')}]` : ''}}`;
    });
    parts.push(`"matchExpressions":[${shown.join(',')}]`);
  }
  return `{${parts.join(',')}}`;
}
