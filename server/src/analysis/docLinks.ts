/**
 * Links to kubernetes.io in the reader's language. The zh-cn site mirrors the English docs tree under
 * /zh-cn/docs/ (every page Pod Lens cites has a translation there: kubernetes/website content/zh-cn/docs),
 * so the link keeps its path and only the root changes. The root is a message like any other: the zh-cn
 * bundle translates it (l10n/parts/core.zh-cn.json), so whoever loaded the bundle gets its links.
 */
import * as l10n from '@vscode/l10n';

const ENGLISH_ROOT = 'https://kubernetes.io/docs/';

/** `https://kubernetes.io/docs/concepts/...` in the loaded language; any other URL as it is. */
export function kubernetesDocUrl(url: string): string {
  if (!url.startsWith(ENGLISH_ROOT)) return url;
  return l10n.t('https://kubernetes.io/docs/') + url.slice(ENGLISH_ROOT.length);
}
