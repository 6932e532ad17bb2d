/**
 * Pod-level requests must cover what the containers request together (the larger of app containers
 * plus sidecars and the init-container peak), a pod-level hugepage limit must cover the containers'
 * hugepage limits, and no app container may have a limit above the pod-level limit.
 * Spec: pkg/apis/core/validation validatePodResourceConsistency (and validateResourceRequirements for a
 * pod-level request the API server defaults above the pod-level limit).
 *
 * What is validated depends on the object (every value rounded up to milli first, SetDefaults_ResourceList):
 *  - a Pod is validated after defaulting: container requests copied from limits (core/v1 SetDefaults_Pod)
 *    and the pod-level defaulting (SetDefaults_Pod at 1.34, podutil.DefaultPodLevelResources at 1.37);
 *  - a template (Deployment, Job, PodTemplate, ...) is validated as written: no request is copied from a
 *    limit. The pods its controller creates are defaulted as Pods, so a template the API server accepts
 *    can still give pods it rejects (pkg/controller GetPodFromTemplate, then the pod create path): that
 *    is a warning on the template, in the pod's words.
 * https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#pod-level-resource-specification
 */
import * as l10n from '@vscode/l10n';
import { compareQuantities, formatQuantity, roundUpQuantity } from '../../../model/quantity';
import type { Quantity } from '../../../model/quantity';
import type { ResourceEntry } from '../../../model/pod';
import { entry } from '../../../model/tree';
import type { Span } from '../../../model/tree';
import { aggregateContainers } from '../../aggregate';
import { isSupportedPodLevelResource } from '../../podLevel';
import type { PodAnalysis } from '../../podAnalysis';
import type { ResourceMap } from '../../resourceMath';
import type { Rule, RuleFinding } from '../rule';
import { q, specPathOf } from '../shared/fieldPaths';
import { isHugePages, isOvercommitAllowed } from '../shared/resourceNames';
import { nodeSpan } from '../shared/spans';

const MILLI = -3;

/** A written resource list, rounded as SetDefaults_ResourceList does. */
function rounded(list: readonly ResourceEntry[]): ResourceMap {
  const out: ResourceMap = new Map();
  for (const e of list) if (e.quantity) out.set(e.name, roundUpQuantity(e.quantity, MILLI));
  return out;
}

interface Values {
  readonly podRequests: ReadonlyMap<string, Quantity>;
  readonly podLimits: ReadonlyMap<string, Quantity>;
  /** AggregateContainerRequests / AggregateContainerLimits of the containers as validated. */
  readonly aggRequests: ReadonlyMap<string, Quantity>;
  readonly aggLimits: ReadonlyMap<string, Quantity>;
}

/** The values the API server validates for a Pod (after defaulting). */
function podValues(a: PodAnalysis): Values | undefined {
  if (!a.podLevel) return undefined;
  return {
    podRequests: a.podLevel.requests, podLimits: a.podLevel.limits,
    aggRequests: a.effective.requests.containers,
    aggLimits: aggregateContainers(a.pod, (c) => a.containerResources.get(c)?.limits),
  };
}

/** The values the API server validates for a template (as written, rounded). */
function templateValues(a: PodAnalysis): Values | undefined {
  const r = a.pod.podResources;
  if (!r) return undefined;
  return {
    podRequests: rounded(r.requests), podLimits: rounded(r.limits),
    aggRequests: aggregateContainers(a.pod, (c) => rounded(c.resources.requests)),
    aggLimits: aggregateContainers(a.pod, (c) => rounded(c.resources.limits)),
  };
}

interface Problem {
  readonly kind: 'requests' | 'limits' | 'container' | 'defaulted';
  /** Identifies the same problem in the template and in its pods. */
  readonly key: string;
  /** `spec.resources` (or the template's). */
  readonly base: string;
  readonly path: string;
  readonly name: string;
  readonly value: string;
  /** The other quantity of the comparison, as the API server prints it. */
  readonly bound: string;
  readonly detail: string;
  readonly index?: string;
  readonly container?: string;
  readonly span: Span;
  readonly data?: unknown;
}

/** validatePodResourceConsistency, plus request <= limit for pod-level requests the API server defaulted. */
function problems(a: PodAnalysis, v: Values, defaulted: boolean): Problem[] {
  const { pod, version } = a;
  const r = pod.podResources!;
  const base = `${specPathOf(pod)}.resources`;
  const anchor = entry(pod.spec, 'resources')?.keySpan ?? pod.anchorSpan;
  const written = (list: readonly ResourceEntry[], name: string) => list.find((e) => e.name === name);
  const spanOf = (e: ResourceEntry | undefined, fallback: Span) => (e ? nodeSpan(e.node, e.keySpan) : fallback);
  const out: Problem[] = [];
  for (const [name, req] of v.podRequests) {
    const agg = v.aggRequests.get(name);
    if (!agg || compareQuantities(agg, req) <= 0) continue;
    const w = written(r.requests, name);
    out.push({
      kind: 'requests', key: `requests:${name}`, base, name, bound: formatQuantity(agg), path: `${base}.requests[${name}]`, value: q(formatQuantity(req)),
      detail: `must be greater than or equal to aggregate container requests of ${formatQuantity(agg)}`,
      span: spanOf(w, spanOf(written(r.limits, name), anchor)), data: w ? { resource: name, value: formatQuantity(agg) } : undefined,
    });
  }
  for (const [name, lim] of v.podLimits) {
    const agg = v.aggLimits.get(name);
    if (!isHugePages(name) || !agg || compareQuantities(agg, lim) <= 0) continue;
    out.push({
      kind: 'limits', key: `limits:${name}`, base, name, bound: formatQuantity(agg), path: `${base}.limits[${name}]`, value: q(formatQuantity(lim)),
      detail: `must be greater than or equal to aggregate container limits of ${formatQuantity(agg)}`,
      span: spanOf(written(r.limits, name), anchor),
    });
  }
  for (const c of pod.containers) {
    if (c.role !== 'app') continue;
    for (const cl of c.resources.limits) {
      const lim = v.podLimits.get(cl.name);
      if (!cl.quantity || !lim) continue;
      const value = roundUpQuantity(cl.quantity, MILLI);
      if (compareQuantities(value, lim) <= 0) continue;
      const podLimit = formatQuantity(lim);
      out.push({
        kind: 'container', key: `container:${c.listKey}:${c.index}:${cl.name}`, base, name: cl.name, bound: podLimit, index: String(c.index), container: c.name, path: `${base}.containers[${c.index}][${cl.name}].limits`,
        value: q(formatQuantity(value)), detail: `must be less than or equal to pod limits of ${podLimit}`,
        span: nodeSpan(cl.node, cl.keySpan), data: { container: { list: c.listKey, index: c.index }, resource: cl.name, value: podLimit },
      });
    }
  }
  if (defaulted) {
    // A pod-level request the API server defaulted (from the containers) above the pod-level limit:
    // validateResourceRequirements reports it at the requests path itself, without a key.
    for (const name of a.podLevel?.defaultedFromLimits ?? []) {
      const req = v.podRequests.get(name);
      const lim = v.podLimits.get(name);
      if (!req || !lim || !isSupportedPodLevelResource(name, version) || !isOvercommitAllowed(name) || compareQuantities(req, lim) <= 0) continue;
      out.push({
        kind: 'defaulted', key: `defaulted:${name}`, base, name, bound: formatQuantity(lim), path: `${base}.requests`, value: q(formatQuantity(req)),
        detail: `must be less than or equal to ${name} limit of ${formatQuantity(lim)}`,
        span: spanOf(written(r.limits, name), anchor),
      });
    }
  }
  return out;
}

/** The error as the API server words it, then why. */
function errorMessage(p: Problem): string {
  if (p.kind === 'requests') return l10n.t('{0}.requests[{1}]: Invalid value: {2}: must be greater than or equal to aggregate container requests of {3}. The pod-level request is the budget its containers share, so it cannot be smaller than what they request together (app containers plus sidecars, or the init-container peak if higher).', p.base, p.name, p.value, p.bound);
  if (p.kind === 'container') return l10n.t('{0}.containers[{1}][{2}].limits: Invalid value: {3}: must be less than or equal to pod limits of {4}. Container "{5}" may not be allowed more {2} than the whole pod.', p.base, p.index ?? '', p.name, p.value, p.bound, p.container ?? '');
  if (p.kind === 'limits') return l10n.t('{0}.limits[{1}]: Invalid value: {2}: must be greater than or equal to aggregate container limits of {3}. Hugepages cannot be overcommitted, so the pod-level limit must cover the hugepages its containers limit together.', p.base, p.name, p.value, p.bound);
  return l10n.t('{0}.requests: Invalid value: {1}: must be less than or equal to {2} limit of {3}. No pod-level {2} request is written, so the API server sets it to what the containers request together, which is above the pod-level limit.', p.base, p.value, p.name, p.bound);
}

export const podResourcesInconsistent: Rule = {
  code: 'pod-resources-inconsistent',
  severity: 'error',
  summary: () => l10n.t('Pod-level resources are smaller than what the containers need.'),
  docUrl: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#pod-level-resource-specification',
  check({ analysis }) {
    const { pod } = analysis;
    if (!pod.podResources) return [];
    const out: RuleFinding[] = [];
    const isPod = pod.kind === 'Pod';
    const validated = isPod ? podValues(analysis) : templateValues(analysis);
    const errors = validated ? problems(analysis, validated, isPod) : [];
    for (const p of errors) {
      out.push({ span: p.span, message: errorMessage(p), data: p.data });
    }
    if (isPod) return out;
    // The pods the controller creates from this template are defaulted and validated as Pods.
    const asPod = podValues(analysis);
    if (!asPod) return out;
    const seen = new Set(errors.map((p) => p.key));
    const podBase = 'spec.resources';
    const base = `${specPathOf(pod)}.resources`;
    for (const p of problems(analysis, asPod, true)) {
      if (seen.has(p.key)) continue;
      out.push({
        span: p.span,
        severity: 'warning',
        message: l10n.t('{0}: the API server accepts this {1}, but rejects every pod created from it: {2}: Invalid value: {3}: {4}. In a pod, a container request that is not written is copied from its limit (and pod-level requests are defaulted from the containers); a template is not defaulted that way.', p.path, pod.kind, podBase + p.path.slice(base.length), p.value, p.detail),
        data: p.data,
      });
    }
    return out;
  },
};
