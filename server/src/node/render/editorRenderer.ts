/** The language server's Renderer (lsp/rendering.ts) on Node: file URIs <-> paths, and editorRender.ts. */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Renderer } from '../../lsp/rendering';
import { projectOf, renderForEditor } from './editorRender';

export function editorRenderer(): Renderer {
  const pathOf = (uri: string): string | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    try { return path.resolve(fileURLToPath(uri)); } catch { return undefined; }
  };
  return {
    pathOf,
    uriOf: (file) => pathToFileURL(path.resolve(file)).href,
    projectOf(uri) {
      const file = pathOf(uri);
      return file ? projectOf(file) : undefined;
    },
    render: (project, options) => renderForEditor(project, options),
  };
}
