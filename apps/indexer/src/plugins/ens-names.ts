/**
 * Primary ENS names on the instance for the names route (`app.ensNames`): looked up through the
 * resolver given (ENS_RPC_URL's), kept in memory (ens/names.ts); all null without one.
 */
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { EnsNames, NO_ENS, type EnsNameSource } from "../ens/names.js";
import type { EnsResolver } from "../ens/resolver.js";

declare module "fastify" {
  interface FastifyInstance {
    ensNames: EnsNameSource;
  }
}

export interface EnsNamesPluginOptions {
  resolve?: EnsResolver | undefined;
}

export default fp<EnsNamesPluginOptions>(
  async function ensNames(app: FastifyInstance, options: EnsNamesPluginOptions) {
    app.decorate("ensNames", options.resolve ? new EnsNames(options.resolve) : NO_ENS);
  },
  { name: "ens-names" },
);
