/** /api/collectives/:address/applications: applications to join, by status. */
import type { FastifyPluginAsync } from "fastify";
import {
  listApplications,
  type Application,
  type ApplicationsQuery,
  type CollectiveParams,
  type Page,
} from "@rhizome/client/schemas";
import { checksum, optionalChecksum } from "../../params.js";

const applications: FastifyPluginAsync = async (app) => {
  app.get<{ Params: CollectiveParams; Querystring: ApplicationsQuery; Reply: { 200: Page<Application> } }>(
    "/",
    { schema: listApplications, prefixTrailingSlash: "no-slash" },
    async (request) =>
      app.repositories.applications.list(checksum(request.params.address), {
        ...request.query,
        applicant: optionalChecksum(request.query.applicant),
      }),
  );
};

export default applications;
