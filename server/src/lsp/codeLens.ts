import type { CodeLens } from 'vscode-languageserver';
import type { ServerContext } from './context';
import { snapshot } from './context';
import { runSafe } from './runner';

export function registerCodeLens(ctx: ServerContext): void {
  ctx.connection.onCodeLens(async (params, token) => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const s = await ctx.settings.get(doc.uri);
    return runSafe<CodeLens[]>(ctx.log, 'codeLens', [], token, () =>
      ctx.service.codeLenses(snapshot(doc), s).map((l) => ({
        range: l.range,
        command: { title: l.title, command: l.command, arguments: l.arguments, tooltip: l.tooltip },
      })));
  });
}
