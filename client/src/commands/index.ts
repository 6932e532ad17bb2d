/** The command table: id -> factory. Every registration goes into context.subscriptions. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { showEffectiveResources } from './showEffectiveResources';

export type CommandFactory = (client: LanguageClient, context: vscode.ExtensionContext) => (...args: any[]) => unknown;

const COMMANDS: Record<string, CommandFactory> = {
  'podLens.showEffectiveResources': (client) => showEffectiveResources(client),
  'podLens.restartServer': (client) => () => client.restart(),
};

export function registerCommands(client: LanguageClient, context: vscode.ExtensionContext, extra: Record<string, CommandFactory> = {}): void {
  for (const [id, factory] of Object.entries({ ...COMMANDS, ...extra })) {
    context.subscriptions.push(vscode.commands.registerCommand(id, factory(client, context)));
  }
}
