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
  /** The namespace of objects that name none (podLens.defaultNamespace; default `default`). */
  readonly defaultNamespace?: string;
  /** How the editor renders Helm charts and Kustomize overlays (issue 15); defaults from renderSettings(). */
  readonly render?: Partial<RenderSettings>;
}

/** podLens.helm.* and podLens.kustomize.path. */
export interface RenderSettings {
  /** The helm binary; default `helm` on PATH. */
  readonly helmPath: string;
  /** Values files, relative to the chart directory or absolute; default the chart's values.yaml. */
  readonly helmValuesFiles: readonly string[];
  readonly helmRelease: string;
  /** Empty: helm's default namespace. */
  readonly helmNamespace: string;
  /** kustomize, or kubectl (then `kubectl kustomize` runs). */
  readonly kustomizePath: string;
}

export const DEFAULT_RENDER_SETTINGS: RenderSettings = {
  helmPath: 'helm', helmValuesFiles: ['values.yaml'], helmRelease: 'release', helmNamespace: '', kustomizePath: 'kustomize',
};

export function renderSettings(s: Partial<PodLensSettings> | undefined): RenderSettings {
  const r = s?.render ?? {};
  const text = (v: unknown, d: string) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : d);
  const files = Array.isArray(r.helmValuesFiles) ? r.helmValuesFiles.filter((f): f is string => typeof f === 'string' && f.trim() !== '') : DEFAULT_RENDER_SETTINGS.helmValuesFiles;
  return {
    helmPath: text(r.helmPath, DEFAULT_RENDER_SETTINGS.helmPath),
    helmValuesFiles: files,
    helmRelease: text(r.helmRelease, DEFAULT_RENDER_SETTINGS.helmRelease),
    helmNamespace: typeof r.helmNamespace === 'string' ? r.helmNamespace.trim() : '',
    kustomizePath: text(r.kustomizePath, DEFAULT_RENDER_SETTINGS.kustomizePath),
  };
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
    ...(p.render && typeof p.render === 'object' ? { render: p.render } : {}),
    ...(typeof p.defaultNamespace === 'string' && p.defaultNamespace !== '' ? { defaultNamespace: p.defaultNamespace } : {}),
  };
}
