/**
 * The API server's defaulting of resources, applied before anything is computed
 * (pkg/apis/core/v1/defaults.go; docs/kubernetes-resources.md §3):
 *  1. a container's (and init container's, sidecars included) missing request takes its limit, per
 *     resource, by key presence (an explicit `0` request stays);
 *  2. with pod-level `spec.resources`: pod-level hugepage limits from the containers' hugepage limits,
 *     then pod-level requests from the containers' cpu/memory requests, else from the pod-level limit;
 *  3. every resource list is rounded up to milli precision (SetDefaults_ResourceList).
 * Pod-level defaulting aggregates the container values before their rounding, as the generated
 * defaulter does at 1.34-1.36; at 1.37 (PodLevelResourcesFixDefaulting) it runs in PrepareForCreate, after
 * the rounding. https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
 */
import type { ContainerModel, PodSpecModel, ResourceEntry } from '../model/pod';
import { compareQuantities, roundUpQuantity, storedQuantity } from '../model/quantity';
import { featureEnabled } from '../model/version';
import type { KubeVersion } from '../model/version';
import { aggregateContainers } from './aggregate';
import { isOvercommittable, isSupportedPodLevelResource } from './podLevel';
import { toMap } from './resourceMath';
import type { ResourceMap } from './resourceMath';
import { mutatePod } from './admission/limitRanger';
import type { LimitRangerMutation } from './admission/limitRanger';
import type { LimitRangeModel } from './admission/limitRangeModel';

export interface DefaultedResources {
  readonly requests: ResourceMap;
  readonly limits: ResourceMap;
  /** Resource names whose request was copied from the limit (or, at pod level, from the containers). */
  readonly defaultedFromLimits: readonly string[];
}

export interface DefaultedPod {
  /** Every non-ephemeral container, after defaulting and rounding. */
  readonly containers: ReadonlyMap<ContainerModel, DefaultedResources>;
  /** Pod-level `spec.resources` after defaulting and rounding; undefined when absent (or dropped). */
  readonly podLevel: (DefaultedResources & { readonly defaultedLimits: readonly string[] }) | undefined;
  readonly overhead: ResourceMap;
  /** What the LimitRanger admission plugin wrote (only when LimitRanges were given). */
  readonly limitRanger?: LimitRangerMutation | undefined;
}

const MILLI = -3;

function rounded(m: ResourceMap): ResourceMap {
  const out: ResourceMap = new Map();
  for (const [k, q] of m) out.set(k, roundUpQuantity(q, MILLI));
  return out;
}

/** Step 1 for one container: requests copied from limits where the request key is absent. */
export function defaultResources(requests: readonly ResourceEntry[], limits: readonly ResourceEntry[]): DefaultedResources {
  const req = toMap(requests);
  const lim = toMap(limits);
  const written = new Set(requests.map((e) => e.name));
  const defaulted: string[] = [];
  for (const [name, q] of lim) {
    if (!written.has(name)) {
      req.set(name, q);
      defaulted.push(name);
    }
  }
  return { requests: req, limits: lim, defaultedFromLimits: defaulted };
}

/**
 * `limitRanges`: the LimitRanges of the pod's namespace, in the order the LimitRanger plugin applies them.
 * The plugin mutates the pod after decoding (so after requests are defaulted from limits and rounded) and
 * before PrepareForCreate (where 1.37 defaults pod-level values and the QoS class is computed).
 */
export function defaultPod(pod: PodSpecModel, version: KubeVersion, limitRanges?: readonly LimitRangeModel[]): DefaultedPod {
  // A workload's pod is created by its controller from the stored template (pkg/controller
  // GetPodFromTemplate): the template was defaulted and rounded on its own create, written out, and
  // read back, so every quantity the pod starts from is in its stored form (storedQuantity).
  const fromTemplate = pod.kind !== 'Pod';
  const settled = (m: ResourceMap): ResourceMap => (fromTemplate ? stored(rounded(m)) : rounded(m));
  const raw = new Map<ContainerModel, DefaultedResources>();
  for (const c of pod.containers) if (c.role !== 'ephemeral') raw.set(c, defaultResources(c.resources.requests, c.resources.limits));
  const decoded = new Map<ContainerModel, DefaultedResources>();
  for (const [c, d] of raw) decoded.set(c, { ...d, requests: settled(d.requests), limits: settled(d.limits) });
  const limitRanger = limitRanges && limitRanges.length > 0 ? mutatePod(pod, decoded, limitRanges) : undefined;
  const containers = limitRanger?.containers ?? decoded;
  // 1.34-1.36 default pod-level values in core/v1 SetDefaults_Pod, from the container values before the
  // generated defaulter rounds them; with PodLevelResourcesFixDefaulting (1.37) podutil.DefaultPodLevelResources
  // runs in the pod strategy's PrepareForCreate, after decoding, on the rounded values (two requests of 1n:
  // 1m at 1.34, 2m at 1.37, as the conformance reference shows). A template is not a Pod, so its pod gets
  // these defaults only on the controller's create, from the stored (already rounded) container values.
  const fromRounded = fromTemplate || featureEnabled(version, 'PodLevelResourcesFixDefaulting');
  const written = fromTemplate ? withStoredPodResources(pod) : pod;
  // Before 1.37 the pod-level defaults run while decoding, so they see the containers before admission.
  const fix = featureEnabled(version, 'PodLevelResourcesFixDefaulting');
  const podLevel = defaultPodLevel(written, fix ? containers : fromRounded ? decoded : raw, version);
  return {
    containers,
    podLevel: podLevel && { ...podLevel, requests: rounded(podLevel.requests), limits: rounded(podLevel.limits) },
    overhead: settled(toMap(pod.overhead)),
    limitRanger,
  };
}

function stored(m: ResourceMap): ResourceMap {
  const out: ResourceMap = new Map();
  for (const [k, q] of m) out.set(k, storedQuantity(q));
  return out;
}

/** The pod-level `spec.resources` as the controller's pod carries them: rounded and stored with the template. */
function withStoredPodResources(pod: PodSpecModel): PodSpecModel {
  const r = pod.podResources;
  if (!r) return pod;
  const settle = (entries: readonly ResourceEntry[]): ResourceEntry[] =>
    entries.map((e) => (e.quantity ? { ...e, quantity: storedQuantity(roundUpQuantity(e.quantity, MILLI)) } : e));
  return { ...pod, podResources: { ...r, requests: settle(r.requests), limits: settle(r.limits) } };
}

/** Step 2 (defaultHugePagePodLimits, then defaultPodRequests), on unrounded container values. */
function defaultPodLevel(pod: PodSpecModel, containers: ReadonlyMap<ContainerModel, DefaultedResources>, version: KubeVersion): DefaultedPod['podLevel'] {
  const r = pod.podResources;
  if (!r) return undefined;
  const requests = toMap(r.requests);
  const limits = toMap(r.limits);
  const requested = new Set(r.requests.map((e) => e.name));
  const limited = new Set(r.limits.map((e) => e.name));
  const defaultedLimits: string[] = [];
  const defaulted: string[] = [];
  if (requested.size > 0 || limited.size > 0) {
    const aggLimits = aggregateContainers(pod, (c) => containers.get(c)?.limits);
    for (const [name, q] of aggLimits) {
      if (!name.startsWith('hugepages-') || !isSupportedPodLevelResource(name, version)) continue;
      if (requested.has(name) || limited.has(name)) continue;
      limits.set(name, q);
      limited.add(name);
      defaultedLimits.push(name);
    }
  }
  const fix = featureEnabled(version, 'PodLevelResourcesFixDefaulting');
  // 1.34-1.36 default pod-level requests only when some pod-level limit exists; 1.37 whenever any
  // pod-level value is set (kubernetes#140514, #140850).
  if (fix ? requested.size > 0 || limited.size > 0 : limited.size > 0) {
    const aggRequests = aggregateContainers(pod, (c) => containers.get(c)?.requests);
    for (const [name, q] of aggRequests) {
      if (requested.has(name) || !isSupportedPodLevelResource(name, version) || !isOvercommittable(name)) continue;
      requests.set(name, q);
      requested.add(name);
      defaulted.push(name);
    }
    for (const [name, q] of limits) {
      if (requested.has(name) || !isSupportedPodLevelResource(name, version)) continue;
      requests.set(name, q);
      requested.add(name);
      defaulted.push(name);
    }
  }
  if (fix && (requested.size > 0 || limited.size > 0)) {
    // 1.37 (pkg/api/pod/util.go defaultPodLevelLimits, docs/kubernetes-1.37-resources.md §0): a resource with a
    // pod-level request (written or defaulted above) that every container limits gets a pod-level limit of
    // max(pod-level request, aggregated container limits). The request replaces the aggregate only when it is
    // strictly greater (`podReq.Cmp(val) > 0`), so an equal request keeps the aggregate's format
    // (container limit 128Mi, pod request 134217728: limit 128Mi).
    const aggLimits = aggregateContainers(pod, (c) => containers.get(c)?.limits);
    const all = [...containers.values()];
    for (const [name, agg] of aggLimits) {
      if (!requested.has(name) || limited.has(name) || !isSupportedPodLevelResource(name, version)) continue;
      if (!all.every((d) => d.limits.has(name))) continue;
      const req = requests.get(name);
      limits.set(name, req && compareQuantities(req, agg) > 0 ? req : agg);
      limited.add(name);
      defaultedLimits.push(name);
    }
  }
  return { requests, limits, defaultedFromLimits: defaulted, defaultedLimits };
}
