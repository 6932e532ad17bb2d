/**
 * Kubernetes' ResourceQuota pod evaluator (pkg/quota/v1/evaluator/core/pods.go, NewPodEvaluator), ported
 * onto Pod Lens's analysis of a pod after LimitRange admission:
 *  - usage: `count/pods` and `pods` 1, `requests.*`, `limits.*` and bare `cpu`/`memory`/`ephemeral-storage`
 *    (= requests) from the pod's effective requests and limits (resourcehelper.PodRequests/PodLimits),
 *    hugepages (`hugepages-X` and `requests.hugepages-X`), extended resources as `requests.X`;
 *  - whether a quota matches the pod (generic.Matches: a hard resource the evaluator tracks, and every scope);
 *  - MatchingResources: which hard resource names the evaluator tracks;
 *  - Constraints: the "must specify" rule for cpu/memory quotas.
 * A pod created from a file is never terminal, so the evaluator's end-of-life exemption does not apply.
 * https://kubernetes.io/docs/concepts/policy/resource-quotas/
 */
import { get, isMap, isNull, items, str } from '../../model/tree';
import type { YNode } from '../../model/tree';
import { featureEnabled } from '../../model/version';
import type { KubeVersion } from '../../model/version';
import { parseQuantity } from '../../model/quantity';
import type { PodAnalysis } from '../podAnalysis';
import type { ResourceMap } from '../resourceMath';
import { isNative, qualifiedNameErrors } from '../rules/shared/resourceNames';
import { isSupportedPodLevelResource } from '../podLevel';
import type { ResourceQuotaModel, ScopeRequirement } from './resourceQuotaModel';

const ONE = parseQuantity('1')!;

/** podResources: the resources of a pod the evaluator tracks by name. */
const POD_RESOURCES = new Set([
  'count/pods', 'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods',
]);
/** podResourcePrefixes. */
const POD_RESOURCE_PREFIXES = ['hugepages-', 'requests.hugepages-'];
/** The implicit extended resource of a DRA device class (1.37: requests.deviceclass.resource.kubernetes.io/NAME). */
const DEVICE_CLASS_PREFIX = 'deviceclass.resource.kubernetes.io/';
/** The resources a cpu/memory quota makes every container specify (validationSet). */
const VALIDATION_SET = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

/** v1helper.IsExtendedResourceName, or at 1.37 schedutil.IsDRAExtendedResourceName (device classes too). */
function isExtendedForUsage(name: string, version: KubeVersion): boolean {
  const extended = !isNative(name) && !name.startsWith('requests.') && qualifiedNameErrors(`requests.${name}`).length === 0;
  return extended || (deviceClassQuota(version) && name.startsWith(DEVICE_CLASS_PREFIX));
}

/** The 1.37 evaluator counts device-class names; 1.34 has no such branch. */
function deviceClassQuota(version: KubeVersion): boolean {
  return version.minor >= 37;
}

/** isExtendedResourceNameForQuota: `requests.` and not native (or a device class at 1.37). */
function isExtendedQuotaName(name: string, version: KubeVersion): boolean {
  const implicit = deviceClassQuota(version) && name.startsWith(`requests.${DEVICE_CLASS_PREFIX}`);
  return (!isNative(name) || implicit) && name.startsWith('requests.');
}

/** podComputeUsageHelper: the quota names a requests/limits pair charges. */
function computeUsage(requests: ReadonlyMap<string, unknown>, limits: ReadonlyMap<string, unknown>, version: KubeVersion): Map<string, unknown> {
  const out = new Map<string, unknown>([['pods', ONE]]);
  for (const name of ['cpu', 'memory', 'ephemeral-storage']) {
    const r = requests.get(name);
    if (r !== undefined) { out.set(name, r); out.set(`requests.${name}`, r); }
    const l = limits.get(name);
    if (l !== undefined) out.set(`limits.${name}`, l);
  }
  for (const [name, r] of requests) {
    if (name.startsWith('hugepages-')) { out.set(name, r); out.set(`requests.${name}`, r); }
    if (isExtendedForUsage(name, version)) out.set(`requests.${name}`, r);
  }
  return out;
}

/** PodUsageFunc on the stored pod: what creating it charges to a quota that tracks each name. */
export function podQuotaUsage(a: PodAnalysis): ResourceMap {
  const usage = computeUsage(a.effective.requests.total, a.effective.limits.total, a.version) as ResourceMap;
  const out: ResourceMap = new Map([['count/pods', ONE]]);
  for (const [k, q] of usage) out.set(k, q);
  return out;
}

/** MatchingResources: the names of `input` the pod evaluator tracks (Intersection sorted first, then the prefixed ones). */
export function matchingResources(input: readonly string[], version: KubeVersion): string[] {
  const out = [...new Set(input.filter((n) => POD_RESOURCES.has(n)))].sort();
  for (const n of input) {
    if (POD_RESOURCE_PREFIXES.some((p) => n.startsWith(p))) out.push(n);
    if (isExtendedQuotaName(n, version)) out.push(n);
  }
  return out;
}

/** What scope matching reads from a pod. */
export interface PodScopeFacts {
  readonly terminating: boolean;
  readonly bestEffort: boolean;
  readonly priorityClassName: string;
  readonly crossNamespaceAffinity: boolean;
}

export function podScopeFacts(a: PodAnalysis): PodScopeFacts {
  const deadline = a.pod.activeDeadlineSeconds;
  return {
    terminating: deadline !== undefined && deadline.node !== undefined && !isNull(deadline.node) && deadline.value >= 0,
    bestEffort: a.qos.qosClass === 'BestEffort',
    priorityClassName: str(get(a.pod.spec, 'priorityClassName')) ?? '',
    crossNamespaceAffinity: usesCrossNamespaceAffinity(get(a.pod.spec, 'affinity')),
  };
}

/** A term with `namespaces` or a `namespaceSelector` (even `{}`) looks beyond the pod's namespace. */
function crossNamespaceTerm(term: YNode | undefined): boolean {
  const selector = get(term, 'namespaceSelector');
  return items(get(term, 'namespaces')).length > 0 || (selector !== undefined && !isNull(selector));
}

function usesCrossNamespaceAffinity(affinity: YNode | undefined): boolean {
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const a = get(affinity, kind);
    if (!isMap(a)) continue;
    if (items(get(a, 'requiredDuringSchedulingIgnoredDuringExecution')).some(crossNamespaceTerm)) return true;
    if (items(get(a, 'preferredDuringSchedulingIgnoredDuringExecution')).some((w) => crossNamespaceTerm(get(w, 'podAffinityTerm')))) return true;
  }
  return false;
}

/** A label value as labels.NewRequirement accepts it (63 characters, alphanumeric ends). */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/**
 * podMatchesScopeFunc. Throws, with the selector parser's complaint, where Kubernetes' selector parsing
 * fails (an operator it does not know, an In without values, a value that is no label value).
 */
export function matchesScope(s: ScopeRequirement, pod: PodScopeFacts): boolean {
  switch (s.scopeName) {
    case 'Terminating': return pod.terminating;
    case 'NotTerminating': return !pod.terminating;
    case 'BestEffort': return pod.bestEffort;
    case 'NotBestEffort': return !pod.bestEffort;
    case 'CrossNamespacePodAffinity': return pod.crossNamespaceAffinity;
    case 'PriorityClass': return matchesPriorityClass(s, pod.priorityClassName);
    default: return false;
  }
}

function matchesPriorityClass(s: ScopeRequirement, name: string): boolean {
  if (s.operator === 'Exists') return name.length > 0;
  const has = name.length > 0;
  switch (s.operator) {
    case 'In':
    case 'NotIn': {
      if (s.values.length === 0) throw new Error(`for 'in', 'notin' operators, values set can't be empty`);
      const bad = s.values.find((v) => v.length > 63 || !LABEL_VALUE.test(v));
      if (bad !== undefined) throw new Error(`invalid label value: "${bad}"`);
      const inSet = has && s.values.includes(name);
      return s.operator === 'In' ? inSet : !inSet;
    }
    case 'DoesNotExist':
      if (s.values.length > 0) throw new Error(`values set must be empty for exists and does not exist`);
      return !has;
    default:
      throw new Error(`"${s.operator}" is not a valid scope selector operator`);
  }
}

/** generic.Matches: the quota tracks at least one of the pod's resources and every scope holds. */
export function quotaMatchesPod(quota: ResourceQuotaModel, pod: PodScopeFacts, version: KubeVersion): boolean {
  const tracks = matchingResources(quota.hard.map((h) => h.name), version).length > 0;
  let scopes = true;
  for (const s of quota.selectors) scopes = matchesScope(s, pod) && scopes;
  return tracks && scopes;
}

/**
 * Constraints: with a quota on cpu or memory, every init and app container must set each of those
 * resources itself (after LimitRange defaults), unless the pod sets pod-level resources. The evaluator's
 * message, or undefined.
 */
export function quotaConstraints(required: readonly string[], a: PodAnalysis): string | undefined {
  if (featureEnabled(a.version, 'PodLevelResources') && podLevelResourcesSet(a)) return undefined;
  const requiredSet = [...new Set(required)].filter((n) => VALIDATION_SET.has(n));
  const missing = new Map<string, Set<string>>();
  const containers = [...a.containerResources.entries()];
  // pods.go walks spec.containers, then spec.initContainers; the names end up in sorted sets anyway.
  for (const [c, res] of containers) {
    const has = computeUsage(res.requests, res.limits, a.version);
    for (const r of requiredSet) {
      if (has.has(r)) continue;
      const names = missing.get(r) ?? new Set<string>();
      names.add(c.name);
      missing.set(r, names);
    }
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

/** resourcehelper.IsPodLevelResourcesSet on the stored pod. */
function podLevelResourcesSet(a: PodAnalysis): boolean {
  const p = a.podLevel;
  if (!p) return false;
  return [...p.requests.keys(), ...p.limits.keys()].some((k) => isSupportedPodLevelResource(k, a.version));
}
