/**
 * Extension point for CLI commands and formats beyond `check --format text|json`
 * (`simulate`, `check --format sarif`). Returns undefined when the command is unknown.
 */
import type { PodService } from '../service/index';
import type { PodLensSettings } from '../service/settings';
import type { CliOptions } from './args';
import type { CheckedFile } from './check';

export interface CliIO { out: (s: string) => void; err: (s: string) => void; stdin?: () => string }

export function extraFormats(): string[] {
  return [];
}

export function runExtraCommand(_opts: CliOptions, _service: PodService, _settings: Partial<PodLensSettings>, _io: CliIO, _files?: readonly CheckedFile[]): number | undefined {
  return undefined;
}
