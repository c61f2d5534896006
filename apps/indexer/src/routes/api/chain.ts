/** /api/chain: the chain followed and its factory, so a client creates collectives where they are indexed. */
import type { FastifyPluginAsync } from "fastify";
import type { Address } from "viem";
import type { IndexerStatus } from "../../indexer.js";
import { getChain, type ChainInfo, type ErrorBody } from "@rhizome/client/schemas";

export interface ChainOptions {
  status: () => IndexerStatus;
  factory?: Address | (() => Address | undefined) | undefined;
}

const chain: FastifyPluginAsync<ChainOptions> = async (app, options) => {
  app.get<{ Reply: { 200: ChainInfo; 404: ErrorBody; 503: ErrorBody } }>(
    "/chain",
    { schema: getChain },
    async (_request, reply) => {
      if (options.factory === undefined)
        return reply
          .code(404)
          .send({ error: "NotFound", message: "This service was started without a factory address." });
      const factory = typeof options.factory === "function" ? options.factory() : options.factory;
      const { chainId } = options.status();
      if (factory === undefined || chainId === 0)
        return reply
          .code(503)
          .send({ error: "ServiceUnavailable", message: "The service has not reached its chain yet." });
      return { chainId, factory };
    },
  );
};

export default chain;
