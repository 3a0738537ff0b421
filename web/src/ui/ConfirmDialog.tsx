/**
 * "Are you sure?" before something that cannot be undone by a tap (leaving, blocking, removing a
 * member). React Aria's modal dialog: focus moves in and stays in, Escape or "Cancel" closes it,
 * and focus returns to the control that opened it. A failure is said inside the dialog.
 */
import { type ReactNode, useState } from "react";
import { Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { useT } from "../i18n/I18nProvider";
import { generalErrorMessage } from "./form-errors";

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Runs on confirm; the dialog closes when it resolves and says what went wrong when it throws. */
  onConfirm(): Promise<void>;
}

export function ConfirmDialog({ open, onOpenChange, title, children, confirmLabel, onConfirm }: ConfirmDialogProps) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <ModalOverlay isOpen={open} onOpenChange={onOpenChange} isDismissable>
      <Modal>
        <Dialog role="alertdialog">
          {({ close }) => (
            <>
              <Heading slot="title">{title}</Heading>
              {children}
              {error ? (
                <p className="field-error" role="alert">
                  {error}
                </p>
              ) : null}
              <div className="actions">
                <button
                  type="button"
                  className="button"
                  aria-busy={busy}
                  onClick={async () => {
                    if (busy) return;
                    setBusy(true);
                    setError(null);
                    try {
                      await onConfirm();
                      close();
                    } catch (caught) {
                      setError(generalErrorMessage(caught, t));
                    } finally {
                      setBusy(false);
                    }
                  }}
                >
                  {confirmLabel}
                </button>
                <button type="button" className="button secondary" onClick={close}>
                  {t("confirm.cancel")}
                </button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
