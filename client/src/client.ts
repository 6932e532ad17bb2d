/** Language client options and construction; the server runs as a Node module over IPC. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../server/src/protocol/settings';

export function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // `podlens:` holds live pods read from a cluster (cluster/livePodDocuments.ts), explained like files.
    documentSelector: [{ language: 'yaml', scheme: 'file' }, { language: 'yaml', scheme: 'untitled' }, { language: 'yaml', scheme: 'podlens' }],
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannelName: 'Pod Lens',
  };
  return new LanguageClient(SETTINGS_SECTION, 'Pod Lens', serverOptions, clientOptions);
}
