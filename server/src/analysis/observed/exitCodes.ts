/**
 * What a container's exit code says. A process killed by signal n exits 128+n as the shell and the
 * container runtimes report it (containerd/CRI-O: exit status of a signalled task = 128 + signal);
 * 126 and 127 are the shell's "found but not executable" and "not found" (POSIX sh, also what runc's
 * exec reports through containerd as StartError).
 */
import * as l10n from '@vscode/l10n';

/** Linux signal numbers (x86-64/arm64 share these). */
const SIGNAL_NAMES: Readonly<Record<number, string>> = {
  1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 4: 'SIGILL', 5: 'SIGTRAP', 6: 'SIGABRT', 7: 'SIGBUS', 8: 'SIGFPE',
  9: 'SIGKILL', 10: 'SIGUSR1', 11: 'SIGSEGV', 12: 'SIGUSR2', 13: 'SIGPIPE', 14: 'SIGALRM', 15: 'SIGTERM',
};

export const SIGKILL = 9;
export const SIGTERM = 15;

/** The signal behind an exit code (128+n, 1 <= n <= 64), or the runtime's own signal field. */
export function signalOf(exitCode: number | undefined, signalField?: number): number | undefined {
  if (signalField !== undefined && signalField > 0) return signalField;
  if (exitCode === undefined) return undefined;
  return exitCode > 128 && exitCode <= 128 + 64 ? exitCode - 128 : undefined;
}

export function signalName(n: number): string {
  return SIGNAL_NAMES[n] ?? `SIG${n}`;
}

/** One sentence on what the exit code means. */
export function exitCodeMeaning(exitCode: number, signalField?: number): string {
  const sig = signalOf(exitCode, signalField);
  if (exitCode === 0) return l10n.t('Exit code 0: the process finished successfully.');
  if (exitCode === 1) return l10n.t('Exit code 1: the application reported a general error; its logs say why (kubectl logs --previous).');
  if (exitCode === 126) return l10n.t('Exit code 126: the command was found but could not be executed (permissions, or not a binary for this platform).');
  if (exitCode === 127) return l10n.t('Exit code 127: the command was not found in the image (check command, args and PATH).');
  if (sig === SIGKILL) return l10n.t('Exit code 137 = 128 + 9: the process was killed with SIGKILL, which cannot be caught.');
  if (sig === SIGTERM) return l10n.t('Exit code 143 = 128 + 15: the process ended on SIGTERM, the polite stop signal.');
  if (sig !== undefined) return l10n.t('Exit code {0} = 128 + {1}: the process was ended by signal {2}.', exitCode, sig, signalName(sig));
  return l10n.t('Exit code {0}: the application ended with an error; its logs say why (kubectl logs --previous).', exitCode);
}
