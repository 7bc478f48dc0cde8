import type { z } from "zod";
import { Invalid, type FieldErrors } from "@/lib/errors";

/** The failing fields of a zod error, keyed by path (`sources.0.url`), "body" for the whole value. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "body";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Parses `value` with `schema`, or throws `Invalid` naming every failing field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = fieldErrorsOf(result.error);
  const summary = Object.entries(fields)
    .map(([field, message]) => `${field}: ${message}`)
    .join("; ");
  throw new Invalid(`Invalid input: ${summary}`, fields);
}
