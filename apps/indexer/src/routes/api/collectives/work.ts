/** /api/collectives/:address/work: the work board by state and principle, one item, its objections. */
import type { FastifyPluginAsync } from "fastify";
import { NotFoundError } from "../../../plugins/http-errors.js";
import {
  type CollectiveParams,
  type Page,
  type PageQuery,
  getWork,
  listObjections,
  listWork,
  type Objection,
  type WorkDetail,
  type WorkItem,
  type WorkParams,
  type WorkQuery,
} from "@rhizome/client/schemas";
import { checksum, optionalChecksum } from "../../params.js";
import { withCommentCounts } from "../comments.js";

const work: FastifyPluginAsync = async (app) => {
  const repo = app.repositories.work;

  async function itemOf(params: WorkParams) {
    const collective = checksum(params.address);
    const item = await repo.get(collective, params.workId);
    if (!item) throw new NotFoundError(`The collective ${collective} has no work item ${params.workId}.`);
    return { collective, item };
  }

  app.get<{
    Params: CollectiveParams;
    Querystring: WorkQuery;
    Reply: { 200: Page<WorkItem & { commentCount: number }> };
  }>("/", { schema: listWork, prefixTrailingSlash: "no-slash" }, async (request) => {
    const collective = checksum(request.params.address);
    const page = await repo.list(collective, {
      ...request.query,
      contributor: optionalChecksum(request.query.contributor),
    });
    return withCommentCounts(app, collective, "work", page, (w) => String(w.workId));
  });

  app.get<{ Params: WorkParams; Reply: { 200: WorkDetail } }>("/:workId", { schema: getWork }, async (request) => {
    const { collective, item } = await itemOf(request.params);
    return { ...item, objections: await repo.objections(collective, item.workId, { limit: 50 }) };
  });

  app.get<{ Params: WorkParams; Querystring: PageQuery; Reply: { 200: Page<Objection> } }>(
    "/:workId/objections",
    { schema: listObjections },
    async (request) => {
      const { collective, item } = await itemOf(request.params);
      return repo.objections(collective, item.workId, request.query);
    },
  );
};

export default work;
