/**
 * GET /api/collectives/:address/names: up to 100 accounts named at once, from the members'
 * profiles in the index and, when the service has an ENS resolver, their primary ENS names; ENS
 * looked up through viem against a small JSON-RPC server that stands for mainnet (there is no
 * ENS on the local chain): its names, its failures and its silence.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeFunctionData, encodeFunctionResult, getAddress, parseAbi, zeroAddress, type Address } from "viem";
import type { Api } from "@rhizome/client";
import { mainnetEnsResolver } from "@rhizome/indexer";
import { addressOf, waitFor } from "../helpers/collective.js";
import { serveProvider, type RpcServer } from "../helpers/rpc-server.js";
import { appOver, backend, get, indexedApp, type Indexed } from "./indexed.js";

/** ENS's Universal Resolver's reverse lookup, as viem's getEnsName calls it. */
const reverseAbi = parseAbi([
  "function reverseWithGateways(bytes reverseName, uint256 coinType, string[] gateways) view returns (string, address, address)",
]);

/** Set free when the file's tests end: the calls an ENS node that hangs never answers. */
let release = () => {};
const released = new Promise<void>((resolve) => (release = resolve));

/**
 * A mainnet JSON-RPC whose eth_call answers the reverse lookup with `names` (none for an address
 * it does not list), fails, or hangs.
 */
function ensChain(names: Record<string, string>, behaviour: "answers" | "fails" | "hangs" = "answers") {
  return serveProvider({
    async request({ method, params }) {
      if (method === "eth_chainId") return "0x1";
      if (method !== "eth_call") throw Object.assign(new Error(`${method} is not served here`), { code: -32601 });
      if (behaviour === "fails") throw Object.assign(new Error("upstream unavailable"), { code: -32603 });
      if (behaviour === "hangs") await released;
      const { data } = (params?.[0] ?? {}) as { data: `0x${string}` };
      const { args } = decodeFunctionData({ abi: reverseAbi, data });
      const name = names[getAddress(args[0])] ?? "";
      return encodeFunctionResult({
        abi: reverseAbi,
        functionName: "reverseWithGateways",
        result: [name, zeroAddress, zeroAddress],
      });
    },
  });
}

const SCRIPT_NAME = "<script>alert(1)</script>";

describe(`the names of accounts (${backend})`, () => {
  let t: Indexed;
  let base: string;
  let alice: Address, bob: Address, dave: Address, eve: Address;
  const servers: RpcServer[] = [];
  const apps: FastifyInstance[] = [];

  /** The app over the same index, with ENS looked up through `server`. */
  async function withEns(server: RpcServer) {
    servers.push(server);
    const app = await appOver(t.db, t.indexer, { ensName: mainnetEnsResolver(server.url) });
    apps.push(app);
    return app;
  }

  const namesOf = async (app: FastifyInstance, accounts: string[]) =>
    get<Api.Names>(app, `${base}/names?accounts=${accounts.join(",")}`);

  beforeAll(async () => {
    t = await indexedApp();
    base = `/api/collectives/${t.f.modules.governor}`;
    [alice, bob, dave, eve] = [t.f.alice, t.f.bob, t.f.dave, t.f.eve].map(addressOf) as [
      Address,
      Address,
      Address,
      Address,
    ];
    await waitFor(t.f, t.f.as(t.f.bob).shares.write.setProfile([SCRIPT_NAME, "javascript:alert(1)", ""]));
    await t.indexer.syncToHead();
  });
  afterAll(async () => {
    release();
    for (const app of apps) await app.close();
    for (const server of servers) await server.close();
    await t?.close();
  });

  it("names a member by their profile, and gives null where there is none, in the order asked", async () => {
    const { status, body } = await namesOf(t.app, [dave, alice.toLowerCase(), eve]);
    expect(status).toBe(200);
    expect(body.items).toEqual([
      { account: dave, name: "Dave 100%_", avatarUri: "https://dave.example/me.png", ensName: null },
      // A member without a profile, and an account that never held shares.
      { account: alice, name: null, avatarUri: null, ensName: null },
      { account: eve, name: null, avatarUri: null, ensName: null },
    ]);
  });

  it("answers each account once, however often and in whatever case it is asked", async () => {
    const { body } = await namesOf(t.app, [dave, dave.toLowerCase(), alice, dave.toUpperCase().replace("0X", "0x")]);
    expect(body.items.map((item) => item.account)).toEqual([dave, alice]);
  });

  it("gives a hostile name back as the text it is, in JSON the browser does not sniff as HTML", async () => {
    const response = await t.app.inject(`${base}/names?accounts=${bob}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.json<Api.Names>().items).toEqual([
      { account: bob, name: SCRIPT_NAME, avatarUri: "javascript:alert(1)", ensName: null },
    ]);
  });

  it("takes up to 100 accounts and refuses more, or a malformed one, with a 400 that says why", async () => {
    const many = Array.from({ length: 101 }, (_, i) => getAddress(`0x${(i + 1).toString(16).padStart(40, "0")}`));
    const hundred = await namesOf(t.app, many.slice(0, 100));
    expect(hundred.status).toBe(200);
    expect(hundred.body.items).toHaveLength(100);
    const expected = {
      error: "BadRequest",
      message:
        "The query parameter accounts must be 1 to 100 comma-separated addresses, each 0x and 40 hexadecimal digits.",
    };
    for (const accounts of [many.join(","), `${dave},0x123`, `${dave},`, `${dave}, ${alice}`, ""]) {
      const { status, body } = await get(t.app, `${base}/names?accounts=${encodeURIComponent(accounts)}`);
      expect(status, accounts).toBe(400);
      expect(body, accounts).toEqual(expected);
    }
    expect(await get(t.app, `${base}/names`)).toMatchObject({
      status: 400,
      body: { error: "BadRequest", message: "The query parameter accounts is required." },
    });
    expect((await get(t.app, `/api/collectives/${eve}/names?accounts=${dave}`)).status).toBe(404);
  });

  it("adds each account's primary ENS name, asked once and then kept", async () => {
    const ens = await ensChain({ [alice]: "alice.eth", [eve]: "Eve.eth" });
    const app = await withEns(ens);
    const { status, body } = await namesOf(app, [alice, dave, eve]);
    expect(status).toBe(200);
    expect(body.items.map((item) => [item.account, item.name, item.ensName])).toEqual([
      [alice, null, "alice.eth"],
      [dave, "Dave 100%_", null],
      // Not normalized (ENSIP-15 writes it in lower case): a look-alike is not shown.
      [eve, null, null],
    ]);
    const calls = ens.stats.calls.eth_call;
    expect(calls).toBe(3);
    expect((await namesOf(app, [eve, alice])).body.items.map((item) => item.ensName)).toEqual([null, "alice.eth"]);
    expect(ens.stats.calls.eth_call).toBe(calls);
  });

  it("answers 200 with a null ENS name when the ENS node fails, and does not ask it again at once", async () => {
    const ens = await ensChain({}, "fails");
    const app = await withEns(ens);
    const { status, body } = await namesOf(app, [dave, alice]);
    expect(status).toBe(200);
    expect(body.items.map((item) => [item.name, item.ensName])).toEqual([
      ["Dave 100%_", null],
      [null, null],
    ]);
    expect(ens.stats.calls.eth_call).toBe(2);
    expect((await namesOf(app, [alice])).status).toBe(200);
    expect(ens.stats.calls.eth_call).toBe(2);
  });

  it("does not wait long for an ENS node that does not answer, and does not ask it again at once", async () => {
    const ens = await ensChain({ [alice]: "alice.eth" }, "hangs");
    const app = await withEns(ens);
    const started = performance.now();
    const { status, body } = await namesOf(app, [dave, alice]);
    expect(status).toBe(200);
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(body.items.map((item) => [item.name, item.ensName])).toEqual([
      ["Dave 100%_", null],
      [null, null],
    ]);
    expect(ens.stats.calls.eth_call).toBe(2);
    const again = performance.now();
    expect((await namesOf(app, [alice])).body.items[0]?.ensName).toBeNull();
    expect(performance.now() - again).toBeLessThan(1_000);
    expect(ens.stats.calls.eth_call).toBe(2);
  });
});
