/** The repositories over the database, on the instance for every route. */
import type { Database } from "@rhizome/db";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { createRepositories, type Repositories } from "../repositories/index.js";

declare module "fastify" {
  interface FastifyInstance {
    repositories: Repositories;
  }
}

export interface RepositoriesOptions {
  db: Database;
}

export default fp<RepositoriesOptions>(
  async function repositories(app: FastifyInstance, options: RepositoriesOptions) {
    app.decorate("repositories", createRepositories(options.db));
  },
  { name: "repositories" },
);
