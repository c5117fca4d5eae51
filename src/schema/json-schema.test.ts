// @vitest-environment node
import { readFileSync, readdirSync } from 'node:fs';
import { buildJsonSchema, describeFormat, FORMAT_DOCS, renderJsonSchema, type JsonSchemaNode } from './json-schema.ts';

const exercises = new URL('../../exercises/', import.meta.url);
const fixtures = new URL('../cli/fixtures/broken/', import.meta.url);
const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));

/** Every schema node with the JSON path it describes (`tasks[].id`), depth first. */
function nodes(node: JsonSchemaNode, path = ''): [string, JsonSchemaNode][] {
  const children: [string, JsonSchemaNode][] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) children.push(...nodes(child, path ? `${path}.${key}` : key));
  if (node.items) children.push(...nodes(node.items, `${path}[]`));
  for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = node[keyword];
    if (Array.isArray(list)) list.forEach((child: JsonSchemaNode, i) => children.push(...nodes(child, `${path}<${keyword}${i}>`)));
  }
  if (typeof node.additionalProperties === 'object') children.push(...nodes(node.additionalProperties as JsonSchemaNode, `${path}{}`));
  if (typeof node.propertyNames === 'object') children.push(...nodes(node.propertyNames as JsonSchemaNode, `${path}<keys>`));
  return [[path, node], ...children];
}

// The draft-07 vocabulary (validation, core and annotations). VS Code and other editors read all of it.
const DRAFT_07 = new Set([
  '$schema', '$id', '$ref', '$comment', 'definitions', 'title', 'description', 'default', 'examples', 'readOnly', 'writeOnly',
  'type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength',
  'pattern', 'items', 'additionalItems', 'maxItems', 'minItems', 'uniqueItems', 'contains', 'maxProperties', 'minProperties',
  'required', 'properties', 'patternProperties', 'additionalProperties', 'dependencies', 'propertyNames', 'if', 'then', 'else',
  'allOf', 'anyOf', 'oneOf', 'not', 'format', 'contentMediaType', 'contentEncoding',
]);

/**
 * A small JSON Schema checker for the keywords the generated schema uses, so this test can say what an
 * editor would flag without a validator dependency. It throws on a keyword it does not know, so a new
 * keyword cannot slip past it unchecked.
 */
function problems(schema: JsonSchemaNode, value: unknown, at = '$'): string[] {
  const out: string[] = [];
  const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
  for (const [keyword, rule] of Object.entries(schema)) {
    switch (keyword) {
      case '$schema': case 'title': case 'description': case 'default': case 'examples':
        break;
      case 'type':
        if (!(typeOf(value) === rule || (rule === 'number' && typeOf(value) === 'integer'))) out.push(`${at}: not ${String(rule)}`);
        break;
      case 'const':
        if (value !== rule) out.push(`${at}: not ${JSON.stringify(rule)}`);
        break;
      case 'enum':
        if (!(rule as unknown[]).includes(value)) out.push(`${at}: not one of the enum`);
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(rule as string, 'u').test(value)) out.push(`${at}: does not match ${String(rule)}`);
        break;
      case 'minLength':
        if (typeof value === 'string' && value.length < (rule as number)) out.push(`${at}: too short`);
        break;
      case 'minimum':
        if (typeof value === 'number' && value < (rule as number)) out.push(`${at}: below ${String(rule)}`);
        break;
      case 'maximum':
        if (typeof value === 'number' && value > (rule as number)) out.push(`${at}: above ${String(rule)}`);
        break;
      case 'minItems':
        if (Array.isArray(value) && value.length < (rule as number)) out.push(`${at}: too few items`);
        break;
      case 'items':
        if (Array.isArray(value)) value.forEach((item, i) => out.push(...problems(rule as JsonSchemaNode, item, `${at}[${i}]`)));
        break;
      case 'anyOf':
        if ((rule as JsonSchemaNode[]).every((option) => problems(option, value, at).length > 0)) out.push(`${at}: matches no anyOf option`);
        break;
      case 'required':
        if (typeOf(value) === 'object') for (const key of rule as string[]) if (!(key in (value as object))) out.push(`${at}: missing ${key}`);
        break;
      case 'properties':
      case 'additionalProperties':
      case 'propertyNames': {
        if (typeOf(value) !== 'object') break;
        for (const [key, child] of Object.entries(value as object)) {
          const declared = schema.properties?.[key];
          if (keyword === 'properties' && declared) out.push(...problems(declared, child, `${at}.${key}`));
          if (keyword === 'additionalProperties' && !declared) {
            if (rule === false) out.push(`${at}: unknown key ${key}`);
            else if (typeof rule === 'object') out.push(...problems(rule as JsonSchemaNode, child, `${at}.${key}`));
          }
          if (keyword === 'propertyNames') out.push(...problems(rule as JsonSchemaNode, key, `${at}<key ${key}>`));
        }
        break;
      }
      default:
        throw new Error(`the test's checker does not know the keyword "${keyword}": teach it before relying on it`);
    }
  }
  return out;
}

describe('exercises/schema.json', () => {
  it('is what `npm run schema` generates now (run it and commit the file when this fails)', () => {
    expect(readFileSync(new URL('schema.json', exercises), 'utf8')).toBe(renderJsonSchema());
  });

  it('is a draft-07 schema that uses only draft-07 keywords', () => {
    const schema = buildJsonSchema();
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const unknown = nodes(schema).flatMap(([path, node]) => Object.keys(node).filter((k) => !DRAFT_07.has(k)).map((k) => `${path}: ${k}`));
    expect(unknown).toEqual([]);
  });

  it('describes every key an author can write, so editors show help on hover', () => {
    const undocumented = nodes(buildJsonSchema())
      .filter(([path]) => !/[<{]/.test(path))
      .filter(([, node]) => typeof node.description !== 'string' || node.description.length < 10)
      .map(([path]) => path || '(the set)');
    expect(undocumented).toEqual([]);
  });

  it('forbids unknown keys in every object, and allows "$schema" at the top', () => {
    const schema = buildJsonSchema();
    const open = nodes(schema).filter(([, node]) => node.properties && node.additionalProperties !== false).map(([path]) => path);
    expect(open).toEqual([]);
    expect(schema.properties?.$schema).toMatchObject({ type: 'string' });
  });

  it('accepts every exercise file, "$schema": "./schema.json" included', () => {
    const schema = buildJsonSchema();
    const files = readdirSync(exercises).filter((f) => f.endsWith('.json') && f !== 'schema.json');
    for (const file of files) {
      const json = readJson(new URL(file, exercises)) as Record<string, unknown>;
      expect(json.$schema).toBe('./schema.json');
      expect({ file, problems: problems(schema, json) }).toEqual({ file, problems: [] });
    }
  });

  it.each([
    ['unknown-key-typo.json', '$.tasks[0]: unknown key hint'],
    ['missing-key.json', '$.tasks[0]: missing prompt'],
    ['wrong-type.json', '$.estimatedMinutes: not integer'],
    ['max-attempts.json', '$.maxAttempts: below 1'],
  ])('flags the shape error in the broken fixture %s, as an editor would', (file, expected) => {
    expect(problems(buildJsonSchema(), readJson(new URL(file, fixtures)))).toContain(expected);
  });
});

describe('describeFormat', () => {
  it('refuses docs for a key the schema does not have, so stale docs cannot ship', () => {
    expect(() => describeFormat(buildJsonSchema(), { ...FORMAT_DOCS, 'tasks[].hint': { description: 'Renamed long ago.' } })).toThrow(
      'FORMAT_DOCS describes paths the schema does not have: tasks[].hint',
    );
  });
});
