/**
 * Wires the LSP connection to the service: capabilities, open documents, debounced diagnostics,
 * settings, and one `register*` adapter per feature.
 */
import { DidChangeConfigurationNotification, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import type { Connection, InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SETTINGS_SECTION } from '../protocol/settings';
import { createPodService } from '../service/index';
import type { PodLensSettings } from '../service/settings';
import { registerAnalysis } from './analysis';
import { registerCodeLens } from './codeLens';
import type { ServerContext } from './context';
import { Validator } from './diagnostics';
import type { Timer } from './diagnostics';
import { registerFeatures, serverCapabilities } from './features';
import { SettingsCache, fromClient } from './settings';
import { registerStats } from './stats';

export interface RuntimeEnvironment {
  readonly timer: Timer;
  /** Called with the client's locale before any message is produced. */
  readonly setLocale?: (locale: string | undefined) => void;
  /** Debounce after an edit, in ms. */
  readonly validationDelayMs?: number;
  /** Which documents are pieces of a chart or overlay, never judged alone (issue 15). */
  readonly pieceOf?: (uri: string) => 'helm-template' | 'kustomize-patch' | undefined;
}

export function startServer(connection: Connection, runtime: RuntimeEnvironment): void {
  const documents = new TextDocuments(TextDocument);
  const log = (m: string) => connection.console.error(m);
  const service = createPodService({ log, retain: (uri) => documents.get(uri) !== undefined, ...(runtime.pieceOf ? { pieceOf: runtime.pieceOf } : {}) });
  let hasConfiguration = false;
  let initSettings: Partial<PodLensSettings> = {};
  const settings = new SettingsCache(connection, () => hasConfiguration, () => initSettings);
  const validator = new Validator(connection, service, settings, runtime.timer, runtime.validationDelayMs ?? 50, log);
  const ctx: ServerContext = { connection, documents, service, settings, log };

  connection.onInitialize((params): InitializeResult => {
    runtime.setLocale?.(params.locale);
    hasConfiguration = !!params.capabilities.workspace?.configuration;
    const opts = params.initializationOptions as { settings?: unknown } | undefined;
    initSettings = fromClient(opts?.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeLensProvider: { resolveProvider: true },
        ...serverCapabilities(),
      },
      serverInfo: { name: 'pod-lens-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (hasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
  });

  connection.onDidChangeConfiguration((change) => {
    settings.clear();
    if (!hasConfiguration) initSettings = fromClient((change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION]);
    for (const doc of documents.all()) validator.schedule(doc, true);
  });

  documents.onDidOpen((e) => validator.schedule(e.document, true));
  documents.onDidChangeContent((e) => {
    if (e.document.version > 1) validator.schedule(e.document);
  });
  documents.onDidClose((e) => {
    validator.forget(e.document);
    settings.clear(e.document.uri);
    service.close(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  registerCodeLens(ctx);
  registerAnalysis(ctx);
  registerFeatures(ctx);
  registerStats(ctx);

  documents.listen(connection);
  connection.listen();
}
