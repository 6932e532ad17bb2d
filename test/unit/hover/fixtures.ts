/** Pods shared by the hover tests. */
export const WEB = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  restartPolicy: Always
  terminationGracePeriodSeconds: 45
  initContainers:
    - name: wait-db
      image: busybox:1.36
      command: ["sh", "-c", "until nc -z db 5432; do sleep 1; done"]
    - name: proxy
      image: envoy:1.30
      restartPolicy: Always
      startupProbe:
        httpGet: { path: /ready, port: 9901 }
        periodSeconds: 2
        failureThreshold: 30
      readinessProbe:
        httpGet: { path: /ready, port: 9901 }
      resources:
        requests: { cpu: 100m, memory: 64Mi }
    - name: migrate
      image: app:1.2
      resources:
        requests: { cpu: 500m, memory: 128Mi }
    - name: log-shipper
      image: fluent-bit:3
      restartPolicy: Always
      resources:
        requests: { cpu: 50m, memory: 32Mi }
  containers:
    - name: app
      image: app:1.2
      command: ["sh", "-c", "echo starting; /app/server"]
      ports:
        - containerPort: 8080
      startupProbe:
        httpGet: { path: /healthz, port: 8080 }
        failureThreshold: 30
        periodSeconds: 10
      livenessProbe:
        httpGet: { path: /healthz, port: 8080 }
        periodSeconds: 15
        timeoutSeconds: 2
      readinessProbe:
        httpGet: { path: /ready, port: 8080 }
        initialDelaySeconds: 5
        successThreshold: 2
      lifecycle:
        preStop:
          exec:
            command: ["sleep", "10"]
      resources:
        requests: { cpu: 250m, memory: 256Mi }
        limits: { cpu: "1", memory: 512Mi }
  tolerations:
    - key: node.kubernetes.io/unreachable
      operator: Exists
      effect: NoExecute
      tolerationSeconds: 60
  readinessGates:
    - conditionType: example.com/lb-ready
  overhead:
    cpu: 10m
  volumes:
    - name: scratch
      emptyDir:
        sizeLimit: 1Gi
`;

/** Put a caret before the n-th (0-based) occurrence of `needle` (plus `shift` characters). */
export function caret(text: string, needle: string, nth = 0, shift = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${nth} not found`);
  }
  at += shift;
  return `${text.slice(0, at)}‸${text.slice(at)}`;
}

/** The same pod spec inside a workload's template (Job, Deployment, ... or CronJob). */
export function asWorkload(kind: string, podYaml: string, workloadSpec = ''): string {
  const i = podYaml.indexOf('\nspec:\n');
  const spec = podYaml.slice(i + '\nspec:\n'.length).replace(/^(?=.)/gm, kind === 'CronJob' ? '        ' : '    ');
  const extra = workloadSpec.replace(/^(?=.)/gm, kind === 'CronJob' ? '      ' : '  ');
  const api = kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : 'apps/v1';
  if (kind === 'CronJob') {
    return `apiVersion: ${api}\nkind: CronJob\nmetadata:\n  name: w\nspec:\n  schedule: "*/5 * * * *"\n  jobTemplate:\n    spec:\n${extra}      template:\n        spec:\n${spec}`;
  }
  return `apiVersion: ${api}\nkind: ${kind}\nmetadata:\n  name: w\nspec:\n${extra}  template:\n    spec:\n${spec}`;
}
