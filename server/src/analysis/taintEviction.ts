/**
 * How long a pod stays bound to a node with the not-ready or unreachable NoExecute taint: its own
 * tolerations, or the 300 s ones the DefaultTolerationSeconds admission plugin adds, or forever for
 * DaemonSet pods. Hovers and the simulator both use it.
 * https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions
 */
import { get, int, isMap, items, str } from '../model/tree';
import type { YNode } from '../model/tree';
import { DEFAULT_TOLERATION_SECONDS } from './timing';

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
