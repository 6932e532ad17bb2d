/**
 * The `sleep` lifecycle action needs PodLifecycleSleepAction (beta, on by default, in 1.30); before
 * that the API server drops it. Its seconds must be within the pod's terminationGracePeriodSeconds,
 * and above 0 unless PodLifecycleSleepActionAllowZero is on (beta, on by default, in 1.33).
 * Spec: pkg/apis/core/validation validateSleepAction.
 * https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#hook-handler-implementations
 */
import * as l10n from '@vscode/l10n';
import { entry } from '../../../model/tree';
import { atLeast, featureEnabled, formatKubeVersion } from '../../../model/version';
import type { Rule, RuleFinding } from '../rule';
import { containerPath } from '../shared/fieldPaths';
import { nodeSpan } from '../shared/spans';
import { intValue, isPresentNull, setEntry } from '../shared/values';

/** PodLifecycleSleepActionAllowZero: alpha 1.32 (off), beta 1.33 (on). */
const ALLOW_ZERO_MINOR = 33;

export const invalidSleepAction: Rule = {
  code: 'invalid-sleep-action',
  severity: 'error',
  docUrl: 'https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#hook-handler-implementations',
  check({ analysis: { pod }, version }) {
    const out: RuleFinding[] = [];
    const sleepOn = featureEnabled(version, 'PodLifecycleSleepAction');
    const allowZero = atLeast(version, ALLOW_ZERO_MINOR);
    const grace = pod.terminationGracePeriodSeconds.value;
    for (const c of pod.containers) {
      if (c.role !== 'app' && c.role !== 'sidecar') continue;
      const lifecycle = entry(c.node, 'lifecycle')?.value;
      for (const hook of ['postStart', 'preStop']) {
        const hookNode = entry(lifecycle, hook)?.value;
        const sleep = setEntry(hookNode, 'sleep');
        if (!sleep) continue;
        const path = `${containerPath(pod, c)}.lifecycle.${hook}.sleep`;
        const where = { list: c.listKey, index: c.index, field: hook };
        if (!sleepOn) {
          out.push({
            span: sleep.keySpan,
            message: l10n.t('{0}: the sleep action needs Kubernetes 1.30 or later (PodLifecycleSleepAction); the target version {1} drops it, so this hook does nothing (or has no handler at all). Use exec with a sleep command, or raise the target version.', path, formatKubeVersion(version)),
            data: { container: where },
          });
          continue;
        }
        // Only an earlier handler makes this one the ignored second handler (reported by invalid-handler).
        if (['exec', 'httpGet', 'tcpSocket'].some((k) => setEntry(hookNode, k))) continue;
        const secondsEntry = entry(sleep.value, 'seconds');
        if (isPresentNull(secondsEntry)) continue;
        const seconds = intValue(secondsEntry?.value) ?? 0;
        // A negative pod grace period is treated as 1 by the API server; don't guess a bound then.
        const tooHigh = grace >= 0 && seconds > grace;
        const bad = allowZero ? seconds < 0 || tooHigh : seconds <= 0 || tooHigh;
        if (!bad) continue;
        const span = secondsEntry ? nodeSpan(secondsEntry.value, secondsEntry.keySpan) : sleep.keySpan;
        out.push({
          span,
          message: allowZero
            ? l10n.t('{0}: Invalid value: {1}: must be non-negative and less than terminationGracePeriodSeconds ({2}). The kubelet stops waiting when the pod\'s grace period runs out, so a longer sleep would be cut short; lower seconds or raise spec.terminationGracePeriodSeconds.', path, String(seconds), String(grace))
            : l10n.t('{0}: Invalid value: {1}: must be greater than 0 and less than terminationGracePeriodSeconds ({2}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep. Choose 1..{2} seconds, or raise spec.terminationGracePeriodSeconds.', path, String(seconds), String(grace)),
          data: { container: where, max: grace },
        });
      }
    }
    return out;
  },
};
