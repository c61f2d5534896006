/** `npm run openapi`: writes the API's OpenAPI document to apps/indexer/openapi.json. */
import { writeFile } from "node:fs/promises";
import { openApiDocument } from "@rhizome/indexer";

const file = new URL("../apps/indexer/openapi.json", import.meta.url);
await writeFile(file, `${JSON.stringify(await openApiDocument(), null, 2)}\n`);
console.log(`Wrote ${file.pathname}`);
