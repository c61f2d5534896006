/**
 * Form errors for keyboard and screen-reader users: a field points at its error only while it
 * has one, and a form whose check failed puts the focus on the first field to fix, where the
 * error is read as the field's description.
 */
import { useEffect, useRef } from "react";

/** The id of field `name`'s error message (see FieldError), which the field names as its description. */
export const errorId = (name: string) => `${name}-error`;

/** aria-invalid, and aria-describedby naming the field's error only while that error is shown. */
export function invalidProps(name: string, errors: Record<string, string | undefined>) {
  const error = errors[name];
  return error ? { "aria-invalid": true, "aria-describedby": errorId(name) } : { "aria-invalid": false };
}

/** A ref for the form; each new set of errors moves the focus to its first invalid field. */
export function useFocusFirstInvalid<T extends HTMLElement>(errors: Record<string, string | undefined>) {
  const form = useRef<T>(null);
  useEffect(() => {
    if (Object.values(errors).some(Boolean)) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  return form;
}
