/**
 * Which addresses belong to which collective: the factory, then every module of every collective
 * it created (the factory pattern). Rebuilt from the database at start and after a reorg.
 */
import { getAddress, type Address } from "viem";
import { schema, type Database } from "@rhizome/db";

export type Module = "shares" | "governor" | "timelock" | "treasury" | "work";

export interface CollectiveModules {
  governor: Address;
  shares: Address;
  timelock: Address;
  treasury: Address;
  work: Address;
}

export class Registry {
  private readonly byAddress = new Map<string, { collective: Address; module: Module }>();
  private readonly treasuries = new Set<Address>();
  private readonly timelocks = new Map<string, Address>();

  constructor(readonly factory: Address) {}

  static async load(db: Database, factory: Address): Promise<Registry> {
    const registry = new Registry(factory);
    const rows = await db
      .select({
        governor: schema.collectives.address,
        shares: schema.collectives.shares,
        timelock: schema.collectives.timelock,
        treasury: schema.collectives.treasury,
        work: schema.collectives.work,
      })
      .from(schema.collectives);
    for (const row of rows) registry.add(row as CollectiveModules);
    return registry;
  }

  add(modules: CollectiveModules): void {
    const collective = getAddress(modules.governor);
    for (const module of ["governor", "shares", "timelock", "treasury", "work"] as const) {
      this.byAddress.set(getAddress(modules[module]).toLowerCase(), { collective, module });
    }
    this.treasuries.add(getAddress(modules.treasury));
    this.timelocks.set(getAddress(modules.timelock).toLowerCase(), collective);
  }

  /** The collective and module an address is, if it is one. */
  lookup(address: string): { collective: Address; module: Module } | undefined {
    return this.byAddress.get(address.toLowerCase());
  }

  /** The collective whose timelock `account` is: a collective holding shares in another. */
  collectiveOfTimelock(account: string): Address | undefined {
    return this.timelocks.get(account.toLowerCase());
  }

  /** Every module address to fetch logs from. */
  addresses(): Address[] {
    return [...this.byAddress.keys()] as Address[];
  }

  treasuryAddresses(): Address[] {
    return [...this.treasuries];
  }

  get size(): number {
    return this.timelocks.size;
  }
}
