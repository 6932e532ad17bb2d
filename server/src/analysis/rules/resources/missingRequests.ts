/**
 * A pod where no container requests or limits cpu or memory is BestEffort: the scheduler reserves
 * nothing for it, so it lands on nodes that are already full, and it is the first pod the kubelet
 * evicts (and the first the OOM killer picks) under node pressure. One finding per pod, on the
 * first app container.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/#besteffort
 */
import * as l10n from '@vscode/l10n';
import type { Rule } from '../rule';
import { containerPath } from '../shared/fieldPaths';
import { where } from '../shared/podParts';
import { containerAnchor } from '../shared/spans';

export const missingRequests: Rule = {
  code: 'missing-requests',
  severity: 'warning',
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/#besteffort',
  check({ analysis: { pod, qos } }) {
    if (qos.qosClass !== 'BestEffort') return [];
    const c = pod.containers.find((x) => x.role === 'app');
    if (!c) return []; // no-containers reports it
    return [{
      span: containerAnchor(c),
      message: l10n.t('{0}: container "{1}" has no cpu or memory requests, and neither has any other container, so the pod is BestEffort. The scheduler reserves nothing for it, and under node pressure it is the first pod to be evicted or OOM-killed. Set resources.requests (cpu and memory) to what the container needs.', containerPath(pod, c), c.name),
      data: { container: where(c) },
    }];
  },
  summary: () => l10n.t('No container requests cpu or memory, so the pod is BestEffort and evicted first.'),
  quietOnTemplates: true,
};
