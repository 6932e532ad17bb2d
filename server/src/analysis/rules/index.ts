/**
 * The rule registry: every rule Pod Lens runs, in one list. A rule is one file,
 * `<topic>/<camelCaseCode>.ts`, holding its code, severity, check and quick fixes (rule.ts).
 * Topics: containers, probes (and handlers), resources, security (user namespaces, groups), termination,
 * workloads, versions (fields a release drops), observed (a pod's status, analysis/observed); shared helpers in shared/.
 */
import * as l10n from '@vscode/l10n';
import { containerImageRequired } from './containers/containerImageRequired';
import { containerRestartPolicyForbidden } from './containers/containerRestartPolicyForbidden';
import { duplicateContainerName } from './containers/duplicateContainerName';
import { ephemeralContainerField } from './containers/ephemeralContainerField';
import { imageLatestTag } from './containers/imageLatestTag';
import { initContainerForbiddenField } from './containers/initContainerForbiddenField';
import { initContainerRestartPolicy } from './containers/initContainerRestartPolicy';
import { invalidContainerRestartPolicy } from './containers/invalidContainerRestartPolicy';
import { invalidContainerName } from './containers/invalidContainerName';
import { invalidContainerPort } from './containers/invalidContainerPort';
import { duplicateHostPort } from './containers/duplicateHostPort';
import { noContainers } from './containers/noContainers';
import { sidecarUnsupportedVersion } from './containers/sidecarUnsupportedVersion';
import { identicalLivenessReadiness } from './probes/identicalLivenessReadiness';
import { invalidHandler } from './probes/invalidHandler';
import { invalidHandlerPort } from './probes/invalidHandlerPort';
import { invalidProbeField } from './probes/invalidProbeField';
import { livenessFailsBeforeReadiness } from './probes/livenessFailsBeforeReadiness';
import { livenessProbeBeforeStartup } from './probes/livenessProbeBeforeStartup';
import { missingReadinessProbe } from './probes/missingReadinessProbe';
import { probeSuccessThreshold } from './probes/probeSuccessThreshold';
import { readinessProbeGracePeriod } from './probes/readinessProbeGracePeriod';
import { tcpProbeOnHttpPort } from './probes/tcpProbeOnHttpPort';
import { emptydirWithoutSizeLimit } from './resources/emptydirWithoutSizeLimit';
import { invalidHugepages } from './resources/invalidHugepages';
import { invalidQuantity } from './resources/invalidQuantity';
import { invalidResourceName } from './resources/invalidResourceName';
import { invalidResourceValue } from './resources/invalidResourceValue';
import { missingMemoryLimit } from './resources/missingMemoryLimit';
import { missingRequests } from './resources/missingRequests';
import { nonOvercommittableResource } from './resources/nonOvercommittableResource';
import { podResourcesInconsistent } from './resources/podResourcesInconsistent';
import { limitRangeViolation } from './admission/limitRangeViolation';
import { limitRangeInvalidPod } from './admission/limitRangeInvalidPod';
import { podResourcesUnsupported } from './resources/podResourcesUnsupported';
import { quantityOutOfRange } from './resources/quantityOutOfRange';
import { requestExceedsLimit } from './resources/requestExceedsLimit';
import { invalidSleepAction } from './termination/invalidSleepAction';
import { negativeTerminationGracePeriod } from './termination/negativeTerminationGracePeriod';
import { prestopExceedsGracePeriod } from './termination/prestopExceedsGracePeriod';
import { shellEntrypoint } from './termination/shellEntrypoint';
import { invalidActiveDeadlineSeconds } from './workloads/invalidActiveDeadlineSeconds';
import { invalidRestartPolicy } from './workloads/invalidRestartPolicy';
import { legacySidecarInJob } from './workloads/legacySidecarInJob';
import { localStorageDefaultTolerations } from './workloads/localStorageDefaultTolerations';
import { rollingUpdateStuck } from './workloads/rollingUpdateStuck';
import { workloadActiveDeadlineSeconds } from './workloads/workloadActiveDeadlineSeconds';
import { workloadRestartPolicy } from './workloads/workloadRestartPolicy';
import { workloadSelector } from './workloads/workloadSelector';
import { integerFieldType } from './decoding/integerFieldType';
import { fieldDroppedByVersion } from './versions/fieldDroppedByVersion';
import { invalidEnvName } from './containers/invalidEnvName';
import { invalidImageVolume } from './resources/invalidImageVolume';
import { invalidResizePolicy } from './resources/invalidResizePolicy';
import { unknownResourceClaim } from './resources/unknownResourceClaim';
import { hostUsersConflict } from './security/hostUsersConflict';
import { invalidSupplementalGroupsPolicy } from './security/invalidSupplementalGroupsPolicy';
import { invalidJobBackoffPerIndex } from './workloads/invalidJobBackoffPerIndex';
import { invalidJobSuccessPolicy } from './workloads/invalidJobSuccessPolicy';
import { negativeJobField } from './workloads/negativeJobField';
import { cronJobJobSelector } from './workloads/cronjobJobSelector';
import { invalidPodReplacementPolicy } from './workloads/invalidPodReplacementPolicy';
import { observedPodProblem } from './observed/observedPodProblem';
import { observedPodExplanation } from './observed/observedPodExplanation';
import { observedStatusUnreadable } from './observed/observedStatusUnreadable';
import type { Rule } from './rule';
import { WORKSPACE_RULES } from '../workspace/rules/index';
import type { Severity } from '../finding';

/** The order findings are reported in, for the same pod. */
export const RULES: readonly Rule[] = [
  invalidQuantity,
  quantityOutOfRange,
  noContainers,
  invalidContainerName,
  duplicateContainerName,
  containerImageRequired,
  invalidContainerPort,
  duplicateHostPort,
  invalidEnvName,
  initContainerRestartPolicy,
  initContainerForbiddenField,
  containerRestartPolicyForbidden,
  invalidContainerRestartPolicy,
  sidecarUnsupportedVersion,
  fieldDroppedByVersion,
  ephemeralContainerField,
  invalidHandler,
  invalidHandlerPort,
  invalidProbeField,
  probeSuccessThreshold,
  readinessProbeGracePeriod,
  invalidSleepAction,
  invalidResourceName,
  invalidResourceValue,
  requestExceedsLimit,
  nonOvercommittableResource,
  invalidHugepages,
  invalidResizePolicy,
  unknownResourceClaim,
  invalidImageVolume,
  podResourcesUnsupported,
  podResourcesInconsistent,
  limitRangeViolation,
  limitRangeInvalidPod,
  invalidRestartPolicy,
  invalidActiveDeadlineSeconds,
  hostUsersConflict,
  invalidSupplementalGroupsPolicy,
  negativeTerminationGracePeriod,
  workloadRestartPolicy,
  workloadSelector,
  integerFieldType,
  workloadActiveDeadlineSeconds,
  invalidJobBackoffPerIndex,
  invalidJobSuccessPolicy,
  negativeJobField,
  cronJobJobSelector,
  invalidPodReplacementPolicy,
  rollingUpdateStuck,
  missingReadinessProbe,
  livenessProbeBeforeStartup,
  livenessFailsBeforeReadiness,
  identicalLivenessReadiness,
  tcpProbeOnHttpPort,
  shellEntrypoint,
  prestopExceedsGracePeriod,
  legacySidecarInJob,
  missingRequests,
  missingMemoryLimit,
  emptydirWithoutSizeLimit,
  localStorageDefaultTolerations,
  imageLatestTag,
  observedPodProblem,
  observedPodExplanation,
  observedStatusUnreadable,
];

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}

/** Codes reported by the parser and the service rather than by a rule. */
export const NON_RULE_CODES: readonly { code: string; severity: Severity; summary: () => string }[] = [
  { code: 'yaml-syntax', severity: 'error', summary: () => l10n.t('The YAML cannot be parsed.') },
  { code: 'yaml-duplicate-key', severity: 'warning', summary: () => l10n.t('A mapping repeats a key: Kubernetes keeps only the last value.') },
  { code: 'yaml-nesting', severity: 'error', summary: () => l10n.t('The YAML nests deeper than Pod Lens analyses.') },
  { code: 'yaml-aliases', severity: 'error', summary: () => l10n.t('The YAML aliases expand to too many nodes, or refer to themselves.') },
  { code: 'helm-template', severity: 'information', summary: () => l10n.t('The document holds template expressions that Pod Lens does not evaluate.') },
  { code: 'file-too-large', severity: 'information', summary: () => l10n.t('The file is larger than podLens.maxFileSize and is not analysed.') },
  { code: 'render-failed', severity: 'error', summary: () => l10n.t('Helm or Kustomize could not render the chart or overlay.') },
];

export interface RuleMetadata {
  readonly code: string;
  readonly severity: Severity;
  /** Kubernetes documentation that defines the behaviour, when the rule names one. */
  readonly docUrl: string | undefined;
  /** One line; codes without their own summary get their code in words. */
  readonly summary: string;
}

/** Every code Pod Lens can report (file rules, workspace rules, the rest), with its default severity (for SARIF and docs). */
export function ruleMetadata(): RuleMetadata[] {
  const words = (code: string) => code.charAt(0).toUpperCase() + code.slice(1).replace(/-/g, ' ');
  return [
    ...RULES.map((r) => ({ code: r.code, severity: r.severity, docUrl: r.docUrl, summary: r.summary?.() ?? words(r.code) })),
    ...WORKSPACE_RULES.map((r) => ({ code: r.code, severity: r.severity, docUrl: r.docUrl, summary: r.summary?.() ?? words(r.code) })),
    ...NON_RULE_CODES.map((c) => ({ code: c.code, severity: c.severity, docUrl: undefined, summary: c.summary() })),
  ];
}
