/** LSP adapter for podLens/lifecycle: the simulated timeline of the pod at a position (protocol/requests.ts). */
import type { ServerCapabilities } from 'vscode-languageserver';
import { LifecycleRequest } from '../protocol/requests';
import type { ServerContext } from './context';
import { snapshot } from './context';
import { onCustomRequest, runSafe } from './runner';

export function lifecycleCapabilities(): Partial<ServerCapabilities> {
  return {};
}

export function registerLifecycle(ctx: ServerContext): void {
  onCustomRequest(ctx.connection, LifecycleRequest.type, async (params, token) => {
    const uri = params?.textDocument?.uri;
    const doc = typeof uri === 'string' ? ctx.documents.get(uri) : undefined;
    if (!doc) return null;
    const settings = await ctx.settings.get(doc.uri);
    const query = {
      ...(params.position ? { position: params.position } : {}),
      ...(params.pod !== undefined ? { pod: params.pod } : {}),
      scenario: params.scenario,
      assumptions: params.assumptions,
    };
    return runSafe(ctx.log, LifecycleRequest.method, null, token, () =>
      // A template or overlay file: the preview of the rendered pod its objects became.
      ctx.service.lifecycle(snapshot(doc), settings, query) ?? ctx.rendering?.lifecycle(doc.uri, doc.version, query) ?? null);
  });
}
