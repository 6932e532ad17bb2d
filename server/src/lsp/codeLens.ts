/**
 * Code lenses: `textDocument/codeLens` answers ranges only (cheap even for a thousand pods); the
 * editor resolves the lenses it shows, and `codeLens/resolve` fills in the title and command from
 * the service's per-version cache.
 */
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PodCodeLens } from '../service/codeLens';
import type { PodLensSettings } from '../service/settings';
import type { ServerContext } from './context';
import { snapshot } from './context';
import { runSafe } from './runner';

interface LensData { readonly uri: string; readonly i: number }

function isLensData(d: unknown): d is LensData {
  const x = d as Partial<LensData> | null;
  return typeof x === 'object' && x !== null && typeof x.uri === 'string' && Number.isInteger(x.i);
}

export function registerCodeLens(ctx: ServerContext): void {
  ctx.connection.onCodeLens(async (params, token) => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const s = await ctx.settings.get(doc.uri);
    return runSafe<CodeLens[]>(ctx.log, 'codeLens', [], token, () =>
      lensesOf(ctx, doc, s).map((l, i) => ({ range: l.range, data: { uri: doc.uri, i } satisfies LensData })));
  });
  ctx.connection.onCodeLensResolve(async (lens, token) => {
    if (!isLensData(lens.data)) return lens;
    const doc = ctx.documents.get(lens.data.uri);
    if (!doc) return lens;
    const s = await ctx.settings.get(doc.uri);
    const i = lens.data.i;
    return runSafe<CodeLens>(ctx.log, 'codeLens/resolve', lens, token, () => {
      const l = lensesOf(ctx, doc, s)[i];
      return l ? { range: lens.range, command: { title: l.title, command: l.command, arguments: l.arguments, tooltip: l.tooltip } } : lens;
    });
  });
}

/** The document's own lenses, or those of the rendered objects it writes (a template's `kind:` line). */
function lensesOf(ctx: ServerContext, doc: TextDocument, s: PodLensSettings): readonly PodCodeLens[] {
  const own = ctx.service.codeLenses(snapshot(doc), s);
  // Only for a file with no pod of its own (a template, a patch): a plain resource keeps its own lens.
  return own.length === 0 ? ctx.rendering?.lenses(doc.uri) ?? own : own;
}
