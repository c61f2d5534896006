/**
 * The five busiest routes, six ways (the proposals list with and without a state filter): the
 * paths autocannon rotates over, and the repository calls each route makes for one of them, as
 * its handler and the collective's preHandler do, so their SQL can be captured and explained.
 */
import type { Repositories } from "../../apps/indexer/src/repositories/index.js";
import { PROPOSAL_STATES, WORK_STATES } from "@rhizome/client/schemas";
import { COLLECTIVE } from "./seed.js";

export interface BenchRoute {
  route: string;
  /** Request paths, taken in turn by every connection. */
  paths: string[];
  /** What the route asks of the repositories for `paths[i]`. */
  run(repos: Repositories, i: number): Promise<unknown>;
}

const base = `/api/collectives/${COLLECTIVE}`;
const FIRST_PAGE = { limit: 50 };

export function benchRoutes(proposalIds: string[]): BenchRoute[] {
  const exists = (repos: Repositories) => repos.collectives.exists(COLLECTIVE);
  return [
    {
      route: "GET /proposals",
      paths: [`${base}/proposals`],
      run: async (repos) => [await exists(repos), await repos.proposals.list(COLLECTIVE, FIRST_PAGE)],
    },
    {
      route: "GET /proposals?state=",
      paths: PROPOSAL_STATES.map((state) => `${base}/proposals?state=${state}`),
      run: async (repos, i) => [
        await exists(repos),
        await repos.proposals.list(COLLECTIVE, { ...FIRST_PAGE, state: PROPOSAL_STATES[i % PROPOSAL_STATES.length] }),
      ],
    },
    {
      route: "GET /proposals/:id",
      paths: proposalIds.map((id) => `${base}/proposals/${id}`),
      run: async (repos, i) => {
        const id = BigInt(proposalIds[i % proposalIds.length] ?? "0");
        return [
          await exists(repos),
          await repos.proposals.get(COLLECTIVE, id),
          await repos.proposals.votes(COLLECTIVE, id, FIRST_PAGE),
        ];
      },
    },
    {
      route: "GET /members",
      paths: [`${base}/members`],
      run: async (repos) => [await exists(repos), await repos.members.list(COLLECTIVE, FIRST_PAGE)],
    },
    {
      route: "GET /ownership",
      paths: [`${base}/ownership`],
      run: async (repos) => [
        await exists(repos),
        await Promise.all([
          repos.ownership.now(COLLECTIVE),
          repos.ownership.holders(COLLECTIVE, FIRST_PAGE),
          repos.ownership.history(COLLECTIVE, FIRST_PAGE),
        ]),
      ],
    },
    {
      route: "GET /work?state=",
      paths: WORK_STATES.map((state) => `${base}/work?state=${state}`),
      run: async (repos, i) => [
        await exists(repos),
        await repos.work.list(COLLECTIVE, { ...FIRST_PAGE, state: WORK_STATES[i % WORK_STATES.length] }),
      ],
    },
  ];
}
