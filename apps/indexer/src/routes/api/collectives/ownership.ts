/** /api/collectives/:address/ownership: holders, concentration now, and its history. */
import type { FastifyPluginAsync } from "fastify";
import {
  type CollectiveParams,
  type Page,
  type PageQuery,
  getOwnership,
  listHolders,
  listOwnershipHistory,
  type ConcentrationPoint,
  type Holder,
  type Ownership,
} from "@rhizome/client/schemas";
import { checksum } from "../../params.js";

const FIRST_PAGE: PageQuery = { limit: 50 };

const ownership: FastifyPluginAsync = async (app) => {
  const repo = app.repositories.ownership;

  app.get<{ Params: CollectiveParams; Reply: { 200: Ownership } }>(
    "/",
    { schema: getOwnership, prefixTrailingSlash: "no-slash" },
    async (request) => {
      const collective = checksum(request.params.address);
      const [now, holders, history] = await Promise.all([
        repo.now(collective),
        repo.holders(collective, FIRST_PAGE),
        repo.history(collective, FIRST_PAGE),
      ]);
      return { now, holders, history };
    },
  );

  app.get<{ Params: CollectiveParams; Querystring: PageQuery; Reply: { 200: Page<Holder> } }>(
    "/holders",
    { schema: listHolders },
    async (request) => repo.holders(checksum(request.params.address), request.query),
  );

  app.get<{ Params: CollectiveParams; Querystring: PageQuery; Reply: { 200: Page<ConcentrationPoint> } }>(
    "/history",
    { schema: listOwnershipHistory },
    async (request) => repo.history(checksum(request.params.address), request.query),
  );
};

export default ownership;
