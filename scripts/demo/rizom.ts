/**
 * The demo collective "Rizom", made by real transactions on the local chain: eight members with
 * different shares, some delegating; applications pending and admitted; work in every state
 * under each principle, with votes and reasons; a treasury with ETH and an ERC-20; a member who
 * left by ragequit; a second collective that joined the first; and proposals open for voting.
 */
import { encodeFunctionData, getAddress, getContract, parseEther, type Address } from "viem";
import {
  admissionProposal,
  createCollective,
  paymentProposal,
  ragequit,
  resolveWorkProposal,
  sharesAbi,
  testTokenAbi,
  testTokenBytecode,
  workAbi,
  workProposal,
  type CollectiveSettings,
  type Deployment,
} from "@rhizome/contracts";
import type { LocalClients, Wallet } from "./clients.js";
import { governance, Vote } from "./governance.js";

export const PRINCIPLES = [
  "Technology as infrastructure",
  "Coordination without hierarchy",
  "Ownership over employment",
  "Values-based networks",
];

export const DEMO_SETTINGS: CollectiveSettings = {
  votingDelay: 1,
  votingPeriod: 3 * 86_400,
  executionWindow: 14 * 86_400,
  timelockDelay: 3_600,
  proposalThreshold: 10n,
  quorumPercent: 20,
  reviewWindow: 2 * 86_400,
  objectionThreshold: 10,
  vetoPercent: 20,
};

/** Who is who among the dev accounts (account 0 deploys). */
export const PEOPLE = ["Ada", "Bo", "Cai", "Dee", "Eli", "Fen", "Gus", "Hal", "Ivy", "Jo", "Kim", "Lu", "Mo"] as const;
const FOUNDER_SHARES = [400n, 250n, 180n, 120n, 90n, 60n, 40n, 30n];

export async function buildDemo(clients: LocalClients, deployment: Deployment) {
  const [deployer, ...rest] = clients.wallets;
  const person = Object.fromEntries(PEOPLE.map((name, i) => [name, rest[i]])) as Record<
    (typeof PEOPLE)[number],
    Wallet
  >;
  if (!deployer || Object.values(person).some((w) => !w)) throw new Error("The local chain needs 14 accounts");
  const { Ada, Bo, Cai, Dee, Eli, Fen, Gus, Hal, Ivy, Jo, Kim, Lu, Mo } = person;
  const address = (w: Wallet) => getAddress(w.account.address);
  const rizom = await createCollective(
    { publicClient: clients.publicClient, walletClient: Ada },
    {
      factory: deployment.factory,
      name: "Rizom",
      symbol: "RZM",
      principles: PRINCIPLES,
      founders: [Ada, Bo, Cai, Dee, Eli, Fen, Gus, Hal].map((w, i) => ({
        account: address(w),
        shares: FOUNDER_SHARES[i] ?? 1n,
      })),
      settings: DEMO_SETTINGS,
    },
  );
  const m = rizom.modules;
  const gov = governance(clients, m, DEMO_SETTINGS);
  const { wait } = gov;
  const shares = (w: Wallet) =>
    getContract({ address: m.shares, abi: sharesAbi, client: { public: clients.publicClient, wallet: w } });
  const work = (w: Wallet) =>
    getContract({ address: m.work, abi: workAbi, client: { public: clients.publicClient, wallet: w } });

  // Treasury: ETH and a euro token.
  await wait(deployer.sendTransaction({ to: m.treasury, value: parseEther("25") }));
  const tokenReceipt = await clients.publicClient.waitForTransactionReceipt({
    hash: await deployer.deployContract({
      abi: testTokenAbi,
      bytecode: testTokenBytecode,
      args: ["Test Euro", "tEUR"],
    }),
  });
  const token = getAddress(tokenReceipt.contractAddress as Address);
  await wait(
    deployer.writeContract({
      address: token,
      abi: testTokenAbi,
      functionName: "mint",
      args: [m.treasury, parseEther("10000")],
    }),
  );

  // Profiles (a display name; some with a link) and delegation.
  for (const [w, name, uri] of [
    [Ada, "Ada", "https://ada.example"],
    [Bo, "Bo", ""],
    [Cai, "Cai", "https://cai.example"],
    [Dee, "Dee", "https://dee.example"],
    [Eli, "Eli", ""],
    [Fen, "Fen", ""],
    [Gus, "Gus", ""],
    [Hal, "Hal", ""],
  ] as const) {
    await wait(shares(w).write.setProfile([name, "", uri]));
  }
  await wait(shares(Gus).write.delegate([address(Ada)]));
  await wait(shares(Hal).write.delegate([address(Ada)]));

  // Applications: Jo is admitted; Ivy and Kim wait.
  await wait(
    shares(Jo).write.applyForMembership([60n, "I maintain the federation protocol; I'd like to bring it here."]),
  );
  await gov.pass(Bo, admissionProposal(m, 1n, 50n, "Admit Jo (application 1) with 50 shares"), [
    [Ada, "Jo's protocol work is exactly what we need"],
    [Bo],
    [Cai, "Welcome!"],
  ]);
  await wait(shares(Ivy).write.applyForMembership([40n, "https://ivy.example/pitch"]));
  await wait(shares(Kim).write.applyForMembership([25n, "Designer; I want to help with the member dashboards."]));

  // Work: one proposal commissions a slate under every principle.
  const items = [
    { title: "Shared CI runners for member projects", principle: 0, reward: 40n, contributor: address(Dee) },
    {
      title: "Consent-based decision guide",
      principle: 1,
      reward: 25n,
      contributor: address(Eli),
      payment: { amount: parseEther("300"), token },
    },
    {
      title: "Ownership dashboard",
      principle: 2,
      reward: 35n,
      contributor: address(Cai),
      payment: { amount: parseEther("1") },
    },
    { title: "Partner map of aligned collectives", principle: 3, reward: 20n },
    { title: "Mentoring programme for new contributors", principle: 2, reward: 15n, contributor: address(Hal) },
    { title: "Self-hosted chat server", principle: 0, reward: 30n, contributor: address(Bo) },
    { title: "Quarterly retrospective format", principle: 1, reward: 10n, contributor: address(Gus) },
    { title: "Member handbook", principle: 3, reward: 15n, contributor: address(Jo) },
  ];
  const slate = items.map(
    (t, i) =>
      workProposal(m, { ...t, specUri: `https://rizom.example/specs/${i + 1}` }, "").calldatas[0] as `0x${string}`,
  );
  const commission = {
    targets: items.map(() => m.work),
    values: items.map(() => 0n),
    calldatas: slate,
    description: "Commission this season's work",
  };
  await gov.pass(Ada, commission, [
    [Ada, "A balanced season across our principles"],
    [Bo],
    [Cai],
    [Dee, "Happy to run the CI"],
  ]);

  // 1 accepted, 2 accepted with a token payment, 5 disputed then rejected, 6 disputed then accepted,
  // 7 cancelled, 8 left disputed; 3 is delivered at the end (under review), 4 is an open bounty.
  for (const [w, id] of [
    [Dee, 1n],
    [Eli, 2n],
    [Hal, 5n],
    [Bo, 6n],
    [Jo, 8n],
  ] as const)
    await wait(work(w).write.deliver([id, `https://git.rizom.example/work/${id}`]));
  await clients.increaseTime(1);
  await wait(work(Cai).write.object([5n, "The programme has no mentors signed up yet"]));
  await wait(work(Ada).write.object([6n, "Not yet backed up"]));
  await wait(work(Bo).write.object([8n, "The handbook contradicts our decision guide"]));
  await clients.increaseTime(DEMO_SETTINGS.reviewWindow + 1);
  // 8 stays disputed: no proposal has resolved it yet.
  for (const id of [1n, 2n, 5n, 6n, 8n]) await wait(work(Kim).write.settle([id]));
  const resolutions = {
    targets: [m.work, m.work, m.work],
    values: [0n, 0n, 0n],
    calldatas: [
      resolveWorkProposal(m, 5n, false, "").calldatas[0] as `0x${string}`,
      resolveWorkProposal(m, 6n, true, "").calldatas[0] as `0x${string}`,
      encodeFunctionData({ abi: workAbi, functionName: "cancel", args: [7n] }),
    ],
    description: "Resolve the disputes and drop the retrospective format",
  };
  await gov.pass(Bo, resolutions, [[Ada, "Backups are in now"], [Bo], [Cai]]);

  // A payment that passes and one that is defeated.
  await gov.pass(
    Cai,
    paymentProposal(m, { to: address(Dee), amount: parseEther("2") }, "Pay Dee's hosting costs for the CI runners"),
    [[Ada], [Cai], [Dee]],
  );
  const defeated = paymentProposal(m, { to: address(Eli), amount: parseEther("10") }, "Conference travel for Eli");
  const defeatedId = await gov.propose(Eli, defeated);
  await gov.vote(Eli, defeatedId, Vote.For, "It's where our partners are");
  await gov.vote(Ada, defeatedId, Vote.Against, "Too much of the treasury for one trip");
  await gov.vote(Bo, defeatedId, Vote.Against);
  await clients.increaseTime(DEMO_SETTINGS.votingPeriod + 1);

  // Fen leaves with their fair part.
  const fenLeaves = await ragequit(
    { publicClient: clients.publicClient, walletClient: Fen },
    { governor: m.governor, treasury: m.treasury, shares: 60n, tokens: [token] },
  );
  await wait(Promise.resolve(fenLeaves));

  // Mycel, a second collective, joins Rizom through its timelock.
  const mycel = await createCollective(
    { publicClient: clients.publicClient, walletClient: Lu },
    {
      factory: deployment.factory,
      name: "Mycel",
      symbol: "MYC",
      principles: ["Values-based networks", "Care for the commons"],
      founders: [
        { account: address(Lu), shares: 70n },
        { account: address(Mo), shares: 30n },
      ],
      settings: DEMO_SETTINGS,
    },
  );
  const mycelGov = governance(clients, mycel.modules, DEMO_SETTINGS);
  const apply = {
    targets: [m.shares],
    values: [0n],
    calldatas: [
      encodeFunctionData({
        abi: sharesAbi,
        functionName: "applyForMembership",
        args: [40n, "Mycel shares Rizom's values; we'd like to link our collectives."],
      }),
    ],
    description: "Apply to join Rizom",
  };
  await mycelGov.pass(Lu, apply, [[Lu], [Mo, "Yes, let's link up"]]);
  await gov.pass(Ada, admissionProposal(m, 4n, 40n, "Admit Mycel (application 4)"), [
    [Ada, "Our first collective member"],
    [Bo],
    [Cai],
  ]);

  // Left open for the newcomer to vote on, and one work item under review.
  await wait(work(Cai).write.deliver([3n, "https://dashboards.rizom.example"]));
  const openBounty = workProposal(
    m,
    { title: "Translate the guide into Spanish", specUri: "https://rizom.example/specs/8", principle: 3, reward: 12n },
    "Open bounty: translate the decision guide",
  );
  const openId = await gov.propose(Dee, openBounty);
  await gov.vote(Dee, openId, Vote.For, "More languages, more collectives");
  const admitIvy = await gov.propose(Cai, admissionProposal(m, 2n, 40n, "Admit Ivy (application 2)"));
  await gov.vote(Cai, admitIvy, Vote.For, "Ivy's pitch is strong");
  await gov.vote(Bo, admitIvy, Vote.Abstain, "I haven't met Ivy yet");
  await gov.propose(
    Bo,
    paymentProposal(m, { to: address(Bo), amount: parseEther("500"), token }, "Pay the chat server's first year"),
  );
  void defeated;
  return { rizom, mycel, token, people: person };
}
