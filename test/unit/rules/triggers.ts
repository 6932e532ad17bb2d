/**
 * A spec that triggers each rule the corpus (corpusCases.ts) does not already trigger. The registry
 * test runs them through the real service and fails for a rule that neither covers.
 */
import { deployment, job, pod } from './corpusCases';

export interface TriggerCase {
  readonly text: string;
  readonly version?: string;
}

const RES = 'resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { memory: 128Mi } }';
const READY = 'readinessProbe: { httpGet: { path: /ready, port: 8080 } }';

/** A Deployment whose only container gets the given extra lines (block, at the container's keys). */
const app = (lines: string) => deployment(`
containers:
  - name: app
    image: nginx:1.27
    ports: [{ containerPort: 8080 }]
${lines.split('\n').map((l) => `    ${l}`).join('\n')}`);

/** A status dump (kubectl get pod -o yaml, trimmed): app OOMKilled at 256Mi, in CrashLoopBackOff; a garbled startTime. */
const OBSERVED = `apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop }
spec:
  containers:
  - name: app
    image: nginx:1.27
    ${READY}
    ${RES.replace('128Mi }, limits: { memory: 128Mi', '256Mi }, limits: { memory: 256Mi')}
status:
  phase: Running
  startTime: yesterday
  conditions:
  - { type: Ready, status: "False", reason: ContainersNotReady, lastTransitionTime: "2026-12-04T10:20:41Z" }
  containerStatuses:
  - name: app
    ready: false
    restartCount: 5
    lastState: { terminated: { exitCode: 137, reason: OOMKilled, startedAt: "2026-12-04T10:20:31Z", finishedAt: "2026-12-04T10:20:40Z" } }
    state: { waiting: { reason: CrashLoopBackOff, message: "back-off 2m40s restarting failed container=app pod=web_shop(u)" } }
`;

/** A LimitRange and a pod of its namespace in one file (the LimitRanger admission plugin applies it). */
const LIMITED = (limits: string, resources: string) => `apiVersion: v1
kind: LimitRange
metadata: { name: limits }
spec:
  limits:
    - ${limits}
---
${pod(`
containers:
  - name: app
    image: nginx:1.27
    ${READY}
    resources: ${resources}`)}`;

export const TRIGGERS: Readonly<Record<string, TriggerCase>> = {
  'limit-range-violation': { text: LIMITED('{ type: Container, min: { cpu: 100m } }', '{ requests: { cpu: 50m, memory: 128Mi }, limits: { memory: 128Mi } }') },
  'limit-range-invalid-pod': { text: LIMITED('{ type: Container, default: { cpu: 500m } }', '{ requests: { cpu: "1", memory: 128Mi }, limits: { memory: 128Mi } }') },
  'negative-job-field': { text: `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  backoffLimit: -1\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - { name: app, image: nginx:1.27, ${RES} }\n` },
  'cronjob-job-selector': { text: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      selector: { matchLabels: { app: c } }\n      template:\n        metadata: { labels: { app: c } }\n        spec:\n          restartPolicy: Never\n          containers:\n            - { name: app, image: nginx:1.27, ${RES} }\n` },
  'observed-pod-problem': { text: OBSERVED },
  'observed-pod-explanation': { text: OBSERVED },
  'observed-status-unreadable': { text: OBSERVED },
  // dropContainerRestartRules (pkg/api/pod/util.go) at 1.34: the field is dropped, not rejected.
  'field-dropped-by-version': { text: app(`${RES}\n${READY}\nrestartPolicy: Never`), version: '1.34' },
  'invalid-quantity': { text: app(`${READY}\nresources: { requests: { cpu: 2 cores }, limits: { memory: 128Mi } }`) },
  'quantity-out-of-range': { text: app(`${READY}\nresources: { requests: { cpu: 1e99999 }, limits: { memory: 128Mi } }`) },
  'missing-readiness-probe': { text: app(RES) },
  'liveness-probe-before-startup': { text: app(`${RES}\n${READY}\nlivenessProbe: { httpGet: { path: /live, port: 8080 }, periodSeconds: 5 }`) },
  'liveness-fails-before-readiness': { text: app(`${RES}\n${READY}\nlivenessProbe: { httpGet: { path: /live, port: 8080 }, failureThreshold: 2 }\nstartupProbe: { httpGet: { path: /live, port: 8080 }, failureThreshold: 30 }`) },
  'identical-liveness-readiness': { text: app(`${RES}\n${READY}\nlivenessProbe: { httpGet: { path: /ready, port: 8080 } }\nstartupProbe: { httpGet: { path: /ready, port: 8080 }, failureThreshold: 30 }`) },
  'tcp-probe-on-http-port': { text: app(`${RES}\nreadinessProbe: { tcpSocket: { port: 8080 } }`) },
  'shell-entrypoint': { text: app(`${RES}\n${READY}\ncommand: [sh, -c, "migrate && serve"]`) },
  'legacy-sidecar-in-job': {
    text: job(`
restartPolicy: Never
containers:
  - { name: work, image: "busybox:1.36", ${RES} }
  - { name: istio-proxy, image: "istio/proxyv2:1.22", ${RES} }`),
  },
  'missing-requests': { text: app(READY) },
  'emptydir-without-size-limit': { text: deployment(`
containers:
  - { name: app, image: "nginx:1.27", ${RES} }
volumes: [{ name: tmp, emptyDir: {} }]`) },
  'local-storage-default-tolerations': {
    text: deployment(`
containers:
  - { name: db, image: "postgres:16.2", ${RES} }
volumes: [{ name: data, hostPath: { path: /var/lib/db } }]`, 'serviceName: db', 'StatefulSet'),
  },
  'image-latest-tag': { text: pod(`containers:\n  - { name: app, image: nginx, ${RES} }`) },
};
