/**
 * The LimitRanger admission plugin on a pod create (k8s.io/kubernetes v1.37.2 plugin/pkg/admission/limitranger):
 *  - Admit (mutating, after decoding and defaulting, before the pod strategy's PrepareForCreate): every
 *    Container-type item's `defaultRequest` and `default` fill the requests and limits a container (app, then
 *    init and sidecar; not ephemeral) does not set, one LimitRange after another (mergePodResourceRequirements);
 *  - Validate (after validation): Container items check every container's requests and limits against `min`,
 *    `max` and `maxLimitRequestRatio`; Pod items check the pod's sums (the plugin's own podRequests/podLimits:
 *    no overhead; pod-level spec.resources replace cpu/memory when PodLevelResources is on).
 * Each violation is the plugin's own sentence; the API server answers `pods "NAME" is forbidden: <sentence>`.
 * The informer lists a namespace's LimitRanges in no defined order; Pod Lens takes them by name.
 */
import type { Range } from '../../model/lineIndex';
import type { ContainerModel, PodSpecModel } from '../../model/pod';
import type { LimitRangeConstraint, LimitRangeModel, LimitRangeValue } from '../../model/limitRange';
import { compareQuantities, formatQuantity, quantityMilliValue, quantityValue, zeroQuantity } from '../../model/quantity';
import type { Quantity } from '../../model/quantity';
import { featureEnabled } from '../../model/version';
import type { KubeVersion } from '../../model/version';
import type { DefaultedResources } from '../defaults';
import { addInto } from '../resourceMath';
import type { ResourceMap } from '../resourceMath';
import { formatGoFloat } from './goFloat';

/** A LimitRange and the file it is in (named in hovers and lenses as `file:line`). */
export interface LimitRangeSource {
  readonly range: LimitRangeModel & { readonly kindRange: Range };
  readonly file: string;
  /** 1-based line of the object's `kind:`. */
  readonly line: number;
  /** The namespace it is in (its own, else the default namespace). */
  readonly namespace: string;
}

export interface AppliedDefault {
  readonly container: ContainerModel;
  readonly which: 'requests' | 'limits';
  readonly resource: string;
  readonly quantity: Quantity;
  readonly source: LimitRangeSource;
  readonly value: LimitRangeValue;
}

export interface LimitRangeViolation {
  /** The plugin's sentence, e.g. "maximum memory usage per Container is 1Gi, but limit is 2Gi". */
  readonly message: string;
  /** Undefined for a Pod-type item (the pod's sums). */
  readonly container: ContainerModel | undefined;
  readonly resource: string;
  readonly constraint: Exclude<LimitRangeConstraint, 'default' | 'defaultRequest'>;
  readonly source: LimitRangeSource;
}

export interface LimitRangeAdmission {
  readonly sources: readonly LimitRangeSource[];
  readonly applied: readonly AppliedDefault[];
  /** The `kubernetes.io/limit-ranger` annotation the last defaulting LimitRange wrote, if any. */
  readonly annotation: string | undefined;
  readonly violations: readonly LimitRangeViolation[];
}

/** Containers in the plugin's order: spec.containers, then spec.initContainers (sidecars included). */
function pluginOrder(pod: PodSpecModel): ContainerModel[] {
  return [...pod.containers.filter((c) => c.role === 'app'), ...pod.containers.filter((c) => c.role === 'init' || c.role === 'sidecar')];
}

/** Admit: the containers' resources after every LimitRange's defaults, and what was set where. */
export function admitLimitRanges(pod: PodSpecModel, containers: ReadonlyMap<ContainerModel, DefaultedResources>, sources: readonly LimitRangeSource[]): { containers: Map<ContainerModel, DefaultedResources>; applied: AppliedDefault[]; annotation: string | undefined } {
  const out = new Map(containers);
  const applied: AppliedDefault[] = [];
  let annotation: string | undefined;
  for (const source of sources) {
    // defaultContainerResourceRequirements: later Container items overwrite earlier ones, key by key.
    const requests = new Map<string, LimitRangeValue>();
    const limits = new Map<string, LimitRangeValue>();
    for (const item of source.range.items) {
      if (item.type !== 'Container') continue;
      for (const [k, v] of item.values.get('defaultRequest') ?? []) requests.set(k, v);
      for (const [k, v] of item.values.get('default') ?? []) limits.set(k, v);
    }
    const notes: string[] = [];
    for (const c of pluginOrder(pod)) {
      const current = out.get(c);
      if (!current) continue;
      const req = new Map(current.requests);
      const lim = new Map(current.limits);
      const setRequests: string[] = [];
      const setLimits: string[] = [];
      for (const [k, v] of limits) {
        if (lim.has(k)) continue;
        lim.set(k, v.quantity);
        setLimits.push(k);
        applied.push({ container: c, which: 'limits', resource: k, quantity: v.quantity, source, value: v });
      }
      for (const [k, v] of requests) {
        if (req.has(k)) continue;
        req.set(k, v.quantity);
        setRequests.push(k);
        applied.push({ container: c, which: 'requests', resource: k, quantity: v.quantity, source, value: v });
      }
      const what = c.role === 'app' ? 'container' : 'init container';
      if (setRequests.length) notes.push(`${[...setRequests].sort().join(', ')} request for ${what} ${c.name}`);
      if (setLimits.length) notes.push(`${[...setLimits].sort().join(', ')} limit for ${what} ${c.name}`);
      if (setRequests.length || setLimits.length) out.set(c, { ...current, requests: req, limits: lim });
    }
    if (notes.length) annotation = `LimitRanger plugin set: ${notes.join('; ')}`;
  }
  return { containers: out, applied, annotation };
}

const MAX_MILLI_VALUE = ((1n << 63n) - 1n) / 1000n;

/** requestLimitEnforcedValues: integer values, or milli values when none would overflow. */
function comparable(request: Quantity | undefined, limit: Quantity | undefined, enforced: Quantity): [bigint, bigint, bigint] {
  const zero = zeroQuantity('DecimalSI');
  const r = request ?? zero;
  const l = limit ?? zero;
  const values: [bigint, bigint, bigint] = [quantityValue(r), quantityValue(l), quantityValue(enforced)];
  if (values.every((v) => v <= MAX_MILLI_VALUE)) return [quantityMilliValue(r), quantityMilliValue(l), quantityMilliValue(enforced)];
  return values;
}

type Check = (kind: string, resource: string, enforced: Quantity, requests: ResourceMap, limits: ResourceMap) => string | undefined;

const minConstraint: Check = (kind, resource, enforced, requests, limits) => {
  const req = requests.get(resource);
  const lim = limits.get(resource);
  const [r, l, e] = comparable(req, lim, enforced);
  if (!req) return `minimum ${resource} usage per ${kind} is ${formatQuantity(enforced)}.  No request is specified`;
  if (r < e) return `minimum ${resource} usage per ${kind} is ${formatQuantity(enforced)}, but request is ${formatQuantity(req)}`;
  if (lim && l < e) return `minimum ${resource} usage per ${kind} is ${formatQuantity(enforced)}, but limit is ${formatQuantity(lim)}`;
  return undefined;
};

const maxConstraint: Check = (kind, resource, enforced, requests, limits) => {
  const req = requests.get(resource);
  const lim = limits.get(resource);
  const [r, l, e] = comparable(req, lim, enforced);
  if (!lim) return `maximum ${resource} usage per ${kind} is ${formatQuantity(enforced)}.  No limit is specified`;
  if (l > e) return `maximum ${resource} usage per ${kind} is ${formatQuantity(enforced)}, but limit is ${formatQuantity(lim)}`;
  if (req && r > e) return `maximum ${resource} usage per ${kind} is ${formatQuantity(enforced)}, but request is ${formatQuantity(req)}`;
  return undefined;
};

const ratioConstraint: Check = (kind, resource, enforced, requests, limits) => {
  const req = requests.get(resource);
  const lim = limits.get(resource);
  const [r, l] = comparable(req, lim, enforced);
  const shown = formatQuantity(enforced);
  if (!req || r === 0n) return `${resource} max limit to request ratio per ${kind} is ${shown}, but no request is specified or request is 0`;
  if (!lim || l === 0n) return `${resource} max limit to request ratio per ${kind} is ${shown}, but no limit is specified or limit is 0`;
  // float64 arithmetic, as the plugin does it.
  const observed = Number(l) / Number(r);
  let compared = observed;
  let max = Number(quantityValue(enforced));
  if (quantityValue(enforced) <= MAX_MILLI_VALUE) {
    compared = observed * 1000;
    max = Number(quantityMilliValue(enforced));
  }
  if (compared > max) return `${resource} max limit to request ratio per ${kind} is ${shown}, but provided ratio is ${formatGoFloat(observed)}`;
  return undefined;
};

const CHECKS: readonly [LimitRangeViolation['constraint'], Check][] = [['min', minConstraint], ['max', maxConstraint], ['maxLimitRequestRatio', ratioConstraint]];

/** The limitranger's podRequests/podLimits: containers + sidecar-aware init peak, pod-level cpu/memory override; no overhead. */
function podSum(pod: PodSpecModel, containers: ReadonlyMap<ContainerModel, DefaultedResources>, podLevel: ResourceMap | undefined, which: 'requests' | 'limits'): ResourceMap {
  const total: ResourceMap = new Map();
  for (const c of pod.containers) if (c.role === 'app') addInto(total, containers.get(c)?.[which] ?? new Map());
  const restartable: ResourceMap = new Map();
  const initPeak: ResourceMap = new Map();
  for (const c of pod.containers) {
    if (c.role !== 'init' && c.role !== 'sidecar') continue;
    const own = containers.get(c)?.[which] ?? new Map<string, Quantity>();
    let candidate: ResourceMap;
    if (c.role === 'sidecar') {
      addInto(total, own);
      addInto(restartable, own);
      candidate = restartable;
    } else {
      candidate = new Map();
      addInto(candidate, own);
      addInto(candidate, restartable);
    }
    for (const [k, q] of candidate) {
      const cur = initPeak.get(k);
      if (!cur || compareQuantities(q, cur) > 0) initPeak.set(k, q);
    }
  }
  for (const [k, q] of initPeak) {
    const cur = total.get(k);
    if (!cur || compareQuantities(q, cur) > 0) total.set(k, q);
  }
  for (const [k, q] of podLevel ?? []) if (k === 'cpu' || k === 'memory') total.set(k, q);
  return total;
}

/** Validate: every violation of every LimitRange, in the plugin's words. */
export function validateLimitRanges(
  pod: PodSpecModel,
  containers: ReadonlyMap<ContainerModel, DefaultedResources>,
  podLevel: { readonly requests: ResourceMap; readonly limits: ResourceMap } | undefined,
  sources: readonly LimitRangeSource[],
  version: KubeVersion,
): LimitRangeViolation[] {
  const out: LimitRangeViolation[] = [];
  const podLevelOn = featureEnabled(version, 'PodLevelResources');
  for (const source of sources) {
    for (const item of source.range.items) {
      if (item.type === 'Container') {
        for (const c of pluginOrder(pod)) {
          const d = containers.get(c);
          if (!d) continue;
          for (const [constraint, check] of CHECKS) {
            for (const [resource, v] of item.values.get(constraint) ?? []) {
              const message = check('Container', resource, v.quantity, d.requests, d.limits);
              if (message) out.push({ message, container: c, resource, constraint, source });
            }
          }
        }
      } else if (item.type === 'Pod') {
        const requests = podSum(pod, containers, podLevelOn ? podLevel?.requests : undefined, 'requests');
        const limits = podSum(pod, containers, podLevelOn ? podLevel?.limits : undefined, 'limits');
        for (const [constraint, check] of CHECKS) {
          for (const [resource, v] of item.values.get(constraint) ?? []) {
            const message = check('Pod', resource, v.quantity, requests, limits);
            if (message) out.push({ message, container: undefined, resource, constraint, source });
          }
        }
      }
    }
  }
  return out;
}
