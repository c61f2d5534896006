/**
 * /api/collectives/:address/names: what to call up to 100 accounts at once, for a client that
 * shows many (a proposal's voters, a list of members): each one's profile name and picture in this
 * collective, from the index, and its primary ENS name when the service has ENS_RPC_URL.
 */
import type { FastifyPluginAsync } from "fastify";
import { listNames, type CollectiveParams, type Names, type NamesQuery } from "@rhizome/client/schemas";
import { accountList, checksum } from "../../params.js";

const names: FastifyPluginAsync = async (app) => {
  app.get<{ Params: CollectiveParams; Querystring: NamesQuery; Reply: { 200: Names } }>(
    "/",
    { schema: listNames, prefixTrailingSlash: "no-slash" },
    async (request) => {
      const collective = checksum(request.params.address);
      const accounts = accountList(request.query.accounts);
      const [profiles, ens] = await Promise.all([
        app.repositories.members.names(collective, accounts),
        app.ensNames.lookup(accounts),
      ]);
      // An ENS lookup that failed is tried again within a minute: not an answer to keep until the index moves.
      if (!ens.complete) request.keepAnswer = false;
      return {
        items: accounts.map((account) => ({
          account,
          name: profiles.get(account)?.name ?? null,
          avatarUri: profiles.get(account)?.avatarUri ?? null,
          ensName: ens.names.get(account) ?? null,
        })),
      };
    },
  );
};

export default names;
