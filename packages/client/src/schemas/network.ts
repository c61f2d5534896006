/** The network of collectives: each one a node, each collective that is a member of another an edge. */
import { address, amount, integer, object, ratio, routeSchema, text, type Of } from "./common.js";

export const node = object({
  address,
  name: text,
  symbol: text,
  timelock: { ...address, description: "The account that holds shares when this collective joins another." },
  memberCount: integer,
  totalShares: amount,
});

export type NetworkNode = Of<typeof node>;

export const edge = object({
  from: { ...address, description: "The member collective." },
  to: { ...address, description: "The collective it is a member of." },
  shares: { ...amount, description: "Shares of `to` that `from`'s timelock holds." },
  share: { ...ratio, description: "Those shares over `to`'s total." },
});

export type NetworkEdge = Of<typeof edge>;

export const network = object({ nodes: { type: "array", items: node }, edges: { type: "array", items: edge } });

export type Network = Of<typeof network>;

export const getNetwork = routeSchema({
  operationId: "getNetwork",
  tags: ["network"],
  summary: "Every collective and which collectives are members of which: the whole graph, not paged",
  response: { 200: network },
});
