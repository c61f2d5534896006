/**
 * One wave of the history: applications, deposits, profiles and delegations; a round of
 * proposals (admissions, work packages, payments, resolutions of disputed work); their votes;
 * queue and execution of those that passed; then the work they commissioned and a few exits
 * (work.ts).
 */
import { decodeFunctionResult, parseEther, type Address, type PrivateKeyAccount } from "viem";
import {
  admissionProposal,
  collectiveGovernorAbi,
  paymentProposal,
  resolveWorkProposal,
  sharesAbi,
  workAbi,
  workProposal,
  type ProposalActions,
} from "@rhizome/contracts";
import { proposalIdOf } from "@rhizome/contracts";
import { ProposalState, Vote, combine } from "./actions.js";
import { benchAccount, type Tx } from "./chain.js";
import { REASONS, events, weighty, type Context, type Member } from "./context.js";
import { exits, work } from "./work.js";

interface Planned {
  actions: ProposalActions;
  id: bigint;
  proposer: PrivateKeyAccount;
  pass: boolean;
}

export async function runWave(ctx: Context, w: number): Promise<void> {
  const { admit, withdraw } = await housekeeping(ctx, w);
  const proposals = plan(ctx, w, admit);
  await ctx.chain.mine([...withdraw, ...proposals.map((p) => ctx.tx.propose(p.proposer, p.actions))]);
  const proposedAt = ctx.chain.now;
  await vote(ctx, proposals, proposedAt + 2);
  const items = await execute(ctx, proposals, proposedAt + 1 + ctx.plan.votingPeriod + 1);
  await work(ctx, w, items);
  await exits(ctx);
}

async function housekeeping(ctx: Context, w: number) {
  const { chain, tx, rng } = ctx;
  const applicants = Array.from({ length: ctx.plan.applicantsPerWave }, (_, i) =>
    benchAccount("applicant", w * ctx.plan.applicantsPerWave + i),
  );
  const txs: Tx[] = applicants.map((a, i) =>
    tx.apply(a, BigInt(10 + rng.int(21)), `Wave ${w}, applicant ${i}: I would like to join and build with you`),
  );
  for (const m of rng.sample(weighty(ctx), ctx.plan.ethDepositsPerWave ?? 40)) {
    txs.push(tx.depositEth(m.account, parseEther("1") * BigInt(1 + rng.int(5))));
  }
  for (const m of rng.sample(weighty(ctx), ctx.plan.tokenDepositsPerWave ?? 10)) {
    txs.push(
      tx.mintToken(m.account, parseEther("1000")),
      tx.depositToken(m.account, parseEther("1") * BigInt(1 + rng.int(900))),
    );
  }
  for (const m of rng.sample(weighty(ctx), ctx.plan.profilesPerWave ?? 10))
    txs.push(tx.profile(m.account, `https://rizom.example/${m.account.address}/${w}`));
  if (w % 3 === 1) {
    const pair = rng.sample(weighty(ctx), 8);
    for (let i = 0; i < 4; i++) {
      const [from, to] = [pair[i], pair[i + 4]];
      if (!from || !to) continue;
      txs.push(tx.delegate(from.account, to.account.address));
      from.delegated = true;
    }
  }
  const blocks = await chain.mine(txs);
  const submitted = await events(chain, sharesAbi, ctx.modules.shares, blocks);
  const applications = submitted.flatMap((log) =>
    log.eventName === "ApplicationSubmitted"
      ? [{ id: log.args.applicationId, shares: log.args.requestedShares, applicant: log.args.applicant }]
      : [],
  );
  if (applications.length !== applicants.length) throw new Error("Some applications are missing");
  const byAddress = new Map(applicants.map((a) => [a.address.toLowerCase(), a]));
  const withdrawn = applications.slice(-2);
  return {
    admit: applications.slice(0, -2).map((a) => ({ ...a, account: byAddress.get(a.applicant.toLowerCase()) })),
    withdraw: withdrawn.map((a) => {
      const account = byAddress.get(a.applicant.toLowerCase());
      if (!account) throw new Error(`Unknown applicant ${a.applicant}`);
      return tx.withdraw(account, a.id);
    }),
  };
}

function plan(ctx: Context, w: number, admit: { id: bigint; shares: bigint }[]): Planned[] {
  const { rng, modules, plan: p } = ctx;
  const members = weighty(ctx);
  const list: Omit<Planned, "id" | "proposer">[] = [];
  for (const id of ctx.disputed.splice(0)) {
    list.push({
      actions: resolveWorkProposal(modules, id, rng.chance(0.6), `Wave ${w}: resolve work #${id}`),
      pass: true,
    });
  }
  for (const a of admit) {
    list.push({
      actions: admissionProposal(modules, a.id, a.shares, `Wave ${w}: admit #${a.id}`),
      pass: rng.chance(0.8),
    });
  }
  for (let i = 0; i < p.workPackagesPerWave; i++) {
    const items = Array.from({ length: p.itemsPerPackage }, (_, j) =>
      workProposal(
        modules,
        {
          title: `Wave ${w}, package ${i}, item ${j}`,
          specUri: `https://rizom.example/spec/${w}/${i}/${j}`,
          principle: rng.int(4),
          reward: BigInt(1 + rng.int(5)),
          ...(rng.chance(0.2) ? {} : { contributor: rng.pick(members).account.address }),
          ...(rng.chance(0.4) ? { payment: { amount: parseEther("0.01") } } : {}),
        },
        "",
      ),
    );
    list.push({ actions: combine(items, `Wave ${w}: work package ${i}`), pass: rng.chance(0.85) });
  }
  for (let n = 0; list.length < p.proposalsPerWave; n++) {
    const payment = { to: rng.pick(members).account.address, amount: parseEther("0.01") * BigInt(1 + rng.int(50)) };
    list.push({ actions: paymentProposal(modules, payment, `Wave ${w}: payment ${n}`), pass: rng.chance(0.7) });
  }
  return list.map((p) => ({ ...p, id: proposalIdOf(p.actions), proposer: rng.pick(members).account }));
}

async function vote(ctx: Context, proposals: Planned[], at: number): Promise<void> {
  const { rng, tx } = ctx;
  const active = ctx.members.filter((m) => m.active);
  const votes: { tx: Tx; member: Member; id: bigint; support: number }[] = [];
  for (const p of proposals) {
    for (const member of rng.sample(active, ctx.plan.votersPerProposal - 3 + rng.int(7))) {
      const r = rng.next();
      const support = r < (p.pass ? 0.8 : 0.25) ? Vote.For : r < 0.9 ? Vote.Against : Vote.Abstain;
      const reason = rng.chance(0.3) ? rng.pick(REASONS) : undefined;
      votes.push({ tx: tx.vote(member.account, p.id, support, reason), member, id: p.id, support });
    }
  }
  const shuffled = rng.shuffle(votes);
  // Each voter's transactions are mined in the order of their nonces, which is this order.
  for (const v of shuffled) if (v.support === Vote.For) v.member.forVotes.push(v.id);
  // In bursts over the first four fifths of the voting period: most votes early, some late.
  const bursts = Math.max(1, ctx.plan.voteBursts ?? 1);
  const spacing = Math.floor((ctx.plan.votingPeriod * 0.8) / bursts);
  // Half of the votes in the first burst, the other half shared by the later ones.
  const bound = (b: number) =>
    b === 0 ? 0 : b === bursts ? shuffled.length : Math.round(shuffled.length * (0.5 + (0.5 * (b - 1)) / (bursts - 1)));
  for (let b = 0; b < bursts; b++) {
    await ctx.chain.mine(
      shuffled.slice(bound(b), bound(b + 1)).map((v) => v.tx),
      at + b * spacing,
    );
  }
}

/** Queues and executes the proposals that passed; returns the work items they commissioned. */
async function execute(ctx: Context, proposals: Planned[], after: number) {
  const { chain, tx, modules } = ctx;
  await chain.mine([], after);
  const states = await chain.batch(proposals, async (p) =>
    Number(
      decodeFunctionResult({
        abi: collectiveGovernorAbi,
        functionName: "state",
        data: await chain.call(modules.governor, tx.state(p.id)),
      }),
    ),
  );
  const passed = proposals.filter((_, i) => states[i] === ProposalState.Succeeded);
  const stuck = states.filter((s) => s !== ProposalState.Succeeded && s !== ProposalState.Defeated);
  if (stuck.length > 0)
    throw new Error(`Proposals neither passed nor defeated after their vote: states ${stuck.join(", ")}`);
  ctx.surprises += proposals.filter((p, i) => p.pass !== (states[i] === ProposalState.Succeeded)).length;
  await chain.mine(passed.map((p) => tx.queue(ctx.keeper, p.actions)));
  const blocks = await chain.mine(
    passed.map((p) => tx.execute(ctx.keeper, p.actions)),
    chain.now + ctx.plan.timelockDelay,
  );
  for (const log of await events(chain, sharesAbi, modules.shares, blocks)) {
    if (log.eventName !== "ApplicationAdmitted") continue;
    const w = Math.floor(Number(log.args.applicationId - 1n) / ctx.plan.applicantsPerWave);
    const i = Number(log.args.applicationId - 1n) % ctx.plan.applicantsPerWave;
    const account = benchAccount("applicant", w * ctx.plan.applicantsPerWave + i);
    if (account.address !== log.args.applicant)
      throw new Error(`Application ${log.args.applicationId} is not whose it seems`);
    const member = { account, active: true, delegated: false, forVotes: [] };
    ctx.members.push(member);
    ctx.byAddress.set(account.address.toLowerCase(), member);
  }
  return (await events(chain, workAbi, modules.work, blocks)).flatMap((log) =>
    log.eventName === "WorkCommissioned" ? [{ id: log.args.id, contributor: log.args.contributor as Address }] : [],
  );
}
