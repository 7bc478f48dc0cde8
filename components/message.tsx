/**
 * A message about what just happened: an error (announced at once, and telling what to do next)
 * or a notice (announced politely). Nothing when there is no text.
 */
export function Message({ text, error = true }: { text: string | null | undefined; error?: boolean }) {
  if (!text) return null;
  return (
    <p className={error ? "form-message" : "notice"} role={error ? "alert" : "status"}>
      {text}
    </p>
  );
}
