/**
 * Runs a rendering tool (helm, kustomize) the safe way: no shell (arguments are an array), a timeout, a cap
 * on output, and a cancellation signal. Never throws: every outcome is a result.
 */
import { execFile } from 'node:child_process';

export interface RunOptions {
  readonly timeoutMs?: number;
  readonly maxOutputBytes?: number;
  readonly cwd?: string;
  readonly signal?: AbortSignal;
}

export type RunResult =
  | { readonly ok: true; readonly stdout: string; readonly stderr: string }
  | { readonly ok: false; readonly reason: 'missing' | 'failed' | 'timeout' | 'too-large' | 'cancelled'; readonly stderr: string; readonly message: string };

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_OUTPUT = 32 * 1024 * 1024;

export function runTool(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    let child: ReturnType<typeof execFile> | undefined;
    try {
      child = execFile(command, args as string[], {
        shell: false,
        windowsHide: true,
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxBuffer: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT,
        killSignal: 'SIGKILL',
        encoding: 'utf8',
        ...(options.cwd ? { cwd: options.cwd } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      }, (error, stdout, stderr) => {
        if (!error) { resolve({ ok: true, stdout, stderr }); return; }
        const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string; code?: string | number };
        const err = String(stderr ?? '');
        if (e.code === 'ENOENT' || e.code === 'EACCES') resolve({ ok: false, reason: 'missing', stderr: err, message: e.message });
        else if (e.name === 'AbortError' || e.code === 'ABORT_ERR') resolve({ ok: false, reason: 'cancelled', stderr: err, message: e.message });
        else if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') resolve({ ok: false, reason: 'too-large', stderr: err, message: e.message });
        else if (e.killed && e.signal === 'SIGKILL') resolve({ ok: false, reason: 'timeout', stderr: err, message: e.message });
        else resolve({ ok: false, reason: 'failed', stderr: err, message: e.message });
      });
    } catch (e) {
      resolve({ ok: false, reason: 'failed', stderr: '', message: (e as Error).message });
    }
    child?.stdin?.end();
  });
}
