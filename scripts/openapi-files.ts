/**
 * The files made from the API's OpenAPI document: the document itself (apps/indexer/openapi.json)
 * and the TypeScript types of @rhizome/client (packages/client/src/generated/openapi.ts), made by
 * openapi-typescript. `npm run openapi` writes them; test/api/openapi.test.ts checks they are current.
 */
import openapiTS, { astToString } from "openapi-typescript";
import { openApiDocument } from "@rhizome/indexer";

export interface GeneratedFile {
  url: URL;
  text: string;
}

export async function openApiFiles(): Promise<GeneratedFile[]> {
  const document = await openApiDocument();
  const types = astToString(await openapiTS(document as Parameters<typeof openapiTS>[0]));
  return [
    { url: new URL("../apps/indexer/openapi.json", import.meta.url), text: `${JSON.stringify(document, null, 2)}\n` },
    {
      url: new URL("../packages/client/src/generated/openapi.ts", import.meta.url),
      text: `// Generated from apps/indexer/openapi.json by \`npm run openapi\` (openapi-typescript): do not edit.\n${types}`,
    },
  ];
}
