/**
 * The `sleep` lifecycle action needs PodLifecycleSleepAction (beta, on by default, in 1.30); before
 * that the API server drops it (K: pkg/api/pod/util.go dropPodLifecycleSleepAction; reported by
 * field-dropped-by-version, not here). Its seconds must be within the pod's terminationGracePeriodSeconds,
 * and above 0 unless PodLifecycleSleepActionAllowZero is on (beta, on by default, in 1.33). The bound is
 * the grace period after defaulting: 1 for a Pod that writes a negative one, as written in a template.
 * Spec: pkg/apis/core/validation validateSleepAction.
 * https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#hook-handler-implementations
 */
import * as l10n from '@vscode/l10n';
import { entry } from '../../../model/tree';
import { isDropped } from '../../../model/droppedFields';
import { featureEnabled } from '../../../model/version';
import type { Rule, RuleFinding } from '../rule';
import { containerPath } from '../shared/fieldPaths';
import { nodeSpan } from '../shared/spans';
import { intValue, isPresentNull, setEntry } from '../shared/values';

export const invalidSleepAction: Rule = {
  code: 'invalid-sleep-action',
  severity: 'error',
  summary: () => l10n.t('A lifecycle sleep action is unsupported by the target version or its seconds are out of range.'),
  docUrl: 'https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#hook-handler-implementations',
  check({ analysis: { pod }, version }) {
    const out: RuleFinding[] = [];
    // Not a dropped field: with PodLifecycleSleepActionAllowZero off (<= 1.32) zero is a validation error (validateSleepAction).
    const allowZero = featureEnabled(version, 'PodLifecycleSleepActionAllowZero');
    // A Pod's negative grace period becomes 1 before validation (core/v1 SetDefaults_Pod); a template
    // keeps it, so every sleep is above a negative bound there (validateSleepAction).
    const written = pod.terminationGracePeriodSeconds.value;
    const grace = pod.kind === 'Pod' && written < 0 ? 1 : written;
    for (const c of pod.containers) {
      if (c.role !== 'app' && c.role !== 'sidecar') continue;
      const lifecycle = entry(c.node, 'lifecycle')?.value;
      for (const hook of ['postStart', 'preStop']) {
        const hookNode = entry(lifecycle, hook)?.value;
        const sleep = setEntry(hookNode, 'sleep');
        // Before 1.30 the API server drops the sleep action (field-dropped-by-version says so): nothing to validate.
        if (!sleep || isDropped(pod.dropped, sleep)) continue;
        const path = `${containerPath(pod, c)}.lifecycle.${hook}.sleep`;
        const where = { list: c.listKey, index: c.index, field: hook };
        // Only an earlier handler makes this one the ignored second handler (reported by invalid-handler).
        if (['exec', 'httpGet', 'tcpSocket'].some((k) => setEntry(hookNode, k))) continue;
        const secondsEntry = entry(sleep.value, 'seconds');
        if (isPresentNull(secondsEntry)) continue;
        const seconds = intValue(secondsEntry?.value) ?? 0;
        const tooHigh = seconds > grace;
        const bad = allowZero ? seconds < 0 || tooHigh : seconds <= 0 || tooHigh;
        if (!bad) continue;
        const span = secondsEntry ? nodeSpan(secondsEntry.value, secondsEntry.keySpan) : sleep.keySpan;
        out.push({
          span,
          message: allowZero
            ? l10n.t('{0}: Invalid value: {1}: must be non-negative and less than terminationGracePeriodSeconds ({2}). The kubelet stops waiting when the pod\'s grace period runs out, so a longer sleep would be cut short; lower seconds or raise spec.terminationGracePeriodSeconds.', path, String(seconds), String(grace))
            : l10n.t('{0}: Invalid value: {1}: must be greater than 0 and less than terminationGracePeriodSeconds ({2}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep. That gate is PodLifecycleSleepActionAllowZero, on by default from Kubernetes 1.33. Choose 1..{2} seconds, or raise spec.terminationGracePeriodSeconds.', path, String(seconds), String(grace)),
          data: { container: where, max: grace },
        });
      }
    }
    return out;
  },
};
