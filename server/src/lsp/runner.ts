/** Handlers run so that nothing they throw reaches the connection: log, answer the default. */
import { CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Connection } from 'vscode-languageserver';
import type { RequestType } from 'vscode-languageserver-protocol';

/** Runs a handler so that nothing it throws reaches the connection: log, answer the default. */
export function runSafe<T>(log: (m: string) => void, what: string, fallback: T, token: CancellationToken | undefined, fn: () => T): T | ResponseError<void> {
  if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
  try {
    return fn();
  } catch (e) {
    log(`[pod-lens] ${what} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return fallback;
  }
}

/**
 * Registers the handler of one of our custom requests (protocol/requests.ts), typed by its
 * RequestType. Registered by method name: that RequestType comes from the client's copy of
 * vscode-jsonrpc, a different class to the compiler than the one this connection takes.
 * Params arrive from the wire: the handler still checks what it uses.
 */
export function onCustomRequest<P, R>(connection: Connection, type: RequestType<P, R, void>, handler: (params: P, token: CancellationToken) => Promise<R | ResponseError<void>>): void {
  connection.onRequest(type.method, handler);
}
