/**
 * The actions the benchmark measures on both stacks, in order, with the same accounts and
 * arguments: one payment proposal from proposal to execution, four votes of four kinds, and a
 * re-delegation, sent and signed. Each returns the gas its transaction used. The measured proposal is each
 * collective's second: a first full round (every holder votes for, then queue and execute)
 * runs before it, unmeasured, so the figures are those of a collective in use rather than of
 * its first day (on Rhizome a member's first *for* vote ever also starts their exit record).
 */
import { getContract, isAddressEqual, keccak256, parseSignature, toHex, type Address } from "viem";
import { PAYMENT, REASON, Vote, governorAbi, votesAbi, type Bench, type Stack, type Wallet } from "./setup.js";

/** The rows both stacks have, in the order the table shows them. */
export const SHARED_ACTIONS = [
  "create collective",
  "propose",
  "castVote first",
  "castVote later",
  "castVoteWithReason",
  "castVoteBySig",
  "queue",
  "execute payment",
  "delegate",
  "delegateBySig",
] as const;
export type SharedAction = (typeof SHARED_ACTIONS)[number];

const ProposalState = { Active: 1, Succeeded: 4, Queued: 5, Executed: 7 } as const;

const ballotTypes = {
  Ballot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
} as const;

const delegationTypes = {
  Delegation: [
    { name: "delegatee", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "expiry", type: "uint256" },
  ],
} as const;

export async function runScenario(bench: Bench, stack: Stack): Promise<Record<SharedAction, bigint>> {
  const [first, later, withReason, bySig, delegator] = bench.holders;
  if (!first || !later || !withReason || !bySig || !delegator) throw new Error("The scenario needs five holders");
  const client = (wallet: Wallet) => ({ public: bench.publicClient, wallet });
  const governor = (wallet: Wallet) =>
    getContract({ address: stack.governor, abi: governorAbi, client: client(wallet) });
  const token = (wallet: Wallet) => getContract({ address: stack.token, abi: votesAbi, client: client(wallet) });
  const expectState = async (proposalId: bigint, expected: number, step: string) => {
    const state = await governor(first).read.state([proposalId]);
    if (state !== expected) throw new Error(`${stack.name}: proposal in state ${state} ${step}, not ${expected}`);
  };

  await warmUp(bench, stack);
  const { targets, values, calldatas, description } = stack.payment;
  const descriptionHash = keccak256(toHex(description));
  const proposalArgs = [targets, values, calldatas, descriptionHash] as const;
  const proposalId = await governor(first).read.hashProposal(proposalArgs);

  const propose = await bench.gasOf(governor(first).write.propose([targets, values, calldatas, description]));
  await stack.afterVotingDelay();
  await expectState(proposalId, ProposalState.Active, "after the voting delay");

  const castVoteFirst = await bench.gasOf(governor(first).write.castVote([proposalId, Vote.For]));
  const castVoteLater = await bench.gasOf(governor(later).write.castVote([proposalId, Vote.For]));
  const castVoteWithReason = await bench.gasOf(
    governor(withReason).write.castVoteWithReason([proposalId, Vote.For, REASON]),
  );
  const castVoteBySig = await bench.gasOf(relaySignedVote(bench, stack, bySig, proposalId));

  await stack.afterVotingPeriod();
  await expectState(proposalId, ProposalState.Succeeded, "after the voting period");
  const queue = await bench.gasOf(governor(first).write.queue(proposalArgs));
  await expectState(proposalId, ProposalState.Queued, "after queue");
  await stack.afterTimelockDelay();
  const paidBefore = await bench.publicClient.getBalance({ address: bench.recipient });
  const execute = await bench.gasOf(governor(first).write.execute(proposalArgs));
  await expectState(proposalId, ProposalState.Executed, "after execute");
  const paid = (await bench.publicClient.getBalance({ address: bench.recipient })) - paidBefore;
  if (paid !== PAYMENT) throw new Error(`${stack.name}: the recipient received ${paid} wei, not ${PAYMENT}`);

  // The same state before on both: the delegator is delegated to itself and has voting power.
  const self = delegator.account.address;
  if (!isAddressEqual(await token(delegator).read.delegates([self]), self)) {
    throw new Error(`${stack.name}: the delegator is not delegated to itself`);
  }
  const delegate = await bench.gasOf(token(delegator).write.delegate([first.account.address]));
  // The same move by signature, from another holder delegated to itself, relayed by the deployer.
  if (
    !isAddressEqual(await token(withReason).read.delegates([withReason.account.address]), withReason.account.address)
  ) {
    throw new Error(`${stack.name}: the signing delegator is not delegated to itself`);
  }
  const delegateBySig = await bench.gasOf(relaySignedDelegation(bench, stack, withReason, first.account.address));

  return {
    "create collective": stack.createGas,
    propose,
    "castVote first": castVoteFirst,
    "castVote later": castVoteLater,
    castVoteWithReason,
    castVoteBySig,
    queue,
    "execute payment": execute,
    delegate,
    delegateBySig,
  };
}

/** One unmeasured round on a copy of the payment proposal: every holder votes for it. */
async function warmUp(bench: Bench, stack: Stack) {
  const { targets, values, calldatas } = stack.payment;
  const description = `Warm-up round: ${stack.payment.description}`;
  const args = [targets, values, calldatas, keccak256(toHex(description))] as const;
  const governor = (wallet: Wallet) =>
    getContract({ address: stack.governor, abi: governorAbi, client: { public: bench.publicClient, wallet } });
  const [proposer] = bench.holders;
  if (!proposer) throw new Error("The scenario needs holders");
  const proposalId = await governor(proposer).read.hashProposal(args);
  await bench.receiptOf(governor(proposer).write.propose([targets, values, calldatas, description]));
  await stack.afterVotingDelay();
  for (const holder of bench.holders) await bench.receiptOf(governor(holder).write.castVote([proposalId, Vote.For]));
  await stack.afterVotingPeriod();
  await bench.receiptOf(governor(proposer).write.queue(args));
  await stack.afterTimelockDelay();
  await bench.receiptOf(governor(proposer).write.execute(args));
}

/** `voter` signs an EIP-712 Ballot for the governor; the deployer submits it as a relayer. */
async function relaySignedVote(bench: Bench, stack: Stack, voter: Wallet, proposalId: bigint) {
  const governor = getContract({
    address: stack.governor,
    abi: governorAbi,
    client: { public: bench.publicClient, wallet: bench.deployer },
  });
  const [, name, version, chainId, verifyingContract] = await governor.read.eip712Domain();
  const nonce = await governor.read.nonces([voter.account.address]);
  const signature = await voter.signTypedData({
    domain: { name, version, chainId, verifyingContract },
    types: ballotTypes,
    primaryType: "Ballot",
    message: { proposalId, support: Vote.For, voter: voter.account.address, nonce },
  });
  return governor.write.castVoteBySig([proposalId, Vote.For, voter.account.address, signature]);
}

/** `delegator` signs an EIP-712 Delegation to `delegatee` for the token; the deployer submits it. */
async function relaySignedDelegation(bench: Bench, stack: Stack, delegator: Wallet, delegatee: Address) {
  const token = getContract({
    address: stack.token,
    abi: votesAbi,
    client: { public: bench.publicClient, wallet: bench.deployer },
  });
  const [, name, version, chainId, verifyingContract] = await token.read.eip712Domain();
  const nonce = await token.read.nonces([delegator.account.address]);
  const expiry = (await bench.publicClient.getBlock()).timestamp + 3_600n;
  const signature = await delegator.signTypedData({
    domain: { name, version, chainId, verifyingContract },
    types: delegationTypes,
    primaryType: "Delegation",
    message: { delegatee, nonce, expiry },
  });
  const { r, s, yParity } = parseSignature(signature);
  return token.write.delegateBySig([delegatee, nonce, expiry, yParity + 27, r, s]);
}
