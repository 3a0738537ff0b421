/**
 * One screen: sets the document title and, after an in-app navigation, moves focus to the
 * screen's heading so screen-reader and keyboard users start at the top of the new content.
 */
import { type ReactNode, useEffect, useRef } from "react";
import { useT } from "../i18n/I18nProvider";

let firstScreen = true;

export function Page({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const t = useT();

  useEffect(() => {
    document.title = t("app.documentTitle", { page: title });
  }, [t, title]);

  useEffect(() => {
    if (firstScreen) {
      firstScreen = false;
      return;
    }
    heading.current?.focus();
  }, []);

  return (
    <>
      <h1 id="page-heading" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </>
  );
}
