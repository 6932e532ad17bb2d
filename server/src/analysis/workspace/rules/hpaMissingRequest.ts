/**
 * A HorizontalPodAutoscaler that scales on a resource's Utilization divides usage by the pods' requests
 * (pkg/controller/podautoscaler/replica_calculator.go calculateRequests):
 *  - a `Resource` metric sums the request of every container and sidecar (restartable init container);
 *    one without it fails the whole computation: "missing request for cpu in container X of Pod Y";
 *  - with the PodLevelResources gate (on from 1.34) and pod-level requests set, a `Resource` metric reads the
 *    pod's requests instead (PodRequests: the containers' aggregate, init containers included, with the
 *    pod-level values over it), so it fails only when neither has the resource;
 *  - a `ContainerResource` metric reads only the named container's request ("container X not found" when
 *    no container or sidecar has that name).
 * The controller reads created pods, so requests defaulted from limits and a LimitRange default request for
 * containers in the namespace count as requests. Utilization targets include autoscaling/v1's
 * targetCPUUtilizationPercentage and the v2 default (cpu at 80% when no metrics are given).
 * https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#how-does-a-horizontalpodautoscaler-work
 */
import * as l10n from '@vscode/l10n';
import type { Finding } from '../../finding';
import { readLimitRange } from '../../admission/limitRangeModel';
import { joinList } from '../../listWords';
import { isSupportedPodLevelResource } from '../../podLevel';
import { featureEnabled, kubeVersionOrLatest } from '../../../model/version';
import type { KubeVersion } from '../../../model/version';
import type { WorkspaceView } from '../index';
import type { AutoscalerMetricFacts, ContainerFacts, IndexedObject } from '../objects';
import { objectName } from './podTemplates';
import type { WorkspaceRule } from './rule';

const CODE = 'hpa-missing-request';

export const hpaMissingRequest: WorkspaceRule = {
  code: CODE,
  severity: 'warning',
  summary: () => l10n.t('A HorizontalPodAutoscaler scales on a resource\'s utilization, but a container of its target has no request for that resource, so it cannot scale.'),
  docUrl: 'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#how-does-a-horizontalpodautoscaler-work',
  check({ view, file, kubernetesVersion }) {
    const version = kubeVersionOrLatest(kubernetesVersion);
    const out: Finding[] = [];
    for (const o of view.objectsOf(file)) {
      const a = o.autoscaler;
      if (!a || o.templated || !a.target?.kind || !a.target.name || a.utilizationMetrics.length === 0) continue;
      const namespace = view.namespaceOf(o);
      const targets = view.find(namespace, a.target.kind, a.target.name);
      const target = targets[0];
      // Not in the workspace, or written twice (a base and its patch): nothing sure to say.
      if (targets.length !== 1 || !target?.pod || target.templated || target.pod.containers.length === 0) continue;
      const defaulted = limitRangeDefaults(view, namespace);
      if (!defaulted) continue;
      for (const m of a.utilizationMetrics) {
        const message = missing(m, target, defaulted, version);
        if (message) out.push({ code: CODE, severity: 'warning', span: m.span, message });
      }
    }
    return out;
  },
};

/** Whether a container has a request for the resource once the API server defaulted it from its limit. */
function requests(c: ContainerFacts, resource: string, defaulted: ReadonlySet<string>): boolean {
  return resource in c.requests || resource in c.limits || defaulted.has(resource);
}

function missing(m: AutoscalerMetricFacts, target: IndexedObject, defaulted: ReadonlySet<string>, version: KubeVersion): string | undefined {
  const pod = target.pod!;
  const r = m.resource;
  const owner = objectName(target);
  const scanned = pod.containers.filter((c) => c.role !== 'init');
  if (m.type === 'ContainerResource') {
    const name = m.container;
    if (name === undefined) return undefined;
    const c = scanned.find((x) => x.name === name);
    if (!c) {
      return l10n.t('{0}: {1} has no container or sidecar named "{2}", so the autoscaler cannot read its {3} utilization (`container {2} not found in Pod …`) and does not scale it. Name one of its containers.', m.path, owner, name, r);
    }
    if (requests(c, r, defaulted)) return undefined;
    return l10n.t('{0}: {1} utilization of container "{2}" is measured against its {1} request, but container "{2}" of {3} has none (nor a limit it would be defaulted from). The autoscaler reports `missing request for {1} in container {2} of Pod …` and does not scale {3}. Add resources.requests.{1} to container "{2}".', m.path, r, name, owner);
  }
  const podLevel = featureEnabled(version, 'PodLevelResources')
    && [...Object.keys(pod.podRequests ?? {}), ...Object.keys(pod.podLimits ?? {})].some((k) => isSupportedPodLevelResource(k, version));
  if (podLevel) {
    // Pod-level requests (written, or defaulted from pod-level limits) over the containers' aggregate.
    if (r in (pod.podRequests ?? {}) || r in (pod.podLimits ?? {}) || pod.containers.some((c) => requests(c, r, defaulted))) return undefined;
    return l10n.t('{0}: {1} utilization is measured against the pods\' {1} requests, but {2} requests no {1}: neither its pod-level spec.resources nor any container has one. The autoscaler reports `missing pod-level request for {1} in Pod …` and does not scale {2}. Add spec.resources.requests.{1}.', m.path, r, owner);
  }
  const lacking = scanned.filter((c) => !requests(c, r, defaulted));
  if (lacking.length === 0) return undefined;
  // Quoted the reader's way: "app" in English, “app” in Chinese.
  const names = lacking.map((c) => l10n.t('"{0}"', c.name ?? '?'));
  return l10n.t('{0}: {1} utilization is measured against the sum of the {1} requests of every container, sidecars included, but these containers of {2} have no {1} request (nor a limit it would be defaulted from): {3}. The autoscaler reports `missing request for {1} in container {4} of Pod …` and does not scale {2}. Add resources.requests.{1} to every container.', m.path, r, owner, joinList(names), lacking[0]!.name ?? '?');
}

/**
 * Resources that a LimitRange of the namespace gives every container a default request for (LimitRanger
 * admission); undefined when a templated LimitRange may give any.
 */
function limitRangeDefaults(view: WorkspaceView, namespace: string): Set<string> | undefined {
  const out = new Set<string>();
  for (const lr of view.find(namespace, 'LimitRange')) {
    if (lr.templated) return undefined;
    const model = lr.tree ? readLimitRange(lr.tree.root) : undefined;
    for (const item of model?.items ?? []) if (item.type === 'Container') for (const k of item.lists.defaultRequest.keys()) out.add(k);
  }
  return out;
}
