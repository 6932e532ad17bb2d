/**
 * Hover on `ephemeralContainers` and each ephemeral container: debugging containers added to a
 * running pod, never restarted, without resources or probes.
 * https://kubernetes.io/docs/concepts/workloads/pods/ephemeral-containers/
 */
import * as l10n from '@vscode/l10n';
import { containerOf, label } from '../context';
import type { HoverTarget } from '../context';
import { onContainerName } from '../containerPhrases';
import { blocks, bullets, code, DOCS, heading, link } from '../md';

export function ephemeralHover(t: HoverTarget): string | undefined {
  const p = t.inSpec;
  const list = !!p && p.length === 1 && p[0] === 'ephemeralContainers';
  const c = onContainerName(t) ? containerOf(t.analysis.pod, p) : undefined;
  if (!list && c?.role !== 'ephemeral') return undefined;
  return blocks(
    heading(c ? l10n.t('Ephemeral container {0}', code(label(c))) : l10n.t('Ephemeral containers')),
    bullets([
      l10n.t('Added to a running pod for debugging (kubectl debug) through the ephemeralcontainers subresource; they cannot be set when the pod is created.'),
      l10n.t('Never restarted, and they cannot be removed or changed once added.'),
      l10n.t('No resources, ports or probes: they use what the pod already has and do not count toward effective requests or QoS.'),
      l10n.t('They do not affect the pod\'s Ready condition.'),
    ]),
    link(DOCS.ephemeral),
  );
}
