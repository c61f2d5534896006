/** The network of collectives: each one a node, each collective that is a member of another an edge. */
import { address, amount, integer, ratio, routeSchema, text } from "./common.js";

export const node = {
  type: "object",
  required: ["address", "name", "symbol", "timelock", "memberCount", "totalShares"],
  properties: {
    address,
    name: text,
    symbol: text,
    timelock: { ...address, description: "The account that holds shares when this collective joins another." },
    memberCount: integer,
    totalShares: amount,
  },
} as const;

export interface NetworkNode {
  address: string;
  name: string;
  symbol: string;
  timelock: string;
  memberCount: number;
  totalShares: string;
}

export const edge = {
  type: "object",
  required: ["from", "to", "shares", "share"],
  properties: {
    from: { ...address, description: "The member collective." },
    to: { ...address, description: "The collective it is a member of." },
    shares: { ...amount, description: "Shares of `to` that `from`'s timelock holds." },
    share: { ...ratio, description: "Those shares over `to`'s total." },
  },
} as const;

export interface NetworkEdge {
  from: string;
  to: string;
  shares: string;
  share: number;
}

export const getNetwork = routeSchema({
  operationId: "getNetwork",
  tags: ["network"],
  summary: "Every collective and which collectives are members of which: the whole graph, not paged",
  response: {
    200: {
      type: "object",
      required: ["nodes", "edges"],
      properties: { nodes: { type: "array", items: node }, edges: { type: "array", items: edge } },
    },
  },
});

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}
