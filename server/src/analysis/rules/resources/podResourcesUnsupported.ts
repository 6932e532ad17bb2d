/**
 * Pod-level `spec.resources` needs PodLevelResources (beta, on by default, in 1.34). On older
 * targets the API server drops the field silently, so the pod runs without the budget you wrote.
 * https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#pod-level-resource-specification
 */
import * as l10n from '@vscode/l10n';
import { entry, isMap } from '../../../model/tree';
import { featureEnabled, formatKubeVersion } from '../../../model/version';
import type { Rule } from '../rule';
import { specPathOf } from '../shared/fieldPaths';

export const podResourcesUnsupported: Rule = {
  code: 'pod-resources-unsupported',
  severity: 'error',
  summary: () => l10n.t('Pod-level resources with a target version before 1.34.'),
  docUrl: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#pod-level-resource-specification',
  check({ analysis: { pod }, version }) {
    if (featureEnabled(version, 'PodLevelResources')) return [];
    const e = entry(pod.spec, 'resources');
    if (!e || !isMap(e.value) || e.value.entries.length === 0) return [];
    return [{
      span: e.keySpan,
      message: l10n.t('{0}.resources: pod-level resources need Kubernetes 1.34 or later (PodLevelResources); the target version {1} drops this field without an error, so the pod gets no pod-level requests or limits and its QoS class comes from the containers alone. Set resources on the containers, or raise the target version.', specPathOf(pod), formatKubeVersion(version)),
    }];
  },
};
