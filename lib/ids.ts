import { z } from "zod";

const idSchema = z.uuid();

/** Whether `value` has the shape of a row id: anything else names nothing, and is never sent to the database. */
export function isId(value: string): boolean {
  return idSchema.safeParse(value).success;
}
