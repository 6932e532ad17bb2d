import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diags, expectNoErrors } from './errorsHelpers';

const FILE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  strategy:
    rollingUpdate: { maxSurge: 1, maxUnavailable: 0 }
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      terminationGracePeriodSeconds: 45
      initContainers:
        - name: migrate
          image: registry.example.com/web:1.4.2
          command: [./migrate]
          resources:
            requests: { cpu: 100m, memory: 64Mi }
        - name: mesh-proxy
          image: envoyproxy/envoy:v1.30.1
          restartPolicy: Always
          ports:
            - { name: admin, containerPort: 15000 }
          startupProbe:
            httpGet: { path: /ready, port: admin }
            failureThreshold: 30
            periodSeconds: 1
          readinessProbe:
            httpGet: { path: /ready, port: admin }
          lifecycle:
            preStop:
              sleep: { seconds: 5 }
          resources:
            limits: { cpu: 200m, memory: 128Mi }
      containers:
        - name: web
          image: registry.example.com/web:1.4.2
          ports:
            - { name: http, containerPort: 8080 }
          livenessProbe:
            httpGet: { path: /healthz, port: http }
            initialDelaySeconds: 0
            terminationGracePeriodSeconds: 20
          readinessProbe:
            tcpSocket: { port: 8080 }
            successThreshold: 2
          resources:
            requests: { cpu: 250m, memory: 256Mi, nvidia.com/gpu: 1 }
            limits: { memory: 512Mi, nvidia.com/gpu: 1 }
---
apiVersion: batch/v1
kind: Job
metadata:
  name: report
spec:
  backoffLimit: 2
  activeDeadlineSeconds: 600
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: report
          image: busybox:1.36
          command: [sh, -c, 'echo done']
          resources:
            limits: { cpu: "1", memory: 256Mi }
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: backup
              image: restic/restic:0.16.4
              lifecycle:
                postStart:
                  exec: { command: [sh, -c, 'echo start'] }
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels: { app: db }
  template:
    metadata:
      labels: { app: db }
    spec:
      containers:
        - name: postgres
          image: postgres:16
          ports:
            - { name: pg, containerPort: 5432 }
          readinessProbe:
            exec: { command: [pg_isready] }
            timeoutSeconds: 0
          livenessProbe:
            tcpSocket: { port: pg }
          resources:
            requests: { cpu: 500m, memory: 1Gi, hugepages-2Mi: 64Mi }
            limits: { memory: 1Gi, hugepages-2Mi: 64Mi, ephemeral-storage: 2Gi }
`;

describe('realistic valid multi-document file', () => {
  it('produces no error on any supported target version', () => {
    for (const v of ['1.30', '1.33', '1.34', '1.35']) expectNoErrors(FILE, v);
  });
  it('still analyses all four workloads (the rules ran)', () => {
    // Sanity check that the file is not silently skipped: breaking one field produces exactly one error.
    const broken = FILE.replace('restartPolicy: Never', 'restartPolicy: Always');
    const errors = diags(broken).filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => d.code), ['workload-restart-policy']);
  });
});

describe('Helm-templated documents', () => {
  it('do not report values hidden behind template expressions as missing', () => {
    const chart = `apiVersion: batch/v1
kind: Job
metadata:
  name: {{ .Release.Name }}
spec:
  template:
    spec:
      restartPolicy: {{ .Values.restartPolicy }}
      containers:
        - name: {{ .Chart.Name }}
          image: {{ .Values.image }}
          livenessProbe:
            httpGet:
              path: /healthz
              port: {{ .Values.port }}
          lifecycle:
            preStop:
              exec:
                command: {{ toJson .Values.preStop }}
`;
    expectNoErrors(chart);
  });
  it('still reports a missing image when the key is absent', () => {
    const errors = diags('apiVersion: v1\nkind: Pod\nmetadata: { name: {{ .Values.n }} }\nspec:\n  containers:\n    - name: a\n').filter((d) => d.code === 'container-image-required');
    assert.equal(errors.length, 1);
  });
});
