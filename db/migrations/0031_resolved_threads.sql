ALTER TYPE "public"."audit_action" ADD VALUE 'resolved';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'reopened';--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "resolved_by" uuid;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_resolved_thread_check" CHECK ("comments"."resolved_at" is null or "comments"."parent_id" is null);