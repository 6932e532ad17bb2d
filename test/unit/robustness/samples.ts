/**
 * Hostile and pathological inputs, one generator per class from issue 8. Shared by the unit tests
 * (service + CLI), the protocol test that feeds them all to one server, and scripts/fuzz.ts.
 * Each sample is built on demand (some are tens of megabytes).
 */

export const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: init
      image: busybox:1
      resources: { requests: { cpu: 200m, memory: 64Mi } }
    - name: side
      image: envoy:1
      restartPolicy: Always
      resources: { requests: { cpu: 100m, memory: 32Mi } }
  containers:
    - name: app
      image: nginx:1
      resources:
        requests: { cpu: 500m, memory: 128Mi }
        limits: { cpu: "1", memory: 256Mi }
`;

export interface HostileSample {
  /** Class of bad input (issue 8). */
  readonly name: string;
  /** Text for the service / language server. */
  readonly text: () => string;
  /** Raw bytes for the CLI when they differ from the UTF-8 encoding of `text` (invalid UTF-8). */
  readonly bytes?: () => Buffer;
  /** Large inputs are fed to the protocol test only when it can afford them. */
  readonly large?: boolean;
}

const podWith = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;

export function billionLaughs(levels = 9, width = 9): string {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata: { name: lol }', 'x:', `  a0: &a0 [{ name: lol, image: "x:1" }]`];
  for (let i = 1; i <= levels; i++) lines.push(`  a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]`);
  // Sequences cannot flatten, so the bomb sits below a container, where a tree walk would meet it.
  lines.push('spec:', '  containers:', '    - name: lol', '      image: "x:1"', `      env: *a${levels}`);
  return lines.join('\n') + '\n';
}

/** Aliases whose anchor encloses them: the naive expansion is infinite. */
export const CYCLIC_ALIASES = `apiVersion: v1
kind: Pod
metadata: &m { name: cyc, labels: { self: *m } }
spec: &s
  containers:
    - &c { name: a, image: "x:1", env: [*c], resources: *s }
  initContainers: &l [*l]
`;

export function deepBlock(depth = 10_000): string {
  // Compact block sequences (`- - - x`) nest one level per two characters.
  return podWith(`  containers:\n    - ${'- '.repeat(depth)}x\n`);
}

export function deepBlockMaps(depth = 3_000): string {
  // One more space of indentation per level: n levels cost n^2/2 characters (10k levels = 50M).
  const out: string[] = ['apiVersion: v1', 'kind: Pod', 'metadata: { name: deep }', 'spec:', ' containers:', ' - name: a', '   image: x:1', '   env:'];
  let indent = '   ';
  for (let i = 0; i < depth; i++) { indent += ' '; out.push(`${indent}a:`); }
  out.push(`${indent} 1`);
  return out.join('\n') + '\n';
}

export function deepFlow(depth = 10_000): string {
  return podWith(`  containers: [${'['.repeat(depth)}${']'.repeat(depth)}]\n  x: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`);
}

/** 2.4M characters: under the default 5M maxFileSize, so the server really analyses it. */
export function manyContainers(n = 100_000): string {
  const parts: string[] = [podWith('  containers:\n')];
  for (let i = 0; i < n; i++) parts.push(`  - {name: c${i}, image: x}\n`);
  return parts.join('');
}

export function longLine(chars = 3_000_000): string {
  return `apiVersion: v1\nkind: Pod\nmetadata: { name: long, annotations: { a: "${'x'.repeat(chars)}" } }\nspec: { containers: [{ name: a, image: "x:1", resources: { requests: { cpu: ${'9'.repeat(1000)}m } } }] }\n`;
}

/** Long strings in every field a rule reads with a regular expression (names, images, commands, ports, resource names). */
export function longFields(n = 300_000): string {
  const b = (u: string, k = n) => u.repeat(k);
  return `apiVersion: v1\nkind: Pod\nmetadata: { name: "${b('a-')}!" }\nspec:\n  containers:\n`
    + `    - name: "${b('a-')}!"\n      image: "${b('a/')}:${b('0', 1000)}@sha256:${b('0', 1000)}"\n`
    + `      command: ["sh", "-c", "${b('exec a; ', n / 4)}"]\n      args: ["${b(' ')}x", "${b('\\t', n / 10)}"]\n`
    + `      ports: [{ name: "${b('a', n)}", containerPort: 80 }]\n`
    + `      livenessProbe: { httpGet: { port: "${b('a-', n / 2)}", path: "${b('/', n)}" } }\n`
    + `      resources: { requests: { "${b('a.', n / 2)}/x": 1, cpu: "${b('1', n / 10)}.${b('1', n / 10)}" }, limits: { memory: "1${b('0', n / 10)}" } }\n`;
}

/** Many unterminated `{{`: a lazy `{{.*?}}` scan is quadratic on this. */
export function braceFlood(chars = 4_000_000): string {
  return podWith(`  containers: []\n# ${'{{'.repeat(chars / 2)}\n`);
}

export const FIFTY_MB = 50 * 1024 * 1024 + 17;

export function hugeFile(size = FIFTY_MB): string {
  const unit = POD + '---\n';
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

export function binaryNoise(size = 64 * 1024, seed = 1): Buffer {
  const b = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; b[i] = x & 0xff; }
  return b;
}

export const NUL_BYTES = POD.replace('name: web', 'name: "we\\0b"').replace('image: nginx:1', 'image: ngi\u0000nx:1') + '\u0000\u0000\u0001\u0002\u0007\u001b[31m\n';

export function invalidUtf8(): Buffer {
  const head = Buffer.from(POD.replace('name: web', 'name: w'));
  // Lone continuation byte, truncated sequence, overlong encoding, surrogate half, 0xff/0xfe.
  const bad = Buffer.from([0x80, 0xc3, 0x28, 0xe2, 0x82, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff, 0xfe]);
  const idx = head.indexOf('name: w') + 'name: w'.length;
  return Buffer.concat([head.subarray(0, idx), bad, head.subarray(idx)]);
}

export const BOM = '\ufeff' + POD;
export const CRLF = POD.replace(/\n/g, '\r\n');
export const MIXED_EOL = POD.slice(0, -1).split('\n').map((l, i) => l + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\n' : '\r')).join('');
export const TABS = POD.replace('  containers:\n    - name: app', '  containers:\n\t- name: app').replace('image: nginx:1', 'image:\tnginx:1');

export const YAML11 = `apiVersion: v1
kind: Pod
metadata: { name: on, labels: { yes: no, on: off, y: n } }
spec:
  restartPolicy: yes
  terminationGracePeriodSeconds: 0777
  activeDeadlineSeconds: 1_000
  containers:
    - name: on
      image: yes
      ports: [{ containerPort: 0x50 }, { containerPort: 1:20 }, { containerPort: 0o17 }]
      resources: { requests: { cpu: 0777, memory: 1:30 }, limits: { cpu: on, memory: ~ } }
      livenessProbe: { exec: { command: [on, off, yes] }, periodSeconds: 010, timeoutSeconds: 0b11 }
`;

export const DUPLICATE_KEYS = `apiVersion: v1
kind: Pod
kind: Pod
metadata: { name: a, name: b }
spec:
  containers:
    - name: a
      image: x:1
      name: b
      resources: { requests: { cpu: 1, cpu: 2 }, requests: { memory: 1Gi } }
  containers:
    - { name: c, image: "x:1" }
`;

export const MERGE_KEYS = `apiVersion: v1
kind: Pod
metadata: { name: merge }
x-defaults: &defaults
  image: x:1
  resources: &res { requests: { cpu: 100m, memory: 64Mi }, limits: { cpu: 100m, memory: 64Mi } }
spec:
  containers:
    - { <<: *defaults, name: a }
    - <<: [*defaults, { name: ignored }]
      name: b
    - { <<: *res, name: c, image: "y" }
    - { <<: [1, null, "str"], name: d, image: "z" }
    - { "<<": *defaults, name: e }
`;

export const CUSTOM_TAGS = `apiVersion: !!str v1
kind: !custom Pod
metadata: !!map { name: !!binary aGVsbG8= }
spec:
  containers: !!seq
    - name: !secret a
      image: !!timestamp 2001-12-14t21:59:43.10-05:00
      command: !!set { a, b }
      args: !!omap [ { a: 1 }, { b: 2 } ]
      resources: { requests: { cpu: !!float 1e3, memory: !!int 12 }, limits: { cpu: !unknown 2 } }
  overhead: !!pairs [ { cpu: 1 } ]
---
--- !!str
--- !<tag:yaml.org,2002:map> { kind: Pod, spec: { containers: [ { name: t, image: "x:1" } ] } }
`;

export const JSON_MANIFEST = JSON.stringify({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'json' },
  spec: { containers: [{ name: 'a', image: 'x:1', resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: 0.5, memory: 134217728 } } }] },
}, null, 2) + '\n';

export const JSON_ONE_LINE = JSON.stringify({ kind: 'List', apiVersion: 'v1', items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j' }, spec: { containers: [{ name: 'a', image: 'x:1' }] } }] });

export const HELM = `{{- if .Values.enabled }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "chart.fullname" . }}
  labels: {{- include "chart.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicas }}
  template:
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          {{- with .Values.probe }}
          livenessProbe: {{ . }}
          {{- end }}
{{- end }}
---
kind: Pod
metadata: { name: {{ unterminated
spec: { containers: [] }
`;

export const KUSTOMIZE = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      $setElementOrder/containers: [{ name: app }]
      containers:
        - name: app
          resources: { limits: { memory: 1Gi } }
        - name: old
          $patch: delete
      initContainers:
        $patch: replace
---
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [deployment.yaml]
patches:
  - target: { kind: Deployment }
    patch: |-
      - op: replace
        path: /spec/template/spec/containers/0/resources/limits/cpu
        value: 2
`;

export const LIST = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: { name: a }
    spec: { containers: [{ name: a, image: "x:1", resources: { limits: { cpu: 1, memory: 1Gi } } }] }
  - "not an object"
  - null
  - kind: Deployment
    spec: { template: { spec: { containers: [{ name: b, image: "x:1" }] } } }
  - kind: List
    items: [{ kind: Pod, spec: { containers: [{ name: nested, image: "x:1" }] } }]
---
kind: PodList
items: { kind: Pod }
---
kind: ConfigMapList
items: 3
`;

export const WRONG_TYPES = `apiVersion: 1
kind: Pod
metadata: { name: 12345, namespace: [a], labels: "x" }
spec:
  restartPolicy: [Always]
  terminationGracePeriodSeconds: "thirty"
  activeDeadlineSeconds: -5
  overhead: "lots"
  resources: [cpu]
  initContainers: "not a list"
  ephemeralContainers: { name: e }
  containers:
    - name: 42
      image: [x]
      command: "sh -c"
      args: { a: b }
      restartPolicy: 7
      ports: "80"
      resources:
        requests: { cpu: -1, memory: 1e400, ephemeral-storage: 99999999999999999999Ei, nvidia.com/gpu: .nan }
        limits: { cpu: 1e400, memory: -99999999999999999999Ei, hugepages-2Mi: .inf, "": 1, example.com/x: -.inf }
      livenessProbe: "curl"
      readinessProbe: { httpGet: { port: [80] }, exec: null, periodSeconds: 1e400, timeoutSeconds: -1, failureThreshold: "3" }
      startupProbe: { tcpSocket: 8080, grpc: { port: -1 }, successThreshold: 99999999999999999999 }
      lifecycle: { preStop: { sleep: { seconds: 1e400 } }, postStart: [exec] }
    - null
    - 17
    - "string"
    - []
    - { name: null, image: null, resources: null }
    - { name: [a, b], resources: { requests: [cpu], limits: "1" } }
    - { name: c, resources: { requests: { cpu: { nested: 1 } }, limits: { memory: [1Gi] } } }
    - { name: d, resources: { requests: { cpu: 0.000000001m, memory: 1.5e-9 }, limits: { cpu: 1e-400, memory: 0x10 } } }
    - { name: e, resources: { requests: { cpu: "1e300000000", memory: "1e2147483647" }, limits: { cpu: "1e-2147483648", memory: "1e9223372036854775807" } } }
    - { name: f, resources: { requests: { cpu: "${'9'.repeat(5000)}", memory: "0.${'0'.repeat(5000)}1" }, limits: { cpu: "1E", memory: "+-1" } } }
---
kind: Pod
spec: null
---
kind: Pod
spec: "string"
---
kind: Deployment
spec: { template: [1, 2] }
---
kind: CronJob
spec: { jobTemplate: { spec: { template: { spec: { containers: "x" } } } } }
---
kind: [Pod]
---
- just
- a
- list
---
"scalar document"
---
~
`;

/** Everything else a half-typed buffer produces. */
export const TRUNCATED = POD.slice(0, Math.floor(POD.length * 0.6)) + '\n  - name: "unterminated\n    image: [x, {\n';

export const SAMPLES: readonly HostileSample[] = [
  { name: 'alias bomb (billion laughs)', text: () => billionLaughs() },
  { name: 'cyclic aliases', text: () => CYCLIC_ALIASES },
  { name: '10k-deep block sequences', text: () => deepBlock() },
  { name: '3k-deep block mappings', text: () => deepBlockMaps(), large: true },
  { name: '10k-deep flow collections', text: () => deepFlow() },
  { name: '100k containers', text: () => manyContainers(), large: true },
  { name: 'multi-megabyte single line', text: () => longLine(), large: true },
  { name: 'multi-megabyte line of unterminated {{', text: () => braceFlood(), large: true },
  { name: 'hundreds of kilobytes in every field', text: () => longFields(), large: true },
  { name: '50 MB+ file', text: () => hugeFile(), large: true },
  { name: 'binary noise', text: () => binaryNoise().toString('latin1'), bytes: () => binaryNoise() },
  { name: 'NUL and control bytes', text: () => NUL_BYTES },
  { name: 'invalid UTF-8', text: () => invalidUtf8().toString('utf8'), bytes: () => invalidUtf8() },
  { name: 'byte order mark', text: () => BOM },
  { name: 'CRLF line endings', text: () => CRLF },
  { name: 'mixed line endings', text: () => MIXED_EOL },
  { name: 'tabs', text: () => TABS },
  { name: 'YAML 1.1 oddities', text: () => YAML11 },
  { name: 'duplicate keys', text: () => DUPLICATE_KEYS },
  { name: 'merge keys', text: () => MERGE_KEYS },
  { name: 'custom tags', text: () => CUSTOM_TAGS },
  { name: 'JSON manifest', text: () => JSON_MANIFEST },
  { name: 'JSON one-line List', text: () => JSON_ONE_LINE },
  { name: 'Helm template', text: () => HELM },
  { name: 'Kustomize patches', text: () => KUSTOMIZE },
  { name: 'List objects', text: () => LIST },
  { name: 'wrong types everywhere', text: () => WRONG_TYPES },
  { name: 'truncated document', text: () => TRUNCATED },
  { name: 'empty file', text: () => '' },
  { name: 'only markers', text: () => '---\n...\n---\n--- \n...' },
];
