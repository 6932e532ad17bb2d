/**
 * `securityContext.supplementalGroupsPolicy` (SupplementalGroupsPolicy: beta, on by default, in 1.33;
 * GA 1.35): Merge (the default: the image's /etc/group memberships are added) or Strict (only the
 * groups written in the pod spec). A Windows pod may not set it. Below 1.33 the API server drops it.
 * Spec: pkg/apis/core/validation validateSupplementalGroupsPolicy and validateWindows.
 * https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#configure-fine-grained-supplementalgroups-control-for-a-pod
 */
import * as l10n from '@vscode/l10n';
import { isDropped } from '../../../model/droppedFields';
import { entry, get, getPath, isScalar, str } from '../../../model/tree';
import { featureEnabled } from '../../../model/version';
import type { Rule, RuleFinding } from '../rule';
import { q, specPathOf } from '../shared/fieldPaths';
import { valueSpan } from '../shared/spans';
import { isPresentNull } from '../shared/values';

export const invalidSupplementalGroupsPolicy: Rule = {
  code: 'invalid-supplemental-groups-policy',
  severity: 'error',
  summary: () => l10n.t('supplementalGroupsPolicy is not Merge or Strict, or is set on a Windows pod.'),
  docUrl: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#configure-fine-grained-supplementalgroups-control-for-a-pod',
  check({ analysis: { pod }, version }) {
    // Below the gate's alpha the API has no such field; from it until the gate is on the API server drops the
    // field before validation (model/droppedFields.ts), so nothing here is validated.
    if (!featureEnabled(version, 'SupplementalGroupsPolicy')) return [];
    const e = entry(get(pod.spec, 'securityContext'), 'supplementalGroupsPolicy');
    if (!e || isDropped(pod.dropped, e) || isPresentNull(e) || !isScalar(e.value) || typeof e.value.value !== 'string') return [];
    const value = e.value.value;
    const path = `${specPathOf(pod)}.securityContext.supplementalGroupsPolicy`;
    const out: RuleFinding[] = [];
    if (str(getPath(pod.spec, ['os', 'name'])) === 'windows') {
      out.push({ span: e.keySpan, message: l10n.t('{0}: Forbidden: cannot be set for a windows pod. Supplemental groups are a Linux feature; remove the field.', path) });
    }
    if (value !== 'Merge' && value !== 'Strict') {
      out.push({
        span: valueSpan(e, e.keySpan),
        message: l10n.t('{0}: Unsupported value: {1}: supported values: "Merge", "Strict". Merge (the default) adds the groups the image\'s /etc/group gives the user; Strict uses only the groups in the pod spec.', path, q(value)),
      });
    }
    return out;
  },
};
