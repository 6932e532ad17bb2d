/**
 * `pod-lens explain [--format text|json] [--now ISO-8601] FILE|-` (or `--from-cluster NS/POD`, read-only GET of
 * the live pod): explain observed pods (`kubectl get pod(s) -o yaml`) through the same service as the language server (analysis/observed).
 * JSON: {"pods":[{"name","namespace","phase","diagnosis","containers":[{"name","role","state","reason",
 * "exitCode","signal","restartCount","cause","backoffSeconds","nextRestartAt","memoryLimit",...}],...}]}.
 * Exit codes: 0 nothing needs attention, 1 a pod is failing or stuck, 2 usage or I/O errors.
 */
import * as l10n from '@vscode/l10n';
import { diagnosisLine, formatTime, needsAttention, parseTime, slowStart, slowStartPhrase } from '../analysis/observed/index';
import type { Severity } from '../analysis/finding';
import type { ContainerExplanation, PodExplanation } from '../analysis/observed/index';
import type { PodService } from '../service/index';
import { observedPods, rangeOf } from '../service/observed';
import type { PodLensSettings } from '../service/settings';
import type { CliOptions } from './args';
import { severityWord } from './check';
import type { CliIO } from './commands';
import { collectSources } from './files';
import { liveSource } from './liveSource';

const FORMATS = ['text', 'json'];

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : formatTime(ms));

function containerJson(c: ContainerExplanation) {
  return {
    name: c.name, role: c.role, state: c.state, reason: c.reason, exitCode: c.exitCode, signal: c.signal,
    restartCount: c.restartCount, cause: c.cause, backoffSeconds: c.backoffSeconds, nextRestartAt: iso(c.nextRestartAt),
    memoryLimit: c.memoryLimit, memoryLimitFrom: c.memoryLimitFrom, ready: c.ready, message: c.message,
    attention: c.attention, backoffSource: c.backoff?.source ?? null,
  };
}

export function runExplain(opts: CliOptions, service: PodService, settings: Partial<PodLensSettings>, io: CliIO): number | Promise<number> {
  if (!FORMATS.includes(opts.format)) { io.err(`pod-lens: explain --format must be one of ${FORMATS.join(', ')}`); return 2; }
  let now = Date.now();
  if (opts.now !== undefined) {
    const t = parseTime(opts.now);
    if (t === undefined) { io.err(`pod-lens: --now must be an ISO-8601 time such as 2026-12-04T10:21:00Z (got ${opts.now})`); return 2; }
    now = t;
  }
  if (opts.fromCluster !== undefined) {
    if (opts.inputs.length) { io.err('pod-lens: explain --from-cluster NS/POD reads the pod from the cluster; give no FILE'); return 2; }
    return explainFromCluster(opts, opts.fromCluster, now, service, settings, io);
  }
  if (opts.inputs.length !== 1) { io.err('pod-lens: explain needs exactly one FILE (or -), or --from-cluster NS/POD'); return 2; }
  const { sources, errors } = collectSources(opts.inputs, io.stdin);
  for (const e of errors) io.err(`pod-lens: ${e.name}: ${e.message}`);
  const src = sources[0];
  if (errors.length || !src) { if (!errors.length) io.err('pod-lens: no YAML file found'); return 2; }
  return explainSource(src, opts.format, now, service, settings, io);
}

async function explainFromCluster(opts: CliOptions, ref: string, now: number, service: PodService, settings: Partial<PodLensSettings>, io: CliIO): Promise<number> {
  const src = await liveSource(ref, opts.cluster);
  if (!src.ok) { io.err(`pod-lens: ${src.message}`); return 2; }
  return explainSource(src, opts.format, now, service, settings, io);
}

function explainSource(src: { name: string; text: string }, format: string, now: number, service: PodService, settings: Partial<PodLensSettings>, io: CliIO): number {
  const doc = { uri: `file-0:${src.name}`, version: 1, text: src.text };
  const file = service.analyze(doc, settings);
  const refs = observedPods(file);
  service.close(doc.uri);
  if (refs.length === 0) {
    io.err(`pod-lens: ${src.name}: no observed pod (a Pod with status, as kubectl get pod -o yaml prints it)`);
    return 2;
  }
  const pods = refs.map((ref) => {
    const p = ref.explanation;
    const at = (s: { start: number; end: number }) => rangeOf(file, ref, s).start.line + 1;
    return {
      p,
      json: {
        name: p.name, namespace: p.namespace, phase: p.phase, diagnosis: diagnosisLine(p, now),
        attention: needsAttention(p, now) ? (p.attention === 'stuck' || p.attention === 'terminating' || slowStart(p, now) ? 'stuck' : 'failing') : 'ok',
        reason: p.reason, message: p.message, qosClass: p.qosClass, line: at(p.anchorSpan),
        containers: p.containers.map(containerJson),
        conditions: p.conditions.map((c) => ({ type: c.type, status: c.status, reason: c.reason, message: c.message, lastTransitionTime: iso(c.lastTransitionTime), meaning: c.meaning })),
        deletion: p.deletion ? { deletionTimestamp: iso(p.deletion.deletionTimestamp), gracePeriodSeconds: p.deletion.graceSeconds ?? null, requestedAt: iso(p.deletion.requestedAt), killAt: iso(p.deletion.killAt) } : null,
        scheduling: p.scheduling ? { nodes: p.scheduling.nodes ?? null, reasons: p.scheduling.reasons, message: p.scheduling.message ?? null } : null,
        explanations: [...p.points.map((x) => ({ severity: x.severity, message: x.message, line: at(x.span), spec: x.spec ? { path: x.spec.path, line: at(x.spec.span), message: x.specMessage ?? null } : null })), ...slowStartExplanation(p, now, at)],
        notes: p.notes.map((n) => ({ field: n.field, problem: n.problem, line: at(n.span) })),
      },
      lineOf: at,
    };
  });
  if (format === 'json') io.out(JSON.stringify({ pods: pods.map((x) => x.json) }, null, 2));
  else io.out(pods.map(({ p, json }) => textOf(src.name, p, json)).join('\n\n'));
  return pods.some(({ p }) => needsAttention(p, now)) ? 1 : 0;
}

type PodJson = { line: number; diagnosis: string; explanations: { severity: string; message: string; line: number; spec: { path: string; line: number; message: string | null } | null }[]; notes: { field: string; line: number }[] };

function textOf(fileName: string, p: PodExplanation, json: PodJson): string {
  const name = `${p.namespace ? `${p.namespace}/` : ''}${p.name ?? l10n.t('(unnamed)')}`;
  const out = [`${fileName}:${json.line}: Pod/${name} [${p.phase ?? '?'}]: ${json.diagnosis}`];
  for (const c of p.containers) {
    const bits = [`${c.role} ${c.name}`, c.state ?? '–', c.reason ?? ''];
    if (c.exitCode !== null) bits.push(l10n.t('exit {0}', c.exitCode));
    if (c.restartCount) bits.push(l10n.t('restarts {0}', c.restartCount));
    if (c.cause) bits.push(c.cause);
    if (c.memoryLimit) bits.push(l10n.t('memory limit {0}', c.memoryLimit));
    out.push(`    ${bits.filter(Boolean).join(' · ')}`);
  }
  for (const e of json.explanations) {
    out.push(`  ${fileName}:${e.line}: ${l10n.t('{0}: {1}', severityWord(e.severity as Severity), e.message)}`);
    if (e.spec) out.push(`      ${fileName}:${e.spec.line}: ${e.spec.path}: ${e.spec.message ?? ''}`);
  }
  for (const n of json.notes) out.push(`  ${fileName}:${n.line}: ${l10n.t('{0} could not be read and is ignored', n.field)}`);
  if (!p.hasSpec) out.push(`  ${l10n.t('No pod spec in this object: the explanation cannot point at spec fields or effective limits.')}`);
  return out.join('\n');
}

/** The clock-dependent explanation of a container stuck in ContainerCreating (slowStart), at its reason. */
function slowStartExplanation(p: PodExplanation, now: number, at: (s: { start: number; end: number }) => number): PodJson['explanations'] {
  const slow = slowStart(p, now);
  const span = slow && (slow.container.status?.state?.reasonSpan ?? slow.container.status?.nameSpan);
  return slow && span ? [{ severity: 'warning', message: slowStartPhrase(slow), line: at(span), spec: null }] : [];
}
