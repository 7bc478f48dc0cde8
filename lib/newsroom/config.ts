import { z } from "zod";
import { isTimeZone } from "@/lib/time-zone";
import { isSafeHttpUrl } from "@/lib/urls";

/** How the newsroom presents itself on public pages and in ClaimReview markup. */
export type NewsroomConfig = {
  /** The publisher named as the fact-check's author. */
  name: string;
  /** The newsroom's home page, or null. */
  url: string | null;
  /** Whether public pages name the reviewers who approved each claim. */
  showReviewers: boolean;
  /** The newsroom's time zone (an IANA name, "UTC" unless set): its days and clock times (lib/time-zone.ts). */
  timeZone: string;
  /** The app's public origin, without a trailing slash: the base of every absolute URL it publishes. */
  appUrl: string;
};

const environmentSchema = z.object({
  NEWSROOM_NAME: z.string().trim().min(1).max(200).optional(),
  NEWSROOM_URL: z
    .string()
    .trim()
    .refine(isSafeHttpUrl, "must be an http:// or https:// address")
    .optional()
    .or(z.literal("")),
  PUBLIC_SHOW_REVIEWERS: z.enum(["true", "false", ""], { error: () => 'must be "true" or "false"' }).optional(),
  NEWSROOM_TIME_ZONE: z
    .string()
    .trim()
    .refine((name) => !name || isTimeZone(name), 'must be a time zone such as "America/New_York" or "UTC"')
    .optional(),
  NEXTAUTH_URL: z.string().trim().refine(isSafeHttpUrl, "must be an http:// or https:// address").optional(),
  PORT: z.string().optional(),
});

/**
 * The newsroom's identity, read from NEWSROOM_NAME, NEWSROOM_URL, PUBLIC_SHOW_REVIEWERS and
 * NEWSROOM_TIME_ZONE, and the app's origin from NEXTAUTH_URL. A malformed value throws, naming the variable: better at the first
 * request than a public page that names the wrong publisher.
 */
export function newsroomConfig(environment: Record<string, string | undefined> = process.env): NewsroomConfig {
  const result = environmentSchema.safeParse(environment);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`Configuration: ${issue.path.join(".")} ${issue.message}`);
  }
  const env = result.data;
  return {
    name: env.NEWSROOM_NAME ?? "Fact-check desk",
    url: env.NEWSROOM_URL || null,
    showReviewers: env.PUBLIC_SHOW_REVIEWERS === "true",
    timeZone: env.NEWSROOM_TIME_ZONE || "UTC",
    appUrl: (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ""),
  };
}
