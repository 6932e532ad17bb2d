/**
 * Ephemeral (debug) containers may not declare ports, probes, resources, lifecycle hooks, a resize
 * policy or a restartPolicy: they are not part of the workload. Pod templates may not contain
 * ephemeral containers at all, and a Pod cannot be created with them (they are added later with
 * `kubectl debug`).
 * targetContainerName must name an init or app container.
 * Spec: pkg/apis/core/validation validateEphemeralContainers (allowedEphemeralContainerFields, targetContainerName),
 * ValidatePodTemplateSpec, ValidatePodCreate.
 * https://kubernetes.io/docs/concepts/workloads/pods/ephemeral-containers/
 */
import * as l10n from '@vscode/l10n';
import { isDropped } from '../../../model/droppedFields';
import { entry, isMap, isScalar, isSeq } from '../../../model/tree';
import type { YNode } from '../../../model/tree';
import type { Rule, RuleFinding } from '../rule';
import { containerPath, specPathOf } from '../shared/fieldPaths';

const FORBIDDEN = ['ports', 'resources', 'resizePolicy', 'restartPolicy', 'restartPolicyRules', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle'];

/** reflect.DeepEqual with the zero value, approximately: null, empty string, and empty maps count as unset. */
function isSet(n: YNode | undefined): boolean {
  if (n === undefined) return false;
  if (isScalar(n)) return n.value !== null && n.value !== '' && n.value !== false && n.value !== 0;
  if (isMap(n)) return n.entries.some((e) => isSet(e.value));
  return isSeq(n) && n.items.length > 0;
}

export const ephemeralContainerField: Rule = {
  code: 'ephemeral-container-field',
  severity: 'error',
  summary: () => l10n.t('An ephemeral container sets a forbidden field, or ephemeral containers are written in a manifest.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/ephemeral-containers/',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    const list = entry(pod.spec, 'ephemeralContainers');
    if (list && isSeq(list.value) && list.value.items.length > 0) {
      out.push({
        span: list.keySpan,
        message: pod.kind === 'Pod'
          ? l10n.t('{0}.ephemeralContainers: Forbidden: cannot be set on create. Ephemeral containers are added to a running pod with kubectl debug (the ephemeralcontainers subresource), not written in the manifest.', specPathOf(pod))
          : l10n.t('{0}.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template. Ephemeral containers are added to a running pod with kubectl debug; remove them from the template.', specPathOf(pod)),
        data: { field: 'ephemeralContainers' },
      });
    }
    const others = new Set(pod.containers.filter((c) => c.role !== 'ephemeral').map((c) => c.name));
    for (const c of pod.containers) {
      if (c.role !== 'ephemeral') continue;
      // validateEphemeralContainers: the target must name an init or app container of the same pod.
      const target = entry(c.node, 'targetContainerName');
      if (target && isScalar(target.value) && typeof target.value.value === 'string' && target.value.value !== '' && !others.has(target.value.value)) {
        out.push({
          span: target.value.span.end > target.value.span.start ? target.value.span : target.keySpan,
          message: l10n.t('{0}.targetContainerName: Not found: {1}. The ephemeral container shares the process namespace of the container it targets, which must be an init or app container of this pod.', containerPath(pod, c), JSON.stringify(target.value.value)),
        });
      }
      for (const key of FORBIDDEN) {
        const e = entry(c.node, key);
        // Dropped before validation when its gate is off (droppedFields.ts): never reaches the allow-list check.
        if (!e || !isSet(e.value) || isDropped(pod.dropped, e)) continue;
        out.push({
          span: e.keySpan,
          message: l10n.t('{0}.{1}: Forbidden: cannot be set for an Ephemeral Container. Ephemeral containers are for debugging: they get no ports, probes, resources, lifecycle hooks or restart policy, and are never restarted.', containerPath(pod, c), key),
          data: { container: { list: c.listKey, index: c.index }, field: key },
        });
      }
    }
    return out;
  },
};
