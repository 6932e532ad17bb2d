/**
 * The target Kubernetes version (a setting) and the features it has on by default.
 * Facts from pkg/features/kube_features.go (versioned feature specs) at v1.37.2 — see docs/kubernetes-facts.md §1.
 * A gate "never on by default" in the supported releases is 99.
 */
export interface KubeVersion {
  readonly major: number;
  readonly minor: number;
}

/** The newest Kubernetes minor release this build knows about; the default target. */
export const LATEST_KNOWN_VERSION = '1.37';

export function parseKubeVersion(text: string | undefined): KubeVersion | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec((text ?? '').trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]) };
}

export function kubeVersionOrLatest(text: string | undefined): KubeVersion {
  return parseKubeVersion(text) ?? parseKubeVersion(LATEST_KNOWN_VERSION)!;
}

export function atLeast(v: KubeVersion, minor: number): boolean {
  return v.major > 1 || (v.major === 1 && v.minor >= minor);
}

export function formatKubeVersion(v: KubeVersion): string {
  return `${v.major}.${v.minor}`;
}

/** Feature gates that change what the API server accepts and computes, with the release they became on by default. */
export const FEATURES = {
  /** Restartable init containers (sidecars): alpha 1.28 (off), beta 1.29 (on), GA 1.33. */
  SidecarContainers: 29,
  /** Pod-level `spec.resources`: alpha 1.32 (off), beta 1.34 (on). */
  PodLevelResources: 34,
  /** `lifecycle.*.sleep` hook action: alpha 1.29, beta 1.30 (on). */
  PodLifecycleSleepAction: 30,
  /** QoS takes the pod-level path only when pod-level resources name a supported resource: 1.37 (beta, on). */
  PodLevelResourcesFixKubeletQOSClass: 37,
  /** Pod-level requests defaulted from any pod-level value, pod-level limits from fully limited containers: 1.37 (beta, on; pkg/api/pod/util.go DefaultPodLevelResources). */
  PodLevelResourcesFixDefaulting: 37,
  /**
   * Container-level restartPolicy (Always/Never/OnFailure) on any container and restartPolicyRules
   * (ContainerRestartRules, KEP-5307): alpha 1.34 (off: the API server drops the fields), beta 1.35 (on).
   */
  ContainerRestartRules: 35,
  /** `lifecycle.*.sleep.seconds: 0`: alpha 1.32, beta 1.33 (on), GA 1.34. */
  PodLifecycleSleepActionAllowZero: 33,
  /** The `RestartAllContainers` action of restartPolicyRules: alpha 1.35, beta 1.36 (on). */
  RestartAllContainersOnContainerExits: 36,
  /** `resizePolicy` and in-place resize: alpha 1.27, beta 1.33 (on), GA 1.35. */
  InPlacePodVerticalScaling: 33,
  /** `hostUsers: false`: alpha 1.25, beta 1.30 (off), beta 1.33 (on), GA 1.36. */
  UserNamespacesSupport: 33,
  /** Env var names: any printable ASCII but '=': alpha 1.30, beta 1.32 (on), GA 1.34. */
  RelaxedEnvironmentVariableValidation: 32,
  /** `lifecycle.stopSignal`: alpha 1.33, still alpha (off) in 1.37.2, so never on by default here. */
  ContainerStopSignals: 99,
  /** `image` volumes: alpha 1.31, beta 1.33 (off), beta 1.35 (on), GA 1.36. */
  ImageVolume: 35,
  /** `resourceClaims` and a container's `resources.claims`: beta 1.32 (off), GA 1.34 (on). */
  DynamicResourceAllocation: 34,
  /** Extended resources backed by DRA: alpha 1.34, beta 1.36 (on), GA 1.37. */
  DRAExtendedResource: 36,
  /** `securityContext.supplementalGroupsPolicy`: alpha 1.31, beta 1.33 (on), GA 1.35. */
  SupplementalGroupsPolicy: 33,
  /** The PodReadyToStartContainers condition: alpha 1.28, beta 1.29 (on), GA 1.37. */
  PodReadyToStartContainersCondition: 29,
  /** Job `backoffLimitPerIndex`: alpha 1.28, beta 1.29 (on), GA 1.33. */
  JobBackoffLimitPerIndex: 29,
  /** Job `successPolicy`: alpha 1.30, beta 1.31 (on), GA 1.33. */
  JobSuccessPolicy: 31,
  /** Job `podReplacementPolicy`: alpha 1.28, beta 1.29 (on), GA 1.34. */
  JobPodReplacementPolicy: 29,
  /** The crash-loop back-off cap becomes configurable (default still 300 s): alpha 1.32, beta 1.35 (on). */
  KubeletCrashLoopBackOffMax: 35,
  /** Back-off 1 s -> 60 s instead of 10 s -> 300 s: alpha 1.33, off in every supported release. */
  ReduceDefaultCrashLoopBackOffDecay: 99,
} as const;

export type FeatureName = keyof typeof FEATURES;

/**
 * The release a gate first appeared in (alpha, off), for gates whose fields are told apart before it:
 * from this release until the gate is on the API server drops the field (model/droppedFields.ts); before
 * it the API has no such field or validation rejects it.
 */
export const FEATURE_ALPHA: Partial<Record<FeatureName, number>> = {
  ContainerRestartRules: 34,
  RestartAllContainersOnContainerExits: 35,
  ContainerStopSignals: 33,
  InPlacePodVerticalScaling: 27,
  /** As UserNamespacesStatelessPodsSupport until 1.27. */
  UserNamespacesSupport: 25,
  SupplementalGroupsPolicy: 31,
  ImageVolume: 31,
  DynamicResourceAllocation: 26,
};

export function featureEnabled(v: KubeVersion, f: FeatureName): boolean {
  return atLeast(v, FEATURES[f]);
}
