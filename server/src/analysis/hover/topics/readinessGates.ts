/**
 * Hover on `readinessGates`: the pod is Ready only when every container is ready and every listed
 * condition is True; something outside the kubelet must set those conditions.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-readiness-gate
 */
import * as l10n from '@vscode/l10n';
import { get, isMap, items, str } from '../../../model/tree';
import type { HoverTarget } from '../context';
import { blocks, bullets, DOCS, heading, link, names } from '../md';

export function readinessGatesHover(t: HoverTarget): string | undefined {
  const p = t.inSpec;
  if (!p || p[0] !== 'readinessGates') return undefined;
  const gates = items(get(t.analysis.pod.spec, 'readinessGates')).flatMap((g) => {
    const c = isMap(g) ? str(get(g, 'conditionType')) : undefined;
    return c ? [c] : [];
  });
  return blocks(
    heading(l10n.t('Readiness gates ({0})', gates.length)),
    bullets([
      l10n.t('The pod is Ready only when all its containers are ready and every one of these conditions is True: {0}.', gates.length ? names(gates) : '—'),
      l10n.t('The kubelet never sets them: a controller (for example a load balancer controller) must patch the pod status. Until then the pod stays out of Service endpoints.'),
      l10n.t('Rolling updates wait for them too: a new pod only counts as available once the gates are True.'),
    ]),
    link(DOCS.readinessGates),
  );
}
