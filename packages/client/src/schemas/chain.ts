/** The chain the service follows and the Rhizome factory it indexes: what a client needs to create a collective. */
import { address, errorBody, integer, object, routeSchema, type Of } from "./common.js";

export const chainInfo = object({
  chainId: { ...integer, description: "The chain's id (EIP-155)." },
  factory: { ...address, description: "The CollectiveFactory whose collectives are indexed." },
});

export type ChainInfo = Of<typeof chainInfo>;

export const getChain = routeSchema({
  operationId: "getChain",
  tags: ["network"],
  summary: "The chain the service follows and the factory that creates collectives on it",
  response: {
    200: chainInfo,
    404: { description: "The service was started without a factory address.", ...errorBody },
    503: { description: "The service has not reached its chain yet.", ...errorBody },
  },
});
