/**
 * The one place Pod Lens talks to a Kubernetes API server (issue 17). Only two kinds of request leave it:
 * GET (read) and POST with `dryRun=All` (the server runs admission and validation and stores nothing);
 * `assertDryRunOnly` refuses anything else before a byte is sent. Every call has a timeout. Credentials are
 * applied by client-node to the request options and never enter a message, a log or a result.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import * as l10n from '@vscode/l10n';
import type { LoadedKubeconfig } from './kubeconfig';
import { firstLine } from './kubeconfig';

export const DEFAULT_TIMEOUT_MS = 15_000;
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export type ClusterMethod = 'GET' | 'POST';

export interface ClusterResponse {
  readonly status: number;
  /** The parsed JSON body (a Kubernetes object or a Status), or undefined when it was not JSON. */
  readonly body: unknown;
}

export type ClusterResult = { readonly ok: true; readonly response: ClusterResponse } | { readonly ok: false; readonly message: string };

/** Throws unless the request is a read or a dry-run write: Pod Lens never changes a cluster. */
export function assertDryRunOnly(method: string, apiPath: string): void {
  if (method === 'GET') return;
  const query = new URLSearchParams(apiPath.includes('?') ? apiPath.slice(apiPath.indexOf('?') + 1) : '');
  if (method === 'POST' && query.getAll('dryRun').length === 1 && query.get('dryRun') === 'All') return;
  throw new Error(`pod-lens: refusing ${method} ${apiPath.split('?')[0]}: only GET and dry-run POST (dryRun=All) are sent to a cluster`);
}

export async function clusterRequest(kube: LoadedKubeconfig, method: ClusterMethod, apiPath: string, body?: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ClusterResult> {
  assertDryRunOnly(method, apiPath);
  let url: URL;
  try {
    url = new URL(kube.server.replace(/\/+$/, '') + apiPath);
  } catch {
    return { ok: false, message: l10n.t('The cluster URL {0} of context {1} is not a URL.', kube.server, kube.context) };
  }
  const options: https.RequestOptions = {
    method,
    protocol: url.protocol,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port || undefined,
    path: url.pathname + url.search,
    headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    timeout: timeoutMs,
  };
  try {
    await kube.config.applyToHTTPSOptions(options);
  } catch (e) {
    // Exec plugins and OIDC refreshes fail here; their messages describe the plugin, not the secret.
    return { ok: false, message: l10n.t('The credentials of context {0} could not be obtained: {1}', kube.context, firstLine(e)) };
  }
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
  if (payload) (options.headers as Record<string, string | number>)['Content-Length'] = payload.length;
  return new Promise<ClusterResult>((resolve) => {
    const transport = url.protocol === 'http:' ? http : https;
    let settled = false;
    const done = (r: ClusterResult) => { if (!settled) { settled = true; clearTimeout(timer); resolve(r); } };
    const timedOut = () => done({ ok: false, message: l10n.t('The cluster at {0} did not answer within {1} s.', kube.server, Math.round(timeoutMs / 1000)) });
    let req: http.ClientRequest;
    try {
      req = transport.request(options, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_RESPONSE_BYTES) { req.destroy(); done({ ok: false, message: l10n.t('The cluster at {0} sent more than {1} MiB; stopped reading.', kube.server, MAX_RESPONSE_BYTES / 1024 / 1024) }); return; }
          chunks.push(c);
        });
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try { parsed = JSON.parse(text); } catch { parsed = undefined; }
          done({ ok: true, response: { status: res.statusCode ?? 0, body: parsed } });
        });
        res.on('error', (e) => done({ ok: false, message: l10n.t('Cannot reach the cluster at {0}: {1}', kube.server, firstLine(e)) }));
      });
    } catch (e) {
      done({ ok: false, message: l10n.t('Cannot reach the cluster at {0}: {1}', kube.server, firstLine(e)) });
      return;
    }
    const timer = setTimeout(() => { req.destroy(); timedOut(); }, timeoutMs);
    req.on('timeout', () => { req.destroy(); timedOut(); });
    req.on('error', (e: NodeJS.ErrnoException) => done({ ok: false, message: l10n.t('Cannot reach the cluster at {0}: {1}', kube.server, e.code ? `${e.code} ${firstLine(e)}` : firstLine(e)) }));
    if (payload) req.write(payload);
    req.end();
  });
}
