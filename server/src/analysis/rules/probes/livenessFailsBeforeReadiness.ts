/**
 * The liveness probe should be the more patient one. When an app is overloaded or briefly stuck,
 * its readiness probe should take it out of the Service endpoints first so it can recover; if the
 * liveness probe gives up sooner, the kubelet restarts the container while it still receives
 * traffic, which turns load spikes into restart cascades. "Sooner" compares the latest moment each
 * probe acts after the app hangs (timing.ts hangToAction, the numbers the probe hover shows).
 * https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
 */
import * as l10n from '@vscode/l10n';
import type { Rule, RuleFinding } from '../rule';
import { containerPath } from '../shared/fieldPaths';
import { longRunning, where } from '../shared/podParts';
import { hangToAction, probeTiming } from '../../timing';

export const livenessFailsBeforeReadiness: Rule = {
  code: 'liveness-fails-before-readiness',
  severity: 'information',
  docUrl: 'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    for (const c of longRunning(pod)) {
      const live = c.probes.liveness;
      const ready = c.probes.readiness;
      if (!live || !ready || live.handlers.length === 0 || ready.handlers.length === 0) continue;
      const lt = probeTiming(live);
      const l = hangToAction(lt).latest;
      const r = hangToAction(probeTiming(ready)).latest;
      if (l >= r) continue;
      out.push({
        span: live.keySpan,
        message: l10n.t('{0}.livenessProbe gives up at most {1} s after the app hangs (failureThreshold {2}, periodSeconds {3}, timeoutSeconds {4}), sooner than the readinessProbe ({5} s). When the app is slow or overloaded, the kubelet restarts the container before the readiness probe takes it out of the Service, so it restarts while still receiving traffic. Give the liveness probe a larger failureThreshold or periodSeconds than the readiness probe.', containerPath(pod, c), l, lt.failureThreshold, lt.periodSeconds, lt.timeoutSeconds, r),
        data: { container: where(c) },
      });
    }
    return out;
  },
  summary: () => l10n.t('The liveness probe gives up sooner than the readiness probe, so overloaded containers are restarted while still receiving traffic.'),
  quietOnTemplates: true,
};
