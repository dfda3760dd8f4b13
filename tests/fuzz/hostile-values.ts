import fc from 'fast-check';
import type { z } from 'zod';

// Random and hostile values for the fuzz suite (issue 15, item 10a): strings with NUL, lone surrogates, controls
// and 1 MB of text, wrong types, deep nesting, and values shaped by a zod schema with hostile ones mixed in.

/** The seed of every surface (printed by the suite); FUZZ_SEED overrides it to replay or explore. */
export const FUZZ_SEED = Number.parseInt(process.env.FUZZ_SEED ?? '', 10) || 20_261_207;

const MEGABYTE = 'x'.repeat(1 << 20);

/** Stands for a value too deep for JSON.stringify's recursion; `toJson` puts the deep text in its place. */
export const DEEP_MARKER = '\u0001deep-json\u0001';
const DEEP_JSON = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;

/** JSON text of `value`, with DEEP_MARKER strings replaced by arrays 50 000 levels deep. */
export const toJson = (value: unknown): string => {
  const text = JSON.stringify(value) ?? 'null';
  return text.includes('deep-json') ? text.split(JSON.stringify(DEEP_MARKER)).join(DEEP_JSON) : text;
};

const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Strings that break naive code: NUL, lone surrogates, controls, bidi marks, 1 MB, SQL and path tricks. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\ud83d', '\ud83d\ude00', '\u202e\u0007\u001b[2J', '\r\n\t\v\f',
    "'; DROP TABLE ocorrencia; --", '../../etc/passwd', '%00%ZZ', '__proto__', 'constructor', '<script>alert(1)</script>',
    'NaN', '-1', '1e309', 'null', '{}', 'OC-2026-000001',
  ),
  fc.string({ unit: anyUnit, maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constant(MEGABYTE),
  fc.constant(`${MEGABYTE}\u0000`),
  fc.nat({ max: 70_000 }).map((n) => 'y'.repeat(n)),
);

/** Wrong types and odd numbers. */
const oddScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, -0, 1.5, 2 ** 53, -(2 ** 63), 1e308, Number.MAX_SAFE_INTEGER + 2),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const valueOf = (deep: boolean): fc.Arbitrary<unknown> => fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    oddScalar,
    ...(deep ? [fc.constant(DEEP_MARKER)] : []),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof({ weight: 4, arbitrary: hostileString }, { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'id', 'body', 'ocId') }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Any JSON value, including hostile strings, JSON 50 000 levels deep and prototype keys. */
export const hostileValue: fc.Arbitrary<unknown> = valueOf(true);

/** The same without the deep nesting (which the JSON parser refuses before anything else looks at the body). */
export const hostileField: fc.Arbitrary<unknown> = valueOf(false);

/** Real ids by the kind a field names (ocId → OCs …); `any` for the rest. */
export interface IdPools { oc: string[]; analyst: string[]; customer: string[]; contact: string[]; interaction: string[]; any: string[] }

const poolFor = (key: string, ids: IdPools): string[] => {
  const k = key.toLowerCase();
  const named = k.includes('ocid') ? ids.oc : k.includes('analyst') ? ids.analyst : k.includes('customer') ? ids.customer
    : k.includes('contact') ? ids.contact : k.includes('interaction') ? ids.interaction : ids.any;
  return named.length === 0 ? ids.any : named;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- zod's internal definition is read field by field
type Def = Record<string, any>;

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Values shaped like `schema` (objects with its keys, its enum options, plausible numbers, ids from `ids`), with
 * hostile values substituted now and then: valid-looking inputs that reach the mutators, and ones that almost do.
 */
export const shapedBy = (schema: z.ZodType, ids: IdPools, depth = 0, key = ''): fc.Arbitrary<unknown> => {
  const def = defOf(schema);
  const own = poolFor(key, ids);
  const idPool = fc.oneof({ weight: 3, arbitrary: own.length === 0 ? fc.constant('sem-id') : fc.constantFrom(...own) }, { weight: 1, arbitrary: fc.uuid() });
  const shaped = ((): fc.Arbitrary<unknown> => {
    switch (def.type) {
      case 'object': {
        const shape = def.shape as Record<string, z.ZodType>;
        if (depth > 3) return fc.constant({});
        const fields = Object.fromEntries(Object.entries(shape).map(([name, field]) => [name, shapedBy(field, ids, depth + 1, name)]));
        return fc.oneof({ weight: 6, arbitrary: fc.record(fields) }, { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) });
      }
      case 'array':
        return depth > 3 ? fc.constant([]) : fc.array(shapedBy(def.element as z.ZodType, ids, depth + 1, key), { maxLength: 3 });
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'catch':
      case 'readonly':
      case 'nonoptional':
        return fc.oneof(shapedBy(def.innerType as z.ZodType, ids, depth, key), fc.constantFrom(null, undefined));
      case 'pipe':
        return shapedBy(def.in as z.ZodType, ids, depth, key);
      case 'union':
        return fc.oneof(...(def.options as z.ZodType[]).map((option) => shapedBy(option, ids, depth + 1, key)));
      case 'enum':
        return fc.constantFrom(...(Object.values(def.entries as Record<string, string | number>)));
      case 'literal':
        return fc.constantFrom(...(def.values as unknown[]));
      case 'boolean':
        return fc.boolean();
      case 'number':
      case 'int':
        return fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }));
      case 'record':
        return fc.dictionary(fc.string({ maxLength: 8 }), hostileField, { maxKeys: 3 });
      case 'string':
        return fc.oneof({ weight: 4, arbitrary: idPool }, { weight: 2, arbitrary: fc.constantFrom('Olá, tudo certo?', 'financeiro', 'ana@example.com', '1.2.3') }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) });
      default:
        return fc.oneof(idPool, hostileField);
    }
  })();
  return fc.oneof({ weight: 12, arbitrary: shaped }, { weight: 1, arbitrary: hostileField }, { weight: 1, arbitrary: idPool });
};

/** A path segment or query value as a URL carries it; a lone surrogate (which encodeURIComponent refuses) becomes its
 * raw UTF-8 bytes %ED%A0%80, which the server must refuse as it decodes the URL. */
export const encodeSegment = (s: string): string => {
  try {
    return encodeURIComponent(s);
  } catch {
    return s.replace(/[^A-Za-z0-9]/g, '%ED%A0%80');
  }
};
