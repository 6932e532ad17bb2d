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
import type {
  ClusterContextsParams, ClusterContextsResult, ClusterNamespacesParams, ClusterNamespacesResult, LivePodParams, LivePodResult,
  LivePodsParams, LivePodsResult, VerifyParams, VerifyResult,
} from './cluster';
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

/**
 * Client -> server: dry-run the pod at `position` (or every pod) of a document on the cluster of `cluster`
 * (issue 17); the prediction beside the server's answer. Talks to a cluster: sent only by an explicit command.
 */
export namespace VerifyRequest {
  export const method = 'podLens/verify';
  export const type = new RequestType<VerifyParams, VerifyResult, void>(method);
}

/** Client -> server: the contexts of a kubeconfig and its current one (reads the file, no network). */
export namespace ClusterContextsRequest {
  export const method = 'podLens/clusterContexts';
  export const type = new RequestType<ClusterContextsParams, ClusterContextsResult, void>(method);
}

/** Client -> server: the cluster's namespaces (GET), for the "Explain Pod From Cluster…" quick pick. */
export namespace ClusterNamespacesRequest {
  export const method = 'podLens/clusterNamespaces';
  export const type = new RequestType<ClusterNamespacesParams, ClusterNamespacesResult, void>(method);
}

/** Client -> server: the live pods of a namespace, optionally by label selector (GET). */
export namespace LivePodsRequest {
  export const method = 'podLens/livePods';
  export const type = new RequestType<LivePodsParams, LivePodsResult, void>(method);
}

/** Client -> server: one live pod as YAML (GET), the content of a `podlens:` document. */
export namespace LivePodRequest {
  export const method = 'podLens/livePod';
  export const type = new RequestType<LivePodParams, LivePodResult, void>(method);
}
