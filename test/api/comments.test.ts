/**
 * Discussion over a real indexed history: a member's signed comment is stored and listed, a reply
 * names its parent in the same thread, @name mentions resolve to members' addresses, and the
 * author edits and deletes their own. A forged, a replayed, another collective's or a stale
 * signature, a non-member, an edit or deletion by someone else: each refused with a 4xx and
 * nothing stored. An applicant posts in their own application's thread only. A new comment
 * shows in the list's comment count at once, though the index has not moved.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAddress, type Hex } from "viem";
import { commentTypedData, NO_PARENT, type CommentAction } from "@rhizome/client/schemas";
import { addressOf, type Wallet } from "../helpers/collective.js";
import { backend, indexedApp, type Indexed } from "./indexed.js";

describe(`discussion (${backend})`, () => {
  let t: Indexed;
  let chainId: number;
  let collective: `0x${string}`;
  let proposal: string;
  let work: string;
  let application: { id: string; applicant: string };

  const rows = async <T>(query: string) => ((await t.db.db.execute(query)) as unknown as { rows: T[] }).rows;
  const stored = async () =>
    (
      await rows<{ n: number }>("SELECT (SELECT count(*) FROM comments) + (SELECT count(*) FROM comment_actions) AS n")
    ).map((r) => Number(r.n))[0] ?? -1;

  beforeAll(async () => {
    t = await indexedApp();
    chainId = t.indexer.status.chainId;
    collective = getAddress(t.f.modules.governor);
    const one = async <T>(query: string) => {
      const [row] = await rows<T>(query);
      if (!row) throw new Error(`The history has none: ${query}`);
      return row;
    };
    proposal = (
      await one<{ id: string }>(
        `SELECT proposal_id::text AS id FROM proposals WHERE collective = '${collective}' LIMIT 1`,
      )
    ).id;
    work = String(
      (await one<{ id: number }>(`SELECT work_id AS id FROM work_items WHERE collective = '${collective}' LIMIT 1`)).id,
    );
    const open = await one<{ id: number; applicant: string }>(
      `SELECT application_id AS id, applicant FROM applications a WHERE collective = '${collective}'
       AND NOT EXISTS (SELECT 1 FROM members m WHERE m.collective = a.collective AND m.account = a.applicant AND m.shares > 0)
       LIMIT 1`,
    );
    application = { id: String(open.id), applicant: open.applicant };
  });
  afterAll(async () => {
    await t?.close();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const nonce = () => `0x${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("hex")}` as Hex;
  const sign = (
    wallet: Wallet,
    primaryType: CommentAction,
    message: Record<string, unknown>,
    domainCollective: `0x${string}` = collective,
  ) =>
    wallet.signTypedData({
      ...commentTypedData(chainId, domainCollective),
      primaryType,
      message: { ...message, issuedAt: BigInt(message.issuedAt as number) } as never,
    });

  const threadUrl = (kind: string, id: string) => `/api/collectives/${collective}/threads/${kind}/${id}/comments`;
  const post = async (
    wallet: Wallet,
    kind: string,
    id: string,
    body: string,
    options: { parent?: Hex; issuedAt?: number; signature?: Hex; domain?: `0x${string}`; nonce?: Hex } = {},
  ) => {
    const message = {
      author: addressOf(wallet),
      kind,
      thread: id,
      parent: options.parent ?? NO_PARENT,
      body,
      issuedAt: options.issuedAt ?? now(),
      nonce: options.nonce ?? nonce(),
    };
    const signature = options.signature ?? (await sign(wallet, "Comment", message, options.domain));
    const { kind: _k, thread: _t, ...payload } = message;
    const response = await t.app.inject({
      method: "POST",
      url: threadUrl(kind, id),
      payload: { ...payload, signature },
    });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>(), message, signature };
  };
  const change = async (
    wallet: Wallet,
    method: "PATCH" | "DELETE",
    kind: string,
    id: string,
    comment: string,
    body?: string,
  ) => {
    const message = {
      author: addressOf(wallet),
      comment,
      ...(body === undefined ? {} : { body }),
      issuedAt: now(),
      nonce: nonce(),
    };
    const signature = await sign(wallet, method === "PATCH" ? "EditComment" : "DeleteComment", message);
    const { comment: _c, ...payload } = message;
    const response = await t.app.inject({
      method,
      url: `${threadUrl(kind, id)}/${comment}`,
      payload: { ...payload, signature },
    });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  };

  it("stores a member's signed comment and a reply, and lists the thread oldest first", async () => {
    // A second earlier: a thread is in the order of the signed times.
    const first = await post(t.f.alice, "proposal", proposal, "I support this: **ship it**.", { issuedAt: now() - 1 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      id: expect.stringMatching(/^0x[0-9a-f]{64}$/),
      kind: "proposal",
      thread: proposal,
      parent: null,
      author: addressOf(t.f.alice),
      body: "I support this: **ship it**.",
      editedAt: null,
      deletedAt: null,
    });
    const reply = await post(t.f.bob, "proposal", proposal, "Agreed.", { parent: first.body.id as Hex });
    expect(reply.status).toBe(200);
    expect(reply.body.parent).toBe(first.body.id);
    const list = await t.app.inject(threadUrl("proposal", proposal));
    expect(list.statusCode).toBe(200);
    expect(list.headers.etag).toBeUndefined();
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([first.body.id, reply.body.id]);
    // A reply's parent must be in the same thread.
    const elsewhere = await post(t.f.bob, "work", work, "Wrong thread", { parent: first.body.id as Hex });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error).toBe("UnknownParent");
  });

  it("resolves @name mentions against the members' names", async () => {
    const [named] = await rows<{ account: string; name: string }>(
      `SELECT account, name FROM members WHERE collective = '${collective}' AND shares > 0 AND name IS NOT NULL AND name !~ '\\s' LIMIT 1`,
    );
    const name = named?.name ?? "nobody-here";
    const made = await post(t.f.carol, "work", work, `@${name} could you look at this? cc @nobody-known`);
    expect(made.status).toBe(200);
    expect(made.body.mentions).toEqual(named ? [named.account] : []);
  });

  it("refuses forged, replayed, another collective's, stale and non-members' comments, storing nothing", async () => {
    const before = await stored();
    // Signed by bob, sent as alice's.
    const bobs = await post(t.f.bob, "proposal", proposal, "forged");
    const forged = await t.app.inject({
      method: "POST",
      url: threadUrl("proposal", proposal),
      payload: {
        ...bobs.message,
        kind: undefined,
        thread: undefined,
        author: addressOf(t.f.alice),
        signature: bobs.signature,
      },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error).toBe("InvalidSignature");
    const afterBob = await stored();
    expect(afterBob).toBe(before + 2);
    // The same message again.
    const replay = await post(t.f.bob, "proposal", proposal, "forged", {
      issuedAt: bobs.message.issuedAt,
      nonce: bobs.message.nonce,
      signature: bobs.signature,
    });
    expect(replay.status).toBe(409);
    expect(replay.body.error).toBe("SignatureUsed");
    // Signed for another collective.
    const other = await post(t.f.alice, "proposal", proposal, "hi", { domain: getAddress(t.f.modules.shares) });
    expect(other.status).toBe(401);
    const stale = await post(t.f.alice, "proposal", proposal, "late", { issuedAt: now() - 3_600 });
    expect(stale.status).toBe(400);
    expect(stale.body.error).toBe("ExpiredSignature");
    const stranger = await post(t.f.wallets[7] as Wallet, "proposal", proposal, "hello");
    expect(stranger.status).toBe(403);
    expect(stranger.body.error).toBe("NotAMember");
    const missing = await post(t.f.alice, "proposal", "999999", "no such proposal");
    expect(missing.status).toBe(404);
    expect(await stored()).toBe(afterBob);
  });

  it("lets an applicant post in their own application's thread only", async () => {
    const applicant = t.f.wallets.find((w) => addressOf(w) === application.applicant) as Wallet;
    expect((await post(applicant, "application", application.id, "Happy to answer questions.")).status).toBe(200);
    expect((await post(applicant, "proposal", proposal, "May I?")).status).toBe(403);
  });

  it("lets only the author edit and delete, keeping the deleted comment's place", async () => {
    const made = await post(t.f.alice, "work", work, "first draft");
    const id = made.body.id as string;
    const before = await stored();
    const byBob = await change(t.f.bob, "PATCH", "work", work, id, "hijacked");
    expect(byBob.status).toBe(403);
    expect(byBob.body.error).toBe("NotYourComment");
    expect((await change(t.f.bob, "DELETE", "work", work, id)).status).toBe(403);
    expect(await stored()).toBe(before);
    const edited = await change(t.f.alice, "PATCH", "work", work, id, "second draft");
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: "second draft", editedAt: expect.any(Number) });
    const deleted = await change(t.f.alice, "DELETE", "work", work, id);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ body: "", deletedAt: expect.any(Number) });
    const list = await t.app.inject(threadUrl("work", work));
    expect(list.json().items.find((c: { id: string }) => c.id === id)).toMatchObject({
      body: "",
      deletedAt: expect.any(Number),
    });
  });

  it("counts comments on the list pages, anew as soon as one is posted or deleted", async () => {
    const list = async (path: string) => {
      const response = await t.app.inject(`/api/collectives/${collective}/${path}`);
      expect(response.statusCode).toBe(200);
      return response.json<{ items: Record<string, unknown>[] }>().items;
    };
    const countOf = async (path: string, key: string, id: string) =>
      (await list(path)).find((item) => String(item[key]) === id)?.commentCount;
    const before = await countOf("proposals", "proposalId", proposal);
    expect(before).toBeGreaterThan(0);
    // Kept by the index's version; a comment makes a new one, so the count is never stale.
    expect(await countOf("proposals", "proposalId", proposal)).toBe(before);
    const made = await post(t.f.carol, "proposal", proposal, "One more.");
    expect(await countOf("proposals", "proposalId", proposal)).toBe(Number(before) + 1);
    expect((await change(t.f.carol, "DELETE", "proposal", proposal, made.body.id as string)).status).toBe(200);
    expect(await countOf("proposals", "proposalId", proposal)).toBe(before);
    expect(await countOf("applications", "applicationId", application.id)).toBe(1);
    expect(typeof (await countOf("work", "workId", work))).toBe("number");
    expect((await list("proposals")).every((item) => typeof item.commentCount === "number")).toBe(true);
  });
});
