/** Per-document settings fetched with workspace/configuration, cached until they change or the document closes. */
import type { Connection } from 'vscode-languageserver';
import { SETTINGS_SECTION } from '../protocol/settings';
import type { PodLensSettings } from '../service/settings';
import { withDefaults } from '../service/settings';

export class SettingsCache {
  private readonly byUri = new Map<string, Promise<PodLensSettings>>();
  constructor(private readonly connection: Connection, private readonly hasConfiguration: () => boolean, private readonly fallback: () => Partial<PodLensSettings>) {}

  get(uri: string): Promise<PodLensSettings> {
    if (!this.hasConfiguration()) return Promise.resolve(withDefaults(this.fallback()));
    let p = this.byUri.get(uri);
    if (!p) {
      p = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then((raw: unknown) => withDefaults(fromClient(raw)), () => withDefaults(this.fallback()));
      this.byUri.set(uri, p);
    }
    return p;
  }

  clear(uri?: string): void {
    if (uri) this.byUri.delete(uri); else this.byUri.clear();
  }
}

/** The client's `podLens` section -> our settings shape. */
export function fromClient(raw: unknown): Partial<PodLensSettings> {
  if (!raw || typeof raw !== 'object') return {};
  const r = raw as Record<string, unknown>;
  const codeLens = r['codeLens'] as { enabled?: unknown } | undefined;
  const helm = (r['helm'] && typeof r['helm'] === 'object' ? r['helm'] : {}) as Record<string, unknown>;
  const kustomize = (r['kustomize'] && typeof r['kustomize'] === 'object' ? r['kustomize'] : {}) as Record<string, unknown>;
  const render: Record<string, unknown> = {};
  if (typeof helm['path'] === 'string') render['helmPath'] = helm['path'];
  if (Array.isArray(helm['valuesFiles'])) render['helmValuesFiles'] = helm['valuesFiles'].filter((f) => typeof f === 'string');
  if (typeof helm['release'] === 'string') render['helmRelease'] = helm['release'];
  if (typeof helm['namespace'] === 'string') render['helmNamespace'] = helm['namespace'];
  if (typeof kustomize['path'] === 'string') render['kustomizePath'] = kustomize['path'];
  return {
    ...(typeof r['kubernetesVersion'] === 'string' ? { kubernetesVersion: r['kubernetesVersion'] } : {}),
    ...(r['rules'] && typeof r['rules'] === 'object' ? { rules: r['rules'] as PodLensSettings['rules'] } : {}),
    ...(typeof r['maxFileSize'] === 'number' ? { maxFileSize: r['maxFileSize'] } : {}),
    ...(typeof r['defaultNamespace'] === 'string' && r['defaultNamespace'].trim() !== '' ? { defaultNamespace: r['defaultNamespace'].trim() } : {}),
    ...(codeLens && typeof codeLens.enabled === 'boolean' ? { codeLens: codeLens.enabled } : {}),
    ...(Object.keys(render).length ? { render: render as PodLensSettings['render'] } : {}),
  };
}
