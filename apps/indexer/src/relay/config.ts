/**
 * The relay's configuration: the relayer's key (RELAYER_PRIVATE_KEY, from the environment, as the
 * deploy key DEPLOYER_PRIVATE_KEY is; a secret manager or Hardhat's keystore fills the environment
 * variable) and its policy. Without a key the relay is off: POST /api/relay answers 404 and the web
 * client sends transactions itself.
 */
import { formatEther, type Address, type Hex } from "viem";
import { privateKeyToAccount, type PrivateKeyAccount } from "viem/accounts";

export interface RelayConfig {
  account: PrivateKeyAccount;
  /** Relays accepted per member (signer) in 24 hours, across collectives. */
  memberDaily: number;
  /** Relays accepted per collective in 24 hours. */
  collectiveDaily: number;
  /** Wei the relayer may spend in 24 hours: what was spent, plus the most the pending relays may cost. */
  gasBudgetWei: bigint;
  /** A transaction not mined after this many milliseconds is sent again with the same nonce and higher fees. */
  replaceAfterMs: number;
}

/** The relayer's address, for the status route and the logs (never its key). */
export const relayerOf = (config: RelayConfig | undefined): Address | undefined => config?.account.address;

/** Reads the relay's settings from `env`; undefined without RELAYER_PRIVATE_KEY. Problems go to `problems`. */
export function readRelayConfig(env: NodeJS.ProcessEnv, problems: string[]): RelayConfig | undefined {
  const key = env.RELAYER_PRIVATE_KEY?.trim();
  if (!key) return undefined;
  const whole = (name: string, fallback: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > max) {
      problems.push(`${name}=${raw} must be a whole number from 0 to ${max}`);
      return fallback;
    }
    return value;
  };
  const hex = key.startsWith("0x") ? key : `0x${key}`;
  let account: PrivateKeyAccount | undefined;
  if (/^0x[0-9a-fA-F]{64}$/.test(hex)) {
    try {
      account = privateKeyToAccount(hex as Hex);
    } catch {
      account = undefined;
    }
  }
  // The key itself is never quoted, even when it is wrong.
  if (!account) problems.push("RELAYER_PRIVATE_KEY must be a private key: 64 hexadecimal digits, 0x first");
  let gasBudgetWei = 50_000_000_000_000_000n;
  const budget = env.RELAY_GAS_BUDGET_WEI;
  if (budget !== undefined && budget !== "") {
    if (/^[0-9]{1,40}$/.test(budget)) gasBudgetWei = BigInt(budget);
    else
      problems.push(
        `RELAY_GAS_BUDGET_WEI=${budget} must be a whole number of wei (default ${formatEther(gasBudgetWei)} ETH)`,
      );
  }
  if (!account) return undefined;
  return {
    account,
    memberDaily: whole("RELAY_MEMBER_DAILY", 50, 1_000_000),
    collectiveDaily: whole("RELAY_COLLECTIVE_DAILY", 1_000, 100_000_000),
    gasBudgetWei,
    replaceAfterMs: whole("RELAY_REPLACE_AFTER_MS", 30_000, 3_600_000),
  };
}
