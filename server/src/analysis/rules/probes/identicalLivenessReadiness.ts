/**
 * Identical liveness and readiness probes (same check, same timing) fail at the same moment: the
 * pod leaves the Service endpoints and the kubelet restarts it at once, so readiness never gets the
 * chance to shed load while the app recovers, and a shared dependency outage restarts every pod.
 * https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
 */
import * as l10n from '@vscode/l10n';
import type { ProbeModel } from '../../../model/pod';
import type { YNode } from '../../../model/tree';
import type { Rule, RuleFinding } from '../rule';
import { containerPath } from '../shared/fieldPaths';
import { longRunning, where } from '../shared/podParts';
import { probeTiming } from '../../timing';

/** A plain JSON form of a node (keys sorted), for comparing two subtrees. */
function canonical(node: YNode | undefined): string {
  if (node === undefined) return 'null';
  if (node.type === 'scalar') return JSON.stringify(node.value);
  if (node.type === 'seq') return `[${node.items.map(canonical).join(',')}]`;
  const seen = new Map<string, YNode | undefined>();
  for (const e of node.entries) seen.set(e.key, e.value); // last key wins, like Kubernetes
  const keys = [...seen.keys()].sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(seen.get(k))}`).join(',')}}`;
}

function signature(p: ProbeModel): string {
  const h = p.handlers.map((x) => `${x.type}=${canonical(x.node)}`).join(';');
  const t = probeTiming(p);
  const timing = [t.initialDelaySeconds, t.periodSeconds, t.timeoutSeconds, t.successThreshold, t.failureThreshold].join(',');
  return `${h}|${timing}`;
}

export const identicalLivenessReadiness: Rule = {
  code: 'identical-liveness-readiness',
  severity: 'warning',
  docUrl: 'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    for (const c of longRunning(pod)) {
      const live = c.probes.liveness;
      const ready = c.probes.readiness;
      if (!live || !ready || live.handlers.length === 0 || ready.handlers.length === 0) continue;
      if (signature(live) !== signature(ready)) continue;
      out.push({
        span: live.keySpan,
        message: l10n.t('{0}: the livenessProbe and readinessProbe are identical, timing included. They fail at the same moment, so the kubelet restarts the container at the same time as it is taken out of the Service: readiness never gets to shed load while the app recovers. Make the liveness probe check only that the process is alive, and give it a larger failureThreshold than the readiness probe.', containerPath(pod, c)),
        data: { container: where(c) },
      });
    }
    return out;
  },
  summary: () => l10n.t('Liveness and readiness probes are identical, so the container is restarted at the moment it is taken out of the Service.'),
  quietOnTemplates: true,
};
