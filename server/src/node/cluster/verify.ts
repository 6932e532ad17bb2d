/**
 * `Verify Against Cluster` / `pod-lens verify` (issue 17): every pod of a file (a Pod, or the Pod a workload's
 * controller would build from its template) is sent to the cluster as a server-side dry-run create, and the
 * server's answer is set beside Pod Lens's prediction: QoS class, effective requests and limits, and what
 * admission added or changed, with its cause. A rejected pod's field errors get the range of their field.
 * Nothing is stored on the cluster (request.ts sends only GET and dryRun=All).
 */
import * as l10n from '@vscode/l10n';
import { LineCounter, parseAllDocuments, stringify } from 'yaml';
import type { Document } from 'yaml';
import type { Position, Range } from 'vscode-languageserver-protocol';
import type { PodSummary, QuantityList } from '../../protocol/analysis';
import type { PodService } from '../../service/index';
import type { PodLensSettings } from '../../service/settings';
import { fatalMessage, readStatus } from '../../cluster/apiStatus';
import { compareWithServer } from '../../cluster/compare';
import type { ClusterChange } from '../../cluster/compare';
import { fieldSegments, isObject, podToSubmit, templatePathOf } from '../../cluster/podToSubmit';
import type { Json } from '../../cluster/podToSubmit';
import { loadKubeconfig } from './kubeconfig';
import type { KubeconfigChoice, LoadedKubeconfig } from './kubeconfig';
import { clusterRequest } from './request';

export interface VerifyOptions extends KubeconfigChoice {
  /** The namespace for objects that name none (-n); else the context's namespace. */
  readonly namespace?: string | undefined;
  readonly timeoutMs?: number | undefined;
  /** Only the pod spec whose range contains this position (the editor's "object at the cursor"). */
  readonly at?: Position | undefined;
}

export interface ResourceView { readonly qosClass: string; readonly requests: QuantityList; readonly limits: QuantityList }

export interface VerifyError { readonly field: string; readonly reason: string; readonly message: string; readonly range: Range }

export interface VerifiedObject {
  readonly kind: string;
  readonly name: string | null;
  readonly namespace: string;
  readonly range: Range;
  readonly predicted: ResourceView;
  /** The server's pod: its QoS class (status.qosClass) and the effective requests and limits of its spec. */
  readonly server: ResourceView | null;
  readonly changes: readonly ClusterChange[];
  readonly errors: readonly VerifyError[];
  /** The server's pod as it answered (for the editor's side-by-side view). */
  readonly serverPod: Json | null;
  /** Pod Lens's analysis of the object and of the server's pod (per container, for the editor's view). */
  readonly predictedPod: PodSummary;
  readonly serverSummary: PodSummary | null;
}

export interface ClusterVersion { readonly gitVersion: string; readonly minor: string | null }

export interface VerifyReport {
  readonly context: string;
  readonly server: string;
  readonly clusterVersion: ClusterVersion | null;
  readonly objects: readonly VerifiedObject[];
}

export type VerifyResult = { readonly ok: true; readonly report: VerifyReport } | { readonly ok: false; readonly message: string };

export async function clusterVersion(kube: LoadedKubeconfig, timeoutMs?: number): Promise<{ ok: true; version: ClusterVersion | null } | { ok: false; message: string }> {
  const r = await clusterRequest(kube, 'GET', '/version', undefined, timeoutMs);
  if (!r.ok) return r;
  if (r.response.status !== 200) {
    const fatal = fatalMessage(readStatus(r.response.status, r.response.body), { server: kube.server, context: kube.context, namespace: undefined, action: 'get /version' });
    if (fatal) return { ok: false, message: fatal };
    return { ok: true, version: null };
  }
  const b = isObject(r.response.body) ? r.response.body : {};
  const gitVersion = typeof b['gitVersion'] === 'string' ? b['gitVersion'] : '';
  const m = /^v?(\d+)\.(\d+)/.exec(gitVersion);
  return { ok: true, version: gitVersion ? { gitVersion, minor: m ? `${m[1]}.${m[2]}` : null } : null };
}

interface Candidate { readonly doc: Document; readonly document: number; readonly prefix: (string | number)[]; readonly object: Json }

function candidates(text: string, lineCounter: LineCounter): Candidate[] {
  const out: Candidate[] = [];
  parseAllDocuments(text, { version: '1.1', lineCounter, uniqueKeys: false }).forEach((doc, document) => {
    let js: unknown;
    try { js = doc.toJS({ maxAliasCount: 1000 }); } catch { return; }
    if (!isObject(js)) return;
    const items = js['kind'] === 'List' && Array.isArray(js['items']) ? js['items'].map((o, i) => [o, ['items', i]] as const) : [[js, []] as const];
    for (const [object, prefix] of items) {
      if (isObject(object) && typeof object['kind'] === 'string' && templatePathOf(object['kind'])) out.push({ doc, document, prefix: [...prefix], object });
    }
  });
  return out;
}

function rangeOfField(c: Candidate, segments: readonly (string | number)[], lines: LineCounter): Range {
  for (let n = segments.length; n >= 0; n--) {
    const node = c.doc.getIn([...c.prefix, ...segments.slice(0, n)], true) as { range?: [number, number, number] } | undefined;
    const pair = n > 0 ? keyRange(c.doc, [...c.prefix, ...segments.slice(0, n)]) : undefined;
    const r = pair ?? node?.range;
    if (r) {
      const a = lines.linePos(r[0]);
      const b = lines.linePos(r[1]);
      return { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } };
    }
  }
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** The range of a map key and its scalar value (`cpu: 2 cores`), so the whole entry is marked. */
function keyRange(doc: Document, path: readonly (string | number)[]): [number, number, number] | undefined {
  const parent = doc.getIn(path.slice(0, -1), true) as { items?: { key?: { value?: unknown; range?: [number, number, number] }; value?: { range?: [number, number, number] } }[] } | undefined;
  const last = path[path.length - 1];
  const pair = typeof last === 'string' ? parent?.items?.find((p) => p.key?.value === last) : undefined;
  if (!pair?.key?.range) return undefined;
  const end = pair.value?.range && !isObject((pair.value as { items?: unknown }).items) && !Array.isArray((pair.value as { items?: unknown }).items) ? pair.value.range[1] : pair.key.range[1];
  return [pair.key.range[0], end, end];
}

function contains(r: Range, p: Position): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(p, r.start) && after(r.end, p);
}

function view(p: PodSummary): ResourceView {
  return { qosClass: p.qosClass, requests: p.requests, limits: p.limits };
}

export async function verifyText(text: string, fileName: string, service: PodService, settings: Partial<PodLensSettings>, options: VerifyOptions): Promise<VerifyResult> {
  const loaded = await loadKubeconfig(options);
  if (!loaded.ok) return loaded;
  const kube = loaded.value;
  const version = await clusterVersion(kube, options.timeoutMs);
  if (!version.ok) return version;

  const doc = { uri: `verify:${fileName}`, version: 1, text };
  const summaries = service.analysis(doc, settings).pods;
  service.close(doc.uri);
  const lines = new LineCounter();
  const found = candidates(text, lines);
  const objects: VerifiedObject[] = [];
  const used = new Set<PodSummary>();
  for (const c of found) {
    const kind = String(c.object['kind']);
    const meta = isObject(c.object['metadata']) ? c.object['metadata'] : {};
    const name = typeof meta['name'] === 'string' ? meta['name'] : null;
    const predicted = summaries.find((s) => !used.has(s) && s.document === c.document && s.kind === kind && s.name === name)
      ?? summaries.find((s) => !used.has(s) && s.kind === kind && s.name === name);
    if (!predicted) continue;
    used.add(predicted);
    if (options.at && !contains(predicted.range, options.at)) continue;
    const namespace = (typeof meta['namespace'] === 'string' && meta['namespace']) || options.namespace || kube.namespace;
    const submitted = podToSubmit(c.object, namespace);
    if (!submitted) continue;
    const apiPath = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods?dryRun=All&fieldManager=pod-lens`;
    const r = await clusterRequest(kube, 'POST', apiPath, submitted.pod, options.timeoutMs);
    if (!r.ok) return r;
    const base = { kind, name, namespace, range: predicted.range, predicted: view(predicted), predictedPod: predicted };
    if (r.response.status === 200 || r.response.status === 201) {
      const serverPod = isObject(r.response.body) ? r.response.body : {};
      const status = isObject(serverPod['status']) ? serverPod['status'] : {};
      const serverDoc = { uri: `verify-server:${fileName}#${objects.length}`, version: 1, text: stringify({ apiVersion: 'v1', kind: 'Pod', metadata: serverPod['metadata'], spec: serverPod['spec'] }) };
      const serverSummary = service.analysis(serverDoc, settings).pods[0];
      service.close(serverDoc.uri);
      const serverQos = typeof status['qosClass'] === 'string' ? status['qosClass'] : serverSummary?.qosClass ?? '';
      objects.push({
        ...base,
        server: { qosClass: serverQos, requests: serverSummary?.requests ?? {}, limits: serverSummary?.limits ?? {} },
        changes: compareWithServer(predicted, submitted.pod, serverPod, serverQos),
        errors: [], serverPod, serverSummary: serverSummary ?? null,
      });
      continue;
    }
    const s = readStatus(r.response.status, r.response.body);
    const fatal = fatalMessage(s, { server: kube.server, context: kube.context, namespace, action: l10n.t('create pods (dry run)') });
    if (fatal) return { ok: false, message: fatal };
    const causes = s.causes.length ? s.causes : [{ field: '', reason: s.reason, message: s.message }];
    objects.push({
      ...base, server: null, changes: [], serverPod: null, serverSummary: null,
      errors: causes.map((cause) => ({
        field: cause.field, reason: cause.reason,
        message: cause.field && !cause.message.startsWith(cause.field) ? `${cause.field}: ${cause.message}` : cause.message,
        range: cause.field ? rangeOfField(c, fieldSegments(cause.field, submitted.templatePath), lines) : predicted.range,
      })),
    });
  }
  return { ok: true, report: { context: kube.context, server: kube.server, clusterVersion: version.version, objects } };
}
