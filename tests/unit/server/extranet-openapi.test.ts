import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTRANET_OPERATIONS, extranetOpenApi } from '../../../src/server/http/extranet-openapi';
import { extranetOpenApiYaml } from '../../../scripts/openapi-yaml';
import { assertExtranetContract } from '../../support/openapi-contract';

// docs/extranet-openapi.yaml is the generated copy of the document the server serves (GET /extranet/v1/openapi.json).

describe('the Extranet OpenAPI document', () => {
  it('is committed as generated (run `npm run openapi` after changing a route or schema)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'extranet-openapi.yaml'), 'utf8');
    expect(committed).toBe(extranetOpenApiYaml());
  });

  it('gives every operation a unique operationId and every body a schema component', () => {
    const ids = EXTRANET_OPERATIONS.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const document = extranetOpenApi() as { components: { schemas: Record<string, unknown> } };
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['Error', 'PublicOc', 'Attachment', 'OpenOcRequest', 'OpenOcForm', 'UploadAttachmentForm']));
    // Every reference resolves to a component of the document.
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(document.components.schemas, ref).toHaveProperty([ref as string]);
  });

  it('the contract check refuses what the document does not describe', () => {
    const error = { error: { code: 'NOT_FOUND', message: { 'pt-BR': 'Não.', en: 'No.' } } };
    expect(() => assertExtranetContract('GET', '/extranet/v1/ocs/x', 404, 'application/json', error)).not.toThrow();
    expect(() => assertExtranetContract('GET', '/extranet/v1/ocs/x', 404, 'application/json', { error: { code: 'NOT_FOUND' } })).toThrow(/does not match/);
    expect(() => assertExtranetContract('GET', '/extranet/v1/ocs', 200, 'application/json', { ocorrencias: [{ id: 'x' }] })).toThrow(/does not match/);
    expect(() => assertExtranetContract('GET', '/extranet/v1/ocs', 418, 'application/json', error)).toThrow(/does not document/);
    expect(() => assertExtranetContract('DELETE', '/extranet/v1/ocs', 200, 'application/json', {})).toThrow(/not in the Extranet OpenAPI document/);
    expect(() => assertExtranetContract('GET', '/extranet/v1/attachments/x', 200, 'image/png', null)).not.toThrow();
  });
});
