/**
 * "Hand over to another supporter" (tap out), for the supporter of a support conversation:
 * a dialog with a short note that only the next supporter will read, sent with
 * POST /api/v1/conversations/:id/handoff. The member is then asked; nothing changes until they
 * say yes. (The API has no list of supporters to pick from, so any free one is offered.) Below
 * the button, how the member answered (HandoffOutcome).
 */
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { api } from "../../api/client";
import { ApiError } from "../../api/errors";
import { useT } from "../../i18n/I18nProvider";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { type FieldErrors, generalErrorMessage } from "../../ui/form-errors";
import { HandoffOutcome, handoffStatusKey } from "./HandoffOutcome";
import { supportNotices } from "./support-notices";

const maxNote = 2000;

function HandOverForm({ conversationId, close }: { conversationId: string; close(): void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt(attempt + 1);
    setGeneral(null);
    const trimmed = note.trim();
    const found: FieldErrors = new Map();
    if (!trimmed) found.set("handover-note", t("handover.errors.noteMissing"));
    else if ([...trimmed].length > maxNote) found.set("handover-note", t("handover.errors.noteLong", { max: maxNote }));
    setErrors(found);
    if (found.size > 0) return;
    setBusy(true);
    try {
      const { handoffId } = await api.offerHandoff(conversationId, { note: trimmed });
      queryClient.setQueryData(handoffStatusKey(handoffId), { status: "offered" });
      supportNotices.rememberOffered(conversationId, handoffId);
      close();
    } catch (error) {
      if (error instanceof ApiError && error.field === "note") setErrors(new Map([["handover-note", t("handover.errors.noteMissing")]]));
      else if (error instanceof ApiError && error.code === "FORBIDDEN") setGeneral(t("handover.errors.notYours"));
      else setGeneral(generalErrorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  const error = errors.get("handover-note");
  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} attempt={attempt} general={general} />
      <p>{t("handover.intro")}</p>
      <div className={error ? "field has-error" : "field"}>
        <label htmlFor="handover-note">{t("handover.note")}</label>
        <p className="hint" id="handover-note-hint">
          {t("handover.noteHint", { max: maxNote })}
        </p>
        {error ? (
          <p className="field-error" id="handover-note-error">
            {error}
          </p>
        ) : null}
        <textarea
          id="handover-note"
          rows={4}
          value={note}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "handover-note-hint handover-note-error" : "handover-note-hint"}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {busy ? t("handover.sending") : t("handover.submit")}
        </button>
        <button type="button" className="button secondary" onClick={close}>
          {t("handover.cancel")}
        </button>
      </div>
    </form>
  );
}

export function HandOver({ conversationId }: { conversationId: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  // A native button opens the dialog: React Aria's Button would inject an inline <style> that the CSP blocks.
  return (
    <div className="care-choice">
      <button type="button" className="button secondary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t("handover.open")}
      </button>
      <ModalOverlay isOpen={open} onOpenChange={setOpen} isDismissable>
        <Modal>
          <Dialog>
            {({ close }) => (
              <>
                <Heading slot="title">{t("handover.title")}</Heading>
                <HandOverForm conversationId={conversationId} close={close} />
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
      <HandoffOutcome conversationId={conversationId} />
    </div>
  );
}
