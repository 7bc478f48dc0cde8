import { z } from "zod";
import { isId } from "@/lib/ids";
import { auditActionSchema, auditSubjectSchema } from "./vocabulary";

const id = (what: string) => z.string().refine(isId, `must be ${what} id`);
const day = z.iso.date({ error: "must be a date as YYYY-MM-DD" });
const emptyAsAbsent = (value: unknown) => (value === "" ? undefined : value);

export const AUDIT_PAGE_SIZE = 50;

/** The audit page's filters, as they come from its URL: every field optional, empty means "any". */
export const auditQuerySchema = z.strictObject({
  actor: z.preprocess(emptyAsAbsent, id("a user's").optional()),
  article: z.preprocess(emptyAsAbsent, id("an article's").optional()),
  subject: z.preprocess(emptyAsAbsent, auditSubjectSchema.optional()),
  action: z.preprocess(emptyAsAbsent, auditActionSchema.optional()),
  from: z.preprocess(emptyAsAbsent, day.optional()),
  to: z.preprocess(emptyAsAbsent, day.optional()),
  /** Entries older than this entry id: the next page. */
  before: z.preprocess(emptyAsAbsent, z.coerce.number({ error: "must be an entry number" }).int("must be an entry number").positive("must be an entry number").optional()),
});

export type AuditQuery = z.output<typeof auditQuerySchema>;
