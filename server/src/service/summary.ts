/** PodAnalysis -> PodSummary (protocol and CLI JSON), and the QoS reason in words. */
import * as l10n from '@vscode/l10n';
import type { ResourceBreakdown } from '../analysis/effectiveResources';
import type { QosResult } from '../analysis/qos';
import type { ResourceMap } from '../analysis/resourceMath';
import { formatQuantity } from '../model/quantity';
import type { BreakdownSummary, ContainerSummary, PodSummary, QuantityList } from '../protocol/analysis';
import type { FileAnalysis, PodRef } from './fileAnalysis';

/** Keys sorted, as Go's JSON encoding of a ResourceList writes them. */
export function quantityList(m: ResourceMap): QuantityList {
  const out: Record<string, string> = {};
  for (const k of [...m.keys()].sort()) out[k] = formatQuantity(m.get(k)!);
  return out;
}

function breakdown(b: ResourceBreakdown): BreakdownSummary {
  return {
    apps: quantityList(b.apps), sidecars: quantityList(b.sidecars), steady: quantityList(b.steady),
    initPeak: quantityList(b.initPeak), initPeakBy: Object.fromEntries(b.initPeakBy),
    podLevel: quantityList(b.podLevel), overhead: quantityList(b.overhead),
  };
}

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

export function podSummary(file: FileAnalysis, ref: PodRef): PodSummary {
  const { pod, effective, qos, containerResources } = ref.analysis;
  const base = ref.chunk.start;
  const containers: ContainerSummary[] = pod.containers.map((c) => {
    const d = containerResources.get(c);
    return {
      name: c.name, role: c.role, index: c.index,
      range: file.lines.range(base + c.span.start, base + c.span.end),
      requests: d ? quantityList(d.requests) : {},
      limits: d ? quantityList(d.limits) : {},
    };
  });
  return {
    kind: pod.kind,
    name: pod.name ?? null,
    ...(pod.namespace ? { namespace: pod.namespace } : {}),
    document: ref.document,
    index: ref.index,
    range: file.lines.range(base + pod.span.start, base + pod.span.end),
    qosClass: qos.qosClass,
    qosReason: describeQos(qos),
    requests: quantityList(effective.requests.total),
    limits: quantityList(effective.limits.total),
    containers,
    breakdown: { requests: breakdown(effective.requests), limits: breakdown(effective.limits) },
  };
}
