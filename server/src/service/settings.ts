/** The settings the service reads, typed once (client and CLI fill them in). */
import type { Severity } from '../analysis/finding';
import { LATEST_KNOWN_VERSION } from '../model/version';

export type RuleSetting = Severity | 'off';

export interface PodLensSettings {
  /** Target Kubernetes minor version, e.g. "1.35". */
  readonly kubernetesVersion: string;
  /** Per-rule severity overrides or 'off'. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Files larger than this (UTF-16 code units) are skipped with a notice. */
  readonly maxFileSize: number;
  readonly codeLens: boolean;
}

export const DEFAULT_SETTINGS: PodLensSettings = {
  kubernetesVersion: LATEST_KNOWN_VERSION,
  rules: {},
  maxFileSize: 5_000_000,
  codeLens: true,
};

export function withDefaults(partial: Partial<PodLensSettings> | undefined | null): PodLensSettings {
  const p = (partial && typeof partial === 'object' ? partial : {}) as Partial<PodLensSettings>;
  return {
    kubernetesVersion: typeof p.kubernetesVersion === 'string' ? p.kubernetesVersion : DEFAULT_SETTINGS.kubernetesVersion,
    rules: p.rules && typeof p.rules === 'object' ? p.rules : {},
    maxFileSize: typeof p.maxFileSize === 'number' && p.maxFileSize > 0 ? p.maxFileSize : DEFAULT_SETTINGS.maxFileSize,
    codeLens: typeof p.codeLens === 'boolean' ? p.codeLens : true,
  };
}
