/**
 * An emptyDir without sizeLimit can grow until the node's disk (or, for medium: Memory, the node's
 * memory) is full; the kubelet then evicts pods for node pressure, not just this one. With a
 * sizeLimit the kubelet evicts only this pod when the volume outgrows it. A disk emptyDir is also
 * bounded when the pod has an ephemeral-storage limit (it counts towards it); a memory-backed one is
 * sized to the pod's memory limit when every container has one.
 * https://kubernetes.io/docs/concepts/storage/volumes/#emptydir
 */
import * as l10n from '@vscode/l10n';
import { entry, get, isMap, str } from '../../../model/tree';
import type { Rule, RuleFinding } from '../rule';
import { longRunning, volumes } from '../shared/podParts';
import { isSet } from '../shared/values';

export const emptydirWithoutSizeLimit: Rule = {
  code: 'emptydir-without-size-limit',
  severity: 'information',
  docUrl: 'https://kubernetes.io/docs/concepts/storage/volumes/#emptydir',
  check({ analysis: { pod, containerResources, podLevel } }) {
    const running = longRunning(pod);
    const limited = (name: string) => running.some((c) => containerResources.get(c)?.limits.has(name));
    const allLimited = (name: string) => running.length > 0 && running.every((c) => containerResources.get(c)?.limits.has(name));
    const out: RuleFinding[] = [];
    for (const v of volumes(pod)) {
      const e = entry(v.node, 'emptyDir');
      if (!e) continue;
      const ed = e.value;
      if (ed !== undefined && !isMap(ed) && isSet(ed)) continue; // wrong type: the API server reports it
      if (isSet(get(ed, 'sizeLimit'))) continue;
      const memory = str(get(ed, 'medium')) === 'Memory';
      if (memory ? allLimited('memory') || podLevel?.limits.has('memory') : limited('ephemeral-storage')) continue;
      const path = `${pod.specPath.join('.')}.volumes[${v.index}].emptyDir`;
      out.push({
        span: e.keySpan,
        message: memory
          ? l10n.t('{0}: this memory-backed emptyDir has no sizeLimit, and not every container has a memory limit, so it can fill the node\'s memory and get other pods evicted. Set emptyDir.sizeLimit (e.g. 256Mi).', path)
          : l10n.t('{0}: this emptyDir has no sizeLimit and no container sets an ephemeral-storage limit, so it can fill the node\'s disk and get other pods evicted for disk pressure. Set emptyDir.sizeLimit (e.g. 1Gi); the kubelet then evicts only this pod when it grows past it.', path),
        data: { volume: v.name },
      });
    }
    return out;
  },
  summary: () => l10n.t('An emptyDir volume without sizeLimit can fill the node\'s disk or memory.'),
  quietOnTemplates: true,
};
