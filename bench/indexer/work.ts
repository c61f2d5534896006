/**
 * The end of a wave: the work its proposals commissioned is taken (open bounties), delivered,
 * objected to and settled after the review window; then a few members ragequit, naming the
 * proposals they voted for, as the treasury requires.
 */
import { decodeFunctionResult, zeroAddress, type Address } from "viem";
import { sharesAbi, workAbi } from "@rhizome/contracts";
import type { Tx } from "./chain.js";
import { REASONS, events, weighty, type Context, type Member } from "./context.js";

export async function work(ctx: Context, w: number, items: { id: bigint; contributor: Address }[]): Promise<void> {
  const { chain, tx, rng, plan: p } = ctx;
  const members = weighty(ctx);
  const takes: Tx[] = [];
  for (const item of items.filter((i) => i.contributor === zeroAddress)) {
    const taker = rng.pick(members);
    takes.push(tx.take(taker.account, item.id));
    item.contributor = taker.account.address;
  }
  if (takes.length > 0) await chain.mine(takes);
  const delivered = items.filter(() => rng.chance(0.85));
  const accountOf = (address: Address) => {
    const member = ctx.byAddress.get(address.toLowerCase());
    if (!member) throw new Error(`No account for contributor ${address}`);
    return member.account;
  };
  await chain.mine(
    delivered.map((i) => tx.deliver(accountOf(i.contributor), i.id, `https://git.example/rizom/pull/${w}-${i.id}`)),
  );
  const deliveredAt = chain.now;
  const objections: Tx[] = [];
  for (const item of delivered) {
    const r = rng.next();
    const n = r < 0.12 ? 25 : r < 0.32 ? 1 + rng.int(3) : 0;
    for (const m of rng.sample(members, n)) objections.push(tx.object(m.account, item.id, rng.pick(REASONS)));
  }
  if (objections.length > 0) await chain.mine(objections);
  const blocks = await chain.mine(
    delivered.map((i) => tx.settle(ctx.keeper, i.id)),
    deliveredAt + p.reviewWindow + 1,
  );
  for (const log of await events(chain, workAbi, ctx.modules.work, blocks)) {
    if (log.eventName === "WorkDisputed") ctx.disputed.push(log.args.id);
  }
}

export async function exits(ctx: Context): Promise<void> {
  const { chain, tx, rng } = ctx;
  // Members who delegated stay: their delegate's *for* votes on proposals that can still run bind
  // them (GovernorDelegateBound) until the delegate releases them, which the history does not do.
  const leaving = rng.sample(
    ctx.members.filter((m) => m.active && !m.delegated),
    ctx.plan.exitsPerWave,
  );
  const txs: Tx[] = [];
  const left = new Map<Member, boolean>();
  for (const [i, m] of leaving.entries()) {
    const data = await chain.call(ctx.modules.shares, tx.balanceOf(m.account.address));
    const balance = decodeFunctionResult({ abi: sharesAbi, functionName: "balanceOf", data });
    const shares = i % 5 < 3 ? balance : balance / 2n;
    if (shares === 0n) continue;
    left.set(m, shares === balance);
    txs.push(tx.ragequit(m.account, shares, m.forVotes));
  }
  await chain.mine(txs);
  for (const [m, full] of left) {
    m.forVotes = [];
    if (full) m.active = false;
  }
}
