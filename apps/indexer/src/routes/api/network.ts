/** /api/network: every collective, and which collectives are members of which. */
import type { FastifyPluginAsync } from "fastify";
import { getNetwork, type Network } from "@rhizome/client/schemas";

const network: FastifyPluginAsync = async (app) => {
  app.get<{ Reply: { 200: Network } }>("/network", { schema: getNetwork }, async () => app.repositories.network.get());
};

export default network;
