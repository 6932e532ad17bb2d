/**
 * fast-check generators for pod manifests (as plain data, rendered to YAML in several styles), and for
 * mutations of YAML text. Used by properties.ts (CI run) and scripts/fuzz.ts (long run).
 */
import fc from 'fast-check';
import * as YAML from 'yaml';

export type Res = Record<string, string | number>;
export interface GenResources { requests?: Res; limits?: Res }
export interface GenContainer {
  name: string;
  image: string;
  restartPolicy?: 'Always';
  resources?: GenResources;
  livenessProbe?: object;
  readinessProbe?: object;
  startupProbe?: object;
  ports?: object[];
  command?: string[];
}
export type GenKind = 'Pod' | 'Deployment' | 'Job' | 'CronJob' | 'StatefulSet';
export interface GenPod {
  kind: GenKind;
  name: string;
  init: GenContainer[];
  apps: GenContainer[];
  /** Target Kubernetes version (sidecars need 1.29+). */
  version: string;
}

/** Valid Kubernetes quantities, as YAML strings or numbers (numbers are parsed from their source). */
export const cpuQuantity: fc.Arbitrary<string | number> = fc.oneof(
  fc.integer({ min: 0, max: 64 }),
  fc.integer({ min: 1, max: 64_000 }).map((n) => `${n}m`),
  fc.integer({ min: 1, max: 99 }).map((n) => `0.${n}`),
  fc.integer({ min: 1, max: 16 }).map((n) => `${n}`),
  fc.integer({ min: 1, max: 900 }).map((n) => `${n}e-3`),
  fc.constant('0'),
);

export const memoryQuantity: fc.Arbitrary<string | number> = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 65_536 }), fc.constantFrom('Ki', 'Mi', 'Gi')).map(([n, s]) => `${n}${s}`),
  fc.tuple(fc.integer({ min: 1, max: 4096 }), fc.constantFrom('k', 'M', 'G')).map(([n, s]) => `${n}${s}`),
  fc.integer({ min: 1, max: 2 ** 34 }),
  fc.integer({ min: 1, max: 999 }).map((n) => `${n}e6`),
  fc.constant('0'),
);

const storageQuantity = fc.tuple(fc.integer({ min: 1, max: 500 }), fc.constantFrom('Mi', 'Gi')).map(([n, s]) => `${n}${s}`);

const resourceList: fc.Arbitrary<Res> = fc.record(
  { cpu: cpuQuantity, memory: memoryQuantity, 'ephemeral-storage': storageQuantity },
  { requiredKeys: [] },
);

export const resources: fc.Arbitrary<GenResources | undefined> = fc.option(
  fc.record({ requests: resourceList, limits: resourceList }, { requiredKeys: [] }),
  { nil: undefined, freq: 4 },
);

const seconds = fc.integer({ min: 1, max: 120 });
export const probe: fc.Arbitrary<object> = fc.tuple(
  fc.oneof(
    fc.record({ httpGet: fc.record({ path: fc.constantFrom('/', '/healthz', '/ready'), port: fc.oneof(fc.integer({ min: 1, max: 65535 }), fc.constant('http')) }) }),
    fc.record({ tcpSocket: fc.record({ port: fc.integer({ min: 1, max: 65535 }) }) }),
    fc.record({ exec: fc.record({ command: fc.constantFrom(['cat', '/tmp/ready'], ['sh', '-c', 'rm -rf / --no-preserve-root']) }) }),
    fc.record({ grpc: fc.record({ port: fc.integer({ min: 1, max: 65535 }) }) }),
  ),
  fc.record({ initialDelaySeconds: fc.integer({ min: 0, max: 60 }), periodSeconds: seconds, timeoutSeconds: seconds, failureThreshold: seconds }, { requiredKeys: [] }),
).map(([h, t]) => ({ ...h, ...t }));

function container(prefix: string, sidecar: boolean): fc.Arbitrary<(i: number) => GenContainer> {
  return fc.record({
    resources,
    image: fc.constantFrom('nginx:1.27', 'busybox', 'registry.example.com/app@sha256:' + 'a'.repeat(64), 'app:latest'),
    livenessProbe: fc.option(probe, { nil: undefined }),
    readinessProbe: fc.option(probe, { nil: undefined }),
    startupProbe: fc.option(probe, { nil: undefined }),
    ports: fc.option(fc.array(fc.record({ name: fc.constantFrom('http', 'grpc', 'metrics'), containerPort: fc.integer({ min: 1, max: 65535 }) }), { maxLength: 2 }), { nil: undefined }),
  }).map((c) => (i: number) => {
    const out: GenContainer = { name: `${prefix}-${i}`, image: c.image };
    if (sidecar) out.restartPolicy = 'Always';
    if (c.resources) out.resources = c.resources;
    // Probes on regular init containers are invalid; keep them to app containers and sidecars.
    if (prefix !== 'init') {
      if (c.livenessProbe) out.livenessProbe = c.livenessProbe;
      if (c.readinessProbe && prefix === 'app') out.readinessProbe = c.readinessProbe;
      if (c.startupProbe) out.startupProbe = c.startupProbe;
    }
    if (c.ports && prefix === 'app') out.ports = c.ports;
    return out;
  });
}

export const genPod: fc.Arbitrary<GenPod> = fc.record({
  kind: fc.constantFrom<GenKind>('Pod', 'Deployment', 'Job', 'CronJob', 'StatefulSet'),
  name: fc.constantFrom('web', 'worker', 'db-0'),
  init: fc.array(fc.oneof(container('init', false), container('side', true)), { maxLength: 4 }),
  apps: fc.array(container('app', false), { minLength: 1, maxLength: 4 }),
  version: fc.constantFrom('1.28', '1.29', '1.33', '1.35'),
}).map((p) => ({ ...p, init: p.init.map((f, i) => f(i)), apps: p.apps.map((f, i) => f(i)) }));

/** The manifest object for a generated pod (the wrapping its kind needs). */
export function manifest(p: GenPod): Record<string, unknown> {
  const spec: Record<string, unknown> = { ...(p.init.length ? { initContainers: p.init } : {}), containers: p.apps };
  const labels = { app: p.name };
  const template = { metadata: { labels }, spec: p.kind === 'Job' || p.kind === 'CronJob' ? { restartPolicy: 'OnFailure', ...spec } : spec };
  const metadata = { name: p.name };
  switch (p.kind) {
    case 'Pod': return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
    case 'Deployment': case 'StatefulSet': return { apiVersion: 'apps/v1', kind: p.kind, metadata, spec: { selector: { matchLabels: labels }, template } };
    case 'Job': return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: { template } };
    case 'CronJob': return { apiVersion: 'batch/v1', kind: 'CronJob', metadata, spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template } } } };
  }
}

export type Style = 'block' | 'flow' | 'json' | 'indent4' | 'comments' | 'shuffled';
export const STYLES: readonly Style[] = ['block', 'flow', 'json', 'indent4', 'comments', 'shuffled'];

/** Deterministic key shuffle (xorshift seeded), recursively. */
function shuffleKeys(v: unknown, seed: { s: number }): unknown {
  if (Array.isArray(v)) return v.map((x) => shuffleKeys(x, seed));
  if (v === null || typeof v !== 'object') return v;
  const keys = Object.keys(v);
  for (let i = keys.length - 1; i > 0; i--) {
    seed.s ^= seed.s << 13; seed.s ^= seed.s >>> 17; seed.s ^= seed.s << 5;
    const j = (seed.s >>> 0) % (i + 1);
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  return Object.fromEntries(keys.map((k) => [k, shuffleKeys((v as Record<string, unknown>)[k], seed)]));
}

/** The same data as YAML text in one style. YAML 1.1 output: Kubernetes (and Pod Lens) read 1.1. */
export function render(obj: unknown, style: Style, seed = 1): string {
  const opts = { version: '1.1' as const };
  switch (style) {
    case 'block': return YAML.stringify(obj, opts);
    case 'flow': return YAML.stringify(obj, { ...opts, collectionStyle: 'flow' });
    case 'json': return JSON.stringify(obj, null, 2) + '\n';
    case 'indent4': return YAML.stringify(obj, { ...opts, indent: 4, indentSeq: false });
    case 'shuffled': return YAML.stringify(shuffleKeys(obj, { s: seed | 1 }), opts);
    case 'comments': {
      const doc = new YAML.Document(obj, opts);
      let n = 0;
      YAML.visit(doc, {
        Pair(_, pair) { if (YAML.isScalar(pair.key)) pair.key.commentBefore = ` note ${n++}`; },
        Seq(_, seq) { seq.comment = ' end of list'; },
        Scalar(_, s) { if (n % 3 === 0) s.comment = ' trailing'; },
      });
      doc.commentBefore = ' a manifest with comments everywhere';
      return `# leading comment\n${doc.toString()}# trailing comment\n`;
    }
  }
}

/** Text mutations that editors and hostile files produce. */
export const SNIPPETS = [
  '\t', '\0', ': ', '- ', '{{ .Values.x }}', '{{', '}}', '&a ', '*a', '<<: *a\n', '!!binary ', '!custom ', '"', "'", '[', '{', '}', ']',
  '\r', '\r\n', '\n', '\ufeff', '🙂', '\ud800', '\udfff', '---\n', '...\n', '# c\n', '|', '>-\n', '? ', '%YAML 1.1\n', 'on', 'yes', '0777',
  '1e400', '99999999999999999999Ei', '-1', 'null', '~', '[]', '{}', ' '.repeat(40), '\u2028', 'ünï', '\x7f', '\x1b[2J',
];

export type Mutation =
  | { op: 'delete'; at: number; len: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'dupLine'; line: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'indent'; line: number; by: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ unit: 'binary', maxLength: 8 })) }),
  fc.record({ op: fc.constant('dupLine' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

export function mutate(text: string, m: Mutation): string {
  const lines = () => text.split('\n');
  switch (m.op) {
    case 'delete': { const at = m.at % (text.length + 1); return text.slice(0, at) + text.slice(at + m.len); }
    case 'insert': { const at = m.at % (text.length + 1); return text.slice(0, at) + m.text + text.slice(at); }
    case 'dupLine': { const l = lines(); const i = m.line % l.length; l.splice(i, 0, l[i]!); return l.join('\n'); }
    case 'swapLines': { const l = lines(); const a = m.a % l.length; const b = m.b % l.length; [l[a], l[b]] = [l[b]!, l[a]!]; return l.join('\n'); }
    case 'indent': {
      const l = lines(); const i = m.line % l.length;
      l[i] = m.by >= 0 ? ' '.repeat(m.by) + l[i] : l[i]!.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return l.join('\n');
    }
  }
}

/** Random bytes mutations of a file (fuzz script): flip, insert, delete, splice in invalid UTF-8. */
export type ByteMutation = { op: 'flip' | 'set' | 'insert' | 'delete'; at: number; byte: number; len: number };
export const byteMutation: fc.Arbitrary<ByteMutation> = fc.record({
  op: fc.constantFrom('flip' as const, 'set' as const, 'insert' as const, 'delete' as const),
  at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), len: fc.integer({ min: 1, max: 16 }),
});

export function mutateBytes(buf: Buffer, m: ByteMutation): Buffer {
  const at = m.at % (buf.length + 1);
  switch (m.op) {
    case 'flip': { const b = Buffer.from(buf); if (at < b.length) b[at] = b[at]! ^ (1 << (m.byte % 8)); return b; }
    case 'set': { const b = Buffer.from(buf); if (at < b.length) b[at] = m.byte; return b; }
    case 'insert': return Buffer.concat([buf.subarray(0, at), Buffer.alloc(m.len, m.byte), buf.subarray(at)]);
    case 'delete': return Buffer.concat([buf.subarray(0, at), buf.subarray(at + m.len)]);
  }
}
