"use client";

import { useEffect, useRef, useState } from "react";
import type { AnnotationDetail, AnnotationRecord } from "@/lib/annotations/record";
import { ApiError } from "../api-client";
import { annotationApi } from "./annotation-api";
import { ARTICLE_PAGE_KINDS, articleEventSchema, GONE_KINDS, parseEventData, presenceSchema, type ArticleEventMessage, type Person } from "./live-events";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "refused";

type Handlers = {
  /** Puts a claim the server answered with in its place (use-claims `store`). */
  store(record: AnnotationRecord | AnnotationDetail): void;
  /** Drops a claim that left the article (use-claims `forget`). */
  forget(id: string): void;
  /** The claim was refreshed because of `event`: the page may tell the user someone else changed what they edit. */
  onRefreshed?(record: AnnotationDetail, event: ArticleEventMessage): void;
  /** Someone saved a new revision of the article. */
  onRevised?(event: ArticleEventMessage): void;
  /** Someone changed the article's details, summary, archiving or publication (`ARTICLE_PAGE_KINDS`). */
  onArticleChanged?(event: ArticleEventMessage): void;
};

/** After the browser gave up (the server answered an error), open a new stream this long after. */
const REOPEN_MS = 3_000;
/** Events close together refresh each claim once. */
const BATCH_MS = 40;

/**
 * Keeps the page's claims current while others work on the article: listens to the article's event
 * stream, refetches the claims an event names (GET, through the API's own permissions) and puts them
 * in the store, without touching the user's selection or form. Returns the connection's state and
 * who else has the article open.
 */
export function useLiveArticle(articleId: string, handlers: Handlers): { status: LiveStatus; present: Person[] } {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [present, setPresent] = useState<Person[]>([]);
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let lastEventId: string | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | null = null;
    let batchTimer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const pending = new Map<string, ArticleEventMessage>();

    const refresh = (annotationId: string, event: ArticleEventMessage) => {
      annotationApi.get(annotationId).then(
        (record) => {
          if (stopped) return;
          if (record.discarded || record.articleId !== articleId) latest.current.forget(record.id);
          else latest.current.store(record);
          latest.current.onRefreshed?.(record, event);
        },
        (error: unknown) => {
          if (!stopped && error instanceof ApiError && error.status === 404) latest.current.forget(annotationId);
        },
      );
    };

    const flush = () => {
      batchTimer = null;
      const batch = [...pending.entries()];
      pending.clear();
      for (const [annotationId, event] of batch) {
        if (GONE_KINDS.has(event.kind)) latest.current.forget(annotationId);
        else refresh(annotationId, event);
      }
    };

    /** After (re)connecting: the list with If-None-Match, to pick up anything this page could not replay. */
    const resync = () => {
      annotationApi.list(articleId).then(
        (list) => {
          if (stopped) return;
          for (const record of list) latest.current.store(record);
        },
        () => {},
      );
    };

    const open = () => {
      const url = `/api/articles/${articleId}/events${lastEventId ? `?after=${encodeURIComponent(lastEventId)}` : ""}`;
      const stream = new EventSource(url);
      source = stream;
      stream.addEventListener("ready", (message) => {
        lastEventId = message.lastEventId || lastEventId;
        setStatus("live");
        resync();
      });
      stream.addEventListener("change", (message) => {
        lastEventId = message.lastEventId || lastEventId;
        const event = parseEventData(articleEventSchema, message.data);
        if (!event) return;
        if (event.kind === "article.revised") latest.current.onRevised?.(event);
        if (ARTICLE_PAGE_KINDS.has(event.kind)) latest.current.onArticleChanged?.(event);
        if (!event.annotationId) return;
        pending.set(event.annotationId, event);
        batchTimer ??= setTimeout(flush, BATCH_MS);
      });
      stream.addEventListener("presence", (message) => {
        const parsed = parseEventData(presenceSchema, message.data);
        if (parsed) setPresent(parsed.present);
      });
      stream.addEventListener("reset", resync);
      stream.addEventListener("refused", () => {
        stream.close();
        // The stream's session ended; this browser may have a newer one (signed in again after changing its
        // password), which takes over. Otherwise the page says so.
        fetch("/api/account", { credentials: "same-origin" }).then(
          (answer) => {
            if (stopped) return;
            if (answer.ok && source === stream) open();
            else setStatus("refused");
          },
          () => !stopped && setStatus("refused"),
        );
      });
      stream.onerror = () => {
        if (stopped) return;
        setStatus((current) => (current === "refused" ? current : "reconnecting"));
        // The browser retries by itself after a dropped connection; after an error answer it gives up.
        if (stream.readyState === EventSource.CLOSED && !reopenTimer) {
          reopenTimer = setTimeout(() => {
            reopenTimer = null;
            if (!stopped && source === stream) open();
          }, REOPEN_MS);
        }
      };
    };

    open();
    return () => {
      stopped = true;
      source?.close();
      if (reopenTimer) clearTimeout(reopenTimer);
      if (batchTimer) clearTimeout(batchTimer);
    };
  }, [articleId]);

  return { status, present };
}
