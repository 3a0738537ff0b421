/**
 * "Get help now", on every screen. It is a real link to /help (a page the server serves
 * without JavaScript); once the app has loaded, it opens the same resources in a dialog,
 * with the link to /help inside. If the dialog's code cannot load, the link simply works.
 */
import { Suspense, lazy, useEffect, useState } from "react";
import { useT } from "../../i18n/I18nProvider";

const loadDialog = () => import("./HelpDialog");
const HelpDialog = lazy(loadDialog);

export function GetHelpNow() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [ready, setReady] = useState(false);

  // Fetch the dialog once the page has settled, so the first press opens it at once.
  useEffect(() => {
    const timer = setTimeout(() => {
      loadDialog().then(
        () => setReady(true),
        () => setReady(false),
      );
    }, 1500);
    return () => clearTimeout(timer);
  }, []);

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
          if (!ready) {
            loadDialog().then(
              () => setReady(true),
              // Could not load (offline mid-visit): go to the plain help page instead.
              () => location.assign("/help"),
            );
          }
        }}
      >
        {t("help.button")}
      </a>
      {open || ready ? (
        <Suspense fallback={null}>
          <HelpDialog open={open} onOpenChange={setOpen} />
        </Suspense>
      ) : null}
    </>
  );
}
