/**
 * A Deployment whose steady state fits its namespace's ResourceQuota but whose rolling update does not: the
 * deployment controller runs up to replicas + maxSurge pods while it replaces them (old pods count against
 * the quota until they are gone), so the surge pods are refused (exceeded quota). The rollout then moves
 * only as fast as maxUnavailable lets old pods go, and not at all with maxUnavailable 0 (kubernetes#89209).
 * maxSurge and maxUnavailable resolve as pkg/controller/deployment/util ResolveFenceposts does:
 * intstr.GetScaledValueFromIntOrPercent of replicas, maxSurge rounded up, maxUnavailable rounded down
 * (defaults 25% each), and maxUnavailable 1 when both resolve to 0. Quiet when the steady state already
 * exceeds the quota (resource-quota-exceeded says so), for Recreate, templated objects, and a Deployment or
 * selected workload written twice.
 * https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#max-surge
 */
import * as l10n from '@vscode/l10n';
import type { Finding } from '../../finding';
import { addQuantities, compareQuantities, formatQuantity, subtractQuantities } from '../../../model/quantity';
import type { Quantity } from '../../../model/quantity';
import { kubeVersionOrLatest } from '../../../model/version';
import type { KubeVersion } from '../../../model/version';
import type { WorkspaceView } from '../index';
import type { IndexedObject } from '../objects';
import { namespaceQuotaUsage } from '../quotaUsage';
import type { WorkloadQuota } from '../quotaUsage';
import { exceeds, quotaTallyOf, times } from '../quotaTally';
import { objectName } from './podTemplates';
import type { WorkspaceRule } from './rule';

const CODE = 'resource-quota-surge';

export const resourceQuotaSurge: WorkspaceRule = {
  code: CODE,
  severity: 'warning',
  summary: () => l10n.t('A Deployment fits its namespace\'s ResourceQuota, but the extra pods of a rolling update (maxSurge) do not, so rollouts stall.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#max-surge',
  check({ view, file, kubernetesVersion }) {
    const version = kubeVersionOrLatest(kubernetesVersion);
    const out: Finding[] = [];
    for (const o of view.objectsOf(file)) {
      if (o.kind !== 'Deployment' || o.templated || !o.rollout || !o.pod) continue;
      if (o.rollout.type !== undefined && o.rollout.type !== 'RollingUpdate') continue;
      const f = surgeFinding(view, o, version);
      if (f) out.push(f);
    }
    return out;
  },
};

export interface Fenceposts { readonly surge: number; readonly unavailable: number }

/** ResolveFenceposts; undefined when a value is neither an integer nor a percentage. */
export function fenceposts(maxSurge: string | number | undefined, maxUnavailable: string | number | undefined, replicas: number): Fenceposts | undefined {
  const surge = scaled(maxSurge ?? '25%', replicas, true);
  let unavailable = scaled(maxUnavailable ?? '25%', replicas, false);
  if (surge === undefined || unavailable === undefined) return undefined;
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

function scaled(v: string | number, total: number, roundUp: boolean): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return undefined;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** The most surge pods that fit in `room` when each needs `per` (floor(room / per)). */
function fitting(room: Quantity, per: Quantity): number {
  if (per.mantissa <= 0n) return Number.MAX_SAFE_INTEGER;
  if (room.mantissa <= 0n) return 0;
  const e = Math.min(room.exponent, per.exponent);
  const r = room.mantissa * 10n ** BigInt(room.exponent - e);
  const p = per.mantissa * 10n ** BigInt(per.exponent - e);
  return Number(r / p);
}

function surgeFinding(view: WorkspaceView, d: IndexedObject, version: KubeVersion): Finding | undefined {
  const namespace = view.namespaceOf(d);
  const quotas = view.find(namespace, 'ResourceQuota');
  // Most namespaces have no quota: nothing to derive.
  if (quotas.length === 0) return undefined;
  const usage = namespaceQuotaUsage(view, namespace, version);
  if (usage.uncertain) return undefined;
  const w: WorkloadQuota | undefined = usage.workloads.find((x) => x.owner === d);
  if (!w || w.writtenTwice || w.pods === 0) return undefined;
  const posts = fenceposts(d.rollout!.maxSurge, d.rollout!.maxUnavailable, w.pods);
  if (!posts || posts.surge === 0) return undefined;
  for (const q of quotas) {
    const tallied = quotaTallyOf(q, usage, version);
    if (!tallied) continue;
    const { quota, tally } = tallied;
    // Its pods are among those the quota selects (scopes), or the quota does not concern them.
    if (!tally.workloads.includes(w) || tally.unsure || tally.rows.some(exceeds)) continue;
    for (const row of tally.rows) {
      const per = row.fromPods ? w.usage.get(row.hard.name) : undefined;
      if (!per || per.mantissa === 0n) continue;
      const need = times(per, posts.surge);
      const room = subtractQuantities(row.hard.quantity, row.used);
      if (compareQuantities(need, room) <= 0) continue;
      const fit = Math.min(fitting(room, per), posts.surge - 1);
      const problem = posts.unavailable === 0
        ? l10n.t('A rolling update of {0} starts up to {1} extra pod(s) (maxSurge) that need {2} more {3}, but ResourceQuota {4} has only {5} left of its {6}: the extra pods are refused (exceeded quota) and, with maxUnavailable 0, the rollout never progresses.', objectName(d), String(posts.surge), formatQuantity(need), row.hard.name, quota.name, formatQuantity(room), formatQuantity(row.hard.quantity))
        : l10n.t('A rolling update of {0} starts up to {1} extra pod(s) (maxSurge) that need {2} more {3}, but ResourceQuota {4} has only {5} left of its {6}: the extra pods are refused (exceeded quota) and the rollout only moves as old pods go, {7} at a time (maxUnavailable).', objectName(d), String(posts.surge), formatQuantity(need), row.hard.name, quota.name, formatQuantity(room), formatQuantity(row.hard.quantity), String(posts.unavailable));
      const raised = formatQuantity(addQuantities(row.used, need));
      const fix = fit > 0
        ? l10n.t('Lower maxSurge to {0}, or raise {1} in the quota to at least {2}.', String(fit), row.hard.name, raised)
        : l10n.t('Set maxSurge to 0 (with maxUnavailable at least 1, old pods go first), or raise {0} in the quota to at least {1}.', row.hard.name, raised);
      return { code: CODE, severity: 'warning', span: d.rollout!.span ?? d.kindSpan, message: `${problem} ${fix}` };
    }
  }
  return undefined;
}
