/**
 * Warnings: specs the API server accepts but that behave badly at run time (probes that kill or
 * never catch a hung app, stops that always time out, pods evicted first, Jobs that never finish).
 * One rule per file; shared helpers in util.ts. Valid, well-configured specs must stay quiet.
 */
import * as l10n from '@vscode/l10n';
import type { Rule } from '../rule';
import { emptyDirSizeLimit } from './emptyDirSizeLimit';
import { identicalProbes } from './identicalProbes';
import { imageTag } from './imageTag';
import { legacySidecarInJob } from './legacySidecarInJob';
import { livenessBeforeReadiness } from './livenessBeforeReadiness';
import { livenessBeforeStartup } from './livenessBeforeStartup';
import { localStorageTolerations } from './localStorageTolerations';
import { missingMemoryLimit } from './missingMemoryLimit';
import { missingReadinessProbe } from './missingReadinessProbe';
import { missingRequests } from './missingRequests';
import { preStopExceedsGrace } from './preStopExceedsGrace';
import { shellEntrypoint } from './shellEntrypoint';
import { tcpProbeOnHttpPort } from './tcpProbeOnHttpPort';

/**
 * Warnings are about what is missing or how values combine; in a templated document (Helm) the
 * missing part may well come from a template, so these rules stay quiet there.
 */
function quietOnTemplates(rule: Rule): Rule {
  return { ...rule, check: (ctx) => (ctx.templated ? [] : rule.check(ctx)) };
}

export const WARNING_RULES: readonly Rule[] = [
  // probes
  missingReadinessProbe,
  livenessBeforeStartup,
  livenessBeforeReadiness,
  identicalProbes,
  tcpProbeOnHttpPort,
  // start and stop
  shellEntrypoint,
  preStopExceedsGrace,
  legacySidecarInJob,
  // resources and storage
  missingRequests,
  missingMemoryLimit,
  emptyDirSizeLimit,
  localStorageTolerations,
  // images
  imageTag,
].map(quietOnTemplates);

/** One-line summaries of the warning rules (rule metadata, SARIF), localised when called. */
export function warningSummaries(): Record<string, string> {
  return {
    'missing-readiness-probe': l10n.t('A container that exposes ports has no readinessProbe, so it receives traffic before it can serve.'),
    'liveness-probe-before-startup': l10n.t('A liveness probe without a startupProbe can restart the container before a slow start has finished.'),
    'liveness-fails-before-readiness': l10n.t('The liveness probe gives up sooner than the readiness probe, so overloaded containers are restarted while still receiving traffic.'),
    'identical-liveness-readiness': l10n.t('Liveness and readiness probes are identical, so the container is restarted at the moment it is taken out of the Service.'),
    'tcp-probe-on-http-port': l10n.t('A tcpSocket probe on an HTTP port passes even when the app is hung.'),
    'shell-entrypoint': l10n.t('A shell script as the container command is PID 1 and ignores SIGTERM, so every stop waits for the whole grace period.'),
    'prestop-exceeds-grace-period': l10n.t('The preStop hook uses up terminationGracePeriodSeconds, leaving the app no time to shut down after SIGTERM.'),
    'legacy-sidecar-in-job': l10n.t('A long-running helper is a regular container of a Job, so the Job never completes; make it a sidecar.'),
    'missing-requests': l10n.t('No container requests cpu or memory, so the pod is BestEffort and evicted first.'),
    'missing-memory-limit': l10n.t('A container without a memory limit can use all of the node\'s memory.'),
    'emptydir-without-size-limit': l10n.t('An emptyDir volume without sizeLimit can fill the node\'s disk or memory.'),
    'local-storage-default-tolerations': l10n.t('A StatefulSet with node-local storage relies on the default 300 s not-ready/unreachable tolerations.'),
    'image-latest-tag': l10n.t('An image with the :latest tag or no tag is a moving target.'),
  };
}
