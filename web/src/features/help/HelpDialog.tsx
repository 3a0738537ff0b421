/**
 * The help dialog (React Aria: focus moves in, stays in, Escape closes, focus returns to the
 * control that opened it). Its own chunk, fetched when the app is idle or on the first press.
 */
import { Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { Link } from "wouter";
import { useT } from "../../i18n/I18nProvider";
import { useMe } from "../auth/session";
import { TalkToSupporter } from "../safety/TalkToSupporter";
import { ResourceList } from "./ResourceList";

export default function HelpDialog({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  const t = useT();
  const me = useMe();
  return (
    <ModalOverlay isOpen={open} onOpenChange={onOpenChange} isDismissable>
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
              {me.data ? (
                <section aria-labelledby="help-supporter-title" className="calm-panel">
                  <h3 id="help-supporter-title">{t("help.supporterTitle")}</h3>
                  <p>{t("safety.supporterHint")}</p>
                  <TalkToSupporter onOpened={close} />
                </section>
              ) : null}
              <ResourceList region={me.data?.region ?? null} />
              <p>
                <Link href="/guide" onClick={close}>
                  {t("guide.link")}
                </Link>
              </p>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
