/**
 * The demo collective's discussion: a few threads on its proposals, a work item and an open
 * application, each comment signed by a demo member's wallet (EIP-712, as the web client signs)
 * and posted to the running service like any other. A thread that already has comments (a
 * second start over the same database) is left as it is.
 */
import { randomBytes } from "node:crypto";
import { getAddress, type Hex } from "viem";
import { commentTypedData, NO_PARENT, type Comment, type ThreadKind } from "@rhizome/client/schemas";
import type { Wallet } from "./clients.js";
import type { PEOPLE } from "./rizom.js";

type Person = (typeof PEOPLE)[number];
/** A comment: who says it and what, and the replies to it. */
type Said = [Person, string, Said[]?];

const THREADS: { kind: ThreadKind; pick: number; comments: Said[] }[] = [
  {
    kind: "proposal",
    pick: 0,
    comments: [
      [
        "Ada",
        "I'd like us to agree on this before the end of the month. The numbers are in the [spec](https://rizom.example/specs/1).",
        [["Bo", "Agreed. One question: does this change what @Cai is already working on?"]],
      ],
      ["Cai", "It doesn't, my work item stays as it is. **+1** from me."],
    ],
  },
  {
    kind: "proposal",
    pick: 1,
    comments: [
      [
        "Dee",
        "Could we lower the amount and revisit in three months?",
        [["Ada", "Fair, let's see how the vote goes."]],
      ],
    ],
  },
  {
    kind: "work",
    pick: 0,
    comments: [
      [
        "Bo",
        "Nice delivery. The tests in the PR cover the edge cases I worried about.",
        [["Eli", "Thanks! Happy to walk anyone through it."]],
      ],
    ],
  },
];

const nonce = () => `0x${randomBytes(32).toString("hex")}` as Hex;

/** Posts the demo threads through the service at `url`; answers the comments posted. */
export async function postDemoThreads(
  url: string,
  chainId: number,
  collective: Hex,
  people: Record<Person, Wallet>,
): Promise<number> {
  const api = `${url}/api/collectives/${getAddress(collective)}`;
  const ids = async (kind: ThreadKind) => {
    const list = kind === "proposal" ? "proposals" : kind === "work" ? "work" : "applications";
    const response = await fetch(`${api}/${list}?limit=10`);
    const page = (await response.json()) as { items: Record<string, unknown>[] };
    const key = kind === "proposal" ? "proposalId" : kind === "work" ? "workId" : "applicationId";
    return page.items.map((item) => String(item[key]));
  };
  let posted = 0;
  let clock = Math.floor(Date.now() / 1000) - 300;
  const post = async (kind: ThreadKind, id: string, [who, body, replies]: Said, parent: Hex = NO_PARENT) => {
    const wallet = people[who];
    const message = {
      author: wallet.account.address,
      kind,
      thread: id,
      parent,
      body,
      issuedAt: BigInt(clock++),
      nonce: nonce(),
    };
    const signature = await wallet.signTypedData({
      ...commentTypedData(chainId, getAddress(collective)),
      primaryType: "Comment",
      message,
    });
    const response = await fetch(`${api}/threads/${kind}/${id}/comments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        ...message,
        kind: undefined,
        thread: undefined,
        issuedAt: Number(message.issuedAt),
        signature,
      }),
    });
    if (!response.ok) throw new Error(`The demo comment was refused: ${await response.text()}`);
    posted++;
    const made = (await response.json()) as Comment;
    for (const reply of replies ?? []) await post(kind, id, reply, made.id as Hex);
  };
  for (const thread of THREADS) {
    const id = (await ids(thread.kind))[thread.pick];
    if (id === undefined) continue;
    const existing = (await (await fetch(`${api}/threads/${thread.kind}/${id}/comments?limit=1`)).json()) as {
      items: unknown[];
    };
    if (existing.items.length > 0) continue;
    for (const said of thread.comments) await post(thread.kind, id, said);
  }
  return posted;
}
