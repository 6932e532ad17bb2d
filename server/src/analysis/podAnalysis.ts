/**
 * The shared per-pod model every feature reads: defaulted container resources, effective pod
 * requests/limits and the QoS class. Hovers, rules, code lenses and the lifecycle preview all use
 * this, so their numbers always agree.
 */
import type { ContainerModel, PodSpecModel } from '../model/pod';
import type { KubeVersion } from '../model/version';
import { defaultPod } from './defaults';
import type { DefaultedPod, DefaultedResources } from './defaults';
import type { ResourceMap } from './resourceMath';
import { effectiveResources } from './effectiveResources';
import type { EffectiveResources } from './effectiveResources';
import { admitLimitRanges, validateLimitRanges } from './admission/limitRanger';
import type { LimitRangeAdmission, LimitRangeSource } from './admission/limitRanger';
import { computeQos } from './qos';
import type { QosResult } from './qos';

export interface PodAnalysis {
  readonly pod: PodSpecModel;
  readonly version: KubeVersion;
  readonly containerResources: ReadonlyMap<ContainerModel, DefaultedResources>;
  readonly podLevel: DefaultedPod['podLevel'];
  /** spec.overhead, rounded. */
  readonly overhead: ResourceMap;
  readonly effective: EffectiveResources;
  readonly qos: QosResult;
  /** LimitRange admission, when the pod's namespace has LimitRanges. */
  readonly admission?: LimitRangeAdmission;
}

/**
 * `limitRanges`: the LimitRanges of the pod's namespace (admission/limitRanger.ts), applied between decoding and
 * the pod strategy as the API server does; the result says what they set and what they forbid.
 */
export function analyzePod(pod: PodSpecModel, version: KubeVersion, limitRanges: readonly LimitRangeSource[] = []): PodAnalysis {
  let admitted: ReturnType<typeof admitLimitRanges> | undefined;
  const admit = limitRanges.length
    ? (containers: ReadonlyMap<ContainerModel, DefaultedResources>) => (admitted = admitLimitRanges(pod, containers, limitRanges)).containers
    : undefined;
  const defaulted = defaultPod(pod, version, admit);
  const admission: LimitRangeAdmission | undefined = admitted && {
    sources: limitRanges, applied: admitted.applied, annotation: admitted.annotation,
    violations: validateLimitRanges(pod, defaulted.containers, defaulted.podLevel, limitRanges, version),
  };
  return {
    pod, version, containerResources: defaulted.containers, podLevel: defaulted.podLevel, overhead: defaulted.overhead,
    effective: effectiveResources(pod, defaulted, version),
    qos: computeQos(pod, defaulted, version),
    ...(admission ? { admission } : {}),
  };
}
