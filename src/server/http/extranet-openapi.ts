import { z } from 'zod';
import {
  ApiError, ExtranetAttachment, ExtranetAttachmentForm, ExtranetAttachmentList, ExtranetAttachmentParams, ExtranetAttachmentUploaded, ExtranetLoginBody,
  ExtranetLoginResponse, ExtranetOcDetail, ExtranetOcList, ExtranetOcOpened, ExtranetOcParams, ExtranetOpenOcBody, ExtranetOpenOcForm,
  ExtranetPublicInteraction, ExtranetPublicOc, ExtranetReplyAdded, ExtranetReplyBody, ExtranetReplyForm,
} from '../../shared/api/extranet';

// The Extranet's OpenAPI 3.1 document, generated from the zod schemas the routes parse and answer with
// (src/shared/api/extranet.ts) by zod's own JSON Schema conversion: served at GET /extranet/v1/openapi.json and
// copied to docs/extranet-openapi.yaml by `npm run openapi` (a unit test fails when the copy is stale).

type Schema = z.ZodType;

interface Operation {
  method: 'get' | 'post';
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /** false: no token (login, the document itself). */
  secured?: boolean;
  params?: 'oc' | 'attachment';
  json?: Schema;
  form?: Schema;
  /** status → [description, body schema or 'binary' or 'error' or 'none', extra headers?] */
  responses: Record<string, [string, Schema | 'binary' | 'error' | 'none', Record<string, string>?]>;
}

const E = 'error' as const;
const INVALID: [string, typeof E] = ['Invalid input; the message names each field (INVALID_ARGS)', E];
const UNAUTHORIZED: [string, typeof E] = ['Missing, invalid or expired token (UNAUTHORIZED), or one the server ended (ACCESS_ENDED, details.reason)', E];
const NOT_AUTHORISED: [string, typeof E] = ['The contact lost Extranet access or is beyond the plan\'s seats (EXTRANET_NOT_AUTHORISED, EXTRANET_SEATS_EXCEEDED, EXTRANET_ROLE)', E];
const OC_NOT_FOUND: [string, typeof E] = ['No such OC for this customer (NOT_FOUND), also the answer for another customer\'s OC; or an attachmentIds entry that is not the contact\'s (ATTACHMENT_NOT_FOUND)', E];
const RATE_LIMITED: [string, typeof E, Record<string, string>] = ['Too many requests (RATE_LIMITED); details.retryAfterSeconds', E, { 'Retry-After': 'Seconds to wait' }];
const TOO_LARGE: [string, typeof E] = ['A file over the per-file limit (ATTACHMENT_TOO_LARGE) or the OC\'s total (ATTACHMENT_OC_TOTAL_EXCEEDED); details.limitBytes', E];
const TYPE_REFUSED: [string, typeof E] = ['A file whose content is not of an accepted type (ATTACHMENT_TYPE_REFUSED); details.found names what it is', E];
const DOWNLOAD_HEADERS = {
  'Content-Disposition': 'attachment; filename="…"; filename*=UTF-8\'\'… (always a download)',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  ETag: 'The SHA-256 of the bytes, quoted',
};

export const EXTRANET_OPERATIONS: readonly Operation[] = [
  {
    method: 'post', path: '/extranet/v1/login', operationId: 'loginContact', summary: 'Log in as an Extranet contact', secured: false, json: ExtranetLoginBody,
    responses: { 200: ['Logged in', ExtranetLoginResponse], 400: INVALID, 401: ['Wrong e-mail or password, or the contact has no Extranet access (BAD_LOGIN)', E], 429: RATE_LIMITED },
  },
  {
    method: 'get', path: '/extranet/v1/ocs', operationId: 'listOcs', summary: 'The customer\'s own OCs, newest first (at most 500)',
    responses: { 200: ['OCs of the contact\'s customer', ExtranetOcList], 401: UNAUTHORIZED, 403: NOT_AUTHORISED },
  },
  {
    method: 'post', path: '/extranet/v1/ocs', operationId: 'openOc', summary: 'Open an OC, with attachments if any',
    description: 'JSON (files uploaded before, named in attachmentIds) or multipart/form-data (the fields as form fields, each file a `file` part).',
    json: ExtranetOpenOcBody, form: ExtranetOpenOcForm,
    responses: {
      201: ['Opened', ExtranetOcOpened], 200: ['Already opened with this id (a repeated request)', ExtranetOcOpened], 400: INVALID, 401: UNAUTHORIZED, 403: NOT_AUTHORISED,
      404: OC_NOT_FOUND, 409: ['The id belongs to another customer\'s OC (ID_IN_USE), or an attachment is already on an interaction (ATTACHMENT_ALREADY_REFERENCED)', E],
      413: TOO_LARGE, 415: TYPE_REFUSED,
      422: ['Refused by the domain rules: CUSTOMER_NOT_ELIGIBLE (details.missing lists implantacao_term, ead_extranet, sla_acknowledged, and the message names each), MODULE_NOT_LICENSED, an empty file (ATTACHMENT_EMPTY) …', E],
      429: RATE_LIMITED,
    },
  },
  {
    method: 'get', path: '/extranet/v1/ocs/{id}', operationId: 'getOc', summary: 'One of the customer\'s OCs with its public conversation', params: 'oc',
    responses: { 200: ['The OC and its public replies and customer replies (no internal notes, no simulation records)', ExtranetOcDetail], 400: INVALID, 401: UNAUTHORIZED, 403: NOT_AUTHORISED, 404: OC_NOT_FOUND },
  },
  {
    method: 'post', path: '/extranet/v1/ocs/{id}/replies', operationId: 'addReply', summary: 'Add the customer\'s reply to an OC, with attachments if any', params: 'oc',
    description: 'Resumes an OC that was waiting for the customer; reopens a solved one. JSON or multipart/form-data, as for opening an OC.',
    json: ExtranetReplyBody, form: ExtranetReplyForm,
    responses: {
      201: ['Added', ExtranetReplyAdded], 200: ['Already added with this id', ExtranetReplyAdded], 400: INVALID, 401: UNAUTHORIZED, 403: NOT_AUTHORISED, 404: OC_NOT_FOUND,
      409: ['The id is in use (ID_IN_USE), or an attachment is already on an interaction (ATTACHMENT_ALREADY_REFERENCED)', E], 413: TOO_LARGE, 415: TYPE_REFUSED,
      422: ['The OC\'s status does not take replies (closed or cancelled: INVALID_TRANSITION), or an empty file (ATTACHMENT_EMPTY)', E], 429: RATE_LIMITED,
    },
  },
  {
    method: 'get', path: '/extranet/v1/ocs/{id}/attachments', operationId: 'listOcAttachments', summary: 'The attachments of one of the customer\'s OCs the contact may read', params: 'oc',
    responses: { 200: ['Oldest first: those on public replies and customer replies, and the contact\'s own', ExtranetAttachmentList], 400: INVALID, 401: UNAUTHORIZED, 403: NOT_AUTHORISED, 404: OC_NOT_FOUND },
  },
  {
    method: 'post', path: '/extranet/v1/attachments', operationId: 'uploadAttachment', summary: 'Upload one file alone, to name it in attachmentIds afterwards',
    description: 'Uploads never put on an OC within 7 days are deleted.', form: ExtranetAttachmentForm,
    responses: {
      201: ['Stored (or found again by its id)', ExtranetAttachmentUploaded], 400: ['Not one file, a malformed multipart body (BAD_MULTIPART) or an invalid name (INVALID_ARGS)', E],
      401: UNAUTHORIZED, 403: NOT_AUTHORISED, 409: ['The id is another\'s upload (UPLOAD_ID_TAKEN)', E], 413: TOO_LARGE, 415: TYPE_REFUSED,
      422: ['An empty file (ATTACHMENT_EMPTY)', E], 429: ['Too many uploads in progress (UPLOADS_PENDING_LIMIT)', E],
    },
  },
  {
    method: 'get', path: '/extranet/v1/attachments/{id}', operationId: 'downloadAttachment', summary: 'Download an attachment (all of it, or one byte Range)', params: 'attachment',
    responses: {
      200: ['The file, as a download', 'binary', DOWNLOAD_HEADERS], 206: ['The Range asked for', 'binary', { ...DOWNLOAD_HEADERS, 'Content-Range': 'bytes start-end/size' }],
      400: INVALID, 401: UNAUTHORIZED, 403: NOT_AUTHORISED, 404: ['No such attachment for this contact (ATTACHMENT_NOT_FOUND): also another customer\'s or an internal note\'s', E],
      416: ['The Range starts past the end (RANGE_NOT_SATISFIABLE)', E, { 'Content-Range': 'bytes */size' }],
    },
  },
  {
    method: 'get', path: '/extranet/v1/openapi.json', operationId: 'getOpenApi', summary: 'This document', secured: false,
    responses: { 200: ['The OpenAPI 3.1 document of the Extranet API', 'none'], '4XX': ['A request the HTTP layer refuses, as on every route (BAD_URL, BAD_REQUEST, HEADERS_TOO_LARGE)', E] },
  },
];

const DESCRIPTION = `The API the UNO Extranet (the customer portal) calls to open ocorrências (OCs), add public replies and read the
customer's own OCs (SPEC §7). Implemented in \`src/server/http/extranet-routes.ts\`; the rules are the shared
mutators \`oc.create\` (actor: the contact, channel \`extranet\`) and \`oc.customerReply\`.

**Who may call it.** Only a customer's *authorised contacts*: active, with Extranet access, within the plan's
seats (Prata and Ouro: the project manager only; VIP: the project manager plus one contact of the customer's
choice). Only *eligible* customers may open OCs: implantação acceptance term signed, Extranet EAD completed by the
project manager, SLA plan acknowledged — a refusal names every missing item.

**Authentication.** A lead or admin sets a contact's Extranet password in the desktop app (server endpoint
\`PUT /api/v1/contacts/{id}/password\`, analyst session, role lead/admin). The contact logs in with e-mail and
password (\`POST /extranet/v1/login\`) and gets a bearer token: 256 random bits, stored server-side only as a
SHA-256 hash, expiring after 12 hours without use (each use slides the expiry, never past 7 days after the
login). Passwords are hashed with scrypt. An analyst's token is not accepted here, nor a contact's on the
desktop sync API. Deactivating a contact, removing their Extranet access, changing their role or customer, or
resetting their password ends every token of theirs at once, on every server node: each later request answers
401 \`ACCESS_ENDED\` with \`details.reason\` (\`deactivated\`, \`role_changed\`, \`password_reset\`).

**Isolation.** Every read and write is scoped to the contact's own customer. Another customer's OC answers
exactly like a missing one (404), so its existence is never revealed.

**Idempotency.** \`POST /extranet/v1/ocs\` and \`POST /extranet/v1/ocs/{id}/replies\` accept an optional client
\`id\` (UUID). Repeating a request with the same id (e.g. after a timeout) returns the existing OC or reply with
status 200 instead of creating another.

**Rate limits.** Login is throttled without ever locking the owner out: from one address, five wrong passwords
for an e-mail cost nothing, then each further attempt from that address must wait 1 s, 2 s, 4 s … (at most
15 minutes) — 429 with a \`Retry-After\` header and \`details.retryAfterSeconds\`, for that address only. Past 20
failures for an e-mail from anywhere, every attempt on it is held up to 3 s before it is checked (a delay, not
a refusal). Counters are forgotten after a quiet day (per address) or hour (per e-mail) and are shared by all
server nodes. Intake (open, reply): 30 a minute per contact, 429 likewise.

**Time.** Customer-visible actions count at the moment the server received them (SPEC §3 rule 10): an OC's
SLA clocks start at its \`createdAt\`, the server's receipt.

**E-mail.** Each public reply of an analyst sends one e-mail copy to the OC's contact (notification only:
answers to the e-mail are not recorded; the customer replies here).

**Errors** are \`{ "error": { "code", "message": { "pt-BR", "en" }, "details"? } }\` — for every input, including a
path that does not decode (\`BAD_URL\`), a body that is not JSON or too deep (\`BAD_JSON\`), over 8 MB
(\`BODY_TOO_LARGE\`, 413) or not JSON at all (\`UNSUPPORTED_MEDIA_TYPE\`, 415); no input answers a 5xx.

**Attachments.** Prints, NF-e XML, logs and PDFs go with an OC (\`POST /extranet/v1/ocs\` as multipart/form-data:
the OC's fields as form fields, each file a \`file\` part), with a reply (likewise), or alone first
(\`POST /extranet/v1/attachments\`) and then named by id in \`attachmentIds\` of the OC or the reply (JSON or
multipart). At most 10 files a request, 25 MB a file and 100 MB an OC (server settings). The server types every
file by its bytes, never by its name: images (PNG, JPEG, GIF, WebP), PDF, XML, text/log, CSV, XLSX, DOCX and ZIP
are accepted; HTML, SVG, active XML, executables, compressed streams and anything unrecognised are refused (415
\`ATTACHMENT_TYPE_REFUSED\`); an empty file is 422 \`ATTACHMENT_EMPTY\`, one over the limit 413. A contact reads the
attachments on their own customer's OCs that sit on public replies and customer replies, and their own uploads;
everything else, another customer's above all, is 404 like an id that does not exist. Every download carries
\`Content-Disposition: attachment\`, \`X-Content-Type-Options: nosniff\` and a sandboxing \`Content-Security-Policy\`,
and serves one byte \`Range\` (206).`;

type Json = Record<string, unknown>;

/** The component name a schema gets: one per body of each operation. */
const componentName = (op: Operation, part: string): string => `${op.operationId[0]?.toUpperCase() ?? ''}${op.operationId.slice(1)}${part}`;

const clean = (schema: unknown): Json => {
  const { $schema: _schema, $id: _id, ...rest } = schema as Json;
  return rest;
};

/** Builds the document; every request and response body is a named component, converted by z.toJSONSchema. */
export const extranetOpenApi = (): Json => {
  const inputs = z.registry<{ id: string }>();
  const outputs = z.registry<{ id: string }>();
  outputs.add(ApiError, { id: 'Error' });
  outputs.add(ExtranetPublicOc, { id: 'PublicOc' });
  outputs.add(ExtranetPublicInteraction, { id: 'PublicInteraction' });
  outputs.add(ExtranetAttachment, { id: 'Attachment' });
  const ref = (id: string): Json => ({ $ref: `#/components/schemas/${id}` });
  const paths: Record<string, Record<string, Json>> = {};
  const named = new Map<Schema, string>();
  const outputName = (schema: Schema, fallback: string): string => {
    const known = named.get(schema);
    if (known !== undefined) return known;
    named.set(schema, fallback);
    outputs.add(schema, { id: fallback });
    return fallback;
  };
  for (const op of EXTRANET_OPERATIONS) {
    const operation: Json = { operationId: op.operationId, summary: op.summary, tags: ['extranet'] };
    if (op.description !== undefined) operation.description = op.description;
    if (op.secured === false) operation.security = [];
    if (op.params !== undefined) {
      const idSchema = (op.params === 'oc' ? ExtranetOcParams : ExtranetAttachmentParams).shape.id;
      operation.parameters = [{ name: 'id', in: 'path', required: true, description: op.params === 'oc' ? 'The OC\'s id' : 'The attachment\'s id', schema: clean(z.toJSONSchema(idSchema, { io: 'input', unrepresentable: 'any' })) }];
    }
    const content: Json = {};
    if (op.json !== undefined) {
      inputs.add(op.json, { id: componentName(op, 'Request') });
      content['application/json'] = { schema: ref(componentName(op, 'Request')) };
    }
    if (op.form !== undefined) {
      inputs.add(op.form, { id: componentName(op, 'Form') });
      content['multipart/form-data'] = { schema: ref(componentName(op, 'Form')), encoding: { file: { contentType: 'application/octet-stream' } } };
    }
    if (Object.keys(content).length > 0) operation.requestBody = { required: true, content };
    const responses: Json = {};
    for (const [status, [description, body, headers]] of Object.entries(op.responses)) {
      const response: Json = { description };
      if (body === 'binary') response.content = { '*/*': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } };
      else if (body === 'error') response.content = { 'application/json': { schema: ref('Error') } };
      else if (body === 'none') response.content = { 'application/json': { schema: { type: 'object' } } };
      else response.content = { 'application/json': { schema: ref(outputName(body, componentName(op, 'Response'))) } };
      if (headers !== undefined) {
        response.headers = Object.fromEntries(Object.entries(headers).map(([name, text]) => [name, { description: text, schema: name === 'Retry-After' ? { type: 'integer', minimum: 1 } : { type: 'string' } }]));
      }
      responses[status] = response;
    }
    operation.responses = responses;
    (paths[op.path] ??= {})[op.method] = operation;
  }
  const uri = (id: string): string => `#/components/schemas/${id}`;
  const inputSchemas = z.toJSONSchema(inputs, { io: 'input', unrepresentable: 'any', uri }).schemas;
  const outputSchemas = z.toJSONSchema(outputs, { io: 'output', unrepresentable: 'any', uri }).schemas;
  const schemas = Object.fromEntries(Object.entries({ ...inputSchemas, ...outputSchemas }).map(([id, s]) => [id, clean(s)]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  return {
    openapi: '3.1.0',
    info: {
      title: 'S.O.E. War Room — Extranet intake API',
      version: '1.1.0',
      description: DESCRIPTION,
      license: { name: 'Proprietary — UNO Soluções', identifier: 'LicenseRef-UNO-Proprietary' },
    },
    servers: [{ url: 'http://127.0.0.1:4870', description: 'a local server (`npm run server`)' }],
    security: [{ contactToken: [] }],
    tags: [{ name: 'extranet', description: 'The calls of the customer portal' }],
    paths,
    components: {
      securitySchemes: { contactToken: { type: 'http', scheme: 'bearer', description: 'The token of POST /extranet/v1/login.' } },
      schemas,
    },
  };
};
