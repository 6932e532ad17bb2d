/**
 * A ResourceQuota whose `hard` limit the namespace's workloads already pass in the steady state: the quota
 * admission plugin (CheckRequest) refuses every pod (or object) that would take `used` past `hard`, so some
 * replicas are never created. Per hard entry the workspace can count (quotaTally.ts): replicas × one pod's
 * usage as the pod evaluator computes it, for the pods the quota's scopes select, after the namespace's
 * LimitRange defaults; object counts for quotas without scopes. Quiet for templated objects, for a
 * namespace with templated workloads, and when a selected workload is written twice (a Kustomize base and
 * its patch: neither copy alone is what the cluster gets).
 * https://kubernetes.io/docs/concepts/policy/resource-quotas/
 */
import * as l10n from '@vscode/l10n';
import type { Finding } from '../../finding';
import { formatQuantity } from '../../../model/quantity';
import { kubeVersionOrLatest } from '../../../model/version';
import { joinList } from '../../listWords';
import { namespaceQuotaUsage } from '../quotaUsage';
import { exceeds, quotaTallyOf } from '../quotaTally';
import type { TallyRow } from '../quotaTally';
import { objectName } from './podTemplates';
import { shownFile } from '../shownFile';
import type { WorkspaceRule } from './rule';

const CODE = 'resource-quota-exceeded';
const SHOWN = 3;

export const resourceQuotaExceeded: WorkspaceRule = {
  code: CODE,
  severity: 'error',
  summary: () => l10n.t('The workloads of a namespace use more of a resource than its ResourceQuota allows, so the API server refuses some of their pods.'),
  docUrl: 'https://kubernetes.io/docs/concepts/policy/resource-quotas/',
  check({ view, file, kubernetesVersion }) {
    const version = kubeVersionOrLatest(kubernetesVersion);
    const out: Finding[] = [];
    for (const o of view.objectsOf(file)) {
      if (o.kind !== 'ResourceQuota' || !o.tree || o.templated) continue;
      const namespace = view.namespaceOf(o);
      const usage = namespaceQuotaUsage(view, namespace, version);
      if (usage.uncertain) continue;
      const tallied = quotaTallyOf(o, usage, version);
      if (!tallied || tallied.tally.unsure) continue;
      const { quota, tally } = tallied;
      for (const row of tally.rows) {
        if (!exceeds(row)) continue;
        const span = { start: row.hard.keySpan.start + o.tree.offset, end: row.hard.keySpan.end + o.tree.offset };
        out.push({ code: CODE, severity: 'error', span, message: message(row, quota.name, namespace, file) });
      }
    }
    return out;
  },
};

function message(row: TallyRow, quota: string, namespace: string, file: string): string {
  const name = row.hard.name;
  const used = formatQuantity(row.used);
  const hard = formatQuantity(row.hard.quantity);
  if (!row.fromPods) {
    return l10n.t('{0}: namespace {1} has {2} of these objects in the workspace, more than the {3} ResourceQuota {4} allows; the API server refuses each one past the limit (exceeded quota: {4}).', name, namespace, used, hard, quota);
  }
  const top = row.contributions.slice(0, SHOWN).map((c) => l10n.t('{0} ({1} × {2} = {3}, {4})', objectName(c.owner), String(c.pods), formatQuantity(c.perPod!), formatQuantity(c.total), shownFile(file, c.owner.file)));
  const more = row.contributions.length - SHOWN;
  if (more > 0) top.push(l10n.t('{0} more', String(more)));
  return l10n.t('{0}: the pods of namespace {1} this ResourceQuota selects use {2} in the steady state, more than its hard limit of {3}, so the API server refuses the pods past it (exceeded quota: {4}) and some replicas never start. Used by: {5}. Raise the limit or lower replicas or requests.', name, namespace, used, hard, quota, joinList(top));
}
