import type { Api } from "@rhizome/client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { serveApi, type FakeApi } from "../test/api-server";
import type * as Names from "./names";

const A = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const B = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const C = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const ONE = "0x23dB4a08f2272df049a4932a4Cc3A6Dc1002B33E";
const TWO = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

const named: Record<string, string> = { [A.toLowerCase()]: "Ada" };

let api: FakeApi;
let names: typeof Names;

/** The API's answer: each asked account, checksummed as asked here, named when `named` says so. */
const answer = (query: URLSearchParams): Api.Names => ({
  items: (query.get("accounts") ?? "").split(",").map((account) => ({
    account,
    name: named[account.toLowerCase()] ?? null,
    avatarUri: null,
    ensName: null,
  })),
});

const asked = () => api.requests.filter((url) => url.includes("/names?"));

beforeAll(async () => {
  api = await serveApi({
    [`/api/collectives/${ONE}/names`]: answer,
    [`/api/collectives/${TWO}/names`]: answer,
  });
  // The client reads its base URL once, at import: point it at the local server first.
  vi.stubEnv("VITE_API_URL", api.url);
  names = await import("./names");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await api.close();
});

describe("the names loader", () => {
  it("asks for the accounts wanted in the same turn in one request per collective, each account once", async () => {
    api.requests.length = 0;
    const loader = names.createNameLoader();
    const found = await Promise.all([
      loader.load(ONE, A),
      loader.load(ONE, B),
      loader.load(ONE, A.toLowerCase()),
      loader.load(TWO, C),
    ]);
    expect(found.map((item) => item.name)).toEqual(["Ada", null, "Ada", null]);
    expect(asked()).toHaveLength(2);
    expect(decodeURIComponent(asked()[0] ?? "")).toBe(
      `/api/collectives/${ONE}/names?accounts=${A.toLowerCase()},${B.toLowerCase()}`,
    );
    // Later, another request.
    await loader.load(ONE, C);
    expect(asked()).toHaveLength(3);
  });

  it("splits more accounts than one request takes into requests of 100", async () => {
    api.requests.length = 0;
    const loader = names.createNameLoader();
    const accounts = Array.from({ length: 150 }, (_, i) => `0x${(i + 1).toString(16).padStart(40, "0")}`);
    const found = await Promise.all(accounts.map((account) => loader.load(ONE, account)));
    expect(found.map((item) => item.account)).toEqual(accounts);
    expect(asked().map((url) => new URL(url, api.url).searchParams.get("accounts")?.split(",").length)).toEqual([
      100, 50,
    ]);
  });

  it("fails every account of a request that fails", async () => {
    const loader = names.createNameLoader(async () => {
      throw new Error("The API answered 503.");
    });
    const settled = await Promise.allSettled([loader.load(ONE, A), loader.load(ONE, B)]);
    expect(settled.map((s) => s.status)).toEqual(["rejected", "rejected"]);
  });
});

describe("what an account is called", () => {
  const item = (fields: Partial<Api.AccountName>): Api.AccountName => ({
    account: A,
    name: null,
    avatarUri: null,
    ensName: null,
    ...fields,
  });

  it("is its profile name, else its ENS name, else its short address", () => {
    expect(names.labelOf(A, item({ name: "Ada", ensName: "ada.eth" })).text).toBe("Ada");
    expect(names.labelOf(A, item({ ensName: "ada.eth" })).text).toBe("ada.eth");
    expect(names.labelOf(A, item({}))).toEqual({ text: "0x7099…79C8", named: false, avatar: undefined });
    expect(names.labelOf(A, undefined).text).toBe("0x7099…79C8");
  });

  it("is never a name that could pass for an address, nor blank", () => {
    expect(names.labelOf(A, item({ name: "0x3C44…93BC", ensName: "ada.eth" })).text).toBe("ada.eth");
    expect(names.labelOf(A, item({ name: "   " })).text).toBe("0x7099…79C8");
    expect(names.labelOf(A, item({ name: "<img src=x onerror=alert(1)>" })).text).toBe("<img src=x onerror=alert(1)>");
  });

  it("shows a picture only from an http or https link", () => {
    expect(names.labelOf(A, item({ avatarUri: "https://ada.example/me.png" })).avatar).toBe(
      "https://ada.example/me.png",
    );
    for (const uri of ["javascript:alert(1)", "data:image/svg+xml,<svg onload=alert(1)>", "ipfs://Qm", "not a link"])
      expect(names.labelOf(A, item({ avatarUri: uri })).avatar, uri).toBeUndefined();
  });
});
