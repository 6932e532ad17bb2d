/**
 * What a container command or hook does, read from its argv: a shell running a `-c` script (and
 * whether that shell stays PID 1, where it ignores SIGTERM), and how long a preStop hook takes.
 * Used by the termination rules, the hovers and the lifecycle simulator.
 * https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#hook-handler-execution
 */
import * as l10n from '@vscode/l10n';
import type { HookModel } from '../../../model/pod';
import { featureEnabled } from '../../../model/version';
import type { KubeVersion } from '../../../model/version';

const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);

/** The script passed to `-c`, when argv runs a shell with -c (`busybox sh -c` included, as shell "busybox sh"). */
export function shellScript(argv: readonly string[]): { shell: string; script: string } | undefined {
  let shell = (argv[0] ?? '').split('/').pop() ?? '';
  let from = 1;
  if (shell === 'busybox' && (argv[1] === 'sh' || argv[1] === 'ash')) { shell = 'busybox sh'; from = 2; }
  else if (!SHELLS.has(shell)) return undefined;
  for (let i = from; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--' || !/^[-+]/.test(a)) return undefined;
    if (a === '-o' || a === '+o') { i++; continue; }
    if (/^-[A-Za-z]*c[A-Za-z]*$/.test(a)) {
      const script = argv[i + 1];
      return script === undefined ? undefined : { shell, script };
    }
  }
  return undefined;
}

/** Text with quoted strings and comments blanked, so separators inside quotes do not count. */
function unquoted(script: string): string {
  return script
    .replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/(^|\s)#[^\n]*/g, '$1');
}

/** Whether the shell replaces itself with the app ('exec', the app is PID 1) or stays PID 1 ('stays'). */
export type Pid1Outcome = 'exec' | 'stays' | 'unknown';

/** Why: the last command is exec'd; a plain last command; it has a redirection; something runs after the app; a trap; a pipeline; a compound command. */
export type ScriptShape = 'exec' | 'plain' | 'redirect' | 'after' | 'trap' | 'pipeline' | 'compound';

export interface ShellPid1 {
  readonly shape: ScriptShape;
  readonly dash: Pid1Outcome;
  readonly bash: Pid1Outcome;
  readonly busybox: Pid1Outcome;
}

/** Builtins of dash, bash and busybox sh that run no process and return at once. */
const QUICK_BUILTINS: ReadonlySet<string> = new Set(['echo', 'printf', 'true', 'false', ':', 'exit', 'cd', 'set', 'export', 'test', '[', 'return', 'shift', 'unset']);
/** Words that, as the last command after others, mean the app is not the last thing the script runs. */
const NOT_THE_APP: ReadonlySet<string> = new Set([...QUICK_BUILTINS, 'wait', 'sleep', 'trap', 'read']);

/**
 * Which of the common shells stay PID 1 for this `-c` script, as measured on the real shells
 * (scripts/shell-pid1, docs/kubernetes-facts.md §5; test/unit/shellPid1.test.ts runs them again):
 * - `exec app` as the last command: every shell is replaced by the app.
 * - a plain last command (alone or the last of `a && b`, `a; b`, `a || b`): dash 0.5 stays PID 1
 *   (it never execs implicitly); bash 5.1+ and busybox sh exec it.
 * - the last command has a redirection: dash and bash stay, busybox sh execs it.
 * - something runs after the app (`app; echo done`, `app & wait`), a trap is set, or the app is in a
 *   pipeline: every shell stays. Inside a compound command (if, loops, groups) dash and bash stay;
 *   busybox sh depends on the construct.
 */
export function shellPid1(script: string): ShellPid1 {
  // Substitutions ($(...), `...`, ${...}, $((...))) run before the command: one word each. The `&`
  // of a redirection (2>&1, &>) is not a separator.
  const s = unquoted(script)
    .replace(/\$\(\([^()]*\)\)|\$\([^()]*\)|`[^`]*`|\$\{[^}]*\}/g, 'x')
    .replace(/([<>])&/g, '$1\u0001').replace(/&>/g, '\u0001>')
    .trim();
  const all = (shape: ScriptShape, o: Pid1Outcome): ShellPid1 => ({ shape, dash: o, bash: o, busybox: o });
  // Top-level commands and the separator before each (`|` for a pipeline).
  const parts = s.split(/(\|\||&&|;|\n|\||&)/);
  const commands: { text: string; before: string }[] = [];
  let before = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 1) { before = part; continue; }
    if (part.trim() !== '') commands.push({ text: part.trim(), before });
  }
  const last = commands[commands.length - 1];
  if (!last) return all('exec', 'exec'); // nothing runs: the shell exits at once
  // A trailing `&` or `|`: the last command runs in the background or feeds a pipe.
  const trailing = /(^|[^&|])[&|]\s*$/.test(s);
  // Leading variable assignments (FOO=1 app) do not change which command runs.
  const wordsOf = (text: string) => text.split(/\s+/).filter((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
  const words = wordsOf(last.text);
  const first = words[0] ?? '';
  // Only quick builtins (`echo done`): the shell starts no process, there is nothing to signal.
  if (!trailing && commands.every((c) => QUICK_BUILTINS.has(wordsOf(c.text)[0] ?? ':'))) return all('exec', 'exec');
  if (!trailing && first === 'exec' && words.length > 1 && !/^\d*[<>\u0001]/.test(words[1]!)) return all('exec', 'exec');
  if (commands.some((c) => /^trap(\s|$)/.test(c.text))) return all('trap', 'stays');
  if (last.before === '|' || /\|\s*$/.test(s)) return all('pipeline', 'stays');
  const compound = commands.some((c) => /^(if|then|else|elif|fi|for|while|until|do|done|case|esac|function|select)(\s|$)|^[{(]|^[A-Za-z_][A-Za-z0-9_]*\s*\(\s*\)/.test(c.text));
  if (compound) return { shape: 'compound', dash: 'stays', bash: 'stays', busybox: 'unknown' };
  if (trailing || NOT_THE_APP.has(first.split('/').pop() ?? first)) return all('after', 'stays');
  if (/(^|\s)\d*(>>?|<|\u0001>)/.test(last.text)) return { shape: 'redirect', dash: 'stays', bash: 'stays', busybox: 'exec' };
  return { shape: 'plain', dash: 'stays', bash: 'exec', busybox: 'exec' };
}

/** The outcome for the shell argv[0] names; for `sh` (and shells we did not measure) the worst of the three. */
export function outcomeFor(shell: string, r: ShellPid1): Pid1Outcome {
  if (shell === 'dash') return r.dash;
  if (shell === 'bash') return r.bash;
  if (shell === 'ash' || shell === 'busybox sh') return r.busybox;
  return r.dash === 'exec' && r.bash === 'exec' && r.busybox === 'exec' ? 'exec' : 'stays';
}

/**
 * The container's command runs a shell `-c` script in which that shell can stay PID 1 (and so
 * ignores SIGTERM): the shell-entrypoint rule, the termination hover and the lifecycle simulator
 * all ask this. Only `command` counts (args alone run under an image ENTRYPOINT we cannot see), and
 * with shareProcessNamespace the pause container is PID 1.
 */
export function shellKeepsPid1(command: readonly string[] | undefined, args: readonly string[] | undefined, shareProcessNamespace: boolean): { shell: string; script: string; pid1: ShellPid1 } | undefined {
  if (!command || shareProcessNamespace) return undefined;
  const found = shellScript([...command, ...(args ?? [])]);
  if (!found) return undefined;
  const pid1 = shellPid1(found.script);
  return outcomeFor(found.shell, pid1) === 'exec' ? undefined : { ...found, pid1 };
}

/**
 * One sentence: why this shell can stay PID 1 with this script (the shell-entrypoint message, the
 * termination hover). For `sh` it says plainly that it depends on which shell the image's sh is.
 */
export function pid1Reason(shell: string, r: ShellPid1): string {
  const measured = shell === 'dash' || shell === 'bash' || shell === 'ash' || shell === 'busybox sh';
  switch (r.shape) {
    case 'plain':
      return measured
        ? l10n.t('dash never replaces itself with a command unless it is started with exec, not even a lone command.')
        : l10n.t('It depends on which shell the image\'s "{0}" is: dash (the sh of Debian and Ubuntu) stays PID 1 even for a single command, while bash 5.1+ and busybox sh (Alpine) replace themselves with the last command.', shell);
    case 'redirect':
      return measured
        ? shell === 'bash' ? l10n.t('bash does not replace itself with a command that has a redirection (dash never does).') : pid1Reason(shell, { ...r, shape: 'plain' })
        : l10n.t('It depends on which shell the image\'s "{0}" is: dash (the sh of Debian and Ubuntu) and bash stay PID 1 here, because the last command has a redirection; busybox sh (Alpine) replaces itself with it.', shell);
    case 'after':
      return l10n.t('A command runs after the app (or the app runs in the background), so dash, bash and busybox sh all stay PID 1.');
    case 'trap':
      return l10n.t('The script sets a trap, so dash, bash and busybox sh all stay PID 1; a shell runs its trap only after the foreground command has returned, and when PID 1 exits the kernel kills whatever is left in the container.');
    case 'pipeline':
      return l10n.t('The app runs in a pipeline, so dash, bash and busybox sh all stay PID 1.');
    case 'compound':
      return l10n.t('The app runs inside a compound command (if, a loop, a group), where dash and bash stay PID 1 (busybox sh sometimes does too).');
    case 'exec':
      return '';
  }
}

/** Seconds a `sleep N` command sleeps (`sleep 5`, `sleep 5s`), or undefined. */
function sleepSeconds(words: readonly string[]): number | undefined {
  if ((words[0] ?? '').split('/').pop() !== 'sleep' || words.length !== 2) return undefined;
  const m = /^(\d+)s?$/.exec(words[1]!);
  return m ? Number(m[1]) : undefined;
}

/** A lower bound of how long the hook runs, in seconds, when it is known. */
export function knownDuration(hook: HookModel, version: KubeVersion): { seconds: number; exact: boolean } | undefined {
  if (hook.actions.length !== 1) return undefined; // no handler or several: invalid-handler reports it
  const a = hook.actions[0]!;
  if (a.type === 'sleep') {
    if (!featureEnabled(version, 'PodLifecycleSleepAction') || !hook.sleepSeconds) return undefined;
    return { seconds: hook.sleepSeconds.value, exact: true };
  }
  if (a.type !== 'exec' || !hook.command) return undefined;
  const direct = sleepSeconds(hook.command);
  if (direct !== undefined) return { seconds: direct, exact: true };
  const sh = shellScript(hook.command);
  if (!sh) return undefined;
  // Sum the plain `sleep N` steps of the script; other steps only add time.
  let total = 0;
  let found = false;
  for (const m of sh.script.matchAll(/(^|[;&|\n(]|\bthen|\bdo)\s*sleep\s+(\d+)s?(?=\s*($|[;&|\n)]))/g)) {
    total += Number(m[2]);
    found = true;
  }
  return found ? { seconds: total, exact: false } : undefined;
}
