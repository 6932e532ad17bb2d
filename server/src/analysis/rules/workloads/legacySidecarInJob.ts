/**
 * A Job is complete only when all of its pod's containers have exited. A helper such as a service
 * mesh proxy or a log shipper runs forever, so a Job with one as a regular container never
 * finishes (and a CronJob piles up runs). Since Kubernetes 1.29 the helper belongs in
 * initContainers with `restartPolicy: Always`: a sidecar starts first, and the kubelet stops it
 * after the app containers exit, so the Job completes.
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#jobs-with-sidecar-containers
 */
import * as l10n from '@vscode/l10n';
import type { ContainerModel } from '../../../model/pod';
import { entry, isMap, isSeq } from '../../../model/tree';
import { featureEnabled } from '../../../model/version';
import type { Rule, RuleFinding } from '../rule';
import { containerOf, fix } from '../../fixes/context';
import type { FixInput, QuickFix } from '../../fixes/context';
import { makeSidecarEdit } from '../../fixes/sidecar';
import { column, entryEnd, isFlow, lineStart, nextLineStart, reindent } from '../../fixes/text';
import type { TextEdit } from '../../fixes/text';
import { containerPath } from '../shared/fieldPaths';
import { JOB_KINDS, where } from '../shared/podParts';
import { containerAnchor } from '../shared/spans';

/** Names of well-known long-running helpers, matched against the container name and image name. */
const HELPER = /^(istio-proxy|envoy(-proxy)?|linkerd-proxy|cloud-?sql-proxy|cloudsql-proxy|alloydb-auth-proxy|fluent-?bit|fluentd|filebeat|promtail|vector|log-?shipper|logging-agent|vault-agent|consul-agent|otel-?(agent|collector)|opentelemetry-collector(-contrib)?|datadog-agent|oauth2-proxy)$/;

/** The repository's last path component without tag or digest: `gcr.io/x/cloud-sql-proxy:2` -> cloud-sql-proxy. */
function imageName(image: string | undefined): string {
  const noDigest = (image ?? '').split('@')[0]!;
  const last = noDigest.slice(noDigest.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return (colon < 0 ? last : last.slice(0, colon)).toLowerCase();
}

export function looksLikeHelper(c: ContainerModel): boolean {
  return HELPER.test(c.name.toLowerCase()) || HELPER.test(imageName(c.image));
}

export const legacySidecarInJob: Rule = {
  code: 'legacy-sidecar-in-job',
  severity: 'warning',
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#jobs-with-sidecar-containers',
  check({ analysis: { pod }, version }) {
    // Before sidecars exist (1.29) there is no better place for the helper.
    if (!JOB_KINDS.has(pod.kind) || !featureEnabled(version, 'SidecarContainers')) return [];
    const apps = pod.containers.filter((c) => c.role === 'app');
    if (apps.length < 2) return [];
    const helpers = apps.filter(looksLikeHelper);
    // When every container looks like a helper we cannot tell which one is the job's work.
    if (helpers.length === 0 || helpers.length === apps.length) return [];
    const out: RuleFinding[] = [];
    for (const c of helpers) {
      out.push({
        span: containerAnchor(c),
        message: l10n.t('{0}: "{1}" looks like a long-running helper, but it is a regular container of a {2}. A Job completes only when all its containers exit, and this one keeps running after the work is done, so the Job never finishes. Move it to initContainers with restartPolicy: Always (a sidecar), which Kubernetes stops once the other containers have exited.', containerPath(pod, c), c.name, pod.kind),
        data: { container: where(c) },
      });
    }
    return out;
  },
  fixes: convertToSidecarFixes,
  summary: () => l10n.t('A long-running helper is a regular container of a Job, so the Job never completes; make it a sidecar.'),
  quietOnTemplates: true,
};

/** A block-sequence item: the `- ` line start and the end of its last line. */
function itemRegion(text: string, c: ContainerModel): { start: number; end: number; dash: number } | undefined {
  const start = lineStart(text, c.span.start);
  const prefix = text.slice(start, c.span.start);
  const m = /^( *)- +$/.exec(prefix);
  if (!m) return undefined;
  const end = text[c.span.end - 1] === '\n' ? c.span.end : nextLineStart(text, c.span.end);
  return { start, end, dash: m[1]!.length };
}

/** Move a regular container of a Job into initContainers (first) as a sidecar. */
function convertToSidecarFixes(input: FixInput): QuickFix[] {
  const { text, analysis: { pod } } = input;
  const c = containerOf(input);
  if (!c || c.role !== 'app' || !featureEnabled(input.version, 'SidecarContainers')) return [];
  const containersEntry = entry(pod.spec, 'containers');
  const containers = containersEntry?.value;
  if (!containersEntry || !isSeq(containers) || isFlow(text, containers) || containers.items.length < 2) return [];
  const item = itemRegion(text, c);
  if (!item) return [];
  // The item text with restartPolicy added, edited in place before it moves.
  const rp = makeSidecarEdit(text, c);
  if (!rp || rp.start < item.start || rp.end > item.end) return [];
  let moved = text.slice(item.start, rp.start) + rp.newText + text.slice(rp.end, item.end);
  if (!moved.endsWith('\n')) moved += text.includes('\r\n') ? '\r\n' : '\n';
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const initEntry = entry(pod.spec, 'initContainers');
  const init = initEntry?.value;
  let insert: TextEdit;
  if (initEntry && isSeq(init) && init.items.length > 0 && !isFlow(text, init)) {
    const firstItem = init.items[0]!;
    if (!isMap(firstItem)) return [];
    const at = lineStart(text, firstItem.span.start);
    const dash = /^( *)- /.exec(text.slice(at, firstItem.span.start));
    if (!dash) return [];
    insert = { start: at, end: at, newText: reindent(moved, dash[1]!.length - item.dash) };
  } else if (!initEntry || (init && init.type === 'scalar' && init.value === null)) {
    const keyCol = column(text, containersEntry.keySpan.start);
    if (lineStart(text, containersEntry.keySpan.start) + keyCol !== containersEntry.keySpan.start) return [];
    const at = lineStart(text, containersEntry.keySpan.start);
    // Same indentation as `containers:`, so the item keeps its own. `initContainers:` with nothing
    // after it is replaced.
    insert = initEntry
      ? { start: lineStart(text, initEntry.keySpan.start), end: entryEnd(text, initEntry), newText: `${' '.repeat(column(text, initEntry.keySpan.start))}initContainers:${nl}${moved}` }
      : { start: at, end: at, newText: `${' '.repeat(keyCol)}initContainers:${nl}${moved}` };
  } else {
    return [];
  }
  return fix(l10n.t('Move "{0}" to initContainers as a sidecar (restartPolicy: Always)', c.name), [insert, { start: item.start, end: item.end, newText: '' }], true);
}
