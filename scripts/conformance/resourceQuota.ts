/**
 * ResourceQuota cases for the conformance run: each case is a namespace of its own with, sometimes, a
 * LimitRange that fills in requests, one or two ResourceQuotas (scopes, a scopeSelector on PriorityClass,
 * hard lists of compute, object-count, hugepages, extended and device-class names, a starting status.used
 * in the annotation the reference reads) and one to four pods (Pods or Deployments) created in file order.
 * The reference runs Kubernetes' pod evaluator and the quota admission plugin's CheckRequest on each pod
 * (conformance/reference/quota.go); Pod Lens's side is its pure analysis (analysis/admission/
 * podQuotaEvaluator.ts, quotaAdmission.ts) on the same text. Compared per pod: the usage, each quota's
 * Matches / MatchingResources / Constraints, the admission decision (the plugin's message) and every
 * quota's status.used after it.
 */
import { Rng } from './generate';
import { Plain, toYaml } from './yaml';
import type { Obj, Value } from './yaml';
import { parseFile } from '../../server/src/model/parse';
import { findPods } from '../../server/src/model/podModel';
import { parseKubeVersion } from '../../server/src/model/version';
import { formatQuantity, parseQuantity } from '../../server/src/model/quantity';
import type { Quantity } from '../../server/src/model/quantity';
import { get, str } from '../../server/src/model/tree';
import { readLimitRange } from '../../server/src/analysis/admission/limitRangeModel';
import type { LimitRangeModel } from '../../server/src/analysis/admission/limitRangeModel';
import { readResourceQuota } from '../../server/src/analysis/admission/resourceQuotaModel';
import { matchingResources, podQuotaUsage, podScopeFacts, quotaConstraints, quotaMatchesPod } from '../../server/src/analysis/admission/podQuotaEvaluator';
import { checkPodCreate } from '../../server/src/analysis/admission/quotaAdmission';
import type { QuotaState } from '../../server/src/analysis/admission/quotaAdmission';
import { analyzePod } from '../../server/src/analysis/podAnalysis';

const P = (t: string) => new Plain(t);
export const USED_ANNOTATION = 'conformance.pod-lens.dev/used';

const CPU: readonly Value[] = ['100m', '250m', '0.5', P('1'), '1500m', '2', '0', '10m', '1.5'];
const MEMORY: readonly Value[] = ['64Mi', '128Mi', '256Mi', '0.5Gi', '1Gi', '100M', P('134217728'), '0'];
const EPHEMERAL: readonly Value[] = ['100Mi', '1Gi'];
const COUNT: readonly Value[] = [P('0'), P('1'), P('2'), '3', P('5'), '10'];
const QUOTA_CPU: readonly Value[] = ['0', '200m', '500m', '1', '1500m', '2', '4', P('3')];
const QUOTA_MEMORY: readonly Value[] = ['0', '128Mi', '256Mi', '512Mi', '1Gi', '2Gi', '1G'];

/** Names a scoped quota may limit (IsResourceQuotaScopeValidForResource; names with '/' are never checked). */
const SCOPED_COMPUTE = ['pods', 'cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];
const SLASHED = ['count/pods', 'requests.example.com/gpu', 'requests.deviceclass.resource.kubernetes.io/gpu-class', 'count/deployments.apps'];
const UNSCOPED = [...SCOPED_COMPUTE, ...SLASHED, 'ephemeral-storage', 'requests.ephemeral-storage', 'limits.ephemeral-storage',
  'hugepages-2Mi', 'requests.hugepages-2Mi', 'services', 'configmaps'];

function quotaValue(r: Rng, name: string): Value {
  if (name.includes('cpu')) return r.pick(QUOTA_CPU);
  if (name.includes('memory') || name.includes('hugepages') || name.includes('ephemeral')) return r.pick(QUOTA_MEMORY);
  return r.pick(COUNT);
}

function usedValue(r: Rng, name: string): string {
  if (name.includes('cpu')) return r.pick(['0', '100m', '1', '1500m', '3']);
  if (name.includes('memory') || name.includes('hugepages') || name.includes('ephemeral')) return r.pick(['0', '128Mi', '1Gi', '500M']);
  return r.pick(['0', '1', '2', '4']);
}

function scopeSpec(r: Rng): { spec: Obj; names: readonly string[] } {
  const kind = r.int(0, 5);
  if (kind <= 1) return { spec: {}, names: UNSCOPED };
  if (kind === 2) {
    const scope = r.pick(['Terminating', 'NotTerminating', 'NotBestEffort', 'BestEffort', 'CrossNamespacePodAffinity']);
    const scopes: Value[] = [scope];
    if (scope !== 'BestEffort' && scope !== 'NotBestEffort' && r.chance(0.3)) scopes.push('NotBestEffort');
    return { spec: { scopes }, names: scopes.includes('BestEffort') ? ['pods', ...SLASHED] : [...SCOPED_COMPUTE, ...SLASHED] };
  }
  const op = r.pick(['In', 'NotIn', 'Exists', 'DoesNotExist']);
  const expr: Obj = { scopeName: 'PriorityClass', operator: op };
  if (op === 'In' || op === 'NotIn') expr.values = r.chance(0.5) ? ['high'] : ['high', 'low'];
  const exprs: Value[] = [expr];
  if (kind === 4) exprs.push({ scopeName: r.pick(['NotTerminating', 'BestEffort', 'NotBestEffort']), operator: 'Exists' });
  const best = exprs.some((e) => (e as Obj).scopeName === 'BestEffort');
  return { spec: { scopeSelector: { matchExpressions: exprs } }, names: best ? ['pods', ...SLASHED] : [...SCOPED_COMPUTE, ...SLASHED] };
}

function resourceQuota(r: Rng, name: string, ns: string): Obj {
  const { spec, names } = scopeSpec(r);
  const hard: Obj = {};
  const n = r.int(1, 4);
  for (let i = 0; i < n; i++) {
    const res = r.pick(names);
    hard[res] = quotaValue(r, res);
  }
  const metadata: Obj = { name, namespace: ns };
  if (r.chance(0.35)) {
    const used = Object.keys(hard).filter(() => r.chance(0.6)).map((k) => `${k}=${usedValue(r, k)}`);
    if (used.length) metadata.annotations = { [USED_ANNOTATION]: used.join(',') };
  }
  return { apiVersion: 'v1', kind: 'ResourceQuota', metadata, spec: { ...spec, hard } };
}

function containerResources(r: Rng, extended: boolean): Obj | undefined {
  const requests: Obj = {}, limits: Obj = {};
  if (r.chance(0.7)) {
    const which = r.int(0, 2);
    if (which !== 1) requests.cpu = r.pick(CPU);
    if (which !== 0) limits.cpu = r.pick(['2', P('2'), '4']);
  }
  if (r.chance(0.6)) {
    const which = r.int(0, 2);
    if (which !== 1) requests.memory = r.pick(MEMORY);
    if (which !== 0) limits.memory = r.pick(['1Gi', '2Gi', '4Gi']);
  }
  if (r.chance(0.1)) requests['ephemeral-storage'] = r.pick(EPHEMERAL);
  if (extended) limits['example.com/gpu'] = r.pick([P('1'), '2']);
  if (r.chance(0.06)) { limits['hugepages-2Mi'] = '4Mi'; limits.memory = '1Gi'; }
  const out: Obj = {};
  if (Object.keys(requests).length) out.requests = requests;
  if (Object.keys(limits).length) out.limits = limits;
  return Object.keys(out).length ? out : undefined;
}

function podSpec(r: Rng, isPod: boolean): Obj {
  const spec: Obj = {};
  if (r.chance(0.25)) {
    const res = r.chance(0.5) ? containerResources(r, false) : undefined;
    spec.initContainers = [{ name: 'init', image: 'registry.example/init:1', ...(res ? { resources: res } : {}) }];
  }
  spec.containers = Array.from({ length: r.int(1, 2) }, (_, i) => {
    const res = r.chance(0.85) ? containerResources(r, r.chance(0.12)) : undefined;
    return { name: `app-${i}`, image: 'registry.example/app:1', ...(res ? { resources: res } : {}) };
  });
  if (r.chance(0.3)) spec.priorityClassName = r.pick(['high', 'low', 'other']);
  if (isPod && r.chance(0.25)) spec.activeDeadlineSeconds = r.pick([30, 600]);
  if (r.chance(0.15)) {
    const term: Obj = { labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' };
    if (r.chance(0.5)) term.namespaces = ['other'];
    else term.namespaceSelector = r.chance(0.5) ? {} : { matchLabels: { team: 'a' } };
    spec.affinity = r.chance(0.5)
      ? { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } }
      : { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term }] } };
  }
  if (r.chance(0.08)) spec.resources = { requests: { cpu: '8', memory: '16Gi' }, limits: { cpu: '16', memory: '32Gi' } };
  return spec;
}

function limitRange(ns: string, r: Rng): Obj {
  const def: Obj = {}, req: Obj = {};
  if (r.chance(0.7)) { req.cpu = r.pick(['100m', '250m']); def.cpu = '4'; }
  if (r.chance(0.7)) { req.memory = '128Mi'; def.memory = '4Gi'; }
  const item: Obj = { type: 'Container', default: def, defaultRequest: req };
  return { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'defaults', namespace: ns }, spec: { limits: [item] } };
}

/** Case i of a seed: LimitRange, quotas, then the pods, in creation order. */
export function resourceQuotaCase(seed: number, i: number): Obj[] {
  const r = new Rng((seed * 6007 + i * 130363 + 29) >>> 0);
  const ns = `rq-${i}`;
  const docs: Obj[] = [];
  if (r.chance(0.2)) docs.push(limitRange(ns, r));
  docs.push(resourceQuota(r, 'quota', ns));
  if (r.chance(0.35)) docs.push(resourceQuota(r, 'more', ns));
  const pods = r.int(1, 4);
  for (let p = 0; p < pods; p++) {
    if (r.chance(0.75)) docs.push({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p-${p}`, namespace: ns }, spec: podSpec(r, true) });
    else {
      const app = `d-${p}`;
      docs.push({
        apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: app, namespace: ns },
        spec: { replicas: 2, selector: { matchLabels: { app } }, template: { metadata: { labels: { app } }, spec: podSpec(r, false) } },
      });
    }
  }
  return docs;
}

// ---- what each side says ----------------------------------------------------------------------

export interface QuotaPodOutcome {
  usage: Record<string, string>;
  quotas: { name: string; matches: boolean; resources: string[]; constraints: string }[];
  admission: string;
  used: Record<string, string>[];
}

export interface ResourceQuotaOutcome {
  /** An object the reference rejected (the generator's mistake, reported, never compared). */
  rejected?: string;
  pods: QuotaPodOutcome[];
}

export interface RefLine {
  kind?: string; decodeError?: string; errors: { message: string }[];
  pod?: { errors?: { message: string }[]; quota?: { usage: Record<string, string>; quotas: { name: string; matches: boolean; resources: string[]; constraints?: string; error?: string }[]; error?: string; admission: string; used: Record<string, string>[] } };
}

const sorted = (r: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The reference's lines for one case's documents. */
export function referenceQuotaOutcome(lines: readonly RefLine[]): ResourceQuotaOutcome {
  const bad = lines.find((l) => l.decodeError || l.errors.length || (l.pod?.errors?.length ?? 0) > 0 || l.pod?.quota?.error || l.pod?.quota?.quotas.some((q) => q.error));
  if (bad) return { rejected: `${bad.kind}: ${bad.decodeError ?? [...bad.errors, ...(bad.pod?.errors ?? [])].map((e) => e.message).join('; ')}${bad.pod?.quota?.error ?? ''}`, pods: [] };
  const pods: QuotaPodOutcome[] = [];
  for (const l of lines) {
    const q = l.pod?.quota;
    if (!l.pod) continue;
    if (!q) return { rejected: `${l.kind}: no quota result`, pods: [] };
    pods.push({
      usage: sorted(q.usage),
      quotas: q.quotas.map((m) => ({ name: m.name, matches: m.matches, resources: m.resources, constraints: m.constraints ?? '' })),
      admission: q.admission,
      used: (q.used ?? []).map(sorted),
    });
  }
  return { pods };
}

function record(m: ReadonlyMap<string, Quantity>): Record<string, string> {
  return sorted(Object.fromEntries([...m].map(([k, q]) => [k, formatQuantity(q)])));
}

/** The starting status.used of a quota: 0 for each hard name, then the annotation's values. */
function startingUsed(root: Parameters<typeof readResourceQuota>[0], hardNames: readonly string[]): Map<string, Quantity> {
  const used = new Map<string, Quantity>(hardNames.map((n) => [n, parseQuantity('0')!]));
  const text = str(get(get(get(root, 'metadata'), 'annotations'), USED_ANNOTATION)) ?? '';
  for (const part of text ? text.split(',') : []) {
    const [name, value] = part.split('=') as [string, string];
    used.set(name, parseQuantity(value)!);
  }
  return used;
}

/** Pod Lens's pure analysis of one case's text: pods created one by one against the namespace's quotas. */
export function podLensQuotaOutcome(text: string, version: string): ResourceQuotaOutcome {
  const v = parseKubeVersion(version)!;
  const parsed = parseFile(text);
  const ranges: LimitRangeModel[] = [];
  let states: QuotaState[] = [];
  for (const d of parsed.documents) {
    const lr = readLimitRange(d.root);
    if (lr) ranges.push(lr);
    const q = readResourceQuota(d.root);
    if (q) states.push({ quota: q, used: startingUsed(d.root, q.hard.map((h) => h.name)) });
  }
  const pods: QuotaPodOutcome[] = [];
  for (const pod of findPods(parsed.documents, { version: v })) {
    const a = analyzePod(pod, v, ranges);
    const scope = podScopeFacts(a);
    const usage = podQuotaUsage(a);
    const quotas = states.map(({ quota }) => {
      const matches = quotaMatchesPod(quota, scope, v);
      const resources = matchingResources(quota.hard.map((h) => h.name), v).sort();
      return { name: quota.name, matches, resources, constraints: matches ? quotaConstraints(resources, a) ?? '' : '' };
    });
    const decision = checkPodCreate(states, { usage, scope, constraints: (req) => quotaConstraints(req, a) }, v);
    if (decision.allowed) states = states.map((s, i) => ({ quota: s.quota, used: decision.used[i]! }));
    pods.push({ usage: record(usage), quotas, admission: decision.allowed ? '' : decision.message, used: states.map((s) => record(s.used)) });
  }
  return { pods };
}

export interface QuotaDifference { what: string; reference: string; podLens: string }

export function compareQuotaOutcomes(ref: ResourceQuotaOutcome, pl: ResourceQuotaOutcome): QuotaDifference[] {
  const out: QuotaDifference[] = [];
  const same = (what: string, a: unknown, b: unknown): void => {
    const x = JSON.stringify(a), y = JSON.stringify(b);
    if (x !== y) out.push({ what, reference: x, podLens: y });
  };
  same('pods', ref.pods.length, pl.pods.length);
  ref.pods.forEach((r, i) => {
    const p = pl.pods[i];
    if (!p) return;
    same(`pod ${i} usage`, r.usage, p.usage);
    same(`pod ${i} quotas`, r.quotas, p.quotas);
    same(`pod ${i} admission`, r.admission, p.admission);
    same(`pod ${i} used after`, r.used, p.used);
  });
  return out;
}

export function quotaCaseYaml(docs: readonly Obj[]): string[] {
  return docs.map((d) => toYaml(d));
}
