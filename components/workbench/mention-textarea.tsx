"use client";

import { useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { insertMention, mentionAt } from "@/lib/comments/mention-query";
import type { Colleague } from "@/lib/users/service";
import { deskApi } from "./desk-api";

type Props = {
  label: string;
  value: string;
  onChange(value: string, mentions: Colleague[]): void;
  mentions: Colleague[];
  autoFocus?: boolean;
};

/**
 * A comment field where "@" followed by letters offers matching colleagues (arrow keys and Enter or
 * Tab to pick, Escape to dismiss): the picked name goes into the text as "@Name", and the person
 * into `mentions`, which keeps only those still named in the text.
 */
export function MentionTextarea({ label, value, onChange, mentions, autoFocus }: Props) {
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [typing, setTyping] = useState<{ start: number; query: string } | null>(null);
  const [options, setOptions] = useState<Colleague[]>([]);
  const [highlighted, setHighlighted] = useState(0);
  /** Where the caret goes once a picked mention is in the field's text. */
  const caretAfterPick = useRef<number | null>(null);

  // Right as the pick is committed (it always renders: the list closes), before the next key is handled:
  // a caret set any later (a frame later, say) would jump back over what the person typed meanwhile and
  // scramble their words. After every commit, not only a changed text: picking may leave the text as it was.
  useLayoutEffect(() => {
    const element = field.current;
    if (caretAfterPick.current === null || !element) return;
    element.focus();
    element.setSelectionRange(caretAfterPick.current, caretAfterPick.current);
    caretAfterPick.current = null;
  });

  useEffect(() => {
    if (!typing) return;
    let current = true;
    deskApi.colleagues(typing.query).then(
      (found) => {
        if (!current) return;
        setOptions(found.slice(0, 8));
        setHighlighted(0);
      },
      () => current && setOptions([]),
    );
    return () => {
      current = false;
    };
  }, [typing]);

  const open = typing !== null && options.length > 0;

  function update(text: string, caret: number, picked: Colleague[] = mentions) {
    onChange(text, picked.filter((person) => text.includes(`@${person.name}`)));
    setTyping(mentionAt(text, caret));
  }

  function pick(person: Colleague) {
    const element = field.current!;
    const { text, caret } = insertMention(value, typing!.start, element.selectionStart, person.name);
    caretAfterPick.current = caret;
    update(text, caret, [...mentions.filter((m) => m.id !== person.id), person]);
    setTyping(null);
  }

  return (
    <div className="mention-field">
      <label htmlFor={`${id}-text`}>{label}</label>
      <textarea
        id={`${id}-text`}
        ref={field}
        rows={3}
        value={value}
        autoFocus={autoFocus}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={`${id}-people`}
        aria-activedescendant={open ? `${id}-person-${highlighted}` : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => update(event.target.value, event.target.selectionStart)}
        onKeyDown={(event) => {
          if (!open) return;
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            setHighlighted((at) => (at + (event.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
          } else if (event.key === "Enter" || event.key === "Tab") {
            event.preventDefault();
            pick(options[highlighted]!);
          } else if (event.key === "Escape") {
            event.preventDefault();
            setTyping(null);
          }
        }}
        onBlur={() => setTimeout(() => setTyping(null), 150)}
      />
      <p id={`${id}-hint`} className="hint">
        Type @ and a name to mention a colleague.
      </p>
      <ul id={`${id}-people`} role="listbox" aria-label="Colleagues to mention" className="mention-options" hidden={!open}>
        {options.map((person, index) => (
          <li
            key={person.id}
            id={`${id}-person-${index}`}
            role="option"
            aria-selected={index === highlighted}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(person);
            }}
          >
            {person.name} <span className="muted">{person.role}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
