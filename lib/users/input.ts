import { z } from "zod";
import { roleSchema } from "./roles";

export const PASSWORD_MIN_LENGTH = 10;

export const emailSchema = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .max(254, "must be at most 254 characters")
  .pipe(z.email({ error: "must be an email address" }));

export const passwordSchema = z
  .string({ error: "is required" })
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256, "must be at most 256 characters");

export const nameSchema = z.string({ error: "is required" }).trim().min(1, "is required").max(100, "must be at most 100 characters");

export const newUserSchema = z.strictObject({
  email: emailSchema,
  name: nameSchema,
  role: roleSchema,
  password: passwordSchema,
});

export const firstAdminSchema = newUserSchema.omit({ role: true });

export const userChangeSchema = z
  .strictObject({
    name: nameSchema.optional(),
    email: emailSchema.optional(),
    role: roleSchema.optional(),
    disabled: z.boolean({ error: "must be true or false" }).optional(),
    password: passwordSchema.optional(),
  })
  .refine((change) => Object.values(change).some((value) => value !== undefined), {
    message: "name, email, role, disabled or password is required",
    path: ["body"],
  });
