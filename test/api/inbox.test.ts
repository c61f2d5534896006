/**
 * A member's inbox over a real history, indexed as it happens: an application to sponsor, work to
 * review, a proposal to vote on, then to queue, then to execute, an applicant's admission or its
 * defeat, a reply and a mention; each item appears for the member it concerns and leaves once acted on (sponsored,
 * objected to or let pass, voted, queued, executed, answered). An account that is a member nowhere
 * has an empty inbox; a malformed address is a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAddress, type Hex } from "viem";
import { admissionProposal, execute, queue, workProposal } from "@rhizome/contracts";
import type { Inbox, InboxKind } from "@rhizome/client/schemas";
import {
  addressOf,
  advance,
  collectiveFixture,
  pass,
  propose,
  SETTINGS,
  vote,
  Vote,
  waitFor,
  type Fixture,
  type Wallet,
} from "../helpers/collective.js";
import { postComment } from "../helpers/comments.js";
import { backend, liveIndex, type LiveIndex } from "./indexed.js";

describe(`a member's inbox (${backend})`, () => {
  let f: Fixture;
  let t: LiveIndex;
  let c: Hex;

  beforeAll(async () => {
    f = await collectiveFixture();
    t = await liveIndex(f);
    c = getAddress(f.modules.governor);
  });
  afterAll(async () => {
    await t?.close();
  });

  const inbox = async (wallet: Wallet) => {
    await t.indexer.syncToHead();
    const response = await t.app.inject(`/api/accounts/${addressOf(wallet).toLowerCase()}/inbox`);
    expect(response.statusCode).toBe(200);
    return response.json<Inbox>();
  };
  const ids = async (wallet: Wallet, kind?: InboxKind) =>
    (await inbox(wallet)).items.filter((i) => kind === undefined || i.kind === kind).map((i) => i.id);
  const admitEve = () => admissionProposal(f.modules, 1n, 5n, "Admit Eve");
  let admission: bigint;

  it("answers an empty inbox to an account that is a member nowhere, and 400 to a malformed address", async () => {
    const none = await inbox(f.eve);
    expect(none).toEqual({ account: addressOf(f.eve), now: expect.any(Number), items: [] });
    const bad = await t.app.inject("/api/accounts/0x1234/inbox");
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json()).sort()).toEqual(["error", "message"]);
  });

  it("asks members to sponsor an open application, until an admission proposal sponsors it", async () => {
    await waitFor(f, f.as(f.eve).shares.write.applyForMembership([5n, "I garden"]));
    const bob = await inbox(f.bob);
    expect(bob.items).toEqual([
      {
        id: `sponsor:${c}:1`,
        kind: "sponsor",
        collective: c,
        collectiveName: "Rizom",
        subject: { kind: "application", id: "1" },
        title: `Sponsor: application #1 by ${addressOf(f.eve)}`,
        summary: "Asks for 5 shares: I garden",
        path: `/c/${c}/apply`,
        deadline: null,
        time: expect.any(Number),
      },
    ]);
    // The applicant is not asked to sponsor their own application.
    expect(await ids(f.eve)).toEqual([]);
  });

  it("asks for a review of delivered work, not of one's own, until the member objects or the window passes", async () => {
    const terms = { title: "Garden beds", specUri: "https://spec", principle: 1, reward: 10n };
    await pass(f, workProposal(f.modules, { ...terms, contributor: addressOf(f.carol) }, "Build beds"));
    await waitFor(f, f.as(f.carol).work.write.deliver([1n, "https://pr/1"]));
    const bob = await inbox(f.bob);
    const review = bob.items.find((i) => i.kind === "review");
    expect(review).toMatchObject({ id: `review:${c}:1`, subject: { kind: "work", id: "1" }, path: `/c/${c}/work` });
    expect(review?.deadline).toBeGreaterThan(bob.now);
    // Soonest deadline first: the review before the sponsorship, which has none.
    expect(bob.items.map((i) => i.kind)).toEqual(["review", "sponsor"]);
    expect(await ids(f.carol, "review")).toEqual([]);
    await waitFor(f, f.as(f.bob).work.write.object([1n, "Too small"]));
    expect(await ids(f.bob, "review")).toEqual([]);
    expect(await ids(f.alice, "review")).toEqual([`review:${c}:1`]);
  });

  it("asks for a vote, then to queue and to execute, each leaving once done; the applicant hears the outcome", async () => {
    admission = await propose(f, f.alice, admitEve());
    // Sponsored: a live admission proposal names the application.
    expect(await ids(f.bob, "sponsor")).toEqual([]);
    await advance(f, SETTINGS.votingDelay + 1);
    const voting = await inbox(f.bob);
    const item = voting.items.find((i) => i.kind === "vote");
    expect(item).toMatchObject({
      id: `vote:${c}:${admission}`,
      subject: { kind: "proposal", id: String(admission) },
      title: "Vote: Admit Eve",
      path: `/c/${c}/proposals/${admission}`,
    });
    expect(item?.deadline).toBeGreaterThan(voting.now);
    await vote(f, f.bob, admission, Vote.For);
    expect(await ids(f.bob, "vote")).toEqual([]);
    expect(await ids(f.alice, "vote")).toEqual([`vote:${c}:${admission}`]);
    await vote(f, f.alice, admission, Vote.For);
    await advance(f, SETTINGS.votingPeriod);
    expect(await ids(f.bob, "queue")).toEqual([`queue:${c}:${admission}`]);
    const governor = f.modules.governor;
    await waitFor(f, queue(f.carol, { governor, actions: admitEve() }));
    expect(await ids(f.bob, "queue")).toEqual([]);
    expect(await ids(f.bob, "execute")).toEqual([]);
    await advance(f, SETTINGS.timelockDelay + 1);
    const ready = await inbox(f.bob);
    expect(ready.items.find((i) => i.kind === "execute")).toMatchObject({
      id: `execute:${c}:${admission}`,
      deadline: expect.any(Number),
    });
    expect(await ids(f.eve)).toEqual([]);
    await waitFor(f, execute(f.carol, { governor, actions: admitEve() }));
    expect(await ids(f.bob, "execute")).toEqual([]);
    expect((await inbox(f.eve)).items.filter((i) => i.kind === "application")).toMatchObject([
      { id: `application:${c}:1:admitted`, kind: "application", title: "Admitted: application #1", deadline: null },
    ]);
  });

  it("tells an applicant their admission was defeated, and asks members to sponsor the application again", async () => {
    await waitFor(f, f.as(f.dave).shares.write.applyForMembership([7n, "I weld"]));
    const admitDave = admissionProposal(f.modules, 2n, 7n, "Admit Dave");
    const id = await propose(f, f.alice, admitDave);
    expect(await ids(f.bob, "sponsor")).toEqual([]);
    await advance(f, SETTINGS.votingDelay + 1);
    await vote(f, f.alice, id, Vote.Against);
    await advance(f, SETTINGS.votingPeriod);
    const dave = await inbox(f.dave);
    expect(dave.items).toEqual([
      expect.objectContaining({
        id: expect.stringMatching(new RegExp(`^application:${c}:2:declined:\\d+$`)),
        kind: "application",
        title: "Not admitted: application #2",
        path: `/c/${c}/apply`,
      }),
    ]);
    expect(await ids(f.bob, "sponsor")).toEqual([`sponsor:${c}:2`]);
    expect(await ids(f.bob, "queue")).toEqual([]);
    await waitFor(f, f.as(f.dave).shares.write.withdrawApplication([2n]));
    expect(await ids(f.dave)).toEqual([]);
    expect(await ids(f.bob, "sponsor")).toEqual([]);
  });

  it("lets a review leave when its window passes", async () => {
    await advance(f, SETTINGS.reviewWindow + 1);
    expect(await ids(f.alice, "review")).toEqual([]);
  });

  it("tells of a reply and a mention until the member answers in that thread", async () => {
    const thread = {
      chainId: t.indexer.status.chainId,
      collective: c,
      kind: "proposal" as const,
      id: String(admission),
    };
    await waitFor(f, f.as(f.bob).shares.write.setProfile(["Bob", "", ""]));
    await t.indexer.syncToHead();
    // Seconds apart, in the order they are posted.
    const at = Math.floor(Date.now() / 1000);
    const mine = await postComment(t.app, f.bob, thread, "Welcome, Eve.", { issuedAt: at });
    expect(await ids(f.bob)).toEqual([]);
    const reply = await postComment(t.app, f.alice, thread, "Seconded.", { parent: mine.id as Hex, issuedAt: at + 1 });
    const work = { ...thread, kind: "work" as const, id: "1" };
    const mention = await postComment(t.app, f.carol, work, "@Bob, the beds are fixed.", { issuedAt: at + 2 });
    expect(mention.mentions).toEqual([addressOf(f.bob)]);
    const bob = await inbox(f.bob);
    expect(bob.items.filter((i) => i.kind === "reply" || i.kind === "mention")).toEqual([
      expect.objectContaining({
        id: `mention:${mention.id}`,
        title: `Mentioned by ${addressOf(f.carol)}`,
        path: `/c/${c}/work`,
        deadline: null,
      }),
      expect.objectContaining({
        id: `reply:${reply.id}`,
        title: `A reply from ${addressOf(f.alice)}`,
        summary: "Seconded.",
        path: `/c/${c}/proposals/${admission}`,
      }),
    ]);
    // Never one's own comments.
    expect(await ids(f.alice, "reply")).toEqual([]);
    await postComment(t.app, f.bob, thread, "Thanks.", { issuedAt: at + 3 });
    expect(await ids(f.bob, "reply")).toEqual([]);
    expect(await ids(f.bob, "mention")).toEqual([`mention:${mention.id}`]);
    await postComment(t.app, f.bob, work, "Great.", { issuedAt: at + 4 });
    expect(await ids(f.bob, "mention")).toEqual([]);
  });
});
