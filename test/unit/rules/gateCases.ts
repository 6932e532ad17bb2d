/**
 * Corpus cases for fields whose meaning depends on a feature gate (issue 20 item 6): resizePolicy,
 * hostUsers, env var names, resource claims, supplementalGroupsPolicy, image volumes and the Job
 * fields backoffLimitPerIndex, successPolicy and podReplacementPolicy. Each message was produced by
 * the conformance reference (conformance/reference on k8s.io/kubernetes v1.37.2 and v1.34.4) on the
 * same spec. Spliced into REJECTED / VALID / VERSIONED by corpusCases.ts.
 * Spec: pkg/apis/core/validation/validation.go (validateResizePolicy, validateInitContainers,
 * validateHostUsers, ValidateEnv, ValidateEnvFrom, validateResourceClaimNames,
 * validateSupplementalGroupsPolicy, validateImageVolumeSource, validatePullPolicy);
 * k8s.io/apimachinery pkg/util/validation (IsRelaxedEnvVarName, IsEnvVarName);
 * pkg/apis/batch/validation/validation.go (validateJobSpec, validatePodFailurePolicyRule,
 * validateSuccessPolicyRule, validatePodReplacementPolicy).
 */
import type { RejectCase, ValidCase, VersionCase } from './corpusCases';

const indent = (body: string, by: number) =>
  body.replace(/^\n/, '').replace(/\s+$/, '').split('\n').map((l) => (l ? ' '.repeat(by) + l : l)).join('\n');
/** spec body starts on line 5, at column 2 (as corpusCases.ts pod()) */
const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${indent(spec, 2)}\n`;
/** Job spec fields start on line 5 at column 2; `template` follows them. */
const jobWith = (fields: string) =>
  `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n${indent(fields, 2)}\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - { name: work, image: "busybox:1.36" }\n`;

const APP = '  - { name: app, image: "nginx:1.27" }';

export const GATE_REJECTED: readonly RejectCase[] = [
  // ---- InPlacePodVerticalScaling: resizePolicy (validateResizePolicy)
  {
    name: 'resizePolicy: cpu twice',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    resizePolicy:
      - { resourceName: cpu, restartPolicy: NotRequired }
      - { resourceName: cpu, restartPolicy: RestartContainer }`),
    code: 'invalid-resize-policy', line: 10, character: 26, covers: 'cpu',
    message: 'spec.containers[0].resizePolicy[1]: Duplicate value: "cpu"',
  },
  {
    name: 'resizePolicy: ephemeral-storage',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    resizePolicy:
      - { resourceName: ephemeral-storage, restartPolicy: NotRequired }`),
    code: 'invalid-resize-policy', line: 9, character: 26, covers: 'ephemeral-storage',
    message: 'spec.containers[0].resizePolicy: Unsupported value: "ephemeral-storage": supported values: "cpu", "memory"',
  },
  {
    name: 'resizePolicy: unknown policy',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    resizePolicy:
      - { resourceName: memory, restartPolicy: Sometimes }`),
    code: 'invalid-resize-policy', line: 9, character: 49, covers: 'Sometimes',
    message: 'spec.containers[0].resizePolicy: Unsupported value: "Sometimes": supported values: "NotRequired", "RestartContainer"',
  },
  {
    name: 'resizePolicy: no restartPolicy',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    resizePolicy:
      - resourceName: memory`),
    code: 'invalid-resize-policy', line: 9, character: 10, covers: 'resourceName',
    message: 'spec.containers[0].resizePolicy: Required value',
  },
  {
    name: 'resizePolicy: RestartContainer in a restartPolicy Never pod (1.37 wording)',
    text: pod(`
restartPolicy: Never
containers:
  - name: app
    image: nginx:1.27
    resizePolicy:
      - { resourceName: memory, restartPolicy: RestartContainer }`),
    code: 'invalid-resize-policy', line: 10, character: 49, covers: 'RestartContainer',
    message: 'spec.containers[0].resizePolicy: Invalid value: "RestartContainer": must be \'NotRequired\' when pod `restartPolicy` is \'Never\'',
  },
  {
    name: 'resizePolicy: RestartContainer in a restartPolicy Never pod (1.34 wording)',
    version: '1.34',
    text: pod(`
restartPolicy: Never
containers:
  - name: app
    image: nginx:1.27
    resizePolicy:
      - { resourceName: memory, restartPolicy: RestartContainer }`),
    code: 'invalid-resize-policy', line: 10, character: 49, covers: 'RestartContainer',
    message: 'spec.containers[0].resizePolicy: Invalid value: "RestartContainer": must be \'NotRequired\' when `restartPolicy` is \'Never\'',
  },
  {
    name: 'resizePolicy: RestartContainer on a regular init container (1.36+)',
    text: pod(`
initContainers:
  - name: init
    image: busybox:1.36
    resizePolicy:
      - { resourceName: cpu, restartPolicy: RestartContainer }
containers:
${APP}`),
    code: 'invalid-resize-policy', line: 9, character: 46, covers: 'RestartContainer',
    message: 'spec.initContainers[0].resizePolicy[0].restartPolicy: Invalid value: "RestartContainer": must not be set to \'RestartContainer\' for non-sidecar initContainers',
  },
  // ---- UserNamespacesSupport: hostUsers false (validateHostUsers; paths verbatim)
  {
    name: 'hostUsers false with hostNetwork',
    text: pod(`
hostUsers: false
hostNetwork: true
containers:
${APP}`),
    code: 'host-users-conflict', line: 6, character: 2, covers: 'hostNetwork',
    message: 'spec.hostNetwork: Forbidden: when `hostUsers` is false',
  },
  {
    name: 'hostUsers false with hostPID (path spec.HostPID)',
    text: pod(`
hostUsers: false
hostPID: true
containers:
${APP}`),
    code: 'host-users-conflict', line: 6, character: 2, covers: 'hostPID',
    message: 'spec.HostPID: Forbidden: when `hostUsers` is false',
  },
  {
    name: 'hostUsers false with hostIPC (path spec.HostIPC)',
    text: pod(`
hostUsers: false
hostIPC: true
containers:
${APP}`),
    code: 'host-users-conflict', line: 6, character: 2, covers: 'hostIPC',
    message: 'spec.HostIPC: Forbidden: when `hostUsers` is false',
  },
  {
    name: 'hostUsers false with volumeDevices',
    text: pod(`
hostUsers: false
containers:
  - name: app
    image: nginx:1.27
    volumeDevices: [{ name: disk, devicePath: /dev/xvda }]
volumes:
  - { name: disk, persistentVolumeClaim: { claimName: disk } }`),
    code: 'host-users-conflict', line: 9, character: 6, covers: 'volumeDevices',
    message: 'spec.containers[0].volumeDevices: Forbidden: when `hostUsers` is false',
  },
  // ---- RelaxedEnvironmentVariableValidation: env names (ValidateEnv, ValidateEnvFrom)
  {
    name: 'env name with =',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    env: [{ name: "A=B", value: x }]`),
    code: 'invalid-env-name', line: 8, character: 20, covers: '"A=B"',
    message: 'spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\'',
  },
  {
    name: 'env name not ASCII',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    env: [{ name: "café", value: x }]`),
    code: 'invalid-env-name', line: 8, character: 20, covers: '"café"',
    message: 'spec.containers[0].env[0].name: Invalid value: "café": a valid environment variable name must consist only of printable ASCII characters other than \'=\'',
  },
  {
    name: 'env name empty',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    env: [{ name: "", value: x }]`),
    code: 'invalid-env-name', line: 8, character: 14, covers: 'name',
    message: 'spec.containers[0].env[0].name: Required value',
  },
  {
    name: 'envFrom prefix with =',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    envFrom: [{ prefix: "X=", configMapRef: { name: cfg } }]`),
    code: 'invalid-env-name', line: 8, character: 26, covers: '"X="',
    message: 'spec.containers[0].envFrom[0].prefix: Invalid value: "X=": a valid environment variable name must consist only of printable ASCII characters other than \'=\'',
  },
  // ---- DynamicResourceAllocation: resources.claims (validateResourceClaimNames)
  {
    name: 'resource claim not in an empty spec.resourceClaims',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    resources: { claims: [{ name: gpu }] }`),
    code: 'unknown-resource-claim', line: 8, character: 36, covers: 'gpu',
    message: 'spec.containers[0].resources.claims[0]: Not found: "gpu": must be one of the names in pod.spec.resourceClaims which is empty',
  },
  {
    name: 'resource claim not in spec.resourceClaims (sorted list)',
    text: pod(`
resourceClaims:
  - { name: nic, resourceClaimTemplateName: nic }
  - { name: accel, resourceClaimTemplateName: accel }
containers:
  - name: app
    image: nginx:1.27
    resources: { claims: [{ name: gpu }] }`),
    code: 'unknown-resource-claim', line: 11, character: 36, covers: 'gpu',
    message: 'spec.containers[0].resources.claims[0]: Not found: "gpu": must be one of the names in pod.spec.resourceClaims: accel, nic',
  },
  {
    name: 'resource claim twice',
    text: pod(`
resourceClaims: [{ name: gpu, resourceClaimTemplateName: gpu }]
containers:
  - name: app
    image: nginx:1.27
    resources: { claims: [{ name: gpu }, { name: gpu }] }`),
    code: 'unknown-resource-claim', line: 9, character: 51, covers: 'gpu',
    message: 'spec.containers[0].resources.claims[1]: Duplicate value: "gpu"',
  },
  // ---- SupplementalGroupsPolicy (validateSupplementalGroupsPolicy)
  {
    name: 'supplementalGroupsPolicy Loose',
    text: pod(`
securityContext: { supplementalGroupsPolicy: Loose }
containers:
${APP}`),
    code: 'invalid-supplemental-groups-policy', line: 5, character: 47, covers: 'Loose',
    message: 'spec.securityContext.supplementalGroupsPolicy: Unsupported value: "Loose": supported values: "Merge", "Strict"',
  },
  // ---- ImageVolume (validateImageVolumeSource, validatePullPolicy)
  {
    name: 'image volume without a reference',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    volumeMounts: [{ name: model, mountPath: /model }]
volumes:
  - name: model
    image: { pullPolicy: IfNotPresent }`),
    code: 'invalid-image-volume', line: 11, character: 6, covers: 'image',
    message: 'spec.volumes[0].image.reference: Required value',
  },
  {
    name: 'image volume with an unknown pullPolicy',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    volumeMounts: [{ name: model, mountPath: /model }]
volumes:
  - name: model
    image: { reference: "registry.example/model:v1", pullPolicy: Sometimes }`),
    code: 'invalid-image-volume', line: 11, character: 67, covers: 'Sometimes',
    message: 'spec.volumes[0].image.pullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
  },
  // ---- Jobs (validateJobSpec, validatePodFailurePolicyRule, validateSuccessPolicyRule, validatePodReplacementPolicy)
  {
    name: 'backoffLimitPerIndex without Indexed',
    text: jobWith('backoffLimitPerIndex: 1'),
    code: 'invalid-job-backoff-per-index', line: 5, character: 24, covers: '1',
    message: 'spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode',
  },
  {
    name: 'maxFailedIndexes without backoffLimitPerIndex',
    text: jobWith('completionMode: Indexed\ncompletions: 3\nmaxFailedIndexes: 1'),
    code: 'invalid-job-backoff-per-index', line: 7, character: 2, covers: 'maxFailedIndexes',
    message: 'spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified',
  },
  {
    name: 'maxFailedIndexes above completions',
    text: jobWith('completionMode: Indexed\ncompletions: 3\nbackoffLimitPerIndex: 1\nmaxFailedIndexes: 5'),
    code: 'invalid-job-backoff-per-index', line: 8, character: 20, covers: '5',
    message: 'spec.maxFailedIndexes: Invalid value: 5: must be less than or equal to completions',
  },
  {
    name: 'FailIndex without backoffLimitPerIndex',
    text: jobWith('completionMode: Indexed\ncompletions: 3\npodFailurePolicy:\n  rules: [{ action: FailIndex, onExitCodes: { operator: In, values: [1] } }]'),
    code: 'invalid-job-backoff-per-index', line: 8, character: 22, covers: 'FailIndex',
    message: 'spec.podFailurePolicy.rules[0].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set',
  },
  {
    name: 'successPolicy without Indexed (Go struct value)',
    text: jobWith('successPolicy: { rules: [{ succeededCount: 1 }] }'),
    code: 'invalid-job-success-policy', line: 5, character: 2, covers: 'successPolicy',
    message: 'spec.successPolicy: Invalid value: {"Rules":[{"SucceededIndexes":null,"SucceededCount":1}]}: requires indexed completion mode',
  },
  {
    name: 'successPolicy succeededCount above completions',
    text: jobWith('completionMode: Indexed\ncompletions: 3\nsuccessPolicy: { rules: [{ succeededCount: 5 }] }'),
    code: 'invalid-job-success-policy', line: 7, character: 45, covers: '5',
    message: 'spec.successPolicy.rules[0].succeededCount: Invalid value: 5: must be less than or equal to 3 (the number of specified completions)',
  },
  {
    name: 'successPolicy rule with neither count nor indexes',
    text: jobWith('completionMode: Indexed\ncompletions: 3\nsuccessPolicy:\n  rules:\n    - succeededIndexes:'),
    code: 'invalid-job-success-policy', line: 9, character: 8, covers: 'succeededIndexes',
    message: 'spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must be specified',
  },
  {
    name: 'podReplacementPolicy unknown value',
    text: jobWith('podReplacementPolicy: Sometimes'),
    code: 'invalid-pod-replacement-policy', line: 5, character: 24, covers: 'Sometimes',
    message: 'spec.podReplacementPolicy: Unsupported value: "Sometimes": supported values: "Failed", "TerminatingOrFailed"',
  },
  {
    name: 'podReplacementPolicy TerminatingOrFailed with a podFailurePolicy',
    text: jobWith('podReplacementPolicy: TerminatingOrFailed\npodFailurePolicy:\n  rules: [{ action: FailJob, onExitCodes: { operator: In, values: [42] } }]'),
    code: 'invalid-pod-replacement-policy', line: 5, character: 24, covers: 'TerminatingOrFailed',
    message: 'spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed"',
  },
];

export const GATE_VALID: readonly ValidCase[] = [
  {
    name: 'resizePolicy cpu/memory, RestartContainer on a sidecar',
    text: pod(`
initContainers:
  - name: proxy
    image: envoy:1.30
    restartPolicy: Always
    resizePolicy: [{ resourceName: cpu, restartPolicy: RestartContainer }]
containers:
  - name: app
    image: nginx:1.27
    resizePolicy:
      - { resourceName: cpu, restartPolicy: NotRequired }
      - { resourceName: memory, restartPolicy: RestartContainer }`),
    warnings: ['missing-requests', 'missing-memory-limit'],
  },
  {
    name: 'resizePolicy RestartContainer on a regular init container at 1.35',
    version: '1.35',
    text: pod(`
initContainers:
  - name: init
    image: busybox:1.36
    resizePolicy: [{ resourceName: cpu, restartPolicy: RestartContainer }]
containers:
${APP}`),
    warnings: ['missing-requests', 'missing-memory-limit'],
  },
  {
    name: 'hostUsers false without host namespaces',
    text: pod(`
hostUsers: false
hostNetwork: false
containers:
${APP}`),
    warnings: ['missing-requests', 'missing-memory-limit'],
  },
  {
    name: 'relaxed env names at 1.34 (digit first, space, dots)',
    version: '1.34',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    env:
      - { name: "1ST_RUN", value: x }
      - { name: "MY VAR", value: x }
      - { name: "..", value: x }
    envFrom: [{ prefix: "1-", configMapRef: { name: cfg } }]`),
    warnings: ['missing-requests', 'missing-memory-limit'],
  },
  {
    name: 'resource claims that name spec.resourceClaims (claim and claim/request)',
    text: pod(`
resourceClaims:
  - { name: gpu, resourceClaimTemplateName: gpu }
  - { name: nic, resourceClaimTemplateName: nic }
containers:
  - name: app
    image: nginx:1.27
    resources: { claims: [{ name: gpu }, { name: nic, request: fast }] }`),
    warnings: ['missing-requests', 'missing-memory-limit'],
  },
  {
    name: 'Indexed Job with per-index back-off, success policy and Failed replacement',
    text: jobWith('completionMode: Indexed\ncompletions: 5\nbackoffLimitPerIndex: 1\nmaxFailedIndexes: 2\nsuccessPolicy: { rules: [{ succeededIndexes: "0-2", succeededCount: 2 }] }\npodReplacementPolicy: Failed\npodFailurePolicy:\n  rules: [{ action: FailIndex, onExitCodes: { operator: In, values: [42] } }]'),
    warnings: ['missing-requests', 'missing-memory-limit'],
  },
];

const ENV_1ABC = pod(`
containers:
  - name: app
    image: nginx:1.27
    env: [{ name: "1ABC", value: x }]`);
const DOT_ENV = pod(`
containers:
  - name: app
    image: nginx:1.27
    env: [{ name: ".", value: x }]`);
const RESIZE = pod(`
containers:
  - name: app
    image: nginx:1.27
    resizePolicy: [{ resourceName: ephemeral-storage, restartPolicy: NotRequired }]`);
const HOST_USERS = pod(`
hostUsers: false
hostPID: true
containers:
${APP}`);
const CLAIM = pod(`
containers:
  - name: app
    image: nginx:1.27
    resources: { claims: [{ name: gpu }] }`);
const IMAGE_VOLUME = pod(`
containers:
  - name: app
    image: nginx:1.27
    volumeMounts: [{ name: model, mountPath: /model }]
volumes:
  - name: model
    image: { pullPolicy: IfNotPresent }`);
const IMAGE_VOLUME_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  selector: { matchLabels: { app: d } }
  template:
    metadata: { labels: { app: d } }
    spec:
      containers:
        - { name: app, image: "nginx:1.27" }
      volumes:
        - { name: model, image: { reference: "" } }
`;
const POD_CLAIMS = pod(`
resourceClaims: [{ name: tpu, resourceClaimTemplateName: tpu }]
containers:
  - name: app
    image: nginx:1.27
    resources: { claims: [{ name: gpu }] }`);
const JOB_PER_INDEX = jobWith('backoffLimitPerIndex: 1');
const JOB_FAIL_INDEX = jobWith('completionMode: Indexed\ncompletions: 3\npodFailurePolicy:\n  rules: [{ action: FailIndex, onExitCodes: { operator: In, values: [1] } }]');
const JOB_SUCCESS = jobWith('successPolicy: { rules: [{ succeededCount: 1 }] }');
const JOB_REPLACEMENT = jobWith('podReplacementPolicy: Sometimes');
const CRONJOB_SUCCESS = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: c
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      successPolicy: { rules: [{ succeededCount: 1 }] }
      template:
        spec:
          restartPolicy: Never
          containers:
            - { name: work, image: "busybox:1.36" }
`;
const SGP = pod(`
securityContext: { supplementalGroupsPolicy: Loose }
containers:
${APP}`);

export const GATE_VERSIONED: readonly VersionCase[] = [
  // RelaxedEnvironmentVariableValidation: strict before 1.32 (IsEnvVarName, RegexError wording), relaxed from 1.32.
  { name: 'env name 1ABC on 1.31 (strict names)', text: ENV_1ABC, version: '1.31', code: 'invalid-env-name',
    message: 'spec.containers[0].env[0].name: Invalid value: "1ABC": a valid environment variable name must consist of alphabetic characters, digits, \'_\', \'-\', or \'.\', and must not start with a digit (e.g. \'my.env-name\',  or \'MY_ENV.NAME\',  or \'MyEnvName1\', regex used for validation is \'[-._a-zA-Z][-._a-zA-Z0-9]*\')' },
  { name: 'env name 1ABC on 1.32 (relaxed)', text: ENV_1ABC, version: '1.32', code: undefined },
  { name: 'env name "." on 1.31 (hasChDirPrefix)', text: DOT_ENV, version: '1.31', code: 'invalid-env-name', message: 'spec.containers[0].env[0].name: Invalid value: ".": must not be \'.\'' },
  { name: 'env name "." on 1.34', text: DOT_ENV, version: '1.34', code: undefined },
  // Gate off: the API server drops the field before validation (pkg/api/pod/util.go dropDisabledFields and the
  // drop functions it calls; Jobs: pkg/registry/batch/job/strategy.go PrepareForCreate), so nothing is validated
  // and field-dropped-by-version says so (model/droppedFields.ts). Below the gate's alpha the API has no such
  // field: no hint. (These cases expected no hint before the drops were modelled.)
  { name: 'resizePolicy on 1.26 (before InPlacePodVerticalScaling: unknown, no hint)', text: RESIZE, version: '1.26', code: undefined },
  { name: 'resizePolicy on 1.32 (InPlacePodVerticalScaling off: dropped)', text: RESIZE, version: '1.32', code: undefined,
    hint: 'spec.containers[0].resizePolicy is dropped by the API server at Kubernetes 1.32: the InPlacePodVerticalScaling feature gate is off by default (on from 1.33). In-place resize is not available at this release' },
  { name: 'resizePolicy on 1.33', text: RESIZE, version: '1.33', code: 'invalid-resize-policy', message: 'spec.containers[0].resizePolicy: Unsupported value: "ephemeral-storage"' },
  { name: 'hostUsers on 1.32 (UserNamespacesSupport off: dropped)', text: HOST_USERS, version: '1.32', code: undefined,
    hint: 'spec.hostUsers is dropped by the API server at Kubernetes 1.32: the UserNamespacesSupport feature gate is off by default (on from 1.33). The pod shares the host\'s user namespace, as if hostUsers were true.' },
  { name: 'hostUsers on 1.24 (before UserNamespacesSupport: unknown, no hint)', text: HOST_USERS, version: '1.24', code: undefined },
  { name: 'hostUsers on 1.33', text: HOST_USERS, version: '1.33', code: 'host-users-conflict', message: 'spec.HostPID: Forbidden: when `hostUsers` is false' },
  { name: 'resource claims on 1.33 (DynamicResourceAllocation off: dropped)', text: CLAIM, version: '1.33', code: undefined,
    hint: 'spec.containers[0].resources.claims is dropped by the API server at Kubernetes 1.33: the DynamicResourceAllocation feature gate is off by default (on from 1.34). No devices are allocated for these claims.' },
  { name: 'spec.resourceClaims on 1.33 (dropped with the containers\' claims)', text: POD_CLAIMS, version: '1.33', code: undefined,
    hint: 'spec.resourceClaims is dropped by the API server at Kubernetes 1.33: the DynamicResourceAllocation feature gate is off by default (on from 1.34). No devices are allocated for these claims.' },
  { name: 'spec.resourceClaims on 1.34', text: POD_CLAIMS, version: '1.34', code: 'unknown-resource-claim', message: 'spec.containers[0].resources.claims[0]: Not found: "gpu": must be one of the names in pod.spec.resourceClaims: tpu' },
  { name: 'resource claims on 1.34', text: CLAIM, version: '1.34', code: 'unknown-resource-claim', message: 'spec.containers[0].resources.claims[0]: Not found: "gpu"' },
  { name: 'supplementalGroupsPolicy on 1.32 (SupplementalGroupsPolicy off: dropped)', text: SGP, version: '1.32', code: undefined,
    hint: 'spec.securityContext.supplementalGroupsPolicy is dropped by the API server at Kubernetes 1.32: the SupplementalGroupsPolicy feature gate is off by default (on from 1.33). The container processes also get the groups' },
  { name: 'supplementalGroupsPolicy on 1.33', text: SGP, version: '1.33', code: 'invalid-supplemental-groups-policy', message: 'spec.securityContext.supplementalGroupsPolicy: Unsupported value: "Loose"' },
  // Conformance reference at 1.34: accepted, stored without the volume and without its mounts.
  { name: 'image volume on 1.34 (ImageVolume off: volume and mounts dropped)', text: IMAGE_VOLUME, version: '1.34', code: undefined,
    hint: 'spec.volumes[0] is dropped by the API server at Kubernetes 1.34: the ImageVolume feature gate is off by default (on from 1.35). It is an image volume: every volumeMount of it is removed too' },
  { name: 'image volume in a Deployment on 1.34 (dropped)', text: IMAGE_VOLUME_DEPLOYMENT, version: '1.34', code: undefined,
    hint: 'spec.template.spec.volumes[0] is dropped by the API server at Kubernetes 1.34: the ImageVolume feature gate is off by default (on from 1.35).' },
  { name: 'image volume on 1.30 (before ImageVolume: unknown, no hint)', text: IMAGE_VOLUME, version: '1.30', code: undefined },
  { name: 'image volume on 1.35', text: IMAGE_VOLUME, version: '1.35', code: 'invalid-image-volume', message: 'spec.volumes[0].image.reference: Required value' },
  // 1.35–1.36 check the reference only for a Pod (opts.ResourceIsPod): the Deployment is accepted, its pods are not.
  { name: 'image volume in a Deployment on 1.36 (its pods are rejected)', text: IMAGE_VOLUME_DEPLOYMENT, version: '1.36', code: 'invalid-image-volume',
    message: 'spec.template.spec.volumes[0].image.reference: Required value. Kubernetes 1.36 accepts the Deployment but rejects every pod its controller creates from it' },
  { name: 'image volume in a Deployment on 1.37', text: IMAGE_VOLUME_DEPLOYMENT, version: '1.37', code: 'invalid-image-volume', message: 'spec.template.spec.volumes[0].image.reference: Required value. Name the image' },  // Jobs (pkg/registry/batch/job/strategy.go PrepareForCreate). SetDefaults_Job runs first, so a missing
  // backoffLimit is already MaxInt32 when backoffLimitPerIndex is dropped.
  { name: 'backoffLimitPerIndex on 1.28 (JobBackoffLimitPerIndex off: dropped)', text: JOB_PER_INDEX, version: '1.28', code: undefined,
    hint: 'spec.backoffLimitPerIndex is dropped by the API server at Kubernetes 1.28: the JobBackoffLimitPerIndex feature gate is off by default (on from 1.29). backoffLimit was already defaulted to 2147483647 because of it' },
  { name: 'backoffLimitPerIndex on 1.29', text: JOB_PER_INDEX, version: '1.29', code: 'invalid-job-backoff-per-index', message: 'spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode' },
  { name: 'FailIndex rule on 1.28 (removed with the per-index fields)', text: JOB_FAIL_INDEX, version: '1.28', code: undefined,
    hint: 'spec.podFailurePolicy.rules[0] is dropped by the API server at Kubernetes 1.28: the JobBackoffLimitPerIndex feature gate is off by default (on from 1.29). The rule is removed' },
  { name: 'FailIndex rule on 1.29', text: JOB_FAIL_INDEX, version: '1.29', code: 'invalid-job-backoff-per-index', message: 'spec.podFailurePolicy.rules[0].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set' },
  { name: 'successPolicy on 1.30 (JobSuccessPolicy off: dropped)', text: JOB_SUCCESS, version: '1.30', code: undefined,
    hint: 'spec.successPolicy is dropped by the API server at Kubernetes 1.30: the JobSuccessPolicy feature gate is off by default (on from 1.31). The Job succeeds only once all its completions have succeeded.' },
  { name: 'successPolicy on 1.31', text: JOB_SUCCESS, version: '1.31', code: 'invalid-job-success-policy', message: 'spec.successPolicy: Invalid value: {"Rules":[{"SucceededIndexes":null,"SucceededCount":1}]}: requires indexed completion mode' },
  { name: 'successPolicy in a CronJob on 1.30 (dropped)', text: CRONJOB_SUCCESS, version: '1.30', code: undefined,
    hint: 'spec.jobTemplate.spec.successPolicy is dropped by the API server at Kubernetes 1.30: the JobSuccessPolicy feature gate is off by default (on from 1.31).' },
  { name: 'podReplacementPolicy on 1.28 (JobPodReplacementPolicy off: dropped)', text: JOB_REPLACEMENT, version: '1.28', code: undefined,
    hint: 'spec.podReplacementPolicy is dropped by the API server at Kubernetes 1.28: the JobPodReplacementPolicy feature gate is off by default (on from 1.29). A replacement pod starts as soon as the old one is terminating' },
  { name: 'podReplacementPolicy on 1.29', text: JOB_REPLACEMENT, version: '1.29', code: 'invalid-pod-replacement-policy', message: 'spec.podReplacementPolicy: Unsupported value: "Sometimes"' },
];
