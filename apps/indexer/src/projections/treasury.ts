/**
 * The treasury's projection: its balances and flows (deposits, payments, ragequits), from the
 * treasury's own events and from the ERC-20 transfers into it (the `token` source).
 */
import { getAddress, zeroAddress } from "viem";
import type { IndexedEvent } from "../sync/decode.js";
import { key, type Batch } from "./batch.js";
import { position, type Args, type Handler } from "./handler.js";

export const treasury: Handler = {
  keys({ collective, args }, keys) {
    const a = args as Args;
    keys.balances.push([collective, zeroAddress]);
    if (typeof a.token === "string") keys.balances.push([collective, getAddress(a.token)]);
    for (const token of (a.tokens as string[] | undefined) ?? []) keys.balances.push([collective, getAddress(token)]);
  },

  apply(batch, _registry, event) {
    const a = event.args as Args;
    const c = event.collective;
    switch (event.eventName) {
      case "EthReceived":
        setBalance(batch, c, zeroAddress, a.balance as bigint, event.blockNumber);
        batch.flows.push({
          collective: c,
          ...position(event),
          kind: "deposit",
          token: zeroAddress,
          counterparty: getAddress(a.from as string),
          amount: a.amount as bigint,
        });
        return;
      case "Paid": {
        const token = getAddress(a.token as string);
        setBalance(batch, c, token, a.balance as bigint, event.blockNumber);
        batch.flows.push({
          collective: c,
          ...position(event),
          kind: "payment",
          token,
          counterparty: getAddress(a.to as string),
          amount: -(a.amount as bigint),
        });
        return;
      }
      case "Ragequit":
        return ragequit(batch, event);
    }
  },
};

/** An ERC-20 deposit: a token's Transfer to the treasury (decode.ts keeps only those). */
export const token: Handler = {
  keys({ collective, address }, keys) {
    keys.balances.push([collective, address]);
  },

  apply(batch, _registry, event) {
    if (event.eventName !== "Transfer") return;
    const a = event.args as Args;
    const c = event.collective;
    const current = batch.balances.get(key(c, event.address))?.balance ?? 0n;
    setBalance(batch, c, event.address, current + (a.value as bigint), event.blockNumber);
    batch.flows.push({
      collective: c,
      ...position(event),
      kind: "deposit",
      token: event.address,
      counterparty: getAddress(a.from as string),
      amount: a.value as bigint,
    });
  },
};

/** A member leaves with their part of every asset: one outflow per asset paid, and the ragequit. */
function ragequit(batch: Batch, event: IndexedEvent): void {
  const a = event.args as Args;
  const c = event.collective;
  const at = position(event);
  const memberAddress = getAddress(a.member as string);
  const tokens = (a.tokens as string[]).map((t) => getAddress(t));
  const amounts = a.amounts as bigint[];
  const balances = a.balances as bigint[];
  setBalance(batch, c, zeroAddress, a.ethBalance as bigint, event.blockNumber);
  if ((a.ethAmount as bigint) > 0n) {
    batch.flows.push({
      collective: c,
      ...at,
      kind: "ragequit",
      token: zeroAddress,
      counterparty: memberAddress,
      amount: -(a.ethAmount as bigint),
    });
  }
  tokens.forEach((token, i) => {
    setBalance(batch, c, token, balances[i] ?? 0n, event.blockNumber);
    if ((amounts[i] ?? 0n) > 0n)
      batch.flows.push({
        collective: c,
        ...at,
        kind: "ragequit",
        token,
        counterparty: memberAddress,
        amount: -(amounts[i] ?? 0n),
      });
  });
  batch.ragequits.push({
    collective: c,
    ...at,
    member: memberAddress,
    shares: a.shares as bigint,
    supply: a.supply as bigint,
    ethAmount: a.ethAmount as bigint,
    tokens: tokens.map((token, i) => ({ token, amount: String(amounts[i] ?? 0n) })),
  });
}

function setBalance(batch: Batch, collective: string, token: string, balance: bigint, blockNumber: number): void {
  batch.balances.put(key(collective, token), { collective, token, balance, updatedBlock: blockNumber });
}
