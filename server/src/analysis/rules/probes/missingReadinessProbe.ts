/**
 * A container that declares ports serves traffic, but without a readinessProbe it counts as ready
 * as soon as it has started: Services and rolling updates send it requests before the app
 * listens, and keep sending them while it is overloaded or stuck.
 * https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/#readiness-probe
 */
import * as l10n from '@vscode/l10n';
import type { Rule, RuleFinding } from '../rule';
import { containerPath } from '../shared/fieldPaths';
import { JOB_KINDS, where } from '../shared/podParts';
import { containerAnchor } from '../shared/spans';
import { joinList } from '../../listWords';

export const missingReadinessProbe: Rule = {
  code: 'missing-readiness-probe',
  severity: 'warning',
  docUrl: 'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/#readiness-probe',
  check({ analysis: { pod } }) {
    // Run-to-completion pods are not behind Services in the usual sense.
    if (JOB_KINDS.has(pod.kind)) return [];
    const out: RuleFinding[] = [];
    for (const c of pod.containers) {
      if (c.role !== 'app' || c.probes.readiness) continue;
      const tcp = c.ports.filter((p) => p.containerPort !== undefined && p.protocol !== 'UDP');
      if (tcp.length === 0) continue;
      const ports = joinList(tcp.map((p) => String(p.containerPort)));
      out.push({
        span: containerAnchor(c),
        message: l10n.t('{0}: container "{1}" exposes port(s) {2} but has no readinessProbe. Without one, Kubernetes marks the container Ready as soon as it starts, so Services and rolling updates send it traffic before the app is listening, and keep sending it while the app is overloaded or stuck. Add a readinessProbe that checks the app can serve.', containerPath(pod, c), c.name, ports),
        data: { container: where(c) },
      });
    }
    return out;
  },
  summary: () => l10n.t('A container that exposes ports has no readinessProbe, so it receives traffic before it can serve.'),
  quietOnTemplates: true,
};
