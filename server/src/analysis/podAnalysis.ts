/**
 * The shared per-pod model every feature reads: defaulted container resources, effective pod
 * requests/limits and the QoS class. Hovers, rules, code lenses and the lifecycle preview all use
 * this, so their numbers always agree.
 */
import type { ContainerModel, PodSpecModel } from '../model/pod';
import type { KubeVersion } from '../model/version';
import { defaultContainer, defaultPodLevel } from './defaults';
import type { DefaultedResources } from './defaults';
import { effectiveResources } from './effectiveResources';
import type { EffectiveResources } from './effectiveResources';
import { computeQos } from './qos';
import type { QosResult } from './qos';

export interface PodAnalysis {
  readonly pod: PodSpecModel;
  readonly version: KubeVersion;
  readonly containerResources: ReadonlyMap<ContainerModel, DefaultedResources>;
  readonly podLevel: DefaultedResources | undefined;
  readonly effective: EffectiveResources;
  readonly qos: QosResult;
}

export function analyzePod(pod: PodSpecModel, version: KubeVersion): PodAnalysis {
  const containerResources = new Map<ContainerModel, DefaultedResources>();
  for (const c of pod.containers) if (c.role !== 'ephemeral') containerResources.set(c, defaultContainer(c));
  const podLevel = defaultPodLevel(pod, version);
  return {
    pod, version, containerResources, podLevel,
    effective: effectiveResources(pod, containerResources, podLevel, version),
    qos: computeQos(pod, containerResources, podLevel),
  };
}
