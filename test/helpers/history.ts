/** A collective's life in real transactions: what the indexer tests index and check. */
import { encodeFunctionData, parseEther } from "viem";
import { admissionProposal, paymentProposal, ragequit, sharesAbi, workProposal } from "@rhizome/contracts";
import {
  addressOf,
  advance,
  deployToken,
  pass,
  propose,
  secondCollective,
  SETTINGS,
  vote,
  Vote,
  waitFor,
  type Fixture,
} from "./collective.js";

export async function buildHistory(f: Fixture) {
  await waitFor(f, f.deployer.sendTransaction({ to: f.modules.treasury, value: parseEther("10") }));
  const token = await deployToken(f, f.modules.treasury, 1_000n);
  // dave applies and is admitted; eve applies and withdraws.
  await waitFor(f, f.as(f.dave).shares.write.applyForMembership([50n, "I build indexers"]));
  await waitFor(f, f.as(f.eve).shares.write.applyForMembership([5n, "Curious"]));
  await waitFor(f, f.as(f.eve).shares.write.withdrawApplication([2n]));
  await pass(f, admissionProposal(f.modules, 1n, 50n, "Admit Dave"), { voters: [f.alice, f.bob, f.carol] });
  await waitFor(
    f,
    f.as(f.dave).shares.write.setProfile(["Dave 100%_", "https://dave.example/me.png", "https://dave.example"]),
  );
  // Work under principle 2, paid in the token, objected to but accepted.
  const terms = {
    title: "Indexer",
    specUri: "https://spec",
    principle: 2,
    reward: 30n,
    contributor: addressOf(f.dave),
  };
  await pass(f, workProposal(f.modules, { ...terms, payment: { amount: 100n, token: token.address } }, "Build it"));
  await waitFor(f, f.as(f.dave).work.write.deliver([1n, "https://pr/1"]));
  await advance(f, 1);
  await waitFor(f, f.as(f.carol).work.write.object([1n, "Missing tests"]));
  await advance(f, SETTINGS.reviewWindow + 1);
  await waitFor(f, f.as(f.eve).work.write.settle([1n]));
  // A payment that a vote defeats, and one that passes.
  const defeated = await propose(
    f,
    f.bob,
    paymentProposal(f.modules, { to: addressOf(f.bob), amount: parseEther("5") }, "Pay Bob"),
  );
  await advance(f, SETTINGS.votingDelay + 1);
  await vote(f, f.bob, defeated, Vote.For);
  await waitFor(f, f.as(f.alice).governor.write.castVoteWithReason([defeated, Vote.Against, "Too much"]));
  await advance(f, SETTINGS.votingPeriod);
  await pass(f, paymentProposal(f.modules, { to: addressOf(f.eve), amount: parseEther("1") }, "Pay Eve"));
  // carol delegates to alice, then leaves with half her shares.
  await waitFor(f, f.as(f.carol).shares.write.delegate([addressOf(f.alice)]));
  await waitFor(
    f,
    ragequit(
      { publicClient: f.publicClient, walletClient: f.carol },
      { governor: f.modules.governor, treasury: f.modules.treasury, shares: 50n, tokens: [token.address] },
    ),
  );
  // Another collective joins this one: a network link.
  const mycel = await secondCollective(f, f.eve);
  const apply = {
    targets: [f.modules.shares],
    values: [0n],
    calldatas: [encodeFunctionData({ abi: sharesAbi, functionName: "applyForMembership", args: [20n, "Mycel"] })],
    description: "Mycel applies to Rizom",
  };
  await pass(mycel, apply, { proposer: f.eve, voters: [f.eve] });
  await pass(f, admissionProposal(f.modules, 3n, 20n, "Admit Mycel"));
  return { token, mycel, defeated };
}
