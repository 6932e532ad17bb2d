/**
 * Hover on `tolerations`: how long this pod stays on a node that becomes not-ready or unreachable.
 * The DefaultTolerationSeconds admission plugin adds 300 s tolerations for both taints unless the
 * pod already tolerates them; DaemonSet pods tolerate them forever.
 * https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions
 */
import * as l10n from '@vscode/l10n';
import { get, int, isMap, items, str } from '../../model/tree';
import type { YNode } from '../../model/tree';
import { DEFAULT_TOLERATION_SECONDS } from '../timing';
import type { HoverTarget } from './context';
import { blocks, bullets, code, DOCS, heading, link, secs, table } from './md';

const TAINTS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'] as const;

/** Seconds the pod stays bound after the NoExecute taint appears; undefined = forever. */
export function evictionDelay(tolerations: YNode | undefined, key: string, daemonSet: boolean): { seconds: number | undefined; source: 'pod' | 'default' | 'daemonset' } {
  // The admission plugin skips its default when any toleration names this key (or no key) with
  // effect NoExecute (or none), even one that does not match the taint (e.g. a value is set).
  let claimed = false;
  for (const t of items(tolerations)) {
    if (!isMap(t)) continue;
    const k = str(get(t, 'key')) ?? '';
    const op = str(get(t, 'operator')) ?? 'Equal';
    const effect = str(get(t, 'effect')) ?? '';
    if ((k === key || k === '') && (effect === '' || effect === 'NoExecute')) claimed = true;
    const keyOk = k === key || (k === '' && op === 'Exists');
    if (!keyOk || (effect !== '' && effect !== 'NoExecute')) continue;
    if (op === 'Equal' && (str(get(t, 'value')) ?? '') !== '') continue; // these taints have no value
    const s = effect === 'NoExecute' ? int(get(t, 'tolerationSeconds')) : undefined;
    return { seconds: s === undefined ? undefined : Math.max(0, s), source: 'pod' };
  }
  if (daemonSet) return { seconds: undefined, source: 'daemonset' };
  if (claimed) return { seconds: 0, source: 'pod' }; // nothing tolerates the taint: evicted at once
  return { seconds: DEFAULT_TOLERATION_SECONDS, source: 'default' };
}

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
