/** LSP adapter for codeActions (owned by the codeActions work; replace this placeholder). */
import type { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from './context';

export function codeActionCapabilities(): Partial<ServerCapabilities> {
  return {};
}

export function registerCodeActions(_ctx: ServerContext): void {
  // not registered yet
}
