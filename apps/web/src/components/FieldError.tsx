/** A field's error message, under the field, with the id its aria-describedby names (invalidProps). */
import { errorId } from "./fieldErrors";

export function FieldError({
  name,
  errors,
  alert = false,
}: {
  name: string;
  errors: Record<string, string | undefined>;
  /** Announce it at once: for a form that does not move the focus to the field. */
  alert?: boolean;
}) {
  const error = errors[name];
  if (!error) return null;
  return (
    <p id={errorId(name)} className="error" {...(alert ? { role: "alert" } : {})}>
      {error}
    </p>
  );
}
