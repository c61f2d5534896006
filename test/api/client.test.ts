/**
 * @rhizome/client against a real service: the indexed history served over HTTP, read with the
 * typed client as a third party's dashboard would, and the answers equal the API's own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRhizomeClient, type Answer } from "@rhizome/client";
import { backend, indexedApp, type Indexed } from "./indexed.js";

describe(`@rhizome/client (${backend})`, () => {
  let t: Indexed;
  let base: string;
  beforeAll(async () => {
    t = await indexedApp();
    base = await t.app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("reads collectives, a collective and its open proposals, typed, as the API answers them", async () => {
    const rhizome = createRhizomeClient(base);
    const address = t.f.modules.governor;
    // The dashboard of the README, in so many lines.
    const { data: list } = await rhizome.GET("/api/collectives", { params: { query: { sort: "size" } } });
    const { data: collective } = await rhizome.GET("/api/collectives/{address}", { params: { path: { address } } });
    const { data: open } = await rhizome.GET("/api/collectives/{address}/proposals", {
      params: { path: { address }, query: { state: "active", limit: 5 } },
    });
    const detail: Answer<"getCollective"> | undefined = collective;
    expect(list?.items.map((c) => c.address)).toContain(address);
    expect(detail?.name).toBe("Rizom");
    expect(detail?.settings.countingRule).toBe("shares");
    expect(collective).toEqual((await t.app.inject(`/api/collectives/${address}`)).json());
    expect(open).toEqual((await t.app.inject(`/api/collectives/${address}/proposals?state=active&limit=5`)).json());
  });

  it("gives the API's errors as they are", async () => {
    const rhizome = createRhizomeClient(base);
    const { data, error, response } = await rhizome.GET("/api/collectives/{address}", {
      params: { path: { address: "0x0000000000000000000000000000000000000001" } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toEqual({
      error: "NotFound",
      message: expect.stringContaining("0x0000000000000000000000000000000000000001"),
    });
  });
});
