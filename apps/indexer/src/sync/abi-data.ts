/**
 * A log's data decoded word by word from its hex, for the parameter types events mostly carry
 * (integers, addresses, booleans, fixed bytes, strings and bytes), giving exactly what viem's
 * decodeAbiParameters gives; anything else (arrays, tuples) or anything out of the ordinary (an
 * offset or a length past the data, an integer too wide for its type, a boolean neither 0 nor 1)
 * is left to viem, with its errors. viem turns the whole data into bytes and reads it through a
 * cursor: on the dense benchmark that was about a sixth of the indexer's own CPU time, and a
 * vote's data, read here, takes a fraction of it.
 */
import { decodeAbiParameters, type AbiParameter, type Hex } from "viem";

/** How a parameter is read, worked out once per parameter of an ABI. */
type Kind =
  | { kind: "uint" | "int"; bits: number }
  | { kind: "address" | "bool" | "string" | "bytes" }
  | { kind: "fixed"; size: number };

const WORD = 64;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const utf8 = new TextDecoder();

const kinds = new WeakMap<AbiParameter, Kind | null>();

function kindOf(param: AbiParameter): Kind | null {
  let found = kinds.get(param);
  if (found === undefined) {
    const { type } = param;
    const integer = /^(u?)int(\d*)$/.exec(type);
    const fixed = /^bytes(\d+)$/.exec(type);
    found =
      type === "address" || type === "bool" || type === "string" || type === "bytes"
        ? { kind: type }
        : integer
          ? { kind: integer[1] ? "uint" : "int", bits: Number(integer[2] || 256) }
          : fixed
            ? { kind: "fixed", size: Number(fixed[1]) }
            : null;
    kinds.set(param, found);
  }
  return found;
}

/** A word's value as an offset or a length in bytes, or -1 past what any data can hold. */
function size(word: string): number {
  const value = BigInt(`0x${word}`);
  return value > MAX_SAFE ? -1 : Number(value);
}

/**
 * The data's values as decodeAbiParameters gives them, or undefined where this does not read the
 * types or the data is out of the ordinary: the caller then asks viem. `checksum` turns a lower-
 * case address into viem's checksummed one.
 */
export function readData(params: readonly AbiParameter[], data: Hex, checksum: (address: string) => string) {
  const layout = params.map(kindOf);
  if (layout.includes(null)) return undefined;
  const hex = data.slice(2);
  if (hex.length % 2 !== 0 || hex.length < layout.length * WORD || !/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  const values: unknown[] = [];
  for (let i = 0; i < layout.length; i++) {
    const kind = layout[i] as Kind;
    const word = hex.slice(i * WORD, (i + 1) * WORD);
    switch (kind.kind) {
      case "uint":
      case "int": {
        let value = BigInt(`0x${word}`);
        if (kind.kind === "int" && value >= 1n << 255n) value -= 1n << 256n;
        if (kind.bits > 48) {
          values.push(value);
        } else {
          const number = Number(value);
          if (!Number.isSafeInteger(number)) return undefined;
          values.push(number);
        }
        break;
      }
      case "address":
        values.push(checksum(`0x${word.slice(24).toLowerCase()}`));
        break;
      case "bool": {
        const value = BigInt(`0x${word}`);
        if (value > 1n) return undefined;
        values.push(value === 1n);
        break;
      }
      case "fixed":
        values.push(`0x${word.slice(0, kind.size * 2).toLowerCase()}`);
        break;
      case "string":
      case "bytes": {
        const offset = size(word);
        // viem moves back to the next word after reading one, and fails where the data ends there.
        if (hex.length <= (i + 1) * WORD) return undefined;
        if (offset < 0 || (offset + 32) * 2 > hex.length) return undefined;
        const length = size(hex.slice(offset * 2, offset * 2 + WORD));
        const start = offset * 2 + WORD;
        if (length < 0 || start + length * 2 > hex.length) return undefined;
        const body = hex.slice(start, start + length * 2).toLowerCase();
        values.push(kind.kind === "bytes" ? `0x${body}` : utf8.decode(Buffer.from(body, "hex")));
        break;
      }
    }
  }
  return values;
}

/** decodeAbiParameters(params, data), read from the hex where it can be, by viem where not. */
export function decodeData(
  params: readonly AbiParameter[],
  data: Hex,
  checksum: (address: string) => string,
): readonly unknown[] {
  return readData(params, data, checksum) ?? decodeAbiParameters(params, data);
}
