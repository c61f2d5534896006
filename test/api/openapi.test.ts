/**
 * The API's OpenAPI document, as client generators and linters read it: the checked-in copy
 * (apps/indexer/openapi.json) is the one the service serves, @rhizome/client's types are generated
 * from it, and it passes Redocly's recommended
 * rules with no error and no warning (two reasoned exceptions in .redocly.lint-ignore.yaml), every
 * operation named, tagged and described.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@rhizome/indexer";
import { openApiFiles } from "../../scripts/openapi-files.js";

const ROOT = new URL("../../", import.meta.url);
const FILE = "apps/indexer/openapi.json";

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
}

describe("the OpenAPI document", () => {
  it("is current, and so are @rhizome/client's types: what the service serves (npm run openapi writes them)", async () => {
    for (const { url, text } of await openApiFiles()) {
      expect(await readFile(url, "utf8"), `${url.pathname} is out of date: run npm run openapi`).toBe(text);
    }
  });

  it("names, tags and describes every operation, each name once", async () => {
    const doc = (await openApiDocument()) as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.values(doc.paths).flatMap((path) => Object.values(path));
    expect(operations.length).toBeGreaterThan(25);
    for (const op of operations) {
      expect(op.operationId, op.summary).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.tags?.length, op.operationId).toBeGreaterThan(0);
      expect(op.summary?.length, op.operationId).toBeGreaterThan(10);
    }
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("passes Redocly's recommended rules with no error and no warning", async () => {
    const redocly = new URL("node_modules/.bin/redocly", ROOT).pathname;
    const { stdout } = await promisify(execFile)(redocly, ["lint", FILE, "--format=json"], {
      cwd: ROOT.pathname,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    });
    const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number; ignored: number } };
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 2 });
  }, 60_000);
});
