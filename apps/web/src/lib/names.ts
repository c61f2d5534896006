/**
 * What to call an account: the name its owner chose in the collective's profile, else its primary
 * ENS name, else its short address. Names come from the API's /names in batches: the accounts
 * that components ask for in the same turn of the event loop go in one request per collective (of
 * up to MAX_NAMES accounts each), and React Query keeps each answer under the collective's key,
 * so a live event about the collective refreshes them (again in one request).
 * A name is untrusted text: it is only ever rendered as text (components/Account.tsx).
 */
import { MAX_NAMES, type Api } from "@rhizome/client";
import { useQueries, useQuery } from "@tanstack/react-query";
import { isAddress } from "viem";
import { api } from "./api";
import { shortAddress } from "./format";

type FetchNames = (collective: string, accounts: readonly string[]) => Promise<Api.Names>;

interface Waiting {
  resolve: (name: Api.AccountName) => void;
  reject: (error: unknown) => void;
}

/** Nothing known of `account`. */
const unnamed = (account: string): Api.AccountName => ({ account, name: null, avatarUri: null, ensName: null });

/**
 * Loads names in batches: every `load` made before the next turn of the event loop waits for one
 * request per collective and per MAX_NAMES accounts.
 */
export function createNameLoader(fetchNames: FetchNames = (collective, accounts) => api.names(collective, accounts)) {
  /** By collective (lower case): the collective as first asked, and by account (lower case) who waits for its name. */
  const queued = new Map<string, { collective: string; accounts: Map<string, Waiting[]> }>();
  let scheduled = false;

  function send(collective: string, accounts: Map<string, Waiting[]>, chunk: string[]) {
    fetchNames(collective, chunk).then(
      (answer) => {
        const byAccount = new Map(answer.items.map((item) => [item.account.toLowerCase(), item]));
        for (const account of chunk)
          for (const waiting of accounts.get(account) ?? [])
            waiting.resolve(byAccount.get(account) ?? unnamed(account));
      },
      (error: unknown) => {
        for (const account of chunk) for (const waiting of accounts.get(account) ?? []) waiting.reject(error);
      },
    );
  }

  function flush() {
    scheduled = false;
    const batches = [...queued];
    queued.clear();
    for (const [, { collective, accounts }] of batches) {
      const list = [...accounts.keys()];
      for (let i = 0; i < list.length; i += MAX_NAMES) send(collective, accounts, list.slice(i, i + MAX_NAMES));
    }
  }

  return {
    load(collective: string, account: string): Promise<Api.AccountName> {
      return new Promise((resolve, reject) => {
        const key = collective.toLowerCase();
        const batch = queued.get(key) ?? { collective, accounts: new Map<string, Waiting[]>() };
        queued.set(key, batch);
        const accounts = batch.accounts;
        const waiting = accounts.get(account.toLowerCase()) ?? [];
        accounts.set(account.toLowerCase(), [...waiting, { resolve, reject }]);
        if (!scheduled) {
          scheduled = true;
          setTimeout(flush, 0);
        }
      });
    },
  };
}

const loader = createNameLoader();

/** How an account reads on screen. */
export interface AccountLabel {
  /** Its profile name, else its ENS name, else its short address. */
  text: string;
  /** Whether `text` is a name rather than the address. */
  named: boolean;
  /** Its picture, when its profile gives an http(s) link to one. */
  avatar: string | undefined;
}

/**
 * A name as it may be shown: trimmed, and not one that looks like an address, which could pass
 * for another account's short address.
 */
function shown(name: string | null | undefined): string | undefined {
  const trimmed = name?.trim();
  if (!trimmed || /^0x[0-9a-f]/i.test(trimmed)) return undefined;
  return trimmed;
}

/** An http or https link; anything else (javascript:, data:, ipfs: without a gateway) is no picture. */
function avatarOf(uri: string | null | undefined): string | undefined {
  if (!uri) return undefined;
  try {
    const url = new URL(uri);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function labelOf(account: string, found: Api.AccountName | undefined): AccountLabel {
  const name = shown(found?.name) ?? shown(found?.ensName);
  return { text: name ?? shortAddress(account), named: name !== undefined, avatar: avatarOf(found?.avatarUri) };
}

const nameQuery = (collective: string, account: string) => ({
  queryKey: ["collective", collective.toLowerCase(), "names", account.toLowerCase()] as const,
  queryFn: () => loader.load(collective, account),
  enabled: collective !== "" && isAddress(account, { strict: false }),
  // Names change seldom, and a live event about the collective refreshes them anyway.
  staleTime: 5 * 60_000,
  retry: false,
});

/** What to call `account` in `collective` (its short address until the name is known, or outside one). */
export function useAccountName(collective: string | undefined, account: string): AccountLabel {
  const query = useQuery(nameQuery(collective ?? "", account));
  return labelOf(account, query.data);
}

/** What to call each of `accounts`, by lower-case address: for text that cannot hold a component. */
export function useAccountNames(collective: string, accounts: readonly string[]): Map<string, AccountLabel> {
  const unique = [...new Set(accounts.map((account) => account.toLowerCase()))];
  const queries = useQueries({ queries: unique.map((account) => nameQuery(collective, account)) });
  return new Map(
    unique.map((account, i) => [
      account,
      labelOf(accounts.find((a) => a.toLowerCase() === account) ?? account, queries[i]?.data),
    ]),
  );
}
