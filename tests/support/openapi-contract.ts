import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { extranetOpenApi } from '../../src/server/http/extranet-openapi';

// The contract test of the Extranet API: every response the integration tests receive through extranet-client.ts
// is checked against the generated OpenAPI document (its operation, its status, its JSON Schema), with ajv.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the document is walked as plain JSON
type Json = Record<string, any>;

const document = extranetOpenApi() as Json;
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ $id: 'extranet', components: document.components }, 'extranet');

const operations = Object.entries(document.paths as Json).flatMap(([template, methods]) =>
  Object.entries(methods as Json).map(([method, operation]) => ({
    method: method.toUpperCase(),
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    operation: operation as Json,
  })));

const validators = new Map<string, ValidateFunction>();
const validatorFor = (ref: string): ValidateFunction => {
  let validate = validators.get(ref);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: `extranet${ref}` });
    validators.set(ref, validate);
  }
  return validate;
};

/** Throws when a response is not what the document says this operation answers with this status. */
export const assertExtranetContract = (method: string, path: string, status: number, contentType: string | null, body: unknown): void => {
  const pathname = new URL(path, 'http://x').pathname;
  const found = operations.find((o) => o.method === method.toUpperCase() && o.pattern.test(pathname));
  if (found === undefined) throw new Error(`contract: ${method} ${pathname} is not in the Extranet OpenAPI document`);
  const responses = found.operation.responses as Json;
  const response = (responses[String(status)] ?? responses[`${String(status)[0]}XX`]) as Json | undefined;
  if (response === undefined) throw new Error(`contract: ${method} ${pathname} answered ${status}, which ${found.operation.operationId as string} does not document`);
  const json = response.content?.['application/json'];
  if (json === undefined) return; // a download: its bytes are not JSON
  if (contentType === null || !contentType.startsWith('application/json')) throw new Error(`contract: ${method} ${pathname} ${status} is ${contentType ?? 'untyped'}, not JSON`);
  const ref = json.schema?.$ref as string | undefined;
  if (ref === undefined) return;
  const validate = validatorFor(ref);
  if (!validate(body)) {
    throw new Error(`contract: ${method} ${pathname} ${status} does not match ${ref}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(body).slice(0, 400)}`);
  }
};
