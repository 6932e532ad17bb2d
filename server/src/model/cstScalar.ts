/**
 * Scalars for cstTree.ts: the text of a scalar token and its YAML 1.1 value, exactly as the `yaml`
 * package's Composer resolves them (compose/compose-scalar.js, resolve-flow-scalar.js), with short
 * cuts for the common one-line scalars. A problem the Composer would report throws CstFallback.
 */
import { CST, Document, isScalar } from 'yaml';
import { endOffset, fallback } from './cstProps';

/** The options parse.ts composes with; the tag tests and resolvers come from the same schema. */
export const COMPOSE_OPTIONS = { version: '1.1', merge: true, uniqueKeys: false, prettyErrors: false, strict: false } as const;

interface ScalarTag {
  readonly default?: boolean | 'key';
  readonly test?: RegExp;
  resolve(value: string, onError: (message: string) => void, options: unknown): unknown;
}

/**
 * The YAML 1.1 tag tests of `yaml` 2.x, in order. While the schema has exactly these, a plain scalar
 * whose first character is none of NON_STRING_STARTS is a string without running them (every one
 * of these patterns needs such a first character, or matches only the empty string).
 */
const KNOWN_TESTS = [
  '^(?:~|[Nn]ull|NULL)?$', '^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$', '^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$',
  '^[-+]?0b[0-1_]+$', '^[-+]?0[0-7_]+$', '^[-+]?[0-9][0-9_]*$', '^[-+]?0x[0-9a-fA-F_]+$',
  '^(?:[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN)$', '^[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?[eE][-+]?[0-9]+$',
  '^[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*$', '^<<$', '^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$',
  '^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*$',
  '^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$',
].join('\n');
const NON_STRING_STARTS = new Set('~NnYyTtFfOo0123456789+-.eE<');

interface Schema {
  readonly tags: readonly ScalarTag[];
  readonly options: unknown;
  /** The tests are the known ones: NON_STRING_STARTS may be used. */
  readonly known: boolean;
}

let schemaCache: Schema | undefined;

function schema(): Schema {
  if (!schemaCache) {
    const doc = new Document(null, COMPOSE_OPTIONS);
    const tags = (doc.schema.tags as unknown as ScalarTag[]).filter((t) => t.test && t.default);
    schemaCache = { tags, options: doc.options, known: tags.map((t) => t.test!.source).join('\n') === KNOWN_TESTS };
  }
  return schemaCache;
}

/** The schema's tag tests are the ones NON_STRING_STARTS was derived from (else every test is run). */
export function knownTagTests(): boolean {
  return schema().known;
}

/** Mirrors `findScalarTagByTest` + `tag.resolve` in compose/compose-scalar.js for a plain scalar. */
export function resolvePlain(value: string, atKey: boolean): unknown {
  const { tags, options, known } = schema();
  if (known && value !== '' && !NON_STRING_STARTS.has(value[0]!)) return value;
  for (const tag of tags) {
    if ((tag.default === true || (atKey && tag.default === 'key')) && tag.test!.test(value)) {
      const res = tag.resolve(value, fallback, options);
      return isScalar(res) ? res.value : res;
    }
  }
  return value; // the string tag
}

/** A scalar token's text (before tag resolution) and its range, as `resolveFlowScalar` / `resolveBlockScalar` give them. */
export interface ScalarText {
  readonly value: string;
  readonly start: number;
  /** End of the scalar itself. */
  readonly end: number;
  /** End of its trailing comments and spaces (`range[2]`). */
  readonly after: number;
}

/** Characters a plain scalar may not start with (the Composer reports them: BAD_SCALAR_START). */
const BAD_PLAIN_START = new Set('\t,%|>@`');

export function scalarText(token: CST.FlowScalar | CST.BlockScalar): ScalarText {
  const { type, source, offset } = token;
  if (type !== 'block-scalar' && source.length > 1 && !source.includes('\n')) {
    // One line: nothing to fold (a lone \r was made a \n before parsing).
    let value: string | undefined;
    if (type === 'scalar') {
      if (!BAD_PLAIN_START.has(source[0]!)) value = source;
    } else if (type === 'single-quoted-scalar') {
      if (source.endsWith("'")) value = source.includes("''") ? source.slice(1, -1).replace(/''/g, "'") : source.slice(1, -1);
    } else if (type === 'double-quoted-scalar') {
      if (source.endsWith('"') && !source.includes('\\')) value = source.slice(1, -1);
    }
    if (value !== undefined) {
      const end = offset + source.length;
      return { value, start: offset, end, after: endOffset(token.end, end) };
    }
  }
  const r = CST.resolveAsScalar(token, false, fallback)!;
  return { value: r.value, start: r.range[0], end: r.range[1], after: r.range[2] };
}
