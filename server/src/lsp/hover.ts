/** LSP adapter for hover: textDocument/hover -> the service's markdown explanation of the pod field. */
import { MarkupKind } from 'vscode-languageserver';
import type { Hover, ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from './context';
import { snapshot } from './context';
import { runSafe } from './runner';

export function hoverCapabilities(): Partial<ServerCapabilities> {
  return { hoverProvider: true };
}

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(async (params, token) => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const settings = await ctx.settings.get(doc.uri);
    return runSafe<Hover | null>(ctx.log, 'hover', null, token, () => {
      // A template or values line of a rendered chart shows what it rendered to.
      const snap = snapshot(doc);
      const h = ctx.service.hover(snap, settings, params.position) ?? ctx.rendering?.hover(doc.uri, params.position);
      if (h) return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range };
      // A ResourceQuota: what the namespace's workloads use of it.
      const quota = ctx.workspace?.hover(snap, ctx.service.analyze(snap, settings), settings, params.position);
      return quota ? { contents: { kind: MarkupKind.Markdown, value: quota.markdown } } : null;
    });
  });
}
