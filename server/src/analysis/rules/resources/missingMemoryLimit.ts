/**
 * Without a memory limit a container may use all of the node's memory. A leak then pushes the node
 * into memory pressure, and the kubelet evicts other pods (or the kernel OOM-kills processes of
 * other pods) instead of just this container. Memory cannot be throttled like cpu, so a limit is the
 * only bound. Pod-level `spec.resources.limits.memory` bounds every container and counts too.
 * https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/#if-you-do-not-specify-a-memory-limit
 */
import * as l10n from '@vscode/l10n';
import type { Rule, RuleFinding } from '../rule';
import { containerPath } from '../shared/fieldPaths';
import { longRunning, where } from '../shared/podParts';
import { containerAnchor } from '../shared/spans';

export const missingMemoryLimit: Rule = {
  code: 'missing-memory-limit',
  severity: 'warning',
  docUrl: 'https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/#if-you-do-not-specify-a-memory-limit',
  check({ analysis: { pod, containerResources, podLevel } }) {
    if (podLevel?.limits.has('memory')) return [];
    const out: RuleFinding[] = [];
    for (const c of longRunning(pod)) {
      if (containerResources.get(c)?.limits.has('memory')) continue;
      // An unparsable limit is reported by invalid-quantity; do not also call it missing.
      if (c.resources.limits.some((e) => e.name === 'memory')) continue;
      const request = containerResources.get(c)?.requests.get('memory');
      out.push({
        span: containerAnchor(c),
        message: c.role === 'sidecar'
          ? l10n.t('{0}: sidecar "{1}" has no memory limit. It can use all of the node\'s memory; a leak puts the node under memory pressure and gets other pods evicted or OOM-killed. Set resources.limits.memory.', containerPath(pod, c), c.name)
          : l10n.t('{0}: container "{1}" has no memory limit. It can use all of the node\'s memory; a leak puts the node under memory pressure and gets other pods evicted or OOM-killed. Set resources.limits.memory.', containerPath(pod, c), c.name),
        data: { container: where(c), ...(request ? { hasRequest: true } : {}) },
      });
    }
    return out;
  },
  summary: () => l10n.t('A container without a memory limit can use all of the node\'s memory.'),
  quietOnTemplates: true,
};
