/** PodAnalysis -> PodSummary (protocol and CLI JSON), and the QoS reason in words. */
import type { ResourceBreakdown } from '../analysis/effectiveResources';
import { describeQos } from '../analysis/qosReason';
import type { ResourceMap } from '../analysis/resourceMath';
import { formatQuantity } from '../model/quantity';
import type { AdmissionSummary, BreakdownSummary, ContainerSummary, PodSummary, QuantityList } from '../protocol/analysis';
import type { PodAnalysis } from '../analysis/podAnalysis';
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
    ...admissionOf(ref.analysis),
  };
}

/** The LimitRanges the plugin read for the pod, each with the values it set (in the order it set them). */
function admissionOf(analysis: PodAnalysis): { admission?: AdmissionSummary[] } {
  const lr = analysis.limitRanger;
  if (!lr || lr.ranges.length === 0) return {};
  return {
    admission: lr.ranges.map((range) => {
      const src = range.source;
      const where = src?.rangeOf?.(range.root.span);
      return {
        kind: 'LimitRange' as const,
        name: range.name,
        file: src?.file ?? '',
        ...(where ? { range: where } : {}),
        ...(src?.uri ? { uri: src.uri } : {}),
        set: lr.mutation.applied.filter((a) => a.limitRange === range).map((a) => ({
          container: a.container.name, side: a.side, resource: a.resource, quantity: formatQuantity(a.quantity),
          from: a.value.writtenIn, line: src ? src.lineOf(a.value.keySpan.start) : 0,
        })),
      };
    }),
  };
}
