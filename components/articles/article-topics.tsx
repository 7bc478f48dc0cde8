"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { MAX_TOPIC_LENGTH, MAX_TOPICS } from "@/lib/articles/topic-limits";
import type { FieldErrors } from "@/lib/errors";
import { callApi } from "../api-client";
import { FieldError } from "../field-error";
import { Message } from "../message";
import { ModalDialog } from "../modal-dialog";
import { SubmitOrCancel } from "../submit-or-cancel";
import { TopicLinks, topicListHref } from "./topic-links";
import { useDialogSubmit } from "../use-dialog-submit";

type Props = {
  articleId: string;
  topics: string[];
  /** The desk's topics, the most used first: what the field offers. */
  choices: string[];
  canEdit: boolean;
};

/**
 * The topics the article is filed under, under its title, each a link to the desk's articles of that
 * topic; for editors, **Edit topics** (or **Add topics**) opens the dialog that sets them.
 */
export function ArticleTopics({ articleId, topics, choices, canEdit }: Props) {
  const [open, setOpen] = useState(false);
  if (topics.length === 0 && !canEdit) return null;
  return (
    <div className="article-topics">
      {topics.length > 0 && (
        <>
          <span className="muted">Topics:</span>
          <TopicLinks topics={topics} href={topicListHref} />
        </>
      )}
      {canEdit && (
        <button type="button" className="link-button" onClick={() => setOpen(true)}>
          {topics.length > 0 ? "Edit topics" : "Add topics"}
        </button>
      )}
      {open && <TopicsDialog articleId={articleId} topics={topics} choices={choices} onClose={() => setOpen(false)} />}
    </div>
  );
}

/** `text` split at commas into topics, their spaces collapsed, blanks left out. */
const topicsIn = (text: string) =>
  text
    .split(",")
    .map((part) => part.replace(/\s+/g, " ").trim())
    .filter(Boolean);

function TopicsDialog({ articleId, topics: initial, choices, onClose }: { articleId: string; topics: string[]; choices: string[]; onClose(): void }) {
  const id = useId();
  const router = useRouter();
  const [topics, setTopics] = useState(initial);
  const [draft, setDraft] = useState("");
  const field = useRef<HTMLInputElement>(null);
  const { errors, setErrors, message, busy, submit } = useDialogSubmit();
  const has = (list: string[], topic: string) => list.some((one) => one.toLowerCase() === topic.toLowerCase());

  /** Adds what the field holds (several topics, comma-separated); says why, and answers null, when one cannot be. */
  function add(): string[] | null {
    let next = topics;
    for (const topic of topicsIn(draft)) {
      if (topic.length > MAX_TOPIC_LENGTH) {
        setErrors({ topic: `must be at most ${MAX_TOPIC_LENGTH} characters (“${topic.slice(0, 20)}…”)` });
        setTopics(next);
        return null;
      }
      if (has(next, topic)) continue;
      if (next.length >= MAX_TOPICS) {
        setErrors({ topic: `cannot be added: an article takes at most ${MAX_TOPICS} topics` });
        setTopics(next);
        return null;
      }
      // The desk's own spelling of a topic it knows in another case.
      next = [...next, choices.find((choice) => choice.toLowerCase() === topic.toLowerCase()) ?? topic];
    }
    setTopics(next);
    setDraft("");
    return next;
  }

  async function save() {
    // What is still in the field is added first; what cannot be is said, and nothing is saved.
    const next = add();
    if (!next) return;
    await submit(
      async () => {
        await callApi("PUT", `/api/articles/${articleId}/topics`, { topics: next });
        router.refresh();
        onClose();
      },
      // A topic refused is said at the field: "topics.2" is the third topic.
      (error): FieldErrors => {
        const [problem] = Object.values(error.fields);
        return problem ? { topic: problem } : {};
      },
    );
  }

  const offered = choices.filter((choice) => !has(topics, choice));
  return (
    <ModalDialog className="link-dialog" labelledBy={`${id}-title`} describedBy={`${id}-detail`} onClose={onClose}>
      <h2 id={`${id}-title`}>Topics</h2>
      <p id={`${id}-detail`}>
        File the article under the topics colleagues and readers look for it by: the list of articles, and once published the public index,
        list the articles of a topic. At most {MAX_TOPICS}.
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {topics.length > 0 ? (
          <ul className="topic-chips" aria-label="Topics of the article">
            {topics.map((topic) => (
              <li key={topic}>
                {topic}
                <button
                  type="button"
                  className="topic-chips__remove"
                  aria-label={`Remove ${topic}`}
                  onClick={() => {
                    setTopics(topics.filter((one) => one !== topic));
                    // The button goes with its topic: the focus goes to the field, not to the page.
                    field.current?.focus();
                  }}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No topic yet.</p>
        )}
        <label htmlFor={`${id}-topic`}>Add a topic</label>
        <div className="topic-add">
          <input
            ref={field}
            id={`${id}-topic`}
            list={`${id}-choices`}
            value={draft}
            maxLength={MAX_TOPIC_LENGTH * 4}
            aria-invalid={Boolean(errors.topic)}
            aria-describedby={errors.topic ? `${id}-topic-error` : `${id}-topic-hint`}
            data-autofocus=""
            onChange={(event) => {
              setDraft(event.target.value);
              setErrors({});
            }}
            onKeyDown={(event) => {
              if (event.key !== "Enter" || !draft.trim()) return;
              // Enter adds what was typed; with the field empty, it saves.
              event.preventDefault();
              add();
            }}
          />
          <button type="button" className="secondary" disabled={!draft.trim()} onClick={() => add()}>
            Add
          </button>
        </div>
        <datalist id={`${id}-choices`}>
          {offered.map((choice) => (
            <option key={choice} value={choice} />
          ))}
        </datalist>
        <p className="muted" id={`${id}-topic-hint`}>
          Enter adds it; several at once, separated by commas. The topics the desk uses are offered as you type.
        </p>
        <FieldError errors={errors} field="topic" id={`${id}-topic-error`} label="The topic" />
        <Message text={message} />
        <SubmitOrCancel label={busy ? "Saving…" : "Save topics"} disabled={busy} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
