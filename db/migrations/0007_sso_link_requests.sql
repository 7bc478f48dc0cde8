ALTER TABLE "users" ADD COLUMN "sso_request_issuer" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sso_request_subject" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sso_requested_at" timestamp with time zone;