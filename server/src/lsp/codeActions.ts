/**
 * LSP adapter for quick fixes: textDocument/codeAction with the diagnostics in the request's
 * context -> the service's code actions (already LSP-shaped, with a workspace edit).
 */
import { CodeActionKind } from 'vscode-languageserver';
import type { CodeAction, Diagnostic, ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from './context';
import { snapshot } from './context';
import { runSafe } from './runner';

export function codeActionCapabilities(): Partial<ServerCapabilities> {
  return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } };
}

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(async (params, token) => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const only = params.context.only;
    if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === CodeActionKind.Empty)) return [];
    const ours = params.context.diagnostics.filter((d) => d.source === 'pod-lens');
    if (ours.length === 0) return [];
    const settings = await ctx.settings.get(doc.uri);
    return runSafe<CodeAction[]>(ctx.log, 'codeAction', [], token, () =>
      [
        ...(ctx.workspace?.codeActions<Diagnostic>(snapshot(doc), settings, ours) ?? []),
        ...ctx.service.codeActions<Diagnostic>(snapshot(doc), settings, params.range, ours),
      ].map((a) => ({
        title: a.title, kind: a.kind, diagnostics: a.diagnostics, edit: a.edit,
        ...(a.isPreferred ? { isPreferred: true } : {}),
      })));
  });
}
