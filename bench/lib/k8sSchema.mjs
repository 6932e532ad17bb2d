// Builds an offline Kubernetes JSON schema for the peer (yaml-language-server), shaped like the
// one its `kubernetes` association downloads (yannh/kubernetes-json-schema `*-standalone-strict/all.json`):
// a `oneOf` over every top-level kind, apiVersion/kind pinned by `enum`, and objects closed with
// `additionalProperties: false` (strict: a misspelt field is an error).
//
// Source: the npm package kubernetes-models@4.3.1 (Kubernetes 1.27 OpenAPI), the last version whose
// `_schemas/*.js` still hold plain JSON schema objects (`const schema = {...}; register("id", schema)`).
// Newer versions ship precompiled validators only. Kubernetes 1.28 added `restartPolicy` to
// Container (native sidecars, https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/);
// it is patched in so that valid sidecars are not flagged.
import * as fs from 'node:fs';
import * as path from 'node:path';

const SCHEMA_RE = /const schema = (\{\}|\{[\s\S]*?\n\});\n/;
const ID_RE = /register\)\("([^"]+)", schema\)/;

/** `io.k8s.api.apps.v1.Deployment` -> `apps/v1`; undefined for non-resource types. */
function apiVersionOf(id) {
  let m = /^io\.k8s\.api\.([a-z0-9-]+)\.(v[0-9a-z]+)\.[A-Za-z0-9]+$/.exec(id);
  if (m) {
    const [, group, version] = m;
    const full = group === 'core' ? '' :
      ['apps', 'batch', 'autoscaling', 'policy', 'extensions'].includes(group) ? group :
        group === 'rbac' ? 'rbac.authorization.k8s.io' :
          group === 'flowcontrol' ? 'flowcontrol.apiserver.k8s.io' :
            group === 'apiserverinternal' ? 'internal.apiserver.k8s.io' : `${group}.k8s.io`;
    return full ? `${full}/${version}` : version;
  }
  m = /^io\.k8s\.(?:apiextensions-apiserver|kube-aggregator)\.pkg\.apis\.([a-z]+)\.(v[0-9a-z]+)\.[A-Za-z0-9]+$/.exec(id);
  return m ? `${m[1]}.k8s.io/${m[2]}` : undefined;
}

function rewrite(node) {
  if (Array.isArray(node)) return node.map(rewrite);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string') out.$ref = `#/definitions/${v.replace(/#$/, '')}`;
    else if (k === 'nullable') continue;
    else out[k] = rewrite(v);
  }
  if (node.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

export function buildK8sSchema(peerDir, outFile) {
  const dirs = [
    path.join(peerDir, 'node_modules/kubernetes-models/_schemas'),
    path.join(peerDir, 'node_modules/@kubernetes-models/apimachinery/_schemas'),
  ];
  const definitions = {};
  for (const dir of dirs) {
    for (const f of fs.readdirSync(dir)) {
      if (!f.endsWith('.js')) continue;
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      const s = SCHEMA_RE.exec(src);
      const id = ID_RE.exec(src);
      if (!s || !id) continue;
      definitions[id[1]] = rewrite(JSON.parse(s[1]));
    }
  }
  // Every $ref must resolve, or the peer reports the schema itself as broken instead of validating.
  const missing = new Set();
  JSON.stringify(definitions, (k, v) => { if (k === '$ref' && typeof v === 'string' && !definitions[v.slice(14)]) missing.add(v); return v; });
  if (missing.size > 0) throw new Error(`unresolved $refs in the generated schema: ${[...missing].join(', ')}`);
  const container = definitions['io.k8s.api.core.v1.Container'];
  if (!container) throw new Error(`no Container schema found under ${dirs.join(', ')}`);
  container.properties.restartPolicy ??= { type: 'string' };
  const oneOf = [];
  for (const [id, def] of Object.entries(definitions)) {
    const av = apiVersionOf(id);
    if (!av || !def.properties?.apiVersion || !def.properties?.kind || !(def.required ?? []).includes('kind')) continue;
    def.properties.apiVersion = { type: 'string', enum: [av] };
    def.properties.kind = { type: 'string', enum: [id.slice(id.lastIndexOf('.') + 1)] };
    oneOf.push({ $ref: `#/definitions/${id}` });
  }
  const schema = { $schema: 'http://json-schema.org/draft-07/schema#', definitions, oneOf };
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(schema));
  return { file: outFile, definitions: Object.keys(definitions).length, kinds: oneOf.length };
}
