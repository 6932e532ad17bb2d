/**
 * The QoS class and its reason in words (code lenses, `check`, the resources hover). What the class
 * means under node pressure follows pkg/kubelet/eviction/helpers.go rankMemoryPressure and
 * pkg/kubelet/qos/policy.go GetContainerOOMScoreAdjust.
 */
import * as l10n from '@vscode/l10n';
import type { QosResult } from './qos';

export function describeQos(q: QosResult): string {
  const r = q.reason;
  switch (r.kind) {
    case 'no-requests-or-limits':
      // rankMemoryPressure (pkg/kubelet/eviction/helpers.go) ranks by use above the request, then
      // priority; GetContainerOOMScoreAdjust (pkg/kubelet/qos/policy.go) gives BestEffort 1000.
      return l10n.t('BestEffort: no container sets a cpu or memory request or limit, so any memory it uses is above its (zero) request: under memory pressure it is among the first pods the kubelet evicts at its priority, and the OOM killer picks it first (oom_score_adj 1000).');
    case 'all-equal':
      return r.podLevel
        ? l10n.t('Guaranteed: the pod-level cpu and memory requests equal their limits.')
        : l10n.t('Guaranteed: every container (init containers and sidecars included) sets cpu and memory limits, and every request equals its limit.');
    case 'missing-limit':
      return r.podLevel
        ? l10n.t('Burstable: the pod-level resources set no {0} limit.', r.resource)
        : l10n.t('Burstable: container "{0}" sets no {1} limit; Guaranteed needs cpu and memory limits on every container.', r.container ?? '', r.resource);
    case 'request-differs':
      return r.podLevel
        ? l10n.t('Burstable: the pod-level {0} request differs from its limit.', r.resource)
        : l10n.t('Burstable: container "{0}" requests a different amount of {1} than its limit; Guaranteed needs requests equal to limits.', r.container ?? '', r.resource);
    case 'limit-without-request':
      return l10n.t('Burstable: the {0} limit has no matching non-zero request.', r.resource);
  }
}
