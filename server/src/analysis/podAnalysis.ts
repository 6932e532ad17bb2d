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
}

export function analyzePod(pod: PodSpecModel, version: KubeVersion): PodAnalysis {
  const defaulted = defaultPod(pod, version);
  return {
    pod, version, containerResources: defaulted.containers, podLevel: defaulted.podLevel, overhead: defaulted.overhead,
    effective: effectiveResources(pod, defaulted, version),
    qos: computeQos(pod, defaulted, version),
  };
}
