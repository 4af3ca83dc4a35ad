type FieldErrors = Partial<Record<string, string[]>>;

/**
 * A failed mutation's messages for a form: per field (the zod messages the server's error formatter
 * sends as `data.fieldErrors`), or one for the whole form when no field is to blame.
 */
export function formErrorsOf(error: { message: string } | null): {
  fieldErrors: FieldErrors;
  formError: string | null;
} {
  const fieldErrors =
    (error as { data?: { fieldErrors?: FieldErrors | null } } | null)?.data?.fieldErrors ?? {};
  return { fieldErrors, formError: error && Object.keys(fieldErrors).length === 0 ? error.message : null };
}
