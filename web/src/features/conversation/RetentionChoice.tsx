/**
 * How long a conversation's words are kept: keep until deleted, 1, 7 or 30 days
 * (PUT /api/v1/conversations/:id/retention). In a one-to-one or a matched group each member
 * chooses and the shortest choice holds; in a room a facilitator chooses for everyone, and other
 * members see the setting but no choice. Native radios in a fieldset (the app has no React Aria
 * radio group); saving answers in a polite status region, and errors follow the GOV.UK pattern.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../../api/client";
import { ApiError } from "../../api/errors";
import type { Conversation, RetentionChoice as Choice } from "../../api/types";
import { type Translate, useT } from "../../i18n/I18nProvider";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { type FieldErrors, generalErrorMessage } from "../../ui/form-errors";
import { privacyKey } from "./privacy-query";

const choices: Choice[] = [null, 1, 7, 30];
const idOf = (choice: Choice) => `retention-${choice ?? "keep"}`;

function labelOf(choice: Choice, t: Translate): string {
  return choice === null ? t("privacy.keep") : t("privacy.days", { days: choice });
}

/** What the status region says once a choice is saved, given what now holds. */
function savedMessage(chosen: Choice, holding: number | null, t: Translate): string {
  if (holding === null) return t("privacy.savedKept");
  if (chosen === null || holding < chosen) return t("privacy.savedShorter", { days: holding });
  return t("privacy.savedErased", { days: holding });
}

export function RetentionChoice({
  conversation,
  myId,
  myRetentionDays,
}: {
  conversation: Conversation;
  myId: string | undefined;
  /** The member's own choice (in a room, the room's, for a facilitator). */
  myRetentionDays: number | null;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<Choice | undefined>(undefined);
  const [status, setStatus] = useState("");
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const save = useMutation({
    mutationFn: (days: Choice) => api.setRetention(conversation.id, days),
    // Offline, say so at once (the GOV.UK way) rather than wait silently for the connection.
    networkMode: "always",
    onSuccess: async ({ retentionDays }, days) => {
      setStatus(savedMessage(days, retentionDays, t));
      await queryClient.invalidateQueries({ queryKey: privacyKey(conversation.id) });
      setPicked(undefined);
    },
    onError: (error) => {
      setAttempt((n) => n + 1);
      if (error instanceof ApiError && error.code === "FORBIDDEN" && error.field === "days") {
        setErrors(new Map([[idOf(choices[0]!), t("privacy.onlyFacilitator")]]));
      } else {
        setGeneral(generalErrorMessage(error, t));
      }
    },
  });

  const roomRules = conversation.members.some((m) => m.role === "facilitator");
  const isFacilitator = conversation.members.some((m) => m.userId === myId && m.role === "facilitator");
  const rule = roomRules ? t("privacy.ruleRoom") : conversation.kind === "direct" ? t("privacy.ruleDirect") : t("privacy.ruleGroup");
  if (roomRules && !isFacilitator) return <p>{rule}</p>;

  const mine = choices.find((choice) => choice === myRetentionDays) ?? null;
  const value = picked === undefined ? mine : picked;
  const error = errors.size > 0 ? [...errors.values()][0] : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    setStatus("");
    setErrors(new Map());
    setGeneral(null);
    save.mutate(value);
  }

  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} attempt={attempt} general={general} />
      <div className={error ? "field has-error" : "field"}>
        <fieldset aria-describedby={error ? "retention-rule retention-error" : "retention-rule"}>
          <legend>{roomRules ? t("privacy.roomChoice") : t("privacy.yourChoice")}</legend>
          <p className="hint" id="retention-rule">
            {rule}
          </p>
          {error ? (
            <p className="field-error" id="retention-error">
              {error}
            </p>
          ) : null}
          <ul className="choice-list">
            {choices.map((choice) => (
              <li className="check" key={idOf(choice)}>
                <input
                  type="radio"
                  name={`retention-${conversation.id}`}
                  id={idOf(choice)}
                  checked={value === choice}
                  onChange={() => {
                    setPicked(choice);
                    setStatus("");
                  }}
                />
                <label htmlFor={idOf(choice)}>{labelOf(choice, t)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      </div>
      <div className="actions">
        <button type="submit" className="button secondary">
          {save.isPending ? t("privacy.saving") : t("privacy.save")}
        </button>
      </div>
      <p role="status">{status}</p>
    </form>
  );
}
