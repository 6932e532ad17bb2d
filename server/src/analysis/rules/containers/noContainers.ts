/**
 * A pod needs at least one app container. Spec: pkg/apis/core/validation validateContainers
 * (`field.Required(fldPath, "")` when the list is empty).
 * https://kubernetes.io/docs/concepts/workloads/pods/
 */
import * as l10n from '@vscode/l10n';
import { entry, isSeq } from '../../../model/tree';
import type { Rule } from '../rule';
import { specPathOf } from '../shared/fieldPaths';
import { keySpan, specKeySpan } from '../shared/spans';
import { isPresentNull } from '../shared/values';

export const noContainers: Rule = {
  code: 'no-containers',
  severity: 'error',
  summary: () => l10n.t('A pod spec has no app containers.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/',
  check({ analysis: { pod } }) {
    const e = entry(pod.spec, 'containers');
    if ((isSeq(e?.value) && e!.value.items.length > 0) || isPresentNull(e)) return [];
    return [{
      span: keySpan(e, specKeySpan(pod)),
      message: l10n.t('{0}.containers: Required value. A pod needs at least one container in spec.containers; init containers and sidecars alone are not enough.', specPathOf(pod)),
    }];
  },
};
