/** /api/collectives/:address/treasury: balances, flows and ragequits. */
import type { FastifyPluginAsync } from "fastify";
import { NotFoundError } from "../../../plugins/http-errors.js";
import {
  type CollectiveParams,
  type Page,
  type PageQuery,
  getTreasury,
  listBalances,
  listFlows,
  listRagequits,
  type Balance,
  type BalancesQuery,
  type Flow,
  type FlowsQuery,
  type Ragequit,
  type Treasury,
} from "@rhizome/client/schemas";
import { checksum } from "../../params.js";

const FIRST_PAGE: PageQuery = { limit: 50 };

const treasury: FastifyPluginAsync = async (app) => {
  const repo = app.repositories.treasury;

  app.get<{ Params: CollectiveParams; Reply: { 200: Treasury } }>(
    "/",
    { schema: getTreasury, prefixTrailingSlash: "no-slash" },
    async (request) => {
      const collective = checksum(request.params.address);
      const [address, eth, balances, flows, ragequits] = await Promise.all([
        repo.address(collective),
        repo.eth(collective),
        repo.balances(collective, { ...FIRST_PAGE, spam: false }),
        repo.flows(collective, FIRST_PAGE),
        repo.ragequits(collective, FIRST_PAGE),
      ]);
      if (!address) throw new NotFoundError(`No collective has the address ${collective}.`);
      return { address, eth: eth.toString(), balances, flows, ragequits };
    },
  );

  app.get<{ Params: CollectiveParams; Querystring: BalancesQuery; Reply: { 200: Page<Balance> } }>(
    "/balances",
    { schema: listBalances },
    async (request) => repo.balances(checksum(request.params.address), request.query),
  );

  app.get<{ Params: CollectiveParams; Querystring: FlowsQuery; Reply: { 200: Page<Flow> } }>(
    "/flows",
    { schema: listFlows },
    async (request) => repo.flows(checksum(request.params.address), request.query),
  );

  app.get<{ Params: CollectiveParams; Querystring: PageQuery; Reply: { 200: Page<Ragequit> } }>(
    "/ragequits",
    { schema: listRagequits },
    async (request) => repo.ragequits(checksum(request.params.address), request.query),
  );
};

export default treasury;
