import type { AnalysisParams } from '../protocol/analysis';
import { AnalysisRequest } from '../protocol/requests';
import type { ServerContext } from './context';
import { snapshot } from './context';
import { onCustomRequest, runSafe } from './runner';

export function registerAnalysis(ctx: ServerContext): void {
  onCustomRequest(ctx.connection, AnalysisRequest.type, async (params, token) => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const s = await ctx.settings.get(doc.uri);
    return runSafe(ctx.log, AnalysisRequest.method, null, token, () => {
      const own = ctx.service.analysis(snapshot(doc), s, scopeOf(params));
      // A template or overlay file has no pods of its own: the rendered pods its objects became.
      const rendered = own.pods.length === 0 ? ctx.rendering?.pods(doc.uri) ?? [] : [];
      return rendered.length ? { ...own, pods: rendered } : own;
    });
  });
}

/** Untrusted params: keep a position or pod index only when it is well-formed. */
function scopeOf(params: AnalysisParams): { position?: { line: number; character: number }; pod?: number } | undefined {
  const p = params.position as { line?: unknown; character?: unknown } | undefined;
  if (p && Number.isInteger(p.line) && Number.isInteger(p.character)) return { position: { line: p.line as number, character: p.character as number } };
  if (Number.isInteger(params.pod)) return { pod: params.pod as number };
  return undefined;
}
