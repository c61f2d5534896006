/**
 * Writing a comment, a reply or an edit: a text box that says how much room is left, signs and
 * sends through `send`, and on a refusal (the wallet declined, the service said no) shows why and
 * keeps what was typed, so nothing is lost. Emptied once the comment is taken.
 */
import { COMMENT_MAX_LENGTH } from "@rhizome/client/schemas";
import { useId, useState } from "react";
import { commentError } from "../wallet/useComments";

interface CommentFormProps {
  /** The text box's label: "Your comment", "Your reply", "Edit your comment". */
  label: string;
  submit: string;
  initial?: string;
  send: (body: string) => Promise<unknown>;
  onDone?: () => void;
  onCancel?: () => void;
}

export function CommentForm({ label, submit, initial = "", send, onDone, onCancel }: CommentFormProps) {
  const [body, setBody] = useState(initial);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const id = useId();
  const left = COMMENT_MAX_LENGTH - body.length;
  const onSubmit = async () => {
    if (busy) return;
    if (!body.trim()) return setError("Write something first.");
    if (left < 0) return setError(`A comment is at most ${COMMENT_MAX_LENGTH.toLocaleString("en-US")} characters.`);
    setError("");
    setBusy(true);
    try {
      await send(body);
      setBody("");
      onDone?.();
    } catch (caught) {
      setError(commentError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="comment-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      <label htmlFor={`${id}-body`}>{label}</label>
      <textarea
        id={`${id}-body`}
        rows={4}
        value={body}
        aria-describedby={`${id}-room${error ? ` ${id}-error` : ""}`}
        aria-invalid={error ? true : undefined}
        onChange={(event) => setBody(event.target.value)}
      />
      <p id={`${id}-room`} className={left < 0 ? "error" : "muted"}>
        Markdown; {left.toLocaleString("en-US")} of {COMMENT_MAX_LENGTH.toLocaleString("en-US")} characters left. Your
        wallet signs it; no gas is paid.
      </p>
      {error && (
        <p id={`${id}-error`} role="alert" className="error">
          {error}
        </p>
      )}
      <div className="row-inline">
        {/* Not disabled while signing, so the focus stays on it until the answer comes. */}
        <button type="submit" aria-disabled={busy}>
          {busy ? "Signing…" : submit}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
