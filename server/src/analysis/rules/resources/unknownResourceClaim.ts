/**
 * A container's `resources.claims` (DynamicResourceAllocation: GA, on by default, in 1.34) must name
 * entries of the pod's `spec.resourceClaims`, each claim (or claim/request) once, with a request name
 * that is a DNS label. Below 1.34 the API server drops both fields (dropDisabledDynamicResourceAllocationFields).
 * Spec: pkg/apis/core/validation validateResourceClaimNames (NotFound with the sorted list of names, or
 * "which is empty") and gatherPodResourceClaimNames (empty names are not counted).
 * https://kubernetes.io/docs/concepts/scheduling-eviction/dynamic-resource-allocation/
 */
import * as l10n from '@vscode/l10n';
import { isDropped } from '../../../model/droppedFields';
import { entry, get, isMap, isScalar, items, str } from '../../../model/tree';
import { featureEnabled } from '../../../model/version';
import type { Rule, RuleFinding } from '../rule';
import { containerPath, q } from '../shared/fieldPaths';
import { dns1123LabelErrors } from '../shared/names';
import { keySpan, nodeSpan, valueSpan } from '../shared/spans';
import { isPresentNull } from '../shared/values';

export const unknownResourceClaim: Rule = {
  code: 'unknown-resource-claim',
  severity: 'error',
  summary: () => l10n.t('A container\'s resources.claims entry that does not match the pod\'s spec.resourceClaims.'),
  docUrl: 'https://kubernetes.io/docs/concepts/scheduling-eviction/dynamic-resource-allocation/',
  check({ analysis: { pod }, version }) {
    // Below the gate's alpha the API has no such field; from it until the gate is on the API server drops the
    // field before validation (model/droppedFields.ts), so nothing here is validated.
    if (!featureEnabled(version, 'DynamicResourceAllocation')) return [];
    const podClaimsEntry = entry(pod.spec, 'resourceClaims');
    const podClaims = [...new Set(items(isDropped(pod.dropped, podClaimsEntry) ? undefined : podClaimsEntry?.value).map((c) => str(get(c, 'name')) ?? '').filter((n) => n !== ''))].sort();
    const out: RuleFinding[] = [];
    for (const c of pod.containers) {
      if (c.listKey === 'ephemeralContainers') continue;
      const claimsEntry = entry(get(c.node, 'resources'), 'claims');
      if (isDropped(pod.dropped, claimsEntry)) continue;
      const claimsNode = claimsEntry?.value;
      const names = new Set<string>();
      items(claimsNode).forEach((item, i) => {
        if (!isMap(item)) return;
        const path = `${containerPath(pod, c)}.resources.claims[${i}]`;
        const nameEntry = entry(item, 'name');
        if (isPresentNull(nameEntry)) return;
        const name = nameEntry && isScalar(nameEntry.value) && typeof nameEntry.value.value === 'string' ? nameEntry.value.value : nameEntry ? undefined : '';
        if (name === undefined) return;
        const fallback = item.entries[0]?.keySpan ?? nodeSpan(item, c.span);
        if (name === '') {
          out.push({ span: keySpan(nameEntry, fallback), message: l10n.t('{0}: Required value. Name the entry of spec.resourceClaims this container uses.', path) });
          return;
        }
        const at = nameEntry ? valueSpan(nameEntry, fallback) : fallback;
        const request = str(get(item, 'request')) ?? '';
        if (names.has(name)) {
          out.push({ span: at, message: l10n.t('{0}: Duplicate value: {1}. The container already uses every request of this claim.', path, q(name)) });
        } else {
          let key = name;
          if (request !== '') {
            for (const detail of dns1123LabelErrors(request)) {
              out.push({ span: valueSpan(entry(item, 'request'), fallback), message: l10n.t('{0}.request: Invalid value: {1}: {2}.', path, q(request), detail) });
            }
            key += `/${request}`;
          }
          if (names.has(key)) out.push({ span: at, message: l10n.t('{0}: Duplicate value: {1}. The container already uses this claim request.', path, q(key)) });
          else if (request === '') {
            for (const k of names) if (k.startsWith(`${name}/`)) out.push({ span: at, message: l10n.t('{0}: Duplicate value: {1}. The container already uses a request of this claim; naming the whole claim repeats it.', path, q(name)) });
          }
          names.add(key);
        }
        if (!podClaims.includes(name)) {
          out.push({
            span: at,
            message: podClaims.length === 0
              ? l10n.t('{0}: Not found: {1}: must be one of the names in pod.spec.resourceClaims which is empty. Add a spec.resourceClaims entry with this name (it points at a ResourceClaim or ResourceClaimTemplate).', path, q(name))
              : l10n.t('{0}: Not found: {1}: must be one of the names in pod.spec.resourceClaims: {2}. A container can only use claims the pod lists in spec.resourceClaims.', path, q(name), podClaims.join(', ')),
          });
        }
      });
    }
    return out;
  },
};
