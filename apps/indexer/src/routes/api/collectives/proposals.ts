/** /api/collectives/:address/proposals: by state and kind, one proposal, and its votes. */
import type { FastifyPluginAsync } from "fastify";
import { NotFoundError } from "../../../plugins/http-errors.js";
import {
  type CollectiveParams,
  type Page,
  type PageQuery,
  getProposal,
  listProposals,
  listVotes,
  type Proposal,
  type ProposalDetail,
  type ProposalParams,
  type ProposalsQuery,
  type Vote,
} from "@rhizome/client/schemas";
import { checksum, optionalChecksum, uint256 } from "../../params.js";
import { withCommentCounts } from "../comments.js";

const proposals: FastifyPluginAsync = async (app) => {
  const repo = app.repositories.proposals;

  /** The collective and the proposal id; a 404 when no such proposal was made. */
  async function proposalOf(params: ProposalParams) {
    const collective = checksum(params.address);
    const proposalId = uint256(params.proposalId, "proposalId");
    const proposal = await repo.get(collective, proposalId);
    if (!proposal) throw new NotFoundError(`The collective ${collective} has no proposal ${proposalId}.`);
    return { collective, proposalId, proposal };
  }

  app.get<{
    Params: CollectiveParams;
    Querystring: ProposalsQuery;
    Reply: { 200: Page<Proposal & { commentCount: number }> };
  }>("/", { schema: listProposals, prefixTrailingSlash: "no-slash" }, async (request) => {
    const collective = checksum(request.params.address);
    const page = await repo.list(collective, { ...request.query, proposer: optionalChecksum(request.query.proposer) });
    return withCommentCounts(app, collective, "proposal", page, (p) => p.proposalId);
  });

  app.get<{ Params: ProposalParams; Reply: { 200: ProposalDetail } }>(
    "/:proposalId",
    { schema: getProposal },
    async (request) => {
      const { collective, proposalId, proposal } = await proposalOf(request.params);
      return { ...proposal, votes: await repo.votes(collective, proposalId, { limit: 50 }) };
    },
  );

  app.get<{ Params: ProposalParams; Querystring: PageQuery; Reply: { 200: Page<Vote> } }>(
    "/:proposalId/votes",
    { schema: listVotes },
    async (request) => {
      const { collective, proposalId } = await proposalOf(request.params);
      return repo.votes(collective, proposalId, request.query);
    },
  );
};

export default proposals;
