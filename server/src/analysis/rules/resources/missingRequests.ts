/**
 * A pod where no container requests or limits cpu or memory is BestEffort: the scheduler reserves
 * nothing for it, so it lands on nodes that are already full. Under memory pressure the kubelet
 * ranks pods by memory use above their request, then priority (rankMemoryPressure in
 * pkg/kubelet/eviction/helpers.go): with a zero request any use counts, so it is among the first
 * candidates at its priority (the QoS class itself is not a rank), and its oom_score_adj is 1000
 * (pkg/kubelet/qos/policy.go), the OOM killer's first pick. One finding per pod, on the first app
 * container.
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
      message: l10n.t('{0}: container "{1}" has no cpu or memory requests, and neither has any other container, so the pod is BestEffort. The scheduler reserves nothing for it; any memory it uses is above its (zero) request, so under memory pressure it is among the first pods the kubelet evicts at its priority, and the OOM killer picks it first (oom_score_adj 1000). Set resources.requests (cpu and memory) to what the container needs.', containerPath(pod, c), c.name),
      data: { container: where(c) },
    }];
  },
  summary: () => l10n.t('No container requests cpu or memory, so the pod is BestEffort: nothing is reserved for it, and under memory pressure any use puts it among the first pods evicted at its priority.'),
  quietOnTemplates: true,
};
