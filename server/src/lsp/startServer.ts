/**
 * Wires the LSP connection to the service: capabilities, open documents, debounced diagnostics,
 * settings, and one `register*` adapter per feature.
 */
import { CodeLensRefreshRequest, DidChangeConfigurationNotification, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import type { Connection, InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SETTINGS_SECTION } from '../protocol/settings';
import { createPodService } from '../service/index';
import type { PodLensSettings } from '../service/settings';
import { registerAnalysis } from './analysis';
import { registerCluster } from './cluster';
import type { ClusterAccess } from './cluster';
import { registerCodeLens } from './codeLens';
import type { ServerContext } from './context';
import { Validator, toLspDiagnostic } from './diagnostics';
import type { Timer } from './diagnostics';
import { registerFeatures, serverCapabilities } from './features';
import { Rendering } from './rendering';
import type { Renderer } from './rendering';
import { SettingsCache, fromClient } from './settings';
import { registerStats } from './stats';
import { WorkspaceState } from './workspace';
import type { WorkspaceFiles } from './workspace';

export interface RuntimeEnvironment {
  readonly timer: Timer;
  /** Called with the client's locale before any message is produced. */
  readonly setLocale?: (locale: string | undefined) => void;
  /** Debounce after an edit, in ms. */
  readonly validationDelayMs?: number;
  /** Which documents are pieces of a chart or overlay, never judged alone (issue 15). */
  readonly pieceOf?: (uri: string) => 'helm-template' | 'kustomize-patch' | undefined;
  /** Renders the charts and overlays open files belong to (issue 15); none: no rendering. */
  readonly renderer?: Renderer;
  /** Debounce of a re-render after an edit, in ms. */
  readonly renderDelayMs?: number;
  /** Reads the workspace's files for the workspace index (issue 16); none: only open documents are known. */
  readonly workspaceFiles?: WorkspaceFiles;
  /** Talks to a cluster when the user runs a cluster command (issue 17); none: those requests say so. */
  readonly cluster?: ClusterAccess;
}

export function startServer(connection: Connection, runtime: RuntimeEnvironment): void {
  const documents = new TextDocuments(TextDocument);
  const log = (m: string) => connection.console.error(m);
  let validator: Validator | undefined;
  let lensRefresh = false;
  const refreshLenses = () => { if (lensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined); };
  const workspace = runtime.workspaceFiles
    ? new WorkspaceState(connection, documents, runtime.workspaceFiles, runtime.timer, log, (docs) => {
      for (const d of docs) validator?.refresh(d);
      refreshLenses();
    })
    : undefined;
  const service = createPodService({
    log, retain: (uri) => documents.get(uri) !== undefined,
    ...(runtime.pieceOf ? { pieceOf: runtime.pieceOf } : {}),
    ...(workspace ? { admission: workspace.admission } : {}),
  });
  let hasConfiguration = false;
  let initSettings: Partial<PodLensSettings> = {};
  const settings = new SettingsCache(connection, () => hasConfiguration, () => initSettings);
  let rendering: Rendering | undefined;
  let roots: string[] = [];
  let canWatch = false;
  validator = new Validator(connection, service, settings, runtime.timer, runtime.validationDelayMs ?? 50, log, (doc, own, s) => {
    const merged = rendering?.merge(doc.uri, own) ?? own;
    return workspace ? [...merged, ...workspace.diagnosticsFor(doc, service.analyze(doc, s), s)] : merged;
  });
  if (runtime.renderer) {
    rendering = new Rendering(connection, documents, settings, runtime.renderer, runtime.timer, runtime.renderDelayMs ?? 300, log, (uris) => {
      for (const uri of uris) {
        const doc = documents.get(uri);
        if (doc) validator?.schedule(doc, true);
        else void connection.sendDiagnostics({ uri, diagnostics: (rendering?.diagnostics(uri) ?? []).map(toLspDiagnostic) });
      }
      refreshLenses();
    });
  }
  const ctx: ServerContext = { connection, documents, service, settings, log, ...(rendering ? { rendering } : {}), ...(workspace ? { workspace } : {}) };
  const defaultNamespace = async () => {
    if (!workspace) return;
    const s = await settings.get(roots[0] ?? '');
    workspace.setDefaultNamespace(s.defaultNamespace);
  };

  connection.onInitialize((params): InitializeResult => {
    runtime.setLocale?.(params.locale);
    hasConfiguration = !!params.capabilities.workspace?.configuration;
    lensRefresh = !!params.capabilities.workspace?.codeLens?.refreshSupport;
    const opts = params.initializationOptions as { settings?: unknown } | undefined;
    initSettings = fromClient(opts?.settings);
    roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    canWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
        codeLensProvider: { resolveProvider: true },
        ...serverCapabilities(),
      },
      serverInfo: { name: 'pod-lens-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (hasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    if (workspace) void defaultNamespace().then(() => workspace.start(roots, canWatch));
  });

  connection.onDidChangeWatchedFiles((params) => { void workspace?.watched(params.changes); });

  connection.onDidChangeConfiguration((change) => {
    settings.clear();
    if (!hasConfiguration) initSettings = fromClient((change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION]);
    void defaultNamespace();
    for (const doc of documents.all()) validator?.schedule(doc, true);
    rendering?.settingsChanged();
  });

  documents.onDidOpen((e) => { validator?.schedule(e.document, true); rendering?.touched(e.document.uri, true); });
  documents.onDidChangeContent((e) => {
    if (e.document.version > 1) { validator?.schedule(e.document); rendering?.touched(e.document.uri); }
  });
  // Saving may change what the tool reads from disk for files that are not open.
  documents.onDidSave((e) => rendering?.touched(e.document.uri));
  documents.onDidClose((e) => {
    rendering?.closed(e.document.uri);
    validator?.forget(e.document);
    settings.clear(e.document.uri);
    service.close(e.document.uri);
    void workspace?.closed(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  registerCodeLens(ctx);
  registerAnalysis(ctx);
  registerFeatures(ctx);
  registerStats(ctx);
  registerCluster(ctx, runtime.cluster);

  documents.listen(connection);
  connection.listen();
}
