/**
 * `pod-lens`: the same service as the language server, over files on disk.
 * Exit codes: 0 clean, 1 findings at the --fail-on level, 2 usage or I/O errors.
 */
import { createPodService } from '../service/index';
import { setupL10n } from '../node/l10n';
import { parseArgs, USAGE, UsageError } from './args';
import type { CliOptions } from './args';
import { CheckWorkspace, checkSources, exitCode, jsonReport, textReport } from './check';
import { collectSources } from './files';
import { runExtraCommand, extraFormats } from './commands';
import type { CliIO } from './commands';
import { checkRendered } from './renderCheck';
import { runVerify } from './verify';
import type { PodService } from '../service/index';
import type { PodLensSettings } from '../service/settings';

/** The CLI, synchronous for files; `check --helm/--kustomize` renders with a child process (use `runCli`). */
export function run(argv: readonly string[], io: CliIO): number {
  const code = runCli(argv, io);
  if (typeof code !== 'number') throw new Error('pod-lens: --helm/--kustomize, verify and explain --from-cluster are asynchronous; call runCli');
  return code;
}

export function runCli(argv: readonly string[], io: CliIO): number | Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    io.err(`pod-lens: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (opts.help || !opts.command) {
    (opts.help ? io.out : io.err)(USAGE);
    return opts.help ? 0 : 2;
  }
  setupL10n(opts.locale);
  const settings = opts.kubernetesVersion ? { kubernetesVersion: opts.kubernetesVersion } : {};
  const workspace = new CheckWorkspace(opts.defaultNamespace);
  const service = createPodService({ log: (m) => io.err(m), admission: workspace.admission });
  if (opts.command === 'verify') return runVerify(opts, service, settings, io);
  if (opts.command !== 'check') {
    const code = runExtraCommand(opts, service, settings, io);
    if (code !== undefined) return code;
    io.err(`pod-lens: unknown command ${opts.command}\n${USAGE}`);
    return 2;
  }
  const formats = ['text', 'json', ...extraFormats()];
  if (!formats.includes(opts.format)) {
    io.err(`pod-lens: --format must be one of ${formats.join(', ')}`);
    return 2;
  }
  if (opts.render) {
    if (opts.inputs.length) {
      io.err(`pod-lens: --${opts.render.kind} checks the rendered ${opts.render.kind === 'helm' ? 'chart' : 'overlay'}; give no other FILE or DIR\n${USAGE}`);
      return 2;
    }
    return runRendered(opts, service, settings, io);
  }
  if (opts.inputs.length === 0) {
    io.err(`pod-lens: check needs at least one FILE, DIR or -\n${USAGE}`);
    return 2;
  }
  const { sources, errors } = collectSources(opts.inputs, io.stdin);
  for (const e of errors) io.err(`pod-lens: ${e.name}: ${e.message}`);
  const files = checkSources(service, sources, settings, workspace);
  if (opts.format === 'json') io.out(jsonReport(files, errors));
  else if (opts.format === 'text') io.out(textReport(files));
  else {
    const code = runExtraCommand({ ...opts, command: `check:${opts.format}` }, service, settings, io, files);
    if (code === undefined) return 2;
  }
  if (errors.length) return 2;
  if (sources.length === 0) {
    io.err('pod-lens: no YAML files found');
    return 2;
  }
  return exitCode(files, opts.failOn);
}

async function runRendered(opts: CliOptions, service: PodService, settings: Partial<PodLensSettings>, io: CliIO): Promise<number> {
  const result = await checkRendered(opts.render!, service, settings);
  if ('error' in result) {
    io.err(`pod-lens: ${result.error}`);
    return 2;
  }
  const files = result.files;
  if (opts.format === 'json') io.out(jsonReport(files, []));
  else if (opts.format === 'text') io.out(textReport(files));
  else if (runExtraCommand({ ...opts, command: `check:${opts.format}` }, service, settings, io, files) === undefined) return 2;
  return exitCode(files, opts.failOn);
}
