/**
 * The LimitRanger plugin's validation of a pod (PodValidateLimitFunc), after mutation and PrepareForCreate:
 *  - `type: Container` items: `min`, `max` and `maxLimitRequestRatio` against each app container, then each
 *    init container (sidecars included), with the container's own requests and limits;
 *  - `type: Pod` items: the same constraints against the pod's requests and limits as the plugin sums them
 *    (its own podRequests/podLimits: KEP-753 aggregation, no overhead, pod-level cpu/memory replacing the
 *    sum when PodLevelResources is on).
 * Values are compared as milli-units when all three fit (requestLimitEnforcedValues), else as units.
 * The messages are the plugin's own (fmt.Errorf in admission.go). The API server stops at the first
 * LimitRange with an error (runLimitFunc); this returns every LimitRange's errors, grouped.
 */
import type { ContainerModel, PodSpecModel } from '../../model/pod';
import { formatQuantity, quantityMilliValue, quantityValue, zeroQuantity } from '../../model/quantity';
import type { Quantity } from '../../model/quantity';
import { featureEnabled } from '../../model/version';
import type { KubeVersion } from '../../model/version';
import { aggregateContainers } from '../aggregate';
import type { DefaultedPod, DefaultedResources } from '../defaults';
import type { LimitField, LimitRangeItemModel, LimitRangeModel, LimitValue } from './limitRangeModel';
import { goFixed6 } from './goFloat';

export interface LimitRangeViolation {
  readonly limitRange: LimitRangeModel;
  readonly item: LimitRangeItemModel;
  readonly field: LimitField;
  readonly resource: string;
  readonly value: LimitValue;
  /** The container checked (`type: Container`), or undefined for the pod (`type: Pod`). */
  readonly container: ContainerModel | undefined;
  /** The plugin's message, e.g. "minimum cpu usage per Container is 100m, but request is 50m". */
  readonly message: string;
}

const MAX_MILLI_VALUE = ((1n << 63n) - 1n) / 1000n;
const ZERO = zeroQuantity('DecimalSI');

type List = ReadonlyMap<string, Quantity>;

/** requestLimitEnforcedValues. */
function enforcedValues(req: Quantity, lim: Quantity, enforced: Quantity): [bigint, bigint, bigint] {
  const r = quantityValue(req), l = quantityValue(lim), e = quantityValue(enforced);
  if (r <= MAX_MILLI_VALUE && l <= MAX_MILLI_VALUE && e <= MAX_MILLI_VALUE) return [quantityMilliValue(req), quantityMilliValue(lim), quantityMilliValue(enforced)];
  return [r, l, e];
}

function minConstraint(type: string, name: string, enforced: Quantity, request: List, limit: List): string | undefined {
  const req = request.get(name), lim = limit.get(name);
  const [r, l, e] = enforcedValues(req ?? ZERO, lim ?? ZERO, enforced);
  const en = formatQuantity(enforced);
  if (!req) return `minimum ${name} usage per ${type} is ${en}.  No request is specified`;
  if (r < e) return `minimum ${name} usage per ${type} is ${en}, but request is ${formatQuantity(req)}`;
  if (lim && l < e) return `minimum ${name} usage per ${type} is ${en}, but limit is ${formatQuantity(lim)}`;
  return undefined;
}

function maxConstraint(type: string, name: string, enforced: Quantity, request: List, limit: List): string | undefined {
  const req = request.get(name), lim = limit.get(name);
  const [r, l, e] = enforcedValues(req ?? ZERO, lim ?? ZERO, enforced);
  const en = formatQuantity(enforced);
  if (!lim) return `maximum ${name} usage per ${type} is ${en}.  No limit is specified`;
  if (l > e) return `maximum ${name} usage per ${type} is ${en}, but limit is ${formatQuantity(lim)}`;
  if (req && r > e) return `maximum ${name} usage per ${type} is ${en}, but request is ${formatQuantity(req)}`;
  return undefined;
}

function ratioConstraint(type: string, name: string, enforced: Quantity, request: List, limit: List): string | undefined {
  const req = request.get(name), lim = limit.get(name);
  const [r, l] = enforcedValues(req ?? ZERO, lim ?? ZERO, enforced);
  const en = formatQuantity(enforced);
  if (!req || r === 0n) return `${name} max limit to request ratio per ${type} is ${en}, but no request is specified or request is 0`;
  if (!lim || l === 0n) return `${name} max limit to request ratio per ${type} is ${en}, but no limit is specified or limit is 0`;
  const display = Number(l) / Number(r);
  let observed = display;
  let max = Number(quantityValue(enforced));
  if (quantityValue(enforced) <= MAX_MILLI_VALUE) {
    observed = observed * 1000;
    max = Number(quantityMilliValue(enforced));
  }
  if (observed > max) return `${name} max limit to request ratio per ${type} is ${en}, but provided ratio is ${goFixed6(display)}`;
  return undefined;
}

const CHECKS: readonly [LimitField, typeof minConstraint][] = [['min', minConstraint], ['max', maxConstraint], ['maxLimitRequestRatio', ratioConstraint]];

function check(lr: LimitRangeModel, item: LimitRangeItemModel, container: ContainerModel | undefined, request: List, limit: List, out: LimitRangeViolation[]): void {
  for (const [field, fn] of CHECKS) {
    for (const [resource, value] of item.lists[field]) {
      const message = fn(item.type, resource, value.quantity, request, limit);
      if (message !== undefined) out.push({ limitRange: lr, item, field, resource, value, container, message });
    }
  }
}

const POD_LEVEL = new Set(['cpu', 'memory']);

/** The plugin's podRequests / podLimits (no overhead; pod-level cpu and memory replace the sum). */
function podList(pod: PodSpecModel, containers: ReadonlyMap<ContainerModel, DefaultedResources>, podLevel: DefaultedPod['podLevel'], version: KubeVersion, side: 'requests' | 'limits'): List {
  const out = aggregateContainers(pod, (c) => containers.get(c)?.[side]);
  if (podLevel && featureEnabled(version, 'PodLevelResources')) {
    for (const [k, q] of podLevel[side]) if (POD_LEVEL.has(k)) out.set(k, q);
  }
  return out;
}

/** PodValidateLimitFunc for each LimitRange; one array per LimitRange (empty when it admits the pod). */
export function validatePod(
  pod: PodSpecModel, containers: ReadonlyMap<ContainerModel, DefaultedResources>, podLevel: DefaultedPod['podLevel'],
  version: KubeVersion, ranges: readonly LimitRangeModel[],
): LimitRangeViolation[][] {
  const order = [...pod.containers.filter((c) => c.role === 'app'), ...pod.containers.filter((c) => c.role === 'init' || c.role === 'sidecar')];
  return ranges.map((lr) => {
    const out: LimitRangeViolation[] = [];
    for (const item of lr.items) {
      if (item.type === 'Container') {
        for (const c of order) {
          const res = containers.get(c);
          if (res) check(lr, item, c, res.requests, res.limits, out);
        }
      }
      if (item.type === 'Pod') {
        check(lr, item, undefined, podList(pod, containers, podLevel, version, 'requests'), podList(pod, containers, podLevel, version, 'limits'), out);
      }
    }
    return out;
  });
}
