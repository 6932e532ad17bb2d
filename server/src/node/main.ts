/**
 * Node entry of the language server: `--stdio` for any editor, IPC when VS Code starts it.
 * console output goes to the client's log, never to stdout (which carries the protocol).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/startServer';
import { editorCluster } from './cluster/editorCluster';
import { setupL10n } from './l10n';
import { editorRenderer } from './render/editorRenderer';
import { pieceOf } from './render/pieces';
import { nodeWorkspaceFiles } from './workspaceFiles';

const connection = createConnection(ProposedFeatures.all);
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
process.on('unhandledRejection', (e) => connection.console.error(`Unhandled rejection: ${String((e as Error)?.stack ?? e)}`));
process.on('uncaughtException', (e) => connection.console.error(`Uncaught exception: ${String(e?.stack ?? e)}`));

startServer(connection, {
  timer: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
  setLocale: setupL10n,
  pieceOf,
  renderer: editorRenderer(),
  workspaceFiles: nodeWorkspaceFiles,
  cluster: editorCluster(),
});
