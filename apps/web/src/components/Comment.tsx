/**
 * One comment in a thread: its author by name, when it was written, whether it was edited or
 * deleted, its Markdown, and what the connected member may do with it: reply, and edit or
 * delete it if it is theirs (each signed in the wallet, see wallet/useComments).
 */
import type { Api } from "@rhizome/client";
import { useMemo, useState, type ReactNode } from "react";
import { formatTime } from "../lib/format";
import { useAccountNames } from "../lib/names";
import { commentError, type useComments } from "../wallet/useComments";
import { Account } from "./Account";
import { CommentForm } from "./CommentForm";
import { Markdown } from "./Markdown";

type Writing = "reply" | "edit" | null;

interface CommentProps {
  collective: string;
  comment: Api.Comment;
  actions: ReturnType<typeof useComments>;
  /** The replies under it, already rendered. */
  children?: ReactNode;
}

/** Where each member the comment mentions links, by the lower-case name it is mentioned by. */
function useMentionLinks(collective: string, mentions: readonly string[]): ReadonlyMap<string, string> {
  const names = useAccountNames(collective, mentions);
  const links: [string, string][] = [];
  for (const account of mentions) {
    const label = names.get(account.toLowerCase());
    if (label?.named) links.push([label.text.toLowerCase(), `/c/${collective}/members/${account}`]);
  }
  // The same links from one render to the next, so the Markdown is not parsed again for nothing.
  const key = JSON.stringify(links);
  return useMemo(() => new Map(JSON.parse(key) as [string, string][]), [key]);
}

export function Comment({ collective, comment, actions, children }: CommentProps) {
  const [writing, setWriting] = useState<Writing>(null);
  const mentions = useMentionLinks(collective, comment.mentions);
  const [error, setError] = useState("");
  const deleted = comment.deletedAt !== null;
  const mine = actions.me !== undefined && actions.me.toLowerCase() === comment.author.toLowerCase();
  const remove = () => {
    if (!window.confirm("Delete your comment? Its place in the thread stays, marked deleted.")) return;
    setError("");
    actions.remove(comment.id).catch((caught: unknown) => setError(commentError(caught)));
  };
  return (
    <li className="comment" id={`comment-${comment.id}`}>
      <article>
        <p className="comment-head">
          <Account address={comment.author} collective={collective} copy={false} />{" "}
          <time className="muted" dateTime={new Date(comment.createdAt * 1000).toISOString()}>
            {formatTime(comment.createdAt)}
          </time>
          {comment.editedAt !== null && !deleted && (
            <span className="badge" title={`Edited ${formatTime(comment.editedAt)}`}>
              edited
            </span>
          )}
          {deleted && <span className="badge">deleted</span>}
        </p>
        {deleted ? (
          <p className="muted">This comment was deleted by its author.</p>
        ) : writing === "edit" ? (
          <CommentForm
            label="Edit your comment"
            submit="Sign and save"
            initial={comment.body}
            send={(body) => actions.edit(comment.id, body)}
            onDone={() => setWriting(null)}
            onCancel={() => setWriting(null)}
          />
        ) : (
          <Markdown mentions={mentions}>{comment.body}</Markdown>
        )}
        {actions.me && !deleted && writing === null && (
          <p className="comment-actions">
            <button type="button" className="link" onClick={() => setWriting("reply")}>
              Reply
            </button>
            {mine && (
              <>
                <button type="button" className="link" onClick={() => setWriting("edit")}>
                  Edit
                </button>
                <button type="button" className="link" onClick={remove}>
                  Delete
                </button>
              </>
            )}
          </p>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {writing === "reply" && (
          <CommentForm
            label="Your reply"
            submit="Sign and reply"
            send={(body) => actions.post(body, comment.id)}
            onDone={() => setWriting(null)}
            onCancel={() => setWriting(null)}
          />
        )}
      </article>
      {children}
    </li>
  );
}
