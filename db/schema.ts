import { relations, sql, type SQL } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  real,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { CLAIMANT_KINDS, CLAIMANT_LIMITS } from "@/lib/annotations/claimant";
import { ANNOTATION_EVENT_KINDS } from "@/lib/annotations/history";
import { AUDIT_ACTIONS, AUDIT_SUBJECTS } from "@/lib/audit/vocabulary";
import { VERDICTS } from "@/lib/annotations/verdicts";
import { REVIEW_STATUSES } from "@/lib/reviews/statuses";
import { isClosed, statusUrgency } from "@/lib/reviews/urgency";
import { ROLES } from "@/lib/users/roles";

export const roleEnum = pgEnum("role", ROLES);
export const verdictEnum = pgEnum("verdict", VERDICTS);
export const reviewStatusEnum = pgEnum("review_status", REVIEW_STATUSES);
export const annotationEventKindEnum = pgEnum("annotation_event_kind", ANNOTATION_EVENT_KINDS);
export const auditSubjectEnum = pgEnum("audit_subject", AUDIT_SUBJECTS);
export const auditActionEnum = pgEnum("audit_action", AUDIT_ACTIONS);

/** Text-search terms (`to_tsvector`), read and written only by the database. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull(),
    /** Null for accounts that sign in only through single sign-on. */
    passwordHash: text("password_hash"),
    /** The OpenID Connect issuer and subject of an account that signs in through single sign-on. */
    oidcIssuer: text("oidc_issuer"),
    oidcSubject: text("oidc_subject"),
    /**
     * A single sign-on identity refused for this account, waiting for an admin to link it or dismiss
     * it: its provider had not verified the email, or the account signs in through another identity.
     */
    ssoRequestIssuer: text("sso_request_issuer"),
    ssoRequestSubject: text("sso_request_subject"),
    ssoRequestedAt: timestamp("sso_requested_at", { withTimezone: true }),
    /** When the user last opened their inbox: comments for them after this are unread. Null: never. */
    inboxSeenAt: timestamp("inbox_seen_at", { withTimezone: true }),
    /**
     * Email notifications (`lib/notifications`): whether the person wants what lands in their inbox by
     * email; the time up to which it has been emailed, or was not to be (the account was made, or the
     * notifications turned on, then); and, while an instance is emailing them, until when it holds them,
     * so that no other instance sends the same items.
     */
    emailNotifications: boolean("email_notifications").notNull().default(true),
    /** Whether those emails come once a day (EMAIL_DAILY_AT, the newsroom's time) rather than as items go unseen. */
    emailDaily: boolean("email_daily").notNull().default(false),
    notifiedUntil: timestamp("notified_until", { withTimezone: true }).notNull().defaultNow(),
    notifyingUntil: timestamp("notifying_until", { withTimezone: true }),
    disabled: boolean("disabled").notNull().default(false),
    /**
     * Every session carries the generation it was signed in under, and only sessions of the current one are
     * honoured: bumping it signs the account out everywhere (a password changed or reset, an account
     * disabled, a single sign-on unlinked, or "Sign out everywhere"). See `lib/users/sessions.ts`.
     */
    sessionGeneration: integer("session_generation").notNull().default(0),
    /**
     * Two-step sign-in (`lib/users/two-step.ts`): the base32 key of the account's authenticator app (RFC 6238
     * codes), null while two-step sign-in is off; when it was turned on; and the last time step whose code was
     * accepted, so that no code signs in twice.
     */
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex("users_email_key").on(sql`lower(${table.email})`),
    index("users_name_idx").on(table.name),
    uniqueIndex("users_oidc_key").on(table.oidcIssuer, table.oidcSubject),
  ],
);

export const articles = pgTable(
  "articles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    byline: text("byline"),
    originalUrl: text("original_url"),
    publishedOn: date("published_on"),
    /** The document as ProseMirror JSON (see `lib/editor/schema.ts`). */
    doc: jsonb("doc").notNull(),
    /** The document's text blocks joined by "\n": the text every selector's offsets count in. */
    plainText: text("plain_text").notNull(),
    /** The current revision, whose doc and plain text are the two columns above; every revision is in `article_revisions`. */
    revision: integer("revision").notNull().default(1),
    /**
     * Bumped in the same transaction as every change to the article's annotations or their sources,
     * so any instance can tell whether what it serialized before is still current.
     */
    annotationsStamp: integer("annotations_stamp").notNull().default(0),
    /**
     * The public page's address, `/p/<slug>`: derived from the title when the article is first published
     * and kept from then on, so that links survive an unpublish and a republish. Null until then.
     */
    slug: text("slug"),
    /** When an editor published the article; null while it is not public. */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** The editor who published it; null while it is not public. */
    publishedBy: uuid("published_by").references(() => users.id),
    /**
     * When the article was first published, kept through unpublishing: what its public page changed after
     * this is listed on it as a correction or an update (`lib/publishing/corrections.ts`).
     */
    firstPublishedAt: timestamp("first_published_at", { withTimezone: true }),
    /** The editors' summary of the fact-check, under its public page's title ("In short"); plain text, null when none. */
    publicSummary: text("public_summary"),
    /** When the summary was last written, changed or removed: a change of the public page like any other. */
    summaryUpdatedAt: timestamp("summary_updated_at", { withTimezone: true }),
    /** When an editor last changed its title, byline, original's address or date: its public page shows them. */
    detailsUpdatedAt: timestamp("details_updated_at", { withTimezone: true }),
    /**
     * When an editor filed the article away, and who: off the list of articles (under "Archived"), its claims
     * and its public page as they were. Null while it is current.
     */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    archivedBy: uuid("archived_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index("articles_created_at_idx").on(table.createdAt),
    check("articles_public_summary_check", sql`length(${table.publicSummary}) between 1 and 1000`),
    uniqueIndex("articles_slug_key").on(table.slug),
    // The review queue sorted by article title walks the articles in this order.
    index("articles_title_idx").on(table.title, table.id),
    // The public index and feed list the published articles, newest publication first (a backward scan).
    index("articles_published_idx").on(table.publishedAt, table.id).where(sql`${table.publishedAt} is not null`),
  ],
);

/**
 * The topics an article is filed under (`lib/articles/topics.ts`): health, elections, the economy, in the
 * order an editor gave them. Desk and public pages list the articles of a topic; one spelling per topic
 * on the desk (a topic given in another case takes the spelling the desk has).
 */
export const articleTopics = pgTable(
  "article_topics",
  {
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.articleId, table.position] }),
    uniqueIndex("article_topics_name_key").on(table.articleId, sql`lower(${table.name})`),
    // The articles of a topic, whatever its case.
    index("article_topics_lower_name_idx").on(sql`lower(${table.name})`),
    check("article_topics_name_check", sql`length(${table.name}) between 1 and 40`),
  ],
);

/**
 * The watch kept on an article's original at its web address (`lib/articles/original-watch.ts`): when it
 * is next due, what the original's text was when the desk last knew it (a digest), and, once the original
 * is seen to differ from that, when the desk first saw it and in which of the article's revisions; the
 * last failure to read it. One row per article whose original is watched; a changed address starts afresh.
 */
export const originalChecks = pgTable(
  "original_checks",
  {
    articleId: uuid("article_id")
      .primaryKey()
      .references(() => articles.id, { onDelete: "cascade" }),
    /** The address watched: the article's original address when the watch began. */
    url: text("url").notNull(),
    /** When an instance should next read it; an instance that takes it moves this on first, so others leave it. */
    dueAt: timestamp("due_at", { withTimezone: true }).notNull().defaultNow(),
    checkedAt: timestamp("checked_at", { withTimezone: true }),
    /** A digest of the original's text as the desk last knew it (first read, or its change dismissed or imported). */
    knownDigest: text("known_digest"),
    /** When the desk first saw the original differ from what it knew; null while it does not. */
    changedAt: timestamp("changed_at", { withTimezone: true }),
    /** The digest of the changed text, and the article's revision when the change was seen (a later revision answers it). */
    changedDigest: text("changed_digest"),
    changedInRevision: integer("changed_in_revision"),
    /** How the changed original differs from the article's text then: paragraphs only the original has, and only the article. */
    paragraphsAdded: integer("paragraphs_added"),
    paragraphsRemoved: integer("paragraphs_removed"),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    failure: text("failure"),
  },
  (table) => [index("original_checks_due_idx").on(table.dueAt)],
);

/** Every saved revision of an article, the current one included (it is also denormalized in `articles`). */
export const articleRevisions = pgTable(
  "article_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    doc: jsonb("doc").notNull(),
    plainText: text("plain_text").notNull(),
    /** Null for revisions nobody typed: imported or seeded articles, and revisions that existed before this table. */
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("article_revisions_article_revision_key").on(table.articleId, table.revision),
    check("article_revisions_revision_check", sql`${table.revision} >= 1`),
  ],
);

export const annotations = pgTable(
  "annotations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    /** TextQuoteSelector: the claim's exact text and up to 32 characters either side. */
    quote: text("quote").notNull(),
    prefix: text("prefix").notNull(),
    suffix: text("suffix").notNull(),
    /**
     * TextPositionSelector over `articles.plain_text`, in UTF-16 code units. An orphan keeps the quote,
     * context and offsets it had in the last revision that still held it.
     */
    startOffset: integer("start_offset").notNull(),
    endOffset: integer("end_offset").notNull(),
    verdict: verdictEnum("verdict"),
    /**
     * Who made the claim (`lib/annotations/claimant.ts`): a name, whether a person or an organization, and
     * what they are in a few words. The name is null when nobody was named, and then so are the other two.
     */
    claimantName: text("claimant_name"),
    claimantKind: text("claimant_kind", { enum: CLAIMANT_KINDS }),
    claimantRole: text("claimant_role"),
    explanation: text("explanation").notNull().default(""),
    status: reviewStatusEnum("status").notNull().default("draft"),
    /** The reviewer who should check this claim; null while nobody is assigned. */
    assigneeId: uuid("assignee_id").references(() => users.id),
    /** When the check is due, a calendar day in the newsroom's sense; null when there is no deadline. */
    dueOn: date("due_on"),
    /**
     * Optimistic concurrency: every write names the version it read and increments it.
     * Re-anchoring on a new revision does not: it changes only the placement, which no versioned write sets.
     */
    version: integer("version").notNull().default(1),
    /** Set when a revision deleted or rewrote the annotation's text: it leaves the text and waits to be re-attached or discarded. */
    orphanedAt: timestamp("orphaned_at", { withTimezone: true }),
    /** The revision that took its text, while it is orphaned. */
    orphanedRevision: integer("orphaned_revision"),
    /** Set when someone discarded the orphan: hidden from the article's list, kept with its history. */
    discardedAt: timestamp("discarded_at", { withTimezone: true }),
    /** How sure re-anchoring was of the current placement, 0 to 1 (see `Anchor` in `lib/anchoring`). */
    anchorConfidence: real("anchor_confidence").notNull().default(1),
    /** False while a low-confidence placement waits for someone to confirm it ("check placement"). */
    placementChecked: boolean("placement_checked").notNull().default(true),
    /**
     * The quote as a person last put the claim on the text or confirmed its placement, and the article
     * revision then: what "check placement" compares the current quote with. Re-anchoring carries both
     * along while the placement stays checked and keeps them once it flags it. The revision is null for
     * a claim imported from a file (the quote is the file's); both are null on claims flagged before
     * migration 0009.
     */
    checkedQuote: text("checked_quote"),
    checkedRevision: integer("checked_revision"),
    /**
     * The quote's words as English text-search terms (stemmed, without stop words), kept by the
     * database: what finds the approved claims like a new one (`lib/annotations/earlier-checks.ts`).
     */
    quoteTerms: tsvector("quote_terms").generatedAlwaysAs((): SQL => sql`to_tsvector('english', ${annotations.quote})`),
    /** The quote's terms and those of who made the claim: what the review queue's search (`?q=`) matches. */
    searchTerms: tsvector("search_terms").generatedAlwaysAs(
      (): SQL => sql`to_tsvector('english', ${annotations.quote}) || to_tsvector('english', coalesce(${annotations.claimantName}, ''))`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index("annotations_article_position_idx").on(table.articleId, table.startOffset, table.endOffset),
    index("annotations_article_status_idx").on(table.articleId, table.status),
    index("annotations_author_idx").on(table.authorId),
    index("annotations_assignee_due_idx").on(table.assigneeId, table.dueOn),
    index("annotations_status_updated_idx").on(table.status, table.updatedAt),
    index("annotations_updated_idx").on(table.updatedAt),
    // The claims' words, searched by "checked before" (approved claims only), and with their claimants' by the review queue (`?q=`).
    index("annotations_quote_terms_idx").using("gin", table.quoteTerms).where(sql`${table.discardedAt} is null`),
    index("annotations_search_terms_idx").using("gin", table.searchTerms).where(sql`${table.discardedAt} is null`),
    // The review queue (lib/reviews/queue.ts) lists only claims that are not discarded, so its indexes leave
    // the discarded out: smaller, and a count can be read from the index alone. Each filter's index ends with
    // the status, so that the counts per status under that filter are index-only scans; each sort has an
    // index to walk, so that a first page reads about as many rows as it shows (see `npm run bench:queue`).
    index("annotations_queue_status_idx").on(table.status).where(sql`${table.discardedAt} is null`),
    index("annotations_queue_verdict_status_idx").on(table.verdict, table.status).where(sql`${table.discardedAt} is null`),
    index("annotations_queue_assignee_idx").on(table.assigneeId, table.dueOn, table.status).where(sql`${table.discardedAt} is null`),
    index("annotations_queue_author_idx").on(table.authorId, table.updatedAt, table.status).where(sql`${table.discardedAt} is null`),
    index("annotations_queue_article_idx").on(table.articleId, table.updatedAt, table.status).where(sql`${table.discardedAt} is null`),
    index("annotations_queue_created_idx").on(table.createdAt).where(sql`${table.discardedAt} is null`),
    // One claimant's claims (`madeBy` in lib/annotations/claimant-sql.ts): the queue's filter and the public index.
    index("annotations_claimant_idx").on(sql`lower(${table.claimantName})`, table.updatedAt, table.status).where(sql`${table.discardedAt} is null`),
    // Undated claims come last in both directions: one index for each. Many claims share a due day, so the
    // ties' order is in the index too; otherwise a first page would sort a whole day's claims.
    index("annotations_queue_due_idx")
      .on(table.dueOn.asc().nullsLast(), table.updatedAt, table.id)
      .where(sql`${table.discardedAt} is null`),
    index("annotations_queue_due_desc_idx")
      .on(table.dueOn.desc().nullsLast(), table.updatedAt.desc().nullsFirst(), table.id.desc().nullsFirst())
      .where(sql`${table.discardedAt} is null`),
    index("annotations_queue_urgency_idx")
      .on(isClosed(table.status), table.dueOn, statusUrgency(table.status), table.updatedAt, table.id)
      .where(sql`${table.discardedAt} is null`),
    check("annotations_span_check", sql`${table.startOffset} >= 0 AND ${table.endOffset} > ${table.startOffset}`),
    check("annotations_discarded_orphan_check", sql`${table.discardedAt} IS NULL OR ${table.orphanedAt} IS NOT NULL`),
    check(
      "annotations_claimant_check",
      sql`(${table.claimantName} IS NULL AND ${table.claimantKind} IS NULL AND ${table.claimantRole} IS NULL)
        OR (${table.claimantName} IS NOT NULL AND ${table.claimantKind} IS NOT NULL
          AND length(${table.claimantName}) BETWEEN 1 AND ${sql.raw(String(CLAIMANT_LIMITS.name))}
          AND ${table.claimantKind} IN ('person', 'organization')
          AND (${table.claimantRole} IS NULL OR length(${table.claimantRole}) BETWEEN 1 AND ${sql.raw(String(CLAIMANT_LIMITS.role))}))`,
    ),
  ],
);

export const sources = pgTable(
  "sources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    annotationId: uuid("annotation_id")
      .notNull()
      .references(() => annotations.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    url: text("url").notNull(),
    title: text("title").notNull().default(""),
    publisher: text("publisher").notNull().default(""),
    quote: text("quote").notNull().default(""),
    accessedOn: date("accessed_on").notNull(),
    archiveUrl: text("archive_url"),
  },
  (table) => [uniqueIndex("sources_annotation_position_key").on(table.annotationId, table.position)],
);

export const reviewEvents = pgTable(
  "review_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    annotationId: uuid("annotation_id")
      .notNull()
      .references(() => annotations.id, { onDelete: "cascade" }),
    kind: annotationEventKindEnum("kind").notNull().default("status"),
    fromStatus: reviewStatusEnum("from_status"),
    toStatus: reviewStatusEnum("to_status").notNull(),
    /** The article revision a placement event happened at (orphaned by, re-attached in, ...); null for status changes. */
    revision: integer("revision"),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id),
    comment: text("comment"),
    /** Whom an `assigned` event gave the claim to (null: nobody), whom it had before, and by when it is due: null on other kinds. */
    assigneeId: uuid("assignee_id").references(() => users.id),
    previousAssigneeId: uuid("previous_assignee_id").references(() => users.id),
    dueOn: date("due_on"),
    /**
     * The claim's verdict when its status changed: for an approval, the rating the desk published. Null on
     * placement events, for a claim without a verdict, and on status changes recorded before migration 0015
     * (except each approved claim's latest approval, which that migration filled in).
     */
    verdict: verdictEnum("verdict"),
    createdAt: createdAt(),
  },
  (table) => [
    index("review_events_annotation_idx").on(table.annotationId, table.createdAt),
    // The desk's statistics (lib/statistics/desk.ts) read the status changes of a period.
    index("review_events_status_created_idx").on(table.createdAt).where(sql`${table.kind} = 'status'`),
  ],
);

/**
 * An editor's note to readers on a correction or an update of a public page (`lib/publishing/corrections.ts`),
 * kept on the review event that the change stands for: an approval that changed a rating, or a withdrawal.
 */
export const correctionNotes = pgTable(
  "correction_notes",
  {
    reviewEventId: uuid("review_event_id")
      .primaryKey()
      .references(() => reviewEvents.id, { onDelete: "cascade" }),
    /** Plain text, never rendered as HTML. */
    body: text("body").notNull(),
    writtenBy: uuid("written_by")
      .notNull()
      .references(() => users.id),
    writtenAt: timestamp("written_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check("correction_notes_body_check", sql`length(${table.body}) between 1 and 2000`)],
);

/**
 * Links to set a new password, emailed to someone who forgot theirs (`lib/users/password-reset.ts`):
 * only a hash of each link's token is kept, so that a copy of the database opens no account. A link
 * works once, within its hour.
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [index("password_resets_user_idx").on(table.userId, table.createdAt)],
);

/**
 * Requests for a password link, by sender (a keyed digest of their network address, lib/http/sender.ts),
 * whatever address they asked for and whether or not it has an account: one sender is sent at most
 * `MAX_REQUESTS_PER_SENDER_HOUR` an hour (lib/users/password-reset.ts). Kept for the hour only.
 */
export const passwordResetRequests = pgTable(
  "password_reset_requests",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    senderDigest: text("sender_digest").notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("password_reset_requests_sender_idx").on(table.senderDigest, table.createdAt)],
);

/**
 * Who hears of a review event in their inbox: the claim's author and assignee when it happened, not
 * the person who did it; for an assignment, whom it gave the claim to and whom it took it from
 * (migration 0030). Written by a trigger on review_events (migration 0010) for status changes
 * (a draft's creation aside), orphanings and assignments, so that every way of recording an event fans it out,
 * and the inbox reads a person's events by index instead of the desk's history. A claim discarded takes
 * its events out (a trigger on annotations, migration 0030): a person's count reads this table alone.
 */
export const inboxEvents = pgTable(
  "inbox_events",
  {
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reviewEventId: uuid("review_event_id")
      .notNull()
      .references(() => reviewEvents.id, { onDelete: "cascade" }),
    /** The event's claim and time, copied so that counting a person's events reads this table alone (and the claims). */
    annotationId: uuid("annotation_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** When the person opened the claim after it happened: read there, it is no longer new in their inbox (migration 0033). */
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.recipientId, table.reviewEventId] }),
    index("inbox_events_recipient_idx").on(table.recipientId, table.createdAt),
    // The header's count: a person's events not read on their claim, by index alone.
    index("inbox_events_unread_idx").on(table.recipientId, table.createdAt).where(sql`${table.readAt} is null`),
    // Opening a claim marks its events read for the person who opens it.
    index("inbox_events_claim_idx").on(table.recipientId, table.annotationId),
    // Deleting a review event (an article deleted) or discarding a claim removes its events by this.
    index("inbox_events_review_event_idx").on(table.reviewEventId),
    // Inbox emails (lib/notifications): the events of the last few seconds, whose recipients each round emails.
    index("inbox_events_created_idx").on(table.createdAt),
  ],
);

/** An annotation's discussion: comments, and replies to them (one level deep, as in a document editor's margin). */
export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    annotationId: uuid("annotation_id")
      .notNull()
      .references(() => annotations.id, { onDelete: "cascade" }),
    /** The comment this one replies to; null for a comment that starts a thread. */
    parentId: uuid("parent_id").references((): AnyPgColumn => comments.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    /** Plain text, never rendered as HTML. Emptied when the comment is deleted. */
    body: text("body").notNull(),
    /** Colleagues mentioned in the body with @Name. */
    mentionedUserIds: uuid("mentioned_user_ids").array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: createdAt(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    /** Set when its author deleted it: the thread keeps a "deleted" placeholder in its place. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    /** When, and by whom, the thread this comment starts was resolved (folded away as done); null while open, and on replies. */
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: uuid("resolved_by").references(() => users.id),
  },
  (table) => [
    check("comments_resolved_thread_check", sql`${table.resolvedAt} is null or ${table.parentId} is null`),
    index("comments_annotation_idx").on(table.annotationId, table.createdAt),
    // The inbox (lib/comments/inbox.ts): comments mentioning someone, and replies to someone's comments.
    index("comments_mentioned_idx").using("gin", table.mentionedUserIds),
    index("comments_author_idx").on(table.authorId),
    index("comments_parent_idx").on(table.parentId),
    // Inbox emails (lib/notifications): the comments of the last few seconds, whose people each round emails.
    index("comments_created_idx").on(table.createdAt),
  ],
);

/** Why a comment is in someone's inbox (`lib/comments/inbox.ts`). */
export const INBOX_COMMENT_REASONS = ["mention", "reply", "resolved"] as const;

/**
 * Who hears of a comment in their inbox: those it mentions, and (a reply) whoever started the thread
 * or replied in it before; and of a thread resolved, whoever started it, was mentioned in its first
 * comment or replied in it; never the person who wrote it or resolved it (migration 0032). Written
 * by a trigger on comments, so that every way of writing one fans it out, and the inbox reads a
 * person's comments by index instead of the desk's discussions. An edit that changes the mentions
 * fans the comment out again; deleting it takes it out, reopening the thread takes its resolution
 * out; a claim discarded takes its comments out (the trigger on annotations).
 */
export const inboxComments = pgTable(
  "inbox_comments",
  {
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The comment, or (`resolved`) the resolved thread's first comment. */
    commentId: uuid("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    reason: text("reason", { enum: INBOX_COMMENT_REASONS }).notNull(),
    /** The comment's claim, and when it was written (or the thread resolved), copied so that a person's count reads this table alone. */
    annotationId: uuid("annotation_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** When the person opened the claim after it was written: read there, it is no longer new in their inbox (migration 0033). */
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.recipientId, table.commentId, table.reason] }),
    check("inbox_comments_reason_check", sql`${table.reason} in ('mention', 'reply', 'resolved')`),
    index("inbox_comments_recipient_idx").on(table.recipientId, table.createdAt),
    index("inbox_comments_unread_idx").on(table.recipientId, table.createdAt).where(sql`${table.readAt} is null`),
    index("inbox_comments_claim_idx").on(table.recipientId, table.annotationId),
    // Deleting, editing or resolving a comment, or discarding its claim, changes its rows by this.
    index("inbox_comments_comment_idx").on(table.commentId),
    // Inbox emails (lib/notifications): the comments of the last few seconds, whose recipients each round emails.
    index("inbox_comments_created_idx").on(table.createdAt),
  ],
);

/**
 * Who hears in their inbox that an article's original changed at its web address
 * (`lib/articles/original-inbox.ts`): whoever added the article or published it, and whoever wrote,
 * was assigned or reviewed one of its claims (not discarded), as the desk first sees each new text of
 * it. One row per person and change, with what the change was then; read when the person opens the
 * article, where the change is shown.
 */
export const inboxOriginals = pgTable(
  "inbox_originals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    /** The original's address, and the article's revision when the change was seen. */
    url: text("url").notNull(),
    revision: integer("revision").notNull(),
    /** How the changed original differed from the article's text then: paragraphs only it had, and only the article. */
    paragraphsAdded: integer("paragraphs_added").notNull(),
    paragraphsRemoved: integer("paragraphs_removed").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** When the person opened the article after the change was seen: read there, it is no longer new in their inbox. */
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (table) => [
    index("inbox_originals_recipient_idx").on(table.recipientId, table.createdAt),
    index("inbox_originals_unread_idx").on(table.recipientId, table.createdAt).where(sql`${table.readAt} is null`),
    // Opening an article marks its changes read for the person who opens it.
    index("inbox_originals_article_idx").on(table.recipientId, table.articleId),
    // Deleting an article removes its rows by this.
    index("inbox_originals_article_only_idx").on(table.articleId),
    // Inbox emails (lib/notifications): the changes of the last few seconds, whose recipients each round emails.
    index("inbox_originals_created_idx").on(table.createdAt),
  ],
);

/**
 * The audit trail: one row per change to an annotation, its sources, a comment, an article or a user,
 * written in the transaction of the change. Append-only: a trigger (migration 0002) refuses updates,
 * deletes and truncation. No foreign keys to the subject, so entries outlive what they describe.
 */
export const auditEntries = pgTable(
  "audit_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** Who made the change; null for the application itself (seeding the demo article). */
    actorId: uuid("actor_id").references(() => users.id),
    subject: auditSubjectEnum("subject").notNull(),
    subjectId: uuid("subject_id").notNull(),
    action: auditActionEnum("action").notNull(),
    /** The article the subject belongs to, for filtering; null for users. */
    articleId: uuid("article_id"),
    /** The annotation the subject belongs to (itself, its sources, a comment on it), for its card's history. */
    annotationId: uuid("annotation_id"),
    /** The values before and after the change; null before a creation and after a deletion. */
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (table) => [
    index("audit_entries_at_idx").on(table.at),
    index("audit_entries_actor_idx").on(table.actorId, table.id),
    index("audit_entries_article_idx").on(table.articleId, table.id),
    index("audit_entries_annotation_idx").on(table.annotationId, table.id),
    index("audit_entries_subject_idx").on(table.subject, table.id),
  ],
);

/**
 * Who has which article open, one row per open event stream (lib/live/presence.ts): shared by every
 * instance, touched every 10 s by the stream that owns it, ignored (and then deleted) once 30 s old,
 * so that an instance that died does not keep its readers "here". Not audited: presence is not a change.
 */
export const presence = pgTable(
  "presence",
  {
    connectionId: uuid("connection_id").primaryKey(),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lastSeen: timestamp("last_seen", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("presence_article_idx").on(table.articleId, table.lastSeen), index("presence_last_seen_idx").on(table.lastSeen)],
);

/**
 * Web pages the desk read at someone's request (a page previewed for import, an original checked now),
 * counted per person so that no account has the server fetch without end (lib/articles/import/web-page/read-allowance.ts).
 */
export const pageReads = pgTable(
  "page_reads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("page_reads_actor_idx").on(table.actorId, table.readAt)],
);

/** Failed sign-ins, counted per email to slow down password guessing on every instance alike. */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    failedAt: timestamp("failed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("sign_in_failures_email_idx").on(table.email, table.failedAt)],
);

/**
 * The one-time recovery codes of an account with two-step sign-in, for a lost phone: each signs in once in
 * place of a code. Kept as SHA-256 digests (they are random, so a digest is enough); replaced as a set.
 */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeDigest: text("code_digest").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("recovery_codes_user_code_key").on(table.userId, table.codeDigest)],
);

/**
 * A reader's message to the desk (lib/reader-messages): from a public fact-check's page, an error they
 * spotted in a claim or in the whole fact-check; or from the index of fact-checks, a tip: a claim they
 * would like checked (no article). Plain text, never rendered as HTML. The sender is kept only as a keyed
 * digest of their network address, to limit how often one sender writes; their email only if they gave it,
 * to be answered.
 */
export const readerMessages = pgTable(
  "reader_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The fact-check written about; null for a tip. */
    articleId: uuid("article_id").references(() => articles.id, { onDelete: "cascade" }),
    /** The claim the reader wrote about, one the public page showed; null for the whole fact-check. */
    annotationId: uuid("annotation_id").references(() => annotations.id, { onDelete: "set null" }),
    /** The claim's words as the reader saw them, kept should the claim move or go. */
    quote: text("quote"),
    body: text("body").notNull(),
    /** A tip's address where the reader saw the claim (http or https), if they gave one. */
    link: text("link"),
    contactEmail: text("contact_email"),
    senderDigest: text("sender_digest").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    handledAt: timestamp("handled_at", { withTimezone: true }),
    handledBy: uuid("handled_by").references(() => users.id),
    /** What the desk did about it, for colleagues (never shown to readers). */
    handledNote: text("handled_note"),
  },
  (table) => [
    check("reader_messages_body_check", sql`length(${table.body}) between 1 and 2000`),
    index("reader_messages_received_idx").on(table.receivedAt),
    index("reader_messages_article_idx").on(table.articleId, table.receivedAt),
    index("reader_messages_sender_idx").on(table.senderDigest, table.receivedAt),
    index("reader_messages_new_idx").on(table.receivedAt).where(sql`${table.handledAt} is null`),
  ],
);

/** Values the application generates once and every instance shares, such as the session-signing secret. */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  createdAt: createdAt(),
});

export const usersRelations = relations(users, ({ many }) => ({
  annotations: many(annotations, { relationName: "author" }),
  assignedAnnotations: many(annotations, { relationName: "assignee" }),
}));

export const articlesRelations = relations(articles, ({ many }) => ({
  annotations: many(annotations),
  revisions: many(articleRevisions),
}));

/**
 * An address the desk posts events to (`lib/webhooks`), set up by an admin: which events, in which
 * format, signed with its secret.
 */
export const webhooks = pgTable("webhooks", {
  id: uuid("id").primaryKey().defaultRandom(),
  url: text("url").notNull(),
  description: text("description").notNull().default(""),
  /** The events it receives, of `WEBHOOK_EVENTS`. */
  events: text("events").array().notNull(),
  /** `json` (the desk's signed JSON) or `slack` (a chat message). */
  format: text("format").notNull().default("json"),
  /** The key of its HMAC-SHA256 signatures, shown to admins only. */
  secret: text("secret").notNull(),
  active: boolean("active").notNull().default(true),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One event for one webhook, written in the transaction of the change it tells of (an outbox), then
 * posted by whichever app instance claims it first (`FOR UPDATE SKIP LOCKED`), and retried with
 * growing delays until it is answered with 2xx or given up.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    /** The event's id, the same on every webhook it went to: receivers deduplicate retries by it. */
    eventId: uuid("event_id").notNull(),
    eventType: text("event_type").notNull(),
    /** The event as the JSON format sends it (`WebhookEvent`). */
    event: jsonb("event").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    /** When it is due; while an instance posts it, the end of that instance's lease. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    /** When the desk gave up on it, after its last attempt. */
    failedAt: timestamp("failed_at", { withTimezone: true }),
    /** The last attempt's HTTP status, or null when it got no answer. */
    responseStatus: integer("response_status"),
    /** Why the last attempt failed, in words. */
    lastError: text("last_error"),
  },
  (table) => [
    index("webhook_deliveries_due_idx").on(table.nextAttemptAt).where(sql`${table.deliveredAt} is null and ${table.failedAt} is null`),
    index("webhook_deliveries_webhook_idx").on(table.webhookId, table.createdAt),
  ],
);

export const articleRevisionsRelations = relations(articleRevisions, ({ one }) => ({
  article: one(articles, { fields: [articleRevisions.articleId], references: [articles.id] }),
  author: one(users, { fields: [articleRevisions.createdBy], references: [users.id] }),
}));

export const annotationsRelations = relations(annotations, ({ one, many }) => ({
  article: one(articles, { fields: [annotations.articleId], references: [articles.id] }),
  author: one(users, { fields: [annotations.authorId], references: [users.id], relationName: "author" }),
  assignee: one(users, { fields: [annotations.assigneeId], references: [users.id], relationName: "assignee" }),
  comments: many(comments),
  sources: many(sources),
  reviewEvents: many(reviewEvents),
}));

export const sourcesRelations = relations(sources, ({ one }) => ({
  annotation: one(annotations, { fields: [sources.annotationId], references: [annotations.id] }),
}));

export const reviewEventsRelations = relations(reviewEvents, ({ one }) => ({
  annotation: one(annotations, { fields: [reviewEvents.annotationId], references: [annotations.id] }),
  actor: one(users, { fields: [reviewEvents.actorId], references: [users.id] }),
}));

export const commentsRelations = relations(comments, ({ one }) => ({
  annotation: one(annotations, { fields: [comments.annotationId], references: [annotations.id] }),
  author: one(users, { fields: [comments.authorId], references: [users.id] }),
}));
