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
      const h = ctx.service.hover(snapshot(doc), settings, params.position) ?? ctx.rendering?.hover(doc.uri, params.position);
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
    });
  });
}
