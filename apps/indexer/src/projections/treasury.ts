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
import { position, type Handler } from "./handler.js";

export const treasury: Handler<"treasury"> = {
  keys(event, keys) {
    const { collective } = event;
    keys.balances.push([collective, zeroAddress]);
    if (event.eventName === "Paid") keys.balances.push([collective, getAddress(event.args.token)]);
    if (event.eventName === "Ragequit") {
      for (const token of event.args.tokens) keys.balances.push([collective, getAddress(token)]);
    }
  },

  apply(batch, _registry, event) {
    const c = event.collective;
    switch (event.eventName) {
      case "EthReceived": {
        const a = event.args;
        setBalance(batch, c, zeroAddress, a.balance, event.blockNumber, REPORTED);
        batch.flows.push({
          collective: c,
          ...position(event),
          kind: "deposit",
          token: zeroAddress,
          counterparty: getAddress(a.from),
          amount: a.amount,
        });
        return;
      }
      case "Paid": {
        const a = event.args;
        const token = getAddress(a.token);
        setBalance(batch, c, token, a.balance, event.blockNumber, REPORTED);
        batch.flows.push({
          collective: c,
          ...position(event),
          kind: "payment",
          token,
          counterparty: getAddress(a.to),
          amount: -a.amount,
        });
        return;
      }
      case "Ragequit":
        return ragequit(batch, event);
      case "RagequitPaidTo":
      case "NetworkExited": {
        // Both follow their exit's Ragequit in the same transaction, so in the same range.
        const member = getAddress(event.args.member);
        const exit = batch.ragequits.findLast((r) => r.collective === c && r.member === member);
        if (!exit) return;
        if (event.eventName === "RagequitPaidTo") exit.paidTo = getAddress(event.args.to);
        else
          exit.networkExits = [
            ...(exit.networkExits ?? []),
            {
              treasury: getAddress(event.args.treasury),
              shares: String(event.args.shares),
              held: String(event.args.held),
            },
          ];
        return;
      }
    }
  },
};

/** An ERC-20 deposit: a token's Transfer to the treasury (decode.ts keeps only those). */
export const token: Handler<"token"> = {
  keys({ collective, address }, keys) {
    keys.balances.push([collective, address]);
  },

  apply(batch, _registry, event) {
    if (event.eventName !== "Transfer") return;
    const a = event.args;
    const c = event.collective;
    const current = batch.balances.get(key(c, event.address));
    const sum = (current?.balance ?? 0n) + a.value;
    setBalance(batch, c, event.address, sum > maxUint256 ? maxUint256 : sum, event.blockNumber, {
      reported: current?.reported ?? false,
      spam: (current?.spam ?? false) || sum > maxUint256,
    });
    batch.flows.push({
      collective: c,
      ...position(event),
      kind: "deposit",
      token: event.address,
      counterparty: getAddress(a.from),
      amount: a.value,
    });
  },
};

/** A member leaves with their part of every asset: one outflow per asset paid, and the ragequit. */
function ragequit(batch: Batch, event: IndexedEvent<"treasury", "Ragequit">): void {
  const a = event.args;
  const c = event.collective;
  const at = position(event);
  const memberAddress = getAddress(a.member);
  const tokens = a.tokens.map((t) => getAddress(t));
  const { amounts, balances } = a;
  setBalance(batch, c, zeroAddress, a.ethBalance, event.blockNumber, REPORTED);
  if (a.ethAmount > 0n) {
    batch.flows.push({
      collective: c,
      ...at,
      kind: "ragequit",
      token: zeroAddress,
      counterparty: memberAddress,
      amount: -a.ethAmount,
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
    shares: a.shares,
    supply: a.supply,
    ethAmount: a.ethAmount,
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
