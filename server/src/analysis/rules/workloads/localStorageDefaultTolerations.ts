/**
 * Pods get `node.kubernetes.io/not-ready` and `node.kubernetes.io/unreachable` NoExecute
 * tolerations of 300 s unless they set their own (DefaultTolerationSeconds admission plugin), so
 * five minutes after a node goes down its pods are evicted. A StatefulSet pod whose data lives on
 * that node (a hostPath volume, or a local PersistentVolume, which is pinned to its node) cannot run
 * anywhere else: the replacement stays Pending until the node is back, or starts elsewhere without
 * its data. The eviction buys nothing and costs a restart; decide explicitly how long to wait.
 * https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions
 */
import * as l10n from '@vscode/l10n';
import { entry, get, getPath, isMap, items, str } from '../../../model/tree';
import type { Rule } from '../rule';
import { volumes } from '../shared/podParts';

const TAINTS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'] as const;
/** Storage classes of node-local provisioners: local-storage, local-path, openebs-hostpath, topolvm... */
const LOCAL_CLASS = /(^|[-_.])(local|localpv|hostpath|topolvm)([-_.]|$)/i;

export const localStorageDefaultTolerations: Rule = {
  code: 'local-storage-default-tolerations',
  severity: 'information',
  docUrl: 'https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions',
  check({ analysis: { pod } }) {
    if (pod.kind !== 'StatefulSet') return [];
    const hostPath = volumes(pod).find((v) => isMap(get(v.node, 'hostPath')));
    const claim = items(getPath(pod.root, ['spec', 'volumeClaimTemplates'])).find((t) => LOCAL_CLASS.test(str(getPath(t, ['spec', 'storageClassName'])) ?? ''));
    if (!hostPath && !claim) return [];
    const tolerations = items(get(pod.spec, 'tolerations')).filter(isMap);
    const covered = (taint: string) => tolerations.some((t) => {
      const key = str(get(t, 'key'));
      const effect = str(get(t, 'effect'));
      if (effect && effect !== 'NoExecute') return false;
      // An empty key with operator Exists tolerates every taint.
      return key === taint || ((key === undefined || key === '') && str(get(t, 'operator')) === 'Exists');
    });
    const missing = TAINTS.filter((t) => !covered(t));
    if (missing.length === 0) return [];
    const what = hostPath
      ? l10n.t('the hostPath volume "{0}"', hostPath.name ?? '')
      : l10n.t('the local storage class "{0}"', str(getPath(claim, ['spec', 'storageClassName'])) ?? '');
    const tolerationsEntry = entry(pod.spec, 'tolerations');
    return [{
      span: tolerationsEntry ? tolerationsEntry.keySpan : pod.anchorSpan,
      message: l10n.t('This StatefulSet keeps its data on the node ({0}) but has no toleration for {1}, so it gets the default 300 s one: 5 minutes after its node becomes NotReady or unreachable the pod is evicted, and its replacement cannot use the data anywhere else (it stays Pending, or starts empty). Add explicit NoExecute tolerations for node.kubernetes.io/not-ready and node.kubernetes.io/unreachable with the tolerationSeconds you mean.', what, missing.join(', ')),
      data: { missing },
    }];
  },
  summary: () => l10n.t('A StatefulSet with node-local storage relies on the default 300 s not-ready/unreachable tolerations.'),
  quietOnTemplates: true,
};
