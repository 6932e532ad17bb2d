// Seeded, deterministic generator of realistic multi-document Kubernetes YAML: Pods, Deployments,
// StatefulSets, Jobs and CronJobs with init containers, native sidecars (restartPolicy: Always),
// probes, resources, env, volumes. The same seed and size always give the same bytes.
//
// About 1 document in 25 carries a realistic mistake (request above limit, bad quantity, missing
// limit...) so that the servers have some diagnostics to publish, as in a real repository.

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
  };
}

const APPS = ['web', 'api', 'worker', 'cache', 'gateway', 'billing', 'search', 'auth', 'ingest', 'report', 'notifier', 'scheduler'];
const IMAGES = ['nginx:1.27', 'redis:7.2', 'ghcr.io/acme/api:2.4.1', 'busybox:1.36', 'postgres:16', 'envoyproxy/envoy:v1.31', 'ghcr.io/acme/worker:1.9.0', 'fluent/fluent-bit:3.1'];
const CPU = ['50m', '100m', '250m', '500m', '750m', '1', '2'];
const MEM = ['64Mi', '128Mi', '256Mi', '512Mi', '1Gi', '2Gi'];

function resources(r, indent, mistake) {
  const p = ' '.repeat(indent);
  const ci = r.int(0, CPU.length - 2);
  const mi = r.int(0, MEM.length - 2);
  const lines = [`${p}resources:`, `${p}  requests:`, `${p}    cpu: ${CPU[ci]}`, `${p}    memory: ${MEM[mi]}`];
  if (mistake === 'request-above-limit') {
    // memory request one step above the limit
    lines[3] = `${p}    memory: ${MEM[mi + 1]}`;
    lines.push(`${p}  limits:`, `${p}    cpu: ${CPU[ci]}`, `${p}    memory: ${MEM[mi]}`);
  } else if (mistake === 'bad-quantity') {
    lines[2] = `${p}    cpu: 1 core`;
    lines.push(`${p}  limits:`, `${p}    memory: ${MEM[mi + 1]}`);
  } else if (r.chance(0.8)) {
    lines.push(`${p}  limits:`);
    if (r.chance(0.6)) lines.push(`${p}    cpu: ${CPU[ci + 1]}`);
    lines.push(`${p}    memory: ${MEM[mi + (r.chance(0.5) ? 0 : 1)]}`);
  }
  return lines;
}

function probe(r, name, indent) {
  const p = ' '.repeat(indent);
  const kind = r.int(0, 2);
  const lines = [`${p}${name}:`];
  if (kind === 0) lines.push(`${p}  httpGet:`, `${p}    path: /healthz`, `${p}    port: 8080`);
  else if (kind === 1) lines.push(`${p}  tcpSocket:`, `${p}    port: 8080`);
  else lines.push(`${p}  exec:`, `${p}    command: ["sh", "-c", "test -f /tmp/ready"]`);
  lines.push(`${p}  initialDelaySeconds: ${r.int(0, 15)}`, `${p}  periodSeconds: ${r.pick([5, 10, 15])}`, `${p}  failureThreshold: ${r.int(1, 5)}`);
  return lines;
}

function env(r, indent) {
  const p = ' '.repeat(indent);
  const lines = [`${p}env:`];
  const n = r.int(1, 4);
  for (let i = 0; i < n; i++) {
    const k = r.int(0, 2);
    if (k === 0) lines.push(`${p}  - name: LOG_LEVEL_${i}`, `${p}    value: "${r.pick(['debug', 'info', 'warn'])}"`);
    else if (k === 1) lines.push(`${p}  - name: DB_PASSWORD_${i}`, `${p}    valueFrom:`, `${p}      secretKeyRef:`, `${p}        name: db-secret`, `${p}        key: password`);
    else lines.push(`${p}  - name: POD_IP_${i}`, `${p}    valueFrom:`, `${p}      fieldRef:`, `${p}        fieldPath: status.podIP`);
  }
  return lines;
}

function container(r, name, indent, { probes, sidecar, mistake }) {
  const p = ' '.repeat(indent);
  const lines = [`${p}- name: ${name}`, `${p}  image: ${r.pick(IMAGES)}`];
  if (sidecar) lines.push(`${p}  restartPolicy: Always`);
  if (r.chance(0.5)) lines.push(`${p}  imagePullPolicy: IfNotPresent`);
  if (!sidecar && r.chance(0.3)) lines.push(`${p}  command: ["/bin/sh", "-c"]`, `${p}  args: ["exec /app --port=8080"]`);
  if (probes) lines.push(`${p}  ports:`, `${p}    - containerPort: 8080`, `${p}      name: http`);
  if (r.chance(0.6)) lines.push(...env(r, indent + 2));
  if (mistake !== 'no-resources') lines.push(...resources(r, indent + 2, mistake));
  if (probes) {
    lines.push(...probe(r, 'readinessProbe', indent + 2));
    if (r.chance(0.7)) lines.push(...probe(r, 'livenessProbe', indent + 2));
    if (r.chance(0.3)) lines.push(...probe(r, 'startupProbe', indent + 2));
  }
  if (r.chance(0.7)) lines.push(`${p}  volumeMounts:`, `${p}    - name: config`, `${p}      mountPath: /etc/app`, `${p}      readOnly: true`);
  return lines;
}

/** A pod spec body at `indent` (the lines under `spec:`). */
function podSpec(r, app, indent, { restartPolicy, mistake }) {
  const p = ' '.repeat(indent);
  const lines = [];
  if (restartPolicy) lines.push(`${p}restartPolicy: ${restartPolicy}`);
  lines.push(`${p}terminationGracePeriodSeconds: ${r.pick([10, 30, 60])}`);
  if (r.chance(0.3)) lines.push(`${p}serviceAccountName: ${app}-sa`);
  const inits = r.int(0, 2);
  const sidecar = r.chance(0.4);
  if (inits > 0 || sidecar) {
    lines.push(`${p}initContainers:`);
    for (let i = 0; i < inits; i++) lines.push(...container(r, `init-${i}`, indent + 2, { probes: false, sidecar: false, mistake: undefined }));
    if (sidecar) lines.push(...container(r, 'log-shipper', indent + 2, { probes: false, sidecar: true, mistake: undefined }));
  }
  lines.push(`${p}containers:`);
  const n = r.int(1, 2);
  for (let i = 0; i < n; i++) lines.push(...container(r, i === 0 ? app : `${app}-helper`, indent + 2, { probes: i === 0, sidecar: false, mistake: i === 0 ? mistake : undefined }));
  lines.push(`${p}volumes:`, `${p}  - name: config`, `${p}    configMap:`, `${p}      name: ${app}-config`);
  if (r.chance(0.5)) lines.push(`${p}  - name: scratch`, `${p}    emptyDir:`, `${p}      sizeLimit: 1Gi`);
  if (r.chance(0.3)) lines.push(`${p}  - name: tls`, `${p}    secret:`, `${p}      secretName: ${app}-tls`);
  if (r.chance(0.2)) lines.push(`${p}tolerations:`, `${p}  - key: dedicated`, `${p}    operator: Equal`, `${p}    value: batch`, `${p}    effect: NoSchedule`);
  return lines;
}

function meta(app, i, indent = 0) {
  const p = ' '.repeat(indent);
  return [`${p}metadata:`, `${p}  name: ${app}-${i}`, `${p}  namespace: team-${i % 7}`, `${p}  labels:`, `${p}    app: ${app}`, `${p}    tier: t${i % 3}`];
}

function document(r, i) {
  const app = r.pick(APPS);
  const kind = r.pick(['Pod', 'Deployment', 'Deployment', 'StatefulSet', 'Job', 'CronJob']);
  const mistake = r.chance(0.04) ? r.pick(['request-above-limit', 'bad-quantity', 'no-resources']) : undefined;
  const tmplMeta = ['    metadata:', '      labels:', `        app: ${app}`];
  switch (kind) {
    case 'Pod':
      return ['apiVersion: v1', 'kind: Pod', ...meta(app, i), 'spec:', ...podSpec(r, app, 2, { restartPolicy: r.pick([undefined, 'Always', 'OnFailure']), mistake })];
    case 'Deployment':
      return ['apiVersion: apps/v1', 'kind: Deployment', ...meta(app, i), 'spec:', `  replicas: ${r.int(1, 6)}`, '  selector:', '    matchLabels:', `      app: ${app}`,
        '  strategy:', '    type: RollingUpdate', '    rollingUpdate:', '      maxSurge: 25%', '      maxUnavailable: 0',
        '  template:', ...tmplMeta, '    spec:', ...podSpec(r, app, 6, { mistake })];
    case 'StatefulSet':
      return ['apiVersion: apps/v1', 'kind: StatefulSet', ...meta(app, i), 'spec:', `  serviceName: ${app}`, `  replicas: ${r.int(1, 5)}`, '  selector:', '    matchLabels:', `      app: ${app}`,
        '  template:', ...tmplMeta, '    spec:', ...podSpec(r, app, 6, { mistake }),
        '  volumeClaimTemplates:', '    - metadata:', '        name: data', '      spec:', '        accessModes: ["ReadWriteOnce"]', '        resources:', '          requests:', `            storage: ${r.pick(['1Gi', '10Gi', '50Gi'])}`];
    case 'Job':
      return ['apiVersion: batch/v1', 'kind: Job', ...meta(app, i), 'spec:', `  backoffLimit: ${r.int(0, 6)}`, `  activeDeadlineSeconds: ${r.pick([600, 3600])}`,
        '  template:', ...tmplMeta, '    spec:', ...podSpec(r, app, 6, { restartPolicy: r.pick(['Never', 'OnFailure']), mistake })];
    default:
      return ['apiVersion: batch/v1', 'kind: CronJob', ...meta(app, i), 'spec:', `  schedule: "${r.int(0, 59)} */${r.int(1, 6)} * * *"`, '  concurrencyPolicy: Forbid', '  jobTemplate:', '    spec:', `      backoffLimit: ${r.int(0, 3)}`,
        '      template:', ...tmplMeta.map((l) => `    ${l}`), '        spec:', ...podSpec(r, app, 10, { restartPolicy: 'OnFailure', mistake })];
  }
}

/** About `targetLines` lines of `---`-separated documents. */
export function generateWorkload(targetLines, seed) {
  const r = rng(seed ^ targetLines);
  const out = [];
  let lines = 0;
  for (let i = 0; lines < targetLines; i++) {
    const doc = document(r, i);
    if (i > 0) { out.push('---'); lines++; }
    out.push(...doc);
    lines += doc.length;
  }
  return { text: out.join('\n') + '\n', lines: out.length, documents: out.filter((l) => l === '---').length + 1 };
}
