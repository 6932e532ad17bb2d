/** Runs a handler so that nothing it throws reaches the connection: log, answer the default. */
import { CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export function runSafe<T>(log: (m: string) => void, what: string, fallback: T, token: CancellationToken | undefined, fn: () => T): T | ResponseError<void> {
  if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
  try {
    return fn();
  } catch (e) {
    log(`[pod-lens] ${what} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    return fallback;
  }
}
