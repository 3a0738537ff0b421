/**
 * The check-in card of a one-to-one: three short answers each member may give (what they hope
 * for, how much time they have, what they would rather not talk about), seen by both. Answers
 * are read from GET /api/v1/conversations/:id (`checkins`) and saved with PUT .../checkin; the
 * `checkin.updated` event names only the fields that changed, so the screen reads the card again
 * when it arrives (Conversation.tsx).
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../../api/client";
import type { Checkin, Conversation } from "../../api/types";
import { type Translate, useT } from "../../i18n/I18nProvider";
import { generalErrorMessage } from "../../ui/form-errors";
import { memberName } from "./MemberMenu";

const fields = ["hopingFor", "timeAvailable", "avoidTopics"] as const;
type Field = (typeof fields)[number];
const maxLength = 280;

function labelOf(field: Field, t: Translate): string {
  if (field === "hopingFor") return t("checkin.hopingFor");
  if (field === "timeAvailable") return t("checkin.timeAvailable");
  return t("checkin.avoidTopics");
}

function Answers({ checkin, t }: { checkin: Checkin | undefined; t: Translate }) {
  const given = fields.filter((field) => checkin?.[field]);
  if (!checkin || given.length === 0) return <p className="muted">{t("checkin.notYet")}</p>;
  return (
    <dl className="answers">
      {given.map((field) => (
        <div key={field}>
          <dt>{labelOf(field, t)}</dt>
          <dd>{checkin[field]}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CheckinCard({ conversation, myId }: { conversation: Conversation; myId: string | undefined }) {
  const t = useT();
  const queryClient = useQueryClient();
  const mine = conversation.checkins?.find((c) => c.userId === myId);
  const other = conversation.members.find((m) => m.userId !== myId);
  const theirs = other ? conversation.checkins?.find((c) => c.userId === other.userId) : undefined;
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<Record<Field, string>>({ hopingFor: "", timeAvailable: "", avoidTopics: "" });
  const save = useMutation({
    mutationFn: (body: Record<Field, string | null>) => api.saveCheckin(conversation.id, body),
    onSuccess: async () => {
      setEditing(false);
      await queryClient.invalidateQueries({ queryKey: ["conversation", conversation.id] });
    },
  });
  const showForm = editing || !mine;

  function submit(event: FormEvent) {
    event.preventDefault();
    const body = Object.fromEntries(fields.map((field) => [field, values[field].trim() || null])) as Record<Field, string | null>;
    save.mutate(body);
  }

  return (
    <section className="calm-panel checkin" aria-labelledby="checkin-title">
      <h2 id="checkin-title">{t("checkin.title")}</h2>
      <p>{t("checkin.intro")}</p>
      {other ? (
        <>
          <h3>{t("checkin.theirs", { name: memberName(other) })}</h3>
          <Answers checkin={theirs} t={t} />
        </>
      ) : null}
      <h3>{t("checkin.mine")}</h3>
      {showForm ? (
        <form noValidate onSubmit={submit}>
          {fields.map((field) => (
            <div className="field" key={field}>
              <label htmlFor={`checkin-${field}`}>{labelOf(field, t)}</label>
              <input
                id={`checkin-${field}`}
                type="text"
                maxLength={maxLength}
                value={values[field]}
                onChange={(event) => setValues({ ...values, [field]: event.target.value })}
              />
            </div>
          ))}
          {save.isError ? (
            <p className="field-error" role="alert">
              {generalErrorMessage(save.error, t)}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="button">
              {save.isPending ? t("checkin.saving") : t("checkin.save")}
            </button>
            {editing ? (
              <button type="button" className="button secondary" onClick={() => setEditing(false)}>
                {t("confirm.cancel")}
              </button>
            ) : null}
          </div>
        </form>
      ) : (
        <>
          <Answers checkin={mine} t={t} />
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setValues({ hopingFor: mine?.hopingFor ?? "", timeAvailable: mine?.timeAvailable ?? "", avoidTopics: mine?.avoidTopics ?? "" });
              setEditing(true);
            }}
          >
            {t("checkin.change")}
          </button>
        </>
      )}
    </section>
  );
}
