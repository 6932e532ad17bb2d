/**
 * LSP adapters for the cluster requests (issue 17; protocol/requests.ts VerifyRequest, ClusterContextsRequest,
 * ClusterNamespacesRequest, LivePodsRequest, LivePodRequest). The work is done by the runtime's `ClusterAccess`
 * (node/cluster/editorCluster.ts); these handlers check what arrives from the wire and never throw: a failure is
 * `{ ok: false, message }` in one sentence, logged without a stack (client-node never puts a credential in a message).
 */
import * as l10n from '@vscode/l10n';
import type { Position } from 'vscode-languageserver-protocol';
import type {
  ClusterAnswer, ClusterContextsResult, ClusterNamespacesResult, ClusterTarget, LivePodResult, LivePodsResult, VerifyResult,
} from '../protocol/cluster';
import { ClusterContextsRequest, ClusterNamespacesRequest, LivePodRequest, LivePodsRequest, VerifyRequest } from '../protocol/requests';
import type { PodService } from '../service/index';
import type { PodLensSettings } from '../service/settings';
import type { ServerContext } from './context';
import { snapshot } from './context';
import { onCustomRequest } from './runner';

export interface ClusterAccess {
  contexts(target: ClusterTarget): Promise<ClusterContextsResult>;
  verify(doc: { uri: string; version: number; text: string }, at: Position | undefined, service: PodService, settings: PodLensSettings, target: ClusterTarget): Promise<VerifyResult>;
  namespaces(target: ClusterTarget): Promise<ClusterNamespacesResult>;
  pods(target: ClusterTarget, namespace: string | undefined, labelSelector: string | undefined): Promise<LivePodsResult>;
  pod(target: ClusterTarget, namespace: string, name: string): Promise<LivePodResult>;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length <= 4096 ? v : undefined);

function targetOf(params: unknown): ClusterTarget {
  const c = (params && typeof params === 'object' ? (params as { cluster?: unknown }).cluster : undefined) as Record<string, unknown> | undefined;
  const kubeconfig = text(c?.['kubeconfig']);
  const context = text(c?.['context']);
  return { ...(kubeconfig ? { kubeconfig } : {}), ...(context ? { context } : {}) };
}

function positionOf(v: unknown): Position | undefined {
  const p = v as { line?: unknown; character?: unknown } | undefined;
  return p && Number.isInteger(p.line) && Number.isInteger(p.character) ? { line: p.line as number, character: p.character as number } : undefined;
}

async function guarded<T>(log: (m: string) => void, what: string, fn: () => Promise<ClusterAnswer<T>>): Promise<ClusterAnswer<T>> {
  try {
    return await fn();
  } catch (e) {
    const first = String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 300);
    log(`[pod-lens] ${what} failed: ${first}`);
    return { ok: false, message: l10n.t('Pod Lens could not ask the cluster: {0}', first) };
  }
}

export function registerCluster(ctx: ServerContext, access: ClusterAccess | undefined): void {
  const unavailable = { ok: false as const, message: l10n.t('This Pod Lens server cannot reach a cluster.') };
  onCustomRequest(ctx.connection, VerifyRequest.type, (params) => guarded(ctx.log, VerifyRequest.method, async () => {
    if (!access) return unavailable;
    const uri = text(params?.textDocument?.uri);
    const doc = uri !== undefined ? ctx.documents.get(uri) : undefined;
    if (!doc) return { ok: false, message: l10n.t('The document is not open in Pod Lens.') };
    const settings = await ctx.settings.get(doc.uri);
    return access.verify(snapshot(doc), positionOf(params.position), ctx.service, settings, targetOf(params));
  }));
  onCustomRequest(ctx.connection, ClusterContextsRequest.type, (params) => guarded(ctx.log, ClusterContextsRequest.method, async () =>
    access ? access.contexts(targetOf(params)) : unavailable));
  onCustomRequest(ctx.connection, ClusterNamespacesRequest.type, (params) => guarded(ctx.log, ClusterNamespacesRequest.method, async () =>
    access ? access.namespaces(targetOf(params)) : unavailable));
  onCustomRequest(ctx.connection, LivePodsRequest.type, (params) => guarded(ctx.log, LivePodsRequest.method, async () =>
    access ? access.pods(targetOf(params), text(params?.namespace), text(params?.labelSelector)) : unavailable));
  onCustomRequest(ctx.connection, LivePodRequest.type, (params) => guarded(ctx.log, LivePodRequest.method, async () => {
    if (!access) return unavailable;
    const name = text(params?.name);
    if (!name) return { ok: false, message: l10n.t('No pod name was given.') };
    return access.pod(targetOf(params), text(params?.namespace) ?? '', name);
  }));
}
