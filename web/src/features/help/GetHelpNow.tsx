/**
 * "Get help now", on every screen. It is a real link to /help (a page the server serves
 * without JavaScript); once the app has loaded, it opens the same resources in a dialog,
 * with the link to /help inside. Escape closes it and focus returns to the control.
 */
import { useState } from "react";
import { Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { useT } from "../../i18n/I18nProvider";
import { useMe } from "../auth/session";
import { ResourceList } from "./ResourceList";

export function GetHelpNow() {
  const t = useT();
  const me = useMe();
  const [open, setOpen] = useState(false);
  return (
    <>
      <a
        className="button help-now"
        href="/help"
        aria-haspopup="dialog"
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
          event.preventDefault();
          setOpen(true);
        }}
      >
        {t("help.button")}
      </a>
      <ModalOverlay isOpen={open} onOpenChange={setOpen} isDismissable>
        <Modal>
          <Dialog>
            {({ close }) => (
              <>
                <Heading slot="title">{t("help.title")}</Heading>
                <p>{t("help.intro")}</p>
                <p>{t("help.nobodyContacted")}</p>
                <div className="actions">
                  <a className="button secondary" href="/help">
                    {t("help.morePage")}
                  </a>
                  <button type="button" className="button" onClick={close}>
                    {t("help.close")}
                  </button>
                </div>
                <ResourceList region={me.data?.region ?? null} />
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
}
