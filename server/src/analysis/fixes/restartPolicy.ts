/**
 * The pod's restartPolicy set to what its kind accepts, for invalid-restart-policy and
 * workload-restart-policy: Always for controllers that keep pods running (or the value the finding
 * suggests), OnFailure or Never for Jobs.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
 */
import * as l10n from '@vscode/l10n';
import { entry } from '../../model/tree';
import { field, fix } from './context';
import type { FixInput, QuickFix } from './context';
import { insertEntry, setValue } from './text';

const JOBS = new Set(['Job', 'CronJob']);

export function restartPolicyFixes(input: FixInput, options: { readonly jobsFollowSuggestion: boolean }): QuickFix[] {
  const { text, analysis: { pod } } = input;
  const suggested = field(input.finding.data, 'value');
  // Jobs: OnFailure first (restart in place), unless the rule follows a suggested Never (e.g. a typo of it).
  // `only`: the finding allows a single value (e.g. Never for a Job with a podFailurePolicy).
  const values = field(input.finding.data, 'only') === true && typeof suggested === 'string' ? [suggested] : JOBS.has(pod.kind)
    ? (options.jobsFollowSuggestion && suggested === 'Never' ? ['Never', 'OnFailure'] : ['OnFailure', 'Never'])
    : typeof suggested === 'string' ? [suggested] : ['Always'];
  const e = entry(pod.spec, 'restartPolicy');
  const containers = entry(pod.spec, 'containers');
  return values.flatMap((v, i) => fix(
    l10n.t('Set restartPolicy to {0}', v),
    [e ? setValue(text, e, v) : insertEntry(text, pod.spec, 'restartPolicy', v, { before: containers })],
    i === 0,
  ));
}
