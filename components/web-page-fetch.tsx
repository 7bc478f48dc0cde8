"use client";

import { useState } from "react";
import type { WebPagePreview } from "@/lib/articles/import/web-page/service";
import { ApiError, callApi } from "./api-client";
import { Message } from "./message";
import { RevisionComparison } from "./revision-comparison";

/** Fewer words than this and the preview warns that the page may not have shown the desk its whole article. */
const FEW_WORDS = 120;

type Props = {
  /** Prefix of the ids of the field and its error. */
  id: string;
  defaultUrl?: string;
  /** The article a new version is for: the preview then shows how the page's text differs from it. */
  compareWith?: string;
  /** The page fetched for the address in the field, or null while there is none (nothing fetched, or the address changed since). */
  page: WebPagePreview | null;
  onPage(page: WebPagePreview | null): void;
};

/**
 * The web address of an article with **Fetch article**, and once fetched, what the desk found there
 * (its title, byline, day, length, opening and closing paragraphs, or for a new version of an article,
 * what it changes in its text) for the person to check before importing it. Enter in the field fetches
 * too. Changing the address drops what was fetched.
 */
export function WebPageFetch({ id, defaultUrl = "", compareWith, page, onPage }: Props) {
  const [url, setUrl] = useState(defaultUrl);
  const [fetching, setFetching] = useState(false);
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null);

  async function fetchPage() {
    setError(null);
    onPage(null);
    if (!url.trim()) return setError({ message: "Type or paste the article's web address.", field: "is required" });
    setFetching(true);
    try {
      const { page } = await callApi<{ page: WebPagePreview }>("POST", "/api/web-pages", { url, article: compareWith });
      onPage(page);
    } catch (caught) {
      const failure = caught instanceof ApiError ? caught : new ApiError(0, "Could not fetch the page. Try again.");
      setError({ message: failure.message, field: failure.fields.url ?? null });
    } finally {
      setFetching(false);
    }
  }

  return (
    <div className="web-page-fetch">
      <label htmlFor={`${id}-url`}>Web address of the article</label>
      <div className="web-page-fetch__row">
        <input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          placeholder="https://"
          value={url}
          maxLength={2048}
          aria-invalid={!!error?.field}
          aria-describedby={error?.field ? `${id}-url-error` : undefined}
          onChange={(event) => {
            setUrl(event.currentTarget.value);
            if (page) onPage(null);
          }}
          onKeyDown={(event) => {
            if (event.key !== "Enter") return;
            event.preventDefault();
            if (!fetching) void fetchPage();
          }}
        />
        <button type="button" className={page ? "secondary" : "primary"} disabled={fetching} onClick={() => void fetchPage()}>
          {page ? "Fetch again" : "Fetch article"}
        </button>
      </div>
      {error?.field && (
        <p className="field-error" id={`${id}-url-error`}>
          {error.field}
        </p>
      )}
      <Message text={error?.message} />
      {fetching && (
        <p className="notice" role="status">
          <label htmlFor={`${id}-progress`}>Fetching the page and finding its article…</label> <progress id={`${id}-progress`} />
        </p>
      )}
      {page && <PagePreview page={page} />}
    </div>
  );
}

/** What the desk found at the address, as plain text: what an import of it will hold. */
function PagePreview({ page }: { page: WebPagePreview }) {
  const facts = [page.siteName, page.byline && `by ${page.byline}`, page.publishedOn && `published ${page.publishedOn}`].filter(Boolean).join(" · ");
  return (
    <section className="web-page-preview" aria-label="What the desk found at this address">
      <p className="web-page-preview__title">{page.title}</p>
      {facts && <p className="muted">{facts}</p>}
      <p className="muted">
        {page.words.toLocaleString("en")} {page.words === 1 ? "word" : "words"} in {page.paragraphs} {page.paragraphs === 1 ? "paragraph" : "paragraphs"}
        {page.url !== page.originalUrl && <> · its own address: {page.originalUrl}</>}
      </p>
      {page.wholePage && page.format === "html" && (
        <p className="notice" role="status">
          The page is too short for the desk to tell its article from the rest (menus, links, footer), so all its text is shown: check it, and remove what
          is not the article once imported (Edit article).
        </p>
      )}
      {page.words < FEW_WORDS && (
        <p className="notice" role="status">
          Only {page.words} {page.words === 1 ? "word was" : "words were"} found. If the article is longer, the site may show it only in a browser (with
          JavaScript, a subscription or a cookie consent): save the page from your browser and upload the file, or paste the text.
        </p>
      )}
      {page.comparison ? (
        <RevisionComparison comparison={page.comparison} />
      ) : (
        <PageExcerpt page={page} />
      )}
    </section>
  );
}

/** The opening paragraphs of the page's text and its last, the rest counted. */
function PageExcerpt({ page }: { page: WebPagePreview }) {
  const skipped = page.paragraphs - page.opening.length - (page.ending ? 1 : 0);
  return (
    <div className="web-page-preview__text">
      {page.opening.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
      {skipped > 0 && (
        <p className="muted">
          <span aria-hidden="true">…</span>
          <span className="visually-hidden">
            {skipped} more {skipped === 1 ? "paragraph" : "paragraphs"}
          </span>
        </p>
      )}
      {page.ending && <p>{page.ending}</p>}
    </div>
  );
}
