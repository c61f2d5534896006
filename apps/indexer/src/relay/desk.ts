/**
 * The relay's desk: what POST /api/relay does with a signed action before anything is spent. It
 * checks, in order, that the collective is indexed, the action is whole, the signature is the
 * signer's over the contract's own EIP-712 domain (read on chain), its deadline is ahead of the
 * chain's time, its nonce is the signer's next one there, the signer is a member (shares or votes
 * in the index), the member's and the collective's daily quotas and the relayer's daily gas budget
 * leave room, the call would succeed (simulated from the relayer's account) and the relayer can pay
 * for it. Only then is it queued, in the database, for the one submitter to send. Every refusal is
 * a RelayRefusal: a 4xx with `{ error, message }`.
 */
import { createHash } from "node:crypto";
import { getAddress, verifyTypedData, type Address, type Hex, type PublicClient } from "viem";
import { readSigningDomain, workAbi, type SigningDomain } from "@rhizome/contracts";
import { and, eq, or, gt } from "drizzle-orm";
import { schema, type Database } from "@rhizome/db";
import type { Relay, RelayBody, RelayInfo } from "@rhizome/client/schemas";
import { RELAY_KINDS } from "@rhizome/client/schemas";
import { HttpError } from "../plugins/http-errors.js";
import { MalformedActionError, prepareAction, type CollectiveModules } from "./actions.js";
import type { RelayConfig } from "./config.js";
import { relayStore, relayView } from "./store.js";
import { revertWords } from "./words.js";

/** A relay refused: nothing was spent, nothing queued. */
export class RelayRefusal extends HttpError {
  override name = "RelayRefusal";
}

/** The gas limit sent is the estimate plus this share (percent), for state that moves meanwhile. */
const GAS_MARGIN_PERCENT = 20n;

export interface DeskOptions {
  db: Database;
  client: PublicClient;
  config: RelayConfig;
  /** The chain the service follows; 0 until it has reached it. */
  chainId: () => number;
  /** Told of each relay queued (the submitter in this process, which sends it at once). */
  queued?: (relay: Relay) => void;
}

export interface RelayDesk {
  info(): RelayInfo;
  accept(body: RelayBody): Promise<Relay>;
  get(id: string): Promise<Relay | undefined>;
}

const refuse = (status: number, error: string, message: string) => new RelayRefusal(status, error, message);

export function relayDesk(options: DeskOptions): RelayDesk {
  const { db, client, config } = options;
  const store = relayStore(db);
  const relayer = config.account.address;
  // A contract's domain does not change (its name and version are set once); read each once.
  const domains = new Map<Address, Promise<SigningDomain>>();
  const domainOf = (contract: Address) => {
    let domain = domains.get(contract);
    if (!domain) {
      domain = readSigningDomain(client, contract);
      domain.catch(() => domains.delete(contract));
      domains.set(contract, domain);
    }
    return domain;
  };

  const modulesOf = async (collective: Address): Promise<CollectiveModules | undefined> => {
    const [row] = await db
      .select({ shares: schema.collectives.shares, work: schema.collectives.work })
      .from(schema.collectives)
      .where(eq(schema.collectives.address, collective));
    return row && { governor: collective, shares: getAddress(row.shares), work: getAddress(row.work) };
  };

  const isMember = async (collective: Address, account: Address) => {
    const [row] = await db
      .select({ account: schema.members.account })
      .from(schema.members)
      .where(
        and(
          eq(schema.members.collective, collective),
          eq(schema.members.account, account),
          or(gt(schema.members.shares, 0n), gt(schema.members.votingPower, 0n)),
        ),
      );
    return row !== undefined;
  };

  return {
    info: () => ({
      enabled: true,
      relayer,
      kinds: [...RELAY_KINDS],
      memberDaily: config.memberDaily,
      collectiveDaily: config.collectiveDaily,
    }),

    async get(id) {
      const row = await store.get(id);
      return row && relayView(row);
    },

    async accept(body) {
      const chainId = options.chainId();
      if (chainId === 0) throw refuse(503, "ServiceUnavailable", "The service has not reached its chain yet.");
      const collective = getAddress(body.collective);
      const modules = await modulesOf(collective);
      if (!modules) throw refuse(404, "UnknownCollective", `No collective is indexed at ${collective}.`);
      let action;
      try {
        action = prepareAction(body, modules);
      } catch (error) {
        if (error instanceof MalformedActionError) throw refuse(400, "BadRequest", error.message);
        throw error;
      }
      const { signer, target } = action;

      const domain = await domainOf(target);
      const valid = await verifyTypedData({
        ...(action.typedData(domain) as Parameters<typeof verifyTypedData>[0]),
        address: signer,
        signature: body.signature as Hex,
      }).catch(() => false);
      if (!valid) {
        throw refuse(
          401,
          "InvalidSignature",
          `This ${action.kind} is not signed by ${signer} for this collective on chain ${chainId}.`,
        );
      }

      const [block, nonce] = await Promise.all([
        client.getBlock({ blockTag: "latest" }),
        client.readContract({ address: target, abi: workAbi, functionName: "nonces", args: [signer] }),
      ]);
      if (action.deadline !== undefined && action.deadline < block.timestamp) {
        throw refuse(400, "ExpiredSignature", `This ${action.kind}'s signature expired: sign it again.`);
      }
      if (action.nonce < nonce) {
        throw refuse(409, "NonceUsed", `This signature's nonce (${action.nonce}) was used already: sign it again.`);
      }
      if (action.nonce > nonce) {
        throw refuse(
          409,
          "NonceNotNext",
          `This signature's nonce is ${action.nonce}; ${signer}'s next one is ${nonce}.`,
        );
      }
      const pending = await store.pendingOf(signer, target);
      if (pending) {
        throw refuse(409, "RelayPending", `${signer}'s relay ${pending.id} is not mined yet: sign this one after it.`);
      }

      if (!(await isMember(collective, signer))) {
        throw refuse(403, "NotAMember", `${signer} holds no shares or votes in this collective.`);
      }
      const asked = await store.lastDay(signer, collective);
      if (asked.member >= config.memberDaily) {
        throw refuse(
          429,
          "MemberQuotaReached",
          `${signer} has had ${config.memberDaily} actions relayed in 24 hours, the most allowed: send it yourself.`,
        );
      }
      if (asked.collective >= config.collectiveDaily) {
        throw refuse(
          429,
          "CollectiveQuotaReached",
          `This collective has had ${config.collectiveDaily} actions relayed in 24 hours, the most allowed: send it yourself.`,
        );
      }

      let gas: bigint;
      try {
        gas = await client.estimateGas({ account: relayer, to: target, data: action.data });
      } catch (error) {
        const words = revertWords(error);
        if (words === undefined) throw error;
        throw refuse(422, "WouldRevert", words);
      }
      const gasLimit = (gas * (100n + GAS_MARGIN_PERCENT)) / 100n;
      const { maxFeePerGas } = await client.estimateFeesPerGas();
      const spent = await store.spentLastDay(maxFeePerGas);
      const cost = gasLimit * maxFeePerGas;
      if (spent.spent + spent.pending + cost > config.gasBudgetWei) {
        throw refuse(
          429,
          "GasBudgetSpent",
          "The relay has spent its gas budget for the day: send it yourself, or try again tomorrow.",
        );
      }
      const balance = await client.getBalance({ address: relayer });
      if (balance < spent.pending + cost) {
        throw refuse(402, "RelayerOutOfFunds", "The relay has too little ETH to pay for this: send it yourself.");
      }

      const id = `rl_${createHash("sha256").update(body.signature.toLowerCase()).digest("hex").slice(0, 32)}`;
      const row = await store.queue({
        id,
        chainId,
        collective,
        kind: action.kind,
        signer,
        signed: body,
        target,
        data: action.data,
        gasLimit,
        relayer,
      });
      if (!row) throw refuse(409, "AlreadyRelayed", `This signature was relayed already, as ${id}.`);
      const relay = relayView(row);
      options.queued?.(relay);
      return relay;
    },
  };
}
