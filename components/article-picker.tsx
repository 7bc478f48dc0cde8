"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { ArticleListPage, ArticleSummary } from "@/lib/articles/list";
import { callApi } from "./api-client";

type Choice = { id: string; title: string };

type Props = {
  /** The form field that carries the chosen article's id; empty for any article. */
  name: string;
  label: string;
  /** The article chosen when the page was made, or null for any. */
  initial: Choice | null;
  className: string;
};

/** Suggestions shown at most: a person narrows the search rather than scrolls. */
const SUGGESTIONS = 8;
/** Typing pauses this long before a search goes out. */
const DEBOUNCE_MS = 200;

/** The day an article was published, for telling like titles apart. */
const dateOf = (article: ArticleSummary) => article.publishedOn ?? "";

/**
 * An article filter of a GET form for an archive of any size: typing searches the titles and bylines
 * (as the article list does) and offers the newest matches; arrow keys and Enter, or a click, choose
 * one, whose id the form sends. Emptied, the filter takes any article. Leaving the field without
 * choosing puts back what was chosen before: the form never sends a half-typed title as if it filtered.
 */
export function ArticlePicker({ name, label, initial, className }: Props) {
  const id = useId();
  const [chosen, setChosen] = useState<Choice | null>(initial);
  const [text, setText] = useState(initial?.title ?? "");
  const [typing, setTyping] = useState(false);
  const [options, setOptions] = useState<ArticleSummary[]>([]);
  const [highlighted, setHighlighted] = useState(0);
  const [status, setStatus] = useState("");
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!typing) return;
    const search = text.trim();
    if (!search) return;
    let current = true;
    const timer = window.setTimeout(() => {
      callApi<ArticleListPage>("GET", `/api/articles?q=${encodeURIComponent(search)}&limit=${SUGGESTIONS}`).then(
        (page) => {
          if (!current) return;
          setOptions(page.articles);
          setHighlighted(0);
          setStatus(page.total === 0 ? "No article matches." : page.total > SUGGESTIONS ? `${page.total} articles match; the ${SUGGESTIONS} newest are listed.` : "");
        },
        (error: unknown) => current && (setOptions([]), setStatus(error instanceof Error ? error.message : "The search failed.")),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [text, typing]);

  const open = typing && options.length > 0;

  function choose(article: Choice | null) {
    setChosen(article);
    setText(article?.title ?? "");
    setTyping(false);
    setOptions([]);
    setStatus("");
  }

  return (
    <div className={`${className} article-picker`}>
      <label htmlFor={`${id}-search`}>{label}</label>
      <input type="hidden" name={name} value={chosen?.id ?? ""} />
      <div className="article-picker__field">
        <input
          id={`${id}-search`}
          ref={field}
          type="text"
          value={text}
          placeholder="Any article: type to search"
          autoComplete="off"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={`${id}-articles`}
          aria-activedescendant={open ? `${id}-article-${highlighted}` : undefined}
          aria-describedby={`${id}-status`}
          onChange={(event) => {
            setText(event.target.value);
            setTyping(true);
            if (!event.target.value.trim()) {
              // Emptied: any article, and nothing to suggest.
              setChosen(null);
              setOptions([]);
              setStatus("");
            }
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape" && typing) {
              event.preventDefault();
              choose(chosen);
            }
            if (!open) {
              // Enter would send the form with the article chosen before, not what is being typed.
              if (event.key === "Enter" && typing && text.trim()) {
                event.preventDefault();
                setStatus("Choose an article from the list, or empty the field for any article.");
              }
              return;
            }
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
              event.preventDefault();
              setHighlighted((at) => (at + (event.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
            } else if (event.key === "Enter") {
              event.preventDefault();
              choose(options[highlighted]!);
            }
          }}
          onBlur={() => typing && choose(text.trim() ? chosen : null)}
        />
        {chosen && (
          <button
            type="button"
            className="article-picker__clear"
            aria-label={`Any article (clear “${chosen.title}”)`}
            onClick={() => {
              choose(null);
              field.current?.focus();
            }}
          >
            ×
          </button>
        )}
      </div>
      <p id={`${id}-status`} className="hint" role="status">
        {status}
      </p>
      <ul id={`${id}-articles`} role="listbox" aria-label="Matching articles" className="mention-options" hidden={!open}>
        {options.map((article, index) => (
          <li
            key={article.id}
            id={`${id}-article-${index}`}
            role="option"
            aria-selected={index === highlighted}
            onMouseDown={(event) => {
              // Chosen before the field's blur would put the old choice back.
              event.preventDefault();
              choose(article);
            }}
          >
            {article.title}
            {(article.byline || dateOf(article)) && <small className="muted">{[article.byline, dateOf(article)].filter(Boolean).join(" · ")}</small>}
          </li>
        ))}
      </ul>
    </div>
  );
}
