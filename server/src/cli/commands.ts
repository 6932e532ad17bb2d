/**
 * CLI commands and formats beyond `check --format text|json`: `simulate` (simulate.ts), `explain` (explain.ts) and
 * `check --format sarif` (sarif.ts). Returns undefined when the command is unknown.
 */
import type { PodService } from '../service/index';
import type { PodLensSettings } from '../service/settings';
import type { CliOptions } from './args';
import type { CheckedFile } from './check';
import { sarifFormats, runSarif } from './sarif';
import { runSimulate } from './simulate';
import { runExplain } from './explain';

export interface CliIO { out: (s: string) => void; err: (s: string) => void; stdin?: () => string }

export function extraFormats(): string[] {
  return sarifFormats();
}

export function runExtraCommand(opts: CliOptions, service: PodService, settings: Partial<PodLensSettings>, io: CliIO, files?: readonly CheckedFile[]): number | Promise<number> | undefined {
  if (opts.command === 'simulate') return runSimulate(opts, service, settings, io);
  if (opts.command === 'explain') return runExplain(opts, service, settings, io);
  if (opts.command.startsWith('check:') && files) return runSarif(opts, files, io);
  return undefined;
}
