/**
 * A tcpSocket probe only checks that the kernel accepts a connection on the port. On an HTTP
 * server that succeeds as long as the listening socket exists, even when every worker is hung or
 * deadlocked, so the liveness probe never restarts it and the readiness probe keeps routing traffic
 * to it. An httpGet probe makes the app answer a request.
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-tcp-liveness-probe
 */
import * as l10n from '@vscode/l10n';
import type { ContainerModel } from '../../../model/pod';
import type { Rule, RuleFinding } from '../rule';
import { containerPath } from '../shared/fieldPaths';
import { longRunning, where } from '../shared/podParts';
import { nodeSpan } from '../shared/spans';

/** Ports that conventionally speak HTTP(S). */
const HTTP_PORTS: ReadonlySet<number> = new Set([80, 443, 8000, 8008, 8080, 8081, 8443, 8888]);
/** Port names that say HTTP: http, https, web, http-metrics, admin-http, h2c... */
const HTTP_NAME = /^(https?|web|h2c?)(-.*)?$|-(https?|web)$/;

/** Why the port looks like HTTP, or undefined. */
function httpPort(c: ContainerModel, port: number | string | undefined): string | undefined {
  if (port === undefined) return undefined;
  if (typeof port === 'string') {
    if (HTTP_NAME.test(port)) return port;
    return undefined;
  }
  const named = c.ports.find((p) => p.containerPort === port && p.name !== undefined);
  if (named?.name && HTTP_NAME.test(named.name)) return `${port} (${named.name})`;
  // A port declared under a non-HTTP name (grpc, metrics, redis...) says it is something else.
  if (named) return undefined;
  return HTTP_PORTS.has(port) ? String(port) : undefined;
}

export const tcpProbeOnHttpPort: Rule = {
  code: 'tcp-probe-on-http-port',
  severity: 'information',
  docUrl: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-tcp-liveness-probe',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    for (const c of longRunning(pod)) {
      for (const p of [c.probes.liveness, c.probes.readiness]) {
        if (!p || p.handlers.length !== 1 || p.handlers[0]!.type !== 'tcpSocket') continue;
        const shown = httpPort(c, p.port);
        if (!shown) continue;
        out.push({
          span: nodeSpan(p.portNode, p.handlers[0]!.keySpan),
          message: p.kind === 'liveness'
            ? l10n.t('{0}.livenessProbe uses tcpSocket on port {1}, which looks like an HTTP port. A TCP check passes as long as the port accepts connections, even when the app is hung, so the container is never restarted. Use httpGet with a health endpoint instead.', containerPath(pod, c), shown)
            : l10n.t('{0}.readinessProbe uses tcpSocket on port {1}, which looks like an HTTP port. A TCP check passes as long as the port accepts connections, even when the app cannot answer requests, so the Service keeps sending it traffic. Use httpGet with a readiness endpoint instead.', containerPath(pod, c), shown),
          data: { container: where(c), probe: p.key },
        });
      }
    }
    return out;
  },
  summary: () => l10n.t('A tcpSocket probe on an HTTP port passes even when the app is hung.'),
  quietOnTemplates: true,
};
