/** LSP adapter for hover (owned by the hover work; replace this placeholder). */
import type { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from './context';

export function hoverCapabilities(): Partial<ServerCapabilities> {
  return {};
}

export function registerHover(_ctx: ServerContext): void {
  // not registered yet
}
