// Issue 15 benchmark: render + analysis (`pod-lens check --helm`) against `helm template` alone, on a generated
// chart with 20 templates (Deployments, StatefulSets, Jobs; resources, probes and sidecars from values).
// Usage: node bench/render.mjs [--runs N] [--keep]   (needs `npm run build`, `npm run compile-tests`, `npm run build:tools`)
// Prints the CLI's ratio (a fresh Node process each time, as in CI) and the warm in-process ratio (what a running
// language server pays: render with helm, read the chart, analyse and map every rendered pod).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
const tools = Object.fromEntries(execFileSync('bash', [path.join(root, 'scripts/build-tools.sh')], { encoding: 'utf8' }).trim().split('\n').map((l) => l.split('=')));

const chart = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-bench-chart-'));
fs.mkdirSync(path.join(chart, 'templates'));
fs.writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: bench\nversion: 1.0.0\nappVersion: "1.0"\n');
const kinds = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job'];
let values = 'image:\n  repository: registry.example/app\n  tag: "1.0"\nservices:\n';
for (let i = 0; i < 20; i++) {
  values += `  svc${i}:\n    replicas: ${1 + (i % 3)}\n    resources:\n      requests:\n        cpu: ${100 + i}m\n        memory: ${128 + i}Mi\n      limits:\n        memory: ${i % 4 === 0 ? 64 : 256 + i}Mi\n    sidecars:\n      - name: log\n        image: registry.example/log:2\n        resources:\n          requests: {cpu: 10m, memory: 16Mi}\n`;
  const kind = kinds[i % kinds.length];
  const spec = kind === 'Job' ? '' : `  selector:\n    matchLabels:\n      app: svc${i}\n`;
  fs.writeFileSync(path.join(chart, 'templates', `svc${i}.yaml`), `{{- $s := .Values.services.svc${i} }}
apiVersion: ${kind === 'Job' ? 'batch/v1' : 'apps/v1'}
kind: ${kind}
metadata:
  name: {{ .Release.Name }}-svc${i}
spec:
${kind === 'Deployment' || kind === 'StatefulSet' ? `  replicas: {{ $s.replicas }}\n` : ''}${spec}  template:
    metadata:
      labels:
        app: svc${i}
    spec:
${kind === 'Job' ? '      restartPolicy: Never\n' : ''}      initContainers:
        {{- range $s.sidecars }}
        - name: {{ .name }}
          image: {{ .image }}
          restartPolicy: Always
          resources:
            {{- toYaml .resources | nindent 12 }}
        {{- end }}
      containers:
        - name: app
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          resources:
            {{- toYaml $s.resources | nindent 12 }}
          readinessProbe:
            httpGet:
              path: /ready
              port: 8080
`);
}
fs.writeFileSync(path.join(chart, 'values.yaml'), values);

function time(cmd, args) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    try { execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] }); } catch (e) { if (e.status !== 1) throw e; }
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const helm = time(tools.helm, ['template', 'bench', chart]);
const podLens = time(process.execPath, [path.join(root, 'dist/cli.js'), 'check', '--format', 'json', '--helm', chart, '--helm-path', tools.helm, '--release', 'bench']);
const node = time(process.execPath, ['-e', '0']);
const require = createRequire(import.meta.url);
const { renderHelmChart } = require(path.join(root, 'out/server/src/node/render/renderProject.js'));
const { analyzeRendered } = require(path.join(root, 'out/server/src/service/rendered.js'));
const { createPodService } = require(path.join(root, 'out/server/src/service/index.js'));
const warm = [];
for (let i = 0; i < runs + 3; i++) {
  const t = process.hrtime.bigint();
  const outcome = await renderHelmChart({ helm: tools.helm, chart, valuesFiles: [], set: [], release: 'bench' });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  analyzeRendered(createPodService(), outcome.set, {});
  if (i >= 3) warm.push(Number(process.hrtime.bigint() - t) / 1e6);
}
warm.sort((a, b) => a - b);
const warmMedian = warm[Math.floor(warm.length / 2)];
console.log(`chart: 20 templates, ${runs} runs each, medians`);
console.log(`helm template alone:                 ${helm.toFixed(0)} ms`);
console.log(`pod-lens check --helm (render+analysis): ${podLens.toFixed(0)} ms  (ratio ${(podLens / helm).toFixed(2)}x)`);
console.log(`  of which node start-up (node -e 0):   ${node.toFixed(0)} ms`);
console.log(`warm, in one process (language server):  ${warmMedian.toFixed(0)} ms  (ratio ${(warmMedian / helm).toFixed(2)}x)`);
if (process.argv.includes("--keep")) console.log(`chart kept in ${chart}`); else fs.rmSync(chart, { recursive: true, force: true });
