/**
 * The hover on a ResourceQuota (issue 16): for each `hard` entry the workspace can count, what the namespace's
 * workloads use (replicas × one pod's quota usage, after LimitRange defaults, or the object count), the hard
 * limit, the headroom, and the largest users. From the same tally as resource-quota-exceeded (quotaTally.ts).
 */
import * as l10n from '@vscode/l10n';
import { compareQuantities, formatQuantity, subtractQuantities } from '../../model/quantity';
import type { KubeVersion } from '../../model/version';
import { blocks, code, heading, table } from '../hover/md';
import type { WorkspaceView } from './index';
import { quotaTallyOf } from './quotaTally';
import { namespaceQuotaUsage } from './quotaUsage';
import { objectName } from './rules/podTemplates';

/** Markdown for the ResourceQuota at `offset` (a file offset) of `file`, or undefined when there is none. */
export function quotaHover(view: WorkspaceView, file: string, offset: number, version: KubeVersion): string | undefined {
  const quota = view.objectsOf(file).find((o) => o.kind === 'ResourceQuota' && o.span.start <= offset && offset <= o.span.end);
  if (!quota) return undefined;
  const namespace = view.namespaceOf(quota);
  const usage = namespaceQuotaUsage(view, namespace, version);
  const tallied = quotaTallyOf(quota, usage, version);
  const title = heading(l10n.t('ResourceQuota {0} in namespace {1}', code(quota.name ?? ''), code(namespace)));
  if (!tallied) return blocks(title, l10n.t('Its hard limits cannot be read (template actions or an invalid quota).'));
  const rows = tallied.tally.rows.map((row) => {
    const over = compareQuantities(row.used, row.hard.quantity) > 0;
    const headroom = over ? l10n.t('over by {0}', formatQuantity(subtractQuantities(row.used, row.hard.quantity))) : formatQuantity(subtractQuantities(row.hard.quantity, row.used));
    const users = row.contributions.slice(0, 3).map((c) => (c.perPod ? `${objectName(c.owner)} ${c.pods}×${formatQuantity(c.perPod)}` : objectName(c.owner)));
    const more = row.contributions.length > 3 ? l10n.t(' and {0} more', row.contributions.length - 3) : '';
    return [row.hard.name, formatQuantity(row.used), formatQuantity(row.hard.quantity), headroom, users.join(', ') + more];
  });
  return blocks(
    title,
    rows.length
      ? table([l10n.t('Resource'), l10n.t('Used'), l10n.t('Hard'), l10n.t('Headroom'), l10n.t('Largest users')], rows, [false, true, true, true, false])
      : l10n.t('None of its hard entries is counted from the workspace (storage and kinds outside the workspace are not).'),
    l10n.t('Used: each workload\'s replicas × one pod\'s quota usage (after LimitRange defaults), and the objects of the namespace in the workspace ({0} workload(s) selected by the quota).', tallied.tally.workloads.length),
    tallied.tally.unsure || usage.uncertain ? l10n.t('Not certain: a workload is written twice in the namespace (a base and an overlay) or has template actions.') : undefined,
  );
}
