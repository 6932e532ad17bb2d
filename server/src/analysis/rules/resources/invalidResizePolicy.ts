/**
 * A container's `resizePolicy` (InPlacePodVerticalScaling: beta, on by default, in 1.33; GA 1.35):
 * one entry per resource, only cpu and memory, policy NotRequired or RestartContainer, and only
 * NotRequired in a pod whose restartPolicy is Never. From 1.36 a regular (non-sidecar) init container
 * may not use RestartContainer. Below 1.33 the API server drops the field (dropDisabledFields).
 * Spec: pkg/apis/core/validation validateResizePolicy (the errors are on the list path, except
 * Duplicate) and validateInitContainers; the Never wording gained "pod" in 1.36.
 * https://kubernetes.io/docs/tasks/configure-pod-container/resize-container-resources/
 */
import * as l10n from '@vscode/l10n';
import { isDropped } from '../../../model/droppedFields';
import { entry, get, isMap, isScalar, items } from '../../../model/tree';
import type { YEntry, YMap } from '../../../model/tree';
import { atLeast, featureEnabled } from '../../../model/version';
import type { Rule, RuleFinding } from '../rule';
import { containerPath, q } from '../shared/fieldPaths';
import { containerAnchor, keySpan, valueSpan } from '../shared/spans';
import { isPresentNull } from '../shared/values';

function written(e: YEntry | undefined): string | undefined {
  if (!e) return '';
  if (isPresentNull(e)) return undefined;
  return isScalar(e.value) && typeof e.value.value === 'string' ? e.value.value : undefined;
}

export const invalidResizePolicy: Rule = {
  code: 'invalid-resize-policy',
  severity: 'error',
  summary: () => l10n.t('A container\'s resizePolicy that the API server rejects.'),
  docUrl: 'https://kubernetes.io/docs/tasks/configure-pod-container/resize-container-resources/',
  check({ analysis: { pod }, version }) {
    // Below the gate's alpha the API has no such field; from it until the gate is on the API server drops the
    // field before validation (model/droppedFields.ts), so nothing here is validated.
    if (!featureEnabled(version, 'InPlacePodVerticalScaling')) return [];
    const never = pod.restartPolicy.value === 'Never';
    const out: RuleFinding[] = [];
    for (const c of pod.containers) {
      if (c.listKey === 'ephemeralContainers') continue;
      const list = `${containerPath(pod, c)}.resizePolicy`;
      const seen = new Set<string>();
      const field = entry(c.node, 'resizePolicy');
      if (isDropped(pod.dropped, field)) continue;
      items(field?.value).forEach((item, j) => {
        if (!isMap(item)) return;
        const at = (e: YEntry | undefined) => (e ? valueSpan(e, e.keySpan) : firstKey(item, containerAnchor(c)));
        const nameEntry = entry(item, 'resourceName');
        const name = written(nameEntry);
        if (name !== undefined) {
          if (seen.has(name)) {
            out.push({ span: at(nameEntry), message: l10n.t('{0}[{1}]: Duplicate value: {2}. Each resource may have one resize policy.', list, j, q(name)) });
          }
          seen.add(name);
          if (name === '') out.push({ span: keySpan(nameEntry, firstKey(item, containerAnchor(c))), message: l10n.t('{0}: Required value. Each resize policy names a resource (cpu or memory).', list) });
          else if (name !== 'cpu' && name !== 'memory') {
            out.push({ span: at(nameEntry), message: l10n.t('{0}: Unsupported value: {1}: supported values: "cpu", "memory". Only cpu and memory can be resized in place.', list, q(name)) });
          }
        }
        const policyEntry = entry(item, 'restartPolicy');
        const policy = written(policyEntry);
        if (policy === undefined) return;
        if (policy === '') out.push({ span: keySpan(policyEntry, firstKey(item, containerAnchor(c))), message: l10n.t('{0}: Required value. Each resize policy says whether a resize restarts the container (NotRequired or RestartContainer).', list) });
        else if (policy !== 'NotRequired' && policy !== 'RestartContainer') {
          out.push({ span: at(policyEntry), message: l10n.t('{0}: Unsupported value: {1}: supported values: "NotRequired", "RestartContainer".', list, q(policy)) });
        }
        if (never && policy !== 'NotRequired') {
          out.push({
            span: at(policyEntry),
            message: atLeast(version, 36)
              ? l10n.t('{0}: Invalid value: {1}: must be \'NotRequired\' when pod `restartPolicy` is \'Never\'. A container that is never restarted cannot be restarted to apply a resize.', list, q(policy))
              : l10n.t('{0}: Invalid value: {1}: must be \'NotRequired\' when `restartPolicy` is \'Never\'. A container that is never restarted cannot be restarted to apply a resize.', list, q(policy)),
          });
        }
        if (c.role === 'init' && policy === 'RestartContainer' && atLeast(version, 36)) {
          out.push({
            span: at(policyEntry),
            message: l10n.t('{0}[{1}].restartPolicy: Invalid value: "RestartContainer": must not be set to \'RestartContainer\' for non-sidecar initContainers. An init container runs to completion and is not resized; only sidecars (restartPolicy: Always) may restart to resize.', list, j),
          });
        }
      });
    }
    return out;
  },
};

function firstKey(item: YMap, fallback: RuleFinding['span']): RuleFinding['span'] {
  return item.entries[0]?.keySpan ?? fallback;
}
