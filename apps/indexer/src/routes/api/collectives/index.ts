/**
 * /api/collectives: the list, and under /api/collectives/:address everything about one
 * collective. An unknown collective is a 404 for every route under it.
 */
import type { FastifyPluginAsync } from "fastify";
import { NotFoundError } from "../../../plugins/http-errors.js";
import {
  getCollective,
  listCollectives,
  type CollectiveDetail,
  type CollectivesQuery,
  type CollectiveSummary,
  type CollectiveParams,
  type Page,
} from "@rhizome/client/schemas";
import { checksum } from "../../params.js";
import applications from "./applications.js";
import members from "./members.js";
import names from "./names.js";
import ownership from "./ownership.js";
import proposals from "./proposals.js";
import treasury from "./treasury.js";
import work from "./work.js";

const collective: FastifyPluginAsync = async (app) => {
  app.addHook<{ Params: CollectiveParams }>("preHandler", async (request) => {
    const address = checksum(request.params.address);
    if (!(await app.repositories.collectives.exists(address))) {
      throw new NotFoundError(`No collective has the address ${address}.`);
    }
  });

  app.get<{ Params: CollectiveParams; Reply: { 200: CollectiveDetail } }>(
    "/",
    { schema: getCollective, prefixTrailingSlash: "no-slash" },
    async (request) => {
      const address = checksum(request.params.address);
      const found = await app.repositories.collectives.get(address);
      if (!found) throw new NotFoundError(`No collective has the address ${address}.`);
      return found;
    },
  );

  await app.register(members, { prefix: "/members" });
  await app.register(names, { prefix: "/names" });
  await app.register(proposals, { prefix: "/proposals" });
  await app.register(work, { prefix: "/work" });
  await app.register(applications, { prefix: "/applications" });
  await app.register(treasury, { prefix: "/treasury" });
  await app.register(ownership, { prefix: "/ownership" });
};

const collectives: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: CollectivesQuery; Reply: { 200: Page<CollectiveSummary> } }>(
    "/",
    { schema: listCollectives, prefixTrailingSlash: "no-slash" },
    async (request) => app.repositories.collectives.list(request.query),
  );

  await app.register(collective, { prefix: "/:address" });
};

export default collectives;
