/**
 * Rolling updates must be able to make progress. Deployment: maxSurge and maxUnavailable may not
 * both be 0 (they default to 25% each). DaemonSet: exactly one of them must be non-zero (they
 * default to maxUnavailable 1, maxSurge 0, so setting only maxSurge is also rejected).
 * Spec: pkg/apis/apps/validation ValidateRollingUpdateDeployment, ValidateRollingUpdateDaemonSet.
 * https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-update-deployment
 */
import * as l10n from '@vscode/l10n';
import { entry, getPath, isScalar, str } from '../../../model/tree';
import type { YEntry, YNode } from '../../../model/tree';
import type { Rule, RuleFinding } from '../rule';
import { goValue } from '../shared/fieldPaths';
import { nodeSpan } from '../shared/spans';

/** getIntOrPercentValue: "N%" -> N, other strings -> Atoi (0 when not a number), ints as is. */
export function intOrPercent(node: YNode | undefined): number | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const pct = /^([0-9]+)%$/.exec(v);
  if (pct) return Number(pct[1]);
  return /^[+-]?[0-9]+$/.test(v) ? Number(v) : 0;
}

function written(map: YNode | undefined, key: string): { e: YEntry; v: number } | undefined {
  const e = entry(map, key);
  const v = intOrPercent(e?.value);
  return e && v !== undefined ? { e, v } : undefined;
}

export const rollingUpdateStuck: Rule = {
  code: 'rolling-update-stuck',
  severity: 'error',
  summary: () => l10n.t('A rolling update could never make progress.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-update-deployment',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    if (pod.kind === 'Deployment') {
      const strategy = getPath(pod.root, ['spec', 'strategy']);
      if ((str(getPath(strategy, ['type'])) ?? 'RollingUpdate') !== 'RollingUpdate') return [];
      const ru = getPath(strategy, ['rollingUpdate']);
      const surge = written(ru, 'maxSurge');
      const unavailable = written(ru, 'maxUnavailable');
      if (surge && unavailable && surge.v === 0 && unavailable.v === 0) {
        out.push({
          span: nodeSpan(unavailable.e.value, unavailable.e.keySpan),
          message: l10n.t('spec.strategy.rollingUpdate.maxUnavailable: Invalid value: {0}: may not be 0 when `maxSurge` is 0. With no extra pod allowed and no pod allowed to go down, a rollout could never replace anything. Allow at least one: e.g. maxSurge: 1 or maxUnavailable: 1.', goValue(unavailable.e.value)),
          data: { value: 1 },
        });
      }
    } else if (pod.kind === 'DaemonSet') {
      const strategy = getPath(pod.root, ['spec', 'updateStrategy']);
      if ((str(getPath(strategy, ['type'])) ?? 'RollingUpdate') !== 'RollingUpdate') return [];
      const ru = getPath(strategy, ['rollingUpdate']);
      const surgeE = written(ru, 'maxSurge');
      const unavailableE = written(ru, 'maxUnavailable');
      const surge = surgeE ? surgeE.v : 0;
      const unavailable = unavailableE ? unavailableE.v : 1;
      if (surge !== 0 && unavailable !== 0 && surgeE) {
        out.push({
          span: nodeSpan(surgeE.e.value, surgeE.e.keySpan),
          message: unavailableE
            ? l10n.t('spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: {0}: may not be set when maxUnavailable is non-zero. A DaemonSet rolls out either by surging (maxUnavailable: 0) or by taking pods down (maxSurge: 0), not both.', goValue(surgeE.e.value))
            : l10n.t('spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: {0}: may not be set when maxUnavailable is non-zero. maxUnavailable defaults to 1 for a DaemonSet; to surge, also set maxUnavailable: 0.', goValue(surgeE.e.value)),
          data: { value: 0 },
        });
      } else if (surge === 0 && unavailable === 0 && unavailableE) {
        out.push({
          span: nodeSpan(unavailableE.e.value, unavailableE.e.keySpan),
          message: l10n.t('spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0. With no surge and no unavailability the rollout could never replace a pod; set maxUnavailable to at least 1, or maxSurge to at least 1.'),
          data: { value: 1 },
        });
      }
    }
    return out;
  },
};
