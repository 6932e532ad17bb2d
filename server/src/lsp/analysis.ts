import { AnalysisRequest } from '../protocol/analysis';
import type { AnalysisParams, AnalysisResult } from '../protocol/analysis';
import type { ServerContext } from './context';
import { snapshot } from './context';
import { runSafe } from './runner';

export function registerAnalysis(ctx: ServerContext): void {
  ctx.connection.onRequest(AnalysisRequest.method, async (params: AnalysisParams, token) => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const s = await ctx.settings.get(doc.uri);
    return runSafe<AnalysisResult | null>(ctx.log, 'podLens/analysis', null, token, () => ctx.service.analysis(snapshot(doc), s));
  });
}
