/**
 * Regular init containers run once, to completion, before the app containers start, so the API
 * server forbids probes and lifecycle hooks on them. Only sidecars (init containers with
 * `restartPolicy: Always`) may set them.
 * Spec: pkg/apis/core/validation validateInitContainers.
 * https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#differences-from-regular-containers
 */
import * as l10n from '@vscode/l10n';
import { isDropped } from '../../../model/droppedFields';
import { entry } from '../../../model/tree';
import { featureEnabled } from '../../../model/version';
import type { Rule, RuleFinding } from '../rule';
import { containerOf, field, fix } from '../../fixes/context';
import type { FixInput, QuickFix } from '../../fixes/context';
import { makeSidecarEdit } from '../../fixes/sidecar';
import { removeEntry } from '../../fixes/text';
import { containerPath } from '../shared/fieldPaths';
import { keySpan } from '../shared/spans';

const FIELDS = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const;

export const initContainerForbiddenField: Rule = {
  code: 'init-container-forbidden-field',
  severity: 'error',
  summary: () => l10n.t('A regular init container sets a probe or lifecycle hooks.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#differences-from-regular-containers',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    for (const c of pod.containers) {
      // role 'init' also covers `restartPolicy: Always` before 1.29, where the API server drops it.
      if (c.role !== 'init') continue;
      for (const key of FIELDS) {
        const e = entry(c.node, key);
        if (!e || e.value === undefined || (e.value.type === 'scalar' && e.value.value === null)) continue;
        // A lifecycle left empty by a dropped sleep action is removed before validation (droppedFields.ts).
        if (isDropped(pod.dropped, e)) continue;
        out.push({
          span: keySpan(e, c.span),
          message: l10n.t('{0}.{1}: Forbidden: may not be set for init containers without restartPolicy=Always. A regular init container runs once to completion before the app containers start, so it has no probes or lifecycle hooks. Remove {1}, or make this container a sidecar with restartPolicy: Always (Kubernetes 1.29+).', containerPath(pod, c), key),
          data: { container: { list: c.listKey, index: c.index }, field: key },
        });
      }
    }
    return out;
  },
  fixes: initContainerFieldFixes,
};

function initContainerFieldFixes(input: FixInput): QuickFix[] {
  const c = containerOf(input);
  const key = field(input.finding.data, 'field');
  if (!c || c.listKey !== 'initContainers' || typeof key !== 'string') return [];
  const e = entry(c.node, key);
  const out: QuickFix[] = [];
  if (e) out.push(...fix(l10n.t('Remove {0} from init container "{1}"', key, c.name), [removeEntry(input.text, c.node, e)]));
  if (featureEnabled(input.version, 'SidecarContainers')) {
    out.push(...fix(l10n.t('Make "{0}" a sidecar (restartPolicy: Always)', c.name), [makeSidecarEdit(input.text, c)]));
  }
  return out;
}
