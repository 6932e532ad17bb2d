/**
 * Rules for what the Kubernetes API server would reject (pkg/apis/core/validation and the
 * apps/batch validations), plus the version-dependent fields it silently drops.
 * One rule per file; helpers in util.ts, handlers.ts and resources.ts.
 */
import type { Rule } from '../rule';
import { containerImageRequired } from './containerImageRequired';
import { containerRestartPolicyForbidden } from './containerRestartPolicyForbidden';
import { duplicateContainerName } from './duplicateContainerName';
import { ephemeralContainerFields } from './ephemeralContainerFields';
import { handlerCount } from './handlerCount';
import { hugepagesRequirements } from './hugepagesRequirements';
import { initContainerForbiddenFields } from './initContainerForbiddenFields';
import { initContainerRestartPolicy } from './initContainerRestartPolicy';
import { invalidActiveDeadline } from './invalidActiveDeadline';
import { invalidContainerName } from './invalidContainerName';
import { invalidContainerPort } from './invalidContainerPort';
import { invalidHandlerPort } from './invalidHandlerPort';
import { invalidResourceName } from './invalidResourceName';
import { invalidResourceValue } from './invalidResourceValue';
import { invalidRestartPolicy } from './invalidRestartPolicy';
import { lifecycleSleepAction } from './lifecycleSleepAction';
import { negativeGracePeriod } from './negativeGracePeriod';
import { noContainers } from './noContainers';
import { nonOvercommittableResource } from './nonOvercommittableResource';
import { podResourcesConsistency } from './podResourcesConsistency';
import { podResourcesUnsupported } from './podResourcesUnsupported';
import { probeFields } from './probeFields';
import { probeSuccessThreshold } from './probeSuccessThreshold';
import { readinessProbeGracePeriod } from './readinessProbeGracePeriod';
import { requestExceedsLimit } from './requestExceedsLimit';
import { rollingUpdate } from './rollingUpdate';
import { sidecarUnsupportedVersion } from './sidecarUnsupportedVersion';
import { workloadActiveDeadline } from './workloadActiveDeadline';
import { workloadRestartPolicy } from './workloadRestartPolicy';

export const ERROR_RULES: readonly Rule[] = [
  // containers
  noContainers,
  invalidContainerName,
  duplicateContainerName,
  containerImageRequired,
  invalidContainerPort,
  initContainerRestartPolicy,
  initContainerForbiddenFields,
  containerRestartPolicyForbidden,
  sidecarUnsupportedVersion,
  ephemeralContainerFields,
  // probes and lifecycle hooks
  handlerCount,
  invalidHandlerPort,
  probeFields,
  probeSuccessThreshold,
  readinessProbeGracePeriod,
  lifecycleSleepAction,
  // resources
  invalidResourceName,
  invalidResourceValue,
  requestExceedsLimit,
  nonOvercommittableResource,
  hugepagesRequirements,
  podResourcesUnsupported,
  podResourcesConsistency,
  // pod and workload
  invalidRestartPolicy,
  invalidActiveDeadline,
  negativeGracePeriod,
  workloadRestartPolicy,
  workloadActiveDeadline,
  rollingUpdate,
];
