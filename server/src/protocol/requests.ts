/**
 * The custom requests, each typed once (params, result), in the style of rust-analyzer's
 * editors/code/src/lsp_ext.ts. The client sends them with `client.sendRequest(XRequest.type, params)`;
 * the server registers them with lsp/request.ts `onRequest(connection, XRequest.type, handler)`.
 *
 * `RequestType` comes from the client's copy of vscode-languageserver-protocol; esbuild.mjs points
 * the server bundle at the server's own copy, so no second protocol package is bundled.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { AnalysisParams, AnalysisResult } from './analysis';
import type { LifecycleParams, LifecycleTimeline } from './lifecycle';

/** Client -> server: the pods of a document (all, the one at `position`, or pod `pod`) with effective resources and QoS. */
export namespace AnalysisRequest {
  export const method = 'podLens/analysis';
  export const type = new RequestType<AnalysisParams, AnalysisResult | null, void>(method);
}

/** Client -> server: the simulated lifecycle of one pod under one scenario; null when there is no pod there. */
export namespace LifecycleRequest {
  export const method = 'podLens/lifecycle';
  export const type = new RequestType<LifecycleParams, LifecycleTimeline | null, void>(method);
}
