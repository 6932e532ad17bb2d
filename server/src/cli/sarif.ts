/** `check --format sarif` (placeholder until the diagnostics work lands). */
import type { CliOptions } from './args';
import type { CheckedFile } from './check';
import type { CliIO } from './commands';

export function sarifFormats(): string[] {
  return [];
}

export function runSarif(_opts: CliOptions, _files: readonly CheckedFile[], _io: CliIO): number | undefined {
  return undefined;
}
