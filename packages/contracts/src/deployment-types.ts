import type { Address } from "viem";

/** Where Rhizome's implementations and factory live on one chain. */
export interface Deployment {
  chainId: number;
  factory: Address;
  /** The block the factory was deployed in: indexers start here. */
  startBlock: number;
  implementations: {
    shares: Address;
    governor: Address;
    timelock: Address;
    treasury: Address;
    work: Address;
  };
}
