/**
 * `npm run openapi`: writes the API's OpenAPI document (apps/indexer/openapi.json) and the types of
 * @rhizome/client generated from it.
 */
import { writeFile } from "node:fs/promises";
import { openApiFiles } from "./openapi-files.js";

for (const { url, text } of await openApiFiles()) {
  await writeFile(url, text);
  console.log(`Wrote ${url.pathname}`);
}
