ALTER TABLE "annotations" ADD COLUMN "claimant_name" text;--> statement-breakpoint
ALTER TABLE "annotations" ADD COLUMN "claimant_kind" text;--> statement-breakpoint
ALTER TABLE "annotations" ADD COLUMN "claimant_role" text;--> statement-breakpoint
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_claimant_check" CHECK (("annotations"."claimant_name" IS NULL AND "annotations"."claimant_kind" IS NULL AND "annotations"."claimant_role" IS NULL)
        OR ("annotations"."claimant_name" IS NOT NULL AND "annotations"."claimant_kind" IS NOT NULL
          AND length("annotations"."claimant_name") BETWEEN 1 AND 200
          AND "annotations"."claimant_kind" IN ('person', 'organization')
          AND ("annotations"."claimant_role" IS NULL OR length("annotations"."claimant_role") BETWEEN 1 AND 200)));