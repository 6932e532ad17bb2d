/**
 * Resource names in requests/limits must be standard (cpu, memory, ephemeral-storage,
 * hugepages-<size>) or fully qualified extended resources (example.com/gpu); pod-level
 * spec.resources only takes the resources PodLevelResources supports.
 * On a Pod, a limit without a request is reported at both paths (shared/copiedRequests.ts).
 * Spec: pkg/apis/core/validation validateContainerResourceName, validatePodResourceName.
 * https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#resource-types
 */
import * as l10n from '@vscode/l10n';
import type { Rule, RuleFinding } from '../rule';
import { q } from '../shared/fieldPaths';
import { alsoAtRequest, copiedRequestPath } from '../shared/copiedRequests';
import { containerResourceNameErrors, podResourceNameErrors } from '../shared/resourceNames';
import { resourceSites, siteData } from '../shared/resourceSites';

export const invalidResourceName: Rule = {
  code: 'invalid-resource-name',
  severity: 'error',
  summary: () => l10n.t('A resource name is not valid for containers or for pod-level resources.'),
  docUrl: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#resource-types',
  check({ analysis, version }) {
    const { pod } = analysis;
    const out: RuleFinding[] = [];
    for (const s of resourceSites(pod)) {
      for (const which of ['limits', 'requests'] as const) {
        for (const e of s[which]) {
          const path = `${s.path}.${which}[${e.name}]`;
          const data = { where: siteData(s), list: which, resource: e.name, suggestion: suggest(e.name) };
          if (s.owner === 'pod') {
            const r = podResourceNameErrors(e.name, version);
            for (const d of r.invalid) out.push({ span: e.keySpan, message: l10n.t('{0}: Invalid value: {1}: {2}. Use cpu, memory, ephemeral-storage, hugepages-<size> or a fully qualified extended resource such as example.com/gpu.', path, q(e.name), d), data });
            if (r.unsupported) {
              out.push({ span: e.keySpan, message: l10n.t('{0}: Unsupported value: {1}: supported values: {2}. Pod-level resources only cover these; set other resources on the containers.', path, q(e.name), r.unsupported), data });
            }
            continue;
          }
          // A Pod's missing request is copied from this limit (SetDefaults_Pod) and validated again.
          const copied = which === 'limits' ? copiedRequestPath(analysis, s, e) : undefined;
          for (const d of containerResourceNameErrors(e.name)) {
            out.push({ span: e.keySpan, message: alsoAtRequest(l10n.t('{0}: Invalid value: {1}: {2}. Use cpu, memory, ephemeral-storage, hugepages-<size> or a fully qualified extended resource such as example.com/gpu.', path, q(e.name), d), copied, q(e.name), d), data });
          }
        }
      }
    }
    return out;
  },
};

/** The standard name a typo most likely meant, if any. */
function suggest(name: string): string | undefined {
  const n = name.toLowerCase().replace(/^(requests|limits)\./, '');
  if (n === 'cpus' || n === 'core' || n === 'cores' || n === 'vcpu') return 'cpu';
  if (n === 'mem' || n === 'ram') return 'memory';
  if (n === 'storage' || n === 'ephemeral_storage' || n === 'ephemeralstorage' || n === 'disk') return 'ephemeral-storage';
  if (['cpu', 'memory', 'ephemeral-storage'].includes(n)) return n;
  return undefined;
}
