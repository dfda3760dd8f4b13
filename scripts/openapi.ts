import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extranetOpenApiYaml } from './openapi-yaml';

// `npm run openapi`: writes docs/extranet-openapi.yaml, the generated copy of GET /extranet/v1/openapi.json.
const target = join(import.meta.dirname, '..', 'docs', 'extranet-openapi.yaml');
writeFileSync(target, extranetOpenApiYaml());
console.log(`wrote ${target}`);
