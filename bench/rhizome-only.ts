/**
 * Rhizome-only rows: actions the reference stack has no counterpart for, written to
 * bench/results/gas.json with `"reference": null`. They run one after another on the collective
 * the shared scenario used; only the transaction a row names is counted, whatever it needs
 * first (a proposal passed through governance, a wait) is set-up. A row named `…BySig` is the
 * action signed by a member (their first signature to that contract) and sent by the deployer
 * as a relayer, next to the row of the member sending it themselves.
 */
import { getContract, keccak256, toHex, type TransactionReceipt } from "viem";
import {
  bindingDelegates,
  collectiveGovernorAbi,
  objectBySig,
  setProfileBySig,
  sharesAbi,
  signObjection,
  signProfile,
  treasuryAbi,
  workAbi,
  workProposal,
} from "@rhizome/contracts";
import { Vote, governorAbi, type Actions, type Bench } from "./setup.js";
import type { RhizomeStack } from "./rhizome.js";

export const RHIZOME_ONLY_ACTIONS = [
  "apply",
  "commission work",
  "deliver",
  "object",
  "objectBySig",
  "settle",
  "ragequit",
  "veto",
  "setProfile",
  "setProfileBySig",
] as const;
export type RhizomeOnlyAction = (typeof RHIZOME_ONLY_ACTIONS)[number];

/** Runs every Rhizome-only row, in order, and returns each one's gas. */
export async function measureRhizomeOnly(bench: Bench, collective: RhizomeStack) {
  const { modules } = collective;
  // The third holder moved its votes away in the shared scenario (delegateBySig); the fourth signs.
  const [contributor, objector, , signer, leaver] = bench.holders;
  if (!contributor || !objector || !signer || !leaver) {
    throw new Error("The Rhizome-only rows need five holders");
  }
  const client = (wallet: typeof contributor) => ({ public: bench.publicClient, wallet });
  const work = (wallet: typeof contributor) =>
    getContract({ address: modules.work, abi: workAbi, client: client(wallet) });
  const measured: { action: RhizomeOnlyAction; gas: bigint }[] = [];
  const measure = async (action: RhizomeOnlyAction, hash: Promise<`0x${string}`>) =>
    measured.push({ action, gas: await bench.gasOf(hash) });

  const newcomer = getContract({ address: modules.shares, abi: sharesAbi, client: client(bench.deployer) });
  await measure("apply", newcomer.write.applyForMembership([50n, "https://newcomer.example/pitch"]));

  // `commission work` is the execution of the proposal that commissions it. A second item,
  // commissioned unmeasured, is the one objected to, so the first settles as accepted (its
  // reward minted) rather than disputed.
  const terms = { title: "Write the guide", specUri: "https://spec.example/guide", principle: 0, reward: 40n };
  const named = { ...terms, contributor: contributor.account.address };
  const commission = workProposal(modules, named, "Commission the guide");
  measured.push({ action: "commission work", gas: (await pass(bench, collective, commission)).gasUsed });
  await pass(bench, collective, workProposal(modules, { ...named, title: "Translate the guide" }, "Translate it"));

  await measure("deliver", work(contributor).write.deliver([1n, "https://guide.example"]));
  await bench.receiptOf(work(contributor).write.deliver([2n, "https://guide.example/fr"]));
  await bench.networkHelpers.time.increase(1);
  await measure("object", work(objector).write.object([2n, "Needs another pass"]));
  const deadline = (await bench.publicClient.getBlock()).timestamp + 3_600n;
  const objection = await signObjection(
    { publicClient: bench.publicClient, walletClient: signer },
    { work: modules.work, id: 2n, reason: "Needs another pass", deadline },
  );
  await measure("objectBySig", objectBySig(bench.deployer, objection));
  await bench.networkHelpers.time.increase(2 * 86_400 + 1);
  await measure("settle", work(bench.deployer).write.settle([1n]));
  const settled = await work(bench.deployer).read.item([1n]);
  if (settled.state !== 3) throw new Error(`The settled work is in state ${settled.state}, not Accepted`);

  // The leaver voted for both payment proposals, which have run: its exit record is released.
  const forVotes = await bench.publicClient.getContractEvents({
    address: modules.governor,
    abi: collectiveGovernorAbi,
    eventName: "VoteCast",
    args: { voter: leaver.account.address },
    fromBlock: 0n,
  });
  const treasury = getContract({ address: modules.treasury, abi: treasuryAbi, client: client(leaver) });
  const ids = forVotes.filter((log) => log.args.support === Vote.For).map((log) => log.args.proposalId as bigint);
  // Its votes went through a delegate, whose for votes (on the same, finished, proposals) bind
  // them until released: set-up, as a member's client does before the exit.
  const governor = getContract({ address: modules.governor, abi: collectiveGovernorAbi, client: client(leaver) });
  const bound = await bindingDelegates(bench.publicClient, {
    governor: modules.governor,
    shares: modules.shares,
    member: leaver.account.address,
  });
  for (const { delegate, proposalIds } of bound) {
    await bench.receiptOf(governor.write.releaseForVotes([delegate, proposalIds]));
  }
  await measure("ragequit", treasury.write.ragequit([50n, [], ids]));

  // A member's objection to a queued proposal, during the grace period (below the threshold).
  const objected = await queued(bench, collective, workProposal(modules, { ...terms, title: "Objected" }, "Objected"));
  const objecting = getContract({ address: modules.governor, abi: collectiveGovernorAbi, client: client(objector) });
  await measure("veto", objecting.write.veto([objected, "Not this season"]));

  // A member's whole profile, sent by the member, then another's signed and relayed.
  const profile = { name: "Ada Lovelace", avatar: "https://avatars.example/ada.png", uri: "https://ada.example" };
  const own = getContract({ address: modules.shares, abi: sharesAbi, client: client(objector) });
  await measure("setProfile", own.write.setProfile([profile.name, profile.avatar, profile.uri]));
  const signedProfile = await signProfile(
    { publicClient: bench.publicClient, walletClient: signer },
    { shares: modules.shares, ...profile, deadline: (await bench.publicClient.getBlock()).timestamp + 3_600n },
  );
  await measure("setProfileBySig", setProfileBySig(bench.deployer, signedProfile));
  return measured;
}

/** Passes `actions` through governance (holders 0-2 vote for) and returns the execution's receipt. */
async function pass(bench: Bench, collective: RhizomeStack, actions: Actions): Promise<TransactionReceipt> {
  const { targets, values, calldatas, description } = actions;
  const args = [targets, values, calldatas, keccak256(toHex(description))] as const;
  await queued(bench, collective, actions);
  await collective.afterTimelockDelay();
  return bench.receiptOf(holderGovernor(bench, collective, 0).write.execute(args));
}

/** Proposes `actions`, has the first three holders vote for, and queues it; returns its id. */
async function queued(bench: Bench, collective: RhizomeStack, actions: Actions): Promise<bigint> {
  const governor = (i: number) => holderGovernor(bench, collective, i);
  const { targets, values, calldatas, description } = actions;
  const args = [targets, values, calldatas, keccak256(toHex(description))] as const;
  await bench.receiptOf(governor(0).write.propose([targets, values, calldatas, description]));
  const proposalId = await governor(0).read.hashProposal(args);
  await collective.afterVotingDelay();
  for (const i of [0, 1, 2]) await bench.receiptOf(governor(i).write.castVote([proposalId, Vote.For]));
  await collective.afterVotingPeriod();
  await bench.receiptOf(governor(0).write.queue(args));
  return proposalId;
}

/** The governor as holder `i`. */
function holderGovernor(bench: Bench, collective: RhizomeStack, i: number) {
  const wallet = bench.holders[i];
  if (!wallet) throw new Error(`No holder ${i}`);
  return getContract({
    address: collective.governor,
    abi: governorAbi,
    client: { public: bench.publicClient, wallet },
  });
}
