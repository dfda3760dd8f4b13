import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, METHOD_NAMES } from '../../../../src/shared/api/contract';
import { ExtranetLoginBody, ExtranetOcParams, ExtranetOpenOcBody, ExtranetReplyBody } from '../../../../src/shared/api/extranet';
import { ClientMessage } from '../../../../src/shared/api/shell-protocol';
import { Analyst, CatalogItem, Contact, Customer, Interaction, OcEvent, Ocorrencia, Recado, Release, SlaConfig } from '../../../../src/shared/domain';
import { mutators, type MutatorName } from '../../../../src/shared/mutators/registry';
import { LoginRequest, SetPasswordRequest } from '../../../../src/shared/sync/protocol';
import { describeIssues } from '../../../../src/shared/validation';
import { ShellOptions } from '../../../../src/shell/options';
import { entitySamples, ID, mutatorSamples, querySamples } from './samples';

// Every input schema of every boundary against hostile values, table-driven: for each string, number and boolean
// of a valid sample, the hostile variants below are put in its place one at a time, and the schema must refuse
// each with a message that names that field (describeIssues: "path: reason"). Strings get NUL, lone and reversed
// surrogates, an invisible control, 1 MB and a number (dates and times also impossible values); numbers NaN, Infinity
// and a string; instants year 275760 and a fraction; booleans a string. What a boundary deliberately takes as
// opaque JSON is listed in OPAQUE, with the reason.

type Path = Array<string | number>;
interface Leaf {
  path: Path;
  value: unknown;
}

const leavesOf = (value: unknown, path: Path = []): Leaf[] => {
  if (Array.isArray(value)) return value.flatMap((item, i) => leavesOf(item, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leavesOf(item, [...path, key]));
  return value === null ? [] : [{ path, value }];
};

const withValueAt = (root: unknown, path: Path, value: unknown): unknown => {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  return copy;
};

const MEGABYTE = 'x'.repeat(1_048_576);
const insert = (text: string, what: string): string => `${text.slice(0, 1)}${what}${text.slice(1)}`;
const stringVariants = (text: string): Array<[string, unknown]> => [
  ['NUL', insert(text, '\u0000')],
  ['lone high surrogate', `${text}\ud83d`],
  ['lone low surrogate', `\ude00${text}`],
  ['reversed pair', insert(text, '\ude00\ud83d')],
  ['escape (C0)', insert(text, '\u001b')],
  ['DEL', insert(text, '\u007f')],
  ['1 MB', MEGABYTE],
  ['a number', 42],
  ['an object', { toString: 'x' }],
  // Dates and times are strict wherever they appear: what Date would roll over is refused.
  ...(/^\d{4}-\d{2}-\d{2}$/.test(text) ? [['an impossible date', '2026-02-30'], ['year 0001', '0001-01-01']] as Array<[string, unknown]> : []),
  ...(/^\d{4}-\d{2}$/.test(text) ? [['month 13', '2026-13']] as Array<[string, unknown]> : []),
  ...(/^\d{2}:\d{2}$/.test(text) ? [['hour 25', '25:00'], ['minute 60', '08:60']] as Array<[string, unknown]> : []),
];
const INSTANT_KEY = /(At|Time)$|^(at|from|to|effectiveFrom)$/;
const numberVariants = (key: string): Array<[string, unknown]> => [
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['a numeric string', '1'],
  ...(INSTANT_KEY.test(key) ? [['year 275760', 8.64e15] as [string, unknown], ['a fraction', 1.5] as [string, unknown]] : []),
];

/** Fields a boundary takes as opaque JSON on purpose. */
const OPAQUE: Record<string, { paths: RegExp; why: string }> = {
  'prefs.put': { paths: /^value(\.|$)/, why: 'UI state kept in the local replica only, as JSON text (JSON.stringify escapes every character)' },
};

const failuresOf = (name: string, schema: z.ZodType, sample: unknown): string[] => {
  const failures: string[] = [];
  const base = schema.safeParse(sample);
  if (!base.success) return [`the sample itself is refused: ${describeIssues(base.error.issues).en}`];
  for (const leaf of leavesOf(sample)) {
    const where = leaf.path.map(String).join('.');
    if (OPAQUE[name]?.paths.test(where)) continue;
    const key = String(leaf.path[leaf.path.length - 1]);
    const variants = typeof leaf.value === 'string' ? stringVariants(leaf.value) : typeof leaf.value === 'number' ? numberVariants(key) : [['a string', 'true'] as [string, unknown]];
    for (const [variant, hostile] of variants) {
      const parsed = schema.safeParse(withValueAt(sample, leaf.path, hostile));
      if (parsed.success) {
        failures.push(`${where} accepted ${variant}`);
        continue;
      }
      const lines = describeIssues(parsed.error.issues).en.split('; ');
      if (!lines.some((line) => line.startsWith(`${where}: `))) failures.push(`${where} (${variant}) refused without naming the field: ${lines.join('; ')}`);
    }
  }
  for (const whole of [null, 'x', 42, []]) {
    if (schema.safeParse(whole).success) failures.push(`accepted ${JSON.stringify(whole)} as the whole value`);
  }
  return failures;
};

const entities = entitySamples();
const ENTITY_SCHEMAS: Record<string, z.ZodType> = {
  ocorrencia: Ocorrencia, interaction: Interaction, customer: Customer, contact: Contact, analyst: Analyst, recado: Recado,
  release: Release, catalog: CatalogItem, sla_config: SlaConfig, oc_event: OcEvent, oc_event_created: OcEvent,
};

describe('stored rows (entities: what the server writes and a pull delivers)', () => {
  it.each(Object.keys(ENTITY_SCHEMAS))('%s refuses every hostile value naming the field', (table) => {
    expect(failuresOf(table, ENTITY_SCHEMAS[table] as z.ZodType, entities[table])).toEqual([]);
  });
});

describe('mutator arguments (the push path: parseMutationArgs on the server, and the desktop before queueing)', () => {
  it('every mutator has a sample', () => {
    expect(Object.keys(mutatorSamples).sort()).toEqual(Object.keys(mutators).sort());
  });
  it.each(Object.keys(mutators) as MutatorName[])('%s', (name) => {
    expect(failuresOf(name, mutators[name].args as z.ZodType, mutatorSamples[name])).toEqual([]);
  });
});

describe('the API contract (IPC and the browser shell socket: main and the core parse every call with these)', () => {
  it.each(METHOD_NAMES)('%s', (method) => {
    const sample = querySamples[method] ?? mutatorSamples[method as MutatorName] ?? {};
    const schema = contract[method].args as z.ZodType;
    expect(failuresOf(method, schema, sample)).toEqual([]);
    if (querySamples[method] === undefined && !Object.hasOwn(mutatorSamples, method)) expect(schema.safeParse({ injected: '\u0000' }).success, 'a method without arguments takes no fields').toBe(false);
  });
});

describe('sync protocol, Extranet and shell inputs', () => {
  const cases: Array<[string, z.ZodType, unknown]> = [
    ['LoginRequest', LoginRequest, { login: 'ana', password: 'demo-password' }],
    ['SetPasswordRequest', SetPasswordRequest, { password: 'uma-senha-longa' }],
    ['Extranet login', ExtranetLoginBody, { email: 'helena@horizonte.com.br', password: 'senha' }],
    ['Extranet open OC', ExtranetOpenOcBody, { id: ID, module: 'fiscal', criticidade: 'alta', kind: 'erro', subject: 'Rejeição 225', description: 'A nota não sai.', preferredAnalystId: ID }],
    ['Extranet reply', ExtranetReplyBody, { id: ID, body: 'Segue o XML.' }],
    ['Extranet OC path', ExtranetOcParams, { id: ID }],
    ['shell socket auth', ClientMessage, { t: 'auth', token: 'a'.repeat(43), protocol: 1 }],
    ['shell socket call', ClientMessage, { t: 'call', id: 1, method: 'oc.get', args: {} }],
    ['shell options', ShellOptions, { dataDir: '/var/lib/soe', rendererDir: '/opt/soe/renderer', serverUrl: 'http://127.0.0.1:3000', demoLogin: 'beatriz', port: 0, demoOcs: 10, demoSeed: 1, simPerHour: 20, local: false, simulate: true }],
  ];
  it.each(cases)('%s', (name, schema, sample) => {
    expect(failuresOf(name, schema, sample)).toEqual([]);
  });
});
