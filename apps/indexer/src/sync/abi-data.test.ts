/**
 * abi-data.ts against viem's decodeAbiParameters, on data viem's own encoder builds from random
 * values of every parameter type it reads (the fast path taken, the same values given), and on
 * data built at random, mostly malformed (offsets and lengths anywhere, booleans of any value,
 * integers too wide, odd or non-hex digits): where it reads a value, viem reads the same one, and
 * where viem throws, it leaves the data to viem.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  bytesToHex,
  decodeAbiParameters,
  encodeAbiParameters,
  getAddress,
  type AbiEvent,
  type AbiParameter,
  type Hex,
} from "viem";
import { decodeData, readData } from "./abi-data.js";
import { SOURCE_ABIS } from "./decode.js";

const checksum = (address: string) => getAddress(address);

/** A random value of `type`, as viem's decoder gives one (numbers up to 48 bits, bigints above). */
function valueOf(type: string): fc.Arbitrary<unknown> {
  const integer = /^(u?)int(\d*)$/.exec(type);
  if (integer) {
    const bits = BigInt(integer[2] || 256);
    const [min, max] = integer[1] ? [0n, 2n ** bits - 1n] : [-(2n ** (bits - 1n)), 2n ** (bits - 1n) - 1n];
    const value = fc.oneof(fc.bigInt({ min, max }), fc.constantFrom(min, max, 0n));
    return bits > 48n ? value : value.map(Number);
  }
  if (type === "address") return fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => getAddress(bytesToHex(b)));
  if (type === "bool") return fc.boolean();
  if (type === "string") return fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme", maxLength: 80 }));
  if (type === "bytes") return fc.uint8Array({ maxLength: 100 }).map((b) => bytesToHex(b));
  const fixed = /^bytes(\d+)$/.exec(type);
  if (fixed) {
    const size = Number(fixed[1]);
    return fc.uint8Array({ minLength: size, maxLength: size }).map((b) => bytesToHex(b));
  }
  throw new Error(`no values of ${type}`);
}

const TYPES = [
  "uint8",
  "uint48",
  "uint64",
  "uint256",
  "int8",
  "int48",
  "int256",
  "address",
  "bool",
  "string",
  "bytes",
  "bytes4",
  "bytes32",
];

/** Every event's data parameters in Rhizome's ABIs, and each indexed input alone, as decode.ts reads them. */
const eventLayouts = Object.values(SOURCE_ABIS).flatMap((abi) =>
  (abi as readonly { type: string }[])
    .filter((item): item is AbiEvent => item.type === "event")
    .flatMap((event) => [
      { name: `${event.name} data`, params: event.inputs.filter((input) => !input.indexed) },
      ...event.inputs
        .filter((input) => input.indexed && TYPES.includes(input.type))
        .map((input) => ({ name: `${event.name} ${input.name}`, params: [input] })),
    ])
    .filter(({ params }) => params.length > 0 && params.every((p) => TYPES.includes(p.type))),
);

describe("reading a log's data as viem's decodeAbiParameters does", () => {
  it("reads every event of Rhizome's contracts that has only the types it reads, and most do", () => {
    expect(eventLayouts.length).toBeGreaterThan(40);
    expect(eventLayouts.map((e) => e.name)).toContain("VoteCast data");
  });

  it("gives viem's values for random values of every type it reads, in random layouts and in the events' own", () => {
    const layout = fc.oneof(
      fc
        .array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 6 })
        .map((types) => types.map((type) => ({ type }) as AbiParameter)),
      fc.constantFrom(...eventLayouts.map((e) => e.params as AbiParameter[])),
    );
    const encoded = layout.chain((params) =>
      fc
        .tuple(...params.map((p) => valueOf(p.type)))
        .map((values) => ({ params, values, data: encodeAbiParameters(params, values) })),
    );
    fc.assert(
      fc.property(encoded, ({ params, values, data }) => {
        const read = readData(params, data, checksum);
        expect(read).toEqual(values);
        expect(read).toEqual(decodeAbiParameters(params, data));
        // Upper-case digits read the same.
        expect(readData(params, `0x${data.slice(2).toUpperCase()}`, checksum)).toEqual(values);
      }),
      { numRuns: 2_000 },
    );
  });

  it("reads data made at random as viem does, or leaves it to viem, which then throws the same", () => {
    const word = fc
      .oneof(
        fc.bigInt({ min: 0n, max: 300n }),
        fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
        fc.constantFrom(1n, 2n ** 48n, 2n ** 53n, 2n ** 255n, 2n ** 256n - 1n),
      )
      .map((n) => n.toString(16).padStart(64, "0"));
    const data = fc
      .tuple(
        fc.array(word, { maxLength: 8 }),
        fc.oneof(
          fc.constant(""),
          fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), maxLength: 70 }),
          fc.constantFrom("0", "zz", "0g"),
        ),
      )
      .map(([words, tail]) => `0x${words.join("")}${tail}` as Hex);
    const params = fc
      .array(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 4 })
      .map((types) => types.map((type) => ({ type }) as AbiParameter));
    fc.assert(
      fc.property(params, data, (params, data) => {
        let expected: { values: readonly unknown[] } | { error: string };
        try {
          expected = { values: decodeAbiParameters(params, data) };
        } catch (error) {
          expected = { error: (error as Error).message };
        }
        const read = readData(params, data, checksum);
        if (read !== undefined) expect({ values: read }).toEqual(expected);
        let got: { values: readonly unknown[] } | { error: string };
        try {
          got = { values: decodeData(params, data, checksum) };
        } catch (error) {
          got = { error: (error as Error).message };
        }
        expect(got).toEqual(expected);
      }),
      { numRuns: 5_000 },
    );
  });

  it("leaves arrays and tuples to viem", () => {
    const params = [{ type: "uint256[]" }] as AbiParameter[];
    const data = encodeAbiParameters(params, [[1n, 2n]]);
    expect(readData(params, data, checksum)).toBeUndefined();
    expect(decodeData(params, data, checksum)).toEqual([[1n, 2n]]);
  });
});
