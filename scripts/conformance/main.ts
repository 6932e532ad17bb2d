/**
 * `npm run conformance -- [--count N] [--seed S] [--from I] [--kubernetes-version V[,V...]] [--batch B]
 *   [--shrink N] [--report FILE.json] [--markdown FILE.md] [--no-fixtures]`
 *
 * Runs Pod Lens (the built CLI, `node dist/cli.js check --format json`, many objects per file) and the
 * reference (the real Kubernetes code of that release, conformance/reference, built by
 * scripts/build-conformance.sh) on the same YAML, and compares validation errors, QoS class and
 * effective requests/limits (compare.ts). Each distinct difference is shrunk to a minimal YAML
 * reproducer. Exit 0 when there is no difference, 1 when there is one, 2 when the harness cannot run.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compareDocument } from './compare';
import type { Difference, PlDiagnostic, PlPod, RefDoc } from './compare';
import { generateObject } from './generate';
import { compareLifecycle } from './lifecycle';
import type { LifecycleDifference, ReferenceLifecycle } from './lifecycle';
import { clone, fromJson, isObj, toYaml } from './yaml';
import { caseYaml, compareOutcomes, limitRangeCase, podLensOutcome, referenceOutcome } from './limitRange';
import type { LimitRangeDifference, RefLine as LimitRangeRefLine } from './limitRange';
import { compareQuotaOutcomes, podLensQuotaOutcome, quotaCaseYaml, referenceQuotaOutcome, resourceQuotaCase } from './resourceQuota';
import type { QuotaDifference, RefLine as QuotaRefLine } from './resourceQuota';
import type { Obj, Value } from './yaml';

const ROOT = process.cwd();

interface Options {
  count: number; seed: number; from: number; versions: string[]; batch: number; shrink: number;
  report?: string; markdown?: string; fixtures: boolean; quiet: boolean;
  /** LimitRange cases per version (limitRange.ts): the real LimitRanger admission plugin vs Pod Lens. */
  limitRanges: number;
  /** ResourceQuota cases per version (resourceQuota.ts): the pod evaluator and the quota admission plugin vs Pod Lens. */
  resourceQuotas: number;
  /** The Pod Lens CLI bundle to compare (default dist/cli.js of this checkout). */
  cli: string;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { count: 2000, seed: 1, from: 0, versions: ['1.37', '1.34'], batch: 400, shrink: 40, fixtures: true, quiet: false, limitRanges: 400, resourceQuotas: 400, cli: path.join(ROOT, 'dist/cli.js') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const val = (): string => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const name = a.split('=')[0];
    if (name === '--count') o.count = Number(val());
    else if (name === '--seed') o.seed = Number(val());
    else if (name === '--from') o.from = Number(val());
    else if (name === '--kubernetes-version') o.versions = val().split(',').map((v) => v.trim()).filter(Boolean);
    else if (name === '--batch') o.batch = Number(val());
    else if (name === '--shrink') o.shrink = Number(val());
    else if (name === '--report') o.report = val();
    else if (name === '--markdown') o.markdown = val();
    else if (name === '--no-fixtures') o.fixtures = false;
    else if (name === '--quiet') o.quiet = true;
    else if (name === '--limit-ranges') o.limitRanges = Number(val());
    else if (name === '--resource-quotas') o.resourceQuotas = Number(val());
    else if (name === '--cli') o.cli = path.resolve(val());
    else throw new Error(`unknown option ${a}`);
  }
  if (!Number.isInteger(o.count) || o.count < 0) throw new Error('--count must be a whole number');
  if (!Number.isInteger(o.seed)) throw new Error('--seed must be an integer');
  if (!Number.isInteger(o.from) || o.from < 0) throw new Error('--from must be a whole number');
  if (!Number.isInteger(o.limitRanges) || o.limitRanges < 0) throw new Error('--limit-ranges must be a whole number');
  if (!Number.isInteger(o.resourceQuotas) || o.resourceQuotas < 0) throw new Error('--resource-quotas must be a whole number');
  if (!(o.batch > 0)) throw new Error('--batch must be positive');
  return o;
}

// ---- running the two sides -------------------------------------------------------------------

function run(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

interface Side { ref: RefDoc[]; diagnostics: PlDiagnostic[][]; pods: PlPod[][] }

let tmpSeq = 0;
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-conformance-'));

/** Both tools on one multi-document file; results per document. */
let CLI = path.join(ROOT, 'dist/cli.js');

async function evaluate(docs: readonly string[], version: string, refBin: string): Promise<Side> {
  const file = path.join(TMP, `batch-${tmpSeq++}.yaml`);
  const starts: number[] = [];
  let line = 0;
  const parts: string[] = [];
  docs.forEach((d, i) => {
    if (i > 0) { parts.push('---\n'); line += 1; }
    starts.push(line);
    parts.push(d);
    line += d.split('\n').length - 1;
  });
  fs.writeFileSync(file, parts.join(''));
  const [ref, pl] = await Promise.all([
    run(refBin, [file]),
    run(process.execPath, [CLI, 'check', '--format', 'json', '--kubernetes-version', version, file]),
  ]);
  fs.rmSync(file, { force: true });
  if (ref.code !== 0) throw new Error(`reference exited ${ref.code}: ${ref.stderr.slice(0, 2000)}`);
  if (pl.code !== 0 && pl.code !== 1) throw new Error(`pod-lens CLI exited ${pl.code}: ${pl.stderr.slice(0, 2000)}`);
  const refDocs = ref.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as RefDoc);
  if (refDocs.length !== docs.length) throw new Error(`reference read ${refDocs.length} documents, expected ${docs.length}`);
  const report = JSON.parse(pl.stdout) as { files: { diagnostics: PlDiagnostic[]; pods: PlPod[] }[] };
  const f = report.files[0] ?? { diagnostics: [], pods: [] };
  const docOf = (ln: number): number => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid]! <= ln) lo = mid; else hi = mid - 1; }
    return lo;
  };
  const diagnostics: PlDiagnostic[][] = docs.map(() => []);
  const pods: PlPod[][] = docs.map(() => []);
  for (const d of f.diagnostics) diagnostics[docOf(d.range.start.line)]!.push(d);
  for (const p of f.pods) pods[docOf(p.range.start.line)]!.push(p);
  return { ref: refDocs, diagnostics, pods };
}

function differences(side: Side, i: number): Difference[] {
  return compareDocument(side.ref[i]!, side.diagnostics[i]!, side.pods[i]!);
}

// ---- shrinking -------------------------------------------------------------------------------

// Kept while shrinking so that a reproducer stays a well-formed object and shows only its own error:
// the object's identity, container names and images, workload selectors and labels, a CronJob's schedule.
const KEEP = new Set(['apiVersion', 'kind', 'metadata', 'name', 'image', 'selector', 'labels', 'matchLabels', 'app', 'serviceName', 'schedule']);

/** Every object one deletion smaller, shallow deletions first. */
function candidates(obj: Obj): Obj[] {
  const out: { depth: number; make: () => Obj }[] = [];
  const walk = (v: Value, trail: (string | number)[]): void => {
    if (Array.isArray(v)) {
      const last = trail[trail.length - 1];
      v.forEach((child, i) => {
        // a pod keeps one app container
        if (!(last === 'containers' && v.length === 1)) out.push({ depth: trail.length, make: () => removeAt(obj, [...trail, i]) });
        walk(child, [...trail, i]);
      });
    } else if (isObj(v)) {
      for (const [k, child] of Object.entries(v)) {
        if (!KEEP.has(k)) out.push({ depth: trail.length, make: () => removeAt(obj, [...trail, k]) });
        walk(child, [...trail, k]);
      }
    }
  };
  walk(obj, []);
  return out.sort((a, b) => a.depth - b.depth).map((c) => c.make());
}

function removeAt(obj: Obj, trail: (string | number)[]): Obj {
  const copy = clone(obj);
  let cur: Value = copy;
  for (const step of trail.slice(0, -1)) cur = (cur as Record<string | number, Value>)[step as never] as Value;
  const last = trail[trail.length - 1]!;
  if (Array.isArray(cur)) cur.splice(last as number, 1);
  else delete (cur as Obj)[last as string];
  return copy;
}

async function shrink(obj: Obj, signature: string, version: string, refBin: string): Promise<Obj> {
  let current = obj;
  for (let round = 0; round < 60; round++) {
    const cands = candidates(current);
    if (cands.length === 0) break;
    const side = await evaluate(cands.map(toYaml), version, refBin);
    const hit = cands.findIndex((_, i) => differences(side, i).some((d) => d.signature === signature));
    if (hit < 0) break;
    current = cands[hit]!;
  }
  return current;
}

// ---- the run ---------------------------------------------------------------------------------

interface Source { label: string; object: Obj }

function fixtureObjects(): Source[] {
  const file = path.join(ROOT, 'test/fixtures/k8s-resource-cases.json');
  if (!fs.existsSync(file)) return [];
  const cases = JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string; pod: unknown }[];
  return cases.filter((c) => isObj(fromJson(c.pod))).map((c) => {
    const object = fromJson(c.pod) as Obj;
    return { label: `k8s-resource-cases.json: ${c.name}`, object };
  });
}

interface Found { signature: string; count: number; first: Difference; label: string; object: Obj; reproducer?: string; minimal?: Difference }

interface VersionResult {
  version: string; reference: string; objects: number; accepted: number; rejected: number; decodeRejected: number;
  compared: number; differing: number; differences: number; found: Found[]; seconds: number;
  lifecycle: LifecycleDifference[];
  limitRanges: LimitRangeRun;
  resourceQuotas: QuotaRun;
}

interface QuotaRun {
  cases: number; compared: number; rejected: number; differing: number;
  /** Pods compared; of them admitted, refused for an exceeded quota, refused by Constraints ("must specify"). */
  pods: number; admitted: number; exceeded: number; constrained: number;
  found: { case: number; differences: QuotaDifference[]; yaml: string; rejected?: string }[];
}

interface LimitRangeRun {
  cases: number; compared: number; rejectedLimitRanges: number; differing: number;
  /** Compared cases where the reference's pod got the annotation / a LimitRange error / a validation error. */
  mutated: number; violating: number; invalidAfter: number;
  found: { case: number; differences: LimitRangeDifference[]; yaml: string }[];
}

/** The LimitRange cases of one version: all in one file (a namespace each), one reference run. */
async function runLimitRanges(o: Options, version: string, refBin: string): Promise<LimitRangeRun> {
  const run: LimitRangeRun = { cases: o.limitRanges, compared: 0, rejectedLimitRanges: 0, differing: 0, mutated: 0, violating: 0, invalidAfter: 0, found: [] };
  if (o.limitRanges === 0) return run;
  const cases = Array.from({ length: o.limitRanges }, (_, i) => caseYaml(limitRangeCase(o.seed, o.from + i)));
  const lines = await referenceLines<LimitRangeRefLine>(refBin, cases, 'limitranges');
  let at = 0;
  cases.forEach((docs, i) => {
    const mine = lines.slice(at, at + docs.length);
    at += docs.length;
    const expected = referenceOutcome(mine);
    if (expected.limitRangeRejected) { run.rejectedLimitRanges++; return; }
    run.compared++;
    if (expected.annotation) run.mutated++;
    if (expected.violations.some((g) => g.length > 0)) run.violating++;
    if (expected.podErrors.length > 0) run.invalidAfter++;
    const text = docs.join('---\n');
    const diffs = compareOutcomes(expected, podLensOutcome(text, version));
    if (diffs.length) {
      run.differing++;
      if (run.found.length < Math.max(o.shrink, 5)) run.found.push({ case: o.from + i, differences: diffs, yaml: text });
    }
  });
  if (at !== lines.length) throw new Error(`reference read ${lines.length} LimitRange-case documents, expected ${at}`);
  return run;
}

/** The ResourceQuota cases of one version: all in one file (a namespace each), one reference run. */
async function runResourceQuotas(o: Options, version: string, refBin: string): Promise<QuotaRun> {
  const run: QuotaRun = { cases: o.resourceQuotas, compared: 0, rejected: 0, differing: 0, pods: 0, admitted: 0, exceeded: 0, constrained: 0, found: [] };
  if (o.resourceQuotas === 0) return run;
  const cases = Array.from({ length: o.resourceQuotas }, (_, i) => quotaCaseYaml(resourceQuotaCase(o.seed, o.from + i)));
  const lines = await referenceLines<QuotaRefLine>(refBin, cases, 'resourcequotas');
  let at = 0;
  cases.forEach((docs, i) => {
    const mine = lines.slice(at, at + docs.length);
    at += docs.length;
    const text = docs.join('---\n');
    const expected = referenceQuotaOutcome(mine);
    if (expected.rejected) {
      run.rejected++;
      if (run.found.length < Math.max(o.shrink, 5)) run.found.push({ case: o.from + i, differences: [], yaml: text, rejected: expected.rejected });
      return;
    }
    run.compared++;
    for (const p of expected.pods) {
      run.pods++;
      if (!p.admission) run.admitted++;
      else if (p.admission.startsWith('exceeded quota')) run.exceeded++;
      else if (p.admission.startsWith('failed quota')) run.constrained++;
    }
    const diffs = compareQuotaOutcomes(expected, podLensQuotaOutcome(text, version));
    if (diffs.length) {
      run.differing++;
      if (run.found.length < Math.max(o.shrink, 5)) run.found.push({ case: o.from + i, differences: diffs, yaml: text });
    }
  });
  if (at !== lines.length) throw new Error(`reference read ${lines.length} ResourceQuota-case documents, expected ${at}`);
  return run;
}

/** The reference's JSON lines for cases written one after another into one file. */
async function referenceLines<Line>(refBin: string, cases: readonly string[][], name: string): Promise<Line[]> {
  const file = path.join(TMP, `${name}-${tmpSeq++}.yaml`);
  fs.writeFileSync(file, cases.map((docs) => docs.join('---\n')).join('---\n'));
  const ref = await new Promise<string>((resolve, reject) => {
    const child = spawn(refBin, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out).toString('utf8')) : reject(new Error(`reference exited ${code}: ${Buffer.concat(err).toString('utf8').slice(0, 2000)}`))));
  });
  fs.rmSync(file, { force: true });
  return ref.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
}

function referenceBinary(version: string): string {
  // Fails loudly (exit non-zero) when Go or the build is missing: the run never skips.
  const out = execFileSync('bash', [path.join(ROOT, 'scripts/build-conformance.sh'), version], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const bin = out.trim().split('\n').pop()!;
  if (!fs.existsSync(bin)) throw new Error(`build-conformance.sh printed no binary for ${version}`);
  return bin;
}

async function runVersion(o: Options, version: string): Promise<VersionResult> {
  const t0 = Date.now();
  const refBin = referenceBinary(version);
  const reference = JSON.parse(execFileSync(refBin, ['-version'], { encoding: 'utf8' })) as { kubernetes: string };
  if (reference.kubernetes !== version) throw new Error(`reference binary is ${reference.kubernetes}, wanted ${version}`);
  const sources: Source[] = o.fixtures ? fixtureObjects() : [];
  const total = sources.length + o.count;
  const lifecycle = compareLifecycle(JSON.parse(execFileSync(refBin, ['-lifecycle'], { encoding: 'utf8' })) as ReferenceLifecycle, version);
  const limitRanges = await runLimitRanges(o, version, refBin);
  const resourceQuotas = await runResourceQuotas(o, version, refBin);
  const res: VersionResult = { version, reference: refBin, objects: 0, accepted: 0, rejected: 0, decodeRejected: 0, compared: 0, differing: 0, differences: 0, found: [], seconds: 0, lifecycle, limitRanges, resourceQuotas };
  const bySig = new Map<string, Found>();
  for (let start = 0; start < total; start += o.batch) {
    const batch: Source[] = [];
    for (let i = start; i < Math.min(total, start + o.batch); i++) {
      batch.push(i < sources.length ? sources[i]! : { label: `seed ${o.seed} object ${o.from + i - sources.length}`, object: generateObject(o.seed, o.from + i - sources.length) });
    }
    const side = await evaluate(batch.map((s) => toYaml(s.object)), version, refBin);
    batch.forEach((s, i) => {
      const ref = side.ref[i]!;
      res.objects++;
      if (ref.decodeError) res.decodeRejected++;
      else if (ref.errors.length) res.rejected++;
      else res.accepted++;
      if (!ref.decodeError && !ref.errors.length && ref.pod) res.compared++;
      const diffs = differences(side, i);
      if (diffs.length) res.differing++;
      res.differences += diffs.length;
      for (const d of diffs) {
        const f = bySig.get(d.signature);
        if (f) f.count++;
        else bySig.set(d.signature, { signature: d.signature, count: 1, first: d, label: s.label, object: s.object });
      }
    });
    if (!o.quiet) process.stderr.write(`  ${version}: ${res.objects}/${total} objects, ${bySig.size} distinct differences\r`);
  }
  if (!o.quiet) process.stderr.write('\n');
  res.found = [...bySig.values()].sort((a, b) => b.count - a.count || a.signature.localeCompare(b.signature));
  for (const f of res.found.slice(0, o.shrink)) {
    const small = await shrink(f.object, f.signature, version, refBin);
    f.reproducer = toYaml(small);
    const side = await evaluate([f.reproducer], version, refBin);
    f.minimal = differences(side, 0).find((d) => d.signature === f.signature);
  }
  res.seconds = (Date.now() - t0) / 1000;
  return res;
}

function limitRangeLine(r: VersionResult): string {
  const l = r.limitRanges;
  const rejected = l.rejectedLimitRanges ? ` (${l.rejectedLimitRanges} cases not compared: the reference rejected a generated LimitRange)` : '';
  return `Kubernetes ${r.version} LimitRanger admission (plugin/pkg/admission/limitranger): ${l.compared} of ${l.cases} cases compared${rejected} (${l.mutated} mutated by the plugin, ${l.violating} rejected by it, ${l.invalidAfter} invalid after it); ${l.differing} differ`;
}

function quotaLine(r: VersionResult): string {
  const q = r.resourceQuotas;
  const rejected = q.rejected ? ` (${q.rejected} cases not compared: the reference rejected a generated object)` : '';
  return `Kubernetes ${r.version} ResourceQuota (pkg/quota/v1/evaluator/core, admission CheckRequest): ${q.compared} of ${q.cases} cases compared${rejected}, ${q.pods} pods (${q.admitted} admitted, ${q.exceeded} refused: exceeded quota, ${q.constrained} refused: must specify); ${q.differing} differ`;
}

function indent(text: string, pad: string): string {
  return text.trimEnd().split('\n').map((l) => pad + l).join('\n');
}

function textReport(r: VersionResult): string {
  const out: string[] = [];
  out.push(r.lifecycle.length ? `Kubernetes ${r.version} lifecycle numbers: ${r.lifecycle.length} differ` : `Kubernetes ${r.version} lifecycle numbers (back-off, probe defaults, grace period): same`);
  for (const d of r.lifecycle) out.push(`- lifecycle: ${d.what}: reference ${d.reference}, Pod Lens ${d.podLens} (${d.responsible})`);
  out.push(limitRangeLine(r));
  for (const f of r.limitRanges.found) {
    out.push(`- LimitRange case ${f.case} (--from ${f.case} --limit-ranges 1):`);
    for (const d of f.differences) out.push(`    ${d.what}: reference ${d.reference}; Pod Lens ${d.podLens}`);
    out.push(indent(f.yaml, '      '));
  }
  out.push(quotaLine(r));
  for (const f of r.resourceQuotas.found) {
    out.push(`- ResourceQuota case ${f.case} (--from ${f.case} --resource-quotas 1):${f.rejected ? ` rejected by the reference: ${f.rejected}` : ''}`);
    for (const d of f.differences) out.push(`    ${d.what}: reference ${d.reference}; Pod Lens ${d.podLens}`);
    out.push(indent(f.yaml, '      '));
  }
  out.push(`Kubernetes ${r.version}: ${r.objects} objects (${r.accepted} accepted, ${r.rejected} rejected by validation, ${r.decodeRejected} rejected by decoding); ${r.compared} compared for QoS and resources; ${r.differing} objects differ, ${r.found.length} distinct differences (${r.seconds.toFixed(1)} s)`);
  for (const f of r.found) {
    const d = f.minimal ?? f.first;
    out.push('');
    out.push(`- ${f.signature}  (${f.count}x; first: ${f.label})`);
    out.push(`    reference: ${d.reference}`);
    out.push(`    Pod Lens:  ${d.podLens}`);
    out.push(`    Kubernetes: ${d.responsible}`);
    if (f.reproducer) out.push('    minimal reproducer:', indent(f.reproducer, '      '));
  }
  return out.join('\n');
}

/** The options that decide which objects a run compared, as a command line that repeats it. */
function runArguments(o: Options): string {
  const args = [`--count ${o.count}`, `--seed ${o.seed}`];
  if (o.from !== 0) args.push(`--from ${o.from}`);
  args.push(`--kubernetes-version ${o.versions.join(',')}`, `--shrink ${o.shrink}`);
  if (!o.fixtures) args.push('--no-fixtures');
  args.push(`--limit-ranges ${o.limitRanges}`, `--resource-quotas ${o.resourceQuotas}`);
  return args.join(' ');
}

function markdownReport(results: VersionResult[], o: Options): string {
  const out: string[] = [];
  out.push(`Run: \`npm run conformance -- ${runArguments(o)}\``);
  for (const r of results) {
    out.push('', `### Kubernetes ${r.version}`, '');
    out.push(r.lifecycle.length ? `Lifecycle numbers: ${r.lifecycle.length} differ.` : 'Lifecycle numbers (back-off sequence and reset, probe defaults, default grace period): same as timing.ts.');
    for (const d of r.lifecycle) out.push(`- ${d.what}: reference ${d.reference}, Pod Lens ${d.podLens} (${d.responsible})`);
    out.push('', limitRangeLine(r) + '.');
    out.push('', quotaLine(r) + '.');
    out.push('', `${r.objects} objects: ${r.accepted} accepted, ${r.rejected} rejected by validation, ${r.decodeRejected} rejected by decoding; ${r.compared} compared for QoS and resources; ${r.differing} objects differ; ${r.found.length} distinct differences.`);
    for (const f of r.found) {
      const d = f.minimal ?? f.first;
      out.push('', `#### \`${f.signature}\` (${f.count} objects)`, '', `- reference: ${d.reference}`, `- Pod Lens: ${d.podLens}`, `- Kubernetes: ${d.responsible}`);
      if (f.reproducer) out.push('', '```yaml', f.reproducer.trimEnd(), '```');
    }
  }
  return out.join('\n') + '\n';
}

async function main(): Promise<number> {
  let o: Options;
  try { o = parseArgs(process.argv.slice(2)); } catch (e) { process.stderr.write(`conformance: ${(e as Error).message}\n`); return 2; }
  CLI = o.cli;
  if (!fs.existsSync(CLI)) { process.stderr.write(`conformance: ${CLI} is missing; run npm run build\n`); return 2; }
  const results: VersionResult[] = [];
  for (const v of o.versions) {
    const r = await runVersion(o, v);
    results.push(r);
    process.stdout.write(textReport(r) + '\n\n');
  }
  if (o.report) fs.writeFileSync(o.report, JSON.stringify(results.map((r) => ({ ...r, found: r.found.map((f) => ({ ...f, object: undefined })) })), null, 2));
  if (o.markdown) fs.writeFileSync(o.markdown, markdownReport(results, o));
  const objects = results.reduce((n, r) => n + r.objects + r.limitRanges.cases + r.resourceQuotas.cases, 0);
  const differing = results.reduce((n, r) => n + r.differing + r.lifecycle.length + r.limitRanges.differing + r.limitRanges.rejectedLimitRanges + r.resourceQuotas.differing + r.resourceQuotas.rejected, 0);
  process.stdout.write(`conformance: ${objects - differing} passed, ${differing} failed\n`);
  return differing ? 1 : 0;
}

main().then((code) => { fs.rmSync(TMP, { recursive: true, force: true }); process.exitCode = code; }, (e: unknown) => {
  fs.rmSync(TMP, { recursive: true, force: true });
  process.stderr.write(`conformance: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 2;
});

