/**
 * The connected member's inbox: what needs them now across their collectives, soonest deadline
 * first, as the service orders it. Each item says what kind of thing it is, in which collective,
 * how long is left (absolute time on hover; deadlines read at the indexed head's time), and links
 * to where it is acted on. It leaves the list once acted on, on the next live update.
 */
import type { Api } from "@rhizome/client";
import type { InboxKind } from "@rhizome/client/schemas";
import { useAccount } from "wagmi";
import { Link } from "../app/router";
import { Empty, QueryState } from "../components/QueryState";
import { formatRelative, formatTime } from "../lib/format";
import { useInbox } from "../lib/queries";

/** What each kind of item asks of the member, in words. */
export const INBOX_WORDS: Record<InboxKind, string> = {
  vote: "Vote",
  review: "Review delivered work",
  queue: "Queue",
  execute: "Execute",
  sponsor: "Sponsor",
  application: "Your application",
  reply: "Reply",
  mention: "Mention",
};

function Deadline({ deadline, now }: { deadline: number; now: number }) {
  const words = deadline >= now ? `closes ${formatRelative(deadline, now)}` : `closed ${formatRelative(deadline, now)}`;
  return (
    <time dateTime={new Date(deadline * 1000).toISOString()} title={formatTime(deadline)}>
      {words}
    </time>
  );
}

function Item({ item, now }: { item: Api.InboxItem; now: number }) {
  return (
    <li className="card inbox-item">
      <p className="eyebrow">
        <span className={`badge inbox-${item.kind}`}>{INBOX_WORDS[item.kind]}</span> in {item.collectiveName}
      </p>
      <h3>
        <Link to={item.path}>{item.title}</Link>
      </h3>
      {item.summary && <p>{item.summary}</p>}
      <p className="muted">
        {item.deadline !== null ? (
          <Deadline deadline={item.deadline} now={now} />
        ) : (
          <time dateTime={new Date(item.time * 1000).toISOString()}>{formatTime(item.time)}</time>
        )}
      </p>
    </li>
  );
}

/** The items, or what an empty inbox says. */
export function InboxItems({ inbox }: { inbox: Api.Inbox }) {
  if (inbox.items.length === 0)
    return <Empty>Nothing needs you right now: no open votes, reviews, replies or mentions.</Empty>;
  return (
    <>
      <p className="muted">Soonest deadline first.</p>
      <ul className="cards">
        {inbox.items.map((item) => (
          <Item key={item.id} item={item} now={inbox.now} />
        ))}
      </ul>
    </>
  );
}

export default function Inbox() {
  const { address } = useAccount();
  const inbox = useInbox(address);
  return (
    <section>
      <h1>Inbox</h1>
      {!address ? (
        <p>Connect a wallet to see what needs you: votes, work to review, replies and more.</p>
      ) : (
        <QueryState query={inbox}>{(data) => <InboxItems inbox={data} />}</QueryState>
      )}
    </section>
  );
}
