/** activate/deactivate only: start the language client and register the commands and the preview. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { registerClusterCommands } from './cluster/register';
import { registerCommands } from './commands/index';
import { registerPreview } from './preview/register';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  try {
    client = createClient(context);
    registerCommands(client, context, { ...registerPreview(context), ...registerClusterCommands() });
    await client.start();
  } catch (e) {
    // VS Code does not show a notification when an extension fails to activate, so we do it ourselves.
    void vscode.window.showErrorMessage(vscode.l10n.t('Pod Lens failed to start: {0}', e instanceof Error ? e.message : String(e)));
    throw e;
  }
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
