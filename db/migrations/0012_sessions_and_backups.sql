ALTER TYPE "public"."audit_action" ADD VALUE 'signed_out_everywhere';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'backed_up';--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "session_generation" integer DEFAULT 0 NOT NULL;