/**
 * Sidecars (init containers with restartPolicy: Always) need SidecarContainers, on by default from
 * 1.29. On older targets the API server drops the container's restartPolicy: the "sidecar" becomes
 * a regular init container that must exit before the app starts, so a long-running sidecar blocks
 * pod start forever (and its probes/lifecycle are then rejected).
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 */
import * as l10n from '@vscode/l10n';
import { entry } from '../../../model/tree';
import { featureEnabled, formatKubeVersion } from '../../../model/version';
import type { Rule, RuleFinding } from '../rule';
import { containerPath } from '../shared/fieldPaths';
import { valueSpan } from '../shared/spans';

export const sidecarUnsupportedVersion: Rule = {
  code: 'sidecar-unsupported-version',
  severity: 'error',
  summary: () => l10n.t('A sidecar container targets a Kubernetes version before 1.29.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/',
  check({ analysis: { pod }, version }) {
    if (featureEnabled(version, 'SidecarContainers')) return [];
    const out: RuleFinding[] = [];
    for (const c of pod.containers) {
      if (c.listKey !== 'initContainers' || c.restartPolicy !== 'Always') continue;
      out.push({
        span: valueSpan(entry(c.node, 'restartPolicy'), c.span),
        message: l10n.t('{0}.restartPolicy: sidecar containers need Kubernetes 1.29 or later (SidecarContainers); the target version {1} drops this field, so "{2}" becomes a regular init container that must exit before the app containers start. If it keeps running, the pod never starts. Raise the target version, or move it to spec.containers.', containerPath(pod, c), formatKubeVersion(version), c.name),
        data: { container: { list: c.listKey, index: c.index } },
      });
    }
    return out;
  },
};
