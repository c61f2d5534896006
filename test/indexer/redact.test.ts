/** The keys and passwords in RPC_URL and DATABASE_URL never reach a log line or a client. */
import { describe, expect, it } from "vitest";
import { redactUrl, secretRedactor } from "@rhizome/indexer";

const ALCHEMY_KEY = "Zx9_kQ2mV7-pL4wR8tY1uI3oE6aS5dF0";
const INFURA_KEY = "3f2b8c1d9e7a46b5a0c4d2e1f8b7a6c9";
const QUICKNODE_TOKEN = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
const PASSWORD = "s3cr@t-Pa55";

const ALCHEMY = `https://eth-mainnet.g.alchemy.com/v2/${ALCHEMY_KEY}`;
const INFURA = `https://mainnet.infura.io/v3/${INFURA_KEY}`;
const QUICKNODE = `https://black-frosty-sea.quiknode.pro/${QUICKNODE_TOKEN}/`;
const POSTGRES = `postgres://rhizome:${encodeURIComponent(PASSWORD)}@db.internal:5432/rhizome?sslmode=require`;

/** viem's error for a refused request, as the indexer logs it. */
const viemError = (url: string) =>
  `HTTP request failed.\n\nStatus: 429\nURL: ${url}\nRequest body: {"method":"eth_blockNumber","params":[]}\n\n` +
  "Details: Too Many Requests\nVersion: viem@2.57.20";

describe("redactUrl", () => {
  it("hides the key in a provider's path, and keeps the host", () => {
    expect(redactUrl(ALCHEMY)).toBe("https://eth-mainnet.g.alchemy.com/***");
    expect(redactUrl(INFURA)).toBe("https://mainnet.infura.io/***");
    expect(redactUrl(QUICKNODE)).toBe("https://black-frosty-sea.quiknode.pro/***");
  });

  it("hides a key in the query and credentials in the user info", () => {
    expect(redactUrl("https://lb.drpc.org/ogrpc?network=ethereum&dkey=Ab12Cd34Ef56")).toBe("https://lb.drpc.org/***");
    expect(redactUrl("https://user:hunter22@rpc.example:8545")).toBe("https://***@rpc.example:8545");
  });

  it("leaves a URL with nothing secret as it is", () => {
    expect(redactUrl("http://127.0.0.1:8545")).toBe("http://127.0.0.1:8545");
    expect(redactUrl("http://127.0.0.1:8545/")).toBe("http://127.0.0.1:8545");
  });

  it("hides a database URL's password and keeps its database name and settings", () => {
    expect(redactUrl(POSTGRES)).toBe("postgres://rhizome:***@db.internal:5432/rhizome?sslmode=require");
    expect(redactUrl("postgresql://db/rhizome?user=r&password=hunter22")).toBe(
      "postgresql://db/rhizome?user=r&password=***",
    );
  });

  it("cuts text that is not a URL at its host", () => {
    expect(redactUrl(`eth-mainnet.g.alchemy.com/v2/${ALCHEMY_KEY}`)).toBe("eth-mainnet.g.alchemy.com/***");
  });
});

describe("secretRedactor", () => {
  const redact = secretRedactor([ALCHEMY, POSTGRES]);

  it("takes the key out of an error that quotes the RPC URL, keeping where it points", () => {
    const out = redact(viemError(ALCHEMY));
    expect(out).not.toContain(ALCHEMY_KEY);
    expect(out).toContain("URL: https://eth-mainnet.g.alchemy.com/***\nRequest body");
  });

  it("takes out a URL cut short in a message, and the key quoted on its own", () => {
    const cut = `indexing failed (URL: ${ALCHEMY.slice(0, -12)}`;
    expect(redact(cut)).toBe("indexing failed (URL: https://eth-mainnet.g.alchemy.com/***");
    expect(redact(`key ${ALCHEMY_KEY} refused`)).toBe("key *** refused");
  });

  it("keeps a JSON log line valid JSON, without the key", () => {
    const line = JSON.stringify({ level: 40, error: viemError(ALCHEMY), msg: "RPC request failed; retrying" });
    const out = redact(line);
    expect(out).not.toContain(ALCHEMY_KEY);
    expect(JSON.parse(out)).toMatchObject({ msg: "RPC request failed; retrying" });
  });

  it("takes the database password out, whether written in the URL, percent-decoded or alone", () => {
    const out = redact(`could not connect to ${POSTGRES} (password ${PASSWORD})`);
    expect(out).not.toContain(encodeURIComponent(PASSWORD));
    expect(out).not.toContain(PASSWORD);
    expect(out).toContain("postgres://rhizome:***@db.internal:5432/rhizome");
  });

  it("takes the password out of any URL written with one", () => {
    expect(redact("proxy at https://bob:hunter22@proxy.example/x")).toBe("proxy at https://bob:***@proxy.example/x");
  });

  it("leaves other text and other URLs alone", () => {
    const text = "API listening at http://127.0.0.1:42069/api, docs at http://127.0.0.1:42069/api/docs";
    expect(redact(text)).toBe(text);
    expect(secretRedactor([INFURA, QUICKNODE])(viemError(INFURA))).not.toContain(INFURA_KEY);
    expect(secretRedactor([QUICKNODE])(`URL: ${QUICKNODE}`)).toBe("URL: https://black-frosty-sea.quiknode.pro/***");
  });
});
