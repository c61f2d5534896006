/**
 * The header's link to the inbox, shown while a wallet is connected, with how many items wait
 * there (read out as "Inbox, 3 items"). While the count is unknown, or the service cannot tell
 * it, the link stands alone.
 */
import { useAccount } from "wagmi";
import { Link } from "../app/router";
import { useInbox } from "../lib/queries";

export function InboxLink() {
  const { address } = useAccount();
  const inbox = useInbox(address);
  if (!address) return null;
  const count = inbox.data?.items.length ?? 0;
  return (
    <Link to="/inbox" className="inbox-link">
      Inbox
      {count > 0 && (
        <>
          {" "}
          <span className="count" aria-hidden="true">
            {count}
          </span>
          <span className="visually-hidden">
            , {count} item{count === 1 ? "" : "s"}
          </span>
        </>
      )}
    </Link>
  );
}
