/**
 * The invariants of issue 8 as fast-check properties, shared by the CI test (properties.test.ts, a
 * short seeded run) and `npm run fuzz` (scripts/fuzz.ts, a long run). Failures print fast-check's
 * `{ seed, path }` to replay with FUZZ_SEED / FUZZ_PATH.
 *
 * Expected values are recomputed here from the generated data, independently of server/src/analysis,
 * from the Kubernetes definitions:
 * - effective requests/limits: k8s.io/component-helpers/resource PodRequests/PodLimits
 *   https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#resource-sharing-within-containers
 * - QoS: pkg/apis/core/v1/helper/qos GetPodQOS https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/
 */
import fc from 'fast-check';
import { addQuantities, compareQuantities, formatQuantity, parseQuantity } from '../../../server/src/model/quantity';
import type { Quantity } from '../../../server/src/model/quantity';
import { createPodService } from '../../../server/src/service/index';
import type { PodService } from '../../../server/src/service/index';
import type { PodSummary } from '../../../server/src/protocol/analysis';
import { genPod, manifest, mutate, mutation, render, STYLES } from './arbitraries';
import type { GenContainer, GenPod, Res, Style } from './arbitraries';
import { exercise, lineLengths } from './exercise';

export interface FuzzParams { numRuns: number; seed?: number; path?: string; endOnFailure?: boolean; includeErrorInReport: boolean }

/** FUZZ_RUNS / FUZZ_SEED / FUZZ_PATH from the environment; a fixed seed by default so CI is reproducible. */
export function fuzzParams(defaultRuns: number, defaultSeed: number | undefined = 20240808): FuzzParams {
  const env = process.env;
  const runs = Number(env['FUZZ_RUNS']);
  const seedText = env['FUZZ_SEED'];
  const seed = seedText === 'random' ? undefined : seedText !== undefined && seedText !== '' ? Number(seedText) : defaultSeed;
  return {
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns,
    includeErrorInReport: true,
    ...(seed !== undefined && Number.isFinite(seed) ? { seed } : {}),
    ...(env['FUZZ_PATH'] ? { path: env['FUZZ_PATH'] } : {}),
  };
}

/** A service that records faults; any fault fails the property (rules and model must be total). */
class Harness {
  readonly faults: string[] = [];
  readonly service: PodService = createPodService({ log: (m) => this.faults.push(m) });
  private n = 0;
  uri(): string { return `fuzz:///doc-${this.n++}.yaml`; }
  check(): void {
    if (this.faults.length) {
      const f = this.faults.splice(0).map((x) => x.split('\n').slice(0, 4).join('\n'));
      throw new Error(`analysis faults:\n${f.join('\n')}`);
    }
  }
}

type Which = 'requests' | 'limits';
const RESOURCES = ['cpu', 'memory', 'ephemeral-storage'] as const;

function q(v: string | number | undefined): Quantity | undefined {
  return v === undefined ? undefined : parseQuantity(String(v));
}

/** A container's list after API defaulting: a missing request takes the limit. */
function list(c: GenContainer, which: Which): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  const req: Res = c.resources?.requests ?? {};
  const lim: Res = c.resources?.limits ?? {};
  for (const r of RESOURCES) {
    const v = which === 'limits' ? q(lim[r]) : q(req[r]) ?? q(lim[r]);
    if (v) out.set(r, v);
  }
  return out;
}

const isSidecar = (p: GenPod, c: GenContainer) => c.restartPolicy === 'Always' && Number(p.version.split('.')[1]) >= 29;

function add(into: Map<string, Quantity>, from: ReadonlyMap<string, Quantity>): void {
  for (const [k, v] of from) { const cur = into.get(k); into.set(k, cur ? addQuantities(cur, v) : v); }
}
function max(into: Map<string, Quantity>, from: ReadonlyMap<string, Quantity>): void {
  for (const [k, v] of from) { const cur = into.get(k); if (!cur || compareQuantities(v, cur) > 0) into.set(k, v); }
}

/** PodRequests / PodLimits (no pod-level resources, no overhead: the generator writes neither). */
export function expectedEffective(p: GenPod, which: Which): Map<string, Quantity> {
  const steady = new Map<string, Quantity>();
  for (const c of p.apps) add(steady, list(c, which));
  const sidecars = new Map<string, Quantity>();
  const initPeak = new Map<string, Quantity>();
  for (const c of p.init) {
    const own = list(c, which);
    if (isSidecar(p, c)) {
      add(steady, own);
      add(sidecars, own);
      max(initPeak, sidecars);
    } else {
      const during = new Map(own);
      add(during, sidecars);
      max(initPeak, during);
    }
  }
  max(steady, initPeak);
  return steady;
}

/** GetPodQOS: cpu/memory, positive quantities only, summed over app and init containers. */
export function expectedQos(p: GenPod): PodSummary['qosClass'] {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const zero = parseQuantity('0')!;
  for (const c of [...p.apps, ...p.init]) {
    const found = new Set<string>();
    for (const [which, into] of [['requests', requests], ['limits', limits]] as const) {
      for (const [k, v] of list(c, which)) {
        if ((k !== 'cpu' && k !== 'memory') || compareQuantities(v, zero) <= 0) continue;
        add(into, new Map([[k, v]]));
        if (which === 'limits') found.add(k);
      }
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) for (const [k, v] of requests) { const l = limits.get(k); if (!l || compareQuantities(l, v) !== 0) guaranteed = false; }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

function fail(msg: string, ctx: unknown): never {
  throw new Error(`${msg}\n${JSON.stringify(ctx, null, 1).slice(0, 4000)}`);
}

function sameQuantities(actual: Record<string, string>, expected: Map<string, Quantity>, what: string, ctx: unknown): void {
  for (const r of RESOURCES) {
    const a = q(actual[r]);
    const e = expected.get(r);
    const aZero = !a || a.mantissa === 0n;
    const eZero = !e || e.mantissa === 0n;
    if (aZero && eZero) continue;
    if (!a || !e || compareQuantities(a, e) !== 0) fail(`${what} ${r}: got ${actual[r]}, expected ${e ? formatQuantity(e) : 'none'}`, ctx);
  }
}

/** Analyses a generated pod rendered in `style`: no fault, exact effective resources and QoS. */
function checkPod(h: Harness, p: GenPod, style: Style, seed = 1): { pods: PodSummary[]; codes: string[] } {
  const text = render(manifest(p), style, seed);
  const doc = { uri: h.uri(), version: 1, text };
  const settings = { kubernetesVersion: p.version };
  const ex = exercise(h.service, doc, settings, { positions: false });
  h.service.close(doc.uri);
  h.check();
  const ctx = { style, pod: p, text };
  if (ex.result.pods.length !== 1) fail(`expected 1 pod, got ${ex.result.pods.length}`, { ...ctx, diagnostics: ex.diagnostics });
  const s = ex.result.pods[0]!;
  // The stated invariants, then the exact definitions.
  for (const r of RESOURCES) {
    const eff = q(s.requests[r]) ?? parseQuantity('0')!;
    for (const c of p.init) { const v = list(c, 'requests').get(r); if (v && compareQuantities(eff, v) < 0) fail(`effective ${r} request ${s.requests[r]} below init container ${c.name}`, ctx); }
    const apps = new Map<string, Quantity>();
    for (const c of p.apps) add(apps, list(c, 'requests'));
    const sum = apps.get(r);
    if (sum && compareQuantities(eff, sum) < 0) fail(`effective ${r} request ${s.requests[r]} below the sum of app containers`, ctx);
  }
  sameQuantities(s.requests, expectedEffective(p, 'requests'), 'requests', ctx);
  sameQuantities(s.limits, expectedEffective(p, 'limits'), 'limits', ctx);
  const qos = expectedQos(p);
  if (s.qosClass !== qos) fail(`QoS ${s.qosClass}, expected ${qos} (${s.qosReason})`, ctx);
  return { pods: [...ex.result.pods], codes: [...new Set(ex.diagnostics.map((d) => d.code))].sort() };
}

/** Key order of a resource list follows the YAML and is not part of the analysis. */
const sorted = (m: Record<string, string>) => Object.keys(m).sort().map((k) => `${k}=${m[k]}`).join(',');
const signature = (r: { pods: PodSummary[]; codes: string[] }) =>
  JSON.stringify({ pods: r.pods.map((p) => [p.kind, p.name, p.qosClass, sorted(p.requests), sorted(p.limits), p.containers.map((c) => [c.name, c.role, sorted(c.requests), sorted(c.limits)])]), codes: r.codes });

export interface NamedProperty { readonly name: string; readonly property: fc.IProperty<never> }

export function properties(): NamedProperty[] {
  const h = new Harness();
  const prop = <T>(name: string, arb: fc.Arbitrary<T>, fn: (v: T) => void): NamedProperty =>
    ({ name, property: fc.property(arb, fn) as unknown as fc.IProperty<never> });
  return [
    prop('generated pods: no fault, effective requests/limits and QoS match their definitions', genPod, (p) => { checkPod(h, p, 'block'); }),
    prop('reformatting (flow, JSON, indentation, key order, comments) never changes the analysis',
      fc.tuple(genPod, fc.constantFrom(...STYLES.filter((s) => s !== 'block')), fc.integer({ min: 1, max: 2 ** 30 })),
      ([p, style, seed]) => {
        const a = signature(checkPod(h, p, 'block'));
        const b = signature(checkPod(h, p, style, seed));
        if (a !== b) fail(`analysis differs between block and ${style}`, { a: JSON.parse(a), b: JSON.parse(b) });
      }),
    prop('mutated YAML: nothing throws, every range lies inside the document',
      fc.tuple(genPod, fc.constantFrom<Style>('block', 'flow', 'comments'), fc.array(mutation, { minLength: 1, maxLength: 8 })),
      ([p, style, ms]) => {
        let text = render(manifest(p), style);
        for (const m of ms) text = mutate(text, m);
        const doc = { uri: h.uri(), version: 1, text };
        exercise(h.service, doc, { kubernetesVersion: p.version }, { positions: true });
        h.service.close(doc.uri);
        h.check();
      }),
    prop('incremental edits of one document give the same result as a fresh analysis (chunk cache)',
      fc.tuple(fc.array(genPod, { minLength: 1, maxLength: 3 }), fc.array(mutation, { minLength: 1, maxLength: 10 })),
      ([ps, ms]) => {
        let text = ps.map((p) => render(manifest(p), 'block')).join('---\n');
        const uri = h.uri();
        let version = 1;
        for (const m of ms) {
          text = mutate(text, m);
          const doc = { uri, version: ++version, text };
          const incremental = { d: h.service.diagnostics(doc), a: h.service.analysis(doc) };
          const fresh = createPodService({ log: (x) => h.faults.push(x) });
          const once = { d: fresh.diagnostics(doc), a: fresh.analysis(doc) };
          if (JSON.stringify(incremental) !== JSON.stringify(once)) fail('incremental analysis differs from a fresh one', { text });
          for (const d of incremental.d) {
            const lines = lineLengths(text);
            if (d.range.end.line >= lines.length) fail('range past the end', { d, text });
          }
        }
        h.service.close(uri);
        if (h.service.cacheSize() !== 0) fail(`cache holds ${h.service.cacheSize()} documents after close`, {});
        h.check();
      }),
  ];
}
