/**
 * Seeded generator of Kubernetes objects for the conformance run. Object i of seed s depends only on
 * (s, i), so any object can be regenerated from its number. It aims at the corners: init, sidecar and
 * app containers in any order with every restartPolicy; resources at container and pod level,
 * overhead, hugepages and extended resources; odd quantity spellings, quoted and as unquoted YAML
 * scalars (which kubectl turns into JSON numbers with YAML 1.1 rules); probes, lifecycle hooks and
 * ports on every kind of container; every workload kind.
 */
import { Plain } from './yaml';
import type { Obj, Value } from './yaml';

/** mulberry32: small, fast, good enough for test data. */
export class Rng {
  private s: number;
  /** A clean object avoids what the API server rejects, so that QoS and resources get compared. */
  clean = false;
  constructor(seed: number) { this.s = seed >>> 0; }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  chance(p: number): boolean { return this.next() < p; }
  pick<T>(xs: readonly T[]): T { return xs[Math.floor(this.next() * xs.length)]!; }
  /** Pick by weight: [[weight, value], ...]. */
  weighted<T>(xs: readonly (readonly [number, T])[]): T {
    const total = xs.reduce((n, [w]) => n + w, 0);
    let r = this.next() * total;
    for (const [w, v] of xs) { if ((r -= w) < 0) return v; }
    return xs[xs.length - 1]![1];
  }
}

function seedFor(seed: number, index: number): number {
  // splitmix-style mixing so neighbouring indexes give unrelated streams
  let h = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

const P = (t: string) => new Plain(t);

// Quantity spellings. Strings are sent quoted; Plain values are unquoted YAML scalars.
const CPU: readonly (readonly [number, Value])[] = [
  [6, '100m'], [6, '250m'], [5, '500m'], [5, '1'], [4, '2'], [3, P('1')], [3, P('2')], [2, P('0.5')], [2, '0.5'],
  [2, '+1500m'], [2, '1500m'], [2, '1e3'], [2, P('1e3')], [1, '1E3'], [1, '1e-3'], [1, P('1e-3')], [1, '0.0001'],
  [1, '1n'], [1, '1u'], [1, '10u'], [1, '1m'], [1, '0'], [1, P('0')], [1, '-1'], [1, P('-100m')], [1, '010'], [2, P('010')],
  [1, P('0x10')], [1, P('1_000')], [1, P('.5')], [1, P('1.')], [1, P('+5')], [1, '1e18'], [1, P('1e30')], [1, '1e-30'],
  [1, P('99999999999999999999')], [1, '9223372036854775807'], [1, '1Ki'], [1, '1k'], [1, '2 cores'], [1, ''], [1, '1.5.5'],
  [1, P('1.0e+3')], [1, '0.1'], [1, '1.001'], [1, '12345678901234567890m'], [1, P('true')], [1, P('null')], [1, P('0o10')],
  [1, '1Ei'], [1, '8Ei'], [1, '-0'], [1, P('1e+2')], [1, 'm'], [1, '.5m'], [1, '5.m'],
  // YAML 1.1 integer and float forms that go-yaml v2 resolves (binary, octal, signed, exponent without dot)
  [1, P('0b11')], [1, P('0777')], [1, P('1.5e-1')], [1, P('0.5e1')], [1, P('+.5')], [1, P('-.5')],
  [1, P('1e400')], [1, P('1.7976931348623157e308')], [1, P('1e-400')], [1, P('123456789012345678')], [1, P('0.000000001')],
];
const MEMORY: readonly (readonly [number, Value])[] = [
  [6, '64Mi'], [6, '128Mi'], [5, '256Mi'], [5, '1Gi'], [3, '512M'], [2, '1G'], [2, '1e9'], [2, P('1e9')], [2, P('134217728')],
  [2, '0.5Gi'], [2, '0.1Gi'], [1, '1.5'], [1, '100m'], [1, P('1024')], [1, '1Ki'], [1, P('010')], [1, '010'], [1, '0'],
  [1, '-1Mi'], [1, '1Ti'], [1, '1Pi'], [1, '1E'], [1, '1e-3'], [1, P('1e30')], [1, '1m'], [1, '128mi'], [1, '2Mi '],
  [1, P('1_048_576')], [1, P('0x100000')], [1, '1.5Gi'], [1, '999999999999999999999'], [1, P('3.5e8')],
  [1, P('0b1000000000')], [1, P('0400000000')], [1, P('1e400')], [1, P('9223372036854775807')], [1, P('9223372036854775808')],
  [1, P('18446744073709551616')], [1, '9223372036854775807k'], [1, P('2.5e+9')],
];
const HUGEPAGES_2MI: readonly (readonly [number, Value])[] = [[5, '2Mi'], [4, '4Mi'], [3, '10Mi'], [2, '1Mi'], [1, '0'], [1, '3Mi'], [1, P('2097152')], [1, '1Gi']];
const HUGEPAGES_1GI: readonly (readonly [number, Value])[] = [[4, '1Gi'], [2, '2Gi'], [1, '512Mi'], [1, '0']];
const EPHEMERAL: readonly (readonly [number, Value])[] = [[4, '1Gi'], [3, '500Mi'], [1, P('1e9')], [1, '0'], [1, '10G']];
const EXTENDED: readonly (readonly [number, Value])[] = [[6, '1'], [4, '2'], [3, P('1')], [1, '0'], [1, '500m'], [1, P('1.5')], [1, '1k'], [1, '-1']];

const RESOURCE_NAMES: readonly (readonly [number, string])[] = [
  [10, 'cpu'], [10, 'memory'], [2, 'ephemeral-storage'], [2, 'hugepages-2Mi'], [1, 'hugepages-1Gi'], [2, 'example.com/gpu'],
  [1, 'nvidia.com/gpu'], [1, 'storage'], [1, 'example.com/Bad_Name'], [1, 'cpus'], [1, 'requests.cpu'], [1, 'hugepages-3Mi'],
  [1, 'kubernetes.io/foo'],
];

// Spellings the API server rejects (or that fail decoding); a clean object uses none of them.
const REJECTED = new Set<string>(['-1', '-100m', '2 cores', '', '1.5.5', 'true', 'null', '0o10', 'm', '-1Mi', '128mi', '2Mi ', '500m', '1.5', '1e30', '99999999999999999999', '1e-3', '1e-30', '1n', '1u', '10u', '1Ei', '8Ei', '999999999999999999999', '0', '-0', '.5m', '5.m', '12345678901234567890m', '1e18', '9223372036854775807', '100m', '1Mi', '3Mi', '512Mi', '1m', '0.0001', '1.001', '1E', '-.5', '1e400', '1.7976931348623157e308', '1e-400', '123456789012345678', '0.000000001', '0400000000', '9223372036854775807', '9223372036854775808', '18446744073709551616', '9223372036854775807k', '0b1000000000']);

function spelling(v: Value): string {
  return v instanceof Plain ? v.text : String(v);
}

function pickQuantity(r: Rng, table: readonly (readonly [number, Value])[]): Value {
  if (!r.clean) return r.weighted(table);
  return r.weighted(table.filter(([, v]) => !REJECTED.has(spelling(v))));
}

// Clean requests/limits pairs that keep limit >= request.
const CLEAN_PAIRS: Record<string, readonly (readonly [Value, Value])[]> = {
  cpu: [['100m', '500m'], ['250m', '1'], [P('0.5'), P('1')], ['+1500m', '2'], ['1e2m', P('1e3')], [P('010'), '1e3'], ['0.1', P('0.5')], [P('.5'), '1']],
  memory: [['64Mi', '128Mi'], ['128Mi', '1Gi'], [P('134217728'), '256Mi'], ['0.1Gi', '1Gi'], [P('010'), '1Ki'], ['512M', P('1e9')], ['1e6', '1G']],
  'ephemeral-storage': [['500Mi', '1Gi'], [P('1e9'), '10G']],
};

function quantityFor(r: Rng, name: string): Value {
  if (name === 'cpu' || name === 'cpus' || name === 'requests.cpu') return pickQuantity(r, CPU);
  if (name === 'memory' || name === 'storage') return pickQuantity(r, MEMORY);
  if (name === 'ephemeral-storage') return pickQuantity(r, EPHEMERAL);
  if (name === 'hugepages-2Mi' || name === 'hugepages-3Mi') return pickQuantity(r, HUGEPAGES_2MI);
  if (name === 'hugepages-1Gi') return pickQuantity(r, HUGEPAGES_1GI);
  return pickQuantity(r, EXTENDED);
}

function resourceList(r: Rng, names: readonly string[]): Obj {
  const out: Obj = {};
  for (const n of names) out[n] = quantityFor(r, n);
  return out;
}

function someNames(r: Rng, max: number): string[] {
  const n = r.int(1, max);
  const out = new Set<string>();
  for (let i = 0; i < n; i++) out.add(r.weighted(RESOURCE_NAMES));
  return [...out];
}

/** Container resources: requests, limits or both; often equal (Guaranteed), sometimes limits below requests. */
function cleanResources(r: Rng): Obj {
  const shape = r.weighted([[4, 'both'], [3, 'requests'], [3, 'limits'], [3, 'equal'], [1, 'empty']] as const);
  if (shape === 'empty') return {};
  const names = r.weighted<string[]>([[5, ['cpu', 'memory']], [3, ['cpu']], [3, ['memory']], [1, ['cpu', 'memory', 'ephemeral-storage']], [1, ['memory', 'hugepages-2Mi']], [1, ['cpu', 'example.com/gpu']]]);
  const requests: Obj = {};
  const limits: Obj = {};
  for (const n of names) {
    const pairs = CLEAN_PAIRS[n];
    if (n === 'hugepages-2Mi' || n === 'example.com/gpu') {
      // Both need requests equal to limits (or limits only); hugepages need a cpu or memory limit or request.
      const q = n === 'hugepages-2Mi' ? r.pick(['2Mi', '4Mi', P('2097152')]) : r.pick(['1', P('2')]);
      limits[n] = q;
      if (shape !== 'limits' && r.chance(0.5)) requests[n] = q;
      continue;
    }
    const [lo, hi] = r.pick(pairs!);
    if (shape === 'equal') { requests[n] = lo; limits[n] = lo; }
    else if (shape === 'requests') requests[n] = lo;
    else if (shape === 'limits') limits[n] = hi;
    else { requests[n] = lo; limits[n] = hi; }
  }
  const out: Obj = {};
  if (Object.keys(requests).length) out.requests = requests;
  if (Object.keys(limits).length) out.limits = limits;
  return out;
}

function resources(r: Rng): Obj {
  if (r.clean) return cleanResources(r);
  const shape = r.weighted([[4, 'both'], [3, 'requests'], [3, 'limits'], [2, 'equal'], [1, 'empty']] as const);
  if (shape === 'empty') return r.chance(0.5) ? {} : { requests: {}, limits: {} };
  const names = r.chance(0.5) ? r.pick([['cpu'], ['memory'], ['cpu', 'memory']]) : someNames(r, 4);
  if (shape === 'equal') {
    const list = resourceList(r, names);
    return { requests: list, limits: { ...list } };
  }
  const out: Obj = {};
  if (shape !== 'limits') out.requests = resourceList(r, names);
  if (shape !== 'requests') out.limits = resourceList(r, r.chance(0.7) ? names : someNames(r, 3));
  return out;
}

function probeHandler(r: Rng): Obj {
  return r.weighted<Obj>([
    [4, { httpGet: { path: '/healthz', port: r.pick<Value>([8080, 'http', 0, 70000, 'Bad_Port']) } }],
    [3, { tcpSocket: { port: r.pick<Value>([8080, 'http', 443]) } }],
    [2, { exec: { command: ['true'] } }],
    [1, { grpc: { port: r.pick<Value>([9090, 0]) } }],
    [1, {}],
    [1, { exec: { command: ['true'] }, tcpSocket: { port: 80 } }],
  ]);
}

function probe(r: Rng, liveness: boolean): Obj {
  if (r.clean) {
    const p: Obj = r.pick<Obj>([{ httpGet: { path: '/healthz', port: 8080 } }, { tcpSocket: { port: 8080 } }, { exec: { command: ['true'] } }, { grpc: { port: 9090 } }]);
    if (r.chance(0.4)) p.initialDelaySeconds = r.pick([0, 5, 30]);
    if (r.chance(0.4)) p.periodSeconds = r.pick([1, 5, 10]);
    if (r.chance(0.3)) p.timeoutSeconds = r.pick([1, 3]);
    if (r.chance(0.3)) p.failureThreshold = r.pick([1, 3, 10]);
    if (!liveness && r.chance(0.3)) p.successThreshold = r.pick([1, 2]);
    if (liveness && r.chance(0.15)) p.terminationGracePeriodSeconds = r.pick([1, 10]);
    return p;
  }
  const p: Obj = probeHandler(r);
  if (r.chance(0.4)) p.initialDelaySeconds = r.pick([0, 5, -1]);
  if (r.chance(0.4)) p.periodSeconds = r.pick([1, 10, 0, -5]);
  if (r.chance(0.3)) p.timeoutSeconds = r.pick([1, 3, 0]);
  if (r.chance(0.3)) p.failureThreshold = r.pick([1, 3, 0]);
  if (r.chance(0.3)) p.successThreshold = liveness ? r.pick([1, 2]) : r.pick([1, 3, 0]);
  if (r.chance(0.15)) p.terminationGracePeriodSeconds = r.pick([0, 10, -1]);
  return p;
}

function hook(r: Rng): Obj {
  if (r.clean) return r.pick<Obj>([{ exec: { command: ['sh', '-c', 'sleep 1'] } }, { httpGet: { path: '/stop', port: 8080 } }, { sleep: { seconds: 5 } }]);
  return r.weighted<Obj>([
    [3, { exec: { command: ['sh', '-c', 'sleep 1'] } }],
    [2, { httpGet: { path: '/stop', port: 8080 } }],
    [2, { sleep: { seconds: r.pick([5, 0, -1]) } }],
    [1, { tcpSocket: { port: 8080 } }],
    [1, {}],
  ]);
}

type Role = 'app' | 'init' | 'ephemeral';

function container(r: Rng, name: string, role: Role): Obj {
  const c: Obj = { name };
  if (r.clean || !r.chance(0.02)) c.image = r.weighted([[8, 'registry.k8s.io/pause:3.10'], [1, 'nginx'], [1, 'busybox:1.36']]);
  if (role === 'init') {
    const rp = r.clean ? r.pick([undefined, 'Always']) : r.weighted<string | undefined>([[8, undefined], [8, 'Always'], [1, 'OnFailure'], [1, 'Never'], [1, ''], [1, 'Sometimes']]);
    if (rp !== undefined) c.restartPolicy = rp;
  } else if (!r.clean && r.chance(0.04)) {
    c.restartPolicy = r.pick(['Always', 'Never', 'OnFailure', 'Sometimes']);
  }
  if (r.chance(0.75)) c.resources = resources(r);
  if (r.chance(0.15)) c.livenessProbe = probe(r, true);
  if (r.chance(0.15)) c.readinessProbe = probe(r, false);
  if (r.chance(0.1)) c.startupProbe = probe(r, true);
  if (r.chance(0.12)) {
    const lc: Obj = {};
    if (r.chance(0.6)) lc.postStart = hook(r);
    if (r.chance(0.7)) lc.preStop = hook(r);
    c.lifecycle = lc;
  }
  if (r.clean && r.chance(0.2)) c.ports = [{ containerPort: 8080, name: `p-${name}`.slice(0, 15), protocol: r.pick(['TCP', 'UDP']) }];
  else if (!r.clean && r.chance(0.2)) {
    const ports: Value[] = [];
    for (let i = r.int(1, 2); i > 0; i--) {
      const p: Obj = { containerPort: r.weighted<Value>([[8, 8080], [2, 80], [1, 0], [1, 65536], [1, P('"8080"')]]) };
      if (r.chance(0.4)) p.name = r.weighted([[5, 'http'], [1, 'this-port-name-is-too-long'], [1, 'Http'], [1, '8080']]);
      if (r.chance(0.3)) p.protocol = r.weighted([[4, 'TCP'], [2, 'UDP'], [1, 'SCTP'], [1, 'tcp']]);
      if (r.chance(0.1)) p.hostPort = r.pick([8080, 0, 70000]);
      ports.push(p);
    }
    c.ports = ports;
  }
  return c;
}

function names(r: Rng, prefix: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const roll = r.clean ? 1 : r.next();
    if (roll < 0.03 && out.length) out.push(out[0]!); // duplicate
    else if (roll < 0.05) out.push(r.pick(['Bad_Name', 'a'.repeat(64), '']));
    else out.push(`${prefix}${i}`);
  }
  return out;
}

function podSpec(r: Rng, kind: string): Obj {
  const spec: Obj = {};
  const nInit = r.weighted([[5, 0], [4, 1], [3, 2], [1, 3]] as const);
  if (nInit > 0) spec.initContainers = names(r, 'init-', nInit).map((n) => container(r, n, 'init'));
  const nApp = r.clean ? r.weighted([[10, 1], [6, 2], [2, 3]] as const) : r.weighted([[1, 0], [10, 1], [6, 2], [2, 3]] as const);
  if (nApp > 0 || r.chance(0.5)) spec.containers = names(r, 'app-', nApp).map((n) => container(r, n, 'app'));
  const rp = r.clean
    ? (kind === 'Job' || kind === 'CronJob' ? r.pick(['Never', 'OnFailure']) : kind === 'Pod' ? r.pick([undefined, 'Always', 'OnFailure', 'Never']) : r.pick([undefined, 'Always']))
    : r.weighted<string | undefined>(kind === 'Job' || kind === 'CronJob'
      ? [[6, 'Never'], [6, 'OnFailure'], [1, undefined], [1, 'Always']]
      : kind === 'Pod' ? [[6, undefined], [3, 'Always'], [2, 'OnFailure'], [2, 'Never'], [1, 'Sometimes']]
      : [[10, undefined], [3, 'Always'], [1, 'Never']]);
  if (rp !== undefined) spec.restartPolicy = rp;
  if (r.clean && r.chance(0.2)) {
    // Pod-level resources: supported names, limits at or above requests.
    const pr: Obj = {};
    const ns = r.pick([['cpu', 'memory'], ['cpu'], ['memory']]);
    const shape = r.pick(['requests', 'limits', 'both']);
    if (shape !== 'limits') pr.requests = Object.fromEntries(ns.map((n) => [n, r.pick(CLEAN_PAIRS[n]!)[0]]));
    if (shape !== 'requests') pr.limits = Object.fromEntries(ns.map((n) => [n, r.pick(CLEAN_PAIRS[n]!)[1]]));
    spec.resources = pr;
  } else if (!r.clean && r.chance(0.2)) {
    const pr: Obj = {};
    const pick = () => r.weighted<string[]>([[6, ['cpu', 'memory']], [3, ['cpu']], [3, ['memory']], [1, ['hugepages-2Mi', 'memory']], [1, ['ephemeral-storage']], [1, ['example.com/gpu']]]);
    if (r.chance(0.7)) pr.requests = resourceList(r, pick());
    if (r.chance(0.6)) pr.limits = resourceList(r, pick());
    spec.resources = pr;
  }
  if (!r.clean && r.chance(0.02)) spec.ephemeralContainers = [{ name: 'debug', image: 'busybox:1.36', targetContainerName: 'app-0' }];
  if (r.chance(0.08)) spec.overhead = resourceList(r, r.pick([['cpu'], ['memory'], ['cpu', 'memory']]));
  if (r.chance(0.15)) spec.terminationGracePeriodSeconds = r.clean ? r.pick([0, 5, 30, 120]) : r.pick([0, 5, 30, 120, -1]);
  if (r.chance(0.04)) spec.activeDeadlineSeconds = r.clean ? 60 : r.pick([0, 60, -5]);
  return spec;
}

const KINDS: readonly (readonly [number, string])[] = [
  [8, 'Pod'], [3, 'Deployment'], [2, 'StatefulSet'], [2, 'DaemonSet'], [1, 'ReplicaSet'], [1, 'ReplicationController'],
  [2, 'Job'], [2, 'CronJob'], [1, 'PodTemplate'],
];

function template(r: Rng, kind: string, name: string): Obj {
  const labels = { app: name };
  return { metadata: { labels }, spec: podSpec(r, kind) };
}

function selector(r: Rng, name: string): Obj {
  return { matchLabels: { app: !r.clean && r.chance(0.03) ? `${name}-other` : name } };
}

/** Object number `index` of `seed`. */
export function generateObject(seed: number, index: number): Obj {
  const r = new Rng(seedFor(seed, index));
  r.clean = r.chance(0.55);
  const kind = r.weighted(KINDS);
  const name = `obj-${index}`;
  const metadata = { name };
  switch (kind) {
    case 'Pod':
      return { apiVersion: 'v1', kind, metadata, spec: podSpec(r, kind) };
    case 'PodTemplate':
      return { apiVersion: 'v1', kind, metadata, template: template(r, kind, name) };
    case 'ReplicationController':
      return { apiVersion: 'v1', kind, metadata, spec: { replicas: 1, selector: { app: name }, template: template(r, kind, name) } };
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
      return { apiVersion: 'apps/v1', kind, metadata, spec: { selector: selector(r, name), template: template(r, kind, name) } };
    case 'StatefulSet':
      return { apiVersion: 'apps/v1', kind, metadata, spec: { serviceName: name, selector: selector(r, name), template: template(r, kind, name) } };
    case 'Job':
      return { apiVersion: 'batch/v1', kind, metadata, spec: { template: template(r, kind, name) } };
    default:
      return { apiVersion: 'batch/v1', kind: 'CronJob', metadata, spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: template(r, kind, name) } } } };
  }
}
