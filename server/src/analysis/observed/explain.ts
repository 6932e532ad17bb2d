/**
 * An observed pod explained: phase, conditions, every container, scheduling, eviction and deletion.
 * Pure and time-independent (absolute times only), so it is cached with the document; phrases.ts adds
 * "in 2m40s" against a clock.
 */
import * as l10n from '@vscode/l10n';
import type { ContainerModel } from '../../model/pod';
import { compareQuantities, formatQuantity } from '../../model/quantity';
import type { Quantity } from '../../model/quantity';
import { getPath, str } from '../../model/tree';
import type { Span } from '../../model/tree';
import type { KubeVersion } from '../../model/version';
import { kubeletPodGrace } from '../timing';
import { isEvicted } from './cause';
import { conditionMeaning, phaseMeaning } from './conditions';
import { explainContainer } from './container';
import type { Attention, ContainerExplanation } from './container';
import type { Point } from './point';
import type { ObservedObject } from './recognize';
import { schedulingFailure } from './scheduling';
import type { SchedulingFailure } from './scheduling';
import { containerField, podField } from './specLinks';
import { garbledStatus, readStatus } from './status';
import type { ObservedCondition, ObservedStatus, StatusNote } from './status';
import { formatTime } from './time';

export interface ConditionExplanation {
  readonly type: string;
  readonly status: string | null;
  readonly reason: string | null;
  readonly message: string | null;
  readonly lastTransitionTime: number | null;
  readonly meaning: string;
  readonly span: Span;
}

export interface DeletionExplanation {
  readonly deletionTimestamp: number;
  readonly graceSeconds: number | undefined;
  /** When the delete was asked for: deletionTimestamp - grace (the API server sets it to now + grace). */
  readonly requestedAt: number | undefined;
  /** When the kubelet SIGKILLs what still runs: about deletionTimestamp. */
  readonly killAt: number;
}

export interface PodExplanation {
  readonly name: string | null;
  readonly namespace: string | null;
  readonly phase: string | null;
  readonly reason: string | null;
  readonly message: string | null;
  readonly qosClass: string | null;
  readonly attention: Attention;
  readonly containers: readonly ContainerExplanation[];
  readonly conditions: readonly ConditionExplanation[];
  readonly scheduling: SchedulingFailure | undefined;
  readonly deletion: DeletionExplanation | undefined;
  readonly evicted: boolean;
  readonly points: readonly Point[];
  readonly notes: readonly StatusNote[];
  readonly hasSpec: boolean;
  readonly anchorSpan: Span;
  readonly status: ObservedStatus | undefined;
  readonly object: ObservedObject;
}

function specFor(obj: ObservedObject, list: string, name: string): ContainerModel | undefined {
  return obj.analysis?.pod.containers.find((c) => c.listKey === list && c.name === name);
}

const RANK: Record<Attention, number> = { ok: 0, progressing: 1, terminating: 2, failing: 3, stuck: 4 };

function worst(a: Attention, b: Attention): Attention {
  return RANK[b] > RANK[a] ? b : a;
}

export function explainObserved(obj: ObservedObject, version: KubeVersion): PodExplanation {
  const root = obj.root;
  const name = str(getPath(root, ['metadata', 'name'])) ?? null;
  const namespace = str(getPath(root, ['metadata', 'namespace'])) ?? null;
  const status = readStatus(root);
  const analysis = obj.analysis;
  const points: Point[] = [];
  const notes: StatusNote[] = [];
  const base = { name, namespace, anchorSpan: obj.anchorSpan, object: obj, hasSpec: analysis !== undefined };
  if (!status) {
    const g = garbledStatus(root);
    if (g) notes.push({ span: g, field: 'status', problem: 'type' });
    return { ...base, phase: null, reason: null, message: null, qosClass: null, attention: 'ok', containers: [], conditions: [], scheduling: undefined, deletion: undefined, evicted: false, points, notes, status: undefined };
  }
  notes.push(...status.notes);
  const scheduling = schedulingFailure(status);
  const evicted = isEvicted(status);

  // Containers: every status, then spec containers without one (not started, or unschedulable).
  const seen = new Set<string>();
  const containers: ContainerExplanation[] = [];
  for (const cs of status.containers) {
    seen.add(`${cs.list}/${cs.name}`);
    containers.push(explainContainer({ status, cs, spec: specFor(obj, cs.list, cs.name), analysis, version, unschedulable: scheduling !== undefined }));
  }
  for (const c of analysis?.pod.containers ?? []) {
    if (seen.has(`${c.listKey}/${c.name}`) || c.role === 'ephemeral') continue;
    containers.push(explainContainer({ status, cs: undefined, spec: c, analysis, version, unschedulable: scheduling !== undefined }));
  }

  const conditions = status.conditions.map((c) => conditionExplanation(c));
  let attention: Attention = containers.reduce<Attention>((a, c) => worst(a, c.attention), 'ok');
  if (status.phase === 'Failed') attention = worst(attention, 'failing');
  if (status.phase === 'Pending' && attention === 'ok') attention = 'progressing';
  if (status.phase === 'Succeeded') attention = 'ok';

  if (scheduling) {
    attention = worst(attention, 'stuck');
    points.push(...schedulingPoints(scheduling, status, obj));
  }
  if (evicted) {
    attention = worst(attention, 'failing');
    points.push({
      severity: 'warning', span: status.reasonSpan ?? status.phaseSpan ?? obj.anchorSpan,
      message: l10n.t('The kubelet evicted this pod to reclaim a node resource: {0} Under pressure it evicts first the pods whose usage exceeds their requests the most, BestEffort and Burstable before Guaranteed pods within their requests. The pod stays Failed; its controller (if any) creates a new one.', status.message ?? ''),
    });
  }
  if (evicted) points.push(...evictionUsage(status, obj));
  const deletion = deletionOf(status, analysis?.pod.terminationGracePeriodSeconds.value);
  if (deletion) {
    attention = worst(attention, 'terminating');
    points.push({
      severity: 'information', span: status.deletionSpan ?? obj.anchorSpan,
      message: deletion.requestedAt !== undefined
        ? l10n.t('The pod is being deleted (asked at {0}, grace period {1} s): containers get preStop and SIGTERM now, and whatever still runs at {2} is killed with SIGKILL (exit 137).', formatTime(deletion.requestedAt), deletion.graceSeconds ?? '?', formatTime(deletion.killAt))
        : l10n.t('The pod is being deleted: whatever still runs at {0} is killed with SIGKILL (exit 137).', formatTime(deletion.killAt)),
      spec: analysis ? podField(analysis.pod, 'terminationGracePeriodSeconds') : undefined,
      specMessage: l10n.t('Observed: the pod is being deleted; its containers have this long after SIGTERM.'),
    });
  }
  const ready = status.conditions.find((c) => c.type === 'Ready');
  if (ready && ready.status === 'False' && status.phase === 'Running' && !deletion) {
    points.push({ severity: 'information', span: ready.typeSpan, message: conditionMeaning(ready) });
  }
  for (const c of containers) points.push(...c.points);
  return {
    ...base,
    phase: status.phase ?? null, reason: status.reason ?? null, message: status.message ?? null,
    qosClass: status.qosClass ?? analysis?.qos.qosClass ?? null,
    attention, containers, conditions, scheduling, deletion, evicted, points, notes, status,
  };
}

/**
 * "Container X was using U, request is R, has larger consumption of memory." (evictionMessage,
 * pkg/kubelet/eviction/helpers.go): usage over requests is what ranked the pod for eviction.
 */
function evictionUsage(status: ObservedStatus, obj: ObservedObject): Point[] {
  const out: Point[] = [];
  for (const m of (status.message ?? '').slice(0, 4000).matchAll(/Container (\S+) was using (\S+), request is (\S+), has larger consumption of (\S+?)\. /g)) {
    const spec = obj.analysis?.pod.containers.find((c) => c.name === m[1]);
    out.push({
      severity: 'information', span: status.reasonSpan ?? status.phaseSpan ?? obj.anchorSpan,
      message: l10n.t('{0} used {1} of {2} against a request of {3}: the kubelet ranks pods by how far their usage exceeds their requests, so this put the pod first in line.', m[1]!, m[2]!, m[4]!, m[3]!),
      spec: spec ? containerField(spec, 'resources', 'requests', m[4]!) ?? containerField(spec, 'resources') : undefined,
      specMessage: l10n.t('Observed: {0} used {1} against this request when the pod was evicted; a request closer to the real usage ranks it later.', m[1]!, m[2]!),
    });
  }
  return out;
}

function conditionExplanation(c: ObservedCondition): ConditionExplanation {
  return {
    type: c.type, status: c.status ?? null, reason: c.reason ?? null, message: c.message ?? null,
    lastTransitionTime: c.lastTransitionTime ?? null, meaning: conditionMeaning(c), span: c.typeSpan,
  };
}

function deletionOf(status: ObservedStatus, specGrace: number | undefined): DeletionExplanation | undefined {
  if (status.deletionTimestamp === undefined) return undefined;
  // The API server sets deletionTimestamp = now + grace and deletionGracePeriodSeconds = grace
  // (BeforeDelete, k8s.io/apiserver/pkg/registry/rest/delete.go); the kubelet kills after that grace
  // (at least 1 s, calculateEffectiveGracePeriod in pkg/kubelet/pod_workers.go).
  const grace = status.deletionGracePeriodSeconds ?? specGrace;
  return {
    deletionTimestamp: status.deletionTimestamp,
    graceSeconds: grace,
    requestedAt: grace !== undefined ? status.deletionTimestamp - grace * 1000 : undefined,
    killAt: grace !== undefined ? status.deletionTimestamp - grace * 1000 + kubeletPodGrace(grace) * 1000 : status.deletionTimestamp,
  };
}

function schedulingPoints(s: SchedulingFailure, status: ObservedStatus, obj: ObservedObject): Point[] {
  const cond = status.conditions.find((c) => c.type === 'PodScheduled');
  const span = cond?.typeSpan ?? status.phaseSpan ?? obj.anchorSpan;
  const out: Point[] = [{
    severity: 'warning', span,
    message: l10n.t('No node can run this pod, so it stays Pending: {0}', s.message ?? ''),
  }];
  const analysis = obj.analysis;
  if (!analysis) return out;
  for (const r of s.reasons) {
    if (r.insufficient) {
      const total = analysis.effective.requests.total.get(r.insufficient);
      // The container with the largest request of that resource is the first place to look.
      let biggest: ContainerModel | undefined;
      let biggestQ: Quantity | undefined;
      for (const [c, res] of analysis.containerResources) {
        const q = res.requests.get(r.insufficient);
        if (q && (!biggestQ || compareQuantities(q, biggestQ) > 0)) { biggest = c; biggestQ = q; }
      }
      out.push({
        severity: 'information', span,
        message: l10n.t('{0} node(s) lack {1}: the scheduler needs room for the pod\'s effective request of {2} (the larger of the init-container peak and the sum of the others, plus overhead).', r.count, r.insufficient, total ? formatQuantity(total) : '–'),
        spec: (analysis.pod.podResources ? podField(analysis.pod, 'resources', 'requests', r.insufficient) : undefined)
          ?? (biggest ? containerField(biggest, 'resources', 'requests', r.insufficient) ?? containerField(biggest, 'resources', 'limits', r.insufficient) : undefined),
        specMessage: l10n.t('Observed: the pod is Unschedulable: {0} node(s) lack free {1} for it (this request is {2}).', r.count, r.insufficient, biggestQ ? formatQuantity(biggestQ) : '–'),
      });
    } else if (/taint/.test(r.text)) {
      out.push({ severity: 'information', span, message: l10n.t('{0} node(s) have a taint the pod does not tolerate.', r.count), spec: podField(analysis.pod, 'tolerations'), specMessage: l10n.t('Observed: the pod is Unschedulable; some nodes have taints these tolerations do not match.') });
    } else if (/affinity|selector/.test(r.text)) {
      out.push({ severity: 'information', span, message: l10n.t('{0} node(s) do not match the pod\'s node selector or affinity.', r.count), spec: podField(analysis.pod, 'nodeSelector') ?? podField(analysis.pod, 'affinity'), specMessage: l10n.t('Observed: the pod is Unschedulable; no node matches this.') });
    }
  }
  return out;
}

export { phaseMeaning };
