/**
 * `pod-lens verify [--kubeconfig F] [--context C] [-n NS] [--format text|json] FILE|-` (issue 17): a server-side
 * dry-run create of every pod in FILE on the user's cluster, beside Pod Lens's prediction. JSON:
 * {"context","server","clusterVersion","objects":[{kind,name,namespace,line,predicted:{qosClass,requests,limits},
 * server:{...}|null,changes:[{path,change,from,to,cause}],errors:[{field,reason,message,range}]}]}.
 * Exit codes: 0 every pod accepted, 1 the server rejected one, 2 usage, kubeconfig or connection errors.
 */
import * as l10n from '@vscode/l10n';
import type { PodService } from '../service/index';
import { DEFAULT_SETTINGS } from '../service/settings';
import type { PodLensSettings } from '../service/settings';
import { verifyText } from '../node/cluster/verify';
import type { ResourceView, VerifiedObject, VerifyReport } from '../node/cluster/verify';
import type { CliOptions } from './args';
import { severityWord } from './check';
import type { CliIO } from './commands';
import { collectSources } from './files';

const FORMATS = ['text', 'json'];

function list(q: Record<string, string>): string {
  const parts = Object.entries(q).map(([k, v]) => `${k}=${v}`);
  return parts.length ? parts.join(' ') : '-';
}

function resources(v: ResourceView): string {
  return l10n.t('QoS {0}; requests {1}; limits {2}', v.qosClass, list(v.requests), list(v.limits));
}

function objectText(file: string, o: VerifiedObject): string[] {
  const name = `${o.kind}/${o.name ?? l10n.t('(unnamed)')}`;
  const out = [`${file}:${o.range.start.line + 1}: ${o.server
    ? l10n.t('{0} in namespace {1}: accepted by the server (dry run, nothing created)', name, o.namespace)
    : l10n.t('{0} in namespace {1}: rejected by the server', name, o.namespace)}`];
  out.push(`    ${l10n.t('Pod Lens predicted: {0}', resources(o.predicted))}`);
  if (o.server) out.push(`    ${l10n.t('the server answered: {0}', resources(o.server))}`);
  for (const c of o.changes) {
    const what = c.change === 'added' ? l10n.t('added {0}', c.to ?? '') : c.change === 'removed' ? l10n.t('removed {0}', c.from ?? '') : l10n.t('{0} → {1}', c.from ?? '', c.to ?? '');
    out.push(`    ${l10n.t('{0}: {1} ({2})', c.path, what.trim(), c.cause)}`);
  }
  for (const e of o.errors) out.push(`${file}:${e.range.start.line + 1}:${e.range.start.character + 1}: ${severityWord('error')} ${e.message}`);
  return out;
}

export function verifyTextReport(file: string, report: VerifyReport, targetVersion: string): string {
  const out = [l10n.t('Context {0} ({1}), Kubernetes {2}', report.context, report.server, report.clusterVersion?.gitVersion ?? '?')];
  if (report.clusterVersion?.minor && report.clusterVersion.minor !== targetVersion) {
    out.push(l10n.t('The cluster runs Kubernetes {0}; Pod Lens predicted for {1} (use --kubernetes-version {0}).', report.clusterVersion.minor, targetVersion));
  }
  for (const o of report.objects) out.push(...objectText(file, o));
  if (report.objects.length === 0) out.push(l10n.t('No pod spec in {0}.', file));
  return out.join('\n');
}

export function verifyJson(report: VerifyReport): unknown {
  return {
    context: report.context, server: report.server, clusterVersion: report.clusterVersion,
    objects: report.objects.map((o) => ({
      kind: o.kind, name: o.name, namespace: o.namespace, line: o.range.start.line + 1,
      predicted: o.predicted, server: o.server, changes: o.changes, errors: o.errors,
    })),
  };
}

export async function runVerify(opts: CliOptions, service: PodService, settings: Partial<PodLensSettings>, io: CliIO): Promise<number> {
  if (!FORMATS.includes(opts.format)) { io.err(`pod-lens: verify --format must be one of ${FORMATS.join(', ')}`); return 2; }
  if (opts.inputs.length !== 1) { io.err('pod-lens: verify needs exactly one FILE (or -)'); return 2; }
  const { sources, errors } = collectSources(opts.inputs, io.stdin);
  for (const e of errors) io.err(`pod-lens: ${e.name}: ${e.message}`);
  const src = sources[0];
  if (errors.length || !src) { if (!errors.length) io.err('pod-lens: no YAML file found'); return 2; }
  const result = await verifyText(src.text, src.name, service, settings, {
    kubeconfig: opts.cluster.kubeconfig, context: opts.cluster.context, namespace: opts.cluster.namespace,
  });
  if (!result.ok) { io.err(`pod-lens: ${result.message}`); return 2; }
  const target = settings.kubernetesVersion ?? DEFAULT_SETTINGS.kubernetesVersion;
  if (opts.format === 'json') io.out(JSON.stringify(verifyJson(result.report), null, 2));
  else io.out(verifyTextReport(src.name, result.report, target));
  return result.report.objects.some((o) => o.errors.length) ? 1 : 0;
}
