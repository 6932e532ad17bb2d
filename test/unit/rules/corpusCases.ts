/**
 * The corpus of small pod specs behind corpus.test.ts: what the API server rejects (with the
 * error Pod Lens must report, where, and the API server's own field path and words), and valid
 * specs that naive linters get wrong (Pod Lens must stay quiet).
 * Spec: pkg/apis/core/validation/validation.go (ValidatePodSpec, validateContainers,
 * validateInitContainers, validateProbe, validateHandler, validateSleepAction,
 * validateResourceRequirements, validatePodResourceConsistency, validateEphemeralContainers),
 * pkg/apis/apps/validation, pkg/apis/batch/validation.
 */

import { GATE_REJECTED, GATE_VALID, GATE_VERSIONED } from './gateCases';

export interface RejectCase {
  readonly name: string;
  readonly text: string;
  readonly version?: string;
  readonly code: string;
  /** Zero-based LSP position of the range start. */
  readonly line: number;
  readonly character: number;
  /** The text the range covers: the offending key or value. */
  readonly covers: string;
  /** The start of the message: the API server's field path and words. */
  readonly message: string;
}

export interface ValidCase {
  readonly name: string;
  readonly text: string;
  readonly version?: string;
  /** Warnings that are right for this spec (anything else is a false positive). */
  readonly warnings?: readonly string[];
}

const indent = (body: string, by: number) =>
  body.replace(/^\n/, '').replace(/\s+$/, '').split('\n').map((l) => (l ? ' '.repeat(by) + l : l)).join('\n');

/** spec body starts on line 5, at column 2 */
export const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${indent(spec, 2)}\n`;
/** spec body starts on line 9 (plus `extra` lines), at column 6 */
export const deployment = (spec: string, extra = '', kind = 'Deployment') =>
  `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: d\nspec:\n  selector: { matchLabels: { app: d } }\n${extra ? indent(extra, 2) + '\n' : ''}  template:\n    metadata: { labels: { app: d } }\n    spec:\n${indent(spec, 6)}\n`;
/** spec body starts on line 7, at column 6 */
export const job = (spec: string) => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n${indent(spec, 6)}\n`;
/** spec body starts on line 10, at column 10 */
export const cronJob = (spec: string) =>
  `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n${indent(spec, 10)}\n`;

/** A well-configured app container (quiet for every warning), as block lines at column 0. */
const APP = `- name: app
  image: nginx:1.27
  ports: [{ containerPort: 8080, name: http }]
  readinessProbe: { httpGet: { path: /ready, port: http } }
  resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { memory: 128Mi } }`;
const appIn = (by: number) => indent(APP, by);

export const REJECTED: readonly RejectCase[] = [
  // ---- init containers and sidecars
  {
    name: 'livenessProbe on a regular init container',
    text: pod(`
initContainers:
  - name: init
    image: busybox:1.36
    livenessProbe: { exec: { command: [true] } }
containers:
  - { name: app, image: nginx:1.27 }`),
    code: 'init-container-forbidden-field', line: 8, character: 6, covers: 'livenessProbe',
    message: 'spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
  },
  {
    name: 'lifecycle on a regular init container',
    text: pod(`
initContainers:
  - name: init
    image: busybox:1.36
    lifecycle: { preStop: { exec: { command: [true] } } }
containers:
  - { name: app, image: nginx:1.27 }`),
    code: 'init-container-forbidden-field', line: 8, character: 6, covers: 'lifecycle',
    message: 'spec.initContainers[0].lifecycle: Forbidden: may not be set for init containers without restartPolicy=Always',
  },
  {
    name: 'startupProbe on an init container in a Deployment',
    text: deployment(`
initContainers:
  - name: migrate
    image: migrate:1
    startupProbe: { exec: { command: [true] } }
containers:
  - { name: app, image: nginx:1.27 }`),
    code: 'init-container-forbidden-field', line: 12, character: 10, covers: 'startupProbe',
    message: 'spec.template.spec.initContainers[0].startupProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
  },
  // Before 1.34 only `Always` is accepted on init containers and regular containers take none
  // (validateInitContainerRestartPolicy / validateContainers without AllowContainerRestartPolicyRules);
  // 1.34 drops the fields (dropContainerRestartRules), 1.35+ accepts them: see VERSIONED.
  {
    name: 'init container restartPolicy Never (1.33)',
    version: '1.33',
    text: pod(`
initContainers:
  - name: init
    image: busybox:1.36
    restartPolicy: Never
containers:
  - { name: app, image: nginx:1.27 }`),
    code: 'init-container-restart-policy', line: 8, character: 21, covers: 'Never',
    message: 'spec.initContainers[0].restartPolicy: Unsupported value: "Never": supported values: "Always"',
  },
  {
    name: 'init container restartPolicy OnFailure (1.33)',
    version: '1.33',
    text: pod(`
initContainers:
  - { name: init, image: busybox:1.36, restartPolicy: OnFailure }
containers:
  - { name: app, image: nginx:1.27 }`),
    code: 'init-container-restart-policy', line: 6, character: 56, covers: 'OnFailure',
    message: 'spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
  },
  {
    name: 'restartPolicy on an app container (1.33)',
    version: '1.33',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    restartPolicy: Always`),
    code: 'container-restart-policy-forbidden', line: 8, character: 6, covers: 'restartPolicy',
    message: 'spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers',
  },
  // ---- a container's own restartPolicy and restartPolicyRules, 1.35+ (validateContainerRestartPolicy;
  // messages confirmed with the 1.37.2 reference; 1.35's field.TooLong wording from the v1.35.4 source)
  {
    name: 'init container restartPolicy Sometimes (1.35+: Always, Never, OnFailure)',
    text: pod(`
initContainers:
  - { name: init, image: busybox:1.36, restartPolicy: Sometimes }
containers:
  - { name: app, image: nginx:1.27 }`),
    code: 'init-container-restart-policy', line: 6, character: 56, covers: 'Sometimes',
    message: 'spec.initContainers[0].restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure"',
  },
  {
    name: 'app container restartPolicy Sometimes (1.35+)',
    text: pod(`
containers:
  - { name: app, image: nginx:1.27, restartPolicy: Sometimes }`),
    code: 'invalid-container-restart-policy', line: 6, character: 53, covers: 'Sometimes',
    message: 'spec.containers[0].restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never", "OnFailure"',
  },
  {
    name: 'restartPolicyRules without a container restartPolicy',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    restartPolicyRules:
      - { action: Restart, exitCodes: { operator: In, values: [42] } }`),
    code: 'invalid-container-restart-policy', line: 8, character: 6, covers: 'restartPolicyRules',
    message: 'spec.containers[0].restartPolicy: Required value: must specify restartPolicy when restart rules are used',
  },
  {
    name: 'init container restartPolicyRules without a restartPolicy',
    text: pod(`
initContainers:
  - name: init
    image: busybox:1.36
    restartPolicyRules:
      - { action: Restart, exitCodes: { operator: In, values: [42] } }
containers:
  - { name: app, image: nginx:1.27 }`),
    code: 'invalid-container-restart-policy', line: 8, character: 6, covers: 'restartPolicyRules',
    message: 'spec.initContainers[0].restartPolicy: Required value: must specify restartPolicy when restart rules are used',
  },
  {
    name: 'restart rule with an unknown action',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    restartPolicy: Never
    restartPolicyRules:
      - { action: Bogus, exitCodes: { operator: In, values: [42] } }`),
    code: 'invalid-container-restart-policy', line: 10, character: 20, covers: 'Bogus',
    message: 'spec.containers[0].restartPolicyRules[0].action: Unsupported value: "Bogus": supported values: "Restart", "RestartAllContainers"',
  },
  {
    name: 'RestartAllContainers action at 1.35 (RestartAllContainersOnContainerExits alpha, off)',
    version: '1.35',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    restartPolicy: Never
    restartPolicyRules:
      - { action: RestartAllContainers, exitCodes: { operator: In, values: [42] } }`),
    code: 'invalid-container-restart-policy', line: 10, character: 20, covers: 'RestartAllContainers',
    message: 'spec.containers[0].restartPolicyRules[0].action: Unsupported value: "RestartAllContainers": supported values: "Restart"',
  },
  {
    name: 'restart rule with an unknown operator',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    restartPolicy: OnFailure
    restartPolicyRules:
      - { action: Restart, exitCodes: { operator: Maybe, values: [42] } }`),
    code: 'invalid-container-restart-policy', line: 10, character: 52, covers: 'Maybe',
    message: 'spec.containers[0].restartPolicyRules[0].exitCodes.operator: Unsupported value: "Maybe": supported values: "In", "NotIn"',
  },
  {
    name: 'restart rule without exitCodes',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    restartPolicy: Never
    restartPolicyRules:
      - action: Restart`),
    code: 'invalid-container-restart-policy', line: 10, character: 10, covers: 'action',
    message: 'spec.containers[0].restartPolicyRules[0].exitCodes: Required value: must be specified',
  },
  {
    name: '21 restart rules (1.36+: Too many)',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    restartPolicy: Never
    restartPolicyRules: [{ action: Restart, exitCodes: { operator: In, values: [0] } }, { action: Restart, exitCodes: { operator: In, values: [1] } }, { action: Restart, exitCodes: { operator: In, values: [2] } }, { action: Restart, exitCodes: { operator: In, values: [3] } }, { action: Restart, exitCodes: { operator: In, values: [4] } }, { action: Restart, exitCodes: { operator: In, values: [5] } }, { action: Restart, exitCodes: { operator: In, values: [6] } }, { action: Restart, exitCodes: { operator: In, values: [7] } }, { action: Restart, exitCodes: { operator: In, values: [8] } }, { action: Restart, exitCodes: { operator: In, values: [9] } }, { action: Restart, exitCodes: { operator: In, values: [10] } }, { action: Restart, exitCodes: { operator: In, values: [11] } }, { action: Restart, exitCodes: { operator: In, values: [12] } }, { action: Restart, exitCodes: { operator: In, values: [13] } }, { action: Restart, exitCodes: { operator: In, values: [14] } }, { action: Restart, exitCodes: { operator: In, values: [15] } }, { action: Restart, exitCodes: { operator: In, values: [16] } }, { action: Restart, exitCodes: { operator: In, values: [17] } }, { action: Restart, exitCodes: { operator: In, values: [18] } }, { action: Restart, exitCodes: { operator: In, values: [19] } }, { action: Restart, exitCodes: { operator: In, values: [20] } }]`),
    code: 'invalid-container-restart-policy', line: 9, character: 6, covers: 'restartPolicyRules',
    message: 'spec.containers[0].restartPolicyRules: Too many: 21: must have at most 20 items',
  },
  {
    name: '21 restart rules at 1.35 (field.TooLong wording)',
    version: '1.35',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    restartPolicy: Never
    restartPolicyRules: [{ action: Restart, exitCodes: { operator: In, values: [0] } }, { action: Restart, exitCodes: { operator: In, values: [1] } }, { action: Restart, exitCodes: { operator: In, values: [2] } }, { action: Restart, exitCodes: { operator: In, values: [3] } }, { action: Restart, exitCodes: { operator: In, values: [4] } }, { action: Restart, exitCodes: { operator: In, values: [5] } }, { action: Restart, exitCodes: { operator: In, values: [6] } }, { action: Restart, exitCodes: { operator: In, values: [7] } }, { action: Restart, exitCodes: { operator: In, values: [8] } }, { action: Restart, exitCodes: { operator: In, values: [9] } }, { action: Restart, exitCodes: { operator: In, values: [10] } }, { action: Restart, exitCodes: { operator: In, values: [11] } }, { action: Restart, exitCodes: { operator: In, values: [12] } }, { action: Restart, exitCodes: { operator: In, values: [13] } }, { action: Restart, exitCodes: { operator: In, values: [14] } }, { action: Restart, exitCodes: { operator: In, values: [15] } }, { action: Restart, exitCodes: { operator: In, values: [16] } }, { action: Restart, exitCodes: { operator: In, values: [17] } }, { action: Restart, exitCodes: { operator: In, values: [18] } }, { action: Restart, exitCodes: { operator: In, values: [19] } }, { action: Restart, exitCodes: { operator: In, values: [20] } }]`),
    code: 'invalid-container-restart-policy', line: 9, character: 6, covers: 'restartPolicyRules',
    message: 'spec.containers[0].restartPolicyRules: Too long: may not be more than 20 bytes',
  },
  {
    name: '256 exit codes in a restart rule',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    restartPolicy: Never
    restartPolicyRules:
      - action: Restart
        exitCodes: { operator: NotIn, values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255] }`),
    code: 'invalid-container-restart-policy', line: 11, character: 40, covers: 'values',
    message: 'spec.containers[0].restartPolicyRules[0].exitCodes.values: Too many: 256: must have at most 255 items',
  },
  {
    name: '256 exit codes at 1.35 (field.TooLong wording)',
    version: '1.35',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    restartPolicy: Never
    restartPolicyRules:
      - action: Restart
        exitCodes: { operator: NotIn, values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255] }`),
    code: 'invalid-container-restart-policy', line: 11, character: 40, covers: 'values',
    message: 'spec.containers[0].restartPolicyRules[0].exitCodes.values: Too long: may not be more than 255 bytes',
  },
  {
    name: 'sidecar with restart rules at 1.35',
    version: '1.35',
    text: pod(`
initContainers:
  - name: proxy
    image: envoy:1.30
    restartPolicy: Always
    restartPolicyRules:
      - { action: Restart, exitCodes: { operator: In, values: [1] } }
containers:
  - { name: app, image: nginx:1.27 }`),
    code: 'invalid-container-restart-policy', line: 9, character: 6, covers: 'restartPolicyRules',
    message: 'spec.initContainers[0].restartPolicyRules: Forbidden: restartPolicyRules are not allowed for init containers with restart policy Always',
  },
  {
    name: 'sidecar with probes before sidecars exist (1.28: restartPolicy dropped, probes then forbidden)',
    version: '1.28',
    text: pod(`
initContainers:
  - name: proxy
    image: envoy:1.30
    restartPolicy: Always
    readinessProbe: { tcpSocket: { port: 9901 } }
containers:
  - { name: app, image: nginx:1.27 }`),
    code: 'init-container-forbidden-field', line: 9, character: 6, covers: 'readinessProbe',
    message: 'spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
  },
  // ---- probe and hook handlers
  {
    name: 'httpGet port 0',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    livenessProbe:
      httpGet: { path: /healthz, port: 0 }`),
    code: 'invalid-handler-port', line: 9, character: 41, covers: '0',
    message: 'spec.containers[0].livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive',
  },
  {
    name: 'tcpSocket port 70000',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    readinessProbe:
      tcpSocket:
        port: 70000`),
    code: 'invalid-handler-port', line: 10, character: 16, covers: '70000',
    message: 'spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: 70000: must be between 1 and 65535, inclusive',
  },
  {
    name: 'quoted number as httpGet port is a port name, and names need a letter',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    readinessProbe:
      httpGet: { path: /, port: "8080" }`),
    code: 'invalid-handler-port', line: 9, character: 34, covers: '"8080"',
    message: 'spec.containers[0].readinessProbe.httpGet.port: Invalid value: "8080": must contain at least one letter (a-z)',
  },
  {
    name: 'upper-case port name',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    ports: [{ name: HTTP, containerPort: 80 }]
    livenessProbe:
      httpGet: { path: /, port: HTTP }`),
    code: 'invalid-handler-port', line: 10, character: 34, covers: 'HTTP',
    message: 'spec.containers[0].livenessProbe.httpGet.port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
  },
  {
    name: 'port name longer than 15 characters',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    startupProbe:
      tcpSocket: { port: admin-http-endpoint }`),
    code: 'invalid-handler-port', line: 9, character: 27, covers: 'admin-http-endpoint',
    message: 'spec.containers[0].startupProbe.tcpSocket.port: Invalid value: "admin-http-endpoint": must be no more than 15 bytes',
  },
  {
    name: 'two handlers in one probe',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    livenessProbe:
      exec: { command: [cat, /tmp/ok] }
      httpGet: { path: /, port: 80 }`),
    code: 'invalid-handler', line: 10, character: 8, covers: 'httpGet',
    message: 'spec.containers[0].livenessProbe.httpGet: Forbidden: may not specify more than 1 handler type',
  },
  {
    name: 'probe without a handler',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    readinessProbe:
      periodSeconds: 5`),
    code: 'invalid-handler', line: 8, character: 6, covers: 'readinessProbe',
    message: 'spec.containers[0].readinessProbe: Required value: must specify a handler type',
  },
  {
    name: 'preStop hook without a handler',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    lifecycle:
      preStop: {}`),
    code: 'invalid-handler', line: 9, character: 8, covers: 'preStop',
    message: 'spec.containers[0].lifecycle.preStop: Required value: must specify a handler type',
  },
  {
    name: 'preStop with exec and sleep',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    lifecycle:
      preStop:
        exec: { command: [nginx, -s, quit] }
        sleep: { seconds: 5 }`),
    code: 'invalid-handler', line: 11, character: 10, covers: 'sleep',
    message: 'spec.containers[0].lifecycle.preStop.sleep: Forbidden: may not specify more than 1 handler type',
  },
  {
    name: 'exec without a command',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    livenessProbe:
      exec: { command: [] }`),
    code: 'invalid-handler', line: 9, character: 16, covers: 'command',
    message: 'spec.containers[0].livenessProbe.exec.command: Required value',
  },
  {
    name: 'sidecar probes are validated like app container probes',
    text: pod(`
initContainers:
  - name: proxy
    image: envoy:1.30
    restartPolicy: Always
    livenessProbe: { tcpSocket: { port: 0 } }
containers:
  - { name: app, image: nginx:1.27 }`),
    code: 'invalid-handler-port', line: 9, character: 42, covers: '0',
    message: 'spec.initContainers[0].livenessProbe.tcpSocket.port: Invalid value: 0: must be between 1 and 65535, inclusive',
  },
  // ---- probe fields
  {
    name: 'successThreshold 2 on a liveness probe',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    livenessProbe:
      httpGet: { path: /, port: 80 }
      successThreshold: 2`),
    code: 'probe-success-threshold', line: 10, character: 26, covers: '2',
    message: 'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
  },
  {
    name: 'successThreshold 3 on a startup probe',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    startupProbe:
      httpGet: { path: /, port: 80 }
      successThreshold: 3`),
    code: 'probe-success-threshold', line: 10, character: 26, covers: '3',
    message: 'spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1',
  },
  {
    name: 'terminationGracePeriodSeconds on a readiness probe',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    readinessProbe:
      httpGet: { path: /, port: 80 }
      terminationGracePeriodSeconds: 10`),
    code: 'readiness-probe-grace-period', line: 10, character: 8, covers: 'terminationGracePeriodSeconds',
    message: 'spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes',
  },
  {
    name: 'probe terminationGracePeriodSeconds 0 on a liveness probe',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    livenessProbe:
      httpGet: { path: /, port: 80 }
      terminationGracePeriodSeconds: 0`),
    code: 'invalid-probe-field', line: 10, character: 39, covers: '0',
    message: 'spec.containers[0].livenessProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0',
  },
  {
    name: 'negative periodSeconds',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    readinessProbe:
      httpGet: { path: /, port: 80 }
      periodSeconds: -5`),
    code: 'invalid-probe-field', line: 10, character: 23, covers: '-5',
    message: 'spec.containers[0].readinessProbe.periodSeconds: Invalid value: -5: must be greater than or equal to 0',
  },
  {
    name: 'negative initialDelaySeconds',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    livenessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: -1 }`),
    code: 'invalid-probe-field', line: 8, character: 69, covers: '-1',
    message: 'spec.containers[0].livenessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0',
  },
  // ---- sleep action
  {
    name: 'sleep longer than the grace period',
    text: pod(`
terminationGracePeriodSeconds: 30
containers:
  - name: app
    image: nginx:1.27
    lifecycle:
      preStop:
        sleep: { seconds: 60 }`),
    code: 'invalid-sleep-action', line: 11, character: 28, covers: '60',
    message: 'spec.containers[0].lifecycle.preStop.sleep: Invalid value: 60: must be non-negative and less than terminationGracePeriodSeconds (30)',
  },
  {
    name: 'sleep longer than the default grace period (30)',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    lifecycle:
      preStop:
        sleep: { seconds: 45 }`),
    code: 'invalid-sleep-action', line: 10, character: 28, covers: '45',
    message: 'spec.containers[0].lifecycle.preStop.sleep: Invalid value: 45: must be non-negative and less than terminationGracePeriodSeconds (30)',
  },
  {
    name: 'sleep 0 before PodLifecycleSleepActionAllowZero (1.32)',
    version: '1.32',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    lifecycle:
      preStop:
        sleep: { seconds: 0 }`),
    code: 'invalid-sleep-action', line: 10, character: 28, covers: '0',
    message: 'spec.containers[0].lifecycle.preStop.sleep: Invalid value: 0: must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.',
  },
  {
    name: 'negative sleep',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    lifecycle:
      postStart:
        sleep: { seconds: -1 }`),
    code: 'invalid-sleep-action', line: 10, character: 28, covers: '-1',
    message: 'spec.containers[0].lifecycle.postStart.sleep: Invalid value: -1: must be non-negative and less than terminationGracePeriodSeconds (30)',
  },
  // ---- container resources
  {
    name: 'request above limit',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    resources:
      requests: { cpu: "2" }
      limits: { cpu: "1" }`),
    code: 'request-exceeds-limit', line: 9, character: 25, covers: '"2"',
    message: 'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
  },
  {
    name: 'memory request above limit in a Deployment',
    text: deployment(`
containers:
  - name: app
    image: nginx:1.27
    resources:
      requests: { memory: 1Gi }
      limits: { memory: 512Mi }`),
    code: 'request-exceeds-limit', line: 13, character: 32, covers: '1Gi',
    message: 'spec.template.spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi',
  },
  {
    name: 'hugepages without cpu or memory',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    resources:
      limits: { hugepages-2Mi: 100Mi }`),
    code: 'invalid-hugepages', line: 9, character: 18, covers: 'hugepages-2Mi',
    message: 'spec.containers[0].resources: Forbidden: HugePages require cpu or memory',
  },
  {
    name: 'hugepages request different from limit',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    resources:
      requests: { memory: 1Gi, hugepages-2Mi: 100Mi }
      limits: { memory: 1Gi, hugepages-2Mi: 200Mi }`),
    code: 'non-overcommittable-resource', line: 9, character: 48, covers: '100Mi',
    message: 'spec.containers[0].resources.requests: Invalid value: "100Mi": must be equal to hugepages-2Mi limit of 200Mi',
  },
  {
    name: 'hugepages not a multiple of the page size',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    resources:
      limits: { memory: 1Gi, hugepages-2Mi: 3Mi }`),
    code: 'invalid-hugepages', line: 9, character: 46, covers: '3Mi',
    message: 'spec.containers[0].resources.limits[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi',
  },
  {
    name: 'fractional extended resource',
    text: pod(`
containers:
  - name: app
    image: cuda:12
    resources:
      limits: { nvidia.com/gpu: 500m }`),
    code: 'invalid-resource-value', line: 9, character: 34, covers: '500m',
    message: 'spec.containers[0].resources.limits[nvidia.com/gpu]: Invalid value: "500m": must be an integer',
  },
  {
    name: 'extended resource request without a limit',
    text: pod(`
containers:
  - name: app
    image: cuda:12
    resources:
      requests: { nvidia.com/gpu: 1 }`),
    code: 'non-overcommittable-resource', line: 9, character: 20, covers: 'nvidia.com/gpu',
    message: 'spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources',
  },
  {
    name: 'extended resource request different from limit',
    text: pod(`
containers:
  - name: app
    image: cuda:12
    resources:
      requests: { nvidia.com/gpu: 1 }
      limits: { nvidia.com/gpu: 2 }`),
    code: 'non-overcommittable-resource', line: 9, character: 36, covers: '1',
    message: 'spec.containers[0].resources.requests: Invalid value: "1": must be equal to nvidia.com/gpu limit of 2',
  },
  {
    name: 'negative memory limit',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    resources:
      limits: { memory: -128Mi }`),
    code: 'invalid-resource-value', line: 9, character: 26, covers: '-128Mi',
    message: 'spec.containers[0].resources.limits[memory]: Invalid value: "-128Mi": must be greater than or equal to 0',
  },
  {
    name: 'unknown resource name',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    resources:
      requests: { cpus: 1 }`),
    code: 'invalid-resource-name', line: 9, character: 20, covers: 'cpus',
    message: 'spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified',
  },
  // ---- pod-level resources
  {
    name: 'pod-level resources: unsupported resource name',
    version: '1.34',
    text: pod(`
resources:
  limits: { cpu: "1", ephemeral-storage: 1Gi }
containers:
  - { name: app, image: nginx:1.27 }`),
    code: 'invalid-resource-name', line: 6, character: 24, covers: 'ephemeral-storage',
    message: 'spec.resources.limits[ephemeral-storage]: Unsupported value: "ephemeral-storage": supported values: "cpu", "hugepages-", "memory"',
  },
  {
    name: 'pod-level requests below what the containers request',
    version: '1.34',
    text: pod(`
resources:
  requests: { cpu: 500m }
containers:
  - name: app
    image: nginx:1.27
    resources: { requests: { cpu: "1" } }`),
    code: 'pod-resources-inconsistent', line: 6, character: 21, covers: '500m',
    message: 'spec.resources.requests[cpu]: Invalid value: "500m": must be greater than or equal to aggregate container requests of 1',
  },
  {
    name: 'container limit above the pod-level limit',
    version: '1.34',
    text: pod(`
resources:
  limits: { memory: 1Gi }
containers:
  - name: app
    image: nginx:1.27
    resources: { limits: { memory: 2Gi } }`),
    code: 'pod-resources-inconsistent', line: 10, character: 37, covers: '2Gi',
    message: 'spec.resources.containers[0][memory].limits: Invalid value: "2Gi": must be less than or equal to pod limits of 1Gi',
  },
  // ---- workloads
  {
    name: 'Deployment template restartPolicy Never',
    text: deployment(`
restartPolicy: Never
containers:
  - { name: app, image: nginx:1.27 }`),
    code: 'workload-restart-policy', line: 9, character: 21, covers: 'Never',
    message: 'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
  },
  {
    name: 'StatefulSet template restartPolicy OnFailure',
    text: deployment(`
restartPolicy: OnFailure
containers:
  - { name: app, image: nginx:1.27 }`, 'serviceName: s', 'StatefulSet'),
    code: 'workload-restart-policy', line: 10, character: 21, covers: 'OnFailure',
    message: 'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
  },
  {
    name: 'Job restartPolicy Always',
    text: job(`
restartPolicy: Always
containers:
  - { name: work, image: busybox:1.36 }`),
    code: 'workload-restart-policy', line: 7, character: 21, covers: 'Always',
    message: 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
  },
  {
    name: 'Job without restartPolicy (defaults to Always)',
    text: job(`
containers:
  - { name: work, image: busybox:1.36 }`),
    code: 'workload-restart-policy', line: 6, character: 4, covers: 'spec',
    message: 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
  },
  {
    name: 'CronJob restartPolicy Always',
    text: cronJob(`
restartPolicy: Always
containers:
  - { name: work, image: busybox:1.36 }`),
    code: 'workload-restart-policy', line: 10, character: 25, covers: 'Always',
    message: 'spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
  },
  {
    name: 'activeDeadlineSeconds in a Deployment template',
    text: deployment(`
activeDeadlineSeconds: 600
containers:
  - { name: app, image: nginx:1.27 }`),
    code: 'workload-active-deadline-seconds', line: 9, character: 6, covers: 'activeDeadlineSeconds',
    message: 'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
  },
  {
    name: 'activeDeadlineSeconds in a DaemonSet template',
    text: deployment(`
activeDeadlineSeconds: 600
containers:
  - { name: app, image: nginx:1.27 }`, '', 'DaemonSet'),
    code: 'workload-active-deadline-seconds', line: 9, character: 6, covers: 'activeDeadlineSeconds',
    message: 'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported',
  },
  {
    name: 'activeDeadlineSeconds 0',
    text: pod(`
activeDeadlineSeconds: 0
containers:
  - { name: app, image: nginx:1.27 }`),
    code: 'invalid-active-deadline-seconds', line: 5, character: 25, covers: '0',
    message: 'spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive',
  },
  {
    name: 'restartPolicy with the wrong case',
    text: pod(`
restartPolicy: always
containers:
  - { name: app, image: nginx:1.27 }`),
    code: 'invalid-restart-policy', line: 5, character: 17, covers: 'always',
    message: 'spec.restartPolicy: Unsupported value: "always": supported values: "Always", "OnFailure", "Never"',
  },
  {
    name: 'maxSurge 0 and maxUnavailable 0',
    text: deployment(`
containers:
  - { name: app, image: nginx:1.27 }`, 'strategy:\n  rollingUpdate: { maxSurge: 0, maxUnavailable: 0 }'),
    code: 'rolling-update-stuck', line: 7, character: 50, covers: '0',
    message: 'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
  },
  {
    name: 'maxSurge 0% and maxUnavailable 0',
    text: deployment(`
containers:
  - { name: app, image: nginx:1.27 }`, 'strategy:\n  type: RollingUpdate\n  rollingUpdate:\n    maxSurge: "0%"\n    maxUnavailable: 0'),
    code: 'rolling-update-stuck', line: 10, character: 22, covers: '0',
    message: 'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
  },
  // ---- containers
  {
    name: 'duplicate name across init and app containers',
    text: pod(`
initContainers:
  - { name: app, image: busybox:1.36 }
containers:
  - { name: app, image: nginx:1.27 }`),
    code: 'duplicate-container-name', line: 6, character: 14, covers: 'app',
    message: 'spec.initContainers[0].name: Duplicate value: "app"',
  },
  {
    name: 'duplicate app container names',
    text: pod(`
containers:
  - name: web
    image: nginx:1.27
  - name: web
    image: nginx:1.27`),
    code: 'duplicate-container-name', line: 8, character: 12, covers: 'web',
    message: 'spec.containers[1].name: Duplicate value: "web"',
  },
  {
    name: 'container name that is not a DNS-1123 label',
    text: pod(`
containers:
  - name: Web_App
    image: nginx:1.27`),
    code: 'invalid-container-name', line: 6, character: 12, covers: 'Web_App',
    message: 'spec.containers[0].name: Invalid value: "Web_App": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\'',
  },
  {
    name: 'container without a name',
    text: pod(`
containers:
  - image: nginx:1.27`),
    code: 'invalid-container-name', line: 6, character: 6, covers: 'image',
    message: 'spec.containers[0].name: Required value',
  },
  {
    name: 'container without an image',
    text: pod(`
containers:
  - name: app
    ports: [{ containerPort: 80 }]`),
    code: 'container-image-required', line: 6, character: 6, covers: 'name',
    message: 'spec.containers[0].image: Required value',
  },
  {
    name: 'init container without an image',
    text: pod(`
initContainers:
  - name: init
    command: [sh, -c, "true"]
containers:
  - { name: app, image: nginx:1.27 }`),
    code: 'container-image-required', line: 6, character: 6, covers: 'name',
    message: 'spec.initContainers[0].image: Required value',
  },
  {
    name: 'Deployment template container without an image',
    text: deployment(`
containers:
  - name: app
    image: ""`),
    code: 'container-image-required', line: 11, character: 10, covers: 'image',
    message: 'spec.template.spec.containers[0].image: Required value',
  },
  {
    name: 'image with trailing whitespace in a Pod',
    text: pod(`
containers:
  - name: app
    image: "nginx:1.27 "`),
    code: 'container-image-required', line: 7, character: 13, covers: '"nginx:1.27 "',
    message: 'spec.containers[0].image: Invalid value: "nginx:1.27 ": must not have leading or trailing whitespace',
  },
  {
    name: 'no containers, only init containers',
    text: pod(`
initContainers:
  - { name: init, image: busybox:1.36 }`),
    code: 'no-containers', line: 4, character: 0, covers: 'spec',
    message: 'spec.containers: Required value',
  },
  {
    name: 'empty containers list',
    text: deployment(`
containers: []`),
    code: 'no-containers', line: 9, character: 6, covers: 'containers',
    message: 'spec.template.spec.containers: Required value',
  },
  // ---- ephemeral containers
  {
    name: 'ephemeral containers on Pod create',
    text: pod(`
containers:
  - { name: app, image: nginx:1.27 }
ephemeralContainers:
  - { name: debug, image: busybox:1.36 }`),
    code: 'ephemeral-container-field', line: 7, character: 2, covers: 'ephemeralContainers',
    message: 'spec.ephemeralContainers: Forbidden: cannot be set on create',
  },
  {
    name: 'ephemeral container with ports',
    text: pod(`
containers:
  - { name: app, image: nginx:1.27 }
ephemeralContainers:
  - name: debug
    image: busybox:1.36
    ports: [{ containerPort: 80 }]`),
    code: 'ephemeral-container-field', line: 10, character: 6, covers: 'ports',
    message: 'spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an Ephemeral Container',
  },
  {
    name: 'ephemeral container with a readiness probe',
    text: pod(`
containers:
  - { name: app, image: nginx:1.27 }
ephemeralContainers:
  - name: debug
    image: busybox:1.36
    readinessProbe: { exec: { command: [true] } }`),
    code: 'ephemeral-container-field', line: 10, character: 6, covers: 'readinessProbe',
    message: 'spec.ephemeralContainers[0].readinessProbe: Forbidden: cannot be set for an Ephemeral Container',
  },
  {
    name: 'ephemeral container with resources',
    text: pod(`
containers:
  - { name: app, image: nginx:1.27 }
ephemeralContainers:
  - name: debug
    image: busybox:1.36
    resources: { limits: { memory: 64Mi } }`),
    code: 'ephemeral-container-field', line: 10, character: 6, covers: 'resources',
    message: 'spec.ephemeralContainers[0].resources: Forbidden: cannot be set for an Ephemeral Container',
  },
  {
    name: 'ephemeral container with lifecycle',
    text: pod(`
containers:
  - { name: app, image: nginx:1.27 }
ephemeralContainers:
  - name: debug
    image: busybox:1.36
    lifecycle: { preStop: { exec: { command: [true] } } }`),
    code: 'ephemeral-container-field', line: 10, character: 6, covers: 'lifecycle',
    message: 'spec.ephemeralContainers[0].lifecycle: Forbidden: cannot be set for an Ephemeral Container',
  },
  {
    name: 'ephemeral container name colliding with an app container',
    text: pod(`
containers:
  - { name: app, image: nginx:1.27 }
ephemeralContainers:
  - { name: app, image: busybox:1.36 }`),
    code: 'duplicate-container-name', line: 8, character: 14, covers: 'app',
    message: 'spec.ephemeralContainers[0].name: Duplicate value: "app"',
  },
  // (A sleep-only hook at 1.29 is dropped whole, not rejected: see VERSIONED.)
  // ---- container ports
  {
    name: 'containerPort 0',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    ports:
      - containerPort: 0`),
    code: 'invalid-container-port', line: 9, character: 25, covers: '0',
    message: 'spec.containers[0].ports[0].containerPort: Required value',
  },
  {
    name: 'containerPort 70000',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    ports: [{ containerPort: 70000 }]`),
    code: 'invalid-container-port', line: 8, character: 31, covers: '70000',
    message: 'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
  },
  {
    name: 'port entry without containerPort',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    ports:
      - name: http`),
    code: 'invalid-container-port', line: 9, character: 10, covers: 'name',
    message: 'spec.containers[0].ports[0].containerPort: Required value',
  },
  {
    name: 'duplicate port names in one container',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    ports:
      - { name: http, containerPort: 80 }
      - { name: http, containerPort: 8080 }`),
    code: 'invalid-container-port', line: 10, character: 18, covers: 'http',
    message: 'spec.containers[0].ports[1].name: Duplicate value: "http"',
  },
  {
    name: 'upper-case port name on a sidecar',
    text: pod(`
initContainers:
  - name: proxy
    image: envoy:1.30
    restartPolicy: Always
    ports: [{ name: Admin, containerPort: 9901 }]
containers:
  - { name: app, image: nginx:1.27 }`),
    code: 'invalid-container-port', line: 9, character: 22, covers: 'Admin',
    message: 'spec.initContainers[0].ports[0].name: Invalid value: "Admin": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
  },
  {
    name: 'lower-case protocol',
    text: deployment(`
containers:
  - name: app
    image: nginx:1.27
    ports: [{ containerPort: 53, protocol: udp }]`),
    code: 'invalid-container-port', line: 12, character: 49, covers: 'udp',
    message: 'spec.template.spec.containers[0].ports[0].protocol: Unsupported value: "udp": supported values: "SCTP", "TCP", "UDP"',
  },
  {
    name: 'hostPort 0x10000',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    ports: [{ containerPort: 80, hostPort: 65536 }]`),
    code: 'invalid-container-port', line: 8, character: 45, covers: '65536',
    message: 'spec.containers[0].ports[0].hostPort: Invalid value: 65536: must be between 1 and 65535, inclusive',
  },
  // ---- Job pod failure policy
  {
    name: 'Job with a podFailurePolicy and restartPolicy OnFailure',
    text: `apiVersion: batch/v1
kind: Job
metadata:
  name: j
spec:
  podFailurePolicy:
    rules:
      - action: FailJob
        onExitCodes: { operator: In, values: [42] }
  template:
    spec:
      restartPolicy: OnFailure
      containers:
        - { name: work, image: busybox:1.36 }
`,
    code: 'workload-restart-policy', line: 11, character: 21, covers: 'OnFailure',
    message: 'spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
  },
  ...GATE_REJECTED,
  // ---- issue 13: what the real API server create path says (conformance harness, k8s.io/kubernetes v1.34.4 and v1.37.2)
  {
    // core/v1 SetDefaults_Pod copies the limit into the missing request; validateContainerResourceName reports both.
    name: 'Pod: a bad limit name is reported at the limit (and, in the same message, at the request copied from it)',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    resources:
      limits: { cpus: "1" }`),
    code: 'invalid-resource-name', line: 9, character: 18, covers: 'cpus',
    message: 'spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified',
  },
  {
    // podutil.DefaultPodLevelResources (1.37) / SetDefaults_Pod (1.34) default the pod-level request from the
    // containers' requests; validatePodResourceRequirements -> ValidateResourceQuantityValue.
    name: 'Pod: a negative container request makes a negative defaulted pod-level request',
    text: pod(`
initContainers:
  - name: init
    image: nginx:1.27
    resources:
      requests: { memory: "-1Mi" }
containers:
  - { name: app, image: nginx:1.27 }
resources:
  requests: { cpu: "1" }`),
    code: 'invalid-resource-value', line: 12, character: 2, covers: 'resources', version: '1.37',
    message: 'spec.resources.requests[memory]: Invalid value: "-1Mi": must be greater than or equal to 0',
  },
  {
    // defaultHugePagePodLevelLimits, then validateResourceQuantityHugePageValue on the pod-level lists.
    name: 'Pod: a pod-level hugepage limit defaulted from the containers is not a whole number of pages',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    resources:
      limits: { memory: 1Gi, hugepages-2Mi: 3Mi }
resources:
  limits: { cpu: "1" }`),
    code: 'invalid-hugepages', line: 10, character: 2, covers: 'resources',
    message: 'spec.resources.limits[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi',
  },
  {
    // validatePodResourceConsistency: pod-level hugepage limits cover the aggregate container hugepage limits.
    // (A PodTemplate is validated as written; as a Pod the defaulted request is reported as well.)
    name: 'PodTemplate: pod-level hugepage limit below the containers\' hugepage limits',
    text: 'apiVersion: v1\nkind: PodTemplate\nmetadata:\n  name: t\ntemplate:\n  spec:\n    containers:\n      - name: app\n        image: nginx:1.27\n        resources: { limits: { memory: 1Gi, hugepages-2Mi: 1Gi } }\n    resources:\n      limits: { memory: 2Gi, hugepages-2Mi: 4Mi }\n',
    code: 'pod-resources-inconsistent', line: 11, character: 44, covers: '4Mi',
    message: 'template.spec.resources.limits[hugepages-2Mi]: Invalid value: "4Mi": must be greater than or equal to aggregate container limits of 1Gi',
  },
  {
    // DefaultPodLevelResources / SetDefaults_Pod default the pod-level request to the container aggregate (1k),
    // then validateResourceRequirements compares it with the pod-level limit, at the requests path itself.
    name: 'Pod: a pod-level request defaulted from the containers above the pod-level limit',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    resources:
      limits: { cpu: 1e3 }
resources:
  limits: { cpu: "010" }`),
    code: 'pod-resources-inconsistent', line: 11, character: 19, covers: '"010"',
    message: 'spec.resources.requests: Invalid value: "1k": must be less than or equal to cpu limit of 010',
  },
  {
    // validateSleepAction with the grace period after SetDefaults_Pod (a negative one becomes 1), on a sidecar.
    name: 'Pod: a sidecar\'s sleep above a negative grace period (defaulted to 1)',
    text: pod(`
terminationGracePeriodSeconds: -1
initContainers:
  - name: side
    image: nginx:1.27
    restartPolicy: Always
    lifecycle: { preStop: { sleep: { seconds: 5 } } }
containers:
  - { name: app, image: nginx:1.27 }`),
    code: 'invalid-sleep-action', line: 10, character: 48, covers: '5',
    message: 'spec.initContainers[0].lifecycle.preStop.sleep: Invalid value: 5: must be non-negative and less than terminationGracePeriodSeconds (1)',
  },
  {
    // A template keeps terminationGracePeriodSeconds: -1, so validateSleepAction rejects even 0.
    name: 'CronJob template: sleep 0 with a negative grace period',
    text: cronJob(`
restartPolicy: Never
terminationGracePeriodSeconds: -1
containers:
  - name: app
    image: nginx:1.27
    lifecycle: { postStart: { sleep: { seconds: 0 } } }`),
    code: 'invalid-sleep-action', line: 15, character: 58, covers: '0',
    message: 'spec.jobTemplate.spec.template.spec.containers[0].lifecycle.postStart.sleep: Invalid value: 0: must be non-negative and less than terminationGracePeriodSeconds (-1)',
  },
  {
    // apps/validation ValidatePodTemplateSpecForReplicaSet (labels.Selector.Matches).
    name: 'Deployment selector does not select the template labels',
    text: deployment(`
containers:
  - { name: app, image: nginx:1.27 }`).replace('labels: { app: d }', 'labels: { app: web }'),
    code: 'workload-selector', line: 7, character: 16, covers: 'labels',
    message: 'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
  },
  {
    // apps/validation ValidateStatefulSetSpec: a missing selector is required, and selects nothing.
    name: 'StatefulSet without a selector',
    text: deployment(`
containers:
  - { name: app, image: nginx:1.27 }`, '', 'StatefulSet').replace('  selector: { matchLabels: { app: d } }\n', ''),
    code: 'workload-selector', line: 4, character: 0, covers: 'spec',
    message: 'spec.selector: Required value',
  },
  {
    // apps/validation ValidateDaemonSetSpec with matchExpressions (NotIn).
    name: 'DaemonSet selector expressions exclude the template labels',
    text: deployment(`
containers:
  - { name: app, image: nginx:1.27 }`, '', 'DaemonSet').replace('selector: { matchLabels: { app: d } }', 'selector: { matchExpressions: [{ key: app, operator: NotIn, values: [d] }] }'),
    code: 'workload-selector', line: 7, character: 16, covers: 'labels',
    message: 'spec.template.metadata.labels: Invalid value: {"app":"d"}: `selector` does not match template `labels`',
  },
  {
    // Strict decoding (apimachinery runtime/serializer/json): a string cannot go into ContainerPort.containerPort (int32).
    name: 'quoted containerPort',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    ports: [{ containerPort: "8080" }]`),
    code: 'integer-field-type', line: 8, character: 31, covers: '"8080"',
    message: 'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
  },
  {
    name: 'quoted Deployment replicas',
    text: deployment(`
containers:
  - { name: app, image: nginx:1.27 }`, 'replicas: "2"'),
    code: 'integer-field-type', line: 6, character: 12, covers: '"2"',
    message: 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
  },
  {
    name: 'quoted probe periodSeconds in a CronJob',
    text: cronJob(`
restartPolicy: Never
containers:
  - name: app
    image: nginx:1.27
    livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: "5" }`),
    code: 'integer-field-type', line: 14, character: 71, covers: '"5"',
    message: 'json: cannot unmarshal string into Go struct field Probe.spec.jobTemplate.spec.template.spec.containers.livenessProbe.periodSeconds of type int32',
  },
  {
    // validateEphemeralContainers: targetContainerName must name an init or app container (checked on templates too).
    name: 'ephemeral container targeting a container that does not exist',
    text: deployment(`
containers:
  - { name: app, image: nginx:1.27 }
ephemeralContainers:
  - { name: debug, image: busybox:1.36, targetContainerName: app-0 }`),
    code: 'ephemeral-container-field', line: 12, character: 67, covers: 'app-0',
    message: 'spec.template.spec.ephemeralContainers[0].targetContainerName: Not found: "app-0"',
  },
  {
    // Pod-level hugepage limits defaulted from the containers (defaultHugePagePodLevelLimits), then
    // validateResourceRequirements on the pod-level block: no cpu or memory there (long run, seed 7 object 8265).
    name: 'Pod: pod-level hugepages defaulted from the containers, without cpu or memory at pod level',
    text: pod(`
initContainers:
  - name: init
    image: nginx:1.27
    resources: { limits: { hugepages-2Mi: 2Mi } }
containers:
  - { name: app, image: nginx:1.27 }
resources:
  limits: { ephemeral-storage: 1Gi }`),
    code: 'invalid-hugepages', line: 11, character: 2, covers: 'resources',
    message: 'spec.resources: Forbidden: HugePages require cpu or memory',
  },
  {
    // 1.34 defaults the pod-level request in SetDefaults_Pod from the unrounded container requests (1n + 1n -> 1m
    // after rounding), then validatePodResourceConsistency compares it with the rounded aggregate (2m).
    name: 'pod-level request defaulted from unrounded container requests (1.34)',
    version: '1.34',
    text: pod(`
initContainers:
  - { name: side, image: nginx:1.27, restartPolicy: Always, resources: { requests: { cpu: 1n } } }
containers:
  - { name: app, image: nginx:1.27, resources: { requests: { cpu: 1n } } }
resources:
  limits: { cpu: "2" }`),
    code: 'pod-resources-inconsistent', line: 10, character: 19, covers: '"2"',
    message: 'spec.resources.requests[cpu]: Invalid value: "1m": must be greater than or equal to aggregate container requests of 2m',
  },
  {
    name: 'two app containers on one host port',
    text: pod(`
containers:
  - name: web
    image: nginx:1.27
    ports: [{ containerPort: 80, hostPort: 8080 }]
  - name: api
    image: nginx:1.27
    ports: [{ containerPort: 81, hostPort: 8080 }]`),
    code: 'duplicate-host-port', line: 11, character: 45, covers: '8080',
    message: 'spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"',
  },
];

export const VALID: readonly ValidCase[] = [
  {
    name: 'sidecar with probes and lifecycle (1.29+)',
    version: '1.29',
    text: pod(`
initContainers:
  - name: proxy
    image: envoy:1.30
    restartPolicy: Always
    startupProbe: { tcpSocket: { port: 9901 }, failureThreshold: 30, periodSeconds: 2 }
    readinessProbe: { tcpSocket: { port: 9901 } }
    livenessProbe: { tcpSocket: { port: 9901 }, failureThreshold: 5 }
    lifecycle: { preStop: { exec: { command: [sleep, "5"] } } }
    resources: { requests: { cpu: 50m, memory: 64Mi }, limits: { memory: 64Mi } }
containers:
${appIn(2)}`),
  },
  {
    name: 'sidecar in a Job (restartPolicy Always on the init container, Never on the pod)',
    text: job(`
restartPolicy: Never
initContainers:
  - name: log-shipper
    image: fluent-bit:3.0
    restartPolicy: Always
    resources: { requests: { cpu: 50m, memory: 64Mi }, limits: { memory: 64Mi } }
containers:
  - name: work
    image: busybox:1.36
    command: [sh, -c, "echo done"]
    resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi } }`),
  },
  {
    name: 'limits-only container: requests default from limits',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    resources: { limits: { cpu: 500m, memory: 256Mi } }`),
  },
  {
    name: 'limits-only extended resource and hugepages: requests default to the limits',
    text: pod(`
containers:
  - name: app
    image: cuda:12
    resources:
      requests: { cpu: 100m, memory: 1Gi }
      limits: { memory: 1Gi, nvidia.com/gpu: 1, hugepages-2Mi: 128Mi }`),
  },
  {
    name: 'named probe port that matches a containerPort',
    text: pod(`
containers:
${appIn(2)}
    livenessProbe: { httpGet: { path: /healthz, port: http }, initialDelaySeconds: 10, failureThreshold: 3, periodSeconds: 10 }`),
  },
  {
    name: 'named probe port that matches no containerPort (the API server checks only the name format)',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    ports: [{ containerPort: 8080 }]
    readinessProbe: { tcpSocket: { port: admin } }
    resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { memory: 128Mi } }`),
  },
  {
    name: 'readiness probe with successThreshold 3, liveness with 0 (defaulted to 1)',
    text: pod(`
containers:
${appIn(2)}
    livenessProbe: { httpGet: { path: /healthz, port: 8080 }, successThreshold: 0, periodSeconds: 10, failureThreshold: 3 }`).replace('readinessProbe: { httpGet: { path: /ready, port: http } }', 'readinessProbe: { httpGet: { path: /ready, port: http }, successThreshold: 3 }'),
  },
  {
    name: 'probe fields set to 0 (defaulted)',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    ports: [{ containerPort: 8080 }]
    readinessProbe: { httpGet: { path: /, port: 8080 }, initialDelaySeconds: 0, timeoutSeconds: 0, periodSeconds: 0, successThreshold: 0, failureThreshold: 0 }
    resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { memory: 128Mi } }`),
  },
  {
    name: 'probe-level terminationGracePeriodSeconds on liveness and startup probes',
    text: pod(`
containers:
${appIn(2)}
    startupProbe: { httpGet: { path: /healthz, port: 8080 }, failureThreshold: 30, periodSeconds: 10, terminationGracePeriodSeconds: 5 }
    livenessProbe: { httpGet: { path: /healthz, port: 8080 }, terminationGracePeriodSeconds: 5 }`),
  },
  {
    name: 'grpc probe with a numeric port',
    text: pod(`
containers:
  - name: app
    image: grpc-app:1
    ports: [{ containerPort: 9090 }]
    readinessProbe: { grpc: { port: 9090 } }
    resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { memory: 128Mi } }`),
  },
  {
    name: 'sleep equal to the grace period, and sleep 0 (allowed from 1.33)',
    text: pod(`
terminationGracePeriodSeconds: 20
containers:
${appIn(2)}
    lifecycle:
      preStop: { sleep: { seconds: 20 } }
      postStart: { sleep: { seconds: 0 } }`),
    // Sleeping the whole grace period leaves no time after SIGTERM: that warning is right.
    warnings: ['prestop-exceeds-grace-period'],
  },
  {
    name: 'requests only, no limits',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    resources: { requests: { cpu: 100m, memory: 128Mi } }`),
    warnings: ['missing-memory-limit'],
  },
  {
    name: 'request equal to limit (Guaranteed)',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    resources: { requests: { cpu: "1", memory: 1Gi }, limits: { cpu: 1000m, memory: 1024Mi } }`),
  },
  {
    name: 'pod-level resources that cover the containers (1.34)',
    version: '1.34',
    text: pod(`
resources:
  requests: { cpu: "1", memory: 1Gi }
  limits: { cpu: "2", memory: 2Gi }
containers:
  - name: app
    image: nginx:1.27
    resources: { requests: { cpu: 500m, memory: 512Mi }, limits: { memory: 2Gi } }
  - name: helper
    image: busybox:1.36
    resources: { requests: { cpu: 500m, memory: 512Mi } }`),
  },
  {
    name: 'pod-level limits only, containers without resources (1.34)',
    version: '1.34',
    text: pod(`
resources:
  limits: { cpu: "1", memory: 1Gi }
containers:
  - { name: app, image: nginx:1.27 }`),
  },
  {
    name: 'Job with restartPolicy OnFailure and a pod activeDeadlineSeconds',
    text: job(`
restartPolicy: OnFailure
activeDeadlineSeconds: 600
containers:
  - name: work
    image: busybox:1.36
    resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi } }`),
  },
  {
    name: 'Deployment without restartPolicy, and with restartPolicy Always',
    text: deployment(`
restartPolicy: Always
containers:
${appIn(2)}`),
  },
  {
    name: 'Pod with restartPolicy Never and activeDeadlineSeconds',
    text: pod(`
restartPolicy: Never
activeDeadlineSeconds: 3600
containers:
${appIn(2)}`),
  },
  {
    name: 'duplicate env names (the API server only warns)',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    env:
      - { name: MODE, value: a }
      - { name: MODE, value: b }
    resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { memory: 128Mi } }`),
  },
  {
    name: 'maxSurge 0 with maxUnavailable 1, and 25% defaults',
    text: deployment(`
containers:
${appIn(2)}`, 'strategy:\n  rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }'),
  },
  {
    name: 'only maxUnavailable 0 (maxSurge defaults to 25%)',
    text: deployment(`
containers:
${appIn(2)}`, 'strategy:\n  rollingUpdate: { maxUnavailable: 0 }'),
  },
  {
    name: 'DaemonSet surging with maxUnavailable 0',
    text: deployment(`
containers:
${appIn(2)}`, 'updateStrategy:\n  rollingUpdate: { maxSurge: 1, maxUnavailable: 0 }', 'DaemonSet'),
  },
  {
    name: 'container names that start with a digit',
    text: pod(`
containers:
${appIn(2)}
  - name: 123-abc
    image: busybox:1.36
    resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi } }`),
  },
  {
    name: 'image with surrounding whitespace in a Deployment template (only Pods check it)',
    text: deployment(`
containers:
  - name: app
    image: " nginx:1.27"
    ports: [{ containerPort: 8080 }]
    readinessProbe: { httpGet: { path: /, port: 8080 } }
    resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { memory: 128Mi } }`),
  },
  {
    name: 'negative terminationGracePeriodSeconds is accepted with a warning',
    text: pod(`
terminationGracePeriodSeconds: -1
containers:
${appIn(2)}`),
    warnings: ['negative-termination-grace-period'],
  },
  {
    name: 'sidecar-only pod is not "no containers" when there is one app container',
    text: pod(`
initContainers:
  - name: proxy
    image: envoy:1.30
    restartPolicy: Always
    resources: { requests: { cpu: 50m, memory: 64Mi }, limits: { memory: 64Mi } }
containers:
${appIn(2)}`),
  },
  {
    name: 'CronJob with restartPolicy Never',
    text: cronJob(`
restartPolicy: Never
containers:
  - name: work
    image: busybox:1.36
    resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi } }`),
  },
  {
    name: 'ports: unnamed, UDP, same number with two protocols',
    text: pod(`
containers:
  - name: dns
    image: coredns:1.11
    ports:
      - { containerPort: 53, protocol: UDP, name: dns }
      - { containerPort: 53, protocol: TCP, name: dns-tcp }
      - { containerPort: 9153 }
    readinessProbe: { httpGet: { path: /ready, port: 8181 } }
    resources: { requests: { cpu: 100m, memory: 70Mi }, limits: { memory: 170Mi } }`),
  },
  {
    name: 'the same port name in two different containers',
    text: pod(`
containers:
${appIn(2)}
  - name: sidecar-web
    image: nginx:1.27
    ports: [{ containerPort: 8081, name: http }]
    readinessProbe: { httpGet: { path: /ready, port: http } }
    resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi } }`),
  },
  {
    name: 'Job with a podFailurePolicy and restartPolicy Never',
    text: `apiVersion: batch/v1
kind: Job
metadata:
  name: j
spec:
  podFailurePolicy:
    rules:
      - action: FailJob
        onExitCodes: { operator: In, values: [42] }
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: work
          image: busybox:1.36
          resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi } }
`,
  },
  ...GATE_VALID,
  // ---- issue 13: accepted by the real API server create path (conformance harness)
  {
    // The template is validated as written (no request copied from a limit: SetDefaults_Pod is for Pods only),
    // so the API server accepts it; the pods the controller creates are rejected, which is a warning here.
    name: 'Deployment: pod-level request below the containers\' limits (the template is accepted; its pods are not)',
    text: deployment(`
resources:
  requests: { memory: 100Mi }
containers:
  - name: app
    image: nginx:1.27
    resources: { limits: { cpu: 100m, memory: 1Gi } }`),
    version: '1.34',
    warnings: ['pod-resources-inconsistent'],
  },
  {
    // core/v1 SetDefaults_ResourceList rounds both up to 1m before validateResourceRequirements.
    name: 'request and limit equal after milli rounding (1e-3 and 10u)',
    text: deployment(`
containers:
  - name: app
    image: nginx:1.27
    resources: { requests: { cpu: "1e-3", memory: 64Mi }, limits: { cpu: "10u", memory: 64Mi } }`),
  },
  {
    // A ReplicationController without a selector takes the template's labels (SetDefaults_ReplicationController).
    name: 'ReplicationController without a selector',
    text: 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: rc\nspec:\n  template:\n    metadata: { labels: { app: rc } }\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n          resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi } }\n',
  },
  {
    // go-yaml v2 reads a plain 1e3 as a number (1000), so strict decoding accepts it for an int32.
    name: 'a number written as a plain 1e3 is a number for go-yaml (containerPort: 1e3)',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    ports: [{ containerPort: 1e3 }]
    resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi } }`),
    warnings: ['missing-readiness-probe'],
  },
  {
    // 1.37 (PodLevelResourcesFixDefaulting): podutil.DefaultPodLevelResources runs in PrepareForCreate on the
    // rounded container requests, so the pod-level request is 2m and covers them (long run, seed 7 object 31530).
    name: 'pod-level request defaulted from rounded container requests (1.37)',
    version: '1.37',
    text: pod(`
initContainers:
  - { name: side, image: nginx:1.27, restartPolicy: Always, resources: { requests: { cpu: 1n, memory: 64Mi }, limits: { memory: 64Mi } } }
containers:
  - { name: app, image: nginx:1.27, resources: { requests: { cpu: 1n, memory: 64Mi }, limits: { memory: 64Mi } } }
resources:
  limits: { cpu: "2" }`),
  },
  {
    // The pod-level cpu request is defaulted from the container's, so the pod-level block has cpu: no Forbidden.
    name: 'Pod: pod-level hugepages with cpu defaulted from the containers',
    text: pod(`
containers:
  - name: app
    image: nginx:1.27
    resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi, hugepages-2Mi: 2Mi } }
resources:
  limits: { hugepages-2Mi: 2Mi }`),
  },
];

/**
 * Fields that older API servers do not know or drop (feature gate off by default): the API server
 * accepts the object (kubectl's strict field validation rejects a field the server does not know
 * at all), but the pod then behaves differently from what is written, so Pod Lens reports an
 * error that says what the target version does.
 */
export interface VersionCase {
  readonly name: string;
  readonly text: string;
  readonly version: string;
  /** The code on this version, or undefined for quiet. */
  readonly code: string | undefined;
  readonly message?: string;
  /** Further errors that are right on this version. */
  readonly also?: readonly string[];
  /** The start of the field-dropped-by-version hint (information) expected on this version. */
  readonly hint?: string;
}

const SIDECAR = pod(`
initContainers:
  - name: proxy
    image: envoy:1.30
    restartPolicy: Always
containers:
  - { name: app, image: nginx:1.27 }`);
const POD_LEVEL = pod(`
resources:
  limits: { cpu: "1", memory: 1Gi }
containers:
  - { name: app, image: nginx:1.27 }`);
/** FINDINGS.md cause 1's reproducer: accepted at 1.34 (dropped) and 1.35+ (valid). */
const CONTAINER_POLICIES = pod(`
initContainers:
  - { name: init, image: "x:1", restartPolicy: Never }
containers:
  - { name: app, image: "x:1", restartPolicy: Never }`);
const APP_RULES = pod(`
containers:
  - name: app
    image: nginx:1.27
    restartPolicyRules:
      - { action: Bogus }`);
const SIDECAR_RULES = pod(`
initContainers:
  - name: proxy
    image: envoy:1.30
    restartPolicy: Always
    restartPolicyRules:
      - { action: RestartAllContainers, exitCodes: { operator: In, values: [1] } }
containers:
  - { name: app, image: nginx:1.27 }`);
const SLEEP_ZERO = pod(`
containers:
  - name: app
    image: nginx:1.27
    lifecycle: { preStop: { sleep: { seconds: 0 } } }`);
const SLEEP_AND_EXEC = pod(`
containers:
  - name: app
    image: nginx:1.27
    lifecycle: { preStop: { exec: { command: [drain] }, sleep: { seconds: 5 } } }`);
const SLEEP = pod(`
containers:
  - name: app
    image: nginx:1.27
    lifecycle: { preStop: { sleep: { seconds: 5 } } }`);

export const VERSIONED: readonly VersionCase[] = [
  { name: 'sidecar on 1.27 (field unknown)', text: SIDECAR, version: '1.27', code: 'sidecar-unsupported-version', message: 'spec.initContainers[0].restartPolicy: sidecar containers need Kubernetes 1.29 or later' },
  { name: 'sidecar on 1.28 (SidecarContainers alpha, off: restartPolicy dropped)', text: SIDECAR, version: '1.28', code: 'sidecar-unsupported-version', message: 'spec.initContainers[0].restartPolicy: sidecar containers need Kubernetes 1.29 or later' },
  { name: 'sidecar on 1.29', text: SIDECAR, version: '1.29', code: undefined },
  { name: 'pod-level resources on 1.33 (PodLevelResources alpha, off: dropped)', text: POD_LEVEL, version: '1.33', code: 'pod-resources-unsupported', message: 'spec.resources: pod-level resources need Kubernetes 1.34 or later' },
  { name: 'pod-level resources on 1.34', text: POD_LEVEL, version: '1.34', code: undefined },
  // dropPodLifecycleSleepAction (pkg/api/pod/util.go) sets sleep to nil and then the whole preStop to nil
  // when it has no exec/httpGet/tcpSocket, so validateHandler never sees a handler-less hook: no error at
  // all. (This case used to expect invalid-sleep-action and invalid-handler errors: wrong.)
  { name: 'sleep action on 1.29 (PodLifecycleSleepAction alpha, off: dropped with its hook)', text: SLEEP, version: '1.29', code: undefined,
    hint: 'spec.containers[0].lifecycle.preStop.sleep is dropped by the API server at Kubernetes 1.29: the PodLifecycleSleepAction feature gate is off by default (on from 1.30). The hook has no other handler' },
  // With another handler beside it only sleep goes (dropPodLifecycleSleepAction): no "more than 1 handler" error.
  { name: 'sleep beside exec on 1.29 (only sleep dropped)', text: SLEEP_AND_EXEC, version: '1.29', code: undefined,
    hint: 'spec.containers[0].lifecycle.preStop.sleep is dropped by the API server at Kubernetes 1.29: the PodLifecycleSleepAction feature gate is off by default (on from 1.30). Only the hook\'s other handler runs.' },
  { name: 'sleep beside exec on 1.30 (two handlers)', text: SLEEP_AND_EXEC, version: '1.30', code: 'invalid-handler', message: 'spec.containers[0].lifecycle.preStop.sleep: Forbidden: may not specify more than 1 handler type' },
  // Zero seconds is not dropped before 1.33: validateSleepAction rejects it (AllowPodLifecycleSleepActionZeroValue off).
  { name: 'sleep 0 on 1.32 (PodLifecycleSleepActionAllowZero alpha: rejected, not dropped)', text: SLEEP_ZERO, version: '1.32', code: 'invalid-sleep-action', message: 'spec.containers[0].lifecycle.preStop.sleep: Invalid value: 0: must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.' },
  { name: 'sleep 0 on 1.33', text: SLEEP_ZERO, version: '1.33', code: undefined },
  // ContainerRestartRules: rejected <= 1.33 (validateContainers, validateInitContainerRestartPolicy), dropped at
  // 1.34 (dropContainerRestartRules, nothing validated), accepted 1.35+ (validateContainerRestartPolicy).
  { name: 'container restartPolicy on 1.33 (rejected)', text: CONTAINER_POLICIES, version: '1.33', code: 'container-restart-policy-forbidden', message: 'spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers', also: ['init-container-restart-policy'] },
  { name: 'container restartPolicy on 1.34 (ContainerRestartRules alpha, off: dropped)', text: CONTAINER_POLICIES, version: '1.34', code: undefined,
    hint: 'spec.containers[0].restartPolicy is dropped by the API server at Kubernetes 1.34: the ContainerRestartRules feature gate is off by default (on from 1.35). The container follows the pod\'s restartPolicy (Always).' },
  { name: 'init container restartPolicy Never on 1.34 (dropped)', text: CONTAINER_POLICIES, version: '1.34', code: undefined,
    hint: 'spec.initContainers[0].restartPolicy is dropped by the API server at Kubernetes 1.34: the ContainerRestartRules feature gate is off by default (on from 1.35). It runs as a regular init container' },
  { name: 'container and init container restartPolicy on 1.35', text: CONTAINER_POLICIES, version: '1.35', code: undefined },
  { name: 'container and init container restartPolicy on 1.37', text: CONTAINER_POLICIES, version: '1.37', code: undefined },
  { name: 'invalid restartPolicyRules on 1.34 (dropped, never validated)', text: APP_RULES, version: '1.34', code: undefined,
    hint: 'spec.containers[0].restartPolicyRules is dropped by the API server at Kubernetes 1.34: the ContainerRestartRules feature gate is off by default (on from 1.35). Its exit-code rules do not apply.' },
  { name: 'invalid restartPolicyRules on 1.35', text: APP_RULES, version: '1.35', code: 'invalid-container-restart-policy', message: 'spec.containers[0].restartPolicy: Required value: must specify restartPolicy when restart rules are used' },
  { name: 'sidecar restartPolicyRules on 1.34 (rules dropped, Always kept)', text: SIDECAR_RULES, version: '1.34', code: undefined,
    hint: 'spec.initContainers[0].restartPolicyRules is dropped by the API server at Kubernetes 1.34' },
  { name: 'sidecar restartPolicyRules on 1.35 (forbidden)', text: SIDECAR_RULES, version: '1.35', code: 'invalid-container-restart-policy', message: 'spec.initContainers[0].restartPolicyRules: Forbidden: restartPolicyRules are not allowed for init containers with restart policy Always' },
  { name: 'sidecar RestartAllContainers rule on 1.36 (RestartAllContainersOnContainerExits on)', text: SIDECAR_RULES, version: '1.36', code: undefined },
  { name: 'sleep action on 1.30', text: SLEEP, version: '1.30', code: undefined },
  ...GATE_VERSIONED,
];
