/**
 * LimitRange cases for the conformance run: each case is a namespace of its own with one or two
 * LimitRanges (Container and Pod items: min, max, default, defaultRequest, maxLimitRequestRatio, written
 * in orders the LimitRange validation accepts) and one pod or Deployment. The reference runs the real
 * LimitRanger plugin on the pod (conformance/reference/limitranger.go); Pod Lens's side is its pure
 * analysis (analysis/admission/, analyzePod) on the same text. Compared: the pod's effective requests and
 * limits and QoS class after admission, the `kubernetes.io/limit-ranger` annotation, every LimitRange's
 * validation errors (as a multiset: Go iterates maps at random) and the validation errors the mutated pod
 * gets (a default limit below a written request).
 */
import { Rng } from './generate';
import { Plain, toYaml } from './yaml';
import type { Obj, Value } from './yaml';
import { parseFile } from '../../server/src/model/parse';
import { findPods } from '../../server/src/model/podModel';
import { parseKubeVersion } from '../../server/src/model/version';
import { readLimitRange } from '../../server/src/analysis/admission/limitRangeModel';
import type { LimitRangeModel } from '../../server/src/analysis/admission/limitRangeModel';
import { admittedLimitErrors } from '../../server/src/analysis/admission/admittedLimits';
import { analyzePod } from '../../server/src/analysis/podAnalysis';
import { quantityList } from '../../server/src/service/summary';

const P = (t: string) => new Plain(t);

/** Increasing values; each rung lists spellings of one amount. */
const LADDERS: Record<string, readonly (readonly Value[])[]> = {
  cpu: [['10m'], ['50m', '0.05'], ['100m', '0.1', P('0.1')], ['250m'], ['500m', P('0.5'), '0.5'], ['1', P('1'), '1000m'], ['1500m', '1.5'], ['2', P('2')], ['4']],
  memory: [['16Mi'], ['64Mi', '67108864'], ['100M'], ['128Mi', P('134217728')], ['256Mi'], ['512Mi', '0.5Gi'], ['1Gi', '1024Mi'], ['2Gi'], ['4G']],
  'ephemeral-storage': [['100Mi'], ['1Gi'], ['10G']],
};
const RATIOS: readonly Value[] = ['1', '1.5', '2', P('2'), '4', P('3'), '1.2', '10'];

function pickResources(r: Rng, p: number): string[] {
  return Object.keys(LADDERS).filter((k) => r.chance(k === 'ephemeral-storage' ? p / 3 : p));
}

function spell(r: Rng, name: string, rung: number): Value {
  return r.pick(LADDERS[name]![rung]!);
}

/** Rungs i <= j <= ... (sorted), `n` of them. */
function rungs(r: Rng, name: string, n: number): number[] {
  const top = LADDERS[name]!.length - 1;
  return Array.from({ length: n }, () => r.int(0, top)).sort((a, b) => a - b);
}

function limitItem(r: Rng, type: 'Container' | 'Pod'): Obj {
  const item: Obj = { type };
  const lists: Record<string, Obj> = { min: {}, defaultRequest: {}, default: {}, max: {}, maxLimitRequestRatio: {} };
  for (const name of pickResources(r, 0.6)) {
    const [a, b, c, d] = rungs(r, name, 4) as [number, number, number, number];
    const hasMin = r.chance(0.4), hasMax = r.chance(0.4);
    if (hasMin) lists.min![name] = spell(r, name, a);
    if (type === 'Container') {
      if (r.chance(0.5)) lists.defaultRequest![name] = spell(r, name, hasMin ? b : r.int(0, b));
      if (r.chance(0.5)) lists.default![name] = spell(r, name, c);
    }
    if (hasMax) lists.max![name] = spell(r, name, d);
    if (r.chance(0.3) && !(hasMin && hasMax)) lists.maxLimitRequestRatio![name] = r.pick(RATIOS);
  }
  // Keep defaultRequest <= default when both are written: the ladder order above guarantees b <= c.
  for (const [k, v] of Object.entries(lists)) if (Object.keys(v).length > 0) item[k] = v;
  return item;
}

function limitRange(r: Rng, name: string, ns: string): Obj {
  const limits: Value[] = [];
  if (r.chance(0.85)) limits.push(limitItem(r, 'Container'));
  if (r.chance(0.35)) limits.push(limitItem(r, 'Pod'));
  if (limits.length === 0) limits.push(limitItem(r, 'Container'));
  return { apiVersion: 'v1', kind: 'LimitRange', metadata: { name, namespace: ns }, spec: { limits } };
}

function containerResources(r: Rng): Obj | undefined {
  const requests: Obj = {}, limits: Obj = {};
  for (const name of pickResources(r, 0.5)) {
    const [a, b] = rungs(r, name, 2) as [number, number];
    const which = r.int(0, 2);
    if (which !== 1) requests[name] = spell(r, name, a);
    if (which !== 0) limits[name] = spell(r, name, b);
  }
  const out: Obj = {};
  if (Object.keys(requests).length) out.requests = requests;
  if (Object.keys(limits).length) out.limits = limits;
  return Object.keys(out).length ? out : undefined;
}

function container(r: Rng, name: string, sidecar: boolean): Obj {
  const c: Obj = { name, image: 'registry.example/app:1' };
  if (sidecar) c.restartPolicy = 'Always';
  const res = r.chance(0.8) ? containerResources(r) : undefined;
  if (res) c.resources = res;
  return c;
}

function podSpec(r: Rng): Obj {
  const spec: Obj = {};
  const inits = r.int(0, 2);
  if (inits) spec.initContainers = Array.from({ length: inits }, (_, i) => container(r, `init-${i}`, r.chance(0.4)));
  spec.containers = Array.from({ length: r.int(1, 3) }, (_, i) => container(r, `app-${i}`, false));
  if (r.chance(0.12)) spec.resources = { requests: { cpu: '8', memory: '16Gi' }, limits: { cpu: '16', memory: '32Gi' } };
  return spec;
}

/** Case i of a seed: its documents (LimitRanges first, then the workload). */
export function limitRangeCase(seed: number, i: number): Obj[] {
  const r = new Rng((seed * 7919 + i * 104729 + 17) >>> 0);
  const ns = `lr-${i}`;
  const docs: Obj[] = [limitRange(r, 'limits', ns)];
  if (r.chance(0.25)) docs.push(limitRange(r, 'more-limits', ns));
  const spec = podSpec(r);
  if (r.chance(0.7)) docs.push({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: ns }, spec });
  else {
    docs.push({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: ns },
      spec: { replicas: 2, selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec } },
    });
  }
  return docs;
}

// ---- what each side says ----------------------------------------------------------------------

export interface LimitRangeOutcome {
  /** A LimitRange the reference rejected (the generator's mistake, reported, never compared). */
  limitRangeRejected?: string;
  qosClass: string;
  requests: Record<string, string>;
  limits: Record<string, string>;
  annotation: string;
  /** Per LimitRange, its validation messages, sorted. */
  violations: string[][];
  /** The mutated pod's validation errors (kubectl's `field: message` lines), sorted. */
  podErrors: string[];
}

interface RefError { message: string }
export interface RefLine {
  kind?: string; decodeError?: string; errors: RefError[];
  pod?: { qosClass: string; requests: Record<string, string>; limits: Record<string, string>; errors?: RefError[]; limitRanger?: { annotation?: string; errors: string[][] } };
}

/** The reference's lines for one case's documents. */
export function referenceOutcome(lines: readonly RefLine[]): LimitRangeOutcome {
  const rejected = lines.find((l) => l.kind === 'LimitRange' && (l.decodeError || l.errors.length));
  const podLine = lines[lines.length - 1]!;
  const pod = podLine.pod;
  const podErrors = (podLine.kind === 'Pod' ? podLine.errors : pod?.errors ?? []).map((e) => e.message).sort();
  return {
    ...(rejected ? { limitRangeRejected: rejected.decodeError ?? rejected.errors.map((e) => e.message).join('; ') } : {}),
    qosClass: pod?.qosClass ?? '', requests: pod?.requests ?? {}, limits: pod?.limits ?? {},
    annotation: pod?.limitRanger?.annotation ?? '',
    violations: (pod?.limitRanger?.errors ?? []).map((g) => [...g].sort()),
    podErrors: podLine.decodeError ? [`decode: ${podLine.decodeError}`] : podErrors,
  };
}

/** Pod Lens's pure analysis of one case's text. */
export function podLensOutcome(text: string, version: string): LimitRangeOutcome {
  const v = parseKubeVersion(version)!;
  const parsed = parseFile(text);
  const ranges: LimitRangeModel[] = [];
  for (const d of parsed.documents) {
    const lr = readLimitRange(d.root);
    if (lr) ranges.push(lr);
  }
  const pod = findPods(parsed.documents, { version: v })[0];
  if (!pod) return { qosClass: '', requests: {}, limits: {}, annotation: '', violations: [], podErrors: ['no pod'] };
  const a = analyzePod(pod, v, ranges);
  return {
    qosClass: a.qos.qosClass,
    requests: quantityList(a.effective.requests.total),
    limits: quantityList(a.effective.limits.total),
    annotation: a.limitRanger?.mutation.annotation ?? '',
    violations: (a.limitRanger?.violations ?? []).map((g) => g.map((x) => x.message).sort()),
    podErrors: admittedLimitErrors(a).map((e) => e.apiMessage).sort(),
  };
}

export interface LimitRangeDifference { what: string; reference: string; podLens: string }

export function compareOutcomes(ref: LimitRangeOutcome, pl: LimitRangeOutcome): LimitRangeDifference[] {
  const out: LimitRangeDifference[] = [];
  const same = (what: string, a: unknown, b: unknown): void => {
    const x = JSON.stringify(a), y = JSON.stringify(b);
    if (x !== y) out.push({ what, reference: x, podLens: y });
  };
  same('qosClass', ref.qosClass, pl.qosClass);
  same('requests', ref.requests, pl.requests);
  same('limits', ref.limits, pl.limits);
  same('annotation', ref.annotation, pl.annotation);
  same('violations', ref.violations, pl.violations);
  same('pod errors', ref.podErrors, pl.podErrors);
  return out;
}

export function caseYaml(docs: readonly Obj[]): string[] {
  return docs.map((d) => toYaml(d));
}
