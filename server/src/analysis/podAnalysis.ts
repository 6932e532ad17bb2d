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
import type { LimitRangeModel } from './admission/limitRangeModel';
import type { LimitRangerMutation } from './admission/limitRanger';
import { validatePod } from './admission/limitRangerValidation';
import type { LimitRangeViolation } from './admission/limitRangerValidation';

export interface PodAnalysis {
  readonly pod: PodSpecModel;
  readonly version: KubeVersion;
  readonly containerResources: ReadonlyMap<ContainerModel, DefaultedResources>;
  readonly podLevel: DefaultedPod['podLevel'];
  /** spec.overhead, rounded. */
  readonly overhead: ResourceMap;
  readonly effective: EffectiveResources;
  readonly qos: QosResult;
  /** The LimitRanger admission plugin's work, when the pod's namespace has LimitRanges. */
  readonly limitRanger?: {
    readonly mutation: LimitRangerMutation;
    readonly violations: readonly LimitRangeViolation[][];
    /** The LimitRanges of the pod's namespace the plugin read, in its order. */
    readonly ranges: readonly LimitRangeModel[];
  } | undefined;
}

/** `limitRanges`: the LimitRanges of the pod's namespace (admission.ts), applied before everything else. */
export function analyzePod(pod: PodSpecModel, version: KubeVersion, limitRanges?: readonly LimitRangeModel[]): PodAnalysis {
  const defaulted = defaultPod(pod, version, limitRanges);
  const mutation = defaulted.limitRanger;
  return {
    limitRanger: mutation && limitRanges ? { mutation, violations: validatePod(pod, defaulted.containers, defaulted.podLevel, version, limitRanges), ranges: limitRanges } : undefined,
    pod, version, containerResources: defaulted.containers, podLevel: defaulted.podLevel, overhead: defaulted.overhead,
    effective: effectiveResources(pod, defaulted, version),
    qos: computeQos(pod, defaulted, version),
  };
}
