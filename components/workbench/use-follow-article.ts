"use client";

import { useRouter } from "next/navigation";
import type { AnnotationDetail, AnnotationRecord } from "@/lib/annotations/record";
import type { Publication } from "@/lib/publishing/service";
import type { Actor } from "@/lib/users/actor";
import { callApi } from "../api-client";
import { usePublication } from "../publishing/publication-context";
import type { ArticleEventMessage } from "./live-events";
import type { useArticleRevision } from "./use-article-revision";
import type { OpenForm } from "./use-unsaved-form";
import { useLiveArticle } from "./use-live-article";

type Options = {
  articleId: string;
  actor: Actor;
  article: ReturnType<typeof useArticleRevision>;
  form: OpenForm | null;
  store(record: AnnotationRecord | AnnotationDetail): void;
  forget(id: string): void;
  reload(): void;
  /** Says, above the open form, that someone else changed the claim in it. */
  onConflict(message: string): void;
};

/**
 * The workbench's side of live updates: claims others change are refreshed in place; when the claim
 * open in the edit form moved to a newer version by someone else, the user is told before saving
 * (their text stays in the form, and saving the old version would be refused with 409 anyway);
 * a revision someone else saved is shown unless this page is editing the article; the article's details,
 * archiving and publication, changed on another page, are drawn again (the page's own state, the claims
 * and the editor, stays).
 */
export function useFollowArticle({ articleId, actor, article, form, store, forget, reload, onConflict }: Options) {
  const router = useRouter();
  const { setPublication } = usePublication();
  return useLiveArticle(articleId, {
    store,
    forget,
    onRefreshed(record: AnnotationDetail, event: ArticleEventMessage) {
      if (form?.mode !== "edit" || form.annotationId !== record.id || record.version <= form.version) return;
      if (event.actor?.id === actor.id) return;
      onConflict(`${event.actor?.name ?? "Someone"} changed this claim; your text is kept: review their change before saving.`);
    },
    onRevised(event: ArticleEventMessage) {
      if (event.actor?.id === actor.id || article.editing) return;
      callApi<{ article: { doc: unknown; revision: number } }>("GET", `/api/articles/${articleId}`).then(
        (answer) => {
          if (article.follow(answer.article.doc, answer.article.revision)) reload();
        },
        () => {},
      );
    },
    onArticleChanged(event: ArticleEventMessage) {
      router.refresh();
      if (event.kind === "article.updated") return;
      callApi<{ publication: Publication }>("GET", `/api/articles/${articleId}/publication`).then(
        (answer) => setPublication(answer.publication),
        () => {},
      );
    },
  });
}
