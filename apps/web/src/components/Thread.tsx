/**
 * The discussion of a proposal, a work item or an application: its comments oldest first, page
 * by page, each reply under the comment its conversation started from (one level deep, in the
 * order written), and a box to write in for a connected member. The service decides who may
 * post (members, and an applicant in their own application's thread) and says so when it refuses.
 * The thread is read again after one's own post and on every live event about the collective.
 */
import type { ThreadKind } from "@rhizome/client/schemas";
import type { Api } from "@rhizome/client";
import type { Address } from "viem";
import { useThread } from "../lib/queries";
import { useComments } from "../wallet/useComments";
import { Comment } from "./Comment";
import { CommentForm } from "./CommentForm";
import { More } from "./More";
import { Empty, QueryState } from "./QueryState";

/** The comments that start a conversation, each with every reply below it in the order written. */
export function conversations(comments: readonly Api.Comment[]): { root: Api.Comment; replies: Api.Comment[] }[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rootOf = (comment: Api.Comment): Api.Comment => {
    let at = comment;
    // A parent not loaded (or a loop, which the service never makes) ends the walk.
    for (let seen = 0; at.parent && byId.has(at.parent) && seen < comments.length; seen++)
      at = byId.get(at.parent) as Api.Comment;
    return at;
  };
  const roots = new Map<string, { root: Api.Comment; replies: Api.Comment[] }>();
  for (const comment of comments) {
    const root = rootOf(comment);
    if (root === comment) roots.set(comment.id, { root, replies: [] });
    else roots.get(root.id)?.replies.push(comment);
  }
  return [...roots.values()];
}

interface ThreadProps {
  /** The collective (its governor's address). */
  address: string;
  kind: ThreadKind;
  id: string;
  /** The heading's level: a section of a page (h3) or a card's (h4). */
  heading?: "h3" | "h4";
  /** Across the whole of a page's grid. */
  wide?: boolean;
}

export function Thread({ address, kind, id, heading: Heading = "h3", wide = false }: ThreadProps) {
  const thread = useThread(address, kind, id);
  const actions = useComments(address as Address, kind, id);
  return (
    <section className={wide ? "thread wide" : "thread"} aria-label="Discussion">
      <Heading>Discussion</Heading>
      <QueryState query={thread}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>No comments yet.</Empty>
          ) : (
            <ol className="comments">
              {conversations(page.items).map(({ root, replies }) => (
                <Comment key={root.id} collective={address} comment={root} actions={actions}>
                  {replies.length > 0 && (
                    <ol className="comments replies">
                      {replies.map((reply) => (
                        <Comment key={reply.id} collective={address} comment={reply} actions={actions} />
                      ))}
                    </ol>
                  )}
                </Comment>
              ))}
            </ol>
          )
        }
      </QueryState>
      <More query={thread} what="comments" />
      {actions.me ? (
        <CommentForm label="Your comment" submit="Sign and post" send={(body) => actions.post(body)} />
      ) : (
        <p className="muted">Connect a wallet to take part in the discussion.</p>
      )}
    </section>
  );
}
