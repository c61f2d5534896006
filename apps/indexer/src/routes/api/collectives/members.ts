/** /api/collectives/:address/members: the members, one member, and each of their histories. */
import type { FastifyPluginAsync } from "fastify";
import { NotFoundError } from "../../../plugins/http-errors.js";
import {
  type Page,
  type PageQuery,
  getForVotes,
  getMember,
  listMemberDelegations,
  listMembers,
  listMemberVotes,
  listMemberWork,
  listShareHistory,
  type Delegation,
  type ForVotes,
  type Member,
  type MemberDetail,
  type MemberParams,
  type MembersQuery,
  type MemberVote,
  type ShareEvent,
  type CollectiveParams,
  type WorkItem,
} from "@rhizome/client/schemas";
import { checksum } from "../../params.js";

const FIRST_PAGE: PageQuery = { limit: 50 };

const members: FastifyPluginAsync = async (app) => {
  const repo = app.repositories.members;

  /** The collective and the member, checksummed; a 404 when the account never was a member. */
  async function memberOf(params: MemberParams): Promise<{ collective: string; account: string; member: Member }> {
    const collective = checksum(params.address);
    const account = checksum(params.account);
    const member = await repo.get(collective, account);
    if (!member) throw new NotFoundError(`${account} is not a member of the collective ${collective}.`);
    return { collective, account, member };
  }

  app.get<{ Params: CollectiveParams; Querystring: MembersQuery; Reply: { 200: Page<Member> } }>(
    "/",
    { schema: listMembers, prefixTrailingSlash: "no-slash" },
    async (request) => repo.list(checksum(request.params.address), request.query),
  );

  app.get<{ Params: MemberParams; Reply: { 200: MemberDetail } }>(
    "/:account",
    { schema: getMember },
    async (request) => {
      const { collective, account, member } = await memberOf(request.params);
      const [shareHistory, votes, work, delegations] = await Promise.all([
        repo.shareHistory(collective, account, FIRST_PAGE),
        repo.votes(collective, account, FIRST_PAGE),
        app.repositories.work.list(collective, { ...FIRST_PAGE, contributor: account }),
        repo.delegations(collective, account, FIRST_PAGE),
      ]);
      return { ...member, shareHistory, votes, work, delegations };
    },
  );

  app.get<{ Params: MemberParams; Querystring: PageQuery; Reply: { 200: Page<ShareEvent> } }>(
    "/:account/shares",
    { schema: listShareHistory },
    async (request) => {
      const { collective, account } = await memberOf(request.params);
      return repo.shareHistory(collective, account, request.query);
    },
  );

  app.get<{ Params: MemberParams; Querystring: PageQuery; Reply: { 200: Page<MemberVote> } }>(
    "/:account/votes",
    { schema: listMemberVotes },
    async (request) => {
      const { collective, account } = await memberOf(request.params);
      return repo.votes(collective, account, request.query);
    },
  );

  app.get<{ Params: MemberParams; Querystring: PageQuery; Reply: { 200: Page<WorkItem> } }>(
    "/:account/work",
    { schema: listMemberWork },
    async (request) => {
      const { collective, account } = await memberOf(request.params);
      return app.repositories.work.list(collective, { ...request.query, contributor: account });
    },
  );

  // Any account's proof, a delegate's or another collective's timelock's too: empty when it never voted for.
  app.get<{ Params: MemberParams; Reply: { 200: ForVotes } }>(
    "/:account/for-votes",
    { schema: getForVotes },
    async (request) => repo.forVotes(checksum(request.params.address), checksum(request.params.account)),
  );

  app.get<{ Params: MemberParams; Querystring: PageQuery; Reply: { 200: Page<Delegation> } }>(
    "/:account/delegations",
    { schema: listMemberDelegations },
    async (request) => {
      const { collective, account } = await memberOf(request.params);
      return repo.delegations(collective, account, request.query);
    },
  );
};

export default members;
