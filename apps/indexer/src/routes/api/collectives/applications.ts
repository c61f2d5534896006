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
import { withCommentCounts } from "../comments.js";

const applications: FastifyPluginAsync = async (app) => {
  app.get<{
    Params: CollectiveParams;
    Querystring: ApplicationsQuery;
    Reply: { 200: Page<Application & { commentCount: number }> };
  }>("/", { schema: listApplications, prefixTrailingSlash: "no-slash" }, async (request) => {
    const collective = checksum(request.params.address);
    const page = await app.repositories.applications.list(collective, {
      ...request.query,
      applicant: optionalChecksum(request.query.applicant),
    });
    return withCommentCounts(app, collective, "application", page, (a) => String(a.applicationId));
  });
};

export default applications;
