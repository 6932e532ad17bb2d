/**
 * The target Kubernetes version (a setting) and the features it has on by default.
 * Facts from pkg/features/kube_features.go (versioned feature specs) — see docs/kubernetes-resources.md.
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
  /** Pod-level requests defaulted from any pod-level value, pod-level limits from fully limited containers: 1.37 (on; provisional). */
  PodLevelResourcesFixDefaulting: 37,
  /** Container-level restartPolicy on regular containers (ContainerRestartRules): alpha 1.34 (off). */
  ContainerRestartRules: 99,
} as const;

export type FeatureName = keyof typeof FEATURES;

export function featureEnabled(v: KubeVersion, f: FeatureName): boolean {
  return atLeast(v, FEATURES[f]);
}
