/**
 * A PodDisruptionBudget that allows no voluntary eviction at all: every `kubectl drain`, node upgrade and
 * cluster-autoscaler scale-down waits on its pods forever. The disruption controller
 * (pkg/controller/disruption getExpectedPodCount) allows currentHealthy - desiredHealthy evictions, where
 *  - maxUnavailable: desiredHealthy = expected - GetScaledValueFromIntOrPercent(maxUnavailable, expected,
 *    roundUp=true), so 0 and "0%" allow none;
 *  - minAvailable as a number: desiredHealthy = minAvailable, with expected = the pods it selects;
 *  - minAvailable as a percentage: desiredHealthy = ceil(p × expected / 100), expected = the scale of the
 *    controllers of the pods it selects; so "100%" allows none, and "90%" of 3 replicas rounds up to 3.
 * The pods are counted from the replicas of the Deployments, StatefulSets, ReplicaSets and
 * ReplicationControllers (and bare Pods, 1 each) it selects in its namespace; quiet when some selected pods
 * are not counted that way (DaemonSets, Jobs, other kinds), when an autoscaler changes a selected
 * workload's replicas, when a selected workload is written twice (a Kustomize base and its patch), and for
 * templated objects.
 * https://kubernetes.io/docs/tasks/run-application/configure-pdb/
 */
import * as l10n from '@vscode/l10n';
import type { Finding } from '../../finding';
import { field } from '../../fixes/context';
import type { Span } from '../../../model/tree';
import type { WorkspaceView } from '../index';
import type { IndexedObject, ValueAt } from '../objects';
import { joinList } from '../../listWords';
import { objectName, selectedOwners, selectsCustom, templatesIn, writtenTwice } from './podTemplates';
import type { NamespaceTemplates } from './podTemplates';
import type { WorkspaceRule } from './rule';

const CODE = 'pdb-blocks-eviction';
const COUNTED = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

export const pdbBlocksEviction: WorkspaceRule = {
  code: CODE,
  severity: 'warning',
  summary: () => l10n.t('A PodDisruptionBudget allows no voluntary eviction, so node drains wait on its pods forever.'),
  docUrl: 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/',
  check({ view, file }) {
    const out: Finding[] = [];
    for (const o of view.objectsOf(file)) {
      const b = o.disruptionBudget;
      if (!b || o.templated) continue;
      // Both set is an API error of its own; neither set allows every eviction.
      if (b.minAvailable && b.maxUnavailable) continue;
      const finding = b.maxUnavailable ? maxUnavailableBlocks(b.maxUnavailable) : b.minAvailable ? minAvailableBlocks(view, o, b.minAvailable) : undefined;
      if (finding) out.push({ code: CODE, severity: 'warning', ...finding });
    }
    return out;
  },
  fixes({ finding }) {
    const span = field(finding.data, 'span') as Span | undefined;
    const to = field(finding.data, 'to');
    const key = field(finding.data, 'key');
    if (!span || typeof span.start !== 'number' || typeof span.end !== 'number' || typeof to !== 'number' || typeof key !== 'string') return [];
    return [{ title: l10n.t('Set {0} to {1}', key, String(to)), edits: [{ start: span.start, end: span.end, newText: String(to) }] }];
  },
};

type Found = Pick<Finding, 'span' | 'message' | 'data'>;

/** A percentage as written ("25%"), else undefined. */
function percent(value: string | number): number | undefined {
  const m = typeof value === 'string' ? /^(\d+)%$/.exec(value) : null;
  return m ? Number(m[1]) : undefined;
}

function maxUnavailableBlocks(v: ValueAt<string | number>): Found | undefined {
  if (v.value !== 0 && percent(v.value) !== 0) return undefined;
  return {
    span: v.span,
    message: l10n.t('spec.maxUnavailable: {0} allows no pod to be evicted, so every voluntary disruption (kubectl drain, a node upgrade, the cluster autoscaler) waits on these pods forever. Allow at least 1, or rely on the rollout strategy instead of a budget.', String(v.value)),
    data: { span: v.span, key: 'maxUnavailable', to: 1 },
  };
}

function minAvailableBlocks(view: WorkspaceView, pdb: IndexedObject, v: ValueAt<string | number>): Found | undefined {
  const p = percent(v.value);
  if (p === 100) {
    return {
      span: v.span,
      message: l10n.t('spec.minAvailable: 100% keeps every pod it selects, so no pod may ever be evicted: kubectl drain, node upgrades and the cluster autoscaler wait on these pods forever. Use a lower percentage, or maxUnavailable: 1.'),
    };
  }
  if (typeof v.value !== 'number' && p === undefined) return undefined;
  const selector = pdb.disruptionBudget!.selector;
  if (!selector.present || !selector.requirements) return undefined;
  // policy/v1beta1: an empty selector selected nothing; policy/v1: everything in the namespace.
  if (selector.requirements.length === 0 && pdb.apiVersion === 'policy/v1beta1') return undefined;
  const t = templatesIn(view, view.namespaceOf(pdb));
  if (t.uncertain || selectsCustom(t, selector.requirements)) return undefined;
  const selected = selectedOwners(t, selector.requirements);
  if (selected.length === 0) return undefined;
  // A percentage counts controllers' scale (bare pods have none); a number counts pods.
  if (selected.some((w) => !(COUNTED.has(w.kind) || (w.kind === 'Pod' && p === undefined)))) return undefined;
  if (autoscaled(t, selected) || selected.some((w) => writtenTwice(t, w))) return undefined;
  const replicas = selected.reduce((n, w) => n + (w.kind === 'Pod' ? 1 : w.replicas ?? 1), 0);
  if (replicas === 0) return undefined;
  const needed = p === undefined ? (v.value as number) : Math.ceil((p * replicas) / 100);
  if (needed < replicas) return undefined;
  const owners = joinList(selected.map(objectName));
  return {
    span: v.span,
    message: p === undefined
      ? l10n.t('spec.minAvailable: {0} requires {0} healthy pods, but it selects only {1} ({2}), so no pod may ever be evicted: kubectl drain, node upgrades and the cluster autoscaler wait on these pods forever. Keep minAvailable below {1}, or use maxUnavailable: 1.', String(needed), String(replicas), owners)
      : l10n.t('spec.minAvailable: {0} of {1} pods ({2}) rounds up to {3}, so no pod may ever be evicted: kubectl drain, node upgrades and the cluster autoscaler wait on these pods forever. Use a percentage that leaves a pod free, or maxUnavailable: 1.', String(v.value), String(replicas), owners, String(needed)),
    data: p === undefined && replicas >= 2 ? { span: v.span, key: 'minAvailable', to: replicas - 1 } : undefined,
  };
}

/** Whether a HorizontalPodAutoscaler of the namespace scales one of these workloads (their replicas vary). */
function autoscaled(t: NamespaceTemplates, selected: readonly IndexedObject[]): boolean {
  return t.autoscalers.some((h) => {
    const target = h.autoscaler?.target;
    return h.templated || selected.some((w) => target?.kind === w.kind && target?.name === w.name);
  });
}
