/**
 * The treasury's projection: its balances and flows (deposits, payments, ragequits), from the
 * treasury's own events and from the ERC-20 transfers into it (the `token` source).
 *
 * Anyone can deploy a contract that emits `Transfer(x, treasury, 2^256 - 1)` as often as they
 * like. A balance summed from Transfer events is therefore bounded (at uint256's largest value,
 * which no real token can exceed in one account, so reaching it marks the token as spam), and it
 * is replaced by the treasury's own statement of the balance whenever the treasury moves the
 * token (its Paid and Ragequit events carry the balance after), which marks it as reported.
 */
import { getAddress, maxUint256, zeroAddress } from "viem";
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
        setBalance(batch, c, zeroAddress, a.balance as bigint, event.blockNumber, REPORTED);
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
        setBalance(batch, c, token, a.balance as bigint, event.blockNumber, REPORTED);
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
      case "RagequitPaidTo":
      case "NetworkExited": {
        // Both follow their exit's Ragequit in the same transaction, so in the same range.
        const member = getAddress(a.member as string);
        const exit = batch.ragequits.findLast((r) => r.collective === c && r.member === member);
        if (!exit) return;
        if (event.eventName === "RagequitPaidTo") exit.paidTo = getAddress(a.to as string);
        else
          exit.networkExits = [
            ...(exit.networkExits ?? []),
            {
              treasury: getAddress(a.treasury as string),
              shares: String(a.shares as bigint),
              held: String(a.held as bigint),
            },
          ];
        return;
      }
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
    const current = batch.balances.get(key(c, event.address));
    const sum = (current?.balance ?? 0n) + (a.value as bigint);
    setBalance(batch, c, event.address, sum > maxUint256 ? maxUint256 : sum, event.blockNumber, {
      reported: current?.reported ?? false,
      spam: (current?.spam ?? false) || sum > maxUint256,
    });
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
  setBalance(batch, c, zeroAddress, a.ethBalance as bigint, event.blockNumber, REPORTED);
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
    setBalance(batch, c, token, balances[i] ?? 0n, event.blockNumber, REPORTED);
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
    paidTo: null,
    networkExits: [],
  });
}

/** The treasury stated the balance itself: the asset is real, whatever Transfer events said before. */
const REPORTED = { reported: true, spam: false } as const;

function setBalance(
  batch: Batch,
  collective: string,
  token: string,
  balance: bigint,
  blockNumber: number,
  trust: { reported: boolean; spam: boolean },
): void {
  batch.balances.put(key(collective, token), { collective, token, balance, updatedBlock: blockNumber, ...trust });
}
