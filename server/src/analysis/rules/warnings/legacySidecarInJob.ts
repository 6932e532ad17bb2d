/**
 * A Job is complete only when all of its pod's containers have exited. A helper such as a service
 * mesh proxy or a log shipper runs forever, so a Job with one as a regular container never
 * finishes (and a CronJob piles up runs). Since Kubernetes 1.29 the helper belongs in
 * initContainers with `restartPolicy: Always`: a sidecar starts first, and the kubelet stops it
 * after the app containers exit, so the Job completes.
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#jobs-with-sidecar-containers
 */
import * as l10n from '@vscode/l10n';
import type { ContainerModel } from '../../../model/pod';
import { featureEnabled } from '../../../model/version';
import type { Rule, RuleFinding } from '../rule';
import { containerAnchor, containerPath, JOB_KINDS, where } from './util';

/** Names of well-known long-running helpers, matched against the container name and image name. */
const HELPER = /^(istio-proxy|envoy(-proxy)?|linkerd-proxy|cloud-?sql-proxy|cloudsql-proxy|alloydb-auth-proxy|fluent-?bit|fluentd|filebeat|promtail|vector|log-?shipper|logging-agent|vault-agent|consul-agent|otel-?(agent|collector)|opentelemetry-collector(-contrib)?|datadog-agent|oauth2-proxy)$/;

/** The repository's last path component without tag or digest: `gcr.io/x/cloud-sql-proxy:2` -> cloud-sql-proxy. */
function imageName(image: string | undefined): string {
  const noDigest = (image ?? '').split('@')[0]!;
  const last = noDigest.slice(noDigest.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return (colon < 0 ? last : last.slice(0, colon)).toLowerCase();
}

export function looksLikeHelper(c: ContainerModel): boolean {
  return HELPER.test(c.name.toLowerCase()) || HELPER.test(imageName(c.image));
}

export const legacySidecarInJob: Rule = {
  code: 'legacy-sidecar-in-job',
  severity: 'warning',
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#jobs-with-sidecar-containers',
  check({ analysis: { pod }, version }) {
    // Before sidecars exist (1.29) there is no better place for the helper.
    if (!JOB_KINDS.has(pod.kind) || !featureEnabled(version, 'SidecarContainers')) return [];
    const apps = pod.containers.filter((c) => c.role === 'app');
    if (apps.length < 2) return [];
    const helpers = apps.filter(looksLikeHelper);
    // When every container looks like a helper we cannot tell which one is the job's work.
    if (helpers.length === 0 || helpers.length === apps.length) return [];
    const out: RuleFinding[] = [];
    for (const c of helpers) {
      out.push({
        span: containerAnchor(c),
        message: l10n.t('{0}: "{1}" looks like a long-running helper, but it is a regular container of a {2}. A Job completes only when all its containers exit, and this one keeps running after the work is done, so the Job never finishes. Move it to initContainers with restartPolicy: Always (a sidecar), which Kubernetes stops once the other containers have exited.', containerPath(pod, c), c.name, pod.kind),
        data: { fix: 'convert-to-sidecar', container: where(c) },
      });
    }
    return out;
  },
};
