CREATE TABLE "article_topics" (
	"article_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "article_topics_article_id_position_pk" PRIMARY KEY("article_id","position"),
	CONSTRAINT "article_topics_name_check" CHECK (length("article_topics"."name") between 1 and 40)
);
--> statement-breakpoint
ALTER TABLE "article_topics" ADD CONSTRAINT "article_topics_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "article_topics_name_key" ON "article_topics" USING btree ("article_id",lower("name"));--> statement-breakpoint
CREATE INDEX "article_topics_lower_name_idx" ON "article_topics" USING btree (lower("name"));