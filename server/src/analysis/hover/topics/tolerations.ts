/**
 * Hover on `tolerations`: how long this pod stays on a node that becomes not-ready or unreachable.
 * The DefaultTolerationSeconds admission plugin adds 300 s tolerations for both taints unless the
 * pod already tolerates them; DaemonSet pods tolerate them forever.
 * https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions
 */
import * as l10n from '@vscode/l10n';
import { get } from '../../../model/tree';
import { DEFAULT_TOLERATION_SECONDS } from '../../timing';
import { evictionDelay } from '../../taintEviction';
import type { HoverTarget } from '../context';
import { blocks, bullets, code, DOCS, heading, link, secs, table } from '../md';

const TAINTS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'] as const;

export function tolerationsHover(t: HoverTarget): string | undefined {
  const p = t.inSpec;
  if (!p || p[0] !== 'tolerations') return undefined;
  const { pod } = t.analysis;
  const tol = get(pod.spec, 'tolerations');
  const daemonSet = pod.kind === 'DaemonSet';
  const rows = TAINTS.map((key) => {
    const d = evictionDelay(tol, key, daemonSet);
    const when = d.seconds === undefined ? l10n.t('never evicted') : secs(d.seconds);
    const why = d.source === 'pod' ? l10n.t('this pod\'s toleration') : d.source === 'daemonset' ? l10n.t('added by the DaemonSet controller') : l10n.t('default, added at admission');
    return [code(key), when, why];
  });
  return blocks(
    heading(l10n.t('Tolerations: eviction from a failed node')),
    l10n.t('When a node stops reporting, the node controller taints it NoExecute; pods without a matching toleration are evicted at once, pods with one after tolerationSeconds.'),
    table([l10n.t('Taint (NoExecute)'), l10n.t('Evicted after'), l10n.t('Why')], rows, [false, true, false]),
    bullets([
      l10n.t('Unless the pod tolerates them itself, the DefaultTolerationSeconds admission plugin adds both tolerations with tolerationSeconds {0}.', DEFAULT_TOLERATION_SECONDS),
      l10n.t('NoSchedule and PreferNoSchedule tolerations only affect scheduling; tolerationSeconds applies to NoExecute only.'),
    ]),
    link(DOCS.taints),
  );
}
