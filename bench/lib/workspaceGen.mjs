// A generated workspace of Kubernetes manifests for the workspace index benchmark (issue 16): one object per file
// (Deployments, StatefulSets, Services, PodDisruptionBudgets, HPAs, ConfigMaps, a LimitRange and a ResourceQuota
// per namespace, a kustomization per namespace folder), spread over namespaces. Same seed, same bytes.
import * as fs from 'node:fs';
import * as path from 'node:path';

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x297a2d39) >>> 0) / 2 ** 32);
}

export function writeWorkspace(dir, { files = 5000, namespaces = 20, seed = 42 } = {}) {
  const r = rng(seed);
  fs.rmSync(dir, { recursive: true, force: true });
  const paths = [];
  const write = (rel, text) => {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    paths.push(p);
  };
  for (let n = 0; n < namespaces; n++) {
    const ns = `team-${n}`;
    write(`${ns}/limits.yaml`, `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: ${ns}\nspec:\n  limits:\n    - type: Container\n      default: { cpu: 500m, memory: 512Mi }\n      defaultRequest: { cpu: 100m, memory: 128Mi }\n      max: { memory: 4Gi }\n`);
    write(`${ns}/quota.yaml`, `apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: quota\n  namespace: ${ns}\nspec:\n  hard:\n    requests.cpu: "40"\n    requests.memory: 80Gi\n    pods: "500"\n`);
  }
  let i = 0;
  while (paths.length < files) {
    const ns = `team-${i % namespaces}`;
    const app = `app-${i}`;
    const kind = i % 10;
    const replicas = 1 + Math.floor(r() * 4);
    const cpu = 50 + Math.floor(r() * 400);
    const mem = 64 + Math.floor(r() * 512);
    let text;
    if (kind < 4) {
      text = `apiVersion: apps/v1\nkind: ${kind === 3 ? 'StatefulSet' : 'Deployment'}\nmetadata:\n  name: ${app}\n  namespace: ${ns}\n  labels: { app: ${app}, tier: backend }\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: { app: ${app} }\n  template:\n    metadata:\n      labels: { app: ${app}, tier: backend }\n    spec:\n      initContainers:\n        - name: migrate\n          image: registry.example.com/${app}-migrate:1.${i % 7}\n          resources: { requests: { cpu: 50m, memory: 64Mi } }\n      containers:\n        - name: app\n          image: registry.example.com/${app}:1.${i % 9}\n          ports:\n            - { name: http, containerPort: 8080 }\n            - { name: metrics, containerPort: 9090 }\n          env:\n            - { name: MODE, value: production }\n            - { name: REPLICA_HINT, value: "${replicas}" }\n          resources:\n            requests: { cpu: ${cpu}m, memory: ${mem}Mi }\n            limits: { memory: ${mem * 2}Mi }\n          readinessProbe: { httpGet: { path: /ready, port: http }, periodSeconds: 5 }\n          livenessProbe: { httpGet: { path: /healthz, port: http }, periodSeconds: 10 }\n`;
    } else if (kind < 6) {
      text = `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${app}\n  namespace: ${ns}\nspec:\n  selector:\n    app: app-${i - 4}\n  ports:\n    - { name: http, port: 80, targetPort: http }\n`;
    } else if (kind === 6) {
      text = `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: ${app}\n  namespace: ${ns}\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: { app: app-${i - 6} }\n`;
    } else if (kind === 7) {
      text = `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: ${app}\n  namespace: ${ns}\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: app-${i - 7} }\n  minReplicas: 2\n  maxReplicas: 10\n  metrics:\n    - type: Resource\n      resource: { name: cpu, target: { type: Utilization, averageUtilization: 70 } }\n`;
    } else {
      text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${app}\n  namespace: ${ns}\ndata:\n  config.yaml: |\n    level: info\n    peers: ${Math.floor(r() * 100)}\n`;
    }
    write(`${ns}/${app}.yaml`, text);
    i++;
  }
  return paths;
}
