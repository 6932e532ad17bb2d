/**
 * `podLens/_stats`: a hidden request for the soak test (not advertised, not used by the client). It
 * reports what must not grow while documents are opened, edited and closed: the service's per-document
 * cache and the heap (after a full GC when the process runs with --expose-gc).
 */
import type { ServerContext } from './context';

export const STATS_METHOD = 'podLens/_stats';

export interface ServerStats {
  readonly cachedDocuments: number;
  readonly openDocuments: number;
  readonly heapUsed: number;
  readonly gcRan: boolean;
}

export function registerStats(ctx: ServerContext): void {
  ctx.connection.onRequest(STATS_METHOD, (): ServerStats => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (typeof gc === 'function') gc();
    return {
      cachedDocuments: ctx.service.cacheSize(),
      openDocuments: ctx.documents.all().length,
      heapUsed: process.memoryUsage().heapUsed,
      gcRan: typeof gc === 'function',
    };
  });
}
