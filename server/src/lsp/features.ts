/**
 * Feature adapters beyond diagnostics, code lenses and the analysis request. Each feature is one
 * file with a `register*(ctx)` and, where it needs one, a capability.
 */
import type { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from './context';

export function serverCapabilities(): Partial<ServerCapabilities> {
  return {};
}

export function registerFeatures(_ctx: ServerContext): void {
  // hover, code actions and the lifecycle request register here.
}
