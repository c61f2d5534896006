/**
 * The reference side of the benchmark: plain OpenZeppelin 5 contracts as the Contracts Wizard
 * makes them (bench/reference/), deployed and set up the way a real deployment must be.
 *
 * `create collective` counts, as the brief defines it, the three deployments added up: the
 * token, the TimelockController and the governor. What a real deployment needs next to reach
 * the state one Rhizome `create` leaves (and which Rhizome's figure includes) is measured as
 * `setupGas` and reported beside the table:
 *   - granting the governor the timelock's PROPOSER, CANCELLER and EXECUTOR roles (the
 *     timelock has to exist before the governor, so they cannot be constructor arguments);
 *   - the deployer renouncing the timelock's admin role (it then administers itself);
 *   - minting each holder's initial tokens;
 *   - handing the token's ownership (minting) to the timelock, so that only governance mints;
 *   - each holder delegating to itself (Rhizome shares do that inside the mint).
 * Not counted anywhere: funding the timelock with the ETH the proposal pays.
 */
import { artifacts } from "hardhat";
import { getAddress, parseAbi, type Abi, type Address, type Hex } from "viem";
import {
  BALANCES,
  DESCRIPTION,
  FUNDS,
  NAME,
  PAYMENT,
  SETTINGS,
  SYMBOL,
  votesAbi,
  type Bench,
  type Stack,
} from "./setup.js";

const tokenAbi = parseAbi(["function mint(address to, uint256 amount)", "function transferOwnership(address owner)"]);
const timelockAbi = parseAbi([
  "function PROPOSER_ROLE() view returns (bytes32)",
  "function CANCELLER_ROLE() view returns (bytes32)",
  "function EXECUTOR_ROLE() view returns (bytes32)",
  "function DEFAULT_ADMIN_ROLE() view returns (bytes32)",
  "function grantRole(bytes32 role, address account)",
  "function renounceRole(bytes32 role, address account)",
]);

export interface ReferenceStack extends Stack {
  /** Gas of the set-up transactions after the three deployments, which `createGas` leaves out. */
  setupGas: bigint;
}

export async function referenceStack(bench: Bench): Promise<ReferenceStack> {
  const { deployer, networkHelpers } = bench;
  const me = deployer.account.address;
  let createGas = 0n;
  let setupGas = 0n;
  const count = async (hash: Promise<Hex> | Hex) => {
    setupGas += await bench.gasOf(hash);
  };
  const deploy = async (name: string, args: readonly unknown[]): Promise<Address> => {
    const artifact = await artifacts.readArtifact(name);
    const hash = deployer.deployContract({ abi: artifact.abi as Abi, bytecode: artifact.bytecode as Hex, args });
    const receipt = await bench.receiptOf(hash);
    if (!receipt.contractAddress) throw new Error(`${name} was not deployed`);
    createGas += receipt.gasUsed;
    return getAddress(receipt.contractAddress);
  };

  const token = await deploy("ReferenceToken", [NAME, SYMBOL, me]);
  const timelock = await deploy("ReferenceTimelock", [SETTINGS.timelockDelay, [], [], me]);
  const governor = await deploy("ReferenceGovernor", [
    NAME,
    token,
    timelock,
    SETTINGS.votingDelay,
    SETTINGS.votingPeriod,
    SETTINGS.proposalThreshold,
    SETTINGS.quorumPercent,
  ]);
  const role = (name: "PROPOSER_ROLE" | "CANCELLER_ROLE" | "EXECUTOR_ROLE" | "DEFAULT_ADMIN_ROLE") =>
    bench.publicClient.readContract({ address: timelock, abi: timelockAbi, functionName: name });
  const onTimelock = (functionName: "grantRole" | "renounceRole", args: readonly [Hex, Address]) =>
    count(deployer.writeContract({ address: timelock, abi: timelockAbi, functionName, args }));

  for (const name of ["PROPOSER_ROLE", "CANCELLER_ROLE", "EXECUTOR_ROLE"] as const) {
    await onTimelock("grantRole", [await role(name), governor]);
  }
  await onTimelock("renounceRole", [await role("DEFAULT_ADMIN_ROLE"), me]);
  // The mints go into one block, as Rhizome's are in one transaction, so that both tokens have
  // one total-supply checkpoint and every later quorum lookup does the same work.
  await bench.connection.provider.request({ method: "evm_setAutomine", params: [false] });
  const mints: Hex[] = [];
  for (const [i, holder] of bench.holders.entries()) {
    const args = [holder.account.address, BALANCES[i] ?? 0n] as const;
    mints.push(await deployer.writeContract({ address: token, abi: tokenAbi, functionName: "mint", args }));
  }
  await networkHelpers.mine(1);
  await bench.connection.provider.request({ method: "evm_setAutomine", params: [true] });
  for (const hash of mints) await count(hash);
  await count(
    deployer.writeContract({ address: token, abi: tokenAbi, functionName: "transferOwnership", args: [timelock] }),
  );

  for (const holder of bench.holders) {
    const args = [holder.account.address] as const;
    setupGas += await bench.gasOf(
      holder.writeContract({ address: token, abi: votesAbi, functionName: "delegate", args }),
    );
  }
  await bench.receiptOf(deployer.sendTransaction({ to: timelock, value: FUNDS }));
  // The block-number clock: votes count from the block after the delegations.
  await networkHelpers.mine(1);

  return {
    name: "reference",
    createGas,
    setupGas,
    governor,
    token,
    // The timelock holds the ETH and the proposal sends it to the recipient directly.
    payment: { targets: [bench.recipient], values: [PAYMENT], calldatas: ["0x"], description: DESCRIPTION },
    // The governor's clock is the block number; the timelock's delay is in seconds.
    afterVotingDelay: () => networkHelpers.mine(SETTINGS.votingDelay + 1),
    afterVotingPeriod: () => networkHelpers.mine(SETTINGS.votingPeriod + 1),
    afterTimelockDelay: async () => void (await networkHelpers.time.increase(SETTINGS.timelockDelay + 1)),
  };
}
